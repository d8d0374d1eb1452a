//! CSV product imports, set-based: the application crate parses and checks each row, then
//! the rows are staged in TEMP tables of one connection (temporary tables take no lock on
//! the database, so the counter keeps selling), checked against the catalog in a few
//! statements, and applied in ONE `BEGIN IMMEDIATE` transaction of set-based statements —
//! a failed import changes nothing, and the write lock is held for seconds, not for one
//! statement per row. Products are matched by SKU: importing the same file again updates
//! them instead of creating duplicates.
//!
//! A column missing from the file leaves that field of existing products as it is (a file
//! of `sku,price` changes prices only); new products get the defaults.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Utc};
use sqlx::pool::PoolConnection;
use sqlx::{AssertSqlSafe, Connection, Sqlite, SqliteConnection};

use crate::catalog::{index_products_for_search, rebuild_category_tree};
use crate::{Store, StoreResult};

/// Rows per staging statement (15 values each, well under SQLite's 32766 parameters).
const STAGE_CHUNK: usize = 500;

/// One checked row of the file. Empty optional cells are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportRow {
    /// Line in the file where the row starts (the header is line 1).
    pub line: i64,
    /// SKU (matches existing products).
    pub sku: String,
    /// Name; None keeps the existing one.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// For a variation: the parent's SKU.
    pub parent_sku: Option<String>,
    /// Category path, `Drinks > Juice` (created when missing).
    pub category_path: Option<String>,
    /// Price in minor units; None keeps the existing one.
    pub price_minor: Option<i64>,
    /// Tax class code; None keeps the existing one.
    pub tax_class: Option<String>,
    /// Stock on hand; None keeps the existing stock (0 for a new product).
    pub stock: Option<i64>,
    /// Grams per unit.
    pub weight_grams: Option<i64>,
    /// Shipped rather than virtual; None keeps it (new products: yes, unless gift cards).
    pub shippable: Option<bool>,
    /// `normal` or `gift_card`; None keeps it (new products: normal).
    pub kind: Option<String>,
    /// Switched on; None keeps it (new products: yes).
    pub active: Option<bool>,
    /// Bin location.
    pub bin_location: Option<String>,
    /// Barcodes (replace the product's barcodes when the column is in the file).
    pub barcodes: Vec<String>,
    /// Attribute values (replace the product's when the column is in the file).
    pub attributes: Vec<(String, String)>,
}

/// Which optional columns the file has: the others are left as they are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportColumns {
    /// `name`.
    pub name: bool,
    /// `description`.
    pub description: bool,
    /// `parent_sku`.
    pub parent_sku: bool,
    /// `attributes`.
    pub attributes: bool,
    /// `category`.
    pub category: bool,
    /// `price`.
    pub price: bool,
    /// `tax_class`.
    pub tax_class: bool,
    /// `barcodes`.
    pub barcodes: bool,
    /// `stock`.
    pub stock: bool,
    /// `weight_grams`.
    pub weight_grams: bool,
    /// `shippable`.
    pub shippable: bool,
    /// `kind`.
    pub kind: bool,
    /// `active`.
    pub active: bool,
    /// `bin_location`.
    pub bin_location: bool,
}

/// Why a staged row cannot be imported, found against the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StagedProblem {
    /// A new product needs this column (`name`, `price` or `tax_class`).
    MissingForNew(&'static str),
    /// No tax class has this code.
    UnknownTaxClass(String),
    /// The barcode belongs to another product that the file does not change.
    BarcodeTaken {
        /// The barcode.
        barcode: String,
        /// The SKU of the product that has it.
        owner_sku: String,
    },
    /// No product in the file or the catalog has the parent SKU.
    UnknownParent(String),
    /// The parent is itself a variation.
    ParentIsVariation(String),
    /// The row is a variation but has (or would keep) variations of its own.
    HasVariations,
    /// A new variation needs attribute values.
    MissingAttributes,
    /// Another variation of the same parent has the same attribute values.
    DuplicateVariation(String),
    /// A product cannot be its own parent.
    OwnParent,
}

/// A problem and the line of the row it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StagedRowProblem {
    /// Line in the file.
    pub line: i64,
    /// What is wrong.
    pub problem: StagedProblem,
}

