//! Request and response types of e-mail: the SMTP settings (the password goes to the OS
//! keyring, never back to the UI), the test mail, and the sent log.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The mail settings as the settings screen shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailSettingsView {
    /// SMTP server; empty: mail is not set up (mails wait in the outbox).
    pub host: String,
    /// Port (587 for STARTTLS, 465 for TLS, 25 or any for a local relay).
    pub port: u16,
    /// `starttls`, `tls` or `none`.
    pub security: String,
    /// User name; empty: no login.
    pub user: String,
    /// Whether a password is stored in the OS keyring (it is never shown).
    pub password_set: bool,
    /// Sender address; also gets the new-order notifications.
    pub from_address: String,
    /// Sender name.
    pub from_name: String,
    /// Extra addresses that get the new-order notification.
    pub admin_addresses: Vec<String>,
    /// Language of the mails: `en` or `de`.
    pub language: String,
    /// Pay link of orders awaiting payment; `{reference}` and `{uuid}` are replaced.
    pub pay_link_template: String,
}

/// The mail settings to save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailSettingsInput {
    /// SMTP server; empty switches mail off.
    pub host: String,
    /// Port.
    pub port: u16,
    /// `starttls`, `tls` or `none`.
    pub security: String,
    /// User name; empty: no login.
    pub user: String,
    /// New password for the keyring; `null` keeps the stored one, `""` removes it.
    pub password: Option<String>,
    /// Sender address.
    pub from_address: String,
    /// Sender name.
    pub from_name: String,
    /// Extra addresses for new-order notifications.
    pub admin_addresses: Vec<String>,
    /// `en` or `de`.
    pub language: String,
    /// Pay link template (may be empty).
    pub pay_link_template: String,
}

/// Send a test mail now (not through the outbox).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TestMailRequest {
    /// Recipient; `null` sends it to the sender address.
    pub to: Option<String>,
}

/// What the server said to the test mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TestMailOutcome {
    /// Who it went to.
    pub to: String,
    /// The server's answer.
    pub answer: String,
}

/// A page of the sent log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailLogRequest {
    /// Only entries older than this one (the previous page's last `id`).
    pub before: Option<i64>,
    /// Page size (default 100, at most 500).
    pub limit: Option<u32>,
}

/// One mail in the sent log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailLogEntry {
    /// The mail's id.
    #[ts(type = "number")]
    pub id: i64,
    /// `order_confirmation`, `new_order_notification`, `status_changed`, `cart_recovery`.
    pub kind: String,
    /// For status mails: the new status code.
    pub status: Option<String>,
    /// The order's reference, when it is about an order.
    pub order_reference: Option<String>,
    /// The order's UUID, when it is about an order.
    pub order_uuid: Option<String>,
    /// `queued`, `sending`, `retrying`, `sent`, `failed` or `skipped`.
    pub state: String,
    /// Recipients (known once composed).
    pub recipients: String,
    /// Subject (known once composed).
    pub subject: String,
    /// Attempts so far.
    #[ts(type = "number")]
    pub attempts: i64,
    /// Why it failed or was skipped (the server's answer).
    pub error: Option<String>,
    /// Queued at.
    pub created_at: DateTime<Utc>,
    /// Taken by the server at.
    pub sent_at: Option<DateTime<Utc>>,
    /// Next attempt (queued and retrying mails).
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// Who made the change that queued it (staff member or register).
    pub caused_by: Option<String>,
}

/// Ask for a failed mail to be sent again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RetryMailRequest {
    /// The mail's id.
    #[ts(type = "number")]
    pub id: i64,
}

/// The state of the mail outbox, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailStatus {
    /// Whether an SMTP server is set up.
    pub configured: bool,
    /// Mails waiting to be sent.
    #[ts(type = "number")]
    pub pending: i64,
    /// Mails that need a person (permanent failures).
    #[ts(type = "number")]
    pub failed: i64,
}

/// What one pass of the mail worker did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailRunSummary {
    /// Taken by the server.
    pub sent: u32,
    /// Failed for now; tried again later.
    pub retrying: u32,
    /// Given up (permanent error): shown in the sent log.
    pub failed: u32,
    /// Nothing to send (e.g. no customer address).
    pub skipped: u32,
}
