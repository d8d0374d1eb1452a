//! E-mail through a durable outbox.
//!
//! Mails are queued as `outbox` rows (topic `mail`) in the same transaction as the change
//! that causes them: placing an order (new-order notification), becoming paid (order
//! confirmation), a status change with "e-mail the customer" ticked, and sending a cart's
//! recovery mail. [`Kassa::run_mail_outbox`] is one pass of the worker: it claims the due
//! mails (a lease, so two workers never hold the same mail), composes each from the stored
//! order in the store's language, sends it, and records the outcome. A transient failure
//! (server unreachable, 4xx, timeout) is tried again with exponential backoff; a permanent
//! one (5xx: bad address, authentication) stops and waits for a person in the sent log.
//! The Message-ID is fixed when a mail is first claimed and reused by every attempt.
//! [`Kassa::spawn_mail_worker`] runs passes in the background for the desktop app.
//!
//! The SMTP password lives in the OS keyring (`kassa-secrets`), never in SQLite, logs or
//! errors. Without an SMTP server set up, mails wait in the outbox.

use kassa_domain::staff::Permission;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use kassa_documents::DocumentLocale;
use kassa_documents::model::Currency as DocCurrency;
use kassa_mail::{
    Attachment, CartRecovery, Customer, Language, Mail, MailLine, Mailer, NewOrderNotification,
    OrderConfirmation, PaymentRow, Security, SmtpSettings, StatusChanged, TaxRow, TestMail, Totals,
};
use kassa_store::mail::{MailJob, MailLogRow};
use rust_decimal::Decimal;

use crate::api::{
    CartRequest, DocumentKind, MailLogEntry, MailLogRequest, MailRunSummary, MailSettingsInput,
    MailSettingsView, MailStatus, OrderDetail, RetryMailRequest, TestMailOutcome, TestMailRequest,
};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// The keyring entry of the SMTP password.
const PASSWORD_KEY: &str = "smtp_password";
/// How long a worker holds the mails it claimed.
const LEASE_SECONDS: i64 = 120;
/// Mails one pass claims.
const BATCH: i64 = 20;
/// The first retry waits this long; each further one twice as long, up to [`MAX_BACKOFF`].
const FIRST_BACKOFF_SECONDS: i64 = 30;
/// The longest wait between two attempts.
const MAX_BACKOFF_SECONDS: i64 = 3_600;
/// How often the background worker looks for due mails.
const WORKER_TICK: StdDuration = StdDuration::from_secs(5);

/// How long to wait before the attempt after `attempts` failed ones: 30 s, 1 min, 2 min …
/// up to an hour.
pub(crate) fn backoff(attempts: i64) -> Duration {
    let doublings = u32::try_from(attempts.clamp(0, 16)).unwrap_or(16);
    let seconds = FIRST_BACKOFF_SECONDS
        .saturating_mul(2_i64.saturating_pow(doublings))
        .min(MAX_BACKOFF_SECONDS);
    Duration::seconds(seconds)
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

fn secret_error(error: &kassa_secrets::SecretsError) -> ApiError {
    ApiError::new(
        ErrorCode::SecretStore,
        format!("The OS keyring could not be used: {error}"),
    )
}

/// What a keyring operation does; keyring calls block, so they run on the blocking pool.
enum SecretOp {
    Get,
    Set(String),
    Delete,
}

async fn with_secret(
    secrets: &kassa_secrets::Secrets,
    operation: SecretOp,
) -> ApiResult<Option<String>> {
    let secrets = secrets.clone();
    tokio::task::spawn_blocking(move || match operation {
        SecretOp::Get => secrets.get(PASSWORD_KEY),
        SecretOp::Set(value) => secrets.set(PASSWORD_KEY, &value).map(|()| None),
        SecretOp::Delete => secrets.delete(PASSWORD_KEY).map(|()| None),
    })
    .await
    .map_err(|error| {
        ApiError::new(
            ErrorCode::Internal,
            format!("The keyring task failed: {error}"),
        )
    })?
    .map_err(|error| secret_error(&error))
}

fn security_code(security: Security) -> &'static str {
    match security {
        Security::StartTls => "starttls",
        Security::Tls => "tls",
        Security::None => "none",
    }
}

