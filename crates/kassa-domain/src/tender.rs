//! Tenders: how the customer pays, and the change the clerk hands back.
//!
//! Cards (an external terminal) are charged an exact amount; cash covers what is left and
//! may be more than that, giving change. An amount short of the total is refused, so a
//! sale is never recorded as paid when it is not.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::Currency;

/// Payment methods. Codes are stored and sent to the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    /// Notes and coins in the till.
    Cash,
    /// A card on an external payment terminal.
    Card,
    /// A check, usually cashed later.
    Check,
    /// A bank transfer, paid later.
    WireTransfer,
    /// Paid to the carrier on delivery.
    CashOnDelivery,
    /// A gift card's balance.
    GiftCard,
    /// The customer's store credit.
    StoreCredit,
}

impl PaymentMethod {
    /// Every method, in the order the settings list them.
    pub const ALL: [Self; 7] = [
        Self::Cash,
        Self::Card,
        Self::Check,
        Self::WireTransfer,
        Self::CashOnDelivery,
        Self::GiftCard,
        Self::StoreCredit,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Cash => "cash",
            Self::Card => "card",
            Self::Check => "check",
            Self::WireTransfer => "wire_transfer",
            Self::CashOnDelivery => "cash_on_delivery",
            Self::GiftCard => "gift_card",
            Self::StoreCredit => "store_credit",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|method| method.code() == code)
    }
}

/// What the clerk entered for one payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tender {
    /// Cash handed over; may exceed what is due.
    Cash {
        /// The amount the customer handed over.
        tendered: Decimal,
    },
    /// Any other method: charged exactly `amount`, never more than is due.
    Exact {
        /// Card, check, gift card, store credit, …; never cash.
        method: PaymentMethod,
        /// The amount charged.
        amount: Decimal,
        /// Terminal reference, check number, gift card code, …
        reference: Option<String>,
    },
}

impl Tender {
    /// The method of this tender.
    pub fn method(&self) -> PaymentMethod {
        match self {
            Self::Cash { .. } => PaymentMethod::Cash,
            Self::Exact { method, .. } => *method,
        }
    }

    fn given(&self) -> Decimal {
        match self {
            Self::Cash { tendered } => *tendered,
            Self::Exact { amount, .. } => *amount,
        }
    }
}

/// One payment as recorded on the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettledPayment {
    /// Method.
    pub method: PaymentMethod,
    /// The amount applied to the order.
    pub amount: Decimal,
    /// For cash: what was handed over. Otherwise the amount.
    pub tendered: Decimal,
    /// For cash: change handed back. Zero otherwise.
    pub change: Decimal,
    /// Terminal reference, check number, gift card code, …
    pub reference: Option<String>,
}

/// The result of settling a total with tenders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settlement {
    /// Payments in the order given.
    pub payments: Vec<SettledPayment>,
    /// Change to hand back.
    pub change_due: Decimal,
    /// Cash rounding: what rounding the cash part to the smallest coin added to the total
    /// (negative when it rounded down). Zero without cash or without cash rounding.
    pub rounding: Decimal,
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
    /// Exact methods were charged more than is due; only cash gives change.
    #[error(
        "payments other than cash of {charged} exceed the amount due of {due}; only cash gives change"
    )]
    CardExceedsDue {
        /// What is due.
        due: Decimal,
        /// Sum of the exact amounts.
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
    /// `Tender::Exact` with the cash method.
    #[error("cash is entered as the amount handed over, not as an exact amount")]
    CashAsExact,
}

fn check_amount(currency: &Currency, tender: &Tender) -> Result<Decimal, TenderError> {
    if let Tender::Exact {
        method: PaymentMethod::Cash,
        ..
    } = tender
    {
        return Err(TenderError::CashAsExact);
    }
    let amount = tender.given();
    if amount <= Decimal::ZERO {
        return Err(TenderError::NotPositive(amount));
    }
    if !currency.is_rounded(amount) {
        return Err(TenderError::TooPrecise(amount));
    }
    Ok(amount)
}

