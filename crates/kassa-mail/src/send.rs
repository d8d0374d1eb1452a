//! Sending composed messages over SMTP, and telling failures worth retrying from the
//! others.

use std::fmt;
use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::{self, AsyncSmtpTransport};
use lettre::{AsyncTransport, Message, Tokio1Executor};

use crate::error::{MailError, SettingsError};
use crate::settings::{Security, SmtpSettings};

/// How long connecting may take; the whole exchange with the server (greeting, TLS,
/// login, the message) may take three times as long. Either failing is transient.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// How many connect timeouts the whole exchange may take. lettre's own timeout covers
/// only connecting: a server that accepts the connection and then says nothing would hold
/// a send forever without this bound.
const EXCHANGE_TIMEOUTS: u32 = 3;

/// Sends messages through one SMTP server. Each send opens its own connection.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    server: String,
    exchange_timeout: Duration,
    security: Security,
    user: Option<String>,
    /// Kept only to blank it out of error messages, should a server ever echo it.
    password: Option<String>,
}

/// The server's answer to a message it accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentReceipt {
    /// The Message-ID header of the message sent.
    pub message_id: Option<String>,
    /// The server's reply, code first (`250 2.0.0 Ok: queued as 4F1D2`).
    pub response: String,
}

/// A failed send or connection test.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SendError {
    /// `true` when trying again cannot help: the server answered 5xx (authentication
    /// failed, recipient refused…) or cannot do what the settings ask (no STARTTLS, no
    /// matching login method). `false` for 4xx answers, refused connections, timeouts,
    /// TLS and network errors: try again later.
    pub permanent: bool,
    /// The SMTP reply code, when the server answered with one.
    pub code: Option<u16>,
    /// The server and its exact answer, or the connection's error; never the password.
    pub message: String,
}

impl Mailer {
    /// A mailer for the server in `settings`, logging in as the settings' user with
    /// `password`, with the [`DEFAULT_TIMEOUT`].
    ///
    /// # Errors
    /// The settings are not valid, or a user is set without a password.
    pub fn new(settings: &SmtpSettings, password: Option<String>) -> Result<Self, MailError> {
        Self::with_timeout(settings, password, DEFAULT_TIMEOUT)
    }

    /// Like [`Mailer::new`], with another timeout for connecting (the whole exchange may
    /// take three times as long).
    ///
    /// # Errors
    /// The settings are not valid, or a user is set without a password.
    pub fn with_timeout(
        settings: &SmtpSettings,
        password: Option<String>,
        timeout: Duration,
    ) -> Result<Self, MailError> {
        settings.validate()?;
        let tls_parameters = || {
            TlsParameters::new(settings.host.clone()).map_err(|error| {
                MailError::Settings(SettingsError {
                    field: "host".to_owned(),
                    message: format!("TLS cannot be set up for this host: {error}"),
                })
            })
        };
        let tls = match settings.security {
            Security::StartTls => Tls::Required(tls_parameters()?),
            Security::Tls => Tls::Wrapper(tls_parameters()?),
            Security::None => Tls::None,
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            .port(settings.port)
            .tls(tls)
            .timeout(Some(timeout));
        if let Some(user) = &settings.user {
            let Some(password) = password.clone() else {
                return Err(MailError::Settings(SettingsError {
                    field: "password".to_owned(),
                    message: format!("the password for the user {user} is missing"),
                }));
            };
            builder = builder.credentials(Credentials::new(user.clone(), password));
        }
        Ok(Self {
            transport: builder.build(),
            server: format!("{}:{}", settings.host, settings.port),
            exchange_timeout: timeout.saturating_mul(EXCHANGE_TIMEOUTS),
            security: settings.security,
            user: settings.user.clone(),
            password: password.filter(|password| !password.is_empty()),
        })
    }

    /// Sends `message` to the recipients of its envelope (its To, Cc and Bcc).
    ///
    /// # Errors
    /// A [`SendError`] that says whether trying again can help.
    pub async fn send(&self, message: &Message) -> Result<SentReceipt, SendError> {
        let response = self
            .bounded(
                self.transport
                    .send_raw(message.envelope(), &message.formatted()),
            )
            .await?;
        let lines: Vec<&str> = response.message().collect();
        Ok(SentReceipt {
            message_id: message.headers().get_raw("Message-ID").map(str::to_owned),
            response: format!("{} {}", response.code(), lines.join(" "))
                .trim_end()
                .to_owned(),
        })
    }

    /// Connects, upgrades to TLS and logs in as for a send, then asks the server for a
    /// `NOOP` and says goodbye.
    ///
    /// # Errors
    /// A [`SendError`] with the server's answer or the connection's error.
    pub async fn test_connection(&self) -> Result<(), SendError> {
        if self.bounded(self.transport.test_connection()).await? {
            Ok(())
        } else {
            Err(SendError {
                permanent: false,
                code: None,
                message: format!("{}: the server did not answer NOOP", self.server),
            })
        }
    }

    /// Runs one exchange with the server within the exchange timeout.
    async fn bounded<T>(
        &self,
        exchange: impl Future<Output = Result<T, smtp::Error>>,
    ) -> Result<T, SendError> {
        match tokio::time::timeout(self.exchange_timeout, exchange).await {
            Ok(result) => result.map_err(|error| self.send_error(&error)),
            Err(_) => Err(SendError {
                permanent: false,
                code: None,
                message: format!(
                    "{}: the server did not finish answering within {:?} (timed out)",
                    self.server, self.exchange_timeout
                ),
            }),
        }
    }

    fn send_error(&self, error: &smtp::Error) -> SendError {
        let mut message = format!("{}: {}", self.server, error_chain(error));
        if let Some(password) = &self.password {
            message = message.replace(password.as_str(), "********");
        }
        SendError {
            permanent: Failure::of(error).is_permanent(),
            code: error
                .status()
                .and_then(|code| code.to_string().parse().ok()),
            message,
        }
    }
}

impl fmt::Debug for Mailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mailer")
            .field("server", &self.server)
            .field("security", &self.security)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "********"))
            .finish()
    }
}