fn security_of(code: &str) -> ApiResult<Security> {
    match code {
        "starttls" => Ok(Security::StartTls),
        "tls" => Ok(Security::Tls),
        "none" => Ok(Security::None),
        other => Err(invalid(format!(
            "security: the connection is starttls, tls or none, not “{other}”."
        ))),
    }
}

/// Splits the stored list of admin addresses (one per line).
fn admin_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What the outbox row's kind says: the mail kind and, for status mails, the status.
fn split_kind(kind: &str) -> (&str, Option<&str>) {
    match kind.split_once(':') {
        Some(("status_changed", status)) => ("status_changed", Some(status)),
        _ => (kind, None),
    }
}

/// The mail settings as stored, with the password from the keyring.
struct MailConfig {
    smtp: SmtpSettings,
    password: Option<String>,
    language: Language,
    pay_link_template: String,
}

/// A composed mail ready to send (with its recipients and subject for the log), nothing
/// to send, or a mail that cannot be made and needs a person.
enum Prepared {
    Send(Box<kassa_mail::Message>, String, String),
    Skip(String),
    Fail(String),
}

/// How money and dates look in the store's mails (the documents' conventions).
struct Formatter {
    locale: DocumentLocale,
    currency: DocCurrency,
}

impl Formatter {
    fn money(&self, amount: Decimal) -> String {
        self.locale.numbers.format_money(amount, &self.currency)
    }

    fn date(&self, at: DateTime<Utc>) -> String {
        self.locale.dates.format_date(at.date_naive())
    }
}

impl Kassa {
    /// The mail settings (never the password: only whether one is stored).
    pub async fn mail_settings(&self) -> ApiResult<MailSettingsView> {
        let stored = self.store.settings().await?;
        let get = |key: &str| stored.get(key).cloned().unwrap_or_default();
        // A keyring that cannot be read (locked, no default collection) shows as "no
        // password"; saving or sending then says what is wrong with it.
        let password_set = with_secret(&self.secrets, SecretOp::Get)
            .await
            .ok()
            .flatten()
            .is_some();
        Ok(MailSettingsView {
            host: get("smtp_host"),
            port: get("smtp_port").parse().unwrap_or(587),
            security: get("smtp_security"),
            user: get("smtp_user"),
            password_set,
            from_address: get("mail_from_address"),
            from_name: get("mail_from_name"),
            admin_addresses: admin_list(&get("mail_admin_addresses")),
            language: get("mail_language"),
            pay_link_template: get("pay_link_template"),
        })
    }

    /// Checks and saves the mail settings; the password goes to the OS keyring. An empty
    /// host switches mail off (mails wait in the outbox).
    pub async fn save_mail_settings(
        &self,
        input: MailSettingsInput,
    ) -> ApiResult<MailSettingsView> {
        self.authorize(Permission::Settings).await?;
        let security = security_of(&input.security)?;
        let language = Language::from_code(&input.language).ok_or_else(|| {
            invalid(format!(
                "language: mails are written in en or de, not “{}”.",
                input.language
            ))
        })?;
        let template = input.pay_link_template.trim();
        let is_link = template.starts_with("https://") || template.starts_with("http://");
        if !(template.is_empty() || is_link) {
            return Err(invalid(format!(
                "pay_link_template: a pay link starts with https:// or http://, not “{template}”."
            )));
        }
        let smtp = SmtpSettings {
            host: input.host.trim().to_owned(),
            port: input.port,
            security,
            user: Some(input.user.trim().to_owned()).filter(|user| !user.is_empty()),
            from_address: input.from_address.trim().to_owned(),
            from_name: input.from_name.trim().to_owned(),
            admin_addresses: input
                .admin_addresses
                .iter()
                .map(|address| address.trim().to_owned())
                .filter(|address| !address.is_empty())
                .collect(),
        };
        if !smtp.host.is_empty() {
            smtp.validate().map_err(|error| {
                let code = if error.field.contains("address") {
                    ErrorCode::InvalidEmail
                } else {
                    ErrorCode::InvalidInput
                };
                ApiError::new(code, error.to_string())
            })?;
        }
        match input.password {
            None => {}
            Some(password) if password.is_empty() => {
                with_secret(&self.secrets, SecretOp::Delete).await?;
            }
            Some(password) => {
                with_secret(&self.secrets, SecretOp::Set(password)).await?;
            }
        }
        let mut tx = self.store.begin_write().await?;
        for (key, value) in [
            ("smtp_host", smtp.host.clone()),
            ("smtp_port", smtp.port.to_string()),
            ("smtp_security", security_code(security).to_owned()),
            ("smtp_user", smtp.user.clone().unwrap_or_default()),
            ("mail_from_address", smtp.from_address.clone()),
            ("mail_from_name", smtp.from_name.clone()),
            ("mail_admin_addresses", smtp.admin_addresses.join("\n")),
            ("mail_language", language.code().to_owned()),
            ("pay_link_template", template.to_owned()),
        ] {
            tx.set_setting(key, &value).await?;
        }
        tx.commit().await?;
        self.mail_settings().await
    }

