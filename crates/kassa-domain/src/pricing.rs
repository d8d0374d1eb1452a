//! Cart pricing: line amounts, tax per line, tax breakdown per rate and the total.
//!
//! Invariants (property-tested in `tests/pricing_properties.rs`):
//! * every amount is rounded to the currency's minor unit;
//! * for every line `net + tax = gross`;
//! * the breakdown's bases add up to the subtotal, its taxes to the tax total, and
//!   `subtotal_net + tax_total = total = Σ line gross`;
//! * nothing is negative.
//!
//! [`price_order`] prices an order on top of that: per-line discounts (from
//! [`crate::discount::allocate_discounts`]) and optional shipping, with the same
//! invariants plus `total = items_total − discount_total + shipping_total`
//! (property-tested in `tests/order_properties.rs`).

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
    /// [`price_order`] was given a different number of discounts than lines.
    #[error("{discounts} discounts were given for {lines} cart lines; there must be one per line")]
    DiscountMismatch {
        /// Number of lines.
        lines: usize,
        /// Number of discounts.
        discounts: usize,
    },
    /// A line discount below zero, above the line's amount, or finer than the minor unit.
    #[error(
        "the discount of {discount} on line {} must be a whole number of the currency's smallest unit, between zero and the line's amount of {amount}",
        .index.saturating_add(1)
    )]
    InvalidDiscount {
        /// Position of the line, from zero (the message counts from one).
        index: usize,
        /// The discount given.
        discount: Decimal,
        /// The line's amount before the discount.
        amount: Decimal,
    },
}

/// Prices a cart. Pure: the same input always gives the same output.
pub fn price_cart(rules: &PricingRules, inputs: &[LineInput]) -> Result<CartPricing, PricingError> {
    let amounts = line_amounts(rules, inputs)?;
    Ok(price_amounts(rules, inputs, &amounts))
}

/// Checks each line and returns its amount `round(unit price × quantity)`.
fn line_amounts(rules: &PricingRules, inputs: &[LineInput]) -> Result<Vec<Decimal>, PricingError> {
    inputs
        .iter()
        .map(|input| {
            check_price(input.unit_price, &input.tax)?;
            Ok(rules
                .currency
                .round(input.unit_price * Decimal::from(input.quantity)))
        })
        .collect()
}

fn check_price(price: Decimal, tax: &TaxRate) -> Result<(), PricingError> {
    if price.is_sign_negative() && !price.is_zero() {
        return Err(PricingError::NegativePrice(price));
    }
    if tax.percent.is_sign_negative() && !tax.percent.is_zero() {
        return Err(PricingError::NegativeTaxRate(tax.percent));
    }
    Ok(())
}

/// Prices lines whose amounts (in the store's price mode, rounded) are already known:
/// `amounts[i]` is the amount of `inputs[i]`, which gives the quantity, unit price and
/// rate. The lines are checked by the caller.
fn price_amounts(rules: &PricingRules, inputs: &[LineInput], amounts: &[Decimal]) -> CartPricing {
    let currency = &rules.currency;
    let mut lines = Vec::with_capacity(inputs.len());
    for (input, &amount) in inputs.iter().zip(amounts) {
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
        complete_line(rules.price_mode, line);
    }
    summarize(lines)
}

/// Fills in the net or gross of a line whose amount (in `gross` and `net`) and tax are
/// set.
fn complete_line(mode: PriceMode, line: &mut PricedLine) {
    match mode {
        PriceMode::TaxInclusive => line.net = line.gross - line.tax,
        PriceMode::TaxExclusive => line.gross = line.net + line.tax,
    }
}

/// Shipping to price with an order, as one more line of quantity one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingInput {
    /// The carrier's price in the store's price mode, rounded to the minor unit.
    pub price: Decimal,
    /// The tax rate of shipping.
    pub tax: TaxRate,
}

