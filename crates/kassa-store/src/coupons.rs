//! Coupons (cart rules), the coupons entered on carts and how often each was used.

use chrono::{DateTime, Utc};
use sqlx::SqliteExecutor;

use crate::{Store, StoreResult, WriteTx};

/// A stored coupon.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CouponRow {
    /// Id.
    pub id: i64,
    /// Code as the owner wrote it (matched without regard to case).
    pub code: String,
    /// What it is for.
    pub description: String,
    /// `percent`, `fixed` or `none` (free shipping only).
    pub kind: String,
    /// Percent text for `percent`.
    pub percent: Option<String>,
    /// Amount for `fixed` (store's price mode).
    pub amount_minor: Option<i64>,
    /// `cart`, `products` or `categories`.
    pub scope: String,
    /// Makes shipping free.
    pub free_shipping: bool,
    /// Smallest subtotal it applies to.
    pub minimum_subtotal_minor: i64,
    /// First moment it is valid.
    pub valid_from: Option<DateTime<Utc>>,
    /// Last moment it is valid.
    pub valid_to: Option<DateTime<Utc>>,
    /// Uses over all customers.
    pub usage_limit: Option<i64>,
    /// Uses per customer.
    pub per_customer_limit: Option<i64>,
    /// Only this customer.
    pub customer_id: Option<i64>,
    /// Only this customer group.
    pub customer_group: Option<String>,
    /// Can be used with other coupons.
    pub combinable: bool,
    /// Enabled.
    pub active: bool,
}

/// A coupon to create or update (by code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouponWrite<'a> {
    /// The row's fields; `id` is ignored.
    pub coupon: &'a CouponRow,
    /// Product or category ids for the `products` / `categories` scopes.
    pub targets: &'a [i64],
}

/// `SELECT` of a [`CouponRow`] from `coupons` (its column names are unambiguous when
/// joined with `cart_coupons`).
macro_rules! select_coupons {
    ($tail:literal) => {
        concat!(
            "SELECT id, code, description, kind, percent, amount_minor, scope, free_shipping,
                    minimum_subtotal_minor, valid_from, valid_to, usage_limit, per_customer_limit,
                    customer_id, customer_group, combinable, active FROM coupons ",
            $tail
        )
    };
}

async fn coupon_by_code(
    executor: impl SqliteExecutor<'_>,
    code: &str,
) -> StoreResult<Option<CouponRow>> {
    Ok(sqlx::query_as(select_coupons!("WHERE code = ?1"))
        .bind(code)
        .fetch_optional(executor)
        .await?)
}

async fn coupons_of_cart(
    executor: impl SqliteExecutor<'_>,
    cart_id: i64,
) -> StoreResult<Vec<CouponRow>> {
    Ok(sqlx::query_as(select_coupons!(
        "JOIN cart_coupons ON cart_coupons.coupon_id = coupons.id
          WHERE cart_coupons.cart_id = ?1 ORDER BY cart_coupons.position"
    ))
    .bind(cart_id)
    .fetch_all(executor)
    .await?)
}

async fn targets_of(executor: impl SqliteExecutor<'_>, coupon_id: i64) -> StoreResult<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT target_id FROM coupon_targets WHERE coupon_id = ?1 ORDER BY target_id",
    )
    .bind(coupon_id)
    .fetch_all(executor)
    .await?)
}

async fn usage_of(
    executor: impl SqliteExecutor<'_>,
    coupon_id: i64,
    customer_id: Option<i64>,
) -> StoreResult<(i64, i64)> {
    Ok(sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(customer_id IS ?2 AND ?2 IS NOT NULL), 0)
           FROM order_discounts WHERE coupon_id = ?1",
    )
    .bind(coupon_id)
    .bind(customer_id)
    .fetch_one(executor)
    .await?)
}

async fn ancestors_of(
    executor: impl SqliteExecutor<'_>,
    category_id: i64,
) -> StoreResult<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "WITH RECURSIVE up (id, parent_id) AS (
             SELECT id, parent_id FROM categories WHERE id = ?1
             UNION ALL
             SELECT c.id, c.parent_id FROM categories c JOIN up ON c.id = up.parent_id)
         SELECT id FROM up",
    )
    .bind(category_id)
    .fetch_all(executor)
    .await?)
}

impl Store {
    /// A coupon by code (any case).
    pub async fn coupon_by_code(&self, code: &str) -> StoreResult<Option<CouponRow>> {
        coupon_by_code(self.pool(), code).await
    }

    /// The coupons entered on a cart, in the order they were entered.
    pub async fn cart_coupons(&self, cart_id: i64) -> StoreResult<Vec<CouponRow>> {
        coupons_of_cart(self.pool(), cart_id).await
    }

    /// The product or category ids a coupon is limited to.
    pub async fn coupon_targets(&self, coupon_id: i64) -> StoreResult<Vec<i64>> {
        targets_of(self.pool(), coupon_id).await
    }

