//! Cart pricing: line amounts, tax per line, tax breakdown per rate and the total.
//!
//! Invariants (property-tested in `tests/pricing_properties.rs`):
//! * every amount is rounded to the currency's minor unit;
//! * for every line `net + tax = gross`;
//! * the breakdown's bases add up to the subtotal, its taxes to the tax total, and
//!   `subtotal_net + tax_total = total = Σ line gross`;
//! * nothing is negative.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::Currency;
use crate::tax::{PriceMode, TaxRate, TaxRounding};

/// The store settings that decide how a cart is priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricingRules {
    /// Currency of every amount.
    pub currency: Currency,
    /// Whether catalog prices include tax.
    pub price_mode: PriceMode,
    /// Where tax is rounded.
    pub tax_rounding: TaxRounding,
}

/// One cart line to price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineInput {
    /// How many units; zero is allowed (an out-of-stock line kept in the cart).
    pub quantity: u32,
    /// Price of one unit in the store's price mode.
    pub unit_price: Decimal,
    /// The tax rate of the product's tax class.
    pub tax: TaxRate,
}

/// A priced line. Amounts are rounded to the minor unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricedLine {
    /// Units.
    pub quantity: u32,
    /// Unit price as given (store's price mode).
    pub unit_price: Decimal,
    /// Amount without tax.
    pub net: Decimal,
    /// Tax of the line.
    pub tax: Decimal,
    /// Amount with tax: what the customer pays for this line.
    pub gross: Decimal,
    /// The rate applied.
    pub tax_rate: TaxRate,
}

/// The tax of one rate across the cart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxBreakdown {
    /// The rate.
    pub rate: TaxRate,
    /// Sum of the net amounts taxed at this rate.
    pub base: Decimal,
    /// Tax at this rate.
    pub tax: Decimal,
}

/// A fully priced cart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartPricing {
    /// Lines in input order.
    pub lines: Vec<PricedLine>,
    /// One entry per rate, ordered by rate code.
    pub taxes: Vec<TaxBreakdown>,
    /// Σ line net.
    pub subtotal_net: Decimal,
    /// Σ line tax.
    pub tax_total: Decimal,
    /// Σ line gross: what the customer pays.
    pub total: Decimal,
}

/// Why a cart could not be priced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PricingError {
    /// A unit price below zero.
    #[error("unit price {0} is negative")]
    NegativePrice(Decimal),
    /// A tax rate below zero.
    #[error("tax rate {0}% is negative")]
    NegativeTaxRate(Decimal),
}

/// Prices a cart. Pure: the same input always gives the same output.
pub fn price_cart(rules: &PricingRules, inputs: &[LineInput]) -> Result<CartPricing, PricingError> {
    let currency = &rules.currency;
    let mut lines = Vec::with_capacity(inputs.len());
    for input in inputs {
        if input.unit_price.is_sign_negative() && !input.unit_price.is_zero() {
            return Err(PricingError::NegativePrice(input.unit_price));
        }
        if input.tax.percent.is_sign_negative() && !input.tax.percent.is_zero() {
            return Err(PricingError::NegativeTaxRate(input.tax.percent));
        }
        let amount = currency.round(input.unit_price * Decimal::from(input.quantity));
        let exact_tax = exact_tax(rules.price_mode, &input.tax, amount);
        let tax = match rules.tax_rounding {
            TaxRounding::PerLine => currency.round(exact_tax),
            // Shared out below, once the rate's total is known.
            TaxRounding::PerTotal => Decimal::ZERO,
        };
        lines.push(PricedLine {
            quantity: input.quantity,
            unit_price: input.unit_price,
            net: amount,
            tax,
            gross: amount,
            tax_rate: input.tax.clone(),
        });
    }
    if rules.tax_rounding == TaxRounding::PerTotal {
        allocate_rate_totals(rules, &mut lines);
    }
    for line in &mut lines {
        match rules.price_mode {
            PriceMode::TaxInclusive => line.net = line.gross - line.tax,
            PriceMode::TaxExclusive => line.gross = line.net + line.tax,
        }
    }
    Ok(summarize(lines))
}

fn exact_tax(mode: PriceMode, rate: &TaxRate, amount: Decimal) -> Decimal {
    match mode {
        PriceMode::TaxInclusive => amount * rate.factor_on_gross(),
        PriceMode::TaxExclusive => amount * rate.factor_on_net(),
    }
}

/// Per-total rounding: the tax of each rate is rounded once on the rate's sum, then given
/// to the lines as whole minor units by largest remainder, so lines and rate agree.
fn allocate_rate_totals(rules: &PricingRules, lines: &mut [PricedLine]) {
    let currency = &rules.currency;
    let unit = currency.minor_unit();
    let mut by_rate: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, line) in lines.iter().enumerate() {
        by_rate
            .entry(line.tax_rate.code.clone())
            .or_default()
            .push(index);
    }
    for indexes in by_rate.values() {
        let mut exact = Vec::with_capacity(indexes.len());
        for &index in indexes {
            if let Some(line) = lines.get(index) {
                exact.push((index, exact_tax(rules.price_mode, &line.tax_rate, line.net)));
            }
        }
        let rate_tax = currency.round(exact.iter().map(|(_, tax)| *tax).sum());
        // Floor each line's share to whole minor units, then hand out what is left one
        // unit at a time to the lines with the largest remainders.
        let mut floored: Vec<(usize, Decimal, Decimal)> = exact
            .iter()
            .map(|&(index, tax)| {
                let floor = (tax / unit).floor() * unit;
                (index, floor, tax - floor)
            })
            .collect();
        let mut left = rate_tax - floored.iter().map(|(_, floor, _)| *floor).sum::<Decimal>();
        floored.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        for (index, floor, _) in floored {
            let mut share = floor;
            if left >= unit {
                share += unit;
                left -= unit;
            }
            if let Some(line) = lines.get_mut(index) {
                line.tax = currency.round(share);
            }
        }
    }
}