/// What an import would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Products it would create.
    pub creates: i64,
    /// Products it would update.
    pub updates: i64,
    /// Rows it would refuse (then it imports nothing).
    pub problems: Vec<StagedRowProblem>,
}

/// An import's rows staged on one connection, ready to be checked and applied.
#[derive(Debug)]
pub struct StagedImport {
    conn: PoolConnection<Sqlite>,
    columns: ImportColumns,
}

const CREATE_STAGING: [&str; 6] = [
    "DROP TABLE IF EXISTS temp.import_rows",
    "DROP TABLE IF EXISTS temp.import_barcodes",
    "DROP TABLE IF EXISTS temp.import_attributes",
    "CREATE TEMP TABLE import_rows (
         line INTEGER PRIMARY KEY, sku TEXT NOT NULL UNIQUE, name TEXT, description TEXT, parent_sku TEXT,
         category_path TEXT, price_minor INTEGER, tax_class TEXT, stock INTEGER, weight_grams INTEGER,
         shippable INTEGER, kind TEXT, active INTEGER, bin_location TEXT,
         product_id INTEGER, old_stock INTEGER, tax_class_id INTEGER, category_id INTEGER,
         is_new INTEGER NOT NULL DEFAULT 0, parent_id INTEGER, stock_tracked INTEGER,
         row_changed INTEGER NOT NULL DEFAULT 0, search_changed INTEGER NOT NULL DEFAULT 0,
         barcodes_changed INTEGER NOT NULL DEFAULT 0, attributes_changed INTEGER NOT NULL DEFAULT 0)",
    "CREATE TEMP TABLE import_barcodes (barcode TEXT PRIMARY KEY, line INTEGER NOT NULL, position INTEGER NOT NULL)",
    "CREATE TEMP TABLE import_attributes (
         line INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
         PRIMARY KEY (line, position))",
];

fn placeholders(rows: usize, columns: usize) -> String {
    let one = format!("({})", vec!["?"; columns].join(", "));
    vec![one; rows].join(", ")
}

impl Store {
    /// Stages checked rows (unique SKUs and barcodes within the file, as the application
    /// crate checks) on a connection of their own; `progress` counts the rows staged.
    pub async fn stage_import(
        &self,
        rows: &[ImportRow],
        columns: ImportColumns,
        progress: &AtomicI64,
    ) -> StoreResult<StagedImport> {
        let mut conn = self.pool().acquire().await?;
        for statement in CREATE_STAGING {
            sqlx::query(statement).execute(&mut *conn).await?;
        }
        for chunk in rows.chunks(STAGE_CHUNK) {
            let sql = format!(
                "INSERT INTO import_rows (line, sku, name, description, parent_sku, category_path, price_minor,
                                          tax_class, stock, weight_grams, shippable, kind, active, bin_location)
                 VALUES {}",
                placeholders(chunk.len(), 14)
            );
            // Only placeholders are generated; every value is bound.
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for row in chunk {
                query = query
                    .bind(row.line)
                    .bind(&row.sku)
                    .bind(&row.name)
                    .bind(&row.description)
                    .bind(&row.parent_sku)
                    .bind(&row.category_path)
                    .bind(row.price_minor)
                    .bind(&row.tax_class)
                    .bind(row.stock)
                    .bind(row.weight_grams)
                    .bind(row.shippable)
                    .bind(&row.kind)
                    .bind(row.active)
                    .bind(&row.bin_location);
            }
            query.execute(&mut *conn).await?;
            let barcodes: Vec<(i64, i64, &String)> = chunk
                .iter()
                .flat_map(|row| {
                    (1_i64..)
                        .zip(&row.barcodes)
                        .map(move |(position, barcode)| (row.line, position, barcode))
                })
                .collect();
            for part in barcodes.chunks(STAGE_CHUNK) {
                let sql = format!(
                    "INSERT INTO import_barcodes (line, position, barcode) VALUES {}",
                    placeholders(part.len(), 3)
                );
                let mut query = sqlx::query(AssertSqlSafe(sql));
                for (line, position, barcode) in part {
                    query = query.bind(*line).bind(*position).bind(*barcode);
                }
                query.execute(&mut *conn).await?;
            }
            let attributes: Vec<(i64, i64, &String, &String)> = chunk
                .iter()
                .flat_map(|row| {
                    (1_i64..)
                        .zip(&row.attributes)
                        .map(move |(position, (name, value))| (row.line, position, name, value))
                })
                .collect();
            for part in attributes.chunks(STAGE_CHUNK) {
                let sql = format!(
                    "INSERT INTO import_attributes (line, position, name, value) VALUES {}",
                    placeholders(part.len(), 4)
                );
                let mut query = sqlx::query(AssertSqlSafe(sql));
                for (line, position, name, value) in part {
                    query = query.bind(*line).bind(*position).bind(*name).bind(*value);
                }
                query.execute(&mut *conn).await?;
            }
            progress.fetch_add(
                i64::try_from(chunk.len()).unwrap_or(i64::MAX),
                Ordering::Relaxed,
            );
        }
        // Indexed once the rows are in: every check and statement below looks rows up by
        // these (without them a million-row file is a quadratic scan).
        for statement in [
            "CREATE INDEX temp.import_rows_parent ON import_rows (parent_sku)",
            "CREATE INDEX temp.import_rows_category ON import_rows (category_path)",
            "CREATE INDEX temp.import_rows_product ON import_rows (product_id)",
            "CREATE INDEX temp.import_barcodes_line ON import_barcodes (line, position)",
        ] {
            sqlx::query(statement).execute(&mut *conn).await?;
        }
        resolve(&mut conn).await?;
        Ok(StagedImport { conn, columns })
    }
}

