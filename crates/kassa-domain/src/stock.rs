//! Stock rules: what happens when a sale asks for more than is on the shelf.

use serde::{Deserialize, Serialize};

/// The store's policy for selling more than the recorded stock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OversellPolicy {
    /// Sell and warn: the shelf is often right when the books are not.
    #[default]
    AllowAndWarn,
    /// Refuse the sale of units that are not in stock.
    Refuse,
}

impl OversellPolicy {
    /// The stored setting value.
    pub fn code(self) -> &'static str {
        match self {
            Self::AllowAndWarn => "allow_and_warn",
            Self::Refuse => "refuse",
        }
    }

    /// Parses a stored setting value.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "allow_and_warn" => Some(Self::AllowAndWarn),
            "refuse" => Some(Self::Refuse),
            _ => None,
        }
    }
}

/// The outcome for one product of a sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockVerdict {
    /// Enough on hand, or stock is not tracked.
    Enough,
    /// Sold although `short` units were missing (policy allowed it).
    Oversold {
        /// Units sold beyond the recorded stock.
        short: i64,
    },
    /// Refused: `short` units are missing.
    Refused {
        /// Units missing.
        short: i64,
    },
}

/// Checks a requested quantity against stock on hand under a policy.
pub fn check_stock(
    policy: OversellPolicy,
    tracked: bool,
    on_hand: i64,
    requested: i64,
) -> StockVerdict {
    if !tracked || requested <= on_hand {
        return StockVerdict::Enough;
    }
    let short = requested - on_hand.max(0);
    match policy {
        OversellPolicy::AllowAndWarn => StockVerdict::Oversold { short },
        OversellPolicy::Refuse => StockVerdict::Refused { short },
    }
}

/// How many of the requested units a cart line can sell: none of a product that is no
/// longer for sale; under [`OversellPolicy::Refuse`] no more than is on hand (so an
/// out-of-stock line stays in the cart at 0 instead of blocking the rest); otherwise all.
pub fn sellable_quantity(
    policy: OversellPolicy,
    active: bool,
    tracked: bool,
    on_hand: i64,
    requested: i64,
) -> i64 {
    if !active {
        return 0;
    }
    match check_stock(policy, tracked, on_hand, requested) {
        StockVerdict::Refused { .. } => on_hand.clamp(0, requested.max(0)),
        StockVerdict::Enough | StockVerdict::Oversold { .. } => requested,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sellable_quantity_holds_back_what_cannot_be_sold() {
        use OversellPolicy::{AllowAndWarn, Refuse};
        assert_eq!(sellable_quantity(Refuse, false, true, 10, 3), 0, "inactive");
        assert_eq!(
            sellable_quantity(Refuse, true, true, 0, 3),
            0,
            "out of stock"
        );
        assert_eq!(
            sellable_quantity(Refuse, true, true, -2, 3),
            0,
            "oversold before"
        );
        assert_eq!(
            sellable_quantity(Refuse, true, true, 2, 3),
            2,
            "partly in stock"
        );
        assert_eq!(sellable_quantity(Refuse, true, true, 5, 3), 3, "enough");
        assert_eq!(sellable_quantity(Refuse, true, false, 0, 3), 3, "untracked");
        assert_eq!(
            sellable_quantity(AllowAndWarn, true, true, 0, 3),
            3,
            "oversell"
        );
        assert_eq!(
            sellable_quantity(AllowAndWarn, false, true, 9, 3),
            0,
            "inactive"
        );
    }

    #[test]
    fn untracked_products_never_run_out() {
        assert_eq!(
            check_stock(OversellPolicy::Refuse, false, 0, 5),
            StockVerdict::Enough
        );
    }

    #[test]
    fn default_policy_sells_and_warns() {
        assert_eq!(
            check_stock(OversellPolicy::default(), true, 1, 3),
            StockVerdict::Oversold { short: 2 }
        );
    }

    #[test]
    fn refuse_policy_refuses_and_counts_missing_units_from_zero() {
        assert_eq!(
            check_stock(OversellPolicy::Refuse, true, -2, 3),
            StockVerdict::Refused { short: 3 }
        );
    }
}
