//! Kassa's one wrapper for secrets (the SMTP password, later API tokens).
//!
//! [`Secrets`] stores short text values under plain keys such as `smtp_password`:
//!
//! - [`Secrets::os_keyring`] keeps them in the operating system's store: the Keychain on
//!   macOS, the Credential Manager on Windows, and the Secret Service (GNOME Keyring,
//!   KWallet) over D-Bus on Linux. Each key is one entry of the given service name.
//! - [`Secrets::in_memory`] keeps them in a map, for tests: tests never touch the user's
//!   real keyring.
//!
//! ```
//! # fn main() -> Result<(), kassa_secrets::SecretsError> {
//! let secrets = kassa_secrets::Secrets::in_memory();
//! secrets.set("smtp_password", "s3cret")?;
//! assert_eq!(secrets.get("smtp_password")?.as_deref(), Some("s3cret"));
//! secrets.delete("smtp_password")?;
//! secrets.delete("smtp_password")?; // deleting a missing key is fine
//! assert_eq!(secrets.get("smtp_password")?, None);
//! # Ok(())
//! # }
//! ```
//!
//! **Invariant:** a secret value never appears in an error or in `Debug` output: errors
//! name the key, the operation and the store's own message, and `Debug` shows the store.
//!
//! The keyring calls are blocking (an IPC round trip, sometimes an unlock prompt): from
//! async code, call them on the blocking pool (`tokio::task::spawn_blocking`). `Secrets` is
//! cheap to clone and can be moved there.
//!
//! keyring 3 with no store feature silently falls back to a mock that forgets everything;
//! the workspace names every native store, and a test checks that the store picked on this
//! platform persists.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

/// The longest key accepted.
const MAX_KEY_LEN: usize = 64;

/// A handle on the secret store. Clones share the same store.
#[derive(Clone)]
pub struct Secrets {
    store: Arc<Store>,
}

enum Store {
    OsKeyring { service: String },
    Memory(Mutex<HashMap<String, String>>),
}

impl Secrets {
    /// The operating system's keyring; each key is one entry of `service` (for example
    /// `"kassa"`). Nothing is contacted until the first call.
    #[must_use]
    pub fn os_keyring(service: &str) -> Self {
        Self {
            store: Arc::new(Store::OsKeyring {
                service: service.to_owned(),
            }),
        }
    }

    /// An empty store in memory, for tests; clones share it.
    #[must_use]
    pub fn in_memory() -> Self {
        Self {
            store: Arc::new(Store::Memory(Mutex::new(HashMap::new()))),
        }
    }

    /// The value stored under `key`, or `None` when there is none.
    ///
    /// # Errors
    /// The key is not a valid key name, or the store failed (locked, not running, the
    /// value is not text).
    pub fn get(&self, key: &str) -> Result<Option<String>, SecretsError> {
        check_key(key, Operation::Get)?;
        match &*self.store {
            Store::OsKeyring { service } => {
                match entry(service, key, Operation::Get)?.get_password() {
                    Ok(value) => Ok(Some(value)),
                    Err(keyring::Error::NoEntry) => Ok(None),
                    Err(error) => Err(keyring_error(key, Operation::Get, &error)),
                }
            }
            Store::Memory(map) => Ok(lock(map).get(key).cloned()),
        }
    }

    /// Stores `value` under `key`, replacing what was there.
    ///
    /// # Errors
    /// The key is not a valid key name, or the store refused the value or failed.
    pub fn set(&self, key: &str, value: &str) -> Result<(), SecretsError> {
        check_key(key, Operation::Set)?;
        match &*self.store {
            Store::OsKeyring { service } => entry(service, key, Operation::Set)?
                .set_password(value)
                .map_err(|error| keyring_error(key, Operation::Set, &error)),
            Store::Memory(map) => {
                lock(map).insert(key.to_owned(), value.to_owned());
                Ok(())
            }
        }
    }

    /// Removes the value stored under `key`; a key with no value is fine.
    ///
    /// # Errors
    /// The key is not a valid key name, or the store failed.
    pub fn delete(&self, key: &str) -> Result<(), SecretsError> {
        check_key(key, Operation::Delete)?;
        match &*self.store {
            Store::OsKeyring { service } => {
                match entry(service, key, Operation::Delete)?.delete_credential() {
                    Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
                    Err(error) => Err(keyring_error(key, Operation::Delete, &error)),
                }
            }
            Store::Memory(map) => {
                lock(map).remove(key);
                Ok(())
            }
        }
    }
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.store {
            Store::OsKeyring { service } => f
                .debug_struct("Secrets")
                .field("store", &"os keyring")
                .field("service", service)
                .finish(),
            Store::Memory(map) => f
                .debug_struct("Secrets")
                .field("store", &"memory")
                .field("entries", &lock(map).len())
                .finish(),
        }
    }
}

