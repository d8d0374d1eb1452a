//! Store settings: a small key/value table seeded by the first migration.

use std::collections::BTreeMap;

use crate::{Store, StoreResult, WriteTx};

impl Store {
    /// Every setting.
    pub async fn settings(&self) -> StoreResult<BTreeMap<String, String>> {
        let rows: Vec<(String, String)> = sqlx::query_as("SELECT key, value FROM settings")
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().collect())
    }
}

impl WriteTx {
    /// Sets one setting.
    pub async fn set_setting(&mut self, key: &str, value: &str) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(key)
        .bind(value)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
