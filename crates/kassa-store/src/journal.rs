//! The journal's rows: appending an entry inside the transaction of the change it records,
//! and reading the chain back (in pages) for `kassa verify`, together with the facts each
//! entry can be compared with.
//!
//! The table refuses UPDATE and DELETE (triggers); the hash chain itself is made and
//! checked by `kassa_domain::journal` in the application crate.

use chrono::{DateTime, Utc};

use crate::{Store, StoreResult, WriteTx};

/// One journal entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct JournalRow {
    /// 1, 2, 3 …
    pub seq: i64,
    /// `sale`, `credit_note`, `register_close`.
    pub kind: String,
    /// What it is about.
    pub reference: String,
    /// When (RFC 3339 text, hashed as stored).
    pub created_at: String,
    /// Canonical content.
    pub content: String,
    /// SHA-256 of the content.
    pub content_hash: String,
    /// The previous entry's hash.
    pub prev_hash: String,
    /// This entry's hash.
    pub hash: String,
}

/// The facts of a sale the journal holds, as the order's rows say now.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SaleFacts {
    /// Order UUID.
    pub uuid: String,
    /// Reference.
    pub reference: String,
    /// Register.
    pub register_code: String,
    /// Placed at.
    pub created_at: DateTime<Utc>,
    /// Currency.
    pub currency_code: String,
    /// Total.
    pub total_minor: i64,
    /// Tax.
    pub tax_total_minor: i64,
    /// Invoice number.
    pub invoice_number: Option<String>,
    /// Invoice total.
    pub invoice_total_minor: Option<i64>,
    /// Lines: `sku×quantity=gross` joined by `;`, in position order.
    pub lines: String,
    /// Taxes: `label:base/tax` joined by `;`.
    pub taxes: String,
}

/// The facts of a credit note.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CreditNoteFacts {
    /// Number.
    pub number: String,
    /// The order's reference.
    pub order_reference: String,
    /// The invoice it credits.
    pub invoice_number: String,
    /// Net.
    pub subtotal_net_minor: i64,
    /// Tax.
    pub tax_total_minor: i64,
    /// Total.
    pub total_minor: i64,
    /// Issued at.
    pub issued_at: DateTime<Utc>,
}

impl Store {
    /// Up to `limit` entries after `after_seq`, in order.
    pub async fn journal_page(&self, after_seq: i64, limit: i64) -> StoreResult<Vec<JournalRow>> {
        Ok(sqlx::query_as(
            "SELECT seq, kind, reference, created_at, content, content_hash, prev_hash, hash
               FROM journal WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )
        .bind(after_seq)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// The sale facts of an order (by UUID) as its rows say now.
    pub async fn sale_facts(&self, uuid: &str) -> StoreResult<Option<SaleFacts>> {
        let mut conn = self.pool().acquire().await?;
        sale_facts(&mut conn, uuid).await
    }

    /// The facts of a credit note as its row says now.
    pub async fn credit_note_facts(&self, number: &str) -> StoreResult<Option<CreditNoteFacts>> {
        let mut conn = self.pool().acquire().await?;
        credit_note_facts(&mut conn, number).await
    }

    /// The frozen Z report of a session (by id), as its row says now.
    pub async fn closed_session_report(&self, session_id: i64) -> StoreResult<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT report FROM register_sessions WHERE id = ?1")
                .bind(session_id)
                .fetch_optional(self.pool())
                .await?
                .flatten(),
        )
    }
}

async fn sale_facts(
    conn: &mut sqlx::SqliteConnection,
    uuid: &str,
) -> StoreResult<Option<SaleFacts>> {
    Ok(sqlx::query_as(
        "SELECT o.uuid, o.reference, o.register_code, o.created_at, o.currency_code, o.total_minor,
                o.tax_total_minor, i.number AS invoice_number, i.total_minor AS invoice_total_minor,
                COALESCE((SELECT group_concat(l.sku || 'x' || l.quantity || '=' || l.gross_minor, ';')
                            FROM (SELECT * FROM order_lines WHERE order_id = o.id ORDER BY position) l), '') AS lines,
                COALESCE((SELECT group_concat(t.label || ':' || t.base_minor || '/' || t.tax_minor, ';')
                            FROM (SELECT * FROM order_taxes WHERE order_id = o.id ORDER BY tax_code) t), '') AS taxes
           FROM orders o LEFT JOIN invoices i ON i.order_id = o.id
          WHERE o.uuid = ?1",
    )
    .bind(uuid)
    .fetch_optional(&mut *conn)
    .await?)
}

async fn credit_note_facts(
    conn: &mut sqlx::SqliteConnection,
    number: &str,
) -> StoreResult<Option<CreditNoteFacts>> {
    Ok(sqlx::query_as(
        "SELECT n.number, o.reference AS order_reference, i.number AS invoice_number,
                n.subtotal_net_minor, n.tax_total_minor, n.total_minor, n.issued_at
           FROM credit_notes n JOIN orders o ON o.id = n.order_id JOIN invoices i ON i.id = n.invoice_id
          WHERE n.number = ?1",
    )
    .bind(number)
    .fetch_optional(&mut *conn)
    .await?)
}

impl WriteTx {
    /// The sale facts of an order, inside the transaction that wrote it.
    pub async fn sale_facts(&mut self, uuid: &str) -> StoreResult<Option<SaleFacts>> {
        sale_facts(self.conn(), uuid).await
    }

    /// The facts of a credit note, inside the transaction that wrote it.
    pub async fn credit_note_facts(
        &mut self,
        number: &str,
    ) -> StoreResult<Option<CreditNoteFacts>> {
        credit_note_facts(self.conn(), number).await
    }

    /// The last entry's sequence number and hash (none: the journal is empty).
    pub async fn last_journal_link(&mut self) -> StoreResult<Option<(i64, String)>> {
        Ok(
            sqlx::query_as("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")
                .fetch_optional(self.conn())
                .await?,
        )
    }

    /// Appends an entry (made by the caller after [`WriteTx::last_journal_link`]; the
    /// transaction holds the write lock, so no one appends in between).
    pub async fn insert_journal(&mut self, entry: &JournalRow) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO journal (seq, kind, reference, created_at, content, content_hash, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .bind(entry.seq)
        .bind(&entry.kind)
        .bind(&entry.reference)
        .bind(&entry.created_at)
        .bind(&entry.content)
        .bind(&entry.content_hash)
        .bind(&entry.prev_hash)
        .bind(&entry.hash)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
