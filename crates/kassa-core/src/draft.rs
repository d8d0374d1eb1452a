//! Pricing a cart the one way: coupons, delivery and taxes, for the counter's cart view,
//! the back office's checkout quote and the order being placed alike.
//!
//! Coupons are checked here against their usage counts as read in the caller's
//! transaction; placing an order runs this under the write lock, so two registers can
//! never both use the last use of a coupon.

use std::collections::BTreeSet;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use kassa_domain::discount::{
    CartRule, CouponContext, CouponRejection, DiscountAmount, DiscountLine, DiscountScope,
    RuleUsage, allocate_discounts, check_rule,
};
use kassa_domain::pricing::{OrderPricing, ShippingInput, price_order};
use kassa_domain::shipping::{
    Carrier, CarrierRange, CarrierUnavailable, RangeBasis, ShippingContext, ShippingQuote, quote,
    quotes,
};
use kassa_domain::tax::TaxRate;
use kassa_store::WriteTx;
use kassa_store::carts::CartLineRow;
use kassa_store::coupons::CouponRow;
use kassa_store::customers::CustomerRow;
use kassa_store::shipping::{CarrierRangeRow, CarrierRow};
use rust_decimal::Decimal;

use crate::api::AppliedCouponView;
use crate::cart::line_inputs;
use crate::settings::{StoreSettings, parse_decimal};
use crate::{ApiError, ApiResult, ErrorCode};

/// What to price.
pub(crate) struct DraftInput<'a> {
    /// The lines (zero-quantity lines are priced at zero).
    pub lines: &'a [CartLineRow],
    /// Coupons in the order entered.
    pub coupons: &'a [CouponRow],
    /// The customer, if any.
    pub customer: Option<&'a CustomerRow>,
    /// The chosen carrier; `None`: in-store pickup.
    pub carrier_code: Option<&'a str>,
    /// Destination country; `None`: no address (pickup, counter).
    pub country: Option<&'a str>,
    /// Now, for coupon validity.
    pub now: DateTime<Utc>,
}

/// The carrier an order goes with.
#[derive(Debug, Clone)]
pub(crate) struct ChosenCarrier {
    pub code: String,
    pub name: String,
}

/// A coupon and what it took.
#[derive(Debug, Clone)]
pub(crate) struct AppliedCoupon {
    pub row: CouponRow,
    pub amount: Decimal,
}

/// A priced draft.
pub(crate) struct PricedDraft {
    pub pricing: OrderPricing,
    pub coupons: Vec<AppliedCoupon>,
    /// Carriers that can take it (empty when nothing is shipped).
    pub options: Vec<ShippingQuote>,
    /// The carrier priced in (`None` when nothing is shipped).
    pub carrier: Option<ChosenCarrier>,
    /// Whether any item is delivered.
    pub needs_shipping: bool,
    /// Weight of the delivered items.
    pub weight_grams: i64,
}

impl PricedDraft {
    pub(crate) fn coupon_views(&self) -> Vec<AppliedCouponView> {
        self.coupons
            .iter()
            .map(|coupon| AppliedCouponView {
                code: coupon.row.code.clone(),
                description: coupon.row.description.clone(),
                amount: coupon.amount,
                free_shipping: coupon.row.free_shipping,
            })
            .collect()
    }
}

fn internal(message: String) -> ApiError {
    ApiError::new(ErrorCode::Internal, message)
}

fn count(value: Option<i64>) -> Option<u32> {
    value.map(|value| u32::try_from(value).unwrap_or(u32::MAX))
}

/// The domain rule of a stored coupon.
pub(crate) fn cart_rule(
    settings: &StoreSettings,
    row: &CouponRow,
    targets: &[i64],
) -> ApiResult<CartRule> {
    let currency = &settings.pricing.currency;
    let amount = match row.kind.as_str() {
        "percent" => Some(DiscountAmount::Percent(parse_decimal(
            row.percent.as_deref().unwrap_or("0"),
        )?)),
        "fixed" => Some(DiscountAmount::Fixed(
            currency.from_minor_units(row.amount_minor.unwrap_or(0)),
        )),
        _ => None,
    };
    let ids: BTreeSet<i64> = targets.iter().copied().collect();
    let scope = match row.scope.as_str() {
        "products" => DiscountScope::Products(ids),
        "categories" => DiscountScope::Categories(ids),
        _ => DiscountScope::Cart,
    };
    Ok(CartRule {
        code: row.code.clone(),
        amount,
        scope,
        free_shipping: row.free_shipping,
        minimum_subtotal: currency.from_minor_units(row.minimum_subtotal_minor),
        valid_from: row.valid_from,
        valid_to: row.valid_to,
        usage_limit: count(row.usage_limit),
        per_customer_limit: count(row.per_customer_limit),
        customer_id: row.customer_id,
        customer_group: row.customer_group.clone(),
        combinable: row.combinable,
        active: row.active,
    })
}

