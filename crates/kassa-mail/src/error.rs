//! The errors of checking settings and composing messages.

/// A field of [`SmtpSettings`](crate::SmtpSettings) that is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct SettingsError {
    /// The field, as in the settings' JSON: `host`, `port`, `from_address`,
    /// `admin_addresses[2]`, …
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

/// Why an address could not be used or a message could not be composed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    /// The text is not an e-mail address.
    #[error("{input} is not an e-mail address: {reason}")]
    InvalidAddress {
        /// The text, quoted and escaped so that it prints on one line.
        input: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The SMTP settings are not valid.
    #[error("the SMTP settings are not valid: {0}")]
    Settings(#[from] SettingsError),
    /// The Message-ID is not of the form `<unique@domain>`.
    #[error("{0} is not a Message-ID: it must look like <unique@domain>")]
    InvalidMessageId(String),
    /// A link in a message is not an `http` or `https` address.
    #[error("the {field} {url} is not an http or https address")]
    InvalidLink {
        /// Which link.
        field: &'static str,
        /// The link, quoted and escaped.
        url: String,
    },
    /// A template failed to render.
    #[error("the {template} template failed: {message}")]
    Template {
        /// The template's file name.
        template: &'static str,
        /// askama's message.
        message: String,
    },
    /// lettre refused to build the message.
    #[error("the message could not be built: {0}")]
    Build(String),
}

/// `text` quoted and escaped, so that control characters show instead of acting.
pub(crate) fn quoted(text: &str) -> String {
    format!("\"{}\"", text.escape_debug())
}
