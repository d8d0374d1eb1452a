//! Coupons (cart rules): whether a code may be used on a cart, and how much each line is
//! discounted when it is.
//!
//! Two separate steps, both pure:
//! * [`check_rule`] decides whether a coupon is accepted, given the time, the cart's
//!   subtotal, the customer, how often the code was used and the other coupons already on
//!   the cart. The rejection says why in words a clerk can repeat to the customer.
//! * [`allocate_discounts`] turns the accepted coupons into a discount per line, in whole
//!   minor units, that [`crate::pricing::price_order`] then prices.
//!
//! Invariants (property-tested in `tests/order_properties.rs`):
//! * every per-line discount is a whole number of minor units, between zero and the
//!   line's amount;
//! * what the rules took adds up exactly to what the lines lost;
//! * no rules means no discount at all.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::Currency;

/// How much a coupon takes off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum DiscountAmount {
    /// A percentage of each eligible line, `0 < p <= 100`: `10` takes 10 % off.
    ///
    /// A value outside that range is clamped by [`allocate_discounts`]: below zero takes
    /// nothing, above 100 takes the whole line.
    Percent(Decimal),
    /// A fixed amount off the eligible lines together, `> 0`, in the store's price mode
    /// (gross when shelf prices include tax, net when tax is added).
    ///
    /// It never takes more than the eligible lines are worth; a value of zero or below
    /// takes nothing.
    Fixed(Decimal),
}

/// Which lines a coupon applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "ids", rename_all = "snake_case")]
pub enum DiscountScope {
    /// Every line of the cart.
    Cart,
    /// Lines of these products (product ids).
    Products(BTreeSet<i64>),
    /// Lines whose product is in one of these categories or in a sub-category of one of
    /// them (category ids).
    Categories(BTreeSet<i64>),
}

impl DiscountScope {
    /// Whether a line falls under this scope.
    pub fn covers(&self, line: &DiscountLine) -> bool {
        match self {
            Self::Cart => true,
            Self::Products(products) => products.contains(&line.product_id),
            Self::Categories(categories) => line
                .categories
                .iter()
                .any(|category| categories.contains(category)),
        }
    }
}

/// A coupon as the shop owner set it up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartRule {
    /// The code the customer gives, e.g. `SPRING10`.
    pub code: String,
    /// What it takes off; `None` for a coupon that only gives free shipping.
    pub amount: Option<DiscountAmount>,
    /// The lines it applies to.
    pub scope: DiscountScope,
    /// Whether it makes shipping free.
    pub free_shipping: bool,
    /// The cart subtotal needed to use it, compared with the sum of the line amounts
    /// before any discount. Zero means no minimum.
    pub minimum_subtotal: Decimal,
    /// First moment it may be used; `None` means from the start.
    pub valid_from: Option<DateTime<Utc>>,
    /// Last moment it may be used (inclusive); `None` means it never expires.
    pub valid_to: Option<DateTime<Utc>>,
    /// How many times it may be used in total, over all customers.
    pub usage_limit: Option<u32>,
    /// How many times one customer may use it.
    pub per_customer_limit: Option<u32>,
    /// The only customer allowed to use it.
    pub customer_id: Option<i64>,
    /// The only customer group allowed to use it.
    pub customer_group: Option<String>,
    /// Whether it may be used together with other coupons.
    pub combinable: bool,
    /// Whether the shop owner has it switched on.
    pub active: bool,
}

/// How often a coupon was used already, as counted by the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RuleUsage {
    /// Uses over all customers.
    pub total: u32,
    /// Uses by the customer of this cart (zero when there is no customer).
    pub by_customer: u32,
}

/// The cart a coupon is checked against.
#[derive(Debug, Clone, Copy)]
pub struct CouponContext<'a> {
    /// The current time, passed in by the caller.
    pub now: DateTime<Utc>,
    /// Sum of the line amounts before any discount, in the store's price mode.
    pub subtotal: Decimal,
    /// The cart's customer, if one is attached.
    pub customer_id: Option<i64>,
    /// The customer's group, if any.
    pub customer_group: Option<&'a str>,
    /// Coupons already on the cart, not including the one being checked.
    pub other_codes: &'a [&'a CartRule],
}