/// The stable error of a refused coupon.
pub(crate) fn coupon_error(rejection: &CouponRejection) -> ApiError {
    let code = match rejection {
        CouponRejection::Disabled { .. } | CouponRejection::Expired { .. } => {
            ErrorCode::CouponExpired
        }
        CouponRejection::NotYetValid { .. } => ErrorCode::CouponNotYetValid,
        CouponRejection::MinimumNotReached { .. } => ErrorCode::CouponMinimumNotReached,
        CouponRejection::UsedUp { .. } | CouponRejection::UsedUpByCustomer { .. } => {
            ErrorCode::CouponUsedUp
        }
        CouponRejection::NotCombinable { .. } => ErrorCode::CouponNotCombinable,
        CouponRejection::NotForThisCustomer { .. } | CouponRejection::NeedsCustomer { .. } => {
            ErrorCode::CouponNotForCustomer
        }
    };
    ApiError::new(code, capitalise(&rejection.to_string()))
}

pub(crate) fn unknown_coupon(code: &str) -> ApiError {
    ApiError::new(
        ErrorCode::CouponUnknown,
        format!("No coupon has the code {code}. Check the spelling."),
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// Comma-separated codes as a list.
pub(crate) fn code_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The domain carriers of the stored rows.
pub(crate) fn domain_carriers(
    settings: &StoreSettings,
    rows: &[CarrierRow],
    ranges: &[CarrierRangeRow],
) -> Vec<Carrier> {
    let currency = &settings.pricing.currency;
    rows.iter()
        .map(|row| {
            let basis = if row.basis == "price" {
                RangeBasis::Price
            } else {
                RangeBasis::Weight
            };
            let value = |raw: i64| match basis {
                RangeBasis::Price => currency.from_minor_units(raw),
                RangeBasis::Weight => Decimal::from(raw),
            };
            Carrier {
                code: row.code.clone(),
                name: row.name.clone(),
                active: row.active,
                is_pickup: row.is_pickup,
                basis,
                ranges: ranges
                    .iter()
                    .filter(|range| range.carrier_id == row.id)
                    .map(|range| CarrierRange {
                        from: value(range.from_value),
                        to: range.to_value.map(value),
                        price: currency.from_minor_units(range.price_minor),
                    })
                    .collect(),
                countries: code_list(&row.countries),
                customer_groups: code_list(&row.customer_groups),
                free_over: row
                    .free_over_minor
                    .map(|free| currency.from_minor_units(free)),
            }
        })
        .collect()
}

fn carrier_error(name: &str, reason: &CarrierUnavailable) -> ApiError {
    let code = match reason {
        CarrierUnavailable::NoDestination => ErrorCode::AddressRequired,
        _ => ErrorCode::CarrierUnavailable,
    };
    ApiError::new(code, format!("{name} cannot deliver this order: {reason}."))
}

/// Prices a draft inside the caller's transaction.
pub(crate) async fn price_draft(
    tx: &mut WriteTx,
    settings: &StoreSettings,
    input: &DraftInput<'_>,
) -> ApiResult<PricedDraft> {
    let currency = &settings.pricing.currency;
    let line_inputs = line_inputs(settings, input.lines)?;
    // Coupons never discount gift cards (a card is worth what is printed on it) and gift
    // cards do not count towards a coupon's minimum.
    let amounts: Vec<Decimal> = line_inputs
        .iter()
        .zip(input.lines)
        .map(|(line, row)| {
            if row.kind == "gift_card" {
                Decimal::ZERO
            } else {
                currency.round(line.unit_price * Decimal::from(line.quantity))
            }
        })
        .collect();
    let subtotal: Decimal = amounts.iter().copied().sum();
    let customer_id = input.customer.map(|customer| customer.id);
    let customer_group = input
        .customer
        .map(|customer| customer.customer_group.as_str());

    let mut rules = Vec::with_capacity(input.coupons.len());
    for row in input.coupons {
        let targets = tx.coupon_targets(row.id).await?;
        rules.push(cart_rule(settings, row, &targets)?);
    }
    for (index, (row, rule)) in input.coupons.iter().zip(&rules).enumerate() {
        let (total, by_customer) = tx.coupon_usage(row.id, customer_id).await?;
        let others: Vec<&CartRule> = rules.iter().take(index).collect();
        check_rule(
            rule,
            RuleUsage {
                total: u32::try_from(total).unwrap_or(u32::MAX),
                by_customer: u32::try_from(by_customer).unwrap_or(u32::MAX),
            },
            &CouponContext {
                now: input.now,
                subtotal,
                customer_id,
                customer_group,
                other_codes: &others,
            },
        )
        .map_err(|rejection| coupon_error(&rejection))?;
    }
    let by_category = rules
        .iter()
        .any(|rule| matches!(rule.scope, DiscountScope::Categories(_)));
    let mut discount_lines = Vec::with_capacity(input.lines.len());
    for (line, amount) in input.lines.iter().zip(&amounts) {
        let categories = match (by_category, line.category_id) {
            (true, Some(category)) => tx.category_with_ancestors(category).await?,
            _ => Vec::new(),
        };
        discount_lines.push(DiscountLine {
            product_id: line.product_id,
            categories,
            amount: *amount,
        });
    }
    let rule_refs: Vec<&CartRule> = rules.iter().collect();
    let allocation = allocate_discounts(currency, &rule_refs, &discount_lines);
    let coupons = input
        .coupons
        .iter()
        .zip(&allocation.per_rule)
        .map(|(row, (_, amount))| AppliedCoupon {
            row: row.clone(),
            amount: *amount,
        })
        .collect();

    let items = price_order(&settings.pricing, &line_inputs, &allocation.per_line, None)
        .map_err(|error| internal(format!("The cart cannot be priced: {error}")))?;
    let shipped: Vec<&CartLineRow> = input
        .lines
        .iter()
        .filter(|line| line.shippable && line.quantity > 0)
        .collect();
    let needs_shipping = !shipped.is_empty();
    let weight_grams: i64 = shipped
        .iter()
        .map(|line| line.weight_grams.unwrap_or(0).saturating_mul(line.quantity))
        .sum();
    if !needs_shipping {
        return Ok(PricedDraft {
            pricing: items,
            coupons,
            options: Vec::new(),
            carrier: None,
            needs_shipping,
            weight_grams,
        });
    }
    let rows = tx.carriers().await?;
    let carriers = domain_carriers(settings, &rows, &tx.carrier_ranges().await?);
    let context = ShippingContext {
        country: input.country,
        weight_grams,
        items_total: items.total,
        customer_group,
        free_shipping: allocation.free_shipping,
    };
    let options = quotes(&carriers, &context);
    let Some(code) = input.carrier_code else {
        // No carrier chosen: the customer takes the goods with them (the counter).
        let pickup = carriers.iter().find(|carrier| carrier.is_pickup);
        return Ok(PricedDraft {
            pricing: items,
            coupons,
            options,
            carrier: pickup.map(|carrier| ChosenCarrier {
                code: carrier.code.clone(),
                name: carrier.name.clone(),
            }),
            needs_shipping,
            weight_grams,
        });
    };
    let index = carriers
        .iter()
        .position(|carrier| carrier.code == code)
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::CarrierUnavailable,
                format!("There is no carrier with the code {code}."),
            )
        })?;
    let (Some(carrier), Some(row)) = (carriers.get(index), rows.get(index)) else {
        return Err(internal("The carriers changed while pricing.".to_owned()));
    };
    let price = quote(carrier, &context).map_err(|reason| carrier_error(&carrier.name, &reason))?;
    let shipping = if carrier.is_pickup || price.is_zero() {
        None
    } else {
        let tax = match row.tax_class_id {
            Some(class) => match tx.carrier_tax(class, input.country).await? {
                Some(rate) => TaxRate {
                    code: rate.code,
                    label: rate.label,
                    percent: Decimal::from_str(&rate.percent).map_err(|_| {
                        internal(format!("Tax rate {} is not a number.", rate.percent))
                    })?,
                },
                None => untaxed(),
            },
            None => untaxed(),
        };
        Some(ShippingInput { price, tax })
    };
    let pricing = price_order(
        &settings.pricing,
        &line_inputs,
        &allocation.per_line,
        shipping.as_ref(),
    )
    .map_err(|error| internal(format!("The order cannot be priced: {error}")))?;
    Ok(PricedDraft {
        pricing,
        coupons,
        options,
        carrier: Some(ChosenCarrier {
            code: carrier.code.clone(),
            name: carrier.name.clone(),
        }),
        needs_shipping,
        weight_grams,
    })
}

fn untaxed() -> TaxRate {
    TaxRate {
        code: "untaxed".to_owned(),
        label: "No tax".to_owned(),
        percent: Decimal::ZERO,
    }
}
