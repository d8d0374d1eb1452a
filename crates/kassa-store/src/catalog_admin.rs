//! The owner's side of the catalog: one product with everything it has (barcodes,
//! attributes, variations), saving a product, switching it on or off, and the category
//! tree. The application crate validates; this module reads and writes rows.

use chrono::{DateTime, Utc};

use crate::catalog::{index_products_for_search, rebuild_category_tree};
use crate::{Store, StoreResult, WriteTx};

/// A product's own row, as the owner edits it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProductRecord {
    /// Row id.
    pub id: i64,
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Category id.
    pub category_id: Option<i64>,
    /// Price in minor units.
    pub price_minor: i64,
    /// Tax class id.
    pub tax_class_id: i64,
    /// Tax class code.
    pub tax_code: String,
    /// Label of the class's default rate.
    pub tax_label: String,
    /// Whether stock is counted.
    pub stock_tracked: bool,
    /// Units on hand.
    pub stock_on_hand: i64,
    /// Grams per unit.
    pub weight_grams: Option<i64>,
    /// Shipped (physical) rather than virtual.
    pub shippable: bool,
    /// Switched on.
    pub active: bool,
    /// `normal` or `gift_card`.
    pub kind: String,
    /// Bin location.
    pub bin_location: Option<String>,
    /// For a variation: its parent.
    pub parent_id: Option<i64>,
    /// Number of variations (for a parent).
    pub variation_count: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

const RECORD: &str = "SELECT p.id, p.sku, p.name, p.description, p.category_id, p.price_minor, p.tax_class_id,
        tc.code AS tax_code, COALESCE(r.label, tc.label) AS tax_label, p.stock_tracked, p.stock_on_hand,
        p.weight_grams, p.shippable, p.active, p.kind, p.bin_location, p.parent_id,
        (SELECT COUNT(*) FROM products v WHERE v.parent_id = p.id) AS variation_count,
        p.created_at, p.updated_at
   FROM products p
   JOIN tax_classes tc ON tc.id = p.tax_class_id
   LEFT JOIN tax_rates r ON r.tax_class_id = tc.id AND r.country_code IS NULL";

/// One attribute value of a product.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AttributeRow {
    /// The product.
    pub product_id: i64,
    /// Attribute name (`Size`).
    pub name: String,
    /// Value (`L`).
    pub value: String,
}

/// A category with its place in the tree.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CategoryRow {
    /// Id.
    pub id: i64,
    /// Parent category.
    pub parent_id: Option<i64>,
    /// Name.
    pub name: String,
    /// Names from the top, joined with ` > `.
    pub path: String,
    /// 0 for a top-level category.
    pub depth: i64,
}

const CATEGORY: &str = "SELECT c.id, c.parent_id, c.name,
        COALESCE((SELECT group_concat(a.name, ' > ' ORDER BY t.depth DESC) FROM category_tree t
                   JOIN categories a ON a.id = t.ancestor_id WHERE t.category_id = c.id), c.name) AS path,
        COALESCE((SELECT MAX(t.depth) FROM category_tree t WHERE t.category_id = c.id), 0) AS depth
   FROM categories c";

/// Who holds a barcode.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BarcodeOwner {
    /// The product.
    pub product_id: i64,
    /// Its SKU.
    pub sku: String,
    /// Its name.
    pub name: String,
}

/// A product to create (`id` None) or update, with its barcodes and attribute values,
/// which replace the stored ones.
#[derive(Debug, Clone)]
pub struct ProductWrite<'a> {
    /// The product to update; None creates one.
    pub id: Option<i64>,
    /// SKU.
    pub sku: &'a str,
    /// Name.
    pub name: &'a str,
    /// Description.
    pub description: &'a str,
    /// Category.
    pub category_id: Option<i64>,
    /// Price in minor units.
    pub price_minor: i64,
    /// Tax class.
    pub tax_class_id: i64,
    /// Whether stock is counted.
    pub stock_tracked: bool,
    /// New stock on hand (the difference is recorded as a stock movement); None keeps it.
    pub stock_on_hand: Option<i64>,
    /// Grams per unit.
    pub weight_grams: Option<i64>,
    /// Shipped rather than virtual.
    pub shippable: bool,
    /// Switched on.
    pub active: bool,
    /// `normal` or `gift_card`.
    pub kind: &'a str,
    /// Bin location.
    pub bin_location: Option<&'a str>,
    /// For a variation: its parent.
    pub parent_id: Option<i64>,
    /// Barcodes, first the main one.
    pub barcodes: &'a [String],
    /// Attribute values (name, value) in display order.
    pub attributes: &'a [(String, String)],
    /// Time of the change.
    pub now: DateTime<Utc>,
}

