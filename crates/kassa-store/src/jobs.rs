//! Background jobs for mass actions: a job row and one item per order, each with its own
//! outcome, so a job survives a restart and reports per order what failed and why.

use chrono::{DateTime, Utc};

use crate::{Store, StoreResult, WriteTx};

/// A job and its progress.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct JobRow {
    /// Id.
    pub id: i64,
    /// Kind code.
    pub kind: String,
    /// `queued`, `running` or `done`.
    pub status: String,
    /// Output (a file path for exports).
    pub output: Option<String>,
    /// Items.
    pub total: i64,
    /// Items done or failed.
    pub processed: i64,
    /// Items done.
    pub succeeded: i64,
}

/// The next item of a job to work on.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct JobItemRow {
    /// Position in the job.
    pub position: i64,
    /// The order's UUID.
    pub order_uuid: String,
    /// The order's reference.
    pub reference: String,
}

/// A failed item.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct JobFailureRow {
    /// The order's reference.
    pub reference: String,
    /// Why.
    pub error: String,
}

impl Store {
    /// A job with its counts.
    pub async fn job(&self, job_id: i64) -> StoreResult<Option<JobRow>> {
        Ok(sqlx::query_as(
            "SELECT j.id, j.kind, j.status, j.output,
                    (SELECT COUNT(*) FROM job_items WHERE job_id = j.id) AS total,
                    (SELECT COUNT(*) FROM job_items WHERE job_id = j.id AND status <> 'pending') AS processed,
                    (SELECT COUNT(*) FROM job_items WHERE job_id = j.id AND status = 'done') AS succeeded
               FROM jobs j WHERE j.id = ?1",
        )
        .bind(job_id)
        .fetch_optional(self.pool())
        .await?)
    }

    /// A job's failed items in order.
    pub async fn job_failures(&self, job_id: i64) -> StoreResult<Vec<JobFailureRow>> {
        Ok(sqlx::query_as(
            "SELECT o.reference, COALESCE(i.error, '') AS error FROM job_items i JOIN orders o ON o.id = i.order_id
              WHERE i.job_id = ?1 AND i.status = 'failed' ORDER BY i.position",
        )
        .bind(job_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// Jobs not finished yet (to resume after a restart), oldest first.
    pub async fn unfinished_jobs(&self) -> StoreResult<Vec<i64>> {
        Ok(
            sqlx::query_scalar("SELECT id FROM jobs WHERE status <> 'done' ORDER BY id")
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// The next pending item of a job.
    pub async fn next_job_item(&self, job_id: i64) -> StoreResult<Option<JobItemRow>> {
        Ok(sqlx::query_as(
            "SELECT i.position, o.uuid AS order_uuid, o.reference FROM job_items i JOIN orders o ON o.id = i.order_id
              WHERE i.job_id = ?1 AND i.status = 'pending' ORDER BY i.position LIMIT 1",
        )
        .bind(job_id)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Every item's order UUID, in order (for exports).
    pub async fn job_order_uuids(&self, job_id: i64) -> StoreResult<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT o.uuid FROM job_items i JOIN orders o ON o.id = i.order_id WHERE i.job_id = ?1 ORDER BY i.position",
        )
        .bind(job_id)
        .fetch_all(self.pool())
        .await?)
    }
}

impl WriteTx {
    /// Creates a queued job over the orders with these UUIDs (unknown UUIDs are skipped);
    /// returns its id.
    pub async fn create_job(
        &mut self,
        kind: &str,
        requested_by: &str,
        order_uuids: &[String],
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        let job_id: i64 = sqlx::query_scalar(
            "INSERT INTO jobs (kind, requested_by, created_at) VALUES (?1, ?2, ?3) RETURNING id",
        )
        .bind(kind)
        .bind(requested_by)
        .bind(now)
        .fetch_one(self.conn())
        .await?;
        for (position, uuid) in (1_i64..).zip(order_uuids) {
            sqlx::query(
                "INSERT INTO job_items (job_id, position, order_id) SELECT ?1, ?2, id FROM orders WHERE uuid = ?3",
            )
            .bind(job_id)
            .bind(position)
            .bind(uuid)
            .execute(self.conn())
            .await?;
        }
        Ok(job_id)
    }

    /// Records one item's outcome (`done` or `failed` with the reason).
    pub async fn set_job_item(
        &mut self,
        job_id: i64,
        position: i64,
        status: &str,
        error: Option<&str>,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE job_items SET status = ?3, error = ?4 WHERE job_id = ?1 AND position = ?2",
        )
        .bind(job_id)
        .bind(position)
        .bind(status)
        .bind(error)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Marks every pending item of a job done (an export covers them all at once).
    pub async fn finish_job_items(&mut self, job_id: i64) -> StoreResult<()> {
        sqlx::query(
            "UPDATE job_items SET status = 'done' WHERE job_id = ?1 AND status = 'pending'",
        )
        .bind(job_id)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Sets a job's status (and output, and the finish time when done).
    pub async fn set_job_status(
        &mut self,
        job_id: i64,
        status: &str,
        output: Option<&str>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE jobs SET status = ?2, output = COALESCE(?3, output),
                    finished_at = CASE WHEN ?2 = 'done' THEN ?4 ELSE finished_at END WHERE id = ?1",
        )
        .bind(job_id)
        .bind(status)
        .bind(output)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
