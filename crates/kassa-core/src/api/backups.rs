//! Request and response types of backups and restore.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
