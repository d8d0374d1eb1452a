//! The outbox: work for the mail and sync workers, queued in the same transaction as the
//! change that causes it, so a crash can neither lose it nor queue it for a change that
//! never happened.

use chrono::{DateTime, Utc};

use crate::{Store, StoreResult, WriteTx};

/// A queued piece of work.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxRow {
    /// Row id.
    pub id: i64,
    /// `mail` or `sync`.
    pub topic: String,
    /// What to do, e.g. `order_created`.
    pub kind: String,
    /// UUID of the thing it is about.
    pub aggregate_uuid: String,
    /// JSON payload.
    pub payload: String,
    /// `pending`, `done` or `failed`.
    pub status: String,
    /// Attempts so far.
    pub attempts: i64,
}

impl Store {
    /// Every outbox row about one aggregate, oldest first.
    pub async fn outbox_for(&self, aggregate_uuid: &str) -> StoreResult<Vec<OutboxRow>> {
        Ok(sqlx::query_as(
            "SELECT id, topic, kind, aggregate_uuid, payload, status, attempts FROM outbox
              WHERE aggregate_uuid = ?1 ORDER BY id",
        )
        .bind(aggregate_uuid)
        .fetch_all(self.pool())
        .await?)
    }
}

impl WriteTx {
    /// Queues work; queuing the same (topic, kind, aggregate) twice keeps the first.
    pub async fn enqueue_outbox(
        &mut self,
        topic: &str,
        kind: &str,
        aggregate_uuid: &str,
        payload: &serde_json::Value,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO outbox (topic, kind, aggregate_uuid, payload, next_attempt_at, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT (topic, kind, aggregate_uuid) DO NOTHING",
        )
        .bind(topic)
        .bind(kind)
        .bind(aggregate_uuid)
        .bind(payload.to_string())
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
