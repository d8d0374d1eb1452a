//! Kassa's application API: the one surface that the Tauri commands, the `kassa` CLI and
//! the tests call.
//!
//! [`Kassa`] owns the store and the injected [`Clock`]. Each public method takes a request
//! type from [`api`], validates it, runs the domain rules from `kassa-domain` and the SQL
//! of `kassa-store`, and returns a response type or an [`ApiError`] with a stable code.
//! Nothing here knows about Tauri, HTTP or the terminal.

pub mod api;
mod backups;
mod cart;
mod carts;
mod catalog;
mod checkout;
pub mod clock;
mod customers;
pub mod demo;
mod documents;
mod draft;
pub mod error;
mod gift_cards;
mod jobs;
mod journal;
mod mail;
mod order_flow;
mod orders;
mod paid;
pub mod paths;
mod payments;
mod printing;
mod product_import;
mod products;
mod registers;
mod reports;
mod settings;
mod shop_settings;
mod staff;
mod staff_checkout;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use kassa_store::Store;

pub use crate::clock::{Clock, SystemClock};
pub use crate::error::{ApiError, ApiResult, ErrorCode};
pub use kassa_secrets::Secrets;

/// The secrets store the app and the CLI use: the OS keyring, or memory when
/// `KASSA_SECRETS=memory` (the end-to-end tests, which must never touch the user's keyring).
pub fn secrets_from_env() -> Secrets {
    if std::env::var("KASSA_SECRETS").is_ok_and(|value| value == "memory") {
        Secrets::in_memory()
    } else {
        Secrets::os_keyring("kassa")
    }
}

/// Which register this instance rings up for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterConfig {
    /// Register code, part of every order reference (`R1`).
    pub register_code: String,
}

impl Default for RegisterConfig {
    fn default() -> Self {
        Self {
            register_code: "R1".to_owned(),
        }
    }
}

/// The application: one per open database.
#[derive(Clone)]
pub struct Kassa {
    store: Store,
    clock: Arc<dyn Clock>,
    register: RegisterConfig,
    database_path: PathBuf,
    /// Held by the one job worker that runs at a time.
    job_worker: Arc<tokio::sync::Mutex<()>>,
    /// The PDF maker, its fonts parsed once on first use.
    documents: Arc<tokio::sync::OnceCell<Arc<kassa_documents::DocumentMaker>>>,
    /// Where secrets (the SMTP password) are kept: the OS keyring in the app, memory in
    /// tests.
    secrets: kassa_secrets::Secrets,
    /// Who is signed in at this register, and a pending manager approval.
    staff_session: Arc<std::sync::Mutex<staff::Session>>,
}

impl std::fmt::Debug for Kassa {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Kassa")
            .field("register", &self.register)
            .field("database_path", &self.database_path)
            .finish_non_exhaustive()
    }
}

impl Kassa {
    /// Opens the database at `path` (creating and migrating it as needed), with secrets in
    /// memory until [`Kassa::with_secrets`] says otherwise.
    pub async fn open(
        path: &Path,
        register: RegisterConfig,
        clock: Arc<dyn Clock>,
    ) -> ApiResult<Self> {
        backups::apply_pending_restore(path, clock.now()).await?;
        let store = Store::open(path).await.map_err(|error| {
            ApiError::new(
                ErrorCode::Database,
                format!("Cannot open the database {}: {error}", path.display()),
            )
        })?;
        Ok(Self {
            store,
            clock,
            register,
            database_path: path.to_path_buf(),
            job_worker: Arc::default(),
            documents: Arc::default(),
            secrets: kassa_secrets::Secrets::in_memory(),
            staff_session: Arc::default(),
        })
    }

    /// Keeps secrets in `secrets` instead of memory: the desktop app and the CLI pass the
    /// OS keyring (`Secrets::os_keyring`); tests keep the in-memory default, so they never
    /// touch the user's keyring.
    #[must_use]
    pub fn with_secrets(mut self, secrets: kassa_secrets::Secrets) -> Self {
        self.secrets = secrets;
        self
    }

    /// Closes the database cleanly.
    pub async fn close(&self) {
        self.store.close().await;
    }

    /// The store, for the end-to-end tests that inspect rows directly.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// What the app shows first.
    pub async fn app_status(&self) -> ApiResult<api::AppStatus> {
        let settings = self.settings().await?;
        Ok(api::AppStatus {
            store_name: settings.store.name,
            register_code: self.register.register_code.clone(),
            currency_code: settings.pricing.currency.code,
            product_count: self.store.count_products().await?,
            order_count: self.store.count_orders().await?,
            database_path: self.database_path.display().to_string(),
        })
    }
}
