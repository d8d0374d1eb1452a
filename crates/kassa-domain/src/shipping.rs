//! Carriers: which ones can take an order, and what each one costs.
//!
//! A carrier's price comes from ranges of weight or of order value; the shop owner can
//! make shipping free above an order value, and a coupon can make it free too. In-store
//! pickup is a carrier that costs nothing and needs no address.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What a carrier's price ranges are measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeBasis {
    /// The parcel's weight in grams.
    Weight,
    /// The items total after discounts, with tax.
    Price,
}

/// One price range of a carrier: `from <= value < to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarrierRange {
    /// Lower end, inclusive.
    pub from: Decimal,
    /// Upper end, exclusive; `None` means no upper end.
    pub to: Option<Decimal>,
    /// The shipping price for values in the range, in the store's price mode.
    pub price: Decimal,
}

impl CarrierRange {
    /// Whether `value` falls in the range.
    pub fn contains(&self, value: Decimal) -> bool {
        self.from <= value && self.to.is_none_or(|to| value < to)
    }
}

/// A carrier as the shop owner set it up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carrier {
    /// Stable code, e.g. `colissimo`.
    pub code: String,
    /// What the customer and the clerk see.
    pub name: String,
    /// Whether the shop owner has it switched on.
    pub active: bool,
    /// In-store pickup: always free, needs no address, available for any country.
    pub is_pickup: bool,
    /// What the ranges are measured in.
    pub basis: RangeBasis,
    /// Price ranges; the first one containing the value sets the price.
    pub ranges: Vec<CarrierRange>,
    /// ISO country codes it ships to (compared without regard to case); empty means
    /// everywhere.
    pub countries: Vec<String>,
    /// Customer groups that may use it; empty means every customer, with or without a
    /// group.
    pub customer_groups: Vec<String>,
    /// Items total (after discounts, with tax) at or above which shipping is free.
    pub free_over: Option<Decimal>,
}

/// The order a carrier is quoted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShippingContext<'a> {
    /// Destination country (ISO code); `None` when no address is known.
    pub country: Option<&'a str>,
    /// Total weight of the items in grams.
    pub weight_grams: i64,
    /// Items total after discounts, with tax.
    pub items_total: Decimal,
    /// The customer's group, if any.
    pub customer_group: Option<&'a str>,
    /// Whether a coupon on the cart makes shipping free.
    pub free_shipping: bool,
}

/// Why a carrier cannot take an order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CarrierUnavailable {
    /// The shop owner switched the carrier off.
    #[error("this carrier is switched off")]
    Inactive,
    /// The carrier delivers to an address and the order has none.
    #[error("this carrier delivers to an address: enter the delivery country first")]
    NoDestination,
    /// The carrier does not deliver to the order's country.
    #[error("this carrier does not deliver to {country}")]
    Country {
        /// The order's destination country.
        country: String,
    },
    /// The carrier is reserved for other customer groups.
    #[error("{}", group_message(.group.as_deref()))]
    CustomerGroup {
        /// The customer's group; `None` when the customer has no group.
        group: Option<String>,
    },
    /// None of the carrier's ranges covers the order.
    #[error("{}", range_message(*.basis, *.value))]
    OutOfRange {
        /// What the ranges measure.
        basis: RangeBasis,
        /// The order's weight in grams or items total.
        value: Decimal,
    },
}

fn group_message(group: Option<&str>) -> String {
    match group {
        Some(group) => format!("this carrier is not offered to customers of the group {group}"),
        None => "this carrier is only offered to some customer groups, and this customer has none"
            .to_owned(),
    }
}

fn range_message(basis: RangeBasis, value: Decimal) -> String {
    match basis {
        RangeBasis::Weight => format!("this carrier has no rate for a parcel of {value} g"),
        RangeBasis::Price => format!("this carrier has no rate for an order of {value}"),
    }
}