/// Why a coupon cannot be used. Every message is a sentence a clerk can read out; each
/// names the code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CouponRejection {
    /// The shop owner switched the coupon off.
    #[error("coupon {code} is switched off")]
    Disabled {
        /// The coupon's code.
        code: String,
    },
    /// The coupon's validity has ended.
    #[error("coupon {code} expired on {}", format_moment(.valid_to))]
    Expired {
        /// The coupon's code.
        code: String,
        /// The last moment it was valid.
        valid_to: DateTime<Utc>,
    },
    /// The coupon's validity has not started yet.
    #[error("coupon {code} cannot be used before {}", format_moment(.valid_from))]
    NotYetValid {
        /// The coupon's code.
        code: String,
        /// The first moment it is valid.
        valid_from: DateTime<Utc>,
    },
    /// The cart is below the coupon's minimum.
    #[error("coupon {code} needs a subtotal of at least {minimum}; this cart comes to {subtotal}")]
    MinimumNotReached {
        /// The coupon's code.
        code: String,
        /// The subtotal the coupon needs.
        minimum: Decimal,
        /// The cart's subtotal.
        subtotal: Decimal,
    },
    /// The coupon was used as many times as allowed.
    #[error("coupon {code} has been used up: it could be used {limit} times in all")]
    UsedUp {
        /// The coupon's code.
        code: String,
        /// Uses allowed over all customers.
        limit: u32,
    },
    /// This customer used the coupon as many times as allowed.
    #[error("this customer has already used coupon {code} the {limit} times allowed")]
    UsedUpByCustomer {
        /// The coupon's code.
        code: String,
        /// Uses allowed per customer.
        limit: u32,
    },
    /// The coupon and a coupon already on the cart exclude each other.
    #[error("coupon {code} cannot be combined with coupon {other}, which is already on the cart")]
    NotCombinable {
        /// The coupon's code.
        code: String,
        /// The code on the cart that it conflicts with.
        other: String,
    },
    /// The coupon is reserved for another customer or customer group.
    #[error("coupon {code} is reserved for another customer")]
    NotForThisCustomer {
        /// The coupon's code.
        code: String,
    },
    /// The coupon depends on who the customer is, and no customer is attached.
    #[error("coupon {code} is personal: attach the customer to the sale first")]
    NeedsCustomer {
        /// The coupon's code.
        code: String,
    },
}

