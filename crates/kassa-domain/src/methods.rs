//! Payment method availability: which methods the shop offers for an order, given its
//! currency, destination, customer group and carrier.
//!
//! Every restriction list works the same way: empty means "any"; a non-empty list offers
//! the method only when the order has a value for it and that value is in the list. A
//! counter sale has no destination of its own: the caller passes the store's country.

use serde::{Deserialize, Serialize};

/// A payment method as the shop owner set it up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentMethodRule {
    /// Stable code, e.g. `bank_transfer`.
    pub code: String,
    /// What the customer and the clerk see.
    pub label: String,
    /// Whether the shop owner has it switched on.
    pub active: bool,
    /// The status an order paid this way starts in, e.g. `awaiting_payment`.
    pub initial_status: String,
    /// ISO currency codes it takes (compared without regard to case); empty means any.
    pub currencies: Vec<String>,
    /// ISO country codes it is offered for (compared without regard to case); empty
    /// means any.
    pub countries: Vec<String>,
    /// Customer groups it is offered to; empty means every customer.
    pub customer_groups: Vec<String>,
    /// Carrier codes it is offered with, e.g. cash on delivery with one carrier; empty
    /// means any carrier or none.
    pub carriers: Vec<String>,
}

/// The order a payment method is checked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentContext<'a> {
    /// The order's ISO currency code.
    pub currency: &'a str,
    /// The destination country; for a counter sale, the store's own country.
    pub country: Option<&'a str>,
    /// The customer's group, if any.
    pub customer_group: Option<&'a str>,
    /// The chosen carrier's code, if the order is shipped.
    pub carrier: Option<&'a str>,
}

/// Why a payment method is not offered for an order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MethodUnavailable {
    /// The shop owner switched the method off.
    #[error("this payment method is switched off")]
    Inactive,
    /// The method does not take the order's currency.
    #[error("this payment method does not take {currency}")]
    Currency {
        /// The order's currency.
        currency: String,
    },
    /// The method is not offered for the destination country.
    #[error("{}", missing_or_other(.country.as_deref(), "is not offered for", "is only offered for some countries, and this order has none"))]
    Country {
        /// The order's country; `None` when it has none.
        country: Option<String>,
    },
    /// The method is not offered to the customer's group.
    #[error("{}", missing_or_other(.group.as_deref(), "is not offered to the customer group", "is only offered to some customer groups, and this customer has none"))]
    CustomerGroup {
        /// The customer's group; `None` when the customer has none.
        group: Option<String>,
    },
    /// The method is not offered with the chosen carrier.
    #[error("{}", missing_or_other(.carrier.as_deref(), "is not offered with the carrier", "is only offered with some carriers, and this order has none"))]
    Carrier {
        /// The order's carrier; `None` when it has none.
        carrier: Option<String>,
    },
}

fn missing_or_other(value: Option<&str>, other: &str, missing: &str) -> String {
    match value {
        Some(value) => format!("this payment method {other} {value}"),
        None => format!("this payment method {missing}"),
    }
}

/// Checks whether a payment method is offered for an order.
///
/// Checks, in order: switched off, currency, country, customer group, carrier. A
/// non-empty list refuses a context without a value for it.
pub fn check_method(
    rule: &PaymentMethodRule,
    ctx: &PaymentContext<'_>,
) -> Result<(), MethodUnavailable> {
    if !rule.active {
        return Err(MethodUnavailable::Inactive);
    }
    if !allows(&rule.currencies, Some(ctx.currency), true) {
        return Err(MethodUnavailable::Currency {
            currency: ctx.currency.to_owned(),
        });
    }
    if !allows(&rule.countries, ctx.country, true) {
        return Err(MethodUnavailable::Country {
            country: ctx.country.map(str::to_owned),
        });
    }
    if !allows(&rule.customer_groups, ctx.customer_group, false) {
        return Err(MethodUnavailable::CustomerGroup {
            group: ctx.customer_group.map(str::to_owned),
        });
    }
    if !allows(&rule.carriers, ctx.carrier, false) {
        return Err(MethodUnavailable::Carrier {
            carrier: ctx.carrier.map(str::to_owned),
        });
    }
    Ok(())
}

/// Whether a restriction list lets `value` through. ISO codes compare without regard to
/// case.
fn allows(list: &[String], value: Option<&str>, iso_code: bool) -> bool {
    list.is_empty()
        || value.is_some_and(|value| {
            list.iter().any(|item| {
                if iso_code {
                    item.eq_ignore_ascii_case(value)
                } else {
                    item == value
                }
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open_method() -> PaymentMethodRule {
        PaymentMethodRule {
            code: "cash".into(),
            label: "Cash".into(),
            active: true,
            initial_status: "paid".into(),
            currencies: vec![],
            countries: vec![],
            customer_groups: vec![],
            carriers: vec![],
        }
    }

    fn counter() -> PaymentContext<'static> {
        PaymentContext {
            currency: "EUR",
            country: Some("FR"),
            customer_group: None,
            carrier: None,
        }
    }

    #[test]
    fn empty_lists_allow_everything() {
        assert_eq!(check_method(&open_method(), &counter()), Ok(()));
        let bare = PaymentContext {
            country: None,
            ..counter()
        };
        assert_eq!(check_method(&open_method(), &bare), Ok(()));
    }

    #[test]
    fn switched_off_methods_are_unavailable() {
        let off = PaymentMethodRule {
            active: false,
            ..open_method()
        };
        assert_eq!(
            check_method(&off, &counter()),
            Err(MethodUnavailable::Inactive)
        );
    }

    #[test]
    fn currencies_and_countries_compare_iso_codes_without_case() {
        let euro_france = PaymentMethodRule {
            currencies: vec!["eur".into()],
            countries: vec!["FR".into()],
            ..open_method()
        };
        assert_eq!(check_method(&euro_france, &counter()), Ok(()));
        let dollars = PaymentContext {
            currency: "USD",
            ..counter()
        };
        assert_eq!(
            check_method(&euro_france, &dollars)
                .unwrap_err()
                .to_string(),
            "this payment method does not take USD"
        );
        let belgium = PaymentContext {
            country: Some("be"),
            ..counter()
        };
        assert_eq!(
            check_method(&euro_france, &belgium),
            Err(MethodUnavailable::Country {
                country: Some("be".into())
            })
        );
        let nowhere = PaymentContext {
            country: None,
            ..counter()
        };
        assert_eq!(
            check_method(&euro_france, &nowhere),
            Err(MethodUnavailable::Country { country: None })
        );
    }

    #[test]
    fn groups_and_carriers_restrict_when_listed() {
        let cod = PaymentMethodRule {
            customer_groups: vec!["retail".into()],
            carriers: vec!["post".into()],
            ..open_method()
        };
        let shipped = PaymentContext {
            customer_group: Some("retail"),
            carrier: Some("post"),
            ..counter()
        };
        assert_eq!(check_method(&cod, &shipped), Ok(()));
        let at_counter = PaymentContext {
            carrier: None,
            ..shipped
        };
        assert_eq!(
            check_method(&cod, &at_counter).unwrap_err().to_string(),
            "this payment method is only offered with some carriers, and this order has none"
        );
        let pro = PaymentContext {
            customer_group: Some("pro"),
            ..shipped
        };
        assert_eq!(
            check_method(&cod, &pro).unwrap_err().to_string(),
            "this payment method is not offered to the customer group pro"
        );
    }
}
