//! Carriers with their price ranges, and payment methods with their initial statuses and
//! restrictions. Restriction lists are comma-separated codes; '' means no restriction.

use sqlx::SqliteExecutor;

use crate::{Store, StoreResult, WriteTx};

/// A carrier.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CarrierRow {
    /// Id.
    pub id: i64,
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Enabled.
    pub active: bool,
    /// In-store pickup.
    pub is_pickup: bool,
    /// `weight` or `price`.
    pub basis: String,
    /// Comma-separated ISO country codes ('' = everywhere).
    pub countries: String,
    /// Comma-separated customer groups ('' = all).
    pub customer_groups: String,
    /// Free at or above this items total.
    pub free_over_minor: Option<i64>,
    /// Tax class of the shipping price.
    pub tax_class_id: Option<i64>,
    /// Display order.
    pub position: i64,
}

/// One price range of a carrier: from (inclusive) to (exclusive, `None`: no end), in grams
/// or minor units by the carrier's basis.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CarrierRangeRow {
    /// Carrier id.
    pub carrier_id: i64,
    /// From.
    pub from_value: i64,
    /// To.
    pub to_value: Option<i64>,
    /// Price.
    pub price_minor: i64,
}

/// The tax rate a carrier's price is taxed at (the class's default rate).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CarrierTaxRow {
    /// Tax class code.
    pub code: String,
    /// Label.
    pub label: String,
    /// Percent text.
    pub percent: String,
}

/// A payment method.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PaymentMethodRow {
    /// Code.
    pub code: String,
    /// Label.
    pub label: String,
    /// Enabled.
    pub active: bool,
    /// The status an order paid (or to be paid) this way starts in.
    pub initial_status: String,
    /// Comma-separated currency codes.
    pub currencies: String,
    /// Comma-separated country codes.
    pub countries: String,
    /// Comma-separated customer groups.
    pub customer_groups: String,
    /// Comma-separated carrier codes.
    pub carriers: String,
    /// Display order.
    pub position: i64,
    /// Whether the initial status is a paid one: the money is taken when the order is
    /// placed (read only; follows `initial_status`).
    pub pays_now: bool,
}

async fn carriers(executor: impl SqliteExecutor<'_>) -> StoreResult<Vec<CarrierRow>> {
    Ok(sqlx::query_as(
        "SELECT id, code, name, active, is_pickup, basis, countries, customer_groups, free_over_minor,
                tax_class_id, position
           FROM carriers ORDER BY position, id",
    )
    .fetch_all(executor)
    .await?)
}

async fn ranges(executor: impl SqliteExecutor<'_>) -> StoreResult<Vec<CarrierRangeRow>> {
    Ok(sqlx::query_as(
        "SELECT carrier_id, from_value, to_value, price_minor FROM carrier_ranges ORDER BY carrier_id, from_value",
    )
    .fetch_all(executor)
    .await?)
}

async fn carrier_tax(
    executor: impl SqliteExecutor<'_>,
    tax_class_id: i64,
    country: Option<&str>,
) -> StoreResult<Option<CarrierTaxRow>> {
    Ok(sqlx::query_as(
        "SELECT tc.code, r.label, r.percent FROM tax_classes tc
           JOIN tax_rates r ON r.tax_class_id = tc.id AND (r.country_code = ?2 OR r.country_code IS NULL)
          WHERE tc.id = ?1 ORDER BY r.country_code IS NULL LIMIT 1",
    )
    .bind(tax_class_id)
    .bind(country)
    .fetch_optional(executor)
    .await?)
}

async fn payment_methods(executor: impl SqliteExecutor<'_>) -> StoreResult<Vec<PaymentMethodRow>> {
    Ok(sqlx::query_as(
        "SELECT m.code, m.label, m.active, m.initial_status, m.currencies, m.countries, m.customer_groups,
                m.carriers, m.position, COALESCE(s.paid, 0) AS pays_now
           FROM payment_methods m LEFT JOIN order_statuses s ON s.code = m.initial_status
          ORDER BY m.position, m.code",
    )
    .fetch_all(executor)
    .await?)
}

impl Store {
    /// Every carrier, in display order.
    pub async fn carriers(&self) -> StoreResult<Vec<CarrierRow>> {
        carriers(self.pool()).await
    }

    /// Every carrier's ranges, by carrier and start.
    pub async fn carrier_ranges(&self) -> StoreResult<Vec<CarrierRangeRow>> {
        ranges(self.pool()).await
    }

    /// The rate of a tax class for a destination.
    pub async fn carrier_tax(
        &self,
        tax_class_id: i64,
        country: Option<&str>,
    ) -> StoreResult<Option<CarrierTaxRow>> {
        carrier_tax(self.pool(), tax_class_id, country).await
    }

    /// Every payment method, in display order.
    pub async fn payment_methods(&self) -> StoreResult<Vec<PaymentMethodRow>> {
        payment_methods(self.pool()).await
    }
}

impl WriteTx {
    /// Every carrier, inside the transaction.
    pub async fn carriers(&mut self) -> StoreResult<Vec<CarrierRow>> {
        carriers(self.conn()).await
    }

    /// Every carrier's ranges, inside the transaction.
    pub async fn carrier_ranges(&mut self) -> StoreResult<Vec<CarrierRangeRow>> {
        ranges(self.conn()).await
    }

