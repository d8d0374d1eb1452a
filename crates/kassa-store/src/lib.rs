//! Kassa's SQLite store: the only crate that speaks SQL.
//!
//! [`Store::open`] opens (or creates) one SQLite file in WAL mode with foreign keys, a busy
//! timeout and `synchronous=FULL`, and applies the embedded migrations. Reads go through
//! [`Store`]; every multi-row change goes through a [`WriteTx`], which starts with
//! `BEGIN IMMEDIATE` so that read-then-write transactions never fail with a stale snapshot
//! under concurrency, and which the application crate composes from small methods before
//! one commit.
//!
//! Money is stored as integer minor units and handed over as `i64`; the application crate
//! converts with the store currency. Nothing here knows about pricing rules.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

/// The columns of an [`orders::OrderRow`], for `FROM orders o JOIN order_statuses s …
/// LEFT JOIN invoices i … LEFT JOIN customers c …`: one list for the order page and the
/// order list, as a literal so that `concat!` keeps every query a `&'static str`.
macro_rules! order_columns {
    () => {
        "o.id, o.uuid, o.reference, o.register_code, o.status, s.label AS status_label,
         s.colour AS status_colour, o.currency_code, o.subtotal_net_minor, o.tax_total_minor,
         o.total_minor, o.paid_minor, o.change_minor, i.number AS invoice_number, c.name AS customer_name,
         (SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS item_count,
         o.created_at, o.customer_id, c.email AS customer_email, o.internal_reference, o.tracking_code,
         o.notes, o.paid_at, o.refunded_minor, o.is_test,
         COALESCE(o.items_total_minor, o.total_minor) AS items_total_minor, o.discount_total_minor,
         o.shipping_total_minor, o.cash_rounding_minor, o.carrier_name, o.pay_later_method,
         o.shipping_address, o.invoice_address"
    };
}

/// `INSERT INTO order_search` for the orders `o` (joined with their customer `c`) that the
/// given WHERE tail selects: the one definition of what an order is found by (reference,
/// also with '-' as a space; customer name and e-mail; product names and SKUs).
macro_rules! index_orders_for_search {
    ($where:literal) => {
        concat!(
            "INSERT INTO order_search (rowid, body)
             SELECT o.id, o.reference || ' ' || replace(o.reference, '-', ' ') || ' ' || COALESCE(c.name, '') || ' ' ||
                    COALESCE(c.email, '') || ' ' ||
                    COALESCE((SELECT group_concat(l.name || ' ' || l.sku || ' ' || replace(l.name || ' ' || l.sku, '-', ' '), ' ')
                                FROM order_lines l WHERE l.order_id = o.id), '')
               FROM orders o LEFT JOIN customers c ON c.id = o.customer_id ",
            $where
        )
    };
}

/// Escapes `\`, `%` and `_` so that user text is literal in `LIKE … ESCAPE '\'`.
pub(crate) fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

pub mod backup;
pub mod baseline;
pub mod cart_lists;
pub mod carts;
pub mod catalog;
pub mod catalog_admin;
pub mod catalog_generate;
pub mod catalog_import;
pub mod catalog_search;
pub mod coupons;
pub mod customers;
pub mod gift_cards;
pub mod history;
pub mod jobs;
pub mod journal;
pub mod mail;
pub mod order_changes;
pub mod order_list;
pub mod orders;
pub mod outbox;
pub mod registers;
pub mod reports;
pub mod sequences;
pub mod settings;
pub mod shipping;
pub mod staff;
pub mod statuses;

/// The embedded migrations from the repository's `migrations/` folder.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

/// Errors of the store. Database errors keep sqlx's error for context.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused or failed a statement.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A migration could not be applied.
    #[error("could not migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored value is not what the schema promises (e.g. an unknown setting value).
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// Whether the error is a FOREIGN KEY violation (a referenced row does not exist).
    pub fn is_foreign_key_violation(&self) -> bool {
        matches!(self, Self::Database(sqlx::Error::Database(error)) if error.is_foreign_key_violation())
    }

    /// Whether SQLite gave up waiting for another writer (`SQLITE_BUSY`, after the busy
    /// timeout).
    pub fn is_busy(&self) -> bool {
        // The extended result code's low byte is the primary code (SQLITE_BUSY = 5).
        matches!(self, Self::Database(sqlx::Error::Database(error))
            if error.code().and_then(|code| code.parse::<i32>().ok()).is_some_and(|code| code & 0xff == 5))
    }

    /// Whether the error is a UNIQUE constraint violation (a row already exists).
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, Self::Database(sqlx::Error::Database(error)) if error.is_unique_violation())
    }
}

/// Result alias of the store.
pub type StoreResult<T> = Result<T, StoreError>;

/// A handle on the SQLite database. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens or creates the database at `path`, sets it up for durable concurrent use and
    /// applies pending migrations.
    pub async fn open(path: &Path) -> StoreResult<Self> {
        if let Some(parent) = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent).map_err(|error| {
                StoreError::Corrupt(format!(
                    "cannot create the folder {}: {error}",
                    parent.display()
                ))
            })?;
        }
        let options = SqliteConnectOptions::from_str("sqlite://")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // A sale is money: every commit reaches the disk before the receipt shows.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // A million orders is a gigabyte: a bigger page cache and memory-mapped reads
            // keep the back office's lists from going to the file system for every page.
            .pragma("cache_size", "-32000")
            .pragma("mmap_size", "268435456");
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(Self { pool })
    }

    /// Begins a write transaction with `BEGIN IMMEDIATE`: it holds the write lock from the
    /// start, so concurrent writers queue on the busy timeout instead of failing.
    pub async fn begin_write(&self) -> StoreResult<WriteTx> {
        Ok(WriteTx {
            tx: self.pool.begin_with("BEGIN IMMEDIATE").await?,
        })
    }

    /// The connection settings in force, read back from SQLite (for diagnostics and tests).
    pub async fn connection_settings(&self) -> StoreResult<ConnectionSettings> {
        let mut conn = self.pool.acquire().await?;
        let journal_mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await?;
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await?;
        let foreign_keys: bool = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&mut *conn)
            .await?;
        let busy_timeout_ms: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(&mut *conn)
            .await?;
        Ok(ConnectionSettings {
            journal_mode,
            synchronous,
            foreign_keys,
            busy_timeout_ms,
        })
    }

    /// The pool, for reads.
    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Closes every connection (checkpointing the WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// SQLite settings of a connection, as SQLite reports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionSettings {
    /// `wal` when write-ahead logging is on.
    pub journal_mode: String,
    /// 2 is FULL: every commit is on disk before it returns.
    pub synchronous: i64,
    /// Whether foreign keys are enforced.
    pub foreign_keys: bool,
    /// How long a writer waits for the lock.
    pub busy_timeout_ms: i64,
}

/// One write transaction. Dropped without [`WriteTx::commit`], it rolls back.
#[derive(Debug)]
pub struct WriteTx {
    tx: Transaction<'static, Sqlite>,
}

impl WriteTx {
    /// Commits every change made through this transaction.
    pub async fn commit(self) -> StoreResult<()> {
        self.tx.commit().await?;
        Ok(())
    }

    pub(crate) fn conn(&mut self) -> &mut sqlx::SqliteConnection {
        &mut self.tx
    }
}
