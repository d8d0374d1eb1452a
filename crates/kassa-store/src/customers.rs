//! Customers. The foundation only creates them (demo data); the customer issue adds the rest.

use chrono::{DateTime, Utc};

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