/// Matches the staged rows with the catalog: existing products by SKU (and their stock),
/// tax classes by code.
async fn resolve(conn: &mut SqliteConnection) -> StoreResult<()> {
    for statement in [
        "UPDATE import_rows SET product_id = (SELECT p.id FROM products p WHERE p.sku = import_rows.sku)",
        "UPDATE import_rows SET old_stock = (SELECT p.stock_on_hand FROM products p WHERE p.id = import_rows.product_id)",
        "UPDATE import_rows SET tax_class_id = (SELECT t.id FROM tax_classes t WHERE t.code = import_rows.tax_class)",
    ] {
        sqlx::query(statement).execute(&mut *conn).await?;
    }
    Ok(())
}

/// A problem query: (line, detail) rows.
async fn problems(
    conn: &mut SqliteConnection,
    sql: &'static str,
    make: impl Fn(String) -> StagedProblem,
    into: &mut Vec<StagedRowProblem>,
) -> StoreResult<()> {
    let rows: Vec<(i64, String)> = sqlx::query_as(sql).fetch_all(&mut *conn).await?;
    into.extend(rows.into_iter().map(|(line, detail)| StagedRowProblem {
        line,
        problem: make(detail),
    }));
    Ok(())
}

impl StagedImport {
    /// Checks the staged rows against the catalog: what would be created and updated, and
    /// which rows would be refused.
    pub async fn check(&mut self) -> StoreResult<ImportPlan> {
        check_staged(&mut self.conn, self.columns).await
    }

    /// Applies the staged rows in one transaction: checks them again under the write lock,
    /// creates missing categories, upserts the products by SKU, sets parents, replaces
    /// barcodes and attribute values (when their columns are in the file), records stock
    /// changes as movements and re-indexes the products. Variations whose attribute values
    /// collide with a sibling's are reported and nothing is written. When `job_id` is given,
    /// the import's outcome is recorded in the same transaction, so outcome and products
    /// agree.
    pub async fn apply(
        mut self,
        now: DateTime<Utc>,
        progress: &AtomicI64,
        job_id: Option<i64>,
    ) -> StoreResult<Result<ImportPlan, Vec<StagedRowProblem>>> {
        let columns = self.columns;
        let outcome = {
            // Dropped without a commit (a refusal or an error), the transaction rolls back.
            let mut tx = self.conn.begin_with("BEGIN IMMEDIATE").await?;
            let outcome = apply_in_tx(&mut tx, columns, now, job_id).await?;
            if outcome.is_ok() {
                tx.commit().await?;
            }
            outcome
        };
        if let Ok(plan) = &outcome {
            progress.store(plan.creates + plan.updates, Ordering::Relaxed);
        }
        drop_staging(&mut self.conn).await?;
        Ok(outcome)
    }

    /// Drops the staged rows (after a preview).
    pub async fn discard(mut self) -> StoreResult<()> {
        drop_staging(&mut self.conn).await
    }
}