impl Store {
    /// One product's own row.
    pub async fn product_record(&self, id: i64) -> StoreResult<Option<ProductRecord>> {
        Ok(
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{RECORD} WHERE p.id = ?1")))
                .bind(id)
                .fetch_optional(self.pool())
                .await?,
        )
    }

    /// A product's id by exact SKU.
    pub async fn product_id_by_sku(&self, sku: &str) -> StoreResult<Option<i64>> {
        Ok(sqlx::query_scalar("SELECT id FROM products WHERE sku = ?1")
            .bind(sku)
            .fetch_optional(self.pool())
            .await?)
    }

    /// A product's barcodes, the main one first.
    pub async fn product_barcodes(&self, id: i64) -> StoreResult<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT barcode FROM product_barcodes WHERE product_id = ?1 ORDER BY rowid",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?)
    }

    /// The attribute values of a product and of its variations, by product and position.
    pub async fn attributes_of_family(&self, id: i64) -> StoreResult<Vec<AttributeRow>> {
        Ok(sqlx::query_as(
            "SELECT a.product_id, a.position, a.name, a.value FROM product_attributes a WHERE a.product_id = ?1
             UNION ALL
             SELECT a.product_id, a.position, a.name, a.value
               FROM products v JOIN product_attributes a ON a.product_id = v.id
              WHERE v.parent_id = ?1
             ORDER BY 1, 2",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?)
    }

    /// Who holds this barcode, if anyone.
    pub async fn barcode_owner(&self, barcode: &str) -> StoreResult<Option<BarcodeOwner>> {
        Ok(sqlx::query_as(
            "SELECT p.id AS product_id, p.sku, p.name
               FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.barcode = ?1",
        )
        .bind(barcode)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Every tax class code.
    pub async fn tax_class_codes(&self) -> StoreResult<Vec<String>> {
        Ok(
            sqlx::query_scalar("SELECT code FROM tax_classes ORDER BY id")
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// Every category in tree order (each after its parent, siblings by name).
    pub async fn categories(&self) -> StoreResult<Vec<CategoryRow>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{CATEGORY} ORDER BY path COLLATE NOCASE, c.id"
        )))
        .fetch_all(self.pool())
        .await?)
    }

    /// One category.
    pub async fn category(&self, id: i64) -> StoreResult<Option<CategoryRow>> {
        Ok(
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{CATEGORY} WHERE c.id = ?1")))
                .bind(id)
                .fetch_optional(self.pool())
                .await?,
        )
    }

    /// The sibling with this name (in any case) under `parent_id`, if any.
    pub async fn category_by_name(
        &self,
        parent_id: Option<i64>,
        name: &str,
    ) -> StoreResult<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM categories WHERE COALESCE(parent_id, 0) = COALESCE(?1, 0) AND name = ?2 COLLATE NOCASE",
        )
        .bind(parent_id)
        .bind(name)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Whether `candidate` is `category_id` or one of its subcategories.
    pub async fn category_contains(&self, category_id: i64, candidate: i64) -> StoreResult<bool> {
        Ok(sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM category_tree WHERE ancestor_id = ?1 AND category_id = ?2)",
        )
        .bind(category_id)
        .bind(candidate)
        .fetch_one(self.pool())
        .await?)
    }

    /// The attribute values of each other variation of `parent_id` (all but `except`),
    /// as (product id, sku, values joined in order with `;`, lowercased).
    pub async fn sibling_attribute_keys(
        &self,
        parent_id: i64,
        except: Option<i64>,
    ) -> StoreResult<Vec<(i64, String, String)>> {
        Ok(sqlx::query_as(
            "SELECT v.id, v.sku,
                    COALESCE((SELECT group_concat(lower(a.name) || '=' || lower(a.value), ';' ORDER BY lower(a.name))
                                FROM product_attributes a WHERE a.product_id = v.id), '')
               FROM products v WHERE v.parent_id = ?1 AND v.id IS NOT ?2",
        )
        .bind(parent_id)
        .bind(except)
        .fetch_all(self.pool())
        .await?)
    }
}

