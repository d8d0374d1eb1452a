//! Property tests of order pricing with coupons, shipping and gift cards: whatever the
//! cart, the coupons and the store settings, discounts stay within their lines, the order
//! adds up to the minor unit, removing the coupons gives back the undiscounted prices and
//! a gift card never goes below zero.

use std::collections::BTreeSet;

use chrono::{DateTime, TimeZone, Utc};
use kassa_domain::discount::{
    CartRule, CouponContext, DiscountAmount, DiscountLine, DiscountScope, RuleUsage,
    allocate_discounts, check_rule,
};
use kassa_domain::gift_card::{
    GiftCardRejection, GiftCardState, check_redemption, gift_card_code, normalize_gift_card_code,
};
use kassa_domain::money::{Currency, RoundingRule};
use kassa_domain::pricing::{
    LineInput, OrderPricing, PricingRules, ShippingInput, price_cart, price_order,
};
use kassa_domain::tax::{PriceMode, TaxRate, TaxRounding};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn rates() -> Vec<TaxRate> {
    [
        ("zero", 0, 0),
        ("reduced", 55, 1),
        ("six", 6, 0),
        ("twelve", 12, 0),
        ("standard", 20, 0),
        ("twenty_one", 21, 0),
    ]
    .into_iter()
    .map(|(code, mantissa, scale)| TaxRate {
        code: code.into(),
        label: code.into(),
        percent: Decimal::new(mantissa, scale),
    })
    .collect()
}

/// A cart line with its product and the product's categories (with ancestors).
#[derive(Debug, Clone)]
struct CartLine {
    input: LineInput,
    product_id: i64,
    categories: Vec<i64>,
}

fn any_line() -> impl Strategy<Value = CartLine> {
    (
        0u32..=20,
        0i64..=50_000,
        prop::sample::select(rates()),
        1i64..=6,
        prop::collection::vec(1i64..=6, 0..3),
    )
        .prop_map(|(quantity, cents, tax, product_id, categories)| CartLine {
            input: LineInput {
                quantity,
                unit_price: Decimal::new(cents, 2),
                tax,
            },
            product_id,
            categories,
        })
}

fn any_amount() -> impl Strategy<Value = Option<DiscountAmount>> {
    prop_oneof![
        1 => Just(None),
        3 => (1i64..=1000).prop_map(|tenths| Some(DiscountAmount::Percent(Decimal::new(tenths, 1)))),
        3 => (1i64..=20_000).prop_map(|cents| Some(DiscountAmount::Fixed(Decimal::new(cents, 2)))),
    ]
}

fn any_scope() -> impl Strategy<Value = DiscountScope> {
    prop_oneof![
        Just(DiscountScope::Cart),
        prop::collection::btree_set(1i64..=6, 1..4).prop_map(DiscountScope::Products),
        prop::collection::btree_set(1i64..=6, 1..4).prop_map(DiscountScope::Categories),
    ]
}

fn any_coupon() -> impl Strategy<Value = CartRule> {
    (
        any_amount(),
        any_scope(),
        any::<bool>(),
        any::<bool>(),
        prop_oneof![3 => Just(0i64), 1 => 0i64..=100_000],
        0u32..1000,
    )
        .prop_map(
            |(amount, scope, free_shipping, combinable, minimum_cents, serial)| CartRule {
                code: format!("C{serial}"),
                amount,
                scope,
                free_shipping,
                minimum_subtotal: Decimal::new(minimum_cents, 2),
                valid_from: None,
                valid_to: None,
                usage_limit: None,
                per_customer_limit: None,
                customer_id: None,
                customer_group: None,
                combinable,
                active: true,
            },
        )
}

fn any_shipping() -> impl Strategy<Value = Option<ShippingInput>> {
    prop::option::of(
        (0i64..=3_000, prop::sample::select(rates())).prop_map(|(cents, tax)| ShippingInput {
            price: Decimal::new(cents, 2),
            tax,
        }),
    )
}

fn any_rules() -> impl Strategy<Value = PricingRules> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(inclusive, per_line, half_even)| {
        PricingRules {
            currency: Currency {
                rounding: if half_even {
                    RoundingRule::HalfEven
                } else {
                    RoundingRule::HalfAwayFromZero
                },
                ..Currency::eur()
            },
            price_mode: if inclusive {
                PriceMode::TaxInclusive
            } else {
                PriceMode::TaxExclusive
            },
            tax_rounding: if per_line {
                TaxRounding::PerLine
            } else {
                TaxRounding::PerTotal
            },
        }
    })
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

fn line_amount(currency: &Currency, line: &LineInput) -> Decimal {
    currency.round(line.unit_price * Decimal::from(line.quantity))
}

