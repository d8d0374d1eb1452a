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

/// The dashboard's range: `from` to `to` (both included, UTC days); default this month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DashboardRequest {
    /// First day.
    pub from: Option<chrono::NaiveDate>,
    /// Last day.
    pub to: Option<chrono::NaiveDate>,
}

/// Sales of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeriodSales {
    /// Orders.
    #[ts(type = "number")]
    pub orders: i64,
    /// Σ totals.
    #[ts(type = "string")]
    pub total: Decimal,
    /// Σ tax.
    #[ts(type = "string")]
    pub tax: Decimal,
    /// Σ refunded.
    #[ts(type = "string")]
    pub refunded: Decimal,
}

/// Sales of one day (for the chart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DaySales {
    /// The day (UTC).
    pub day: chrono::NaiveDate,
    /// Orders.
    #[ts(type = "number")]
    pub orders: i64,
    /// Σ totals.
    #[ts(type = "string")]
    pub total: Decimal,
}

/// A product's sales in the range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductSales {
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Units.
    #[ts(type = "number")]
    pub quantity: i64,
    /// Σ line totals.
    #[ts(type = "string")]
    pub total: Decimal,
}

/// A payment method's share of the range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MethodSales {
    /// Method code.
    pub method: String,
    /// Label.
    pub label: String,
    /// Payments.
    #[ts(type = "number")]
    pub count: i64,
    /// Σ amounts.
    #[ts(type = "string")]
    pub amount: Decimal,
}

/// A tax rate's totals in the range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TaxSummary {
    /// Label.
    pub label: String,
    /// Rate in percent.
    pub percent: String,
    /// Net.
    #[ts(type = "string")]
    pub base: Decimal,
    /// Tax.
    #[ts(type = "string")]
    pub tax: Decimal,
}

/// The owner's dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Dashboard {
    /// Currency.
    pub currency_code: String,
    /// Today (UTC).
    pub today: PeriodSales,
    /// This week (from Monday).
    pub week: PeriodSales,
    /// This month.
    pub month: PeriodSales,
    /// The last 30 days, oldest first, days without sales included.
    pub days: Vec<DaySales>,
    /// The range of the lists below.
    pub from: chrono::NaiveDate,
    /// Last day of the range.
    pub to: chrono::NaiveDate,
    /// Best sellers in the range (top 10 by amount).
    pub top_products: Vec<ProductSales>,
    /// Payment-method split in the range.
    pub payment_methods: Vec<MethodSales>,
    /// Tax per rate in the range.
    pub taxes: Vec<TaxSummary>,
}

/// Export one dashboard list as CSV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportExportRequest {
    /// `days`, `products`, `payments` or `taxes`.
    pub kind: String,
    /// The range.
    pub range: DashboardRequest,
}

/// A written CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportExport {
    /// Where it was written (`exports/` beside the database).
    pub path: String,
    /// Data rows (without the header).
    #[ts(type = "number")]
    pub rows: i64,
}

/// A staff member as the UI shows them (never their secrets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StaffView {
    /// Id.
    #[ts(type = "number")]
    pub id: i64,
    /// Name.
    pub name: String,
    /// `owner`, `manager`, `clerk` or `warehouse`.
    pub role: String,
    /// Locked after wrong PINs until then.
    pub locked_until: Option<DateTime<Utc>>,
}

/// Who works here and who is signed in at this register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StaffOverview {
    /// No staff yet: the store runs without sign-in until the first owner is created.
    pub open_mode: bool,
    /// Signed in at this register.
    pub current: Option<StaffView>,
    /// Everyone.
    pub staff: Vec<StaffView>,
    /// What the signed-in member may do (permission codes); every code in open mode.
    pub permissions: Vec<String>,
}

/// A new staff member. The first one must be an owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StaffInput {
    /// Name (unique).
    pub name: String,
    /// `owner`, `manager`, `clerk` or `warehouse`.
    pub role: String,
    /// Password (owner and manager: at least 8 characters; others: none).
    pub password: Option<String>,
    /// PIN for switching at the register: 4 to 8 digits.
    pub pin: String,
}

/// Sign in with a password (owner, manager).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SignInRequest {
    /// Name.
    pub name: String,
    /// Password.
    pub password: String,
}

/// Switch to a staff member with their PIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SwitchStaffRequest {
    /// Who.
    #[ts(type = "number")]
    pub staff_id: i64,
    /// Their PIN.
    pub pin: String,
}

/// A manager (or the owner) approves one action for the signed-in clerk with their PIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApproveRequest {
    /// The approving manager or owner.
    #[ts(type = "number")]
    pub staff_id: i64,
    /// Their PIN.
    pub pin: String,
    /// The permission code the next action needs (e.g. `refund`).
    pub permission: String,
}

/// Make a backup now.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupRequest {
    /// Where to write it (a new file); none: `backups/` beside the database.
    pub path: Option<String>,
}

/// A backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    /// Its path.
    pub path: String,
    /// Its size.
    #[ts(type = "number")]
    pub bytes: i64,
}

/// Replace the database with a backup at the next start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RestoreRequest {
    /// The backup file.
    pub path: String,
    /// The owner confirmed that everything after the backup is replaced.
    pub confirm: bool,
}

/// A restore waiting for the next start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RestorePlan {
    /// The backup that will replace the database.
    pub path: String,
    /// The shop's name in it.
    pub store_name: String,
    /// Orders in it.
    #[ts(type = "number")]
    pub orders: i64,
}
