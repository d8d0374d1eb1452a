//! Kassa's e-mail: composing messages and sending them over SMTP.
//!
//! - **Settings**: [`SmtpSettings`] (server, port, [`Security`], user, sender, admin
//!   addresses) with [`SmtpSettings::validate`], whose error names the field. The password
//!   is not part of the settings: it lives in the keyring (`kassa-secrets`) and is handed
//!   to [`Mailer::new`].
//! - **Addresses**: [`parse_address`] checks an address where it is entered.
//! - **Messages**: a [`Mail`] (order confirmation, new-order notification, status change,
//!   cart recovery, test message) holds display-ready data — money and dates are
//!   formatted by the caller — and [`compose`] turns it into a `lettre::Message` in a
//!   [`Language`] from the askama templates in `templates/`: always `multipart/alternative`
//!   (plain text and HTML), inside `multipart/mixed` when an invoice PDF is attached.
//! - **Sending**: [`Mailer::send`] delivers a composed message with lettre's async SMTP
//!   transport on tokio (STARTTLS, implicit TLS through rustls, or plain), and tells a
//!   [`SendError`] that is worth retrying (4xx, network, timeout, TLS) from one that is not
//!   (5xx, a server that cannot do what the settings ask).
//!
//! **Invariant:** no IO, clock or randomness while composing: the Message-ID and the date
//! are passed in, so a message composed again after a crash is the same message.
//! **Invariant:** nothing the customer or the owner typed can add a header: display names
//! and subjects are made one line and lettre encodes them; addresses with line breaks are
//! refused by [`parse_address`]; HTML templates escape every value.
//! **Invariant:** the SMTP password appears in no error and no `Debug` output.
//!
//! The crate knows nothing of the database: the application decides what to send, to
//! whom and when, and keeps the outbox.

mod address;
mod compose;
mod error;
mod language;
mod model;
mod send;
mod settings;

pub use address::parse_address;
pub use compose::{compose, message_id};
pub use error::{MailError, SettingsError};
pub use language::Language;
pub use model::{
    Attachment, CartRecovery, Customer, Mail, MailLine, NewOrderNotification, OrderConfirmation,
    PaymentRow, StatusChanged, TaxRow, TestMail, Totals,
};
pub use send::{DEFAULT_TIMEOUT, Mailer, SendError, SentReceipt};
pub use settings::{Security, SmtpSettings};

/// lettre's address type, as returned by [`parse_address`].
pub use lettre::Address;
/// lettre's message type, as returned by [`compose`].
pub use lettre::Message;