/// Adds the coupons one by one as a clerk would, keeping those `check_rule` accepts given
/// the ones already on the cart.
fn accepted_coupons(coupons: &[CartRule], subtotal: Decimal) -> Vec<&CartRule> {
    let mut accepted: Vec<&CartRule> = Vec::new();
    for coupon in coupons {
        if accepted.iter().any(|other| other.code == coupon.code) {
            continue;
        }
        let ctx = CouponContext {
            now: now(),
            subtotal,
            customer_id: None,
            customer_group: None,
            other_codes: &accepted,
        };
        if check_rule(coupon, RuleUsage::default(), &ctx).is_ok() {
            accepted.push(coupon);
        }
    }
    accepted
}

/// Every amount an order shows.
fn all_amounts(order: &OrderPricing) -> Vec<Decimal> {
    let mut amounts = vec![
        order.items_total,
        order.discount_total,
        order.shipping_total,
        order.subtotal_net,
        order.tax_total,
        order.total,
        order.items.subtotal_net,
        order.items.tax_total,
        order.items.total,
    ];
    amounts.extend(&order.discounts);
    for line in order.items.lines.iter().chain(&order.shipping) {
        amounts.extend([line.net, line.tax, line.gross]);
    }
    for breakdown in order.taxes.iter().chain(&order.items.taxes) {
        amounts.extend([breakdown.base, breakdown.tax]);
    }
    amounts
}

