//! Request and response types of register sessions (opening float, cash in and out, X and
//! Z reports) and of the journal's verification.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A register session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterSessionView {
    /// Session id.
    #[ts(type = "number")]
    pub id: i64,
    /// Register.
    pub register_code: String,
    /// Z number (1, 2, 3 … per register).
    #[ts(type = "number")]
    pub number: i64,
    /// Opened at.
    pub opened_at: DateTime<Utc>,
    /// Who opened it.
    pub opened_by: String,
    /// Counted float at opening.
    #[ts(type = "string")]
    pub opening_float: Decimal,
    /// Closed at; none while open.
    pub closed_at: Option<DateTime<Utc>>,
    /// Who closed it.
    pub closed_by: Option<String>,
}

/// Open the register with a counted float.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpenRegisterRequest {
    /// Cash in the drawer at opening.
    #[ts(type = "string")]
    pub opening_float: Decimal,
}

/// Cash put into or taken out of the drawer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CashMovementRequest {
    /// `in` or `out`.
    pub kind: String,
    /// Amount (positive).
    #[ts(type = "string")]
    pub amount: Decimal,
    /// Why (required), e.g. "Change from the bank", "Paid the window cleaner".
    pub reason: String,
}

/// A counted amount of one payment method at closing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CountedAmount {
    /// Payment method code (`cash`, `card` …).
    pub method: String,
    /// What was counted (cash in the drawer, the terminal's total …).
    #[ts(type = "string")]
    pub amount: Decimal,
}

/// Close the register: counted amounts per payment method (cash at least).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CloseRegisterRequest {
    /// Counted per method.
    pub counted: Vec<CountedAmount>,
}

/// A session by id (reprint a Z report).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterSessionRequest {
    /// Session id.
    #[ts(type = "number")]
    pub session_id: i64,
}

/// One payment method's line of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportMethodLine {
    /// Method code.
    pub method: String,
    /// Label.
    pub label: String,
    /// Payments taken.
    #[ts(type = "number")]
    pub count: i64,
    /// What the payments took in.
    #[ts(type = "string")]
    pub taken: Decimal,
    /// What should be there (cash: float + cash taken + in − out).
    #[ts(type = "string")]
    pub expected: Decimal,
    /// What was counted (Z report).
    #[ts(type = "string | null")]
    pub counted: Option<Decimal>,
    /// Counted − expected (Z report).
    #[ts(type = "string | null")]
    pub difference: Option<Decimal>,
}

/// One tax rate's line of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportTaxLine {
    /// Rate label.
    pub label: String,
    /// Net.
    #[ts(type = "string")]
    pub base: Decimal,
    /// Tax.
    #[ts(type = "string")]
    pub tax: Decimal,
}

/// A cash movement on a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CashMovementView {
    /// `in` or `out`.
    pub kind: String,
    /// Amount.
    #[ts(type = "string")]
    pub amount: Decimal,
    /// Why.
    pub reason: String,
    /// Who.
    pub staff: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// An X report (the session so far) or a Z report (as closed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterReport {
    /// `x` (so far) or `z` (closed).
    pub kind: String,
    /// The session.
    pub session: RegisterSessionView,
    /// When the report was made.
    pub made_at: DateTime<Utc>,
    /// Currency.
    pub currency_code: String,
    /// Orders rung up in the session.
    #[ts(type = "number")]
    pub order_count: i64,
    /// Σ order totals.
    #[ts(type = "string")]
    pub sales_total: Decimal,
    /// Σ tax.
    #[ts(type = "string")]
    pub tax_total: Decimal,
    /// Σ refunded of those orders.
    #[ts(type = "string")]
    pub refunded: Decimal,
    /// Per payment method.
    pub methods: Vec<ReportMethodLine>,
    /// Per tax rate.
    pub taxes: Vec<ReportTaxLine>,
    /// Cash put in.
    #[ts(type = "string")]
    pub cash_in: Decimal,
    /// Cash taken out.
    #[ts(type = "string")]
    pub cash_out: Decimal,
    /// The movements.
    pub movements: Vec<CashMovementView>,
    /// Σ counted − expected over the counted methods (Z report).
    #[ts(type = "string | null")]
    pub difference: Option<Decimal>,
}

/// Where a report went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SavedReport {
    /// The PDF written (in `documents/` beside the database).
    pub path: String,
    /// The report.
    pub report: RegisterReport,
}

/// The first problem `kassa verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JournalProblem {
    /// The entry.
    #[ts(type = "number")]
    pub seq: i64,
    /// Its kind.
    pub kind: String,
    /// What it is about.
    pub reference: String,
    /// What is wrong.
    pub problem: String,
}

/// What `kassa verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JournalVerification {
    /// Entries checked and found intact (before the problem, if any).
    #[ts(type = "number")]
    pub entries: i64,
    /// The last entry's hash when all is intact (write it down to detect a cut-off tail).
    pub last_hash: Option<String>,
    /// The first broken link; none when the journal is intact.
    pub problem: Option<JournalProblem>,
}
