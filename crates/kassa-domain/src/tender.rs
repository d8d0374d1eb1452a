//! Tenders: how the customer pays, and the change the clerk hands back.
//!
//! Cards (an external terminal) are charged an exact amount; cash covers what is left and
//! may be more than that, giving change. An amount short of the total is refused, so a
//! sale is never recorded as paid when it is not.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::Currency;

/// Payment methods the counter takes. Codes are stored and sent to the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    /// Notes and coins in the till.
    Cash,
    /// A card on an external payment terminal.
    Card,
}

impl PaymentMethod {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Cash => "cash",
            Self::Card => "card",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "cash" => Some(Self::Cash),
            "card" => Some(Self::Card),
            _ => None,
        }
    }
}

/// What the clerk entered for one payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Tender {
    /// Cash handed over; may exceed what is due.
    Cash {
        /// The amount the customer handed over.
        tendered: Decimal,
    },
    /// A card charged on the terminal.
    Card {
        /// The amount charged.
        amount: Decimal,
        /// The terminal's transaction reference, if the clerk typed it.
        terminal_reference: Option<String>,
    },
}

/// One payment as recorded on the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettledPayment {
    /// Method.
    pub method: PaymentMethod,
    /// The amount applied to the order.
    pub amount: Decimal,
    /// For cash: what was handed over. For card: the amount.
    pub tendered: Decimal,
    /// For cash: change handed back. Zero otherwise.
    pub change: Decimal,
    /// Terminal reference for cards.
    pub reference: Option<String>,
}

/// The result of settling a total with tenders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settlement {
    /// Payments in the order given.
    pub payments: Vec<SettledPayment>,
    /// Change to hand back.
    pub change_due: Decimal,
}

/// Why tenders do not pay a total.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TenderError {
    /// Less was given than is due.
    #[error("{given} does not cover the total of {due}: {missing} is missing")]
    Short {
        /// What is due.
        due: Decimal,
        /// What was given.
        given: Decimal,
        /// The difference.
        missing: Decimal,
    },
    /// Cards were charged more than is due; a card overpayment cannot be given as change.
    #[error("card payments of {charged} exceed the total of {due}")]
    CardExceedsDue {
        /// What is due.
        due: Decimal,
        /// Sum of card amounts.
        charged: Decimal,
    },
    /// A tender of zero or less.
    #[error("a payment amount must be positive, got {0}")]
    NotPositive(Decimal),
    /// An amount with more decimals than the currency has.
    #[error("{0} is not a whole number of the currency's minor unit")]
    TooPrecise(Decimal),
    /// More than one cash tender.
    #[error("enter cash once, as the total handed over")]
    SeveralCashTenders,
    /// Nothing given for a total above zero.
    #[error("no payment was given for a total of {0}")]
    NoPayment(Decimal),
}

/// Settles `total` with `tenders`: cards first, cash for the rest, change from cash only.
pub fn settle(
    currency: &Currency,
    total: Decimal,
    tenders: &[Tender],
) -> Result<Settlement, TenderError> {
    let mut card_total = Decimal::ZERO;
    let mut cash_tendered: Option<Decimal> = None;
    for tender in tenders {
        let amount = match tender {
            Tender::Cash { tendered } => {
                if cash_tendered.replace(*tendered).is_some() {
                    return Err(TenderError::SeveralCashTenders);
                }
                *tendered
            }
            Tender::Card { amount, .. } => {
                card_total += *amount;
                *amount
            }
        };
        if amount <= Decimal::ZERO {
            return Err(TenderError::NotPositive(amount));
        }
        if !currency.is_rounded(amount) {
            return Err(TenderError::TooPrecise(amount));
        }
    }
    if tenders.is_empty() && total > Decimal::ZERO {
        return Err(TenderError::NoPayment(total));
    }
    if card_total > total {
        return Err(TenderError::CardExceedsDue {
            due: total,
            charged: card_total,
        });
    }
    let cash_due = total - card_total;
    let cash_given = cash_tendered.unwrap_or(Decimal::ZERO);
    if cash_given < cash_due {
        let given = card_total + cash_given;
        return Err(TenderError::Short {
            due: total,
            given,
            missing: total - given,
        });
    }
    let change_due = cash_given - cash_due;
    let payments = tenders
        .iter()
        .map(|tender| match tender {
            Tender::Cash { tendered } => SettledPayment {
                method: PaymentMethod::Cash,
                amount: cash_due,
                tendered: *tendered,
                change: change_due,
                reference: None,
            },
            Tender::Card {
                amount,
                terminal_reference,
            } => SettledPayment {
                method: PaymentMethod::Card,
                amount: *amount,
                tendered: *amount,
                change: Decimal::ZERO,
                reference: terminal_reference.clone(),
            },
        })
        .collect();
    Ok(Settlement {
        payments,
        change_due,
    })
}