/// What was being done when a [`SecretsError`] happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// Reading a value.
    Get,
    /// Storing a value.
    Set,
    /// Removing a value.
    Delete,
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Get => "read",
            Self::Set => "store",
            Self::Delete => "delete",
        })
    }
}

/// Why a [`SecretsError`] happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The key is empty, too long or has characters other than ASCII letters, digits,
    /// `_`, `-` and `.`.
    InvalidKey,
    /// The store could not be reached or used: not running, locked, access refused.
    Unavailable,
    /// The stored value is not UTF-8 text.
    NotText,
    /// The store refused the entry (an attribute too long or invalid, or ambiguous).
    Rejected,
}

/// A failed secret operation: which key, which operation and the store's message. It
/// never holds the secret value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("could not {operation} the secret `{key}`: {message}")]
pub struct SecretsError {
    /// The key that was used.
    pub key: String,
    /// What was being done.
    pub operation: Operation,
    /// The kind of failure.
    pub kind: ErrorKind,
    /// The store's message, or ours for the failures that carry data.
    pub message: String,
}

fn check_key(key: &str, operation: Operation) -> Result<(), SecretsError> {
    let valid = !key.is_empty()
        && key.len() <= MAX_KEY_LEN
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if valid {
        Ok(())
    } else {
        Err(SecretsError {
            // Escaped, so that a key with control characters prints on one line.
            key: key.escape_default().to_string(),
            operation,
            kind: ErrorKind::InvalidKey,
            message: format!("a key is 1 to {MAX_KEY_LEN} ASCII letters, digits, `_`, `-` or `.`"),
        })
    }
}

fn entry(service: &str, key: &str, operation: Operation) -> Result<keyring::Entry, SecretsError> {
    keyring::Entry::new(service, key).map_err(|error| keyring_error(key, operation, &error))
}

/// The error for a keyring failure. The variants that carry data (the raw bytes of a value
/// that is not text, the matching credentials of an ambiguous entry) are described in our
/// own words so that nothing stored leaks into a message.
fn keyring_error(key: &str, operation: Operation, error: &keyring::Error) -> SecretsError {
    let (kind, message) = match error {
        keyring::Error::PlatformFailure(inner) => (
            ErrorKind::Unavailable,
            format!("the secure store failed: {inner}"),
        ),
        keyring::Error::NoStorageAccess(inner) => (
            ErrorKind::Unavailable,
            format!("the secure store cannot be accessed: {inner}"),
        ),
        keyring::Error::NoEntry => (ErrorKind::Rejected, "no such entry".to_owned()),
        keyring::Error::BadEncoding(_) => (
            ErrorKind::NotText,
            "the stored value is not UTF-8 text".to_owned(),
        ),
        keyring::Error::TooLong(attribute, limit) => (
            ErrorKind::Rejected,
            format!("the {attribute} is longer than the store's limit of {limit}"),
        ),
        keyring::Error::Invalid(attribute, reason) => (
            ErrorKind::Rejected,
            format!("the {attribute} is invalid: {reason}"),
        ),
        keyring::Error::Ambiguous(items) => (
            ErrorKind::Rejected,
            format!("{} entries match the key", items.len()),
        ),
        // keyring's error is non-exhaustive: name the kind only.
        _ => (ErrorKind::Unavailable, "the secure store failed".to_owned()),
    };
    SecretsError {
        key: key.to_owned(),
        operation,
        kind,
        message,
    }
}