/// What a carrier charges for an order, or why it cannot take it.
///
/// Checks, in order: switched off, customer group, then (except for pickup) destination
/// country and the price range. Pickup always costs zero. Otherwise the price is that of
/// the first range containing the weight or items total, and zero when a coupon gives
/// free shipping or the items total reaches `free_over`; an order no range covers is
/// refused even when shipping would be free.
pub fn quote(carrier: &Carrier, ctx: &ShippingContext<'_>) -> Result<Decimal, CarrierUnavailable> {
    if !carrier.active {
        return Err(CarrierUnavailable::Inactive);
    }
    if !carrier.customer_groups.is_empty()
        && !ctx
            .customer_group
            .is_some_and(|group| carrier.customer_groups.iter().any(|g| g == group))
    {
        return Err(CarrierUnavailable::CustomerGroup {
            group: ctx.customer_group.map(str::to_owned),
        });
    }
    if carrier.is_pickup {
        return Ok(Decimal::ZERO);
    }
    let Some(country) = ctx.country else {
        return Err(CarrierUnavailable::NoDestination);
    };
    if !carrier.countries.is_empty()
        && !carrier
            .countries
            .iter()
            .any(|c| c.eq_ignore_ascii_case(country))
    {
        return Err(CarrierUnavailable::Country {
            country: country.to_owned(),
        });
    }
    let value = match carrier.basis {
        RangeBasis::Weight => Decimal::from(ctx.weight_grams),
        RangeBasis::Price => ctx.items_total,
    };
    let Some(range) = carrier.ranges.iter().find(|range| range.contains(value)) else {
        return Err(CarrierUnavailable::OutOfRange {
            basis: carrier.basis,
            value,
        });
    };
    let free = ctx.free_shipping
        || carrier
            .free_over
            .is_some_and(|threshold| ctx.items_total >= threshold);
    Ok(if free { Decimal::ZERO } else { range.price })
}

/// A carrier that can take the order, with its price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingQuote {
    /// The carrier's code.
    pub code: String,
    /// The carrier's name.
    pub name: String,
    /// What it charges, in the store's price mode.
    pub price: Decimal,
    /// Whether it is in-store pickup.
    pub is_pickup: bool,
}