async fn check_staged(
    conn: &mut SqliteConnection,
    columns: ImportColumns,
) -> StoreResult<ImportPlan> {
    let (creates, updates): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(product_id IS NULL), 0), COALESCE(SUM(product_id IS NOT NULL), 0) FROM import_rows",
    )
    .fetch_one(&mut *conn)
    .await?;
    let mut found = Vec::new();
    for (column, sql) in [
        (
            "name",
            "SELECT line, '' FROM import_rows WHERE product_id IS NULL AND name IS NULL",
        ),
        (
            "price",
            "SELECT line, '' FROM import_rows WHERE product_id IS NULL AND price_minor IS NULL",
        ),
        (
            "tax_class",
            "SELECT line, '' FROM import_rows WHERE product_id IS NULL AND tax_class IS NULL",
        ),
    ] {
        problems(
            conn,
            sql,
            |_| StagedProblem::MissingForNew(column),
            &mut found,
        )
        .await?;
    }
    problems(
        conn,
        "SELECT line, tax_class FROM import_rows WHERE tax_class IS NOT NULL AND tax_class_id IS NULL",
        StagedProblem::UnknownTaxClass,
        &mut found,
    )
    .await?;
    if columns.barcodes {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT i.line, i.barcode, p.sku
               FROM import_barcodes i
              CROSS JOIN product_barcodes b ON b.barcode = i.barcode
              CROSS JOIN products p ON p.id = b.product_id
              WHERE p.sku NOT IN (SELECT sku FROM import_rows)",
        )
        .fetch_all(&mut *conn)
        .await?;
        found.extend(
            rows.into_iter()
                .map(|(line, barcode, owner_sku)| StagedRowProblem {
                    line,
                    problem: StagedProblem::BarcodeTaken { barcode, owner_sku },
                }),
        );
    }
    if columns.parent_sku {
        problems(
            conn,
            "SELECT line, '' FROM import_rows WHERE parent_sku = sku",
            |_| StagedProblem::OwnParent,
            &mut found,
        )
        .await?;
        problems(
            conn,
            "SELECT r.line, r.parent_sku FROM import_rows r
              WHERE r.parent_sku IS NOT NULL AND r.parent_sku <> r.sku
                AND NOT EXISTS (SELECT 1 FROM import_rows q WHERE q.sku = r.parent_sku)
                AND NOT EXISTS (SELECT 1 FROM products p WHERE p.sku = r.parent_sku)",
            StagedProblem::UnknownParent,
            &mut found,
        )
        .await?;
        // The parent's own parent after the import: from the file, or else the catalog.
        problems(
            conn,
            "SELECT r.line, r.parent_sku FROM import_rows r
              WHERE r.parent_sku IS NOT NULL AND r.parent_sku <> r.sku
                AND (EXISTS (SELECT 1 FROM import_rows q WHERE q.sku = r.parent_sku AND q.parent_sku IS NOT NULL)
                     OR (NOT EXISTS (SELECT 1 FROM import_rows q WHERE q.sku = r.parent_sku)
                         AND EXISTS (SELECT 1 FROM products p WHERE p.sku = r.parent_sku AND p.parent_id IS NOT NULL)))",
            StagedProblem::ParentIsVariation,
            &mut found,
        )
        .await?;
        // A variation must not have variations: none in the file, and none in the
        // catalog that the file leaves under it.
        problems(
            conn,
            "SELECT r.line, '' FROM import_rows r
              WHERE r.parent_sku IS NOT NULL
                AND (EXISTS (SELECT 1 FROM import_rows q WHERE q.parent_sku = r.sku)
                     OR EXISTS (SELECT 1 FROM products v WHERE v.parent_id = r.product_id
                                 AND v.sku NOT IN (SELECT sku FROM import_rows)))",
            |_| StagedProblem::HasVariations,
            &mut found,
        )
        .await?;
    }
    // A new variation needs attribute values to tell it from its siblings.
    if columns.parent_sku {
        let sql = if columns.attributes {
            "SELECT r.line, '' FROM import_rows r
              WHERE r.parent_sku IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM import_attributes a WHERE a.line = r.line)"
        } else {
            "SELECT r.line, '' FROM import_rows r
              WHERE r.parent_sku IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM product_attributes a WHERE a.product_id = r.product_id)"
        };
        problems(conn, sql, |_| StagedProblem::MissingAttributes, &mut found).await?;
    }
    found.sort_by_key(|problem| problem.line);
    // Creates and updates count the rows that would be imported: not the refused ones.
    let (creates, updates) = if found.is_empty() {
        (creates, updates)
    } else {
        sqlx::query("DROP TABLE IF EXISTS temp.import_refused")
            .execute(&mut *conn)
            .await?;
        sqlx::query("CREATE TEMP TABLE import_refused (line INTEGER PRIMARY KEY)")
            .execute(&mut *conn)
            .await?;
        for part in found.chunks(STAGE_CHUNK) {
            let sql = format!(
                "INSERT OR IGNORE INTO import_refused (line) VALUES {}",
                placeholders(part.len(), 1)
            );
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for problem in part {
                query = query.bind(problem.line);
            }
            query.execute(&mut *conn).await?;
        }
        let counts: (i64, i64) = sqlx::query_as(
            "SELECT COALESCE(SUM(product_id IS NULL), 0), COALESCE(SUM(product_id IS NOT NULL), 0)
               FROM import_rows WHERE line NOT IN (SELECT line FROM import_refused)",
        )
        .fetch_one(&mut *conn)
        .await?;
        sqlx::query("DROP TABLE temp.import_refused")
            .execute(&mut *conn)
            .await?;
        counts
    };
    Ok(ImportPlan {
        creates,
        updates,
        problems: found,
    })
}