proptest! {
    #[test]
    fn discounted_orders_always_add_up(
        rules in any_rules(),
        cart in prop::collection::vec(any_line(), 1..=8),
        coupons in prop::collection::vec(any_coupon(), 0..4),
        shipping in any_shipping(),
    ) {
        let currency = &rules.currency;
        let inputs: Vec<LineInput> = cart.iter().map(|line| line.input.clone()).collect();
        let amounts: Vec<Decimal> = inputs.iter().map(|line| line_amount(currency, line)).collect();
        let discount_lines: Vec<DiscountLine> = cart
            .iter()
            .zip(&amounts)
            .map(|(line, amount)| DiscountLine {
                product_id: line.product_id,
                categories: line.categories.clone(),
                amount: *amount,
            })
            .collect();
        let accepted = accepted_coupons(&coupons, amounts.iter().sum());
        let allocation = allocate_discounts(currency, &accepted, &discount_lines);

        // Discounts stay within their lines, in whole minor units, and the rules' shares
        // account for all of them.
        prop_assert_eq!(allocation.per_line.len(), inputs.len());
        for (discount, amount) in allocation.per_line.iter().zip(&amounts) {
            prop_assert!(currency.is_rounded(*discount), "discount {} is not rounded", discount);
            prop_assert!(*discount >= Decimal::ZERO, "discount {} is negative", discount);
            prop_assert!(discount <= amount, "discount {} exceeds its line's {}", discount, amount);
        }
        prop_assert_eq!(
            allocation.per_rule.iter().map(|(_, taken)| *taken).sum::<Decimal>(),
            allocation.per_line.iter().sum::<Decimal>(),
            "what the rules took must be what the lines lost"
        );
        prop_assert_eq!(
            allocation.per_rule.iter().map(|(code, _)| code.as_str()).collect::<Vec<_>>(),
            accepted.iter().map(|rule| rule.code.as_str()).collect::<Vec<_>>()
        );
        for (_, taken) in &allocation.per_rule {
            prop_assert!(currency.is_rounded(*taken) && *taken >= Decimal::ZERO);
        }
        prop_assert_eq!(allocation.free_shipping, accepted.iter().any(|rule| rule.free_shipping));

        let shipping = shipping.map(|shipping| ShippingInput {
            price: if allocation.free_shipping { Decimal::ZERO } else { shipping.price },
            ..shipping
        });
        let order = price_order(&rules, &inputs, &allocation.per_line, shipping.as_ref()).unwrap();

        // The order adds up.
        prop_assert_eq!(order.total, order.items_total - order.discount_total + order.shipping_total);
        prop_assert_eq!(order.total, order.subtotal_net + order.tax_total);
        prop_assert_eq!(order.taxes.iter().map(|t| t.base).sum::<Decimal>(), order.subtotal_net, "bases must add up to the subtotal");
        prop_assert_eq!(order.taxes.iter().map(|t| t.tax).sum::<Decimal>(), order.tax_total, "rate taxes must add up to the tax total");
        prop_assert_eq!(order.items.total + order.shipping_total, order.total);
        for line in order.items.lines.iter().chain(&order.shipping) {
            prop_assert_eq!(line.net + line.tax, line.gross, "every line: net + tax = gross");
        }
        for amount in all_amounts(&order) {
            prop_assert!(currency.is_rounded(amount), "{} is not rounded to the cent", amount);
            prop_assert!(amount >= Decimal::ZERO, "{} is negative", amount);
        }
        if rules.price_mode == PriceMode::TaxInclusive {
            prop_assert_eq!(order.discount_total, allocation.per_line.iter().sum::<Decimal>(), "inclusive discounts come off the shelf price as they are");
        }

        // With per-total rounding each rate is rounded once over items and shipping.
        if rules.tax_rounding == TaxRounding::PerTotal {
            for breakdown in &order.taxes {
                let exact: Decimal = order.items.lines.iter().chain(&order.shipping)
                    .filter(|line| line.tax_rate.code == breakdown.rate.code)
                    .map(|line| match rules.price_mode {
                        PriceMode::TaxInclusive => line.gross * line.tax_rate.factor_on_gross(),
                        PriceMode::TaxExclusive => line.net * line.tax_rate.factor_on_net(),
                    })
                    .sum();
                prop_assert_eq!(breakdown.tax, currency.round(exact), "rate {} must be rounded once", &breakdown.rate.code);
            }
        }

        // Removing the coupons restores the undiscounted order exactly.
        let without = allocate_discounts(currency, &[], &discount_lines);
        prop_assert!(without.per_line.iter().all(Decimal::is_zero));
        prop_assert!(without.per_rule.is_empty() && !without.free_shipping);
        let restored = price_order(&rules, &inputs, &without.per_line, shipping.as_ref()).unwrap();
        let undiscounted = price_order(&rules, &inputs, &vec![Decimal::ZERO; inputs.len()], shipping.as_ref()).unwrap();
        prop_assert_eq!(&restored, &undiscounted);
        prop_assert_eq!(restored.discount_total, Decimal::ZERO);
        prop_assert_eq!(restored.items_total, order.items_total, "coupons never change the undiscounted total");
        prop_assert!(order.total <= restored.total, "a coupon never makes the order dearer");

        // Without shipping, an undiscounted order is priced exactly like the cart.
        let cart_pricing = price_cart(&rules, &inputs).unwrap();
        let bare = price_order(&rules, &inputs, &without.per_line, None).unwrap();
        prop_assert_eq!(&bare.items, &cart_pricing);
        prop_assert_eq!(&bare.taxes, &cart_pricing.taxes);
        prop_assert_eq!(bare.items_total, cart_pricing.total);
        prop_assert_eq!(bare.subtotal_net, cart_pricing.subtotal_net);
        prop_assert_eq!(bare.tax_total, cart_pricing.tax_total);
        prop_assert_eq!(bare.total, cart_pricing.total);
    }

    #[test]
    fn a_fixed_coupon_takes_its_amount_or_all_it_can(
        rules in any_rules(),
        cart in prop::collection::vec(any_line(), 1..=8),
        coupon in any_coupon(),
    ) {
        let currency = &rules.currency;
        let lines: Vec<DiscountLine> = cart
            .iter()
            .map(|line| DiscountLine {
                product_id: line.product_id,
                categories: line.categories.clone(),
                amount: line_amount(currency, &line.input),
            })
            .collect();
        let once = allocate_discounts(currency, &[&coupon], &lines);
        prop_assert_eq!(&once, &allocate_discounts(currency, &[&coupon], &lines), "allocation depends only on its input");
        if let Some(DiscountAmount::Fixed(amount)) = &coupon.amount {
            let eligible: Decimal = lines.iter()
                .filter(|line| coupon.scope.covers(line))
                .map(|line| line.amount)
                .sum();
            prop_assert_eq!(once.per_line.iter().sum::<Decimal>(), (*amount).min(eligible), "a fixed coupon takes its amount or all it can");
        }
    }

    #[test]
    fn gift_cards_never_go_below_zero(
        balance_cents in 0i64..=100_000,
        total_cents in 0i64..=100_000,
        extra_cents in 1i64..=10_000,
    ) {
        let card = GiftCardState {
            balance: Decimal::new(balance_cents, 2),
            currency: "EUR".into(),
            expires_at: None,
            active: true,
        };
        let total = Decimal::new(total_cents, 2);
        let amount = card.balance.min(total);
        match check_redemption(&card, amount, "EUR", now()) {
            Ok(()) => {
                prop_assert!(card.balance - amount >= Decimal::ZERO, "the card went below zero");
                prop_assert!(total - amount >= Decimal::ZERO, "more was redeemed than is due");
            }
            Err(rejection) => {
                prop_assert!(amount.is_zero(), "a redemption within the balance was refused: {}", rejection);
                prop_assert_eq!(rejection, GiftCardRejection::NotPositive(amount));
            }
        }
        let asked = card.balance + Decimal::new(extra_cents, 2);
        prop_assert_eq!(
            check_redemption(&card, asked, "EUR", now()),
            Err(GiftCardRejection::InsufficientBalance { balance: card.balance, asked })
        );
    }

    #[test]
    fn gift_card_codes_survive_being_typed_back(random in any::<[u8; 10]>(), spaced in any::<bool>()) {
        let code = gift_card_code(random);
        prop_assert_eq!(code.len(), 19);
        let typed = if spaced { code.to_lowercase().replace('-', " ") } else { code.replace('-', "") };
        prop_assert_eq!(normalize_gift_card_code(&typed), Some(code.clone()));
        let distinct: BTreeSet<char> = code.chars().filter(|c| *c != '-').collect();
        prop_assert!(distinct.iter().all(|c| !"ILOU".contains(*c)));
    }
}
