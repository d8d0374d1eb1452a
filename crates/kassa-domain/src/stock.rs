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

#[cfg(test)]
mod tests {
    use super::*;

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
