//! Property tests of the money invariants of SPEC §4: whatever the cart, the breakdown adds
//! up to the total to the minor unit, nothing is negative and every amount is rounded.

use kassa_domain::money::Currency;
use kassa_domain::pricing::{LineInput, PricingRules, price_cart};
use kassa_domain::tax::{PriceMode, TaxRate, TaxRounding};
use kassa_domain::tender::{Tender, settle};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn rates() -> Vec<TaxRate> {
    [
        ("zero", 0, 0),
        ("reduced", 55, 1),
        ("standard", 20, 0),
        ("odd", 19, 0),
        ("precise", 7_7, 1),
    ]
    .into_iter()
    .map(|(code, mantissa, scale)| TaxRate {
        code: code.into(),
        label: code.into(),
        percent: Decimal::new(mantissa, scale),
    })
    .collect()
}

fn any_line() -> impl Strategy<Value = LineInput> {
    (
        0u32..50,
        0i64..1_000_000,
        0u32..3,
        prop::sample::select(rates()),
    )
        .prop_map(|(quantity, mantissa, scale, tax)| LineInput {
            quantity,
            unit_price: Decimal::new(mantissa, scale + 1),
            tax,
        })
}

fn any_rules() -> impl Strategy<Value = PricingRules> {
    (any::<bool>(), any::<bool>()).prop_map(|(inclusive, per_line)| PricingRules {
        currency: Currency::eur(),
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
    })
}

proptest! {
    #[test]
    fn breakdown_always_adds_up_to_the_total(rules in any_rules(), lines in prop::collection::vec(any_line(), 0..20)) {
        let priced = price_cart(&rules, &lines).unwrap();
        let eur = &rules.currency;
        prop_assert_eq!(priced.subtotal_net + priced.tax_total, priced.total, "net + tax must be the total");
        prop_assert_eq!(priced.taxes.iter().map(|t| t.tax).sum::<Decimal>(), priced.tax_total, "rate taxes must add up to the tax total");
        prop_assert_eq!(priced.taxes.iter().map(|t| t.base).sum::<Decimal>(), priced.subtotal_net, "rate bases must add up to the subtotal");
        prop_assert_eq!(priced.lines.iter().map(|l| l.gross).sum::<Decimal>(), priced.total, "line totals must add up to the receipt total");
        for line in &priced.lines {
            prop_assert_eq!(line.net + line.tax, line.gross, "every line: net + tax = gross");
            for amount in [line.net, line.tax, line.gross] {
                prop_assert!(eur.is_rounded(amount), "{} is not rounded to the cent", amount);
                prop_assert!(amount >= Decimal::ZERO, "{} is negative", amount);
            }
        }
    }

    #[test]
    fn inclusive_prices_make_the_total_the_sum_of_shelf_prices(lines in prop::collection::vec(any_line(), 0..20), per_line in any::<bool>()) {
        let rules = PricingRules {
            currency: Currency::eur(),
            price_mode: PriceMode::TaxInclusive,
            tax_rounding: if per_line { TaxRounding::PerLine } else { TaxRounding::PerTotal },
        };
        let priced = price_cart(&rules, &lines).unwrap();
        let shelf: Decimal = lines.iter().map(|l| rules.currency.round(l.unit_price * Decimal::from(l.quantity))).sum();
        prop_assert_eq!(priced.total, shelf, "with tax-inclusive prices the customer pays the shelf price");
    }

    #[test]
    fn per_total_rounding_rounds_each_rate_once(lines in prop::collection::vec(any_line(), 1..20), inclusive in any::<bool>()) {
        let rules = PricingRules {
            currency: Currency::eur(),
            price_mode: if inclusive { PriceMode::TaxInclusive } else { PriceMode::TaxExclusive },
            tax_rounding: TaxRounding::PerTotal,
        };
        let priced = price_cart(&rules, &lines).unwrap();
        for breakdown in &priced.taxes {
            let amounts: Decimal = priced.lines.iter()
                .filter(|l| l.tax_rate.code == breakdown.rate.code)
                .map(|l| if inclusive { l.gross } else { l.net })
                .sum();
            let factor = if inclusive { breakdown.rate.factor_on_gross() } else { breakdown.rate.factor_on_net() };
            prop_assert_eq!(breakdown.tax, rules.currency.round(amounts * factor), "rate {} must be rounded once on its sum", breakdown.rate.code);
        }
    }

    #[test]
    fn cash_settlement_gives_exact_change_or_refuses(total_cents in 0i64..1_000_000, tendered_cents in 1i64..1_000_000) {
        let eur = Currency::eur();
        let total = eur.from_minor_units(total_cents);
        let tendered = eur.from_minor_units(tendered_cents);
        match settle(&eur, total, &[Tender::Cash { tendered }], Decimal::ZERO) {
            Ok(settlement) => {
                prop_assert!(tendered >= total, "a short payment must never settle");
                prop_assert_eq!(settlement.change_due, tendered - total);
                prop_assert_eq!(settlement.payments.iter().map(|p| p.amount).sum::<Decimal>(), total, "payments must equal the total");
            }
            Err(_) => prop_assert!(tendered < total, "a sufficient payment must settle"),
        }
    }
}
