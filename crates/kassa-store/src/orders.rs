//! Orders with their immutable line snapshots, taxes, payments, invoice and history.
//!
//! The application crate composes a checkout from these `WriteTx` methods inside one
//! transaction; reads return plain rows with money in minor units.

use chrono::{DateTime, Utc};
use sqlx::SqliteExecutor;

use crate::{Store, StoreResult, WriteTx};

/// The order row written at checkout.
#[derive(Debug, Clone)]
pub struct NewOrder<'a> {
    /// Client-made UUID: the idempotency key.
    pub uuid: &'a str,
    /// Human-readable reference, unique per store and register.
    pub reference: &'a str,
    /// Store code.
    pub store_code: &'a str,
    /// Register code.
    pub register_code: &'a str,
    /// The cart it came from.
    pub cart_id: Option<i64>,
    /// Customer, if any.
    pub customer_id: Option<i64>,
    /// Initial status code.
    pub status: &'a str,
    /// ISO currency code.
    pub currency_code: &'a str,
    /// Price mode code at the time of sale.
    pub price_mode: &'a str,
    /// Σ net.
    pub subtotal_net_minor: i64,
    /// Σ tax.
    pub tax_total_minor: i64,
    /// Total.
    pub total_minor: i64,
    /// Paid.
    pub paid_minor: i64,
    /// Change handed back.
    pub change_minor: i64,
    /// When it was placed.
    pub created_at: DateTime<Utc>,
    /// Σ line gross before discounts.
    pub items_total_minor: i64,
    /// What coupons took off (gross).
    pub discount_total_minor: i64,
    /// Shipping (gross).
    pub shipping_total_minor: i64,
    /// Tax included in the shipping.
    pub shipping_tax_minor: i64,
    /// Label of the shipping's tax rate.
    pub shipping_tax_label: Option<&'a str>,
    /// Cash rounding added to the total when paid in cash.
    pub cash_rounding_minor: i64,
    /// Carrier code and name (in-store pickup too).
    pub carrier: Option<(&'a str, &'a str)>,
    /// Method chosen to pay the rest later.
    pub pay_later_method: Option<&'a str>,
    /// Address snapshots (JSON).
    pub shipping_address: Option<&'a str>,
    /// Address snapshots (JSON).
    pub invoice_address: Option<&'a str>,
}

/// One snapshot line (also what is read back).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OrderLineRow {
    /// Position in the order, from 1.
    pub position: i64,
    /// Product, while it exists.
    pub product_id: Option<i64>,
    /// SKU at the time of sale.
    pub sku: String,
    /// Name at the time of sale.
    pub name: String,
    /// Units.
    pub quantity: i64,
    /// Unit price at the time of sale.
    pub unit_price_minor: i64,
    /// Tax code.
    pub tax_code: String,
    /// Tax label.
    pub tax_label: String,
    /// Tax percent text.
    pub tax_percent: String,
    /// Net.
    pub net_minor: i64,
    /// Tax.
    pub tax_minor: i64,
    /// Gross.
    pub gross_minor: i64,
    /// What coupons took off the line (store's price mode).
    pub discount_minor: i64,
}

/// A coupon used by an order and what it took off.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OrderDiscountRow {
    /// Coupon code.
    pub code: String,
    /// Amount (store's price mode).
    pub amount_minor: i64,
}

/// The tax of one rate on an order.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OrderTaxRow {
    /// Tax code.
    pub tax_code: String,
    /// Label.
    pub label: String,
    /// Percent text.
    pub percent: String,
    /// Net base.
    pub base_minor: i64,
    /// Tax.
    pub tax_minor: i64,
}

/// A payment on an order.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PaymentRow {
    /// Method code.
    pub method: String,
    /// Applied amount.
    pub amount_minor: i64,
    /// Handed over.
    pub tendered_minor: i64,
    /// Change.
    pub change_minor: i64,
    /// Terminal reference.
    pub reference: Option<String>,
}

/// The invoice of an order.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InvoiceRow {
    /// Number, e.g. `INV-2026-000001`.
    pub number: String,
    /// Series.
    pub series: String,
    /// Year of the series.
    pub year: i64,
    /// Sequence in the series and year.
    pub sequence: i64,
    /// Status code.
    pub status: String,
    /// Total.
    pub total_minor: i64,
    /// Paid.
    pub paid_minor: i64,
    /// Issue time.
    pub issued_at: DateTime<Utc>,
}

