//! Register sessions: opening with a float, cash in and out, the figures of the X and Z
//! reports, and closing.
//!
//! Orders rung up while a session is open carry its id (`orders.register_session_id`,
//! indexed), so a report is a handful of `GROUP BY`s over the session's orders however
//! many there are: closing never walks the order history.

use chrono::{DateTime, Utc};
use sqlx::SqliteExecutor;

use crate::{Store, StoreResult, WriteTx};

/// A register session.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionRow {
    /// Row id.
    pub id: i64,
    /// Register.
    pub register_code: String,
    /// Z number (1, 2, 3 … per register).
    pub number: i64,
    /// Opened at.
    pub opened_at: DateTime<Utc>,
    /// Who opened it.
    pub opened_by: String,
    /// Counted float at opening.
    pub opening_float_minor: i64,
    /// Closed at (none: open).
    pub closed_at: Option<DateTime<Utc>>,
    /// Who closed it.
    pub closed_by: Option<String>,
    /// The Z report as closed (JSON).
    pub report: Option<String>,
}

/// What one payment method took in a session.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MethodTotalRow {
    /// Method code.
    pub method: String,
    /// Method label.
    pub label: String,
    /// Payments.
    pub count: i64,
    /// Amount kept (cash: tendered minus change).
    pub amount_minor: i64,
}

/// The session's orders in numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionSalesRow {
    /// Orders.
    pub order_count: i64,
    /// Σ order totals.
    pub total_minor: i64,
    /// Σ tax.
    pub tax_total_minor: i64,
    /// Σ refunded.
    pub refunded_minor: i64,
}

/// Tax of one rate in a session.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionTaxRow {
    /// Rate label.
    pub label: String,
    /// Net.
    pub base_minor: i64,
    /// Tax.
    pub tax_minor: i64,
}

/// A cash movement.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CashMovementRow {
    /// `in` or `out`.
    pub kind: String,
    /// Amount.
    pub amount_minor: i64,
    /// Why.
    pub reason: String,
    /// Who.
    pub staff: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

const SESSION_COLUMNS: &str =
    "SELECT id, register_code, number, opened_at, opened_by, opening_float_minor,
        closed_at, closed_by, report FROM register_sessions";

async fn open_session(
    executor: impl SqliteExecutor<'_>,
    register_code: &str,
) -> StoreResult<Option<SessionRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SESSION_COLUMNS} WHERE register_code = ?1 AND closed_at IS NULL"
    )))
    .bind(register_code)
    .fetch_optional(executor)
    .await?)
}

async fn method_totals(
    executor: impl SqliteExecutor<'_>,
    session_id: i64,
) -> StoreResult<Vec<MethodTotalRow>> {
    Ok(sqlx::query_as(
        "SELECT p.method, COALESCE(m.label, p.method) AS label, COUNT(*) AS count,
                SUM(p.amount_minor) AS amount_minor
           FROM orders o JOIN payments p ON p.order_id = o.id
           LEFT JOIN payment_methods m ON m.code = p.method
          WHERE o.register_session_id = ?1
          GROUP BY p.method ORDER BY MIN(COALESCE(m.position, 999)), p.method",
    )
    .bind(session_id)
    .fetch_all(executor)
    .await?)
}

async fn sales(executor: impl SqliteExecutor<'_>, session_id: i64) -> StoreResult<SessionSalesRow> {
    Ok(sqlx::query_as(
        "SELECT COUNT(*) AS order_count, COALESCE(SUM(total_minor), 0) AS total_minor,
                COALESCE(SUM(tax_total_minor), 0) AS tax_total_minor,
                COALESCE(SUM(refunded_minor), 0) AS refunded_minor
           FROM orders WHERE register_session_id = ?1",
    )
    .bind(session_id)
    .fetch_one(executor)
    .await?)
}

async fn taxes(
    executor: impl SqliteExecutor<'_>,
    session_id: i64,
) -> StoreResult<Vec<SessionTaxRow>> {
    Ok(sqlx::query_as(
        "SELECT t.label, SUM(t.base_minor) AS base_minor, SUM(t.tax_minor) AS tax_minor
           FROM orders o JOIN order_taxes t ON t.order_id = o.id
          WHERE o.register_session_id = ?1
          GROUP BY t.label ORDER BY t.label",
    )
    .bind(session_id)
    .fetch_all(executor)
    .await?)
}

