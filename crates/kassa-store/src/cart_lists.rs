//! Carts beyond the one being rung up: parked carts of a register, a customer's unordered
//! carts, abandoned carts with their "recovery sent" state, discarding, and the customer
//! page's figures (orders and notes).

use chrono::{DateTime, Utc};

use crate::{Store, StoreResult, WriteTx};

/// A cart in a list, with what it is worth at today's prices.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CartSummaryRow {
    /// Id.
    pub id: i64,
    /// Register.
    pub register_code: String,
    /// `open` or `parked`.
    pub status: String,
    /// Name given when parked.
    pub name: String,
    /// Customer.
    pub customer_id: Option<i64>,
    /// Customer name.
    pub customer_name: Option<String>,
    /// Customer e-mail.
    pub customer_email: Option<String>,
    /// Units.
    pub item_count: i64,
    /// Σ price × quantity at today's prices (store's price mode, before coupons).
    pub value_minor: i64,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// When a recovery e-mail was sent.
    pub recovery_sent_at: Option<DateTime<Utc>>,
}

/// A customer's order figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct CustomerTotalsRow {
    /// Orders placed (test orders excluded).
    pub order_count: i64,
    /// Σ totals of paid orders, less refunds.
    pub spent_minor: i64,
}

macro_rules! cart_summaries {
    ($tail:literal) => {
        concat!(
            "SELECT c.id, c.register_code, c.status, c.name, c.customer_id, cu.name AS customer_name,
                    cu.email AS customer_email,
                    COALESCE((SELECT SUM(l.quantity) FROM cart_lines l WHERE l.cart_id = c.id), 0) AS item_count,
                    COALESCE((SELECT SUM(l.quantity * p.price_minor) FROM cart_lines l
                               JOIN products p ON p.id = l.product_id WHERE l.cart_id = c.id), 0) AS value_minor,
                    c.updated_at, c.recovery_sent_at
               FROM carts c LEFT JOIN customers cu ON cu.id = c.customer_id ",
            $tail
        )
    };
}

impl Store {
    /// A register's parked carts, most recently changed first.
    pub async fn parked_carts(&self, register_code: &str) -> StoreResult<Vec<CartSummaryRow>> {
        Ok(sqlx::query_as(cart_summaries!(
            "WHERE c.register_code = ?1 AND c.status = 'parked' ORDER BY c.updated_at DESC, c.id DESC"
        ))
        .bind(register_code)
        .fetch_all(self.pool())
        .await?)
    }

    /// A customer's carts that did not become orders, most recent first.
    pub async fn customer_carts(&self, customer_id: i64) -> StoreResult<Vec<CartSummaryRow>> {
        Ok(sqlx::query_as(cart_summaries!(
            "WHERE c.customer_id = ?1 AND c.status IN ('open', 'parked')
             ORDER BY c.updated_at DESC, c.id DESC"
        ))
        .bind(customer_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// Carts with items and a customer, not ordered and unchanged since `before`: the
    /// abandoned ones, oldest first.
    pub async fn abandoned_carts(
        &self,
        before: DateTime<Utc>,
        limit: i64,
    ) -> StoreResult<Vec<CartSummaryRow>> {
        Ok(sqlx::query_as(cart_summaries!(
            "WHERE c.customer_id IS NOT NULL AND c.status IN ('open', 'parked') AND c.updated_at < ?1
               AND EXISTS (SELECT 1 FROM cart_lines l WHERE l.cart_id = c.id AND l.quantity > 0)
             ORDER BY c.updated_at, c.id LIMIT ?2"
        ))
        .bind(before)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// A customer's order count and what they spent.
    pub async fn customer_totals(&self, customer_id: i64) -> StoreResult<CustomerTotalsRow> {
        Ok(sqlx::query_as(
            "SELECT COUNT(*) AS order_count,
                    COALESCE(SUM(CASE WHEN paid_at IS NOT NULL THEN total_minor - refunded_minor ELSE 0 END), 0)
                        AS spent_minor
               FROM orders WHERE customer_id = ?1 AND is_test = 0",
        )
        .bind(customer_id)
        .fetch_one(self.pool())
        .await?)
    }

    /// A customer's notes.
    pub async fn customer_notes(&self, customer_id: i64) -> StoreResult<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT notes FROM customers WHERE id = ?1")
                .bind(customer_id)
                .fetch_optional(self.pool())
                .await?,
        )
    }
}

impl WriteTx {
    /// A customer's most recently changed unordered cart that has items, on any register.
    pub async fn latest_customer_cart(&mut self, customer_id: i64) -> StoreResult<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT c.id FROM carts c
              WHERE c.customer_id = ?1 AND c.status IN ('open', 'parked')
                AND EXISTS (SELECT 1 FROM cart_lines l WHERE l.cart_id = c.id)
              ORDER BY c.updated_at DESC, c.id DESC LIMIT 1",
        )
        .bind(customer_id)
        .fetch_optional(self.conn())
        .await?)
    }

    /// Parks a cart under a name.
    pub async fn park_cart(
        &mut self,
        cart_id: i64,
        name: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE carts SET status = 'parked', name = ?2, updated_at = ?3 WHERE id = ?1")
            .bind(cart_id)
            .bind(name)
            .bind(now)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Makes a cart the open cart of a register (resuming it there).
    pub async fn open_cart_at(
        &mut self,
        cart_id: i64,
        register_code: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE carts SET status = 'open', register_code = ?2, updated_at = ?3 WHERE id = ?1",
        )
        .bind(cart_id)
        .bind(register_code)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Deletes a cart that did not become an order, with its lines and coupons; returns
    /// false when there is no such unordered cart.
    pub async fn discard_cart(&mut self, cart_id: i64) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM carts WHERE id = ?1 AND status IN ('open', 'parked')")
            .bind(cart_id)
            .execute(self.conn())
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Detaches the customer from a cart.
    pub async fn clear_cart_customer(&mut self, cart_id: i64) -> StoreResult<()> {
        sqlx::query("UPDATE carts SET customer_id = NULL WHERE id = ?1")
            .bind(cart_id)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Records that the recovery e-mail of an abandoned cart was sent; returns false when
    /// there is no such unordered cart.
    pub async fn mark_recovery_sent(
        &mut self,
        cart_id: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE carts SET recovery_sent_at = ?2 WHERE id = ?1 AND status IN ('open', 'parked')",
        )
        .bind(cart_id)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
