//! Changes to placed orders: status, payments, refunds with credit notes, staff fields,
//! the search index and deletion of test orders. The application crate composes them
//! inside one write transaction per change.

use chrono::{DateTime, Utc};

use crate::orders::OrderLineRow;
use crate::{StoreResult, WriteTx};

/// The state of an order that changes decide on.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OrderState {
    /// Row id.
    pub id: i64,
    /// UUID.
    pub uuid: String,
    /// Reference.
    pub reference: String,
    /// Status code.
    pub status: String,
    /// Customer.
    pub customer_id: Option<i64>,
    /// Σ net.
    pub subtotal_net_minor: i64,
    /// Σ tax.
    pub tax_total_minor: i64,
    /// Total.
    pub total_minor: i64,
    /// Paid so far.
    pub paid_minor: i64,
    /// Refunded so far.
    pub refunded_minor: i64,
    /// When it became paid.
    pub paid_at: Option<DateTime<Utc>>,
    /// Test order.
    pub is_test: bool,
    /// Cash rounding (paid in full means paid = total + cash rounding).
    pub cash_rounding_minor: i64,
}

/// The invoice of an order, for payment bookkeeping.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InvoiceState {
    /// Row id.
    pub id: i64,
    /// Number.
    pub number: String,
    /// Status code.
    pub status: String,
    /// Total.
    pub total_minor: i64,
    /// Paid.
    pub paid_minor: i64,
}

/// A credit note to write.
#[derive(Debug, Clone)]
pub struct NewCreditNote<'a> {
    /// Number.
    pub number: &'a str,
    /// Series.
    pub series: &'a str,
    /// Year.
    pub year: i64,
    /// Sequence in series and year.
    pub sequence: i64,
    /// The invoice refunded.
    pub invoice_id: i64,
    /// The order.
    pub order_id: i64,
    /// Why.
    pub reason: &'a str,
    /// Σ net.
    pub subtotal_net_minor: i64,
    /// Σ tax.
    pub tax_total_minor: i64,
    /// Total.
    pub total_minor: i64,
    /// Who.
    pub issued_by: &'a str,
    /// When.
    pub issued_at: DateTime<Utc>,
}

impl crate::Store {
    /// The referral commission recorded for an order, in minor units.
    pub async fn referral_commission(&self, order_uuid: &str) -> StoreResult<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT r.amount_minor FROM referral_commissions r JOIN orders o ON o.id = r.order_id WHERE o.uuid = ?1",
        )
        .bind(order_uuid)
        .fetch_optional(self.pool())
        .await?)
    }
}

impl WriteTx {
    /// An order's state by UUID, read inside the transaction.
    pub async fn order_state(&mut self, uuid: &str) -> StoreResult<Option<OrderState>> {
        Ok(sqlx::query_as(
            "SELECT id, uuid, reference, status, customer_id, subtotal_net_minor, tax_total_minor, total_minor,
                    paid_minor, refunded_minor, paid_at, is_test, cash_rounding_minor
               FROM orders WHERE uuid = ?1",
        )
        .bind(uuid)
        .fetch_optional(self.conn())
        .await?)
    }

    /// An order's state by id, read inside the transaction.
    pub async fn order_state_by_id(&mut self, order_id: i64) -> StoreResult<Option<OrderState>> {
        Ok(sqlx::query_as(
            "SELECT id, uuid, reference, status, customer_id, subtotal_net_minor, tax_total_minor, total_minor,
                    paid_minor, refunded_minor, paid_at, is_test, cash_rounding_minor
               FROM orders WHERE id = ?1",
        )
        .bind(order_id)
        .fetch_optional(self.conn())
        .await?)
    }

