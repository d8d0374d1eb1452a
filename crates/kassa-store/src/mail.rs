//! The mail outbox's bookkeeping: claiming due mails for one worker, recording each attempt,
//! and the sent log.
//!
//! A mail is an `outbox` row (topic `mail`), queued in the transaction of the change that
//! causes it. Its `mail_log` row is made when a worker first claims it and fixes the
//! Message-ID before the first attempt, so every retry (and a resend after a crash between
//! the server's answer and the commit) carries the same Message-ID. A claim is a lease
//! (`claimed_until`): two workers never hold the same mail, and a worker that died lets go
//! when its lease runs out.

use chrono::{DateTime, Utc};

use crate::{Store, StoreResult, WriteTx};

/// A mail a worker holds: what to compose and send.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MailJob {
    /// The outbox row.
    pub outbox_id: i64,
    /// What kind of mail (`order_confirmation`, `status_changed:shipped` …).
    pub kind: String,
    /// The order's UUID, or `cart:<id>` for a cart recovery.
    pub aggregate_uuid: String,
    /// The JSON payload queued with it.
    pub payload: String,
    /// Attempts before this one.
    pub attempts: i64,
    /// The Message-ID every attempt uses.
    pub message_id: String,
}

/// A line of the sent log.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MailLogRow {
    /// The outbox row (the log's id).
    pub outbox_id: i64,
    /// Kind of mail.
    pub kind: String,
    /// What it is about (order UUID or `cart:<id>`).
    pub aggregate_uuid: String,
    /// The order's reference, when it is about an order.
    pub order_reference: Option<String>,
    /// `queued`, `sending`, `retrying`, `sent`, `failed` or `skipped`.
    pub state: String,
    /// Recipients, comma-separated (known once composed).
    pub recipients: String,
    /// Subject (known once composed).
    pub subject: String,
    /// Attempts so far.
    pub attempts: i64,
    /// Why the last attempt failed, or why the mail was skipped.
    pub last_error: Option<String>,
    /// The Message-ID, once claimed.
    pub message_id: Option<String>,
    /// When the change queued it.
    pub created_at: DateTime<Utc>,
    /// When the server took it.
    pub sent_at: Option<DateTime<Utc>>,
    /// When the next attempt is due (pending mails).
    pub next_attempt_at: DateTime<Utc>,
    /// The JSON queued with it (who caused it, among others).
    pub payload: String,
}

/// How many mails wait and how many need a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct MailCounts {
    /// Queued or waiting for a retry.
    pub pending: i64,
    /// Given up (a permanent error): shown in the sent log for a person.
    pub failed: i64,
}