fn format_moment(moment: &DateTime<Utc>) -> String {
    moment.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// Checks whether a coupon may be used on a cart.
///
/// Checks run in this order and the first failure is returned: switched off, validity
/// dates (`valid_to` is inclusive), customer restrictions, total usage, usage by this
/// customer, minimum subtotal, then combination with the coupons already on the cart.
///
/// * A coupon restricted to a customer or group, or limited per customer, needs a
///   customer on the cart ([`CouponRejection::NeedsCustomer`]); a different customer or
///   group gives [`CouponRejection::NotForThisCustomer`].
/// * It is [`CouponRejection::NotCombinable`] when it is not combinable and other coupons
///   are on the cart, or when any coupon on the cart is not combinable.
pub fn check_rule(
    rule: &CartRule,
    usage: RuleUsage,
    ctx: &CouponContext<'_>,
) -> Result<(), CouponRejection> {
    let code = || rule.code.clone();
    if !rule.active {
        return Err(CouponRejection::Disabled { code: code() });
    }
    if let Some(valid_from) = rule.valid_from
        && ctx.now < valid_from
    {
        return Err(CouponRejection::NotYetValid {
            code: code(),
            valid_from,
        });
    }
    if let Some(valid_to) = rule.valid_to
        && ctx.now > valid_to
    {
        return Err(CouponRejection::Expired {
            code: code(),
            valid_to,
        });
    }
    if let Some(customer_id) = rule.customer_id {
        match ctx.customer_id {
            None => return Err(CouponRejection::NeedsCustomer { code: code() }),
            Some(id) if id != customer_id => {
                return Err(CouponRejection::NotForThisCustomer { code: code() });
            }
            Some(_) => {}
        }
    }
    if let Some(group) = &rule.customer_group {
        match ctx.customer_group {
            Some(customer_group) if customer_group == group => {}
            None if ctx.customer_id.is_none() => {
                return Err(CouponRejection::NeedsCustomer { code: code() });
            }
            _ => return Err(CouponRejection::NotForThisCustomer { code: code() }),
        }
    }
    if let Some(limit) = rule.usage_limit
        && usage.total >= limit
    {
        return Err(CouponRejection::UsedUp {
            code: code(),
            limit,
        });
    }
    if let Some(limit) = rule.per_customer_limit {
        if ctx.customer_id.is_none() {
            return Err(CouponRejection::NeedsCustomer { code: code() });
        }
        if usage.by_customer >= limit {
            return Err(CouponRejection::UsedUpByCustomer {
                code: code(),
                limit,
            });
        }
    }
    if rule.minimum_subtotal > Decimal::ZERO && ctx.subtotal < rule.minimum_subtotal {
        return Err(CouponRejection::MinimumNotReached {
            code: code(),
            minimum: rule.minimum_subtotal,
            subtotal: ctx.subtotal,
        });
    }
    let conflict = if rule.combinable {
        ctx.other_codes.iter().find(|other| !other.combinable)
    } else {
        ctx.other_codes.first()
    };
    if let Some(other) = conflict {
        return Err(CouponRejection::NotCombinable {
            code: code(),
            other: other.code.clone(),
        });
    }
    Ok(())
}

/// One cart line as coupons see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscountLine {
    /// The line's product.
    pub product_id: i64,
    /// The product's category and all of that category's ancestors.
    pub categories: Vec<i64>,
    /// The line amount before discounts, in the store's price mode, rounded to the minor
    /// unit. A value below zero counts as zero; anything below the minor unit is ignored.
    pub amount: Decimal,
}

/// What the coupons on a cart take off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscountAllocation {
    /// Discount of each line, in the order of the lines: whole minor units, never below
    /// zero and never above the line's amount.
    pub per_line: Vec<Decimal>,
    /// What each coupon took, by code, in the order of the rules. Adds up to the sum of
    /// `per_line`.
    pub per_rule: Vec<(String, Decimal)>,
    /// Whether one of the coupons makes shipping free.
    pub free_shipping: bool,
}

/// Shares the coupons out over the lines.
///
/// Rules apply in the given order, each on what earlier rules left of each line it
/// covers:
/// * a percentage takes that share of each covered line's remaining amount, rounded with
///   the currency;
/// * a fixed amount takes `min(amount, Σ covered remaining)`, rounded with the currency,
///   shared over the covered lines in proportion to their remaining amounts, in whole
///   minor units by largest remainder (ties go to the earlier line), so that the shares
///   add up exactly.
///
/// A line never goes below zero. With no rules every discount is zero.
pub fn allocate_discounts(
    currency: &Currency,
    rules: &[&CartRule],
    lines: &[DiscountLine],
) -> DiscountAllocation {
    let unit = currency.minor_unit();
    let start: Vec<Decimal> = lines
        .iter()
        .map(|line| floor_to_unit(line.amount.max(Decimal::ZERO), unit))
        .collect();
    let mut remaining = start.clone();
    let mut per_rule = Vec::with_capacity(rules.len());
    for rule in rules {
        let covered: Vec<bool> = lines.iter().map(|line| rule.scope.covers(line)).collect();
        let taken = match &rule.amount {
            None => Decimal::ZERO,
            Some(DiscountAmount::Percent(percent)) => {
                take_percent(currency, *percent, &covered, &mut remaining)
            }
            Some(DiscountAmount::Fixed(amount)) => {
                take_fixed(currency, *amount, &covered, &mut remaining)
            }
        };
        per_rule.push((rule.code.clone(), taken));
    }
    let per_line = start
        .iter()
        .zip(&remaining)
        .map(|(start, left)| *start - *left)
        .collect();
    DiscountAllocation {
        per_line,
        per_rule,
        free_shipping: rules.iter().any(|rule| rule.free_shipping),
    }
}