    /// The stored settings ready to send with; `None` while no server is set up.
    async fn mail_config(&self) -> ApiResult<Option<MailConfig>> {
        let view = self.mail_settings().await?;
        if view.host.trim().is_empty() {
            return Ok(None);
        }
        let smtp = SmtpSettings {
            host: view.host,
            port: view.port,
            security: security_of(&view.security)?,
            user: Some(view.user).filter(|user| !user.is_empty()),
            from_address: view.from_address,
            from_name: view.from_name,
            admin_addresses: view.admin_addresses,
        };
        smtp.validate()
            .map_err(|error| ApiError::new(ErrorCode::MailNotConfigured, error.to_string()))?;
        // Without a login there is nothing to read (and a machine without a working
        // keyring can still send through a local relay).
        let password = if smtp.user.is_some() {
            with_secret(&self.secrets, SecretOp::Get).await?
        } else {
            None
        };
        Ok(Some(MailConfig {
            smtp,
            password,
            language: Language::from_code(&view.language).unwrap_or_default(),
            pay_link_template: view.pay_link_template,
        }))
    }

    fn mailer(config: &MailConfig) -> ApiResult<Mailer> {
        Mailer::new(&config.smtp, config.password.clone())
            .map_err(|error| ApiError::new(ErrorCode::MailNotConfigured, error.to_string()))
    }

    /// A Message-ID for a new mail: unique, at the sender's domain.
    fn new_message_id(smtp: &SmtpSettings) -> ApiResult<String> {
        kassa_mail::message_id(&uuid::Uuid::new_v4().simple().to_string(), smtp)
            .map_err(|error| ApiError::new(ErrorCode::MailNotConfigured, error.to_string()))
    }

