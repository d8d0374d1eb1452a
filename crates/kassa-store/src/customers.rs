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
    /// `guest` or `account`.
    pub kind: String,
    /// Group, e.g. `retail`, `wholesale`.
    pub customer_group: String,
    /// Newsletter opt-in.
    pub newsletter: bool,
    /// Store credit.
    pub store_credit_minor: i64,
}

/// A customer to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCustomer<'a> {
    /// `guest` or `account`.
    pub kind: &'a str,
    /// Name.
    pub name: &'a str,
    /// E-mail.
    pub email: Option<&'a str>,
    /// Phone.
    pub phone: Option<&'a str>,
    /// Group.
    pub customer_group: &'a str,
    /// Newsletter opt-in.
    pub newsletter: bool,
}

/// The customer fields staff edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerUpdate<'a> {
    /// Name.
    pub name: &'a str,
    /// E-mail.
    pub email: Option<&'a str>,
    /// Phone.
    pub phone: Option<&'a str>,
    /// Group.
    pub customer_group: &'a str,
    /// Newsletter opt-in.
    pub newsletter: bool,
    /// Notes.
    pub notes: &'a str,
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AddressRow {
    /// Id (ignored when inserting).
    pub id: i64,
    /// Addressee.
    pub name: String,
    /// Street and number.
    pub line1: String,
    /// More.
    pub line2: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// ISO country code.
    pub country_code: String,
    /// Default for shipping.
    pub is_default_shipping: bool,
    /// Default for invoices.
    pub is_default_invoice: bool,
}

macro_rules! select_customers {
    ($tail:literal) => {
        concat!(
            "SELECT id, name, email, phone, kind, customer_group, newsletter, store_credit_minor FROM customers ",
            $tail
        )
    };
}

async fn customer_by_id(
    executor: impl SqliteExecutor<'_>,
    id: i64,
) -> StoreResult<Option<CustomerRow>> {
    Ok(sqlx::query_as(select_customers!("WHERE id = ?1"))
        .bind(id)
        .fetch_optional(executor)
        .await?)
}

impl Store {
    /// Customers whose name, e-mail or phone starts with the query (or whose name has a
    /// word starting with it).
    pub async fn search_customers(&self, query: &str, limit: i64) -> StoreResult<Vec<CustomerRow>> {
        let escaped = crate::escape_like(query);
        Ok(sqlx::query_as(select_customers!(
            "WHERE name LIKE ?1 || '%' ESCAPE '\\' OR name LIKE '% ' || ?1 || '%' ESCAPE '\\'
                 OR email LIKE ?1 || '%' ESCAPE '\\' OR phone LIKE ?1 || '%' ESCAPE '\\'
              ORDER BY name COLLATE NOCASE, id LIMIT ?2"
        ))
        .bind(escaped)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// A customer by id.
    pub async fn customer(&self, id: i64) -> StoreResult<Option<CustomerRow>> {
        customer_by_id(self.pool(), id).await
    }

    /// A customer's addresses, defaults first.
    pub async fn customer_addresses(&self, customer_id: i64) -> StoreResult<Vec<AddressRow>> {
        Ok(sqlx::query_as(
            "SELECT id, name, line1, line2, postal_code, city, country_code, is_default_shipping, is_default_invoice
               FROM customer_addresses WHERE customer_id = ?1
              ORDER BY is_default_shipping DESC, is_default_invoice DESC, id",
        )
        .bind(customer_id)
        .fetch_all(self.pool())
        .await?)
    }
}

impl WriteTx {
    /// A customer by id, read inside the transaction.
    pub async fn customer(&mut self, id: i64) -> StoreResult<Option<CustomerRow>> {
        customer_by_id(self.conn(), id).await
    }

    /// Creates a customer; returns the id.
    pub async fn create_customer(
        &mut self,
        customer: &NewCustomer<'_>,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO customers (kind, name, email, phone, customer_group, newsletter, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
        )
        .bind(customer.kind)
        .bind(customer.name)
        .bind(customer.email)
        .bind(customer.phone)
        .bind(customer.customer_group)
        .bind(customer.newsletter)
        .bind(now)
        .fetch_one(self.conn())
        .await?)
    }