impl Store {
    /// The sent log, newest first: every mail the outbox holds, with its state. `before`
    /// pages back (outbox ids below it).
    pub async fn mail_log(&self, before: Option<i64>, limit: i64) -> StoreResult<Vec<MailLogRow>> {
        Ok(sqlx::query_as(
            "SELECT o.id AS outbox_id, o.kind, o.aggregate_uuid, ord.reference AS order_reference,
                    COALESCE(m.state, CASE o.status WHEN 'done' THEN 'sent' WHEN 'failed' THEN 'failed' ELSE 'queued' END) AS state,
                    COALESCE(m.recipients, '') AS recipients, COALESCE(m.subject, '') AS subject,
                    o.attempts, COALESCE(m.last_error, o.last_error) AS last_error, m.message_id,
                    o.created_at, m.sent_at, o.next_attempt_at, o.payload
               FROM outbox o LEFT JOIN mail_log m ON m.outbox_id = o.id
                    LEFT JOIN orders ord ON ord.uuid = o.aggregate_uuid
              WHERE o.topic = 'mail' AND (?1 IS NULL OR o.id < ?1)
              ORDER BY o.id DESC LIMIT ?2",
        )
        .bind(before)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// One line of the sent log.
    pub async fn mail_log_entry(&self, outbox_id: i64) -> StoreResult<Option<MailLogRow>> {
        Ok(self
            .mail_log(outbox_id.checked_add(1), 1)
            .await?
            .into_iter()
            .find(|row| row.outbox_id == outbox_id))
    }

    /// Mails waiting and mails given up.
    pub async fn mail_counts(&self) -> StoreResult<MailCounts> {
        Ok(sqlx::query_as(
            "SELECT COALESCE(SUM(status = 'pending'), 0) AS pending,
                    COALESCE(SUM(status = 'failed'), 0) AS failed
               FROM outbox WHERE topic = 'mail'",
        )
        .fetch_one(self.pool())
        .await?)
    }

    /// When the next pending mail is due (none: nothing waits).
    pub async fn next_mail_due(&self) -> StoreResult<Option<DateTime<Utc>>> {
        Ok(sqlx::query_scalar(
            "SELECT MIN(next_attempt_at) FROM outbox WHERE topic = 'mail' AND status = 'pending'",
        )
        .fetch_one(self.pool())
        .await?)
    }
}

impl WriteTx {
    /// Claims up to `limit` due mails that no live worker holds, until `lease_until`. A mail
    /// claimed for the first time gets its Message-ID from `new_message_id`.
    pub async fn claim_mail(
        &mut self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
        mut new_message_id: impl FnMut() -> String,
    ) -> StoreResult<Vec<MailJob>> {
        let due: Vec<i64> = sqlx::query_scalar(
            "SELECT o.id FROM outbox o LEFT JOIN mail_log m ON m.outbox_id = o.id
              WHERE o.topic = 'mail' AND o.status = 'pending' AND o.next_attempt_at <= ?1
                AND (m.claimed_until IS NULL OR m.claimed_until <= ?1)
              ORDER BY o.next_attempt_at, o.id LIMIT ?2",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(self.conn())
        .await?;
        for outbox_id in &due {
            sqlx::query(
                "INSERT INTO mail_log (outbox_id, message_id, kind, created_at, updated_at)
                 SELECT id, ?2, kind, ?3, ?3 FROM outbox WHERE id = ?1
                 ON CONFLICT (outbox_id) DO NOTHING",
            )
            .bind(outbox_id)
            .bind(new_message_id())
            .bind(now)
            .execute(self.conn())
            .await?;
            sqlx::query(
                "UPDATE mail_log SET state = 'sending', claimed_until = ?2, updated_at = ?3
                  WHERE outbox_id = ?1",
            )
            .bind(outbox_id)
            .bind(lease_until)
            .bind(now)
            .execute(self.conn())
            .await?;
        }
        let mut jobs = Vec::with_capacity(due.len());
        for outbox_id in due {
            jobs.push(
                sqlx::query_as(
                    "SELECT o.id AS outbox_id, o.kind, o.aggregate_uuid, o.payload, o.attempts,
                            m.message_id
                       FROM outbox o JOIN mail_log m ON m.outbox_id = o.id WHERE o.id = ?1",
                )
                .bind(outbox_id)
                .fetch_one(self.conn())
                .await?,
            );
        }
        Ok(jobs)
    }

    /// Records what a mail was composed as (recipients, subject) before it is sent.
    pub async fn mail_composed(
        &mut self,
        outbox_id: i64,
        recipients: &str,
        subject: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE mail_log SET recipients = ?2, subject = ?3, updated_at = ?4 WHERE outbox_id = ?1",
        )
        .bind(outbox_id)
        .bind(recipients)
        .bind(subject)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// The server took the mail: done.
    pub async fn mail_sent(&mut self, outbox_id: i64, now: DateTime<Utc>) -> StoreResult<()> {
        self.finish_mail(outbox_id, "done", "sent", None, Some(now), now)
            .await
    }

    /// The mail cannot be sent and retrying will not help (bad address, authentication):
    /// it waits for a person.
    pub async fn mail_failed(
        &mut self,
        outbox_id: i64,
        error: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        self.finish_mail(outbox_id, "failed", "failed", Some(error), None, now)
            .await
    }

    /// Nothing to send (e.g. the customer has no e-mail address): done, with the reason.
    pub async fn mail_skipped(
        &mut self,
        outbox_id: i64,
        reason: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        self.finish_mail(outbox_id, "done", "skipped", Some(reason), None, now)
            .await
    }

    async fn finish_mail(
        &mut self,
        outbox_id: i64,
        outbox_status: &str,
        state: &str,
        error: Option<&str>,
        sent_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let attempted = i64::from(state != "skipped");
        sqlx::query(
            "UPDATE outbox SET status = ?2, attempts = attempts + ?4, last_error = ?3 WHERE id = ?1",
        )
        .bind(outbox_id)
        .bind(outbox_status)
        .bind(error)
        .bind(attempted)
        .execute(self.conn())
        .await?;
        sqlx::query(
            "UPDATE mail_log SET state = ?2, last_error = ?3, attempts = attempts + ?6,
                    sent_at = ?4, claimed_until = NULL, updated_at = ?5
              WHERE outbox_id = ?1",
        )
        .bind(outbox_id)
        .bind(state)
        .bind(error)
        .bind(sent_at)
        .bind(now)
        .bind(attempted)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// The attempt failed for now (server unreachable, busy): try again at `next_attempt_at`.
    pub async fn mail_retry(
        &mut self,
        outbox_id: i64,
        error: &str,
        next_attempt_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3
              WHERE id = ?1",
        )
        .bind(outbox_id)
        .bind(error)
        .bind(next_attempt_at)
        .execute(self.conn())
        .await?;
        sqlx::query(
            "UPDATE mail_log SET state = 'retrying', attempts = attempts + 1, last_error = ?2,
                    claimed_until = NULL, updated_at = ?3
              WHERE outbox_id = ?1",
        )
        .bind(outbox_id)
        .bind(error)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// A person asks to send a failed (or skipped) mail again now. False when there is no
    /// such mail or it is not failed.
    pub async fn requeue_mail(&mut self, outbox_id: i64, now: DateTime<Utc>) -> StoreResult<bool> {
        let changed = sqlx::query(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?2
              WHERE id = ?1 AND topic = 'mail' AND status = 'failed'",
        )
        .bind(outbox_id)
        .bind(now)
        .execute(self.conn())
        .await?
        .rows_affected();
        if changed == 0 {
            return Ok(false);
        }
        sqlx::query(
            "UPDATE mail_log SET state = 'queued', claimed_until = NULL, updated_at = ?2
              WHERE outbox_id = ?1",
        )
        .bind(outbox_id)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(true)
    }
}