fn summarize(lines: Vec<PricedLine>) -> CartPricing {
    let mut taxes: BTreeMap<String, TaxBreakdown> = BTreeMap::new();
    for line in &lines {
        let entry = taxes
            .entry(line.tax_rate.code.clone())
            .or_insert_with(|| TaxBreakdown {
                rate: line.tax_rate.clone(),
                base: Decimal::ZERO,
                tax: Decimal::ZERO,
            });
        entry.base += line.net;
        entry.tax += line.tax;
    }
    let subtotal_net = lines.iter().map(|line| line.net).sum();
    let tax_total = lines.iter().map(|line| line.tax).sum();
    let total = lines.iter().map(|line| line.gross).sum();
    CartPricing {
        lines,
        taxes: taxes.into_values().collect(),
        subtotal_net,
        tax_total,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use rust_decimal_macros::dec;

    fn rate(code: &str, percent: Decimal) -> TaxRate {
        TaxRate {
            code: code.into(),
            label: format!("VAT {percent}%"),
            percent,
        }
    }

    fn rules(price_mode: PriceMode, tax_rounding: TaxRounding) -> PricingRules {
        PricingRules {
            currency: Currency::eur(),
            price_mode,
            tax_rounding,
        }
    }

    fn line(quantity: u32, unit_price: Decimal, tax: &TaxRate) -> LineInput {
        LineInput {
            quantity,
            unit_price,
            tax: tax.clone(),
        }
    }

    /// Worked example from ARCHITECTURE.md: three 0.99 items at 19 % with tax-inclusive
    /// prices. Per line, each line's tax 0.16 is rounded and summed (0.48); per total the
    /// rate's tax is computed once on 2.97 (0.474… → 0.47).
    #[test]
    fn inclusive_per_line_and_per_total_differ_by_rounding_only() {
        let vat = rate("standard", dec!(19));
        let cart = [
            line(1, dec!(0.99), &vat),
            line(1, dec!(0.99), &vat),
            line(1, dec!(0.99), &vat),
        ];
        let per_line =
            price_cart(&rules(PriceMode::TaxInclusive, TaxRounding::PerLine), &cart).unwrap();
        assert_eq!(per_line.total, dec!(2.97));
        assert_eq!(per_line.tax_total, dec!(0.48));
        let per_total = price_cart(
            &rules(PriceMode::TaxInclusive, TaxRounding::PerTotal),
            &cart,
        )
        .unwrap();
        assert_eq!(
            per_total.total,
            dec!(2.97),
            "inclusive prices never change the total"
        );
        assert_eq!(per_total.tax_total, dec!(0.47));
        assert_eq!(
            per_total.lines.iter().map(|l| l.tax).sum::<Decimal>(),
            dec!(0.47)
        );
    }

    #[test]
    fn exclusive_prices_add_tax_per_rate() {
        let standard = rate("standard", dec!(20));
        let reduced = rate("reduced", dec!(5.5));
        let cart = [
            line(2, dec!(10.00), &standard),
            line(3, dec!(1.99), &reduced),
        ];
        let priced =
            price_cart(&rules(PriceMode::TaxExclusive, TaxRounding::PerLine), &cart).unwrap();
        assert_eq!(priced.subtotal_net, dec!(25.97));
        // 20.00 × 20 % = 4.00; 5.97 × 5.5 % = 0.32835 → 0.33
        assert_eq!(priced.tax_total, dec!(4.33));
        assert_eq!(priced.total, dec!(30.30));
        assert_eq!(priced.taxes.len(), 2);
        let reduced_line = priced
            .taxes
            .iter()
            .find(|t| t.rate.code == "reduced")
            .unwrap();
        assert_eq!(
            (reduced_line.base, reduced_line.tax),
            (dec!(5.97), dec!(0.33))
        );
    }

    #[test]
    fn zero_quantity_lines_cost_nothing() {
        let vat = rate("standard", dec!(20));
        let priced = price_cart(
            &rules(PriceMode::TaxInclusive, TaxRounding::PerLine),
            &[line(0, dec!(5), &vat)],
        )
        .unwrap();
        assert_eq!(priced.total, Decimal::ZERO);
    }

    #[test]
    fn negative_prices_are_refused() {
        let vat = rate("standard", dec!(20));
        let result = price_cart(
            &rules(PriceMode::TaxInclusive, TaxRounding::PerLine),
            &[line(1, dec!(-1), &vat)],
        );
        assert_eq!(result, Err(PricingError::NegativePrice(dec!(-1))));
    }
}
