//! Catalog rows: tax classes and rates, categories, products and their barcodes, stock.

use chrono::{DateTime, Utc};

use crate::{Store, StoreResult, WriteTx};

/// A product as the counter needs it, with the rate of its tax class.
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
    /// Whether the product can be sold.
    pub active: bool,
}

/// The shared product SELECT joined with a tail, as one `&'static str` (sqlx takes only
/// static SQL without an explicit assertion).
macro_rules! product_query {
    ($tail:literal $(,)?) => {
        concat!(
            "
    SELECT p.id, p.sku, p.name, c.name AS category,
           (SELECT b.barcode FROM product_barcodes b WHERE b.product_id = p.id
             ORDER BY b.rowid LIMIT 1) AS barcode,
           p.price_minor, tc.code AS tax_code, r.label AS tax_label, r.percent AS tax_percent,
           p.stock_tracked, p.stock_on_hand, p.active
      FROM products p
      JOIN tax_classes tc ON tc.id = p.tax_class_id
      JOIN tax_rates r ON r.tax_class_id = tc.id AND r.country_code IS NULL
      LEFT JOIN categories c ON c.id = p.category_id ",
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

    /// The active product with this exact barcode.
    pub async fn product_by_barcode(&self, barcode: &str) -> StoreResult<Option<ProductRow>> {
        const SQL: &str = product_query!(
            "WHERE p.id = (SELECT product_id FROM product_barcodes WHERE barcode = ?1) AND p.active = 1"
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

    /// Active products whose name, SKU or barcode starts with `query` (or whose name has a
    /// word starting with it), by name. An empty query lists the first products by name.
    pub async fn search_products(&self, query: &str, limit: i64) -> StoreResult<Vec<ProductRow>> {
        const SQL: &str = product_query!(
            "WHERE p.active = 1 AND (?1 = ''
                OR p.name LIKE ?1 || '%' ESCAPE '\\' OR p.name LIKE '% ' || ?1 || '%' ESCAPE '\\'
                OR p.sku LIKE ?1 || '%' ESCAPE '\\'
                OR p.id IN (SELECT product_id FROM product_barcodes WHERE barcode LIKE ?1 || '%' ESCAPE '\\'))
             ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?2",
        );
        let escaped = crate::escape_like(query);
        Ok(sqlx::query_as(SQL)
            .bind(escaped)
            .bind(limit)
            .fetch_all(self.pool())
            .await?)
    }
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
        Ok(sqlx::query_scalar(
            "INSERT INTO categories (parent_id, name) VALUES (?1, ?2) RETURNING id",
        )
        .bind(parent_id)
        .bind(name)
        .fetch_one(self.conn())
        .await?)
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
        Ok(id)
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
