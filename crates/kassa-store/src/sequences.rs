//! Gap-free counters for order references and invoice numbers.
//!
//! A number is taken inside the write transaction that uses it: if that transaction rolls
//! back, so does the counter, and no number is ever skipped or used twice. Writers are
//! serialised by `BEGIN IMMEDIATE`, so two registers never read the same value.

use crate::{StoreResult, WriteTx};

impl WriteTx {
    /// Advances the counter `scope` and returns its new value (1 for a new scope).
    pub async fn next_in_sequence(&mut self, scope: &str) -> StoreResult<i64> {
        let value: i64 = sqlx::query_scalar(
            "INSERT INTO document_sequences (scope, last_value) VALUES (?1, 1)
             ON CONFLICT (scope) DO UPDATE SET last_value = last_value + 1
             RETURNING last_value",
        )
        .bind(scope)
        .fetch_one(self.conn())
        .await?;
        Ok(value)
    }
}