    /// Sends a test message now (not through the outbox) and reports the server's answer,
    /// or its refusal word for word.
    pub async fn send_test_mail(&self, request: TestMailRequest) -> ApiResult<TestMailOutcome> {
        self.authorize(Permission::Settings).await?;
        let config = self.mail_config().await?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::MailNotConfigured,
                "Set up the SMTP server first (Settings → E-mail).",
            )
        })?;
        let to = request
            .to
            .map(|to| to.trim().to_owned())
            .filter(|to| !to.is_empty());
        if let Some(to) = &to {
            kassa_mail::parse_address(to)
                .map_err(|error| ApiError::new(ErrorCode::InvalidEmail, error.to_string()))?;
        }
        let recipient = to
            .clone()
            .unwrap_or_else(|| config.smtp.from_address.clone());
        let message = kassa_mail::compose(
            &Mail::TestMail(TestMail { to }),
            &config.smtp,
            config.language,
            &Self::new_message_id(&config.smtp)?,
            self.clock.now(),
        )
        .map_err(|error| ApiError::new(ErrorCode::Internal, error.to_string()))?;
        let receipt = Self::mailer(&config)?
            .send(&message)
            .await
            .map_err(|error| ApiError::new(ErrorCode::MailFailed, error.message))?;
        Ok(TestMailOutcome {
            to: recipient,
            answer: receipt.response,
        })
    }

    /// Whether mail is set up, and how many mails wait or need a person.
    pub async fn mail_status(&self) -> ApiResult<MailStatus> {
        let counts = self.store.mail_counts().await?;
        let configured = !self
            .store
            .settings()
            .await?
            .get("smtp_host")
            .is_none_or(|host| host.trim().is_empty());
        Ok(MailStatus {
            configured,
            pending: counts.pending,
            failed: counts.failed,
        })
    }

    /// The sent log, newest first: what went out, when, and what failed and why.
    pub async fn mail_log(&self, request: MailLogRequest) -> ApiResult<Vec<MailLogEntry>> {
        let limit = i64::from(request.limit.unwrap_or(100).clamp(1, 500));
        Ok(self
            .store
            .mail_log(request.before, limit)
            .await?
            .into_iter()
            .map(Self::log_entry)
            .collect())
    }

    fn log_entry(row: MailLogRow) -> MailLogEntry {
        let (kind, status) = split_kind(&row.kind);
        let order_uuid =
            (!row.aggregate_uuid.starts_with("cart:")).then(|| row.aggregate_uuid.clone());
        let waiting = matches!(row.state.as_str(), "queued" | "retrying");
        MailLogEntry {
            id: row.outbox_id,
            kind: kind.to_owned(),
            status: status.map(str::to_owned),
            order_reference: row.order_reference,
            order_uuid,
            state: row.state,
            recipients: row.recipients,
            subject: row.subject,
            attempts: row.attempts,
            error: row.last_error,
            created_at: row.created_at,
            sent_at: row.sent_at,
            next_attempt_at: waiting.then_some(row.next_attempt_at),
            caused_by: serde_json::from_str::<serde_json::Value>(&row.payload)
                .ok()
                .and_then(|payload| {
                    payload
                        .get("by")
                        .and_then(|by| by.as_str().map(str::to_owned))
                }),
        }
    }

    /// Sends a failed mail again at the next pass (same Message-ID).
    pub async fn retry_mail(&self, request: RetryMailRequest) -> ApiResult<MailLogEntry> {
        self.authorize(Permission::Settings).await?;
        let mut tx = self.store.begin_write().await?;
        if !tx.requeue_mail(request.id, self.clock.now()).await? {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("Mail {} does not exist or has not failed.", request.id),
            ));
        }
        tx.commit().await?;
        let row = self
            .store
            .mail_log_entry(request.id)
            .await?
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("Mail {} does not exist.", request.id),
                )
            })?;
        Ok(Self::log_entry(row))
    }

    /// One pass of the mail worker: sends every due mail once. Without an SMTP server set
    /// up it does nothing (the mails wait).
    pub async fn run_mail_outbox(&self) -> ApiResult<MailRunSummary> {
        let mut summary = MailRunSummary::default();
        let Some(config) = self.mail_config().await? else {
            return Ok(summary);
        };
        let mailer = Self::mailer(&config)?;
        let now = self.clock.now();
        let mut tx = self.store.begin_write().await?;
        let jobs = tx
            .claim_mail(now, now + Duration::seconds(LEASE_SECONDS), BATCH, || {
                // The settings were checked above, so this cannot fail; a fallback keeps
                // the claim infallible.
                Self::new_message_id(&config.smtp).unwrap_or_else(|_| {
                    format!("<{}@kassa.invalid>", uuid::Uuid::new_v4().simple())
                })
            })
            .await?;
        tx.commit().await?;
        for job in jobs {
            let prepared = match self.prepare(&config, &job).await {
                Ok(prepared) => prepared,
                // A mail that cannot be composed (its order is gone, a template fails) will
                // not compose next time either: it waits for a person.
                Err(error) => Prepared::Fail(error.message),
            };
            let now = self.clock.now();
            let mut tx = self.store.begin_write().await?;
            match prepared {
                Prepared::Fail(reason) => {
                    tx.mail_failed(job.outbox_id, &reason, now).await?;
                    summary.failed += 1;
                }
                Prepared::Skip(reason) => {
                    tx.mail_skipped(job.outbox_id, &reason, now).await?;
                    summary.skipped += 1;
                }
                Prepared::Send(message, recipients, subject) => {
                    tx.mail_composed(job.outbox_id, &recipients, &subject, now)
                        .await?;
                    tx.commit().await?;
                    let outcome = mailer.send(&message).await;
                    let now = self.clock.now();
                    tx = self.store.begin_write().await?;
                    match outcome {
                        Ok(_) => {
                            tx.mail_sent(job.outbox_id, now).await?;
                            summary.sent += 1;
                        }
                        Err(error) if error.permanent => {
                            tx.mail_failed(job.outbox_id, &error.message, now).await?;
                            summary.failed += 1;
                        }
                        Err(error) => {
                            tx.mail_retry(
                                job.outbox_id,
                                &error.message,
                                now + backoff(job.attempts),
                                now,
                            )
                            .await?;
                            summary.retrying += 1;
                        }
                    }
                }
            }
            tx.commit().await?;
        }
        Ok(summary)
    }

    /// The background mail worker: runs a pass whenever a mail is due, looking every few
    /// seconds, until the app ends. Spawn it on the app's runtime.
    pub async fn run_mail_worker(self) {
        loop {
            let due = self
                .store
                .next_mail_due()
                .await
                .ok()
                .flatten()
                .is_some_and(|due| due <= self.clock.now());
            if due {
                // Failures are recorded per mail; a pass that fails as a whole (the
                // database is busy, the keyring is locked) is simply tried again.
                let _pass = self.run_mail_outbox().await;
            }
            tokio::time::sleep(WORKER_TICK).await;
        }
    }

    fn formatter(&self, settings: &crate::settings::StoreSettings, country: &str) -> Formatter {
        Formatter {
            locale: DocumentLocale::for_country(country),
            currency: DocCurrency::new(
                &settings.pricing.currency.code,
                settings.pricing.currency.minor_unit_digits,
            ),
        }
    }

    /// Composes the mail an outbox row asks for.
    async fn prepare(&self, config: &MailConfig, job: &MailJob) -> ApiResult<Prepared> {
        let settings = self.settings().await?;
        let format = self.formatter(&settings, &settings.store_country);
        let store_name = settings.store.name.clone();
        let (kind, status) = split_kind(&job.kind);
        let mail = if kind == "cart_recovery" {
            let Some(cart_id) = job
                .aggregate_uuid
                .strip_prefix("cart:")
                .and_then(|id| id.parse::<i64>().ok())
            else {
                return Ok(Prepared::Fail(format!(
                    "The cart {} is unknown.",
                    job.aggregate_uuid
                )));
            };
            let Ok(cart) = self.cart_by_id(CartRequest { cart_id }).await else {
                return Ok(Prepared::Skip(
                    "The cart became an order or was discarded.".to_owned(),
                ));
            };
            let Some(customer) = cart.customer.as_ref().and_then(|customer| {
                customer.email.clone().map(|email| Customer {
                    name: Some(customer.name.clone()),
                    email,
                })
            }) else {
                return Ok(Prepared::Skip(
                    "The cart's customer has no e-mail address.".to_owned(),
                ));
            };
            Mail::CartRecovery(CartRecovery {
                store_name,
                customer,
                lines: cart
                    .lines
                    .iter()
                    .filter(|line| line.quantity > 0)
                    .map(|line| MailLine {
                        name: line.name.clone(),
                        sku: Some(line.sku.clone()),
                        quantity: line.quantity.to_string(),
                        unit_price: format.money(line.unit_price),
                        line_total: format.money(line.total),
                    })
                    .collect(),
                cart_total: format.money(cart.total),
                greeting: None,
                link: None,
            })
        } else {
            let Some(order_id) = self.store.order_id_by_uuid(&job.aggregate_uuid).await? else {
                return Ok(Prepared::Fail(format!(
                    "The order {} does not exist.",
                    job.aggregate_uuid
                )));
            };
            let order = self.order_detail(order_id).await?;
            let customer = order.customer.as_ref().and_then(|customer| {
                customer.email.clone().map(|email| Customer {
                    name: Some(customer.name.clone()),
                    email,
                })
            });
            let lines = order_lines(&format, &order);
            match kind {
                "new_order_notification" => Mail::NewOrderNotification(NewOrderNotification {
                    store_name,
                    order_reference: order.reference.clone(),
                    order_date: format.date(order.created_at),
                    customer,
                    total: format.money(order.total),
                    lines,
                }),
                "order_confirmation" => {
                    let Some(customer) = customer else {
                        return Ok(Prepared::Skip(
                            "The customer has no e-mail address.".to_owned(),
                        ));
                    };
                    let awaits_payment = order.paid < order.total;
                    let (filename, bytes) = self
                        .order_pdf(order_id, DocumentKind::Invoice, None)
                        .await?;
                    let pay_link =
                        (awaits_payment && !config.pay_link_template.is_empty()).then(|| {
                            config
                                .pay_link_template
                                .replace("{reference}", &order.reference)
                                .replace("{uuid}", &order.uuid.to_string())
                        });
                    Mail::OrderConfirmation(OrderConfirmation {
                        store_name,
                        customer,
                        order_reference: order.reference.clone(),
                        order_date: format.date(order.created_at),
                        lines,
                        totals: Totals {
                            subtotal: format.money(order.items_total),
                            discount: (order.discount_total > Decimal::ZERO)
                                .then(|| format.money(-order.discount_total)),
                            shipping: (order.shipping_total > Decimal::ZERO)
                                .then(|| format.money(order.shipping_total)),
                            total: format.money(order.total),
                        },
                        taxes: order
                            .taxes
                            .iter()
                            .map(|tax| TaxRow {
                                label: tax.label.clone(),
                                net: format.money(tax.base),
                                tax: format.money(tax.tax),
                            })
                            .collect(),
                        payments: order
                            .payments
                            .iter()
                            .map(|payment| PaymentRow {
                                method: payment.method.clone(),
                                amount: format.money(payment.amount),
                            })
                            .collect(),
                        awaits_payment,
                        pay_link,
                        invoice: Some(Attachment { filename, bytes }),
                    })
                }
                "status_changed" => {
                    let Some(customer) = customer else {
                        return Ok(Prepared::Skip(
                            "The customer has no e-mail address.".to_owned(),
                        ));
                    };
                    let code = status.unwrap_or_default();
                    let label = self
                        .list_statuses()
                        .await?
                        .into_iter()
                        .find(|row| row.code == code)
                        .map_or_else(|| code.to_owned(), |row| row.label);
                    let note = order
                        .history
                        .iter()
                        .rev()
                        .find(|entry| entry.to_status == code)
                        .map(|entry| entry.note.clone())
                        .filter(|note| !note.trim().is_empty());
                    Mail::StatusChanged(StatusChanged {
                        store_name,
                        customer,
                        order_reference: order.reference.clone(),
                        status: label,
                        note,
                    })
                }
                other => {
                    return Ok(Prepared::Fail(format!("No mail is written for “{other}”.")));
                }
            }
        };
        let message = kassa_mail::compose(
            &mail,
            &config.smtp,
            config.language,
            &job.message_id,
            self.clock.now(),
        )
        .map_err(|error| ApiError::new(ErrorCode::Internal, error.to_string()))?;
        let recipients = message
            .envelope()
            .to()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let subject = message
            .headers()
            .get_raw("Subject")
            .map(str::to_owned)
            .unwrap_or_default();
        Ok(Prepared::Send(Box::new(message), recipients, subject))
    }
}