async fn movements(
    executor: impl SqliteExecutor<'_>,
    session_id: i64,
) -> StoreResult<Vec<CashMovementRow>> {
    Ok(sqlx::query_as(
        "SELECT kind, amount_minor, reason, staff, created_at FROM cash_movements
          WHERE session_id = ?1 ORDER BY id",
    )
    .bind(session_id)
    .fetch_all(executor)
    .await?)
}

/// Everything a report is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFigures {
    /// The session.
    pub session: SessionRow,
    /// Orders in numbers.
    pub sales: SessionSalesRow,
    /// Per payment method.
    pub methods: Vec<MethodTotalRow>,
    /// Per tax rate.
    pub taxes: Vec<SessionTaxRow>,
    /// Cash in and out.
    pub movements: Vec<CashMovementRow>,
}

impl Store {
    /// The register's open session.
    pub async fn open_register_session(
        &self,
        register_code: &str,
    ) -> StoreResult<Option<SessionRow>> {
        open_session(self.pool(), register_code).await
    }

    /// A session by id.
    pub async fn register_session(&self, id: i64) -> StoreResult<Option<SessionRow>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SESSION_COLUMNS} WHERE id = ?1"
        )))
        .bind(id)
        .fetch_optional(self.pool())
        .await?)
    }

    /// A register's sessions, newest first.
    pub async fn register_sessions(
        &self,
        register_code: &str,
        limit: i64,
    ) -> StoreResult<Vec<SessionRow>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SESSION_COLUMNS} WHERE register_code = ?1 ORDER BY number DESC LIMIT ?2"
        )))
        .bind(register_code)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// The figures of a session so far (an X report).
    pub async fn session_figures(&self, session: SessionRow) -> StoreResult<SessionFigures> {
        let mut conn = self.pool().acquire().await?;
        Ok(SessionFigures {
            sales: sales(&mut *conn, session.id).await?,
            methods: method_totals(&mut *conn, session.id).await?,
            taxes: taxes(&mut *conn, session.id).await?,
            movements: movements(&mut *conn, session.id).await?,
            session,
        })
    }
}

impl WriteTx {
    /// The register's open session, inside the transaction.
    pub async fn open_register_session(
        &mut self,
        register_code: &str,
    ) -> StoreResult<Option<SessionRow>> {
        open_session(self.conn(), register_code).await
    }

    /// Opens a session with the next Z number; returns its id.
    pub async fn start_register_session(
        &mut self,
        register_code: &str,
        opened_by: &str,
        opening_float_minor: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO register_sessions (register_code, number, opened_at, opened_by, opening_float_minor)
             VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM register_sessions WHERE register_code = ?1),
                     ?2, ?3, ?4)
             RETURNING id",
        )
        .bind(register_code)
        .bind(now)
        .bind(opened_by)
        .bind(opening_float_minor)
        .fetch_one(self.conn())
        .await?)
    }

    /// Records cash put into (`in`) or taken out of (`out`) the drawer.
    pub async fn add_cash_movement(
        &mut self,
        session_id: i64,
        kind: &str,
        amount_minor: i64,
        reason: &str,
        staff: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO cash_movements (session_id, kind, amount_minor, reason, staff, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .bind(session_id)
        .bind(kind)
        .bind(amount_minor)
        .bind(reason)
        .bind(staff)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// The figures of a session, read inside the closing transaction.
    pub async fn session_figures(&mut self, session: SessionRow) -> StoreResult<SessionFigures> {
        Ok(SessionFigures {
            sales: sales(self.conn(), session.id).await?,
            methods: method_totals(self.conn(), session.id).await?,
            taxes: taxes(self.conn(), session.id).await?,
            movements: movements(self.conn(), session.id).await?,
            session,
        })
    }

    /// Closes a session with its frozen Z report. False when it was not open.
    pub async fn close_register_session(
        &mut self,
        session_id: i64,
        closed_by: &str,
        report: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        Ok(sqlx::query(
            "UPDATE register_sessions SET closed_at = ?2, closed_by = ?3, report = ?4
              WHERE id = ?1 AND closed_at IS NULL",
        )
        .bind(session_id)
        .bind(now)
        .bind(closed_by)
        .bind(report)
        .execute(self.conn())
        .await?
        .rows_affected()
            == 1)
    }

    /// Files an order under its register's open session, if one is open.
    pub async fn attach_order_to_session(
        &mut self,
        order_id: i64,
        register_code: &str,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE orders SET register_session_id =
                    (SELECT id FROM register_sessions WHERE register_code = ?2 AND closed_at IS NULL)
              WHERE id = ?1",
        )
        .bind(order_id)
        .bind(register_code)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
