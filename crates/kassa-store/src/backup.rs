//! Backups: a consistent copy of the live database with `VACUUM INTO` (SQLite's own
//! snapshot, safe while registers keep selling), a check that a file is a Kassa database
//! this version can open, and the copy that a restore replaces the database with before
//! the app opens it.

use std::path::Path;
use std::str::FromStr;

use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};

use crate::{MIGRATOR, Store, StoreError, StoreResult};

impl Store {
    /// Writes a consistent copy of the database to `target` (which must not exist).
    pub async fn backup_to(&self, target: &Path) -> StoreResult<()> {
        sqlx::query("VACUUM INTO ?1")
            .bind(target.display().to_string())
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

/// What a candidate backup file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFacts {
    /// The shop's name in it.
    pub store_name: String,
    /// Orders in it.
    pub orders: i64,
    /// Migrations applied to it.
    pub migrations: i64,
}

/// Opens `file` read-only and checks it is a Kassa database no newer than this version:
/// every migration it has applied is one this version knows.
pub async fn inspect_backup(file: &Path) -> StoreResult<BackupFacts> {
    let options = SqliteConnectOptions::from_str("sqlite://")?
        .filename(file)
        .read_only(true);
    let mut conn = SqliteConnection::connect_with(&options).await?;
    let versions: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version")
            .fetch_all(&mut conn)
            .await
            .map_err(|_| {
                StoreError::Corrupt("it is not a Kassa database (no migration history)".to_owned())
            })?;
    let known: Vec<i64> = MIGRATOR.iter().map(|migration| migration.version).collect();
    if let Some(newer) = versions.iter().find(|version| !known.contains(version)) {
        return Err(StoreError::Corrupt(format!(
            "it was made by a newer Kassa (migration {newer} is unknown here): update the app first"
        )));
    }
    let store_name: String =
        sqlx::query_scalar("SELECT value FROM settings WHERE key = 'store_name'")
            .fetch_one(&mut conn)
            .await?;
    let orders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders")
        .fetch_one(&mut conn)
        .await?;
    conn.close().await?;
    Ok(BackupFacts {
        store_name,
        orders,
        migrations: i64::try_from(versions.len()).unwrap_or(i64::MAX),
    })
}

/// A consistent copy of the (closed) database at `database` into `target`, for the safety
/// copy a restore makes first.
pub async fn copy_database(database: &Path, target: &Path) -> StoreResult<()> {
    let options = SqliteConnectOptions::from_str("sqlite://")?.filename(database);
    let mut conn = SqliteConnection::connect_with(&options).await?;
    sqlx::query("VACUUM INTO ?1")
        .bind(target.display().to_string())
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(())
}