async fn apply_in_tx(
    conn: &mut SqliteConnection,
    columns: ImportColumns,
    now: DateTime<Utc>,
    job_id: Option<i64>,
) -> StoreResult<Result<ImportPlan, Vec<StagedRowProblem>>> {
    // The catalog may have changed since the rows were staged.
    resolve(conn).await?;
    let plan = check_staged(conn, columns).await?;
    if !plan.problems.is_empty() {
        return Ok(Err(plan.problems));
    }
    if let Err(problems) = apply_rows(conn, columns, now).await? {
        return Ok(Err(problems));
    }
    if let Some(job_id) = job_id {
        sqlx::query(
            "UPDATE product_imports SET status = 'done', total_rows = ?2, created = ?3, updated = ?4,
                    finished_at = ?5 WHERE id = ?1",
        )
        .bind(job_id)
        .bind(plan.creates + plan.updates)
        .bind(plan.creates)
        .bind(plan.updates)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(Ok(plan))
}

async fn drop_staging(conn: &mut SqliteConnection) -> StoreResult<()> {
    for statement in CREATE_STAGING.into_iter().take(3) {
        sqlx::query(statement).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Finds or creates the categories of every distinct path in the file (few), then sets
/// every row's category in one statement.
async fn import_categories(conn: &mut SqliteConnection) -> StoreResult<()> {
    let paths: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT category_path FROM import_rows WHERE category_path IS NOT NULL",
    )
    .fetch_all(&mut *conn)
    .await?;
    for statement in [
        "DROP TABLE IF EXISTS temp.import_paths",
        "CREATE TEMP TABLE import_paths (path TEXT PRIMARY KEY, category_id INTEGER NOT NULL)",
    ] {
        sqlx::query(statement).execute(&mut *conn).await?;
    }
    let mut created = false;
    for path in paths {
        let mut parent: Option<i64> = None;
        for name in path.split(" > ") {
            let existing: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM categories WHERE COALESCE(parent_id, 0) = COALESCE(?1, 0) AND name = ?2 COLLATE NOCASE",
            )
            .bind(parent)
            .bind(name)
            .fetch_optional(&mut *conn)
            .await?;
            parent = Some(match existing {
                Some(id) => id,
                None => {
                    created = true;
                    sqlx::query_scalar(
                        "INSERT INTO categories (parent_id, name) VALUES (?1, ?2) RETURNING id",
                    )
                    .bind(parent)
                    .bind(name)
                    .fetch_one(&mut *conn)
                    .await?
                }
            });
        }
        sqlx::query("INSERT INTO import_paths (path, category_id) VALUES (?1, ?2)")
            .bind(&path)
            .bind(parent)
            .execute(&mut *conn)
            .await?;
    }
    for statement in [
        "UPDATE import_rows SET category_id = (SELECT c.category_id FROM import_paths c WHERE c.path = import_rows.category_path)",
        "DROP TABLE temp.import_paths",
    ] {
        sqlx::query(statement).execute(&mut *conn).await?;
    }
    if created {
        rebuild_category_tree(conn).await?;
    }
    Ok(())
}

/// Writes the staged rows. Each row is first completed with what the file does not say
/// (the product's current values, or the defaults of a new product), then compared with
/// the product: only rows that change something are written, only changed barcodes and
/// attribute values are replaced and only products found by other words are re-indexed,
/// so importing the same file again writes almost nothing.
async fn apply_rows(
    conn: &mut SqliteConnection,
    columns: ImportColumns,
    now: DateTime<Utc>,
) -> StoreResult<Result<(), Vec<StagedRowProblem>>> {
    if columns.category {
        import_categories(conn).await?;
    }
    // New products: defaults for what the file does not say, then one insert in the
    // file's order.
    for statement in [
        "UPDATE import_rows SET is_new = 1, description = COALESCE(description, ''), kind = COALESCE(kind, 'normal'),
                shippable = COALESCE(shippable, 1) AND COALESCE(kind, 'normal') <> 'gift_card',
                stock_tracked = COALESCE(kind, 'normal') <> 'gift_card', active = COALESCE(active, 1),
                stock = COALESCE(stock, 0)
          WHERE product_id IS NULL",
        "INSERT INTO products (sku, name, description, category_id, price_minor, tax_class_id, stock_tracked,
                               stock_on_hand, weight_grams, shippable, active, kind, bin_location, created_at, updated_at)
         SELECT sku, name, description, category_id, price_minor, tax_class_id, stock_tracked, stock, weight_grams,
                shippable, active, kind, bin_location, ?1, ?1
           FROM import_rows WHERE is_new = 1 ORDER BY line",
        "UPDATE import_rows SET product_id = (SELECT p.id FROM products p WHERE p.sku = import_rows.sku)
          WHERE is_new = 1",
    ] {
        sqlx::query(statement).bind(now).execute(&mut *conn).await?;
    }
    // Existing products: what the file leaves out stays as it is.
    sqlx::query(
        "UPDATE import_rows SET (name, description, category_id, price_minor, tax_class_id, stock, weight_grams, kind,
                                 stock_tracked, shippable, active, bin_location) =
             (SELECT COALESCE(import_rows.name, p.name),
                     CASE WHEN ?1 THEN COALESCE(import_rows.description, '') ELSE p.description END,
                     CASE WHEN ?2 THEN import_rows.category_id ELSE p.category_id END,
                     COALESCE(import_rows.price_minor, p.price_minor),
                     COALESCE(import_rows.tax_class_id, p.tax_class_id),
                     COALESCE(import_rows.stock, p.stock_on_hand),
                     CASE WHEN ?3 THEN import_rows.weight_grams ELSE p.weight_grams END,
                     COALESCE(import_rows.kind, p.kind),
                     CASE WHEN COALESCE(import_rows.kind, p.kind) = 'gift_card' THEN 0
                          WHEN p.kind = 'gift_card' THEN 1 ELSE p.stock_tracked END,
                     COALESCE(import_rows.shippable, p.shippable) AND COALESCE(import_rows.kind, p.kind) <> 'gift_card',
                     COALESCE(import_rows.active, p.active),
                     CASE WHEN ?4 THEN import_rows.bin_location ELSE p.bin_location END
                FROM products p WHERE p.id = import_rows.product_id)
          WHERE is_new = 0",
    )
    .bind(columns.description)
    .bind(columns.category)
    .bind(columns.weight_grams)
    .bind(columns.bin_location)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE import_rows SET parent_id = CASE WHEN ?1 THEN (SELECT q.id FROM products q WHERE q.sku = import_rows.parent_sku)
                                            ELSE (SELECT p.parent_id FROM products p WHERE p.id = import_rows.product_id) END",
    )
    .bind(columns.parent_sku)
    .execute(&mut *conn)
    .await?;
    // What changes: barcodes and attribute values (in order), the row, the search words.
    let mut flags: Vec<&'static str> = Vec::new();
    if columns.barcodes {
        flags.push(
            "UPDATE import_rows SET barcodes_changed = is_new
                 OR (SELECT group_concat(b.barcode, ';' ORDER BY b.rowid) FROM product_barcodes b
                      WHERE b.product_id = import_rows.product_id)
                    IS NOT (SELECT group_concat(i.barcode, ';' ORDER BY i.position) FROM import_barcodes i
                             WHERE i.line = import_rows.line)",
        );
    }
    if columns.attributes {
        flags.push(
            "UPDATE import_rows SET attributes_changed = is_new
                 OR (SELECT group_concat(a.name || '=' || a.value, ';' ORDER BY a.position) FROM product_attributes a
                      WHERE a.product_id = import_rows.product_id)
                    IS NOT (SELECT group_concat(i.name || '=' || i.value, ';' ORDER BY i.position) FROM import_attributes i
                             WHERE i.line = import_rows.line)",
        );
    }
    flags.push(
        "UPDATE import_rows SET (row_changed, search_changed) =
             (SELECT import_rows.is_new
                     OR (p.name, p.description, p.category_id, p.price_minor, p.tax_class_id, p.stock_on_hand,
                         p.weight_grams, p.kind, p.stock_tracked, p.shippable, p.active, p.bin_location, p.parent_id)
                        IS NOT (import_rows.name, import_rows.description, import_rows.category_id,
                                import_rows.price_minor, import_rows.tax_class_id, import_rows.stock,
                                import_rows.weight_grams, import_rows.kind, import_rows.stock_tracked,
                                import_rows.shippable, import_rows.active, import_rows.bin_location,
                                import_rows.parent_id),
                     import_rows.is_new OR import_rows.barcodes_changed OR import_rows.attributes_changed
                     OR (p.name, p.category_id) IS NOT (import_rows.name, import_rows.category_id)
                FROM products p WHERE p.id = import_rows.product_id)",
    );
    for statement in flags {
        sqlx::query(statement).execute(&mut *conn).await?;
    }
    let mut statements: Vec<&'static str> = vec![
        "UPDATE products SET (name, description, category_id, price_minor, tax_class_id, stock_on_hand, weight_grams,
                              kind, stock_tracked, shippable, active, bin_location, parent_id, updated_at) =
             (r.name, r.description, r.category_id, r.price_minor, r.tax_class_id, r.stock, r.weight_grams, r.kind,
              r.stock_tracked, r.shippable, r.active, r.bin_location, r.parent_id, ?1)
           FROM import_rows r WHERE r.product_id = products.id AND r.row_changed = 1",
    ];
    if columns.barcodes {
        statements.push(
            "DELETE FROM product_barcodes
              WHERE product_id IN (SELECT product_id FROM import_rows WHERE barcodes_changed = 1)",
        );
        statements.push(
            "INSERT INTO product_barcodes (barcode, product_id)
             SELECT b.barcode, r.product_id FROM import_barcodes b JOIN import_rows r ON r.line = b.line
              WHERE r.barcodes_changed = 1
              ORDER BY b.line, b.position",
        );
    }
    if columns.attributes {
        statements.push(
            "DELETE FROM product_attributes
              WHERE product_id IN (SELECT product_id FROM import_rows WHERE attributes_changed = 1)",
        );
        statements.push(
            "INSERT INTO product_attributes (product_id, position, name, value)
             SELECT r.product_id, a.position, a.name, a.value FROM import_attributes a JOIN import_rows r ON r.line = a.line
              WHERE r.attributes_changed = 1",
        );
    }
    statements.push(
        "INSERT INTO stock_movements (product_id, order_id, delta, reason, created_at)
         SELECT product_id, NULL, stock - COALESCE(old_stock, 0),
                CASE WHEN old_stock IS NULL THEN 'initial' ELSE 'adjustment' END, ?1
           FROM import_rows WHERE stock <> COALESCE(old_stock, 0)",
    );
    for statement in statements {
        sqlx::query(statement).bind(now).execute(&mut *conn).await?;
    }
    // Siblings with the same attribute values cannot be told apart at the counter: the
    // families the file touches, keyed and indexed in a temporary table.
    for statement in [
        "DROP TABLE IF EXISTS temp.import_keys",
        "CREATE TEMP TABLE import_keys AS
         SELECT v.id, v.parent_id,
                COALESCE((SELECT group_concat(lower(a.name) || '=' || lower(a.value), ';' ORDER BY lower(a.name))
                            FROM product_attributes a WHERE a.product_id = v.id), '') AS attribute_key,
                (SELECT r.line FROM import_rows r WHERE r.product_id = v.id) AS line
           FROM products v
          WHERE v.parent_id IN (SELECT p.parent_id FROM import_rows r JOIN products p ON p.id = r.product_id
                                 WHERE p.parent_id IS NOT NULL)",
        "CREATE INDEX temp.import_keys_family ON import_keys (parent_id, attribute_key)",
    ] {
        sqlx::query(statement).execute(&mut *conn).await?;
    }
    // One pass over the keys, each probing its family by index (no join the planner could
    // turn into a walk of every staged row).
    let duplicates: Vec<(i64, String)> = sqlx::query_as(
        "SELECT k.line, k.attribute_key
           FROM import_keys k
          WHERE k.line IS NOT NULL
            AND EXISTS (SELECT 1 FROM import_keys o WHERE o.parent_id = k.parent_id
                          AND o.attribute_key = k.attribute_key AND o.id <> k.id)
          ORDER BY k.line",
    )
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query("DROP TABLE temp.import_keys")
        .execute(&mut *conn)
        .await?;
    if !duplicates.is_empty() {
        return Ok(Err(duplicates
            .into_iter()
            .map(|(line, key)| StagedRowProblem {
                line,
                problem: StagedProblem::DuplicateVariation(key),
            })
            .collect()));
    }
    // The search index: the old entries of products found by other words now, then their
    // new entries and those of the new products.
    for statement in [
        "DELETE FROM product_search
          WHERE rowid IN (SELECT product_id FROM import_rows WHERE search_changed = 1 AND is_new = 0)",
        index_products_for_search!(
            "WHERE p.id IN (SELECT product_id FROM import_rows WHERE search_changed = 1)"
        ),
    ] {
        sqlx::query(statement).execute(&mut *conn).await?;
    }
    Ok(Ok(()))
}