    /// Sets a customer's newsletter opt-in.
    pub async fn set_newsletter(&mut self, customer_id: i64, newsletter: bool) -> StoreResult<()> {
        sqlx::query("UPDATE customers SET newsletter = ?2 WHERE id = ?1")
            .bind(customer_id)
            .bind(newsletter)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Adds an address to a customer; a new default replaces the old default. Returns
    /// the id.
    pub async fn add_customer_address(
        &mut self,
        customer_id: i64,
        address: &AddressRow,
    ) -> StoreResult<i64> {
        self.clear_address_defaults(customer_id, address).await?;
        Ok(sqlx::query_scalar(
            "INSERT INTO customer_addresses (customer_id, name, line1, line2, postal_code, city, country_code,
                                             is_default_shipping, is_default_invoice)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
        )
        .bind(customer_id)
        .bind(&address.name)
        .bind(&address.line1)
        .bind(&address.line2)
        .bind(&address.postal_code)
        .bind(&address.city)
        .bind(&address.country_code)
        .bind(address.is_default_shipping)
        .bind(address.is_default_invoice)
        .fetch_one(self.conn())
        .await?)
    }

    /// A new default address replaces the customer's old default (for shipping, for
    /// invoices, or both).
    async fn clear_address_defaults(
        &mut self,
        customer_id: i64,
        address: &AddressRow,
    ) -> StoreResult<()> {
        if address.is_default_shipping {
            sqlx::query(
                "UPDATE customer_addresses SET is_default_shipping = 0 WHERE customer_id = ?1",
            )
            .bind(customer_id)
            .execute(self.conn())
            .await?;
        }
        if address.is_default_invoice {
            sqlx::query(
                "UPDATE customer_addresses SET is_default_invoice = 0 WHERE customer_id = ?1",
            )
            .bind(customer_id)
            .execute(self.conn())
            .await?;
        }
        Ok(())
    }

    /// Updates the fields staff edit on a customer; returns false when there is no such
    /// customer.
    pub async fn update_customer(
        &mut self,
        id: i64,
        update: &CustomerUpdate<'_>,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE customers SET name = ?2, email = ?3, phone = ?4, customer_group = ?5, newsletter = ?6,
                    notes = ?7 WHERE id = ?1",
        )
        .bind(id)
        .bind(update.name)
        .bind(update.email)
        .bind(update.phone)
        .bind(update.customer_group)
        .bind(update.newsletter)
        .bind(update.notes)
        .execute(self.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Replaces one of a customer's addresses; a new default replaces the old default.
    /// Returns false when the address is not the customer's.
    pub async fn replace_customer_address(
        &mut self,
        customer_id: i64,
        address: &AddressRow,
    ) -> StoreResult<bool> {
        self.clear_address_defaults(customer_id, address).await?;
        let done = sqlx::query(
            "UPDATE customer_addresses SET name = ?3, line1 = ?4, line2 = ?5, postal_code = ?6, city = ?7,
                    country_code = ?8, is_default_shipping = ?9, is_default_invoice = ?10
              WHERE id = ?2 AND customer_id = ?1",
        )
        .bind(customer_id)
        .bind(address.id)
        .bind(&address.name)
        .bind(&address.line1)
        .bind(&address.line2)
        .bind(&address.postal_code)
        .bind(&address.city)
        .bind(&address.country_code)
        .bind(address.is_default_shipping)
        .bind(address.is_default_invoice)
        .execute(self.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Deletes one of a customer's addresses; returns false when it is not theirs.
    pub async fn delete_customer_address(
        &mut self,
        customer_id: i64,
        address_id: i64,
    ) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM customer_addresses WHERE id = ?2 AND customer_id = ?1")
            .bind(customer_id)
            .bind(address_id)
            .execute(self.conn())
            .await?;
        Ok(done.rows_affected() == 1)
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
