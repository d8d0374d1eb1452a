//! Request and response types of the owner's dashboard and its CSV exports.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The dashboard's range: `from` to `to` (both included, UTC days); default this month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DashboardRequest {
    /// First day.
    pub from: Option<chrono::NaiveDate>,
    /// Last day.
    pub to: Option<chrono::NaiveDate>,
}

/// Sales of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeriodSales {
    /// Orders.
    #[ts(type = "number")]
    pub orders: i64,
    /// Σ totals.
    #[ts(type = "string")]
    pub total: Decimal,
    /// Σ tax.
    #[ts(type = "string")]
    pub tax: Decimal,
    /// Σ refunded.
    #[ts(type = "string")]
    pub refunded: Decimal,
}

/// Sales of one day (for the chart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DaySales {
    /// The day (UTC).
    pub day: chrono::NaiveDate,
    /// Orders.
    #[ts(type = "number")]
    pub orders: i64,
    /// Σ totals.
    #[ts(type = "string")]
    pub total: Decimal,
}

/// A product's sales in the range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductSales {
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Units.
    #[ts(type = "number")]
    pub quantity: i64,
    /// Σ line totals.
    #[ts(type = "string")]
    pub total: Decimal,
}

/// A payment method's share of the range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MethodSales {
    /// Method code.
    pub method: String,
    /// Label.
    pub label: String,
    /// Payments.
    #[ts(type = "number")]
    pub count: i64,
    /// Σ amounts.
    #[ts(type = "string")]
    pub amount: Decimal,
}

/// A tax rate's totals in the range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TaxSummary {
    /// Label.
    pub label: String,
    /// Rate in percent.
    pub percent: String,
    /// Net.
    #[ts(type = "string")]
    pub base: Decimal,
    /// Tax.
    #[ts(type = "string")]
    pub tax: Decimal,
}

/// The owner's dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Dashboard {
    /// Currency.
    pub currency_code: String,
    /// Today (UTC).
    pub today: PeriodSales,
    /// This week (from Monday).
    pub week: PeriodSales,
    /// This month.
    pub month: PeriodSales,
    /// The last 30 days, oldest first, days without sales included.
    pub days: Vec<DaySales>,
    /// The range of the lists below.
    pub from: chrono::NaiveDate,
    /// Last day of the range.
    pub to: chrono::NaiveDate,
    /// Best sellers in the range (top 10 by amount).
    pub top_products: Vec<ProductSales>,
    /// Payment-method split in the range.
    pub payment_methods: Vec<MethodSales>,
    /// Tax per rate in the range.
    pub taxes: Vec<TaxSummary>,
}

/// Export one dashboard list as CSV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportExportRequest {
    /// `days`, `products`, `payments` or `taxes`.
    pub kind: String,
    /// The range.
    pub range: DashboardRequest,
}

/// A written CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportExport {
    /// Where it was written (`exports/` beside the database).
    pub path: String,
    /// Data rows (without the header).
    #[ts(type = "number")]
    pub rows: i64,
}
