//! Taxes: rates, whether shelf prices include tax, and where rounding happens.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A tax rate as it applies to a product's tax class, e.g. `standard` at 20 %.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxRate {
    /// Stable code of the rate, e.g. `standard`, `reduced`, `zero`.
    pub code: String,
    /// What receipts print, e.g. `VAT 20%`.
    pub label: String,
    /// The rate in percent: `20` means 20 %.
    pub percent: Decimal,
}

impl TaxRate {
    /// The share of a tax-exclusive (net) amount that is tax: `percent / 100`.
    pub fn factor_on_net(&self) -> Decimal {
        self.percent / Decimal::ONE_HUNDRED
    }

    /// The share of a tax-inclusive (gross) amount that is tax: `percent / (100 + percent)`.
    pub fn factor_on_gross(&self) -> Decimal {
        self.percent / (Decimal::ONE_HUNDRED + self.percent)
    }
}

/// Whether the prices in the catalog already include tax (usual at a counter in Europe)
/// or have tax added on top (usual in the US and for B2B).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PriceMode {
    /// Shelf price is what the customer pays; tax is extracted from it.
    #[default]
    TaxInclusive,
    /// Shelf price is net; tax is added.
    TaxExclusive,
}

/// Where tax is rounded to the minor unit.
///
/// * `PerLine`: each line's tax is rounded, and a rate's tax is the sum of its lines. Line
///   totals on the receipt add up to the receipt total (Odoo's advice for tax-inclusive
///   prices).
/// * `PerTotal`: the tax of each rate is computed on the sum of that rate's lines and
///   rounded once (EN 16931 invoices); it is then shared out to the lines by largest
///   remainder so that the lines still add up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TaxRounding {
    /// Round every line's tax.
    #[default]
    PerLine,
    /// Round each rate's tax once, on the sum of its lines.
    PerTotal,
}
