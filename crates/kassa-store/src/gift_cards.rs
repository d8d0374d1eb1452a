//! Gift cards and their ledger, and customers' store credit and its ledger.
//!
//! Balances change only together with a ledger row, in the caller's transaction, and the
//! balance columns have `CHECK (… >= 0)`: a redemption that would go below zero fails in
//! SQLite even if the application's own check were skipped.

use chrono::{DateTime, Utc};
use sqlx::SqliteExecutor;

use crate::{Store, StoreResult, WriteTx};

/// A gift card.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct GiftCardRow {
    /// Id.
    pub id: i64,
    /// Code, `XXXX-XXXX-XXXX-XXXX`.
    pub code: String,
    /// ISO currency code.
    pub currency_code: String,
    /// Value when issued.
    pub initial_minor: i64,
    /// What is left.
    pub balance_minor: i64,
    /// Not usable after this.
    pub expires_at: Option<DateTime<Utc>>,
    /// Enabled.
    pub active: bool,
    /// The order that bought it.
    pub order_id: Option<i64>,
    /// Reference of that order.
    pub order_reference: Option<String>,
    /// Issued at.
    pub created_at: DateTime<Utc>,
}

/// One change of a balance (gift card or store credit).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LedgerRow {
    /// `issued`/`granted`, `redeemed` or `refunded`.
    pub kind: String,
    /// Signed change.
    pub amount_minor: i64,
    /// Balance after it.
    pub balance_after_minor: i64,
    /// Order reference, if an order caused it.
    pub order_reference: Option<String>,
    /// Note.
    pub note: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// A gift card to issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGiftCard<'a> {
    /// Code.
    pub code: &'a str,
    /// Currency.
    pub currency_code: &'a str,
    /// Value.
    pub initial_minor: i64,
    /// Expiry.
    pub expires_at: Option<DateTime<Utc>>,
    /// The order that bought it.
    pub order_id: Option<i64>,
    /// The customer of that order.
    pub customer_id: Option<i64>,
}

macro_rules! select_gift_cards {
    ($tail:literal) => {
        concat!(
            "SELECT g.id, g.code, g.currency_code, g.initial_minor, g.balance_minor, g.expires_at, g.active,
                    g.order_id, o.reference AS order_reference, g.created_at
               FROM gift_cards g LEFT JOIN orders o ON o.id = g.order_id ",
            $tail
        )
    };
}

async fn gift_card_by_code(
    executor: impl SqliteExecutor<'_>,
    code: &str,
) -> StoreResult<Option<GiftCardRow>> {
    Ok(sqlx::query_as(select_gift_cards!("WHERE g.code = ?1"))
        .bind(code)
        .fetch_optional(executor)
        .await?)
}

async fn store_credit_of(
    executor: impl SqliteExecutor<'_>,
    customer_id: i64,
) -> StoreResult<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT store_credit_minor FROM customers WHERE id = ?1")
            .bind(customer_id)
            .fetch_optional(executor)
            .await?,
    )
}

impl Store {
    /// A gift card by its code.
    pub async fn gift_card_by_code(&self, code: &str) -> StoreResult<Option<GiftCardRow>> {
        gift_card_by_code(self.pool(), code).await
    }