impl WriteTx {
    /// Creates or updates a product, replaces its barcodes and attribute values, records a
    /// stock movement for a changed stock and re-indexes it for search; returns its id.
    pub async fn save_product(&mut self, product: &ProductWrite<'_>) -> StoreResult<i64> {
        let (id, stock_delta, reason) = match product.id {
            None => {
                let stock = product.stock_on_hand.unwrap_or(0);
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO products (sku, name, description, category_id, price_minor, tax_class_id,
                                           stock_tracked, stock_on_hand, weight_grams, shippable, active, kind,
                                           bin_location, parent_id, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)
                     RETURNING id",
                )
                .bind(product.sku)
                .bind(product.name)
                .bind(product.description)
                .bind(product.category_id)
                .bind(product.price_minor)
                .bind(product.tax_class_id)
                .bind(product.stock_tracked)
                .bind(stock)
                .bind(product.weight_grams)
                .bind(product.shippable)
                .bind(product.active)
                .bind(product.kind)
                .bind(product.bin_location)
                .bind(product.parent_id)
                .bind(product.now)
                .fetch_one(self.conn())
                .await?;
                (id, stock, "initial")
            }
            Some(id) => {
                let before: i64 =
                    sqlx::query_scalar("SELECT stock_on_hand FROM products WHERE id = ?1")
                        .bind(id)
                        .fetch_one(self.conn())
                        .await?;
                let stock = product.stock_on_hand.unwrap_or(before);
                sqlx::query(
                    "UPDATE products SET sku = ?2, name = ?3, description = ?4, category_id = ?5, price_minor = ?6,
                            tax_class_id = ?7, stock_tracked = ?8, stock_on_hand = ?9, weight_grams = ?10,
                            shippable = ?11, active = ?12, kind = ?13, bin_location = ?14, parent_id = ?15,
                            updated_at = ?16
                      WHERE id = ?1",
                )
                .bind(id)
                .bind(product.sku)
                .bind(product.name)
                .bind(product.description)
                .bind(product.category_id)
                .bind(product.price_minor)
                .bind(product.tax_class_id)
                .bind(product.stock_tracked)
                .bind(stock)
                .bind(product.weight_grams)
                .bind(product.shippable)
                .bind(product.active)
                .bind(product.kind)
                .bind(product.bin_location)
                .bind(product.parent_id)
                .bind(product.now)
                .execute(self.conn())
                .await?;
                sqlx::query("DELETE FROM product_barcodes WHERE product_id = ?1")
                    .bind(id)
                    .execute(self.conn())
                    .await?;
                sqlx::query("DELETE FROM product_attributes WHERE product_id = ?1")
                    .bind(id)
                    .execute(self.conn())
                    .await?;
                (id, stock - before, "adjustment")
            }
        };
        for barcode in product.barcodes {
            sqlx::query("INSERT INTO product_barcodes (barcode, product_id) VALUES (?1, ?2)")
                .bind(barcode)
                .bind(id)
                .execute(self.conn())
                .await?;
        }
        for (position, (name, value)) in (1_i64..).zip(product.attributes) {
            sqlx::query(
                "INSERT INTO product_attributes (product_id, position, name, value) VALUES (?1, ?2, ?3, ?4)",
            )
            .bind(id)
            .bind(position)
            .bind(name)
            .bind(value)
            .execute(self.conn())
            .await?;
        }
        if stock_delta != 0 {
            sqlx::query(
                "INSERT INTO stock_movements (product_id, order_id, delta, reason, created_at)
                 VALUES (?1, NULL, ?2, ?3, ?4)",
            )
            .bind(id)
            .bind(stock_delta)
            .bind(reason)
            .bind(product.now)
            .execute(self.conn())
            .await?;
        }
        self.reindex_product(id, product.id.is_some()).await?;
        Ok(id)
    }

    /// Switches a product on or off; returns whether it exists.
    pub async fn set_product_active(
        &mut self,
        id: i64,
        active: bool,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let result = sqlx::query("UPDATE products SET active = ?2, updated_at = ?3 WHERE id = ?1")
            .bind(id)
            .bind(active)
            .bind(now)
            .execute(self.conn())
            .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Creates (`id` None) or renames and moves a category; returns its id. A move rebuilds
    /// the tree and re-indexes the products of the moved subtree (their category filter
    /// terms change).
    pub async fn save_category(
        &mut self,
        id: Option<i64>,
        parent_id: Option<i64>,
        name: &str,
    ) -> StoreResult<i64> {
        let Some(id) = id else {
            return self.insert_category(parent_id, name).await;
        };
        let before: Option<i64> =
            sqlx::query_scalar("SELECT parent_id FROM categories WHERE id = ?1")
                .bind(id)
                .fetch_one(self.conn())
                .await?;
        sqlx::query("UPDATE categories SET parent_id = ?2, name = ?3 WHERE id = ?1")
            .bind(id)
            .bind(parent_id)
            .bind(name)
            .execute(self.conn())
            .await?;
        if before != parent_id {
            rebuild_category_tree(self.conn()).await?;
            sqlx::query(
                "DELETE FROM product_search WHERE rowid IN (
                     SELECT p.id FROM products p
                      WHERE p.category_id IN (SELECT category_id FROM category_tree WHERE ancestor_id = ?1))",
            )
            .bind(id)
            .execute(self.conn())
            .await?;
            sqlx::query(index_products_for_search!(
                "WHERE p.category_id IN (SELECT category_id FROM category_tree WHERE ancestor_id = ?1)"
            ))
            .bind(id)
            .execute(self.conn())
            .await?;
        }
        Ok(id)
    }
}