/// The largest whole number of minor units not above `amount` (which is not negative).
fn floor_to_unit(amount: Decimal, unit: Decimal) -> Decimal {
    (amount / unit).floor() * unit
}

fn take_percent(
    currency: &Currency,
    percent: Decimal,
    covered: &[bool],
    remaining: &mut [Decimal],
) -> Decimal {
    let factor = percent.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED) / Decimal::ONE_HUNDRED;
    let mut taken = Decimal::ZERO;
    for (left, _) in remaining
        .iter_mut()
        .zip(covered)
        .filter(|(_, covered)| **covered)
    {
        // Rounding a share of at most 100 % of a rounded amount cannot exceed it; `min`
        // only makes that explicit.
        let discount = currency.round(*left * factor).min(*left);
        *left -= discount;
        taken += discount;
    }
    taken
}

fn take_fixed(
    currency: &Currency,
    amount: Decimal,
    covered: &[bool],
    remaining: &mut [Decimal],
) -> Decimal {
    let unit = currency.minor_unit();
    let digits = currency.minor_unit_digits;
    let eligible: Decimal = remaining
        .iter()
        .zip(covered)
        .filter(|(_, covered)| **covered)
        .map(|(left, _)| *left)
        .sum();
    let wanted = floor_to_unit(currency.round(amount).max(Decimal::ZERO), unit);
    let total = wanted.min(eligible);
    if total <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    // Work in integer minor units so that the proportional shares are exact.
    let total_units = to_units(total, digits);
    let eligible_units = to_units(eligible, digits);
    let mut shares: Vec<(usize, i128, i128)> = Vec::new();
    let mut exact = true;
    for (index, (left, _)) in remaining
        .iter()
        .zip(covered)
        .enumerate()
        .filter(|(_, (_, covered))| **covered)
    {
        // `eligible_units` is positive here since `0 < total <= eligible`.
        let share = total_units
            .checked_mul(to_units(*left, digits))
            .and_then(|product| {
                Some((
                    product.checked_div(eligible_units)?,
                    product.checked_rem(eligible_units)?,
                ))
            });
        match share {
            Some((floor, remainder)) => shares.push((index, floor, remainder)),
            None => exact = false,
        }
    }
    if !exact {
        return take_in_order(total, covered, remaining);
    }
    let handed_out: i128 = shares.iter().map(|(_, floor, _)| *floor).sum();
    let mut left_over = total_units.saturating_sub(handed_out);
    shares.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let mut taken = Decimal::ZERO;
    for (index, floor, _) in shares {
        let mut share_units = floor;
        if left_over > 0 {
            share_units = share_units.saturating_add(1);
            left_over = left_over.saturating_sub(1);
        }
        let share = Decimal::try_from_i128_with_scale(share_units, digits).unwrap_or(Decimal::ZERO);
        if let Some(left) = remaining.get_mut(index) {
            let share = share.min(*left);
            *left -= share;
            taken += share;
        }
    }
    taken
}

/// Fallback for amounts too large for exact proportional shares (never met with real
/// prices): takes `total` from the covered lines in order.
fn take_in_order(total: Decimal, covered: &[bool], remaining: &mut [Decimal]) -> Decimal {
    let mut left_to_take = total;
    for (left, _) in remaining
        .iter_mut()
        .zip(covered)
        .filter(|(_, covered)| **covered)
    {
        let share = left_to_take.min(*left);
        *left -= share;
        left_to_take -= share;
    }
    total - left_to_take
}