/// The carriers that can take the order, with their prices, in the order given.
pub fn quotes(carriers: &[Carrier], ctx: &ShippingContext<'_>) -> Vec<ShippingQuote> {
    carriers
        .iter()
        .filter_map(|carrier| {
            quote(carrier, ctx).ok().map(|price| ShippingQuote {
                code: carrier.code.clone(),
                name: carrier.name.clone(),
                price,
                is_pickup: carrier.is_pickup,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn range(from: Decimal, to: Option<Decimal>, price: Decimal) -> CarrierRange {
        CarrierRange { from, to, price }
    }

    fn post() -> Carrier {
        Carrier {
            code: "post".into(),
            name: "La Poste".into(),
            active: true,
            is_pickup: false,
            basis: RangeBasis::Weight,
            ranges: vec![
                range(dec!(0), Some(dec!(1000)), dec!(4.90)),
                range(dec!(1000), Some(dec!(5000)), dec!(8.90)),
            ],
            countries: vec!["FR".into(), "BE".into()],
            customer_groups: vec![],
            free_over: Some(dec!(60.00)),
        }
    }

    fn pickup() -> Carrier {
        Carrier {
            code: "pickup".into(),
            name: "Pickup in store".into(),
            is_pickup: true,
            ranges: vec![],
            countries: vec![],
            free_over: None,
            ..post()
        }
    }

    fn ctx(country: Option<&str>, weight_grams: i64) -> ShippingContext<'_> {
        ShippingContext {
            country,
            weight_grams,
            items_total: dec!(30.00),
            customer_group: None,
            free_shipping: false,
        }
    }

    #[test]
    fn the_first_range_containing_the_weight_sets_the_price() {
        assert_eq!(quote(&post(), &ctx(Some("FR"), 999)), Ok(dec!(4.90)));
        assert_eq!(quote(&post(), &ctx(Some("fr"), 1000)), Ok(dec!(8.90)));
        assert_eq!(
            quote(&post(), &ctx(Some("FR"), 5000)),
            Err(CarrierUnavailable::OutOfRange {
                basis: RangeBasis::Weight,
                value: dec!(5000)
            })
        );
    }

    #[test]
    fn price_ranges_use_the_items_total() {
        let carrier = Carrier {
            basis: RangeBasis::Price,
            ranges: vec![
                range(dec!(0), Some(dec!(25)), dec!(6.00)),
                range(dec!(25), None, dec!(3.00)),
            ],
            free_over: None,
            ..post()
        };
        assert_eq!(quote(&carrier, &ctx(Some("BE"), 0)), Ok(dec!(3.00)));
    }

    #[test]
    fn shipping_is_free_over_the_threshold_or_with_a_coupon() {
        let rich = ShippingContext {
            items_total: dec!(60.00),
            ..ctx(Some("FR"), 10)
        };
        assert_eq!(quote(&post(), &rich), Ok(Decimal::ZERO));
        let coupon = ShippingContext {
            free_shipping: true,
            ..ctx(Some("FR"), 10)
        };
        assert_eq!(quote(&post(), &coupon), Ok(Decimal::ZERO));
        let too_heavy = ShippingContext {
            free_shipping: true,
            ..ctx(Some("FR"), 9000)
        };
        assert!(matches!(
            quote(&post(), &too_heavy),
            Err(CarrierUnavailable::OutOfRange { .. })
        ));
    }

    #[test]
    fn delivery_needs_a_served_country() {
        assert_eq!(
            quote(&post(), &ctx(None, 10)),
            Err(CarrierUnavailable::NoDestination)
        );
        let refusal = quote(&post(), &ctx(Some("DE"), 10)).unwrap_err();
        assert_eq!(refusal.to_string(), "this carrier does not deliver to DE");
    }

    #[test]
    fn pickup_is_free_everywhere_without_an_address() {
        assert_eq!(quote(&pickup(), &ctx(None, 99_999)), Ok(Decimal::ZERO));
        assert_eq!(quote(&pickup(), &ctx(Some("JP"), 10)), Ok(Decimal::ZERO));
    }

    #[test]
    fn groups_and_switches_restrict_carriers() {
        let pro_only = Carrier {
            customer_groups: vec!["pro".into()],
            ..post()
        };
        let refusal = quote(&pro_only, &ctx(Some("FR"), 10)).unwrap_err();
        assert_eq!(refusal, CarrierUnavailable::CustomerGroup { group: None });
        let retail = ShippingContext {
            customer_group: Some("retail"),
            ..ctx(Some("FR"), 10)
        };
        assert_eq!(
            quote(&pro_only, &retail).unwrap_err().to_string(),
            "this carrier is not offered to customers of the group retail"
        );
        let pro = ShippingContext {
            customer_group: Some("pro"),
            ..ctx(Some("FR"), 10)
        };
        assert_eq!(quote(&pro_only, &pro), Ok(dec!(4.90)));
        let off = Carrier {
            active: false,
            ..pickup()
        };
        assert_eq!(
            quote(&off, &ctx(None, 0)),
            Err(CarrierUnavailable::Inactive)
        );
    }

    #[test]
    fn quotes_lists_available_carriers_in_order() {
        let carriers = [post(), pickup()];
        let at_counter = quotes(&carriers, &ctx(None, 10));
        assert_eq!(
            at_counter
                .iter()
                .map(|q| q.code.as_str())
                .collect::<Vec<_>>(),
            vec!["pickup"]
        );
        let shipped = quotes(&carriers, &ctx(Some("FR"), 10));
        assert_eq!(shipped.len(), 2);
        assert_eq!(shipped[0].price, dec!(4.90));
        assert!(shipped[1].is_pickup);
    }
}
