//! Backups and restore.
//!
//! A backup is SQLite's `VACUUM INTO`: a consistent copy taken while registers keep
//! selling. Daily backups go to `backups/daily-YYYY-MM-DD.sqlite3` beside the database and
//! the oldest beyond `backup_keep_days` (default 7) are removed. A restore never swaps the
//! database under a running app: it checks the file (a Kassa database no newer than this
//! version) and leaves a `restore-pending` note; the next [`Kassa::open`] first copies the
//! current database to `backups/pre-restore-…` (the safety copy), then puts the backup in
//! its place, and the usual migrations bring it forward.

use std::path::{Path, PathBuf};

use kassa_domain::staff::Permission;
use kassa_store::backup::{copy_database, inspect_backup};

use crate::api::{BackupInfo, BackupRequest, RestorePlan, RestoreRequest};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// Daily backups kept unless the store says otherwise.
const DEFAULT_KEEP_DAYS: usize = 7;
/// The note a scheduled restore leaves beside the database.
const PENDING: &str = "restore-pending";

fn io_error(what: &str, path: &Path, error: &std::io::Error) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        format!("Could not {what} {}: {error}", path.display()),
    )
}

fn backups_folder(database: &Path) -> PathBuf {
    database
        .parent()
        .map_or_else(|| PathBuf::from("backups"), |dir| dir.join("backups"))
}

fn pending_note(database: &Path) -> PathBuf {
    database.with_file_name(PENDING)
}

fn info(path: &Path) -> BackupInfo {
    BackupInfo {
        path: path.display().to_string(),
        bytes: std::fs::metadata(path)
            .ok()
            .and_then(|meta| i64::try_from(meta.len()).ok())
            .unwrap_or(0),
    }
}

/// Before the database is opened: carries out a restore scheduled by the last run.
pub(crate) async fn apply_pending_restore(
    database: &Path,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<()> {
    let note = pending_note(database);
    let Ok(source) = std::fs::read_to_string(&note) else {
        return Ok(());
    };
    let source = PathBuf::from(source.trim());
    inspect_backup(&source).await.map_err(|error| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "The backup to restore, {}, cannot be used: {error}. Delete {} to start with the current database.",
                source.display(),
                note.display()
            ),
        )
    })?;
    if database.exists() {
        let folder = backups_folder(database);
        std::fs::create_dir_all(&folder).map_err(|error| io_error("create", &folder, &error))?;
        let safety = folder.join(format!(
            "pre-restore-{}.sqlite3",
            now.format("%Y%m%d-%H%M%S")
        ));
        copy_database(database, &safety).await?;
    }
    for suffix in ["-wal", "-shm"] {
        let mut side = database.as_os_str().to_owned();
        side.push(suffix);
        let side = PathBuf::from(side);
        if side.exists() {
            std::fs::remove_file(&side).map_err(|error| io_error("remove", &side, &error))?;
        }
    }
    std::fs::copy(&source, database)
        .map_err(|error| io_error("copy the backup to", database, &error))?;
    std::fs::remove_file(&note).map_err(|error| io_error("remove", &note, &error))?;
    Ok(())
}

impl Kassa {
    /// Writes a consistent copy of the database now (safe while the registers sell).
    pub async fn backup(&self, request: BackupRequest) -> ApiResult<BackupInfo> {
        self.authorize(Permission::Settings).await?;
        let target = match request.path.map(|path| path.trim().to_owned()) {
            Some(path) if !path.is_empty() => PathBuf::from(path),
            _ => backups_folder(&self.database_path).join(format!(
                "kassa-{}.sqlite3",
                self.clock.now().format("%Y%m%d-%H%M%S")
            )),
        };
        if target.exists() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "path: {} already exists; choose a new file.",
                    target.display()
                ),
            ));
        }
        if let Some(parent) = target
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent).map_err(|error| io_error("create", parent, &error))?;
        }
        self.store.backup_to(&target).await?;
        Ok(info(&target))
    }

    /// The backups in `backups/` beside the database, newest first.
    pub async fn list_backups(&self) -> ApiResult<Vec<BackupInfo>> {
        let folder = backups_folder(&self.database_path);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|path| path.extension().is_some_and(|ext| ext == "sqlite3"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort_by_key(|path| {
            std::fs::metadata(path)
                .and_then(|meta| meta.modified())
                .ok()
        });
        files.reverse();
        Ok(files.iter().map(|path| info(path)).collect())
    }

    /// Checks a backup and schedules it to replace the database at the next start (a
    /// safety copy of the current one is made first).
    pub async fn schedule_restore(&self, request: RestoreRequest) -> ApiResult<RestorePlan> {
        self.authorize(Permission::Settings).await?;
        if !request.confirm {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "confirm: restoring replaces everything recorded since the backup; confirm it.",
            ));
        }
        let path = PathBuf::from(request.path.trim());
        let facts = inspect_backup(&path).await.map_err(|error| {
            ApiError::new(
                ErrorCode::InvalidInput,
                format!("path: {} cannot be restored: {error}.", path.display()),
            )
        })?;
        let note = pending_note(&self.database_path);
        std::fs::write(&note, path.display().to_string())
            .map_err(|error| io_error("write", &note, &error))?;
        Ok(RestorePlan {
            path: path.display().to_string(),
            store_name: facts.store_name,
            orders: facts.orders,
        })
    }

    /// Makes today's backup if there is none yet and removes daily backups beyond
    /// `backup_keep_days`; returns the new backup, if one was made.
    pub async fn run_daily_backup(&self) -> ApiResult<Option<BackupInfo>> {
        let folder = backups_folder(&self.database_path);
        let today = self.clock.now().format("%Y-%m-%d");
        let target = folder.join(format!("daily-{today}.sqlite3"));
        let made = if target.exists() {
            None
        } else {
            std::fs::create_dir_all(&folder)
                .map_err(|error| io_error("create", &folder, &error))?;
            self.store.backup_to(&target).await?;
            Some(info(&target))
        };
        let keep = self
            .store
            .settings()
            .await?
            .get("backup_keep_days")
            .and_then(|value| value.parse().ok())
            .unwrap_or(DEFAULT_KEEP_DAYS)
            .max(1);
        let mut dailies: Vec<PathBuf> = std::fs::read_dir(&folder)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|path| {
                        path.file_name()
                            .and_then(|name| name.to_str())
                            .is_some_and(|name| {
                                name.starts_with("daily-") && name.ends_with(".sqlite3")
                            })
                    })
                    .collect()
            })
            .unwrap_or_default();
        // The date in the name sorts them oldest first.
        dailies.sort();
        let excess = dailies.len().saturating_sub(keep);
        for old in dailies.iter().take(excess) {
            std::fs::remove_file(old).map_err(|error| io_error("remove", old, &error))?;
        }
        Ok(made)
    }

    /// The background backup worker: today's backup once a day (checked hourly).
    pub async fn run_backup_worker(self) {
        loop {
            // A failed backup is tried again at the next check.
            let _made = self.run_daily_backup().await;
            tokio::time::sleep(std::time::Duration::from_secs(3_600)).await;
        }
    }
}