/// A fully priced order: discounted lines, shipping, and the totals a receipt or invoice
/// prints.
///
/// Invariants (property-tested in `tests/order_properties.rs`):
/// * `total = items_total − discount_total + shipping_total = subtotal_net + tax_total`;
/// * the breakdown's bases add up to `subtotal_net` and its taxes to `tax_total`;
/// * every amount is rounded to the minor unit and none is negative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderPricing {
    /// The lines priced with their discounts (what [`price_cart`] gives for the discounted
    /// amounts). Each line keeps its undiscounted unit price; its net, tax and gross are
    /// after the discount. Its breakdown and totals cover the items only.
    pub items: CartPricing,
    /// The discount of each line in the store's price mode, as given.
    pub discounts: Vec<Decimal>,
    /// The shipping line (quantity one), when the order is shipped.
    pub shipping: Option<PricedLine>,
    /// Base and tax per rate code over the items and shipping, ordered by code.
    pub taxes: Vec<TaxBreakdown>,
    /// What the lines cost with tax before any discount.
    pub items_total: Decimal,
    /// What the discounts take off, with tax: `items_total` minus the discounted lines'
    /// gross. Never negative.
    pub discount_total: Decimal,
    /// What shipping costs with tax; zero without shipping.
    pub shipping_total: Decimal,
    /// Σ net of the discounted lines and shipping.
    pub subtotal_net: Decimal,
    /// Σ tax of the discounted lines and shipping.
    pub tax_total: Decimal,
    /// What the customer pays: `items_total − discount_total + shipping_total`, which is
    /// also `subtotal_net + tax_total`.
    pub total: Decimal,
}

/// Prices an order: cart lines with a discount each (see
/// [`crate::discount::allocate_discounts`]) and optional shipping.
///
/// * `discounts` has one entry per line, in the store's price mode: a whole number of
///   minor units between zero and the line's amount `round(unit price × quantity)`.
///   Otherwise [`PricingError::DiscountMismatch`] or [`PricingError::InvalidDiscount`].
/// * A discounted line is priced exactly like a cart line whose amount is its amount
///   minus its discount, with the same price mode and tax rounding.
/// * Shipping is priced like one more line of quantity one and is part of the breakdown.
///   With per-total rounding the tax of each rate is still rounded once over the items
///   and shipping together; the items keep the tax [`price_cart`] gives them and shipping
///   carries what it adds to its rate's rounded tax, so that adding shipping never
///   changes the items' prices.
///
/// With no discounts and no shipping the totals are those of [`price_cart`].
pub fn price_order(
    rules: &PricingRules,
    lines: &[LineInput],
    discounts: &[Decimal],
    shipping: Option<&ShippingInput>,
) -> Result<OrderPricing, PricingError> {
    let currency = &rules.currency;
    if discounts.len() != lines.len() {
        return Err(PricingError::DiscountMismatch {
            lines: lines.len(),
            discounts: discounts.len(),
        });
    }
    let amounts = line_amounts(rules, lines)?;
    let mut discounted = Vec::with_capacity(amounts.len());
    for (index, (&amount, &discount)) in amounts.iter().zip(discounts).enumerate() {
        if discount < Decimal::ZERO || discount > amount || !currency.is_rounded(discount) {
            return Err(PricingError::InvalidDiscount {
                index,
                discount,
                amount,
            });
        }
        discounted.push(amount - discount);
    }
    if let Some(shipping) = shipping {
        check_price(shipping.price, &shipping.tax)?;
    }

    let items_total = price_amounts(rules, lines, &amounts).total;
    let items = price_amounts(rules, lines, &discounted);
    let shipping = shipping.map(|shipping| price_shipping(rules, lines, &discounted, shipping));
    let taxes = breakdown(items.lines.iter().chain(&shipping));
    let (shipping_net, shipping_tax, shipping_total) = shipping
        .as_ref()
        .map_or((Decimal::ZERO, Decimal::ZERO, Decimal::ZERO), |line| {
            (line.net, line.tax, line.gross)
        });
    Ok(OrderPricing {
        discount_total: items_total - items.total,
        subtotal_net: items.subtotal_net + shipping_net,
        tax_total: items.tax_total + shipping_tax,
        total: items.total + shipping_total,
        items_total,
        shipping_total,
        discounts: discounts.to_vec(),
        shipping,
        taxes,
        items,
    })
}

