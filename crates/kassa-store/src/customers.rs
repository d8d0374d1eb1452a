//! Customers. The foundation only creates them (demo data); the customer issue adds the rest.

use chrono::{DateTime, Utc};
use sqlx::SqliteExecutor;

use crate::{Store, StoreResult, WriteTx};

impl Store {
    /// Number of customers.
    pub async fn count_customers(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM customers")
            .fetch_one(self.pool())
            .await?)
    }
}

impl WriteTx {
    /// Creates an account customer; returns the id.
    pub async fn insert_customer(
        &mut self,
        name: &str,
        email: Option<&str>,
        phone: Option<&str>,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO customers (kind, name, email, phone, created_at) VALUES ('account', ?1, ?2, ?3, ?4) RETURNING id",
        )
        .bind(name)
        .bind(email)
        .bind(phone)
        .bind(now)
        .fetch_one(self.conn())
        .await?)
    }
}

/// A customer in search results.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CustomerRow {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
}

async fn customer_by_id(
    executor: impl SqliteExecutor<'_>,
    id: i64,
) -> StoreResult<Option<CustomerRow>> {
    Ok(
        sqlx::query_as("SELECT id, name, email, phone FROM customers WHERE id = ?1")
            .bind(id)
            .fetch_optional(executor)
            .await?,
    )
}

impl Store {
    /// Customers whose name, e-mail or phone starts with the query (or whose name has a
    /// word starting with it).
    pub async fn search_customers(&self, query: &str, limit: i64) -> StoreResult<Vec<CustomerRow>> {
        let escaped = crate::escape_like(query);
        Ok(sqlx::query_as(
            "SELECT id, name, email, phone FROM customers
              WHERE name LIKE ?1 || '%' ESCAPE '\\' OR name LIKE '% ' || ?1 || '%' ESCAPE '\\'
                 OR email LIKE ?1 || '%' ESCAPE '\\' OR phone LIKE ?1 || '%' ESCAPE '\\'
              ORDER BY name COLLATE NOCASE, id LIMIT ?2",
        )
        .bind(escaped)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// A customer by id.
    pub async fn customer(&self, id: i64) -> StoreResult<Option<CustomerRow>> {
        customer_by_id(self.pool(), id).await
    }
}

impl WriteTx {
    /// A customer by id, read inside the transaction.
    pub async fn customer(&mut self, id: i64) -> StoreResult<Option<CustomerRow>> {
        customer_by_id(self.conn(), id).await
    }

    /// Attaches a customer to a cart.
    pub async fn set_cart_customer(&mut self, cart_id: i64, customer_id: i64) -> StoreResult<()> {
        sqlx::query("UPDATE carts SET customer_id = ?2 WHERE id = ?1")
            .bind(cart_id)
            .bind(customer_id)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Sets who referred a customer.
    pub async fn set_referrer(&mut self, customer_id: i64, referrer_id: i64) -> StoreResult<()> {
        sqlx::query("UPDATE customers SET referred_by = ?2 WHERE id = ?1")
            .bind(customer_id)
            .bind(referrer_id)
            .execute(self.conn())
            .await?;
        Ok(())
    }
}
