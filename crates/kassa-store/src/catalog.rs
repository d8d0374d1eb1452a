//! Catalog rows: tax classes and rates, categories, products and their barcodes, stock.
//!
//! The owner's side of the catalog (product pages, saving, categories) is in
//! [`crate::catalog_admin`], search and the product list in [`crate::catalog_search`], CSV
//! imports in [`crate::catalog_import`] and the bulk demo catalog in
//! [`crate::catalog_generate`]. Every change of what a product is found by (name, SKU,
//! barcodes, attribute values, category) re-indexes it in `product_search` in the same
//! transaction, through [`index_products_for_search!`].

use chrono::{DateTime, Utc};

use crate::{Store, StoreResult, WriteTx};

/// `INSERT INTO product_search` for the products `p` that the given WHERE tail selects: the
/// one definition of what a product is found by (name and SKU, also with '-' as a space;
/// barcodes; attribute values; a `kc<id>k` token per ancestor-or-self category).
macro_rules! index_products_for_search {
    ($where:literal) => {
        concat!(
            "INSERT INTO product_search (rowid, body)
             SELECT p.id,
                    p.name || ' ' || replace(p.name, '-', ' ') || ' ' || p.sku || ' ' || replace(p.sku, '-', ' ') ||
                    COALESCE((SELECT ' ' || group_concat(b.barcode, ' ') FROM product_barcodes b
                               WHERE b.product_id = p.id), '') ||
                    COALESCE((SELECT ' ' || group_concat(a.value || ' ' || replace(a.value, '-', ' '), ' ')
                                FROM product_attributes a WHERE a.product_id = p.id), '') ||
                    COALESCE((SELECT ' ' || group_concat('kc' || t.ancestor_id || 'k', ' ') FROM category_tree t
                               WHERE t.category_id = p.category_id), '')
               FROM products p ",
            $where
        )
    };
}
pub(crate) use index_products_for_search;

/// The columns of a [`ProductRow`], for `FROM products p JOIN tax_classes tc … JOIN
/// tax_rates r … LEFT JOIN categories c …` (see [`product_joins!`]).
macro_rules! product_columns {
    () => {
        "p.id, p.sku, p.name, c.name AS category,
         (SELECT b.barcode FROM product_barcodes b WHERE b.product_id = p.id
           ORDER BY b.rowid LIMIT 1) AS barcode,
         p.price_minor, tc.code AS tax_code, r.label AS tax_label, r.percent AS tax_percent,
         p.stock_tracked, p.stock_on_hand,
         (p.active = 1 AND NOT EXISTS (SELECT 1 FROM products v WHERE v.parent_id = p.id)
          AND (p.parent_id IS NULL OR EXISTS (SELECT 1 FROM products pp WHERE pp.id = p.parent_id AND pp.active = 1)))
           AS active,
         p.active AS active_flag, p.parent_id,
         EXISTS (SELECT 1 FROM products v WHERE v.parent_id = p.id) AS has_variations,
         p.kind, p.shippable,
         (SELECT group_concat(a.value, ' / ' ORDER BY a.position) FROM product_attributes a
           WHERE a.product_id = p.id) AS variation"
    };
}
pub(crate) use product_columns;

/// The joins that [`product_columns!`] reads from, after `FROM products p`: CROSS JOINs, so
/// that the products (or the search index before them) stay the outer loop.
macro_rules! product_joins {
    () => {
        " CROSS JOIN tax_classes tc ON tc.id = p.tax_class_id
          CROSS JOIN tax_rates r ON r.tax_class_id = tc.id AND r.country_code IS NULL
          LEFT JOIN categories c ON c.id = p.category_id "
    };
}
pub(crate) use product_joins;