/// Prices shipping as one more line after the items (priced at the `discounted`
/// amounts). With per-total rounding its tax is what it adds to its rate's tax rounded
/// once over the items and shipping together.
fn price_shipping(
    rules: &PricingRules,
    lines: &[LineInput],
    discounted: &[Decimal],
    shipping: &ShippingInput,
) -> PricedLine {
    let currency = &rules.currency;
    let amount = currency.round(shipping.price);
    let own = exact_tax(rules.price_mode, &shipping.tax, amount);
    let tax = match rules.tax_rounding {
        TaxRounding::PerLine => currency.round(own),
        TaxRounding::PerTotal => {
            let items: Decimal = lines
                .iter()
                .zip(discounted)
                .filter(|(line, _)| line.tax.code == shipping.tax.code)
                .map(|(line, &amount)| exact_tax(rules.price_mode, &line.tax, amount))
                .sum();
            currency.round(items + own) - currency.round(items)
        }
    };
    let mut line = PricedLine {
        quantity: 1,
        unit_price: shipping.price,
        net: amount,
        tax,
        gross: amount,
        tax_rate: shipping.tax.clone(),
    };
    complete_line(rules.price_mode, &mut line);
    line
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
    let taxes = breakdown(&lines);
    let subtotal_net = lines.iter().map(|line| line.net).sum();
    let tax_total = lines.iter().map(|line| line.tax).sum();
    let total = lines.iter().map(|line| line.gross).sum();
    CartPricing {
        lines,
        taxes,
        subtotal_net,
        tax_total,
        total,
    }
}

