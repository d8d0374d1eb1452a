//! Staff accounts: the rows behind sign-in, PIN switching and the lockout.

use chrono::{DateTime, Utc};

use crate::{Store, StoreResult, WriteTx};

/// A staff member with their secrets' hashes.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StaffRow {
    /// Row id.
    pub id: i64,
    /// Name (unique, case-insensitive).
    pub name: String,
    /// `owner`, `manager`, `clerk`, `warehouse`.
    pub role: String,
    /// Argon2 PHC string of the password (owner and manager).
    pub password_hash: Option<String>,
    /// Argon2 PHC string of the PIN.
    pub pin_hash: String,
    /// Wrong PINs in a row.
    pub failed_attempts: i64,
    /// Locked until then.
    pub locked_until: Option<DateTime<Utc>>,
    /// Switched off staff cannot sign in.
    pub active: bool,
}

const COLUMNS: &str = "SELECT id, name, role, password_hash, pin_hash, failed_attempts, locked_until, active FROM staff";

impl Store {
    /// How many staff accounts exist (none: the store runs without sign-in).
    pub async fn count_staff(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM staff")
            .fetch_one(self.pool())
            .await?)
    }

    /// Every staff member by name.
    pub async fn staff(&self) -> StoreResult<Vec<StaffRow>> {
        Ok(
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{COLUMNS} ORDER BY name")))
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// One staff member.
    pub async fn staff_member(&self, id: i64) -> StoreResult<Option<StaffRow>> {
        Ok(
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{COLUMNS} WHERE id = ?1")))
                .bind(id)
                .fetch_optional(self.pool())
                .await?,
        )
    }

    /// A staff member by name (case-insensitive).
    pub async fn staff_by_name(&self, name: &str) -> StoreResult<Option<StaffRow>> {
        Ok(
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{COLUMNS} WHERE name = ?1")))
                .bind(name)
                .fetch_optional(self.pool())
                .await?,
        )
    }
}

impl WriteTx {
    /// How many staff accounts exist, inside the transaction.
    pub async fn count_staff(&mut self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM staff")
            .fetch_one(self.conn())
            .await?)
    }

    /// Adds a staff member; returns the id.
    pub async fn insert_staff(
        &mut self,
        name: &str,
        role: &str,
        password_hash: Option<&str>,
        pin_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO staff (name, role, password_hash, pin_hash, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        )
        .bind(name)
        .bind(role)
        .bind(password_hash)
        .bind(pin_hash)
        .bind(now)
        .fetch_one(self.conn())
        .await?)
    }

    /// Records a PIN attempt's outcome: the failures in a row and the lock, if any.
    pub async fn set_pin_failures(
        &mut self,
        id: i64,
        failures: i64,
        locked_until: Option<DateTime<Utc>>,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE staff SET failed_attempts = ?2, locked_until = ?3 WHERE id = ?1")
            .bind(id)
            .bind(failures)
            .bind(locked_until)
            .execute(self.conn())
            .await?;
        Ok(())
    }
}
