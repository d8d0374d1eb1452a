//! The owner's dashboard figures over a time range: sales per day, top products, the
//! payment-method split and the tax summary per rate. Test orders are left out. Each query
//! walks `orders_created` (created_at) for the range only, never the whole history.

use chrono::{DateTime, Utc};

use crate::{Store, StoreResult};

/// Sales of one day (UTC).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DaySalesRow {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Orders.
    pub orders: i64,
    /// Σ totals.
    pub total_minor: i64,
    /// Σ tax.
    pub tax_minor: i64,
    /// Σ refunded.
    pub refunded_minor: i64,
}

/// A product's sales in the range.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProductSalesRow {
    /// SKU.
    pub sku: String,
    /// Name (as last sold).
    pub name: String,
    /// Units.
    pub quantity: i64,
    /// Σ line totals.
    pub total_minor: i64,
}

/// A payment method's share.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MethodSalesRow {
    /// Method code.
    pub method: String,
    /// Label.
    pub label: String,
    /// Payments.
    pub count: i64,
    /// Σ amounts.
    pub amount_minor: i64,
}

/// A tax rate's totals.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TaxSummaryRow {
    /// Rate label.
    pub label: String,
    /// Rate in percent (text, as stored).
    pub percent: String,
    /// Net.
    pub base_minor: i64,
    /// Tax.
    pub tax_minor: i64,
}

impl Store {
    /// Sales per day in `[from, to)`, oldest first (days without sales are left out).
    pub async fn sales_by_day(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<DaySalesRow>> {
        Ok(sqlx::query_as(
            "SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS orders,
                    SUM(total_minor) AS total_minor, SUM(tax_total_minor) AS tax_minor,
                    SUM(refunded_minor) AS refunded_minor
               FROM orders
              WHERE created_at >= ?1 AND created_at < ?2 AND is_test = 0
              GROUP BY day ORDER BY day",
        )
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?)
    }

    /// The best-selling products in `[from, to)` by amount.
    pub async fn top_products(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: i64,
    ) -> StoreResult<Vec<ProductSalesRow>> {
        Ok(sqlx::query_as(
            "SELECT l.sku, MAX(l.name) AS name, SUM(l.quantity) AS quantity,
                    SUM(l.gross_minor) AS total_minor
               FROM orders o JOIN order_lines l ON l.order_id = o.id
              WHERE o.created_at >= ?1 AND o.created_at < ?2 AND o.is_test = 0
              GROUP BY l.sku ORDER BY total_minor DESC, l.sku LIMIT ?3",
        )
        .bind(from)
        .bind(to)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// Payments per method in `[from, to)` (by when the order was placed).
    pub async fn payment_split(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<MethodSalesRow>> {
        Ok(sqlx::query_as(
            "SELECT p.method, COALESCE(m.label, p.method) AS label, COUNT(*) AS count,
                    SUM(p.amount_minor) AS amount_minor
               FROM orders o JOIN payments p ON p.order_id = o.id
               LEFT JOIN payment_methods m ON m.code = p.method
              WHERE o.created_at >= ?1 AND o.created_at < ?2 AND o.is_test = 0
              GROUP BY p.method ORDER BY amount_minor DESC, p.method",
        )
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?)
    }

    /// Tax per rate in `[from, to)`.
    pub async fn tax_summary(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<TaxSummaryRow>> {
        Ok(sqlx::query_as(
            "SELECT t.label, t.percent, SUM(t.base_minor) AS base_minor, SUM(t.tax_minor) AS tax_minor
               FROM orders o JOIN order_taxes t ON t.order_id = o.id
              WHERE o.created_at >= ?1 AND o.created_at < ?2 AND o.is_test = 0
              GROUP BY t.label, t.percent ORDER BY t.label",
        )
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?)
    }
}