/// lettre's message with every cause below it that it does not already show.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// The kinds of failure lettre reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// A 5xx reply.
    Permanent,
    /// A 4xx reply.
    Transient,
    /// Connecting or a command took too long.
    Timeout,
    /// The TLS handshake or certificate check failed.
    Tls,
    /// lettre refused on its own: the server offers no STARTTLS, no login method that
    /// lettre has, no SMTPUTF8 for a non-ASCII address.
    Client,
    /// The server's reply could not be read.
    Response,
    /// The transport was shut down.
    Shutdown,
    /// Connecting failed or the connection broke.
    Network,
}

impl Failure {
    fn of(error: &smtp::Error) -> Self {
        if error.is_permanent() {
            Self::Permanent
        } else if error.is_transient() {
            Self::Transient
        } else if error.is_timeout() {
            Self::Timeout
        } else if error.is_tls() {
            Self::Tls
        } else if error.is_client() {
            Self::Client
        } else if error.is_response() {
            Self::Response
        } else if error.is_transport_shutdown() {
            Self::Shutdown
        } else {
            Self::Network
        }
    }

    /// Whether trying again cannot help. A client failure is a mismatch between the
    /// settings and the server, which only changing the settings fixes.
    fn is_permanent(self) -> bool {
        match self {
            Self::Permanent | Self::Client => true,
            Self::Transient
            | Self::Timeout
            | Self::Tls
            | Self::Response
            | Self::Shutdown
            | Self::Network => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification() {
        assert!(Failure::Permanent.is_permanent());
        assert!(Failure::Client.is_permanent());
        for transient in [
            Failure::Transient,
            Failure::Timeout,
            Failure::Tls,
            Failure::Response,
            Failure::Shutdown,
            Failure::Network,
        ] {
            assert!(!transient.is_permanent(), "{transient:?}");
        }
    }

    fn settings() -> SmtpSettings {
        SmtpSettings {
            host: "smtp.example.com".to_owned(),
            port: 587,
            security: Security::StartTls,
            user: Some("shop".to_owned()),
            from_address: "shop@example.com".to_owned(),
            from_name: "Shop".to_owned(),
            admin_addresses: Vec::new(),
        }
    }

    #[test]
    fn a_user_needs_a_password() {
        let error = Mailer::new(&settings(), None).unwrap_err();
        assert!(
            matches!(&error, MailError::Settings(SettingsError { field, .. }) if field == "password"),
            "{error}"
        );
        let mut anonymous = settings();
        anonymous.user = None;
        Mailer::new(&anonymous, None).unwrap();
    }

    #[test]
    fn debug_hides_the_password() {
        let mailer = Mailer::new(&settings(), Some("hunter2".to_owned())).unwrap();
        let shown = format!("{mailer:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("smtp.example.com:587"), "{shown}");
    }

    #[test]
    fn error_chain_adds_only_new_causes() {
        #[derive(Debug)]
        struct Outer(std::io::Error);
        impl fmt::Display for Outer {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "network error: {}", self.0)
            }
        }
        impl std::error::Error for Outer {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
        let error = Outer(std::io::Error::new(
            std::io::ErrorKind::ConnectionRefused,
            "refused",
        ));
        assert_eq!(error_chain(&error), "network error: refused");
    }
}