/// Settles `total` with `tenders`: exact methods first, cash for the rest, change from
/// cash only. With a `cash_increment` above zero (0.05 where the smallest coin is five
/// cents), the cash part is rounded to it and the difference is the settlement's
/// `rounding`; the order total itself is never changed.
pub fn settle(
    currency: &Currency,
    total: Decimal,
    tenders: &[Tender],
    cash_increment: Decimal,
) -> Result<Settlement, TenderError> {
    let mut exact_total = Decimal::ZERO;
    let mut cash_tendered: Option<Decimal> = None;
    for tender in tenders {
        let amount = check_amount(currency, tender)?;
        match tender {
            Tender::Cash { tendered } => {
                if cash_tendered.replace(*tendered).is_some() {
                    return Err(TenderError::SeveralCashTenders);
                }
            }
            Tender::Exact { .. } => exact_total += amount,
        }
    }
    if tenders.is_empty() && total > Decimal::ZERO {
        return Err(TenderError::NoPayment(total));
    }
    if exact_total > total {
        return Err(TenderError::CardExceedsDue {
            due: total,
            charged: exact_total,
        });
    }
    let exact_cash_due = total - exact_total;
    let cash_due = match cash_tendered {
        Some(_) => currency.round_to_increment(exact_cash_due, cash_increment),
        None => exact_cash_due,
    };
    let rounding = cash_due - exact_cash_due;
    let cash_given = cash_tendered.unwrap_or(Decimal::ZERO);
    if cash_given < cash_due {
        let given = exact_total + cash_given;
        let due = total + rounding;
        return Err(TenderError::Short {
            due,
            given,
            missing: due - given,
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
            Tender::Exact {
                method,
                amount,
                reference,
            } => SettledPayment {
                method: *method,
                amount: *amount,
                tendered: *amount,
                change: Decimal::ZERO,
                reference: reference.clone(),
            },
        })
        .collect();
    Ok(Settlement {
        payments,
        change_due,
        rounding,
    })
}

/// Applies one tender to an outstanding `balance` (a payment recorded after the order was
/// placed). Partial payments are allowed; cash above the balance gives change; other
/// methods are never charged more than the balance.
pub fn apply_tender(
    currency: &Currency,
    balance: Decimal,
    tender: &Tender,
) -> Result<SettledPayment, TenderError> {
    check_amount(currency, tender)?;
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
        Tender::Exact {
            method,
            amount,
            reference,
        } => {
            if *amount > balance {
                return Err(TenderError::CardExceedsDue {
                    due: balance,
                    charged: *amount,
                });
            }
            SettledPayment {
                method: *method,
                amount: *amount,
                tendered: *amount,
                change: Decimal::ZERO,
                reference: reference.clone(),
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

    fn card(amount: Decimal, reference: Option<&str>) -> Tender {
        Tender::Exact {
            method: PaymentMethod::Card,
            amount,
            reference: reference.map(str::to_owned),
        }
    }

    #[test]
    fn cash_over_the_total_gives_change() {
        let settled = settle(
            &eur(),
            dec!(17.30),
            &[Tender::Cash { tendered: dec!(20) }],
            Decimal::ZERO,
        )
        .unwrap();
        assert_eq!(settled.change_due, dec!(2.70));
        assert_eq!(
            settled.payments[0].amount,
            dec!(17.30),
            "the order records what it cost, not what was handed over"
        );
    }

    #[test]
    fn cash_short_of_the_total_is_refused_with_the_missing_amount() {
        let result = settle(
            &eur(),
            dec!(17.30),
            &[Tender::Cash { tendered: dec!(10) }],
            Decimal::ZERO,
        );
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
        let card = card(dec!(17.30), Some("T-991"));
        let settled = settle(&eur(), dec!(17.30), &[card], Decimal::ZERO).unwrap();
        assert_eq!(settled.change_due, Decimal::ZERO);
        assert_eq!(settled.payments[0].reference.as_deref(), Some("T-991"));
    }

    #[test]
    fn card_plus_cash_splits_and_change_comes_from_cash() {
        let tenders = [card(dec!(10), None), Tender::Cash { tendered: dec!(10) }];
        let settled = settle(&eur(), dec!(17.30), &tenders, Decimal::ZERO).unwrap();
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
        let card = card(dec!(31), None);
        assert!(matches!(
            apply_tender(&eur(), dec!(30), &card),
            Err(TenderError::CardExceedsDue { .. })
        ));
    }

    #[test]
    fn card_overcharge_is_refused() {
        let card = card(dec!(20), None);
        assert!(matches!(
            settle(&eur(), dec!(17.30), &[card], Decimal::ZERO),
            Err(TenderError::CardExceedsDue { .. })
        ));
    }

    #[test]
    fn cash_rounding_rounds_only_the_cash_part_to_the_smallest_coin() {
        let five_cents = dec!(0.05);
        let down = settle(
            &eur(),
            dec!(17.32),
            &[Tender::Cash { tendered: dec!(20) }],
            five_cents,
        )
        .unwrap();
        assert_eq!(down.payments[0].amount, dec!(17.30));
        assert_eq!((down.rounding, down.change_due), (dec!(-0.02), dec!(2.70)));
        let up = settle(
            &eur(),
            dec!(17.33),
            &[Tender::Cash { tendered: dec!(20) }],
            five_cents,
        )
        .unwrap();
        assert_eq!((up.rounding, up.change_due), (dec!(0.02), dec!(2.65)));
        let card_only =
            settle(&eur(), dec!(17.32), &[card(dec!(17.32), None)], five_cents).unwrap();
        assert_eq!(card_only.rounding, Decimal::ZERO, "cards pay to the cent");
        let split = settle(
            &eur(),
            dec!(17.32),
            &[
                card(dec!(10), None),
                Tender::Cash {
                    tendered: dec!(7.30),
                },
            ],
            five_cents,
        )
        .unwrap();
        assert_eq!(
            (split.payments[1].amount, split.rounding),
            (dec!(7.30), dec!(-0.02))
        );
    }

    #[test]
    fn every_method_has_a_code_that_parses_back() {
        for method in PaymentMethod::ALL {
            assert_eq!(PaymentMethod::from_code(method.code()), Some(method));
        }
        assert_eq!(PaymentMethod::from_code("bitcoin"), None);
    }

    #[test]
    fn sub_cent_and_non_positive_amounts_are_refused() {
        assert_eq!(
            settle(
                &eur(),
                dec!(1),
                &[Tender::Cash {
                    tendered: dec!(1.001)
                }],
                Decimal::ZERO
            ),
            Err(TenderError::TooPrecise(dec!(1.001)))
        );
        assert_eq!(
            settle(
                &eur(),
                dec!(1),
                &[Tender::Cash { tendered: dec!(0) }],
                Decimal::ZERO
            ),
            Err(TenderError::NotPositive(dec!(0)))
        );
        assert_eq!(
            settle(&eur(), dec!(1), &[], Decimal::ZERO),
            Err(TenderError::NoPayment(dec!(1)))
        );
    }
}