/// A whole number of minor units as an integer count of them.
fn to_units(amount: Decimal, digits: u32) -> i128 {
    let mut scaled = amount;
    scaled.rescale(digits);
    scaled.mantissa()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use rust_decimal_macros::dec;

    fn rule(code: &str, amount: Option<DiscountAmount>) -> CartRule {
        CartRule {
            code: code.into(),
            amount,
            scope: DiscountScope::Cart,
            free_shipping: false,
            minimum_subtotal: Decimal::ZERO,
            valid_from: None,
            valid_to: None,
            usage_limit: None,
            per_customer_limit: None,
            customer_id: None,
            customer_group: None,
            combinable: true,
            active: true,
        }
    }

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, day, 12, 0, 0).unwrap()
    }

    fn ctx<'a>(others: &'a [&'a CartRule]) -> CouponContext<'a> {
        CouponContext {
            now: at(10),
            subtotal: dec!(50.00),
            customer_id: None,
            customer_group: None,
            other_codes: others,
        }
    }

    fn line(product_id: i64, categories: &[i64], amount: Decimal) -> DiscountLine {
        DiscountLine {
            product_id,
            categories: categories.to_vec(),
            amount,
        }
    }

    #[test]
    fn an_open_coupon_is_accepted() {
        let coupon = rule("WELCOME", Some(DiscountAmount::Percent(dec!(10))));
        assert_eq!(check_rule(&coupon, RuleUsage::default(), &ctx(&[])), Ok(()));
    }

    #[test]
    fn switched_off_coupons_are_refused_first() {
        let coupon = CartRule {
            active: false,
            valid_to: Some(at(1)),
            ..rule("OFF", None)
        };
        let refusal = check_rule(&coupon, RuleUsage::default(), &ctx(&[])).unwrap_err();
        assert_eq!(refusal, CouponRejection::Disabled { code: "OFF".into() });
        assert_eq!(refusal.to_string(), "coupon OFF is switched off");
    }

    #[test]
    fn validity_dates_are_inclusive() {
        let coupon = CartRule {
            valid_from: Some(at(10)),
            valid_to: Some(at(10)),
            ..rule("DAY", None)
        };
        assert_eq!(check_rule(&coupon, RuleUsage::default(), &ctx(&[])), Ok(()));
        let early = CouponContext {
            now: at(9),
            ..ctx(&[])
        };
        assert!(matches!(
            check_rule(&coupon, RuleUsage::default(), &early),
            Err(CouponRejection::NotYetValid { .. })
        ));
        let late = CouponContext {
            now: at(11),
            ..ctx(&[])
        };
        let refusal = check_rule(&coupon, RuleUsage::default(), &late).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "coupon DAY expired on 2025-03-10 12:00 UTC"
        );
    }

    #[test]
    fn minimum_subtotal_is_compared_with_the_undiscounted_subtotal() {
        let coupon = CartRule {
            minimum_subtotal: dec!(60.00),
            ..rule("BIG", None)
        };
        let refusal = check_rule(&coupon, RuleUsage::default(), &ctx(&[])).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "coupon BIG needs a subtotal of at least 60.00; this cart comes to 50.00"
        );
        let enough = CouponContext {
            subtotal: dec!(60.00),
            ..ctx(&[])
        };
        assert_eq!(check_rule(&coupon, RuleUsage::default(), &enough), Ok(()));
    }

    #[test]
    fn usage_limits_count_all_customers_and_each_customer() {
        let coupon = CartRule {
            usage_limit: Some(100),
            per_customer_limit: Some(1),
            ..rule("ONCE", None)
        };
        let used_up = RuleUsage {
            total: 100,
            by_customer: 0,
        };
        let with_customer = CouponContext {
            customer_id: Some(7),
            ..ctx(&[])
        };
        assert_eq!(
            check_rule(&coupon, used_up, &with_customer),
            Err(CouponRejection::UsedUp {
                code: "ONCE".into(),
                limit: 100
            })
        );
        let used_by_customer = RuleUsage {
            total: 5,
            by_customer: 1,
        };
        assert_eq!(
            check_rule(&coupon, used_by_customer, &with_customer),
            Err(CouponRejection::UsedUpByCustomer {
                code: "ONCE".into(),
                limit: 1
            })
        );
        assert_eq!(
            check_rule(&coupon, RuleUsage::default(), &ctx(&[])),
            Err(CouponRejection::NeedsCustomer {
                code: "ONCE".into()
            })
        );
        assert_eq!(
            check_rule(&coupon, RuleUsage::default(), &with_customer),
            Ok(())
        );
    }

    #[test]
    fn personal_coupons_check_the_customer_and_group() {
        let personal = CartRule {
            customer_id: Some(7),
            ..rule("JANE", None)
        };
        let jane = CouponContext {
            customer_id: Some(7),
            ..ctx(&[])
        };
        let john = CouponContext {
            customer_id: Some(8),
            ..ctx(&[])
        };
        assert_eq!(check_rule(&personal, RuleUsage::default(), &jane), Ok(()));
        assert!(matches!(
            check_rule(&personal, RuleUsage::default(), &john),
            Err(CouponRejection::NotForThisCustomer { .. })
        ));
        assert!(matches!(
            check_rule(&personal, RuleUsage::default(), &ctx(&[])),
            Err(CouponRejection::NeedsCustomer { .. })
        ));

        let pros = CartRule {
            customer_group: Some("pro".into()),
            ..rule("PRO", None)
        };
        let pro = CouponContext {
            customer_id: Some(7),
            customer_group: Some("pro"),
            ..ctx(&[])
        };
        let retail = CouponContext {
            customer_group: Some("retail"),
            ..jane
        };
        assert_eq!(check_rule(&pros, RuleUsage::default(), &pro), Ok(()));
        assert!(matches!(
            check_rule(&pros, RuleUsage::default(), &retail),
            Err(CouponRejection::NotForThisCustomer { .. })
        ));
        assert!(matches!(
            check_rule(&pros, RuleUsage::default(), &jane),
            Err(CouponRejection::NotForThisCustomer { .. })
        ));
        assert!(matches!(
            check_rule(&pros, RuleUsage::default(), &ctx(&[])),
            Err(CouponRejection::NeedsCustomer { .. })
        ));
    }

    #[test]
    fn non_combinable_coupons_exclude_each_other_both_ways() {
        let solo = CartRule {
            combinable: false,
            ..rule("SOLO", None)
        };
        let friendly = rule("FRIENDLY", None);
        let refusal = check_rule(&solo, RuleUsage::default(), &ctx(&[&friendly])).unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "coupon SOLO cannot be combined with coupon FRIENDLY, which is already on the cart"
        );
        assert_eq!(
            check_rule(&friendly, RuleUsage::default(), &ctx(&[&solo])),
            Err(CouponRejection::NotCombinable {
                code: "FRIENDLY".into(),
                other: "SOLO".into()
            })
        );
        let other_friend = rule("ALSO", None);
        assert_eq!(
            check_rule(&friendly, RuleUsage::default(), &ctx(&[&other_friend])),
            Ok(())
        );
        assert_eq!(check_rule(&solo, RuleUsage::default(), &ctx(&[])), Ok(()));
    }

    #[test]
    fn no_rules_means_no_discount() {
        let lines = [line(1, &[], dec!(10.00)), line(2, &[], dec!(5.00))];
        let allocation = allocate_discounts(&Currency::eur(), &[], &lines);
        assert_eq!(allocation.per_line, vec![Decimal::ZERO, Decimal::ZERO]);
        assert!(allocation.per_rule.is_empty());
        assert!(!allocation.free_shipping);
    }

    #[test]
    fn percent_rounds_each_line() {
        let coupon = rule("TEN", Some(DiscountAmount::Percent(dec!(10))));
        let lines = [line(1, &[], dec!(0.05)), line(2, &[], dec!(9.99))];
        let allocation = allocate_discounts(&Currency::eur(), &[&coupon], &lines);
        // 0.005 → 0.01 (half away from zero); 0.999 → 1.00
        assert_eq!(allocation.per_line, vec![dec!(0.01), dec!(1.00)]);
        assert_eq!(allocation.per_rule, vec![("TEN".to_owned(), dec!(1.01))]);
    }

    #[test]
    fn fixed_amounts_are_shared_by_largest_remainder() {
        let coupon = rule("FIVE", Some(DiscountAmount::Fixed(dec!(1.00))));
        let lines = [
            line(1, &[], dec!(1.00)),
            line(2, &[], dec!(1.00)),
            line(3, &[], dec!(1.00)),
        ];
        let allocation = allocate_discounts(&Currency::eur(), &[&coupon], &lines);
        // 0.333… each: the left-over cent goes to the first line.
        assert_eq!(
            allocation.per_line,
            vec![dec!(0.34), dec!(0.33), dec!(0.33)]
        );
        assert_eq!(allocation.per_rule, vec![("FIVE".to_owned(), dec!(1.00))]);
    }

    #[test]
    fn fixed_amounts_never_exceed_what_is_left() {
        let coupon = rule("BIG", Some(DiscountAmount::Fixed(dec!(100))));
        let lines = [line(1, &[], dec!(3.50)), line(2, &[], dec!(1.25))];
        let allocation = allocate_discounts(&Currency::eur(), &[&coupon], &lines);
        assert_eq!(allocation.per_line, vec![dec!(3.50), dec!(1.25)]);
        assert_eq!(allocation.per_rule, vec![("BIG".to_owned(), dec!(4.75))]);
    }

    #[test]
    fn scopes_pick_products_and_categories_with_their_ancestors() {
        let shoes = CartRule {
            scope: DiscountScope::Categories(BTreeSet::from([10])),
            ..rule("SHOES", Some(DiscountAmount::Percent(dec!(50))))
        };
        let product = CartRule {
            scope: DiscountScope::Products(BTreeSet::from([3])),
            ..rule("SOCKS", Some(DiscountAmount::Fixed(dec!(1.00))))
        };
        let lines = [
            line(1, &[11, 10], dec!(20.00)),
            line(2, &[20], dec!(8.00)),
            line(3, &[20], dec!(4.00)),
        ];
        let allocation = allocate_discounts(&Currency::eur(), &[&shoes, &product], &lines);
        assert_eq!(
            allocation.per_line,
            vec![dec!(10.00), Decimal::ZERO, dec!(1.00)]
        );
    }

    #[test]
    fn later_rules_apply_to_what_earlier_rules_left() {
        let half = rule("HALF", Some(DiscountAmount::Percent(dec!(50))));
        let ten = rule("TEN", Some(DiscountAmount::Percent(dec!(10))));
        let free = CartRule {
            free_shipping: true,
            ..rule("SHIP", None)
        };
        let lines = [line(1, &[], dec!(10.00))];
        let allocation = allocate_discounts(&Currency::eur(), &[&half, &ten, &free], &lines);
        assert_eq!(allocation.per_line, vec![dec!(5.50)]);
        assert_eq!(
            allocation.per_rule,
            vec![
                ("HALF".to_owned(), dec!(5.00)),
                ("TEN".to_owned(), dec!(0.50)),
                ("SHIP".to_owned(), Decimal::ZERO)
            ]
        );
        assert!(allocation.free_shipping);
    }

    #[test]
    fn out_of_range_amounts_are_clamped() {
        let too_much = rule("ALL", Some(DiscountAmount::Percent(dec!(150))));
        let negative = rule("NEG", Some(DiscountAmount::Fixed(dec!(-5))));
        let lines = [line(1, &[], dec!(2.00))];
        let allocation = allocate_discounts(&Currency::eur(), &[&negative, &too_much], &lines);
        assert_eq!(allocation.per_line, vec![dec!(2.00)]);
        assert_eq!(allocation.per_rule[0].1, Decimal::ZERO);
    }
}
