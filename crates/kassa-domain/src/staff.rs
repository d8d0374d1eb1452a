//! Staff roles, what each may do, and the PIN lockout rule.
//!
//! Owner and manager sign in with a password; everyone switches at the register with a
//! short PIN. The permission matrix is [`Role::allows`]; the application checks it before
//! a command writes anything. A clerk may have one action approved on the spot by a
//! manager's PIN. Too many wrong PINs in a row lock the account for a while.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// A staff member's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Everything, including staff.
    Owner,
    /// Everything but staff.
    Manager,
    /// The counter: sells, takes payments, handles the drawer and customers.
    Clerk,
    /// Fulfilment and documents; not the counter's cash.
    Warehouse,
}

impl Role {
    /// Every role.
    pub const ALL: [Self; 4] = [Self::Owner, Self::Manager, Self::Clerk, Self::Warehouse];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Manager => "manager",
            Self::Clerk => "clerk",
            Self::Warehouse => "warehouse",
        }
    }

    /// The role of a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.code() == code)
    }

    /// Signs in with a password (owner and manager); the others only switch by PIN.
    pub fn has_password(self) -> bool {
        matches!(self, Self::Owner | Self::Manager)
    }

    /// Whether this role may do it.
    pub fn allows(self, permission: Permission) -> bool {
        use Permission as P;
        match self {
            Self::Owner => true,
            Self::Manager => permission != P::ManageStaff,
            Self::Clerk => matches!(
                permission,
                P::Sell | P::CashDrawer | P::Customers | P::Documents
            ),
            Self::Warehouse => matches!(permission, P::Fulfil | P::Documents),
        }
    }
}

/// What a command needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Ring up sales, take payments, park and resume carts, staff orders.
    Sell,
    /// Refunds and cancels of paid orders, returns, store credit.
    Refund,
    /// Cancel an unpaid order.
    Cancel,
    /// Delete test orders.
    DeleteTestOrder,
    /// Store settings (statuses, taxes, coupons, carriers, payment methods, printer, mail,
    /// carts), demo data.
    Settings,
    /// The catalog: products, categories, imports.
    Catalog,
    /// Customers and their addresses.
    Customers,
    /// Fulfilment: status changes that do not refund, tracking codes.
    Fulfil,
    /// Documents: invoices, packing slips, pick lists, receipts.
    Documents,
    /// The register: open, cash in and out, X report, close.
    CashDrawer,
    /// Reports: dashboard, exports, journal verification.
    Reports,
    /// Staff accounts.
    ManageStaff,
}

impl Permission {
    /// Every permission.
    pub const ALL: [Self; 12] = [
        Self::Sell,
        Self::Refund,
        Self::Cancel,
        Self::DeleteTestOrder,
        Self::Settings,
        Self::Catalog,
        Self::Customers,
        Self::Fulfil,
        Self::Documents,
        Self::CashDrawer,
        Self::Reports,
        Self::ManageStaff,
    ];

    /// The code the UI and errors use.
    pub fn code(self) -> &'static str {
        match self {
            Self::Sell => "sell",
            Self::Refund => "refund",
            Self::Cancel => "cancel",
            Self::DeleteTestOrder => "delete_test_order",
            Self::Settings => "settings",
            Self::Catalog => "catalog",
            Self::Customers => "customers",
            Self::Fulfil => "fulfil",
            Self::Documents => "documents",
            Self::CashDrawer => "cash_drawer",
            Self::Reports => "reports",
            Self::ManageStaff => "manage_staff",
        }
    }

    /// The permission of a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|permission| permission.code() == code)
    }
}

/// Wrong PINs in a row that lock an account.
pub const MAX_FAILED_PINS: i64 = 5;
/// How long a locked account stays locked.
pub const LOCKOUT_MINUTES: i64 = 5;

/// After one more wrong PIN: the new count of failures in a row, and the lock's end when
/// this one reached the limit.
pub fn after_wrong_pin(failures: i64, now: DateTime<Utc>) -> (i64, Option<DateTime<Utc>>) {
    let failures = failures.saturating_add(1);
    if failures >= MAX_FAILED_PINS {
        (0, Some(now + Duration::minutes(LOCKOUT_MINUTES)))
    } else {
        (failures, None)
    }
}

/// Checks a PIN's shape: 4 to 8 digits.
pub fn check_pin(pin: &str) -> Result<(), &'static str> {
    if (4..=8).contains(&pin.len()) && pin.bytes().all(|byte| byte.is_ascii_digit()) {
        Ok(())
    } else {
        Err("a PIN is 4 to 8 digits")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix() {
        use Permission as P;
        for permission in Permission::ALL {
            assert!(Role::Owner.allows(permission));
            assert_eq!(
                Role::Manager.allows(permission),
                permission != P::ManageStaff
            );
        }
        for permission in [
            P::Refund,
            P::Cancel,
            P::DeleteTestOrder,
            P::Settings,
            P::Catalog,
            P::Reports,
            P::ManageStaff,
            P::Fulfil,
        ] {
            assert!(!Role::Clerk.allows(permission), "{permission:?}");
        }
        for permission in [
            P::Sell,
            P::CashDrawer,
            P::Refund,
            P::Settings,
            P::Customers,
            P::Reports,
        ] {
            assert!(
                !Role::Warehouse.allows(permission),
                "warehouse never sees {permission:?}"
            );
        }
        assert!(Role::Warehouse.allows(P::Fulfil) && Role::Warehouse.allows(P::Documents));
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        for permission in Permission::ALL {
            assert_eq!(Permission::from_code(permission.code()), Some(permission));
        }
    }

    #[test]
    fn five_wrong_pins_lock_for_five_minutes() {
        let now = DateTime::<Utc>::UNIX_EPOCH;
        let mut failures = 0;
        for _ in 0..4 {
            let (next, locked) = after_wrong_pin(failures, now);
            assert!(locked.is_none());
            failures = next;
        }
        assert_eq!(
            after_wrong_pin(failures, now),
            (0, Some(now + Duration::minutes(5)))
        );
    }

    #[test]
    fn pins_are_four_to_eight_digits() {
        assert!(check_pin("1234").is_ok());
        assert!(check_pin("12345678").is_ok());
        for bad in ["123", "123456789", "12a4", "", "１２３４"] {
            assert!(check_pin(bad).is_err(), "{bad}");
        }
    }
}