/// A product as the counter and the product list need it, with the rate of its tax class.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProductRow {
    /// Row id.
    pub id: i64,
    /// Unique stock-keeping unit.
    pub sku: String,
    /// Display name.
    pub name: String,
    /// Category name, if any.
    pub category: Option<String>,
    /// One of the product's barcodes (the first), if any.
    pub barcode: Option<String>,
    /// Price in minor units, in the store's price mode.
    pub price_minor: i64,
    /// Tax rate code (the tax class code).
    pub tax_code: String,
    /// Tax rate label.
    pub tax_label: String,
    /// Tax rate in percent, canonical decimal text.
    pub tax_percent: String,
    /// Whether stock is counted.
    pub stock_tracked: bool,
    /// Units on hand.
    pub stock_on_hand: i64,
    /// Whether the product can be sold: it is switched on, so is its parent (for a
    /// variation), and it has no variations of its own.
    pub active: bool,
    /// Whether the product itself is switched on (the owner's flag).
    pub active_flag: bool,
    /// For a variation: the product it is a variation of.
    pub parent_id: Option<i64>,
    /// Whether the product has variations (then it is not sold itself).
    pub has_variations: bool,
    /// `normal` or `gift_card`.
    pub kind: String,
    /// Whether it is shipped (a physical item) rather than virtual.
    pub shippable: bool,
    /// For a variation: its attribute values in order, e.g. `L / Red`.
    pub variation: Option<String>,
}

/// The shared product SELECT joined with a tail, as one `&'static str` (sqlx takes only
/// static SQL without an explicit assertion).
macro_rules! product_query {
    ($tail:literal $(,)?) => {
        concat!(
            "SELECT ",
            product_columns!(),
            " FROM products p",
            product_joins!(),
            $tail
        )
    };
}

/// A new product for [`WriteTx::insert_product`].
#[derive(Debug, Clone)]
pub struct NewProduct<'a> {
    /// Unique SKU.
    pub sku: &'a str,
    /// Name.
    pub name: &'a str,
    /// Category id.
    pub category_id: Option<i64>,
    /// Price in minor units.
    pub price_minor: i64,
    /// Tax class id.
    pub tax_class_id: i64,
    /// Initial stock.
    pub stock_on_hand: i64,
    /// Barcodes.
    pub barcodes: &'a [String],
    /// Weight of one unit in grams, for shipping.
    pub weight_grams: Option<i64>,
    /// `normal` or `gift_card` (a gift card is virtual and counts no stock).
    pub kind: &'a str,
    /// Where it sits in the stock room.
    pub bin_location: Option<&'a str>,
    /// Creation time.
    pub now: DateTime<Utc>,
}

impl Store {
    /// Number of products.
    pub async fn count_products(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM products")
            .fetch_one(self.pool())
            .await?)
    }

    /// The product with this exact barcode, whether it can be sold or not (the caller
    /// tells an unknown barcode from a product that is switched off or has variations).
    pub async fn product_by_barcode(&self, barcode: &str) -> StoreResult<Option<ProductRow>> {
        const SQL: &str = product_query!(
            "WHERE p.id = (SELECT product_id FROM product_barcodes WHERE barcode = ?1)"
        );
        Ok(sqlx::query_as(SQL)
            .bind(barcode)
            .fetch_optional(self.pool())
            .await?)
    }

    /// A product by id.
    pub async fn product(&self, id: i64) -> StoreResult<Option<ProductRow>> {
        const SQL: &str = product_query!("WHERE p.id = ?1");
        Ok(sqlx::query_as(SQL)
            .bind(id)
            .fetch_optional(self.pool())
            .await?)
    }

    /// The variations of a product, by their attribute values' order of creation (id).
    pub async fn product_variations(&self, parent_id: i64) -> StoreResult<Vec<ProductRow>> {
        const SQL: &str = product_query!("WHERE p.parent_id = ?1 ORDER BY p.id");
        Ok(sqlx::query_as(SQL)
            .bind(parent_id)
            .fetch_all(self.pool())
            .await?)
    }
}