/// A status change.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StatusChangeRow {
    /// Previous status code (none for the first).
    pub from_status: Option<String>,
    /// New status code.
    pub to_status: String,
    /// Who made it.
    pub changed_by: String,
    /// Note.
    pub note: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// An order row with its status label, invoice number and customer name.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OrderRow {
    /// Row id.
    pub id: i64,
    /// UUID.
    pub uuid: String,
    /// Reference.
    pub reference: String,
    /// Register code.
    pub register_code: String,
    /// Status code.
    pub status: String,
    /// Status label.
    pub status_label: String,
    /// Status colour.
    pub status_colour: String,
    /// Currency code.
    pub currency_code: String,
    /// Σ net.
    pub subtotal_net_minor: i64,
    /// Σ tax.
    pub tax_total_minor: i64,
    /// Total.
    pub total_minor: i64,
    /// Paid.
    pub paid_minor: i64,
    /// Change.
    pub change_minor: i64,
    /// Invoice number.
    pub invoice_number: Option<String>,
    /// Customer name.
    pub customer_name: Option<String>,
    /// Σ quantities.
    pub item_count: i64,
    /// Placed at.
    pub created_at: DateTime<Utc>,
    /// Customer id.
    pub customer_id: Option<i64>,
    /// Customer e-mail.
    pub customer_email: Option<String>,
    /// Staff's own reference.
    pub internal_reference: String,
    /// Tracking code.
    pub tracking_code: String,
    /// Notes.
    pub notes: String,
    /// When it became paid.
    pub paid_at: Option<DateTime<Utc>>,
    /// Refunded so far.
    pub refunded_minor: i64,
    /// Test order.
    pub is_test: bool,
    /// Σ line gross before discounts.
    pub items_total_minor: i64,
    /// What coupons took off (gross).
    pub discount_total_minor: i64,
    /// Shipping (gross).
    pub shipping_total_minor: i64,
    /// Cash rounding.
    pub cash_rounding_minor: i64,
    /// Carrier name.
    pub carrier_name: Option<String>,
    /// Method chosen to pay later.
    pub pay_later_method: Option<String>,
    /// Shipping address snapshot (JSON).
    pub shipping_address: Option<String>,
    /// Invoice address snapshot (JSON).
    pub invoice_address: Option<String>,
}

/// A credit note as read back.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CreditNoteRow {
    /// Number.
    pub number: String,
    /// The invoice's number.
    pub invoice_number: String,
    /// Reason.
    pub reason: String,
    /// Total refunded.
    pub total_minor: i64,
    /// Issued at.
    pub issued_at: DateTime<Utc>,
}

/// Everything stored about one order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderRecord {
    /// The order.
    pub order: OrderRow,
    /// Lines by position.
    pub lines: Vec<OrderLineRow>,
    /// Taxes by code.
    pub taxes: Vec<OrderTaxRow>,
    /// Payments.
    pub payments: Vec<PaymentRow>,
    /// Invoice.
    pub invoice: Option<InvoiceRow>,
    /// History, oldest first.
    pub history: Vec<StatusChangeRow>,
    /// Credit notes, oldest first.
    pub credit_notes: Vec<CreditNoteRow>,
    /// Coupons used.
    pub discounts: Vec<OrderDiscountRow>,
    /// Gift cards the order issued.
    pub gift_cards: Vec<crate::gift_cards::GiftCardRow>,
}

macro_rules! order_query {
    ($tail:literal $(,)?) => {
        concat!(
            "SELECT ",
            order_columns!(),
            " FROM orders o
               JOIN order_statuses s ON s.code = o.status
               LEFT JOIN invoices i ON i.order_id = o.id
               LEFT JOIN customers c ON c.id = o.customer_id ",
            $tail
        )
    };
}

async fn order_id_by_uuid(
    executor: impl SqliteExecutor<'_>,
    uuid: &str,
) -> StoreResult<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT id FROM orders WHERE uuid = ?1")
        .bind(uuid)
        .fetch_optional(executor)
        .await?)
}

