//! Where the database lives: `--db PATH`, else `KASSA_DB`, else the OS app-data folder.
//! The desktop app and the CLI resolve it the same way.

use std::path::PathBuf;

/// The app identifier; also the app-data folder name (as Tauri names it).
pub const APP_IDENTIFIER: &str = "app.kassa.pos";

/// The environment variable that overrides the database path.
pub const DATABASE_ENV: &str = "KASSA_DB";

/// The default database file in the OS app-data folder
/// (`~/.local/share/app.kassa.pos/kassa.sqlite3` on Linux).
pub fn default_database_path() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER).join("kassa.sqlite3"))
}

/// Resolves the database path from an explicit flag, then the environment, then the
/// default. `None` only when the OS has no app-data folder and nothing was given.
pub fn resolve_database_path(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| {
        std::env::var_os(DATABASE_ENV)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
    })
    .or_else(default_database_path)
}
