//! Backups while the registers sell, a restore that waits for the next start (with a safety
//! copy of what it replaces), refusals of files that are not Kassa databases, and daily
//! backups with rotation.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]

mod support;

use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use kassa_core::api::{BackupRequest, RestoreRequest};
use kassa_core::clock::FixedClock;
use kassa_core::{ErrorCode, Kassa, RegisterConfig};
use support::{TestStore, cash_sale};

#[tokio::test]
async fn a_backup_restored_at_the_next_start_keeps_a_safety_copy_of_what_it_replaces() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    cash_sale(&kassa, &[1]).await;
    let backup = kassa.backup(BackupRequest::default()).await.unwrap();
    assert!(backup.bytes > 0);
    assert!(backup.path.contains("backups"), "{}", backup.path);
    assert_eq!(
        kassa
            .backup(BackupRequest {
                path: Some(backup.path.clone())
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput,
        "an existing file is never overwritten"
    );
    cash_sale(&kassa, &[2]).await; // after the backup
    assert_eq!(kassa.list_backups().await.unwrap().len(), 1);

    let unconfirmed = kassa
        .schedule_restore(RestoreRequest {
            path: backup.path.clone(),
            confirm: false,
        })
        .await
        .unwrap_err();
    assert!(unconfirmed.message.starts_with("confirm"));
    let not_kassa = test.path().with_file_name("notes.txt");
    std::fs::write(&not_kassa, "not a database").unwrap();
    assert_eq!(
        kassa
            .schedule_restore(RestoreRequest {
                path: not_kassa.display().to_string(),
                confirm: true,
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    let plan = kassa
        .schedule_restore(RestoreRequest {
            path: backup.path.clone(),
            confirm: true,
        })
        .await
        .unwrap();
    assert_eq!(plan.orders, 1);
    assert_eq!(
        kassa.app_status().await.unwrap().order_count,
        2,
        "nothing changes until the restart"
    );
    kassa.close().await;

    let restarted = test.register("R1").await;
    assert_eq!(
        restarted.app_status().await.unwrap().order_count,
        1,
        "the backup is in place"
    );
    let safety = restarted
        .list_backups()
        .await
        .unwrap()
        .into_iter()
        .find(|backup| backup.path.contains("pre-restore-"))
        .unwrap();
    let before = Kassa::open(
        std::path::Path::new(&safety.path),
        RegisterConfig::default(),
        Arc::new(FixedClock(Utc::now())),
    )
    .await
    .unwrap();
    assert_eq!(
        before.app_status().await.unwrap().order_count,
        2,
        "the safety copy has what was replaced"
    );
    // The journal of the restored database is whole.
    assert!(restarted.verify_journal().await.unwrap().problem.is_none());
}

#[tokio::test]
async fn daily_backups_are_made_once_a_day_and_rotated() {
    let test = TestStore::with_demo().await;
    test.set_setting("backup_keep_days", "2").await;
    let start = Utc.with_ymd_and_hms(2026, 11, 20, 23, 0, 0).unwrap();
    for day in 0..4 {
        let kassa = test.register_at("R1", start + Duration::days(day)).await;
        assert!(kassa.run_daily_backup().await.unwrap().is_some());
        assert!(
            kassa.run_daily_backup().await.unwrap().is_none(),
            "once a day"
        );
    }
    let kassa = test.register_at("R1", start + Duration::days(3)).await;
    let mut names: Vec<String> = kassa
        .list_backups()
        .await
        .unwrap()
        .iter()
        .map(|backup| backup.path.rsplit('/').next().unwrap().to_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["daily-2026-11-22.sqlite3", "daily-2026-11-23.sqlite3"]
    );
}
