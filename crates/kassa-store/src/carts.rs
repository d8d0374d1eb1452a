//! Carts and their lines. A cart is stored from its first item and survives restarts.

use chrono::{DateTime, Utc};
use sqlx::SqliteExecutor;

use crate::{Store, StoreResult, WriteTx};

/// A stored cart.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CartRow {
    /// Row id.
    pub id: i64,
    /// The register that rings it up.
    pub register_code: String,
    /// Customer, if attached.
    pub customer_id: Option<i64>,
    /// `open`, `parked` or `ordered`.
    pub status: String,
    /// What the clerk called it when parking it (may be empty).
    pub name: String,
    /// When the first item was added.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// A cart line with the product's current price, tax rate and stock.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CartLineRow {
    /// Line id.
    pub id: i64,
    /// Product id.
    pub product_id: i64,
    /// Product SKU.
    pub sku: String,
    /// Product name.
    pub name: String,
    /// Units.
    pub quantity: i64,
    /// Current unit price in minor units.
    pub unit_price_minor: i64,
    /// Tax rate code.
    pub tax_code: String,
    /// Tax rate label.
    pub tax_label: String,
    /// Tax rate in percent (canonical decimal text).
    pub tax_percent: String,
    /// Whether stock is counted.
    pub stock_tracked: bool,
    /// Units on hand now.
    pub stock_on_hand: i64,
    /// The product's category.
    pub category_id: Option<i64>,
    /// Weight of one unit, for shipping.
    pub weight_grams: Option<i64>,
    /// Whether it is delivered (false: virtual, e.g. a gift card or a service).
    pub shippable: bool,
    /// `normal` or `gift_card`.
    pub kind: String,
    /// Still for sale (the product and, for a variation, its parent are switched on).
    pub active: bool,
}

async fn cart_by_id(
    executor: impl SqliteExecutor<'_>,
    cart_id: i64,
) -> StoreResult<Option<CartRow>> {
    Ok(sqlx::query_as(
        "SELECT id, register_code, customer_id, status, name, created_at, updated_at FROM carts WHERE id = ?1",
    )
    .bind(cart_id)
    .fetch_optional(executor)
    .await?)
}

/// The lines with the tax rate for the destination country: the class's rate for that
/// country when there is one, else its default rate (`country_code IS NULL`).
async fn lines_of_cart(
    executor: impl SqliteExecutor<'_>,
    cart_id: i64,
    country: Option<&str>,
) -> StoreResult<Vec<CartLineRow>> {
    Ok(sqlx::query_as(
        "SELECT l.id, l.product_id, p.sku, p.name, l.quantity, p.price_minor AS unit_price_minor,
                tc.code AS tax_code, r.label AS tax_label, r.percent AS tax_percent,
                p.stock_tracked, p.stock_on_hand, p.category_id, p.weight_grams, p.shippable, p.kind,
                p.active AND COALESCE((SELECT q.active FROM products q WHERE q.id = p.parent_id), 1) AS active
           FROM cart_lines l
           JOIN products p ON p.id = l.product_id
           JOIN tax_classes tc ON tc.id = p.tax_class_id
           JOIN tax_rates r ON r.id = (SELECT t.id FROM tax_rates t
                                        WHERE t.tax_class_id = tc.id AND (t.country_code = ?2 OR t.country_code IS NULL)
                                        ORDER BY t.country_code IS NULL LIMIT 1)
          WHERE l.cart_id = ?1
          ORDER BY l.id",
    )
    .bind(cart_id)
    .bind(country)
    .fetch_all(executor)
    .await?)
}

async fn open_cart_of(
    executor: impl SqliteExecutor<'_>,
    register_code: &str,
) -> StoreResult<Option<CartRow>> {
    Ok(sqlx::query_as(
        "SELECT id, register_code, customer_id, status, name, created_at, updated_at FROM carts
          WHERE register_code = ?1 AND status = 'open' ORDER BY updated_at DESC, id DESC LIMIT 1",
    )
    .bind(register_code)
    .fetch_optional(executor)
    .await?)
}