impl Store {
    /// The id of the order with this UUID.
    pub async fn order_id_by_uuid(&self, uuid: &str) -> StoreResult<Option<i64>> {
        order_id_by_uuid(self.pool(), uuid).await
    }

    /// Number of orders.
    pub async fn count_orders(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM orders")
            .fetch_one(self.pool())
            .await?)
    }

    /// A customer's most recent orders, newest first.
    pub async fn customer_orders(
        &self,
        customer_id: i64,
        limit: i64,
    ) -> StoreResult<Vec<OrderRow>> {
        Ok(sqlx::query_as(order_query!(
            "WHERE o.customer_id = ?1 ORDER BY o.id DESC LIMIT ?2"
        ))
        .bind(customer_id)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// Everything about one order, by id.
    pub async fn order_record(&self, order_id: i64) -> StoreResult<Option<OrderRecord>> {
        let pool = self.pool();
        let Some(order) = sqlx::query_as::<_, OrderRow>(order_query!("WHERE o.id = ?1"))
            .bind(order_id)
            .fetch_optional(pool)
            .await?
        else {
            return Ok(None);
        };
        let lines = sqlx::query_as(
            "SELECT position, product_id, sku, name, quantity, unit_price_minor, tax_code, tax_label,
                    tax_percent, net_minor, tax_minor, gross_minor, discount_minor
               FROM order_lines WHERE order_id = ?1 ORDER BY position",
        )
        .bind(order_id)
        .fetch_all(pool)
        .await?;
        let taxes = sqlx::query_as(
            "SELECT tax_code, label, percent, base_minor, tax_minor FROM order_taxes WHERE order_id = ?1 ORDER BY tax_code",
        )
        .bind(order_id)
        .fetch_all(pool)
        .await?;
        let payments = sqlx::query_as(
            "SELECT method, amount_minor, tendered_minor, change_minor, reference FROM payments WHERE order_id = ?1 ORDER BY id",
        )
        .bind(order_id)
        .fetch_all(pool)
        .await?;
        let invoice = sqlx::query_as(
            "SELECT number, series, year, sequence, status, total_minor, paid_minor, issued_at FROM invoices WHERE order_id = ?1",
        )
        .bind(order_id)
        .fetch_optional(pool)
        .await?;
        let history = sqlx::query_as(
            "SELECT from_status, to_status, changed_by, note, created_at FROM order_status_history WHERE order_id = ?1 ORDER BY id",
        )
        .bind(order_id)
        .fetch_all(pool)
        .await?;
        let credit_notes = sqlx::query_as(
            "SELECT n.number, i.number AS invoice_number, n.reason, n.total_minor, n.issued_at
               FROM credit_notes n JOIN invoices i ON i.id = n.invoice_id
              WHERE n.order_id = ?1 ORDER BY n.id",
        )
        .bind(order_id)
        .fetch_all(pool)
        .await?;
        let discounts = sqlx::query_as(
            "SELECT code, amount_minor FROM order_discounts WHERE order_id = ?1 ORDER BY created_at, coupon_id",
        )
        .bind(order_id)
        .fetch_all(pool)
        .await?;
        let gift_cards = self.gift_cards_of_order(order_id).await?;
        Ok(Some(OrderRecord {
            order,
            discounts,
            gift_cards,
            lines,
            taxes,
            payments,
            invoice,
            history,
            credit_notes,
        }))
    }
}

impl WriteTx {
    /// The id of the order with this UUID, inside the transaction.
    pub async fn order_id_by_uuid(&mut self, uuid: &str) -> StoreResult<Option<i64>> {
        order_id_by_uuid(self.conn(), uuid).await
    }

    /// Inserts the order row; returns its id.
    pub async fn insert_order(&mut self, order: &NewOrder<'_>) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO orders (uuid, reference, store_code, register_code, cart_id, customer_id, status,
                                 currency_code, price_mode, subtotal_net_minor, tax_total_minor, total_minor,
                                 paid_minor, change_minor, created_at, items_total_minor, discount_total_minor,
                                 shipping_total_minor, shipping_tax_minor, cash_rounding_minor, carrier_code,
                                 carrier_name, pay_later_method, shipping_address, invoice_address,
                                 shipping_tax_label)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                     ?20, ?21, ?22, ?23, ?24, ?25, ?26) RETURNING id",
        )
        .bind(order.uuid)
        .bind(order.reference)
        .bind(order.store_code)
        .bind(order.register_code)
        .bind(order.cart_id)
        .bind(order.customer_id)
        .bind(order.status)
        .bind(order.currency_code)
        .bind(order.price_mode)
        .bind(order.subtotal_net_minor)
        .bind(order.tax_total_minor)
        .bind(order.total_minor)
        .bind(order.paid_minor)
        .bind(order.change_minor)
        .bind(order.created_at)
        .bind(order.items_total_minor)
        .bind(order.discount_total_minor)
        .bind(order.shipping_total_minor)
        .bind(order.shipping_tax_minor)
        .bind(order.cash_rounding_minor)
        .bind(order.carrier.map(|(code, _)| code))
        .bind(order.carrier.map(|(_, name)| name))
        .bind(order.pay_later_method)
        .bind(order.shipping_address)
        .bind(order.invoice_address)
        .bind(order.shipping_tax_label)
        .fetch_one(self.conn())
        .await?)
    }

    /// Inserts one snapshot line.
    pub async fn insert_order_line(
        &mut self,
        order_id: i64,
        line: &OrderLineRow,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO order_lines (order_id, position, product_id, sku, name, quantity, unit_price_minor,
                                      tax_code, tax_label, tax_percent, net_minor, tax_minor, gross_minor,
                                      discount_minor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )
        .bind(order_id)
        .bind(line.position)
        .bind(line.product_id)
        .bind(&line.sku)
        .bind(&line.name)
        .bind(line.quantity)
        .bind(line.unit_price_minor)
        .bind(&line.tax_code)
        .bind(&line.tax_label)
        .bind(&line.tax_percent)
        .bind(line.net_minor)
        .bind(line.tax_minor)
        .bind(line.gross_minor)
        .bind(line.discount_minor)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Records that a coupon was used by the order (its usage count) and what it took.
    pub async fn insert_order_discount(
        &mut self,
        order_id: i64,
        coupon_id: i64,
        customer_id: Option<i64>,
        discount: &OrderDiscountRow,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO order_discounts (order_id, coupon_id, code, customer_id, amount_minor, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .bind(order_id)
        .bind(coupon_id)
        .bind(&discount.code)
        .bind(customer_id)
        .bind(discount.amount_minor)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Inserts the tax of one rate.
    pub async fn insert_order_tax(&mut self, order_id: i64, tax: &OrderTaxRow) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO order_taxes (order_id, tax_code, label, percent, base_minor, tax_minor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .bind(order_id)
        .bind(&tax.tax_code)
        .bind(&tax.label)
        .bind(&tax.percent)
        .bind(tax.base_minor)
        .bind(tax.tax_minor)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Inserts one payment.
    pub async fn insert_payment(
        &mut self,
        order_id: i64,
        payment: &PaymentRow,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO payments (order_id, method, amount_minor, tendered_minor, change_minor, reference, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .bind(order_id)
        .bind(&payment.method)
        .bind(payment.amount_minor)
        .bind(payment.tendered_minor)
        .bind(payment.change_minor)
        .bind(&payment.reference)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Inserts the order's invoice.
    pub async fn insert_invoice(&mut self, order_id: i64, invoice: &InvoiceRow) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO invoices (order_id, number, series, year, sequence, status, total_minor, paid_minor, issued_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .bind(order_id)
        .bind(&invoice.number)
        .bind(&invoice.series)
        .bind(invoice.year)
        .bind(invoice.sequence)
        .bind(&invoice.status)
        .bind(invoice.total_minor)
        .bind(invoice.paid_minor)
        .bind(invoice.issued_at)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Appends a status change to the order's history.
    pub async fn insert_status_change(
        &mut self,
        order_id: i64,
        change: &StatusChangeRow,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO order_status_history (order_id, from_status, to_status, changed_by, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .bind(order_id)
        .bind(&change.from_status)
        .bind(&change.to_status)
        .bind(&change.changed_by)
        .bind(&change.note)
        .bind(change.created_at)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