/// Base and tax per rate code, ordered by code.
fn breakdown<'a>(lines: impl IntoIterator<Item = &'a PricedLine>) -> Vec<TaxBreakdown> {
    let mut taxes: BTreeMap<String, TaxBreakdown> = BTreeMap::new();
    for line in lines {
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
    taxes.into_values().collect()
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

    #[test]
    fn an_order_without_discounts_or_shipping_is_priced_like_the_cart() {
        let standard = rate("standard", dec!(20));
        let reduced = rate("reduced", dec!(5.5));
        let cart = [
            line(3, dec!(0.99), &standard),
            line(2, dec!(1.99), &reduced),
        ];
        for mode in [PriceMode::TaxInclusive, PriceMode::TaxExclusive] {
            for rounding in [TaxRounding::PerLine, TaxRounding::PerTotal] {
                let rules = rules(mode, rounding);
                let cart_pricing = price_cart(&rules, &cart).unwrap();
                let order = price_order(&rules, &cart, &[Decimal::ZERO; 2], None).unwrap();
                assert_eq!(order.items, cart_pricing);
                assert_eq!(order.taxes, cart_pricing.taxes);
                assert_eq!(order.items_total, cart_pricing.total);
                assert_eq!(order.discount_total, Decimal::ZERO);
                assert_eq!(order.shipping, None);
                assert_eq!(order.shipping_total, Decimal::ZERO);
                assert_eq!(order.total, cart_pricing.total);
            }
        }
    }

    #[test]
    fn inclusive_discounts_and_shipping_add_up() {
        let vat = rate("standard", dec!(20));
        let shipping = ShippingInput {
            price: dec!(4.90),
            tax: vat.clone(),
        };
        let order = price_order(
            &rules(PriceMode::TaxInclusive, TaxRounding::PerLine),
            &[line(2, dec!(10.00), &vat)],
            &[dec!(2.00)],
            Some(&shipping),
        )
        .unwrap();
        assert_eq!(order.items_total, dec!(20.00));
        assert_eq!(order.discount_total, dec!(2.00));
        // 18.00 / 1.2 = 15.00 net, 3.00 tax; shipping 4.90 holds 0.8166… → 0.82 tax.
        assert_eq!(
            (order.items.lines[0].net, order.items.lines[0].tax),
            (dec!(15.00), dec!(3.00))
        );
        assert_eq!(order.items.lines[0].unit_price, dec!(10.00));
        let shipped = order.shipping.as_ref().unwrap();
        assert_eq!(
            (shipped.net, shipped.tax, shipped.gross),
            (dec!(4.08), dec!(0.82), dec!(4.90))
        );
        assert_eq!(order.shipping_total, dec!(4.90));
        assert_eq!(order.total, dec!(22.90));
        assert_eq!(order.subtotal_net, dec!(19.08));
        assert_eq!(order.tax_total, dec!(3.82));
        assert_eq!(order.taxes.len(), 1);
        assert_eq!(
            (order.taxes[0].base, order.taxes[0].tax),
            (dec!(19.08), dec!(3.82))
        );
    }

    /// Item and shipping each hold 0.206 of tax: rounded once, the rate's tax is 0.41.
    /// The item keeps the 0.21 it has on its own and shipping carries the other 0.20.
    #[test]
    fn per_total_rounding_rounds_items_and_shipping_once_per_rate() {
        let vat = rate("standard", dec!(20));
        let shipping = ShippingInput {
            price: dec!(1.03),
            tax: vat.clone(),
        };
        let rules = rules(PriceMode::TaxExclusive, TaxRounding::PerTotal);
        let cart = [line(1, dec!(1.03), &vat)];
        let order = price_order(&rules, &cart, &[Decimal::ZERO], Some(&shipping)).unwrap();
        assert_eq!(order.items, price_cart(&rules, &cart).unwrap());
        assert_eq!(order.items.tax_total, dec!(0.21));
        assert_eq!(order.shipping.as_ref().unwrap().tax, dec!(0.20));
        assert_eq!(
            (order.taxes[0].base, order.taxes[0].tax),
            (dec!(2.06), dec!(0.41))
        );
        assert_eq!(order.total, dec!(2.47));
        assert_eq!(order.shipping_total, dec!(1.23));
    }

    #[test]
    fn exclusive_discounts_are_net_and_take_their_tax_with_them() {
        let vat = rate("standard", dec!(20));
        let order = price_order(
            &rules(PriceMode::TaxExclusive, TaxRounding::PerLine),
            &[line(1, dec!(10.00), &vat)],
            &[dec!(1.00)],
            None,
        )
        .unwrap();
        assert_eq!(order.items_total, dec!(12.00));
        assert_eq!(order.discount_total, dec!(1.20));
        assert_eq!(order.total, dec!(10.80));
    }

    #[test]
    fn discounts_must_match_the_lines() {
        let vat = rate("standard", dec!(20));
        let rules = rules(PriceMode::TaxInclusive, TaxRounding::PerLine);
        let cart = [line(2, dec!(1.50), &vat)];
        assert_eq!(
            price_order(&rules, &cart, &[], None),
            Err(PricingError::DiscountMismatch {
                lines: 1,
                discounts: 0
            })
        );
        for discount in [dec!(3.01), dec!(-0.01), dec!(0.005)] {
            assert_eq!(
                price_order(&rules, &cart, &[discount], None),
                Err(PricingError::InvalidDiscount {
                    index: 0,
                    discount,
                    amount: dec!(3.00)
                })
            );
        }
        let error = price_order(&rules, &cart, &[dec!(4)], None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the discount of 4 on line 1 must be a whole number of the currency's smallest unit, between zero and the line's amount of 3.00"
        );
        assert!(price_order(&rules, &cart, &[dec!(3.00)], None).is_ok());
    }

    #[test]
    fn negative_shipping_is_refused() {
        let vat = rate("standard", dec!(20));
        let shipping = ShippingInput {
            price: dec!(-1),
            tax: vat,
        };
        assert_eq!(
            price_order(
                &rules(PriceMode::TaxInclusive, TaxRounding::PerLine),
                &[],
                &[],
                Some(&shipping)
            ),
            Err(PricingError::NegativePrice(dec!(-1)))
        );
    }
}