/// Applies one tender to an outstanding `balance` (a payment recorded after the order was
/// placed). Partial payments are allowed; cash above the balance gives change; a card is
/// never charged more than the balance.
pub fn apply_tender(
    currency: &Currency,
    balance: Decimal,
    tender: &Tender,
) -> Result<SettledPayment, TenderError> {
    let given = match tender {
        Tender::Cash { tendered } => *tendered,
        Tender::Card { amount, .. } => *amount,
    };
    if given <= Decimal::ZERO {
        return Err(TenderError::NotPositive(given));
    }
    if !currency.is_rounded(given) {
        return Err(TenderError::TooPrecise(given));
    }
    Ok(match tender {
        Tender::Cash { tendered } => {
            let amount = (*tendered).min(balance);
            SettledPayment {
                method: PaymentMethod::Cash,
                amount,
                tendered: *tendered,
                change: *tendered - amount,
                reference: None,
            }
        }
        Tender::Card {
            amount,
            terminal_reference,
        } => {
            if *amount > balance {
                return Err(TenderError::CardExceedsDue {
                    due: balance,
                    charged: *amount,
                });
            }
            SettledPayment {
                method: PaymentMethod::Card,
                amount: *amount,
                tendered: *amount,
                change: Decimal::ZERO,
                reference: terminal_reference.clone(),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn eur() -> Currency {
        Currency::eur()
    }

    #[test]
    fn cash_over_the_total_gives_change() {
        let settled = settle(&eur(), dec!(17.30), &[Tender::Cash { tendered: dec!(20) }]).unwrap();
        assert_eq!(settled.change_due, dec!(2.70));
        assert_eq!(
            settled.payments[0].amount,
            dec!(17.30),
            "the order records what it cost, not what was handed over"
        );
    }

    #[test]
    fn cash_short_of_the_total_is_refused_with_the_missing_amount() {
        let result = settle(&eur(), dec!(17.30), &[Tender::Cash { tendered: dec!(10) }]);
        assert_eq!(
            result,
            Err(TenderError::Short {
                due: dec!(17.30),
                given: dec!(10),
                missing: dec!(7.30)
            })
        );
    }

    #[test]
    fn card_for_the_exact_total_settles_without_change() {
        let card = Tender::Card {
            amount: dec!(17.30),
            terminal_reference: Some("T-991".into()),
        };
        let settled = settle(&eur(), dec!(17.30), &[card]).unwrap();
        assert_eq!(settled.change_due, Decimal::ZERO);
        assert_eq!(settled.payments[0].reference.as_deref(), Some("T-991"));
    }

    #[test]
    fn card_plus_cash_splits_and_change_comes_from_cash() {
        let tenders = [
            Tender::Card {
                amount: dec!(10),
                terminal_reference: None,
            },
            Tender::Cash { tendered: dec!(10) },
        ];
        let settled = settle(&eur(), dec!(17.30), &tenders).unwrap();
        assert_eq!(settled.payments[1].amount, dec!(7.30));
        assert_eq!(settled.change_due, dec!(2.70));
    }

    #[test]
    fn a_later_payment_may_be_partial_and_cash_above_the_balance_gives_change() {
        let partial = apply_tender(&eur(), dec!(50), &Tender::Cash { tendered: dec!(20) }).unwrap();
        assert_eq!((partial.amount, partial.change), (dec!(20), dec!(0)));
        let over = apply_tender(&eur(), dec!(30), &Tender::Cash { tendered: dec!(50) }).unwrap();
        assert_eq!(
            (over.amount, over.change),
            (dec!(30), dec!(20)),
            "only the balance is applied"
        );
        let card = Tender::Card {
            amount: dec!(31),
            terminal_reference: None,
        };
        assert!(matches!(
            apply_tender(&eur(), dec!(30), &card),
            Err(TenderError::CardExceedsDue { .. })
        ));
    }

    #[test]
    fn card_overcharge_is_refused() {
        let card = Tender::Card {
            amount: dec!(20),
            terminal_reference: None,
        };
        assert!(matches!(
            settle(&eur(), dec!(17.30), &[card]),
            Err(TenderError::CardExceedsDue { .. })
        ));
    }

    #[test]
    fn sub_cent_and_non_positive_amounts_are_refused() {
        assert_eq!(
            settle(
                &eur(),
                dec!(1),
                &[Tender::Cash {
                    tendered: dec!(1.001)
                }]
            ),
            Err(TenderError::TooPrecise(dec!(1.001)))
        );
        assert_eq!(
            settle(&eur(), dec!(1), &[Tender::Cash { tendered: dec!(0) }]),
            Err(TenderError::NotPositive(dec!(0)))
        );
        assert_eq!(
            settle(&eur(), dec!(1), &[]),
            Err(TenderError::NoPayment(dec!(1)))
        );
    }
}