/// Rebuilds `category_tree` from `categories` (categories are few: this is instant).
pub(crate) async fn rebuild_category_tree(conn: &mut sqlx::SqliteConnection) -> StoreResult<()> {
    sqlx::query("DELETE FROM category_tree")
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO category_tree (ancestor_id, category_id, depth)
         WITH RECURSIVE up (ancestor_id, category_id, depth) AS (
             SELECT id, id, 0 FROM categories
             UNION ALL
             SELECT c.parent_id, up.category_id, up.depth + 1
               FROM up JOIN categories c ON c.id = up.ancestor_id
              WHERE c.parent_id IS NOT NULL
         )
         SELECT ancestor_id, category_id, depth FROM up",
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl WriteTx {
    /// Creates a tax class with its default rate; returns the class id.
    pub async fn insert_tax_class(
        &mut self,
        code: &str,
        label: &str,
        percent: &str,
    ) -> StoreResult<i64> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO tax_classes (code, label) VALUES (?1, ?2) RETURNING id",
        )
        .bind(code)
        .bind(label)
        .fetch_one(self.conn())
        .await?;
        sqlx::query("INSERT INTO tax_rates (tax_class_id, country_code, label, percent) VALUES (?1, NULL, ?2, ?3)")
            .bind(id)
            .bind(label)
            .bind(percent)
            .execute(self.conn())
            .await?;
        Ok(id)
    }

    /// Creates a category; returns its id.
    pub async fn insert_category(
        &mut self,
        parent_id: Option<i64>,
        name: &str,
    ) -> StoreResult<i64> {
        let id = sqlx::query_scalar(
            "INSERT INTO categories (parent_id, name) VALUES (?1, ?2) RETURNING id",
        )
        .bind(parent_id)
        .bind(name)
        .fetch_one(self.conn())
        .await?;
        // A new category has no products yet: its ancestors are all the tree needs.
        sqlx::query(
            "INSERT INTO category_tree (ancestor_id, category_id, depth)
             SELECT ?1, ?1, 0
             UNION ALL
             SELECT t.ancestor_id, ?1, t.depth + 1 FROM category_tree t WHERE t.category_id = ?2",
        )
        .bind(id)
        .bind(parent_id)
        .execute(self.conn())
        .await?;
        Ok(id)
    }

    /// A top-level category's id by name.
    pub async fn category_id_by_name(&mut self, name: &str) -> StoreResult<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT id FROM categories WHERE name = ?1 ORDER BY id LIMIT 1")
                .bind(name)
                .fetch_optional(self.conn())
                .await?,
        )
    }

    /// Creates a product with its barcodes and an initial stock movement; returns its id.
    pub async fn insert_product(&mut self, product: &NewProduct<'_>) -> StoreResult<i64> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO products (sku, name, category_id, price_minor, tax_class_id, stock_on_hand, created_at,
                                   updated_at, weight_grams, kind, shippable, stock_tracked, bin_location)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?9 <> 'gift_card', ?9 <> 'gift_card', ?10)
             RETURNING id",
        )
        .bind(product.sku)
        .bind(product.name)
        .bind(product.category_id)
        .bind(product.price_minor)
        .bind(product.tax_class_id)
        .bind(product.stock_on_hand)
        .bind(product.now)
        .bind(product.weight_grams)
        .bind(product.kind)
        .bind(product.bin_location)
        .fetch_one(self.conn())
        .await?;
        for barcode in product.barcodes {
            sqlx::query("INSERT INTO product_barcodes (barcode, product_id) VALUES (?1, ?2)")
                .bind(barcode)
                .bind(id)
                .execute(self.conn())
                .await?;
        }
        if product.stock_on_hand != 0 {
            sqlx::query(
                "INSERT INTO stock_movements (product_id, order_id, delta, reason, created_at)
                 VALUES (?1, NULL, ?2, 'initial', ?3)",
            )
            .bind(id)
            .bind(product.stock_on_hand)
            .bind(product.now)
            .execute(self.conn())
            .await?;
        }
        self.reindex_product(id, false).await?;
        Ok(id)
    }

    /// Writes a product's search-index entry again from its rows (after any change of its
    /// name, SKU, barcodes, attributes or category). `indexed`: whether it has an entry to
    /// replace (false for a product created in this transaction).
    pub async fn reindex_product(&mut self, id: i64, indexed: bool) -> StoreResult<()> {
        if indexed {
            sqlx::query("DELETE FROM product_search WHERE rowid = ?1")
                .bind(id)
                .execute(self.conn())
                .await?;
        }
        sqlx::query(index_products_for_search!("WHERE p.id = ?1"))
            .bind(id)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Records a stock movement for a product and applies it to the stock on hand.
    pub async fn move_stock(
        &mut self,
        product_id: i64,
        order_id: Option<i64>,
        delta: i64,
        reason: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO stock_movements (product_id, order_id, delta, reason, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(product_id)
        .bind(order_id)
        .bind(delta)
        .bind(reason)
        .bind(now)
        .execute(self.conn())
        .await?;
        sqlx::query(
            "UPDATE products SET stock_on_hand = stock_on_hand + ?2, updated_at = ?3 WHERE id = ?1",
        )
        .bind(product_id)
        .bind(delta)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