impl Store {
    /// The register's open cart, if it has one.
    pub async fn open_cart(&self, register_code: &str) -> StoreResult<Option<CartRow>> {
        open_cart_of(self.pool(), register_code).await
    }

    /// A cart by id.
    pub async fn cart(&self, cart_id: i64) -> StoreResult<Option<CartRow>> {
        cart_by_id(self.pool(), cart_id).await
    }

    /// A cart's lines in the order they were added, taxed for the destination country
    /// (`None`: the store's own rates).
    pub async fn cart_lines(
        &self,
        cart_id: i64,
        country: Option<&str>,
    ) -> StoreResult<Vec<CartLineRow>> {
        lines_of_cart(self.pool(), cart_id, country).await
    }
}

impl WriteTx {
    /// The register's open cart, read inside the transaction.
    pub async fn open_cart(&mut self, register_code: &str) -> StoreResult<Option<CartRow>> {
        open_cart_of(self.conn(), register_code).await
    }

    /// A cart by id, read inside the transaction.
    pub async fn cart(&mut self, cart_id: i64) -> StoreResult<Option<CartRow>> {
        cart_by_id(self.conn(), cart_id).await
    }

    /// A cart's lines, read inside the transaction.
    pub async fn cart_lines(
        &mut self,
        cart_id: i64,
        country: Option<&str>,
    ) -> StoreResult<Vec<CartLineRow>> {
        lines_of_cart(self.conn(), cart_id, country).await
    }

    /// Creates an open cart for a register; returns its id.
    pub async fn create_cart(
        &mut self,
        register_code: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO carts (register_code, status, created_at, updated_at) VALUES (?1, 'open', ?2, ?2) RETURNING id",
        )
        .bind(register_code)
        .bind(now)
        .fetch_one(self.conn())
        .await?)
    }

    /// Adds units of a product to a cart, merging with an existing line.
    pub async fn add_cart_item(
        &mut self,
        cart_id: i64,
        product_id: i64,
        quantity: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO cart_lines (cart_id, product_id, quantity, added_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = quantity + excluded.quantity",
        )
        .bind(cart_id)
        .bind(product_id)
        .bind(quantity)
        .bind(now)
        .execute(self.conn())
        .await?;
        self.touch_cart(cart_id, now).await
    }

    /// Sets a line's quantity; returns false when the line is not in that cart.
    pub async fn set_cart_line_quantity(
        &mut self,
        cart_id: i64,
        line_id: i64,
        quantity: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let done =
            sqlx::query("UPDATE cart_lines SET quantity = ?3 WHERE id = ?2 AND cart_id = ?1")
                .bind(cart_id)
                .bind(line_id)
                .bind(quantity)
                .execute(self.conn())
                .await?;
        self.touch_cart(cart_id, now).await?;
        Ok(done.rows_affected() == 1)
    }

    /// Removes a line; returns false when the line is not in that cart.
    pub async fn remove_cart_line(
        &mut self,
        cart_id: i64,
        line_id: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM cart_lines WHERE id = ?2 AND cart_id = ?1")
            .bind(cart_id)
            .bind(line_id)
            .execute(self.conn())
            .await?;
        self.touch_cart(cart_id, now).await?;
        Ok(done.rows_affected() == 1)
    }

    /// Marks a cart as having become an order.
    pub async fn mark_cart_ordered(&mut self, cart_id: i64, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query("UPDATE carts SET status = 'ordered', updated_at = ?2 WHERE id = ?1")
            .bind(cart_id)
            .bind(now)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    async fn touch_cart(&mut self, cart_id: i64, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query("UPDATE carts SET updated_at = ?2 WHERE id = ?1")
            .bind(cart_id)
            .bind(now)
            .execute(self.conn())
            .await?;
        Ok(())
    }
}