    /// Gift cards, newest first; `search` matches the start of the code or the order
    /// reference.
    pub async fn list_gift_cards(&self, search: &str, limit: i64) -> StoreResult<Vec<GiftCardRow>> {
        let escaped = crate::escape_like(search);
        Ok(sqlx::query_as(select_gift_cards!(
            "WHERE ?1 = '' OR g.code LIKE ?1 || '%' ESCAPE '\\' OR o.reference LIKE ?1 || '%' ESCAPE '\\'
             ORDER BY g.id DESC LIMIT ?2"
        ))
        .bind(escaped)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// A gift card's ledger, oldest first.
    pub async fn gift_card_ledger(&self, gift_card_id: i64) -> StoreResult<Vec<LedgerRow>> {
        Ok(sqlx::query_as(
            "SELECT l.kind, l.amount_minor, l.balance_after_minor, o.reference AS order_reference,
                    '' AS note, l.created_at
               FROM gift_card_ledger l LEFT JOIN orders o ON o.id = l.order_id
              WHERE l.gift_card_id = ?1 ORDER BY l.id",
        )
        .bind(gift_card_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// The gift cards an order issued.
    pub async fn gift_cards_of_order(&self, order_id: i64) -> StoreResult<Vec<GiftCardRow>> {
        Ok(
            sqlx::query_as(select_gift_cards!("WHERE g.order_id = ?1 ORDER BY g.id"))
                .bind(order_id)
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// A customer's store credit (`None`: no such customer).
    pub async fn store_credit(&self, customer_id: i64) -> StoreResult<Option<i64>> {
        store_credit_of(self.pool(), customer_id).await
    }

    /// A customer's store-credit ledger, oldest first.
    pub async fn store_credit_ledger(&self, customer_id: i64) -> StoreResult<Vec<LedgerRow>> {
        Ok(sqlx::query_as(
            "SELECT l.kind, l.amount_minor, l.balance_after_minor, o.reference AS order_reference,
                    l.note, l.created_at
               FROM store_credit_ledger l LEFT JOIN orders o ON o.id = l.order_id
              WHERE l.customer_id = ?1 ORDER BY l.id",
        )
        .bind(customer_id)
        .fetch_all(self.pool())
        .await?)
    }
}

impl WriteTx {
    /// A gift card by code, inside the transaction.
    pub async fn gift_card_by_code(&mut self, code: &str) -> StoreResult<Option<GiftCardRow>> {
        gift_card_by_code(self.conn(), code).await
    }

    /// Issues a gift card with its `issued` ledger row; returns its id.
    pub async fn issue_gift_card(
        &mut self,
        card: &NewGiftCard<'_>,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO gift_cards (code, currency_code, initial_minor, balance_minor, expires_at, order_id,
                                     customer_id, created_at)
             VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7) RETURNING id",
        )
        .bind(card.code)
        .bind(card.currency_code)
        .bind(card.initial_minor)
        .bind(card.expires_at)
        .bind(card.order_id)
        .bind(card.customer_id)
        .bind(now)
        .fetch_one(self.conn())
        .await?;
        self.gift_card_ledger_row(id, "issued", card.initial_minor, card.order_id, now)
            .await?;
        Ok(id)
    }

    /// Changes a gift card's balance by `delta` (negative: redeemed, positive: refunded)
    /// and writes the ledger row. Fails on the CHECK constraint rather than go below zero.
    pub async fn change_gift_card_balance(
        &mut self,
        gift_card_id: i64,
        kind: &str,
        delta: i64,
        order_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE gift_cards SET balance_minor = balance_minor + ?2 WHERE id = ?1")
            .bind(gift_card_id)
            .bind(delta)
            .execute(self.conn())
            .await?;
        self.gift_card_ledger_row(gift_card_id, kind, delta, order_id, now)
            .await
    }

    async fn gift_card_ledger_row(
        &mut self,
        gift_card_id: i64,
        kind: &str,
        amount_minor: i64,
        order_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO gift_card_ledger (gift_card_id, kind, amount_minor, balance_after_minor, order_id, created_at)
             SELECT ?1, ?2, ?3, balance_minor, ?4, ?5 FROM gift_cards WHERE id = ?1",
        )
        .bind(gift_card_id)
        .bind(kind)
        .bind(amount_minor)
        .bind(order_id)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// What an order took from gift cards and has not given back: card id, code and
    /// amount (positive).
    pub async fn gift_card_redemptions(
        &mut self,
        order_id: i64,
    ) -> StoreResult<Vec<(i64, String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT l.gift_card_id, g.code, -SUM(l.amount_minor) FROM gift_card_ledger l
               JOIN gift_cards g ON g.id = l.gift_card_id
              WHERE l.order_id = ?1 AND l.kind IN ('redeemed', 'refunded')
              GROUP BY l.gift_card_id HAVING -SUM(l.amount_minor) > 0 ORDER BY l.gift_card_id",
        )
        .bind(order_id)
        .fetch_all(self.conn())
        .await?)
    }

    /// The order's lines that sell gift cards: units and line gross (after discounts).
    pub async fn gift_card_lines(&mut self, order_id: i64) -> StoreResult<Vec<(i64, i64)>> {
        Ok(sqlx::query_as(
            "SELECT l.quantity, l.gross_minor FROM order_lines l JOIN products p ON p.id = l.product_id
              WHERE l.order_id = ?1 AND p.kind = 'gift_card' AND l.quantity > 0 ORDER BY l.position",
        )
        .bind(order_id)
        .fetch_all(self.conn())
        .await?)
    }

    /// Blocks the gift cards an order issued (the order was refunded); returns how many.
    pub async fn block_gift_cards_of_order(&mut self, order_id: i64) -> StoreResult<u64> {
        let done =
            sqlx::query("UPDATE gift_cards SET active = 0 WHERE order_id = ?1 AND active = 1")
                .bind(order_id)
                .execute(self.conn())
                .await?;
        Ok(done.rows_affected())
    }

    /// The gift cards an order issued, inside the transaction.
    pub async fn gift_cards_of_order(&mut self, order_id: i64) -> StoreResult<Vec<GiftCardRow>> {
        Ok(
            sqlx::query_as(select_gift_cards!("WHERE g.order_id = ?1 ORDER BY g.id"))
                .bind(order_id)
                .fetch_all(self.conn())
                .await?,
        )
    }

    /// A customer's store credit, inside the transaction.
    pub async fn store_credit(&mut self, customer_id: i64) -> StoreResult<Option<i64>> {
        store_credit_of(self.conn(), customer_id).await
    }

    /// Changes a customer's store credit by `delta` and writes the ledger row. Fails on
    /// the CHECK constraint rather than go below zero.
    pub async fn change_store_credit(
        &mut self,
        customer_id: i64,
        kind: &str,
        delta: i64,
        order_id: Option<i64>,
        note: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE customers SET store_credit_minor = store_credit_minor + ?2 WHERE id = ?1",
        )
        .bind(customer_id)
        .bind(delta)
        .execute(self.conn())
        .await?;
        sqlx::query(
            "INSERT INTO store_credit_ledger (customer_id, kind, amount_minor, balance_after_minor, order_id, note, created_at)
             SELECT ?1, ?2, ?3, store_credit_minor, ?4, ?5, ?6 FROM customers WHERE id = ?1",
        )
        .bind(customer_id)
        .bind(kind)
        .bind(delta)
        .bind(order_id)
        .bind(note)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Store credit an order used and has not had back yet (positive).
    pub async fn store_credit_redeemed(&mut self, order_id: i64) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COALESCE(-SUM(amount_minor), 0) FROM store_credit_ledger
              WHERE order_id = ?1 AND kind IN ('redeemed', 'refunded')",
        )
        .bind(order_id)
        .fetch_one(self.conn())
        .await?)
    }
}
