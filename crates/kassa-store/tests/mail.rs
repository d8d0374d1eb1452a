//! The mail outbox's bookkeeping on a real SQLite file: one worker at a time holds a mail,
//! the Message-ID is fixed at the first claim, and retries, failures and requeues move the
//! mail through the sent log.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test fixtures fail loudly"
)]

use chrono::{Duration, TimeZone, Utc};
use kassa_store::Store;

#[tokio::test]
async fn a_mail_is_held_by_one_worker_and_keeps_its_message_id_across_attempts() {
    let folder = tempfile::tempdir().unwrap();
    let store = Store::open(&folder.path().join("kassa.sqlite3"))
        .await
        .unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut tx = store.begin_write().await.unwrap();
    for uuid in ["order-1", "order-2"] {
        tx.enqueue_outbox(
            "mail",
            "order_confirmation",
            uuid,
            &serde_json::json!({}),
            now,
        )
        .await
        .unwrap();
    }
    tx.enqueue_outbox(
        "sync",
        "order_created",
        "order-1",
        &serde_json::json!({}),
        now,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let mut ids = 0;
    let mut next_id = || {
        ids += 1;
        format!("<{ids}@kassa.test>")
    };
    let lease = now + Duration::minutes(2);
    let mut tx = store.begin_write().await.unwrap();
    let first = tx.claim_mail(now, lease, 10, &mut next_id).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(first.len(), 2, "only mail rows are claimed");
    let mut tx = store.begin_write().await.unwrap();
    assert!(
        tx.claim_mail(now, lease, 10, &mut next_id)
            .await
            .unwrap()
            .is_empty(),
        "a second worker gets nothing while the lease holds"
    );
    tx.commit().await.unwrap();

    // Worker one dies; after the lease a second worker takes over with the same Message-IDs.
    let later = lease + Duration::seconds(1);
    let mut tx = store.begin_write().await.unwrap();
    let again = tx
        .claim_mail(later, later + Duration::minutes(2), 10, &mut next_id)
        .await
        .unwrap();
    assert_eq!(
        again.iter().map(|job| &job.message_id).collect::<Vec<_>>(),
        first.iter().map(|job| &job.message_id).collect::<Vec<_>>()
    );
    tx.mail_composed(
        again[0].outbox_id,
        "ann@example.test",
        "Order confirmed",
        later,
    )
    .await
    .unwrap();
    tx.mail_sent(again[0].outbox_id, later).await.unwrap();
    tx.mail_retry(
        again[1].outbox_id,
        "connection refused",
        later + Duration::minutes(1),
        later,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let counts = store.mail_counts().await.unwrap();
    assert_eq!((counts.pending, counts.failed), (1, 0));
    assert_eq!(
        store.next_mail_due().await.unwrap(),
        Some(later + Duration::minutes(1))
    );
    let mut tx = store.begin_write().await.unwrap();
    assert!(
        tx.claim_mail(later, later, 10, &mut next_id)
            .await
            .unwrap()
            .is_empty(),
        "not due before its next attempt"
    );
    let retried = tx
        .claim_mail(
            later + Duration::minutes(1),
            later + Duration::minutes(3),
            10,
            &mut next_id,
        )
        .await
        .unwrap();
    assert_eq!(retried.len(), 1);
    assert_eq!(retried[0].attempts, 1);
    tx.mail_failed(retried[0].outbox_id, "550 no such user", later)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let log = store.mail_log(None, 10).await.unwrap();
    assert_eq!(log.len(), 2, "the sent log lists mails only");
    assert_eq!(log[0].state, "failed");
    assert_eq!(log[0].last_error.as_deref(), Some("550 no such user"));
    assert_eq!(log[0].attempts, 2);
    assert_eq!(log[1].state, "sent");
    assert_eq!(log[1].recipients, "ann@example.test");
    assert_eq!(log[1].sent_at, Some(later));
    assert_eq!(store.mail_counts().await.unwrap().failed, 1);

    let mut tx = store.begin_write().await.unwrap();
    assert!(tx.requeue_mail(log[0].outbox_id, later).await.unwrap());
    assert!(
        !tx.requeue_mail(log[1].outbox_id, later).await.unwrap(),
        "a sent mail stays sent"
    );
    tx.commit().await.unwrap();
    let entry = store
        .mail_log_entry(log[0].outbox_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(entry.state, "queued");
    assert_eq!(
        entry.message_id, log[0].message_id,
        "a requeued mail keeps its Message-ID"
    );
}