/// A product as the CSV export writes it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ExportRow {
    /// Id (the keyset cursor).
    pub id: i64,
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// The parent's SKU, for a variation.
    pub parent_sku: Option<String>,
    /// Attribute values as `Name=Value;Name=Value`, in order.
    pub attributes: Option<String>,
    /// Category.
    pub category_id: Option<i64>,
    /// Price in minor units.
    pub price_minor: i64,
    /// Tax class code.
    pub tax_class: String,
    /// Barcodes joined with `;`, the main one first.
    pub barcodes: Option<String>,
    /// Stock on hand.
    pub stock_on_hand: i64,
    /// Grams per unit.
    pub weight_grams: Option<i64>,
    /// Shipped rather than virtual.
    pub shippable: bool,
    /// `normal` or `gift_card`.
    pub kind: String,
    /// Switched on.
    pub active: bool,
    /// Bin location.
    pub bin_location: Option<String>,
}

impl Store {
    /// A page of products for the CSV export, by id, after `after_id`: every product, or
    /// those of a category and its subcategories; switched-off ones when asked.
    pub async fn export_products(
        &self,
        after_id: i64,
        category_id: Option<i64>,
        include_inactive: bool,
        limit: i64,
    ) -> StoreResult<Vec<ExportRow>> {
        Ok(sqlx::query_as(
            "SELECT p.id, p.sku, p.name, p.description, q.sku AS parent_sku,
                    (SELECT group_concat(a.name || '=' || a.value, ';' ORDER BY a.position)
                       FROM product_attributes a WHERE a.product_id = p.id) AS attributes,
                    p.category_id, p.price_minor, tc.code AS tax_class,
                    (SELECT group_concat(b.barcode, ';' ORDER BY b.rowid) FROM product_barcodes b
                      WHERE b.product_id = p.id) AS barcodes,
                    p.stock_on_hand, p.weight_grams, p.shippable, p.kind, p.active, p.bin_location
               FROM products p
              CROSS JOIN tax_classes tc ON tc.id = p.tax_class_id
               LEFT JOIN products q ON q.id = p.parent_id
              WHERE p.id > ?1
                AND (?2 IS NULL OR p.category_id IN (SELECT category_id FROM category_tree WHERE ancestor_id = ?2))
                AND (?3 OR p.active = 1)
              ORDER BY p.id LIMIT ?4",
        )
        .bind(after_id)
        .bind(category_id)
        .bind(include_inactive)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }
}