    /// How often a coupon was used: by everyone, and by this customer.
    pub async fn coupon_usage(
        &self,
        coupon_id: i64,
        customer_id: Option<i64>,
    ) -> StoreResult<(i64, i64)> {
        usage_of(self.pool(), coupon_id, customer_id).await
    }

    /// A category and all its ancestors, nearest first.
    pub async fn category_with_ancestors(&self, category_id: i64) -> StoreResult<Vec<i64>> {
        ancestors_of(self.pool(), category_id).await
    }

    /// Every coupon, newest first.
    pub async fn list_coupons(&self) -> StoreResult<Vec<CouponRow>> {
        Ok(sqlx::query_as(select_coupons!("ORDER BY id DESC"))
            .fetch_all(self.pool())
            .await?)
    }
}

impl WriteTx {
    /// A coupon by code, inside the transaction.
    pub async fn coupon_by_code(&mut self, code: &str) -> StoreResult<Option<CouponRow>> {
        coupon_by_code(self.conn(), code).await
    }

    /// The coupons on a cart, inside the transaction.
    pub async fn cart_coupons(&mut self, cart_id: i64) -> StoreResult<Vec<CouponRow>> {
        coupons_of_cart(self.conn(), cart_id).await
    }

    /// A coupon's targets, inside the transaction.
    pub async fn coupon_targets(&mut self, coupon_id: i64) -> StoreResult<Vec<i64>> {
        targets_of(self.conn(), coupon_id).await
    }

    /// A coupon's usage, inside the transaction (under the write lock, so the count is
    /// the one the order will be checked against).
    pub async fn coupon_usage(
        &mut self,
        coupon_id: i64,
        customer_id: Option<i64>,
    ) -> StoreResult<(i64, i64)> {
        usage_of(self.conn(), coupon_id, customer_id).await
    }

    /// A category and its ancestors, inside the transaction.
    pub async fn category_with_ancestors(&mut self, category_id: i64) -> StoreResult<Vec<i64>> {
        ancestors_of(self.conn(), category_id).await
    }

    /// Enters a coupon on a cart (once).
    pub async fn add_cart_coupon(
        &mut self,
        cart_id: i64,
        coupon_id: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO cart_coupons (cart_id, coupon_id, position, added_at)
             SELECT ?1, ?2, COALESCE(MAX(position), 0) + 1, ?3 FROM cart_coupons WHERE cart_id = ?1
             ON CONFLICT (cart_id, coupon_id) DO NOTHING",
        )
        .bind(cart_id)
        .bind(coupon_id)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Takes a coupon off a cart; returns false when it was not on it.
    pub async fn remove_cart_coupon(&mut self, cart_id: i64, coupon_id: i64) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM cart_coupons WHERE cart_id = ?1 AND coupon_id = ?2")
            .bind(cart_id)
            .bind(coupon_id)
            .execute(self.conn())
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Creates a coupon, or updates the one with the same code; replaces its targets.
    /// Returns the id.
    pub async fn save_coupon(
        &mut self,
        write: &CouponWrite<'_>,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        let c = write.coupon;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO coupons (code, description, kind, percent, amount_minor, scope, free_shipping,
                                  minimum_subtotal_minor, valid_from, valid_to, usage_limit, per_customer_limit,
                                  customer_id, customer_group, combinable, active, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
             ON CONFLICT (code) DO UPDATE SET
                 description = excluded.description, kind = excluded.kind, percent = excluded.percent,
                 amount_minor = excluded.amount_minor, scope = excluded.scope,
                 free_shipping = excluded.free_shipping, minimum_subtotal_minor = excluded.minimum_subtotal_minor,
                 valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                 usage_limit = excluded.usage_limit, per_customer_limit = excluded.per_customer_limit,
                 customer_id = excluded.customer_id, customer_group = excluded.customer_group,
                 combinable = excluded.combinable, active = excluded.active
             RETURNING id",
        )
        .bind(&c.code)
        .bind(&c.description)
        .bind(&c.kind)
        .bind(&c.percent)
        .bind(c.amount_minor)
        .bind(&c.scope)
        .bind(c.free_shipping)
        .bind(c.minimum_subtotal_minor)
        .bind(c.valid_from)
        .bind(c.valid_to)
        .bind(c.usage_limit)
        .bind(c.per_customer_limit)
        .bind(c.customer_id)
        .bind(&c.customer_group)
        .bind(c.combinable)
        .bind(c.active)
        .bind(now)
        .fetch_one(self.conn())
        .await?;
        sqlx::query("DELETE FROM coupon_targets WHERE coupon_id = ?1")
            .bind(id)
            .execute(self.conn())
            .await?;
        for target in write.targets {
            sqlx::query(
                "INSERT INTO coupon_targets (coupon_id, target_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            )
            .bind(id)
            .bind(target)
            .execute(self.conn())
            .await?;
        }
        Ok(id)
    }
}