    /// The rate of a tax class for a destination, inside the transaction.
    pub async fn carrier_tax(
        &mut self,
        tax_class_id: i64,
        country: Option<&str>,
    ) -> StoreResult<Option<CarrierTaxRow>> {
        carrier_tax(self.conn(), tax_class_id, country).await
    }

    /// Every payment method, inside the transaction.
    pub async fn payment_methods(&mut self) -> StoreResult<Vec<PaymentMethodRow>> {
        payment_methods(self.conn()).await
    }

    /// Creates or updates (by code) a carrier and replaces its ranges; returns its id.
    pub async fn save_carrier(
        &mut self,
        carrier: &CarrierRow,
        carrier_ranges: &[CarrierRangeRow],
    ) -> StoreResult<i64> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO carriers (code, name, active, is_pickup, basis, countries, customer_groups,
                                   free_over_minor, tax_class_id, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (code) DO UPDATE SET
                 name = excluded.name, active = excluded.active, is_pickup = excluded.is_pickup,
                 basis = excluded.basis, countries = excluded.countries,
                 customer_groups = excluded.customer_groups, free_over_minor = excluded.free_over_minor,
                 tax_class_id = excluded.tax_class_id, position = excluded.position
             RETURNING id",
        )
        .bind(&carrier.code)
        .bind(&carrier.name)
        .bind(carrier.active)
        .bind(carrier.is_pickup)
        .bind(&carrier.basis)
        .bind(&carrier.countries)
        .bind(&carrier.customer_groups)
        .bind(carrier.free_over_minor)
        .bind(carrier.tax_class_id)
        .bind(carrier.position)
        .fetch_one(self.conn())
        .await?;
        sqlx::query("DELETE FROM carrier_ranges WHERE carrier_id = ?1")
            .bind(id)
            .execute(self.conn())
            .await?;
        for range in carrier_ranges {
            sqlx::query(
                "INSERT INTO carrier_ranges (carrier_id, from_value, to_value, price_minor) VALUES (?1, ?2, ?3, ?4)",
            )
            .bind(id)
            .bind(range.from_value)
            .bind(range.to_value)
            .bind(range.price_minor)
            .execute(self.conn())
            .await?;
        }
        Ok(id)
    }

    /// Updates a payment method (by code); returns false when there is no such method.
    pub async fn save_payment_method(&mut self, method: &PaymentMethodRow) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE payment_methods SET label = ?2, active = ?3, initial_status = ?4, currencies = ?5,
                    countries = ?6, customer_groups = ?7, carriers = ?8, position = ?9
              WHERE code = ?1",
        )
        .bind(&method.code)
        .bind(&method.label)
        .bind(method.active)
        .bind(&method.initial_status)
        .bind(&method.currencies)
        .bind(&method.countries)
        .bind(&method.customer_groups)
        .bind(&method.carriers)
        .bind(method.position)
        .execute(self.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

/// A tax rate with its class.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TaxRateRow {
    /// Class code.
    pub class_code: String,
    /// Destination country; `None`: the default rate.
    pub country_code: Option<String>,
    /// Label.
    pub label: String,
    /// Percent text.
    pub percent: String,
}

impl Store {
    /// Every tax rate, by class and country (default first).
    pub async fn tax_rates(&self) -> StoreResult<Vec<TaxRateRow>> {
        Ok(sqlx::query_as(
            "SELECT c.code AS class_code, r.country_code, r.label, r.percent
               FROM tax_rates r JOIN tax_classes c ON c.id = r.tax_class_id
              ORDER BY c.code, r.country_code IS NOT NULL, r.country_code",
        )
        .fetch_all(self.pool())
        .await?)
    }

    /// Every tax class: id and code.
    pub async fn tax_classes(&self) -> StoreResult<Vec<(i64, String)>> {
        Ok(
            sqlx::query_as("SELECT id, code FROM tax_classes ORDER BY code")
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// A tax class's id by code.
    pub async fn tax_class_id(&self, code: &str) -> StoreResult<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT id FROM tax_classes WHERE code = ?1")
                .bind(code)
                .fetch_optional(self.pool())
                .await?,
        )
    }
}

impl WriteTx {
    /// Creates or replaces the rate of a class for a country (or the default rate);
    /// returns false when the class does not exist.
    pub async fn save_tax_rate(&mut self, rate: &TaxRateRow) -> StoreResult<bool> {
        let Some(class_id): Option<i64> =
            sqlx::query_scalar("SELECT id FROM tax_classes WHERE code = ?1")
                .bind(&rate.class_code)
                .fetch_optional(self.conn())
                .await?
        else {
            return Ok(false);
        };
        // `UNIQUE (tax_class_id, country_code)` does not hold for NULL countries in SQLite,
        // so the old rate is replaced explicitly.
        sqlx::query("DELETE FROM tax_rates WHERE tax_class_id = ?1 AND country_code IS ?2")
            .bind(class_id)
            .bind(&rate.country_code)
            .execute(self.conn())
            .await?;
        sqlx::query(
            "INSERT INTO tax_rates (tax_class_id, country_code, label, percent) VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(class_id)
        .bind(&rate.country_code)
        .bind(&rate.label)
        .bind(&rate.percent)
        .execute(self.conn())
        .await?;
        Ok(true)
    }
}