    /// Takes the order's units off the shelf: one `sale` stock movement per product that
    /// counts stock, and the products' stock lowered to match — two set-based statements,
    /// whatever the number of lines (checkout's commit path is timed).
    pub async fn take_order_stock(&mut self, order_id: i64, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO stock_movements (product_id, order_id, delta, reason, created_at)
             SELECT l.product_id, ?1, -SUM(l.quantity), 'sale', ?2
               FROM order_lines l JOIN products p ON p.id = l.product_id
              WHERE l.order_id = ?1 AND p.stock_tracked = 1
              GROUP BY l.product_id",
        )
        .bind(order_id)
        .bind(now)
        .execute(self.conn())
        .await?;
        sqlx::query(
            "UPDATE products
                SET stock_on_hand = stock_on_hand
                        - (SELECT SUM(l.quantity) FROM order_lines l WHERE l.order_id = ?1 AND l.product_id = products.id),
                    updated_at = ?2
              WHERE stock_tracked = 1 AND id IN (SELECT product_id FROM order_lines WHERE order_id = ?1)",
        )
        .bind(order_id)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// An order's snapshot lines.
    pub async fn order_lines(&mut self, order_id: i64) -> StoreResult<Vec<OrderLineRow>> {
        Ok(sqlx::query_as(
            "SELECT position, product_id, sku, name, quantity, unit_price_minor, tax_code, tax_label,
                    tax_percent, net_minor, tax_minor, gross_minor, discount_minor
               FROM order_lines WHERE order_id = ?1 ORDER BY position",
        )
        .bind(order_id)
        .fetch_all(self.conn())
        .await?)
    }

    /// What a full credit note credits: the order's lines and, when it was shipped for a
    /// price, its shipping as one more line.
    pub async fn order_lines_with_shipping(
        &mut self,
        order_id: i64,
    ) -> StoreResult<Vec<OrderLineRow>> {
        Ok(sqlx::query_as(
            "SELECT position, product_id, sku, name, quantity, unit_price_minor, tax_code, tax_label,
                    tax_percent, net_minor, tax_minor, gross_minor, discount_minor
               FROM order_lines WHERE order_id = ?1
             UNION ALL
             SELECT (SELECT COALESCE(MAX(position), 0) + 1 FROM order_lines WHERE order_id = ?1), NULL,
                    'SHIPPING', 'Shipping — ' || COALESCE(carrier_name, 'delivery'), 1, shipping_total_minor,
                    'shipping', COALESCE(shipping_tax_label, ''), '', shipping_total_minor - shipping_tax_minor,
                    shipping_tax_minor, shipping_total_minor, 0
               FROM orders WHERE id = ?1 AND shipping_total_minor > 0
             ORDER BY position",
        )
        .bind(order_id)
        .fetch_all(self.conn())
        .await?)
    }