fn lock(
    map: &Mutex<HashMap<String, String>>,
) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
    // A panic while holding the lock cannot leave the map half-changed.
    map.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_memory_round_trip() {
        let secrets = Secrets::in_memory();
        assert_eq!(secrets.get("smtp_password").unwrap(), None);
        secrets.set("smtp_password", "hunter2").unwrap();
        assert_eq!(
            secrets.get("smtp_password").unwrap().as_deref(),
            Some("hunter2")
        );
        secrets.set("smtp_password", "correct horse").unwrap();
        assert_eq!(
            secrets.get("smtp_password").unwrap().as_deref(),
            Some("correct horse")
        );
        secrets.delete("smtp_password").unwrap();
        assert_eq!(secrets.get("smtp_password").unwrap(), None);
    }

    #[test]
    fn deleting_a_missing_key_is_ok() {
        let secrets = Secrets::in_memory();
        secrets.delete("never_set").unwrap();
        secrets.delete("never_set").unwrap();
    }

    #[test]
    fn clones_share_the_store() {
        let secrets = Secrets::in_memory();
        let clone = secrets.clone();
        clone.set("api_token", "t0ken").unwrap();
        assert_eq!(secrets.get("api_token").unwrap().as_deref(), Some("t0ken"));
        // A separate store shares nothing.
        assert_eq!(Secrets::in_memory().get("api_token").unwrap(), None);
    }

    #[test]
    fn keys_are_independent_and_values_keep_unicode() {
        let secrets = Secrets::in_memory();
        secrets.set("a", "äöü €").unwrap();
        secrets.set("b", "").unwrap();
        assert_eq!(secrets.get("a").unwrap().as_deref(), Some("äöü €"));
        assert_eq!(secrets.get("b").unwrap().as_deref(), Some(""));
    }

    #[test]
    fn debug_never_shows_values() {
        let memory = Secrets::in_memory();
        memory.set("smtp_password", "hunter2").unwrap();
        let shown = format!("{memory:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert_eq!(shown, r#"Secrets { store: "memory", entries: 1 }"#);
        let os = format!("{:?}", Secrets::os_keyring("kassa-test"));
        assert_eq!(
            os,
            r#"Secrets { store: "os keyring", service: "kassa-test" }"#
        );
    }

    #[test]
    fn invalid_keys_are_refused_by_name_and_operation() {
        let secrets = Secrets::in_memory();
        let error = secrets.set("", "hunter2").unwrap_err();
        assert_eq!(error.kind, ErrorKind::InvalidKey);
        assert_eq!(error.operation, Operation::Set);
        assert!(!error.to_string().contains("hunter2"));
        let error = secrets.get("bad\nkey").unwrap_err();
        assert_eq!(error.key, "bad\\nkey");
        assert!(
            error
                .to_string()
                .starts_with("could not read the secret `bad\\nkey`: a key is"),
            "{error}"
        );
        assert_eq!(
            secrets.delete(&"k".repeat(65)).unwrap_err().kind,
            ErrorKind::InvalidKey
        );
        secrets.set(&"k".repeat(64), "ok").unwrap();
    }

    #[test]
    fn keyring_errors_name_key_and_operation_but_never_the_value() {
        let error = keyring_error(
            "smtp_password",
            Operation::Get,
            &keyring::Error::BadEncoding(b"hunter2".to_vec()),
        );
        assert_eq!(error.kind, ErrorKind::NotText);
        assert_eq!(
            error.to_string(),
            "could not read the secret `smtp_password`: the stored value is not UTF-8 text"
        );
        assert!(!format!("{error:?}").contains("hunter2"));

        let error = keyring_error(
            "smtp_password",
            Operation::Set,
            &keyring::Error::NoStorageAccess("the collection is locked".into()),
        );
        assert_eq!(error.kind, ErrorKind::Unavailable);
        assert_eq!(
            error.to_string(),
            "could not store the secret `smtp_password`: the secure store cannot be accessed: \
             the collection is locked"
        );

        let error = keyring_error(
            "smtp_password",
            Operation::Delete,
            &keyring::Error::PlatformFailure("no D-Bus session".into()),
        );
        assert_eq!(
            error.to_string(),
            "could not delete the secret `smtp_password`: the secure store failed: no D-Bus session"
        );
    }

    /// keyring 3 falls back to a mock that forgets everything when no store feature is
    /// on: the store this build uses must keep secrets until they are deleted. This only
    /// builds the store's description; it contacts nothing.
    #[test]
    fn the_native_store_persists() {
        let persistence = keyring::default::default_credential_builder().persistence();
        assert!(
            matches!(
                persistence,
                keyring::credential::CredentialPersistence::UntilDelete
            ),
            "keyring is built without a persistent native store"
        );
    }

    /// Writes to, reads from and deletes one entry in the real keyring of this session.
    /// Never run by default: run it by hand with
    /// `cargo test -p kassa-secrets -- --ignored`. On a headless Linux machine, run it
    /// inside `dbus-run-session` after
    /// `echo -n some-password | gnome-keyring-daemon --unlock --components=secrets`, with
    /// `XDG_DATA_HOME` pointing at a throwaway folder: the daemon then creates a `login`
    /// collection there. Without a default collection every call fails with "no result
    /// found" (even reading a missing key).
    #[test]
    #[ignore = "touches the real OS keyring"]
    fn os_keyring_round_trip() {
        let secrets = Secrets::os_keyring("kassa-secrets-test");
        let key = "round_trip_test";
        secrets.delete(key).unwrap();
        assert_eq!(secrets.get(key).unwrap(), None);
        secrets.set(key, "s3cret äöü").unwrap();
        assert_eq!(secrets.get(key).unwrap().as_deref(), Some("s3cret äöü"));
        secrets.delete(key).unwrap();
        secrets.delete(key).unwrap();
        assert_eq!(secrets.get(key).unwrap(), None);
    }
}