/// The recorded outcome of a background product import.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProductImportRow {
    /// Job id.
    pub id: i64,
    /// The file's name, for people.
    pub file_name: String,
    /// `running`, `done` or `failed`.
    pub status: String,
    /// Rows imported (done) or read (failed).
    pub total_rows: i64,
    /// Products created.
    pub created: i64,
    /// Products updated.
    pub updated: i64,
    /// Why nothing was imported: an error code …
    pub error_code: Option<String>,
    /// … and a sentence.
    pub error: Option<String>,
    /// The rejected rows, as JSON written by the application crate.
    pub problems: String,
    /// Started.
    pub started_at: DateTime<Utc>,
    /// Finished.
    pub finished_at: Option<DateTime<Utc>>,
}

/// Why an import failed, for [`Store::fail_product_import`].
#[derive(Debug, Clone, Copy)]
pub struct ImportFailure<'a> {
    /// Rows read.
    pub total_rows: i64,
    /// Error code.
    pub error_code: &'a str,
    /// Sentence.
    pub error: &'a str,
    /// Rejected rows as JSON.
    pub problems: &'a str,
}

impl Store {
    /// Records that an import started; returns its job id.
    pub async fn create_product_import(
        &self,
        file_name: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        let mut tx = self.begin_write().await?;
        let id = sqlx::query_scalar(
            "INSERT INTO product_imports (file_name, started_at) VALUES (?1, ?2) RETURNING id",
        )
        .bind(file_name)
        .bind(now)
        .fetch_one(tx.conn())
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// An import's recorded outcome.
    pub async fn product_import(&self, id: i64) -> StoreResult<Option<ProductImportRow>> {
        Ok(sqlx::query_as(
            "SELECT id, file_name, status, total_rows, created, updated, error_code, error, problems,
                    started_at, finished_at
               FROM product_imports WHERE id = ?1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Records that an import changed nothing, and why.
    pub async fn fail_product_import(
        &self,
        id: i64,
        failure: ImportFailure<'_>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE product_imports SET status = 'failed', total_rows = ?2, error_code = ?3, error = ?4,
                    problems = ?5, finished_at = ?6
              WHERE id = ?1",
        )
        .bind(id)
        .bind(failure.total_rows)
        .bind(failure.error_code)
        .bind(failure.error)
        .bind(failure.problems)
        .bind(now)
        .execute(tx.conn())
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
