//! The SMTP settings and their check.

use serde::{Deserialize, Serialize};

use crate::address::parse_address;
use crate::error::{SettingsError, quoted};

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// A plain connection upgraded with STARTTLS before anything is sent; refused when the
    /// server cannot upgrade (usually port 587).
    StartTls,
    /// TLS from the first byte (implicit TLS, usually port 465).
    Tls,
    /// No encryption: only for a relay on the same machine or in tests.
    None,
}

impl Security {
    /// The usual port for this kind of connection: 587, 465 or 25.
    #[must_use]
    pub fn default_port(self) -> u16 {
        match self {
            Self::StartTls => 587,
            Self::Tls => 465,
            Self::None => 25,
        }
    }
}

/// Where and as whom messages are sent. The password is not part of the settings: it is
/// kept in the keyring and handed to [`Mailer::new`](crate::Mailer::new).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct SmtpSettings {
    /// The SMTP server's host name (or IP address).
    pub host: String,
    /// The SMTP server's port.
    pub port: u16,
    /// How the connection is protected.
    pub security: Security,
    /// The user name to log in with; `None` sends without logging in.
    pub user: Option<String>,
    /// The sender's address, which also receives the new-order notifications.
    pub from_address: String,
    /// The sender's display name, usually the store's name.
    pub from_name: String,
    /// More addresses that receive the new-order notifications.
    pub admin_addresses: Vec<String>,
}

/// The longest host name DNS allows.
const MAX_HOST_LEN: usize = 253;

impl SmtpSettings {
    /// Checks every field, in the order of the struct.
    ///
    /// # Errors
    /// A [`SettingsError`] naming the first field that is not valid: `host`, `port`,
    /// `user`, `from_address`, `from_name` or `admin_addresses[i]`.
    pub fn validate(&self) -> Result<(), SettingsError> {
        let error = |field: &str, message: String| SettingsError {
            field: field.to_owned(),
            message,
        };
        let host = self.host.as_str();
        if host.is_empty() {
            return Err(error("host", "the SMTP server is missing".to_owned()));
        }
        if host.len() > MAX_HOST_LEN
            || !host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '[' | ']'))
        {
            return Err(error(
                "host",
                format!(
                    "{} is not a host name: it may only hold letters, digits, dots and dashes",
                    quoted(host)
                ),
            ));
        }
        if self.port == 0 {
            return Err(error(
                "port",
                "the port must be between 1 and 65535".to_owned(),
            ));
        }
        if let Some(user) = &self.user
            && (user.is_empty() || user.chars().any(char::is_control))
        {
            return Err(error(
                "user",
                "the user name must not be empty or hold line breaks (leave it out to send \
                 without logging in)"
                    .to_owned(),
            ));
        }
        parse_address(&self.from_address)
            .map_err(|problem| error("from_address", problem.to_string()))?;
        if self.from_name.chars().any(char::is_control) {
            return Err(error(
                "from_name",
                "the sender's name must not hold line breaks".to_owned(),
            ));
        }
        for (index, address) in self.admin_addresses.iter().enumerate() {
            parse_address(address).map_err(|problem| {
                error(&format!("admin_addresses[{index}]"), problem.to_string())
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> SmtpSettings {
        SmtpSettings {
            host: "smtp.example.com".to_owned(),
            port: 587,
            security: Security::StartTls,
            user: Some("shop@example.com".to_owned()),
            from_address: "shop@example.com".to_owned(),
            from_name: "Corner Shop".to_owned(),
            admin_addresses: vec!["a@example.com".to_owned(), "b@example.com".to_owned()],
        }
    }

    fn field_of(change: impl FnOnce(&mut SmtpSettings)) -> String {
        let mut settings = settings();
        change(&mut settings);
        settings.validate().unwrap_err().field
    }

    #[test]
    fn good_settings_pass() {
        settings().validate().unwrap();
        let mut local = settings();
        local.host = "127.0.0.1".to_owned();
        local.security = Security::None;
        local.user = None;
        local.admin_addresses.clear();
        local.validate().unwrap();
    }

    #[test]
    fn errors_name_the_field() {
        assert_eq!(field_of(|s| s.host = String::new()), "host");
        assert_eq!(field_of(|s| s.host = "smtp example.com".to_owned()), "host");
        assert_eq!(
            field_of(|s| s.host = "smtp.example.com\r\n".to_owned()),
            "host"
        );
        assert_eq!(field_of(|s| s.port = 0), "port");
        assert_eq!(field_of(|s| s.user = Some(String::new())), "user");
        assert_eq!(
            field_of(|s| s.from_address = "shop".to_owned()),
            "from_address"
        );
        assert_eq!(
            field_of(|s| s.from_name = "Shop\nBcc: x".to_owned()),
            "from_name"
        );
        assert_eq!(
            field_of(|s| s.admin_addresses.push("not an address".to_owned())),
            "admin_addresses[2]"
        );
    }

    #[test]
    fn error_message_names_field_and_address() {
        let mut settings = settings();
        settings.admin_addresses[1] = "b.example.com".to_owned();
        assert_eq!(
            settings.validate().unwrap_err().to_string(),
            "admin_addresses[1]: \"b.example.com\" is not an e-mail address: it needs a name, \
             an @ and a domain"
        );
    }

    #[test]
    fn serde_uses_snake_case() {
        let json = serde_json::to_value(settings()).unwrap();
        assert_eq!(json["security"], "start_tls");
        assert_eq!(json["from_address"], "shop@example.com");
        let back: SmtpSettings = serde_json::from_value(json).unwrap();
        assert_eq!(back, settings());
        assert_eq!(
            serde_json::from_str::<Security>("\"none\"").unwrap(),
            Security::None
        );
        assert_eq!(Security::Tls.default_port(), 465);
    }
}
