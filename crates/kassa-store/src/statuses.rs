//! The configurable order statuses and their flags.

use sqlx::SqliteExecutor;

use crate::{Store, StoreResult, WriteTx};

/// A status with its flags.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StatusRow {
    /// Stable code.
    pub code: String,
    /// Label.
    pub label: String,
    /// Display order.
    pub position: i64,
    /// Paid.
    pub paid: bool,
    /// Goods left.
    pub shipped: bool,
    /// Customer has the goods.
    pub delivered: bool,
    /// Canceled.
    pub canceled: bool,
    /// Money went back.
    pub refunded: bool,
    /// E-mail the customer by default.
    pub notify_customer: bool,
    /// CSS colour.
    pub colour: String,
}

async fn status_by_code(
    executor: impl SqliteExecutor<'_>,
    code: &str,
) -> StoreResult<Option<StatusRow>> {
    Ok(sqlx::query_as(
        "SELECT code, label, position, paid, shipped, delivered, canceled, refunded, notify_customer, colour
           FROM order_statuses WHERE code = ?1",
    )
    .bind(code)
    .fetch_optional(executor)
    .await?)
}

impl Store {
    /// Every status in display order.
    pub async fn statuses(&self) -> StoreResult<Vec<StatusRow>> {
        Ok(sqlx::query_as(
            "SELECT code, label, position, paid, shipped, delivered, canceled, refunded, notify_customer, colour
               FROM order_statuses ORDER BY position, code",
        )
        .fetch_all(self.pool())
        .await?)
    }
}

impl WriteTx {
    /// One status, read inside the transaction.
    pub async fn status(&mut self, code: &str) -> StoreResult<Option<StatusRow>> {
        status_by_code(self.conn(), code).await
    }

    /// The first status (by position) whose flags match exactly.
    pub async fn first_status_with(
        &mut self,
        paid: bool,
        shipped: bool,
        delivered: bool,
        canceled: bool,
        refunded: bool,
    ) -> StoreResult<Option<StatusRow>> {
        Ok(sqlx::query_as(
            "SELECT code, label, position, paid, shipped, delivered, canceled, refunded, notify_customer, colour
               FROM order_statuses
              WHERE paid = ?1 AND shipped = ?2 AND delivered = ?3 AND canceled = ?4 AND refunded = ?5
              ORDER BY position LIMIT 1",
        )
        .bind(paid)
        .bind(shipped)
        .bind(delivered)
        .bind(canceled)
        .bind(refunded)
        .fetch_optional(self.conn())
        .await?)
    }

    /// Creates or updates a status.
    pub async fn save_status(&mut self, status: &StatusRow) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO order_statuses (code, label, position, paid, shipped, delivered, canceled, refunded, notify_customer, colour)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (code) DO UPDATE SET label = excluded.label, position = excluded.position,
                 paid = excluded.paid, shipped = excluded.shipped, delivered = excluded.delivered,
                 canceled = excluded.canceled, refunded = excluded.refunded,
                 notify_customer = excluded.notify_customer, colour = excluded.colour",
        )
        .bind(&status.code)
        .bind(&status.label)
        .bind(status.position)
        .bind(status.paid)
        .bind(status.shipped)
        .bind(status.delivered)
        .bind(status.canceled)
        .bind(status.refunded)
        .bind(status.notify_customer)
        .bind(&status.colour)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