    /// Sets the order's status.
    pub async fn set_order_status(&mut self, order_id: i64, status: &str) -> StoreResult<()> {
        sqlx::query("UPDATE orders SET status = ?2 WHERE id = ?1")
            .bind(order_id)
            .bind(status)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Records the amount paid so far and, once, when the order became paid.
    pub async fn set_order_paid(
        &mut self,
        order_id: i64,
        paid_minor: i64,
        paid_at: Option<DateTime<Utc>>,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE orders SET paid_minor = ?2, paid_at = COALESCE(paid_at, ?3) WHERE id = ?1",
        )
        .bind(order_id)
        .bind(paid_minor)
        .bind(paid_at)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Adds a refunded amount to the order.
    pub async fn add_order_refund(&mut self, order_id: i64, amount_minor: i64) -> StoreResult<()> {
        sqlx::query("UPDATE orders SET refunded_minor = refunded_minor + ?2 WHERE id = ?1")
            .bind(order_id)
            .bind(amount_minor)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Sets the staff fields of an order.
    pub async fn update_order_fields(
        &mut self,
        order_id: i64,
        internal_reference: &str,
        tracking_code: &str,
        notes: &str,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE orders SET internal_reference = ?2, tracking_code = ?3, notes = ?4 WHERE id = ?1")
            .bind(order_id)
            .bind(internal_reference)
            .bind(tracking_code)
            .bind(notes)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// The order's invoice.
    pub async fn invoice_of(&mut self, order_id: i64) -> StoreResult<Option<InvoiceState>> {
        Ok(sqlx::query_as(
            "SELECT id, number, status, total_minor, paid_minor FROM invoices WHERE order_id = ?1",
        )
        .bind(order_id)
        .fetch_optional(self.conn())
        .await?)
    }

    /// Sets the invoice's payment state (its content is never edited).
    pub async fn set_invoice_payment(
        &mut self,
        invoice_id: i64,
        status: &str,
        paid_minor: i64,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE invoices SET status = ?2, paid_minor = ?3 WHERE id = ?1")
            .bind(invoice_id)
            .bind(status)
            .bind(paid_minor)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Writes a credit note with its lines; returns its id.
    pub async fn insert_credit_note(
        &mut self,
        note: &NewCreditNote<'_>,
        lines: &[OrderLineRow],
    ) -> StoreResult<i64> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO credit_notes (number, series, year, sequence, invoice_id, order_id, reason,
                                       subtotal_net_minor, tax_total_minor, total_minor, issued_by, issued_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
        )
        .bind(note.number)
        .bind(note.series)
        .bind(note.year)
        .bind(note.sequence)
        .bind(note.invoice_id)
        .bind(note.order_id)
        .bind(note.reason)
        .bind(note.subtotal_net_minor)
        .bind(note.tax_total_minor)
        .bind(note.total_minor)
        .bind(note.issued_by)
        .bind(note.issued_at)
        .fetch_one(self.conn())
        .await?;
        for line in lines {
            sqlx::query(
                "INSERT INTO credit_note_lines (credit_note_id, position, sku, name, quantity, unit_price_minor, tax_label, tax_minor, gross_minor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .bind(id)
            .bind(line.position)
            .bind(&line.sku)
            .bind(&line.name)
            .bind(line.quantity)
            .bind(line.unit_price_minor)
            .bind(&line.tax_label)
            .bind(line.tax_minor)
            .bind(line.gross_minor)
            .execute(self.conn())
            .await?;
        }
        Ok(id)
    }

    /// Indexes a new order for search: reference, customer, products.
    pub async fn index_order_for_search(&mut self, order_id: i64) -> StoreResult<()> {
        sqlx::query(index_orders_for_search!("WHERE o.id = ?1"))
            .bind(order_id)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Marks a new order as a test order.
    pub async fn mark_test_order(&mut self, order_id: i64) -> StoreResult<()> {
        sqlx::query("UPDATE orders SET is_test = 1 WHERE id = ?1")
            .bind(order_id)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Deletes a test order and everything that hangs off it; real orders are never deleted
    /// (returns false and deletes nothing).
    pub async fn delete_test_order(&mut self, order_id: i64) -> StoreResult<bool> {
        let is_test: Option<bool> = sqlx::query_scalar("SELECT is_test FROM orders WHERE id = ?1")
            .bind(order_id)
            .fetch_optional(self.conn())
            .await?;
        if is_test != Some(true) {
            return Ok(false);
        }
        for statement in [
            "DELETE FROM credit_note_lines WHERE credit_note_id IN (SELECT id FROM credit_notes WHERE order_id = ?1)",
            "DELETE FROM credit_notes WHERE order_id = ?1",
            "DELETE FROM referral_commissions WHERE order_id = ?1",
            "DELETE FROM order_discounts WHERE order_id = ?1",
            // Balances a test order moved stay moved (the ledgers keep the lines); the
            // cards it issued are blocked.
            "UPDATE gift_cards SET active = 0, order_id = NULL WHERE order_id = ?1",
            "UPDATE gift_card_ledger SET order_id = NULL WHERE order_id = ?1",
            "UPDATE store_credit_ledger SET order_id = NULL WHERE order_id = ?1",
            "DELETE FROM job_items WHERE order_id = ?1",
            "DELETE FROM stock_movements WHERE order_id = ?1",
            "DELETE FROM order_status_history WHERE order_id = ?1",
            "DELETE FROM payments WHERE order_id = ?1",
            "DELETE FROM invoices WHERE order_id = ?1",
            "DELETE FROM order_taxes WHERE order_id = ?1",
            "DELETE FROM order_lines WHERE order_id = ?1",
            "DELETE FROM order_search WHERE rowid = ?1",
            "DELETE FROM orders WHERE id = ?1",
        ] {
            sqlx::query(statement)
                .bind(order_id)
                .execute(self.conn())
                .await?;
        }
        Ok(true)
    }

    /// The stock the order took off the shelf: (product, units) per sale movement.
    pub async fn sold_stock(&mut self, order_id: i64) -> StoreResult<Vec<(i64, i64)>> {
        Ok(sqlx::query_as(
            "SELECT product_id, -SUM(delta) FROM stock_movements WHERE order_id = ?1 AND reason IN ('sale', 'return')
              GROUP BY product_id HAVING SUM(delta) < 0 ORDER BY product_id",
        )
        .bind(order_id)
        .fetch_all(self.conn())
        .await?)
    }

    /// The customer who referred this customer, if any.
    pub async fn referrer_of(&mut self, customer_id: i64) -> StoreResult<Option<i64>> {
        Ok(
            sqlx::query_scalar::<_, Option<i64>>("SELECT referred_by FROM customers WHERE id = ?1")
                .bind(customer_id)
                .fetch_optional(self.conn())
                .await?
                .flatten(),
        )
    }

    /// Records a referral commission for an order (once per order).
    pub async fn insert_referral_commission(
        &mut self,
        order_id: i64,
        referrer_id: i64,
        percent: &str,
        amount_minor: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO referral_commissions (order_id, referrer_id, percent, amount_minor, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (order_id) DO NOTHING",
        )
        .bind(order_id)
        .bind(referrer_id)
        .bind(percent)
        .bind(amount_minor)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}

/// A credit note as its PDF needs it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CreditNoteDocument {
    /// Number.
    pub number: String,
    /// The invoice it credits.
    pub invoice_number: String,
    /// The order's UUID.
    pub order_uuid: String,
    /// The order's reference.
    pub order_reference: String,
    /// Why.
    pub reason: String,
    /// Net.
    pub subtotal_net_minor: i64,
    /// Tax.
    pub tax_total_minor: i64,
    /// Total.
    pub total_minor: i64,
    /// Issued at.
    pub issued_at: DateTime<Utc>,
}

/// A credit note line.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CreditNoteLineRow {
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Units.
    pub quantity: i64,
    /// Unit price.
    pub unit_price_minor: i64,
    /// Tax label.
    pub tax_label: String,
    /// Tax.
    pub tax_minor: i64,
    /// Gross.
    pub gross_minor: i64,
}

impl crate::Store {
    /// A credit note with its lines, by number.
    pub async fn credit_note_document(
        &self,
        number: &str,
    ) -> StoreResult<Option<(CreditNoteDocument, Vec<CreditNoteLineRow>)>> {
        let pool = self.pool();
        let Some(note) = sqlx::query_as::<_, CreditNoteDocument>(
            "SELECT n.number, i.number AS invoice_number, o.uuid AS order_uuid, o.reference AS order_reference,
                    n.reason, n.subtotal_net_minor, n.tax_total_minor, n.total_minor, n.issued_at
               FROM credit_notes n JOIN invoices i ON i.id = n.invoice_id JOIN orders o ON o.id = n.order_id
              WHERE n.number = ?1",
        )
        .bind(number)
        .fetch_optional(pool)
        .await?
        else {
            return Ok(None);
        };
        let lines = sqlx::query_as(
            "SELECT l.sku, l.name, l.quantity, l.unit_price_minor, l.tax_label, l.tax_minor, l.gross_minor
               FROM credit_note_lines l JOIN credit_notes n ON n.id = l.credit_note_id
              WHERE n.number = ?1 ORDER BY l.position",
        )
        .bind(number)
        .fetch_all(pool)
        .await?;
        Ok(Some((note, lines)))
    }

    /// The current bin location of each product of an order: (line position, bin).
    pub async fn order_bin_locations(&self, order_id: i64) -> StoreResult<Vec<(i64, String)>> {
        Ok(sqlx::query_as(
            "SELECT l.position, p.bin_location FROM order_lines l JOIN products p ON p.id = l.product_id
              WHERE l.order_id = ?1 AND p.bin_location IS NOT NULL ORDER BY l.position",
        )
        .bind(order_id)
        .fetch_all(self.pool())
        .await?)
    }
}