fn order_lines(format: &Formatter, order: &OrderDetail) -> Vec<MailLine> {
    order
        .lines
        .iter()
        .map(|line| MailLine {
            name: line.name.clone(),
            sku: Some(line.sku.clone()).filter(|sku| !sku.is_empty()),
            quantity: line.quantity.to_string(),
            unit_price: format.money(line.unit_price),
            line_total: format.money(line.total),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_thirty_seconds_up_to_an_hour() {
        assert_eq!(backoff(0), Duration::seconds(30));
        assert_eq!(backoff(1), Duration::seconds(60));
        assert_eq!(backoff(3), Duration::seconds(240));
        assert_eq!(backoff(7), Duration::seconds(3_600));
        assert_eq!(backoff(1_000), Duration::seconds(3_600));
        assert_eq!(backoff(-1), Duration::seconds(30));
    }

    #[test]
    fn status_mails_carry_their_status_in_the_kind() {
        assert_eq!(
            split_kind("status_changed:shipped"),
            ("status_changed", Some("shipped"))
        );
        assert_eq!(
            split_kind("order_confirmation"),
            ("order_confirmation", None)
        );
    }

    #[test]
    fn admin_addresses_are_one_per_line() {
        assert_eq!(
            admin_list(" a@example.test\n\n b@example.test \n"),
            vec!["a@example.test", "b@example.test"]
        );
    }
}
