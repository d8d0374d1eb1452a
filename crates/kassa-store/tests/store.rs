//! Store tests on real SQLite files: connection settings, migrations, counters that roll
//! back with their transaction, and the UNIQUE order UUID.

#![allow(clippy::unwrap_used, reason = "test fixtures fail loudly")]

use chrono::{TimeZone, Utc};
use kassa_store::Store;
use kassa_store::orders::NewOrder;

async fn fresh() -> (tempfile::TempDir, Store) {
    let folder = tempfile::tempdir().unwrap();
    let store = Store::open(&folder.path().join("nested/folder/kassa.sqlite3"))
        .await
        .unwrap();
    (folder, store)
}

#[tokio::test]
async fn a_new_file_is_durable_wal_with_foreign_keys_and_the_seeded_settings() {
    let (_folder, store) = fresh().await;
    let settings = store.connection_settings().await.unwrap();
    assert_eq!(settings.journal_mode, "wal");
    assert_eq!(
        settings.synchronous, 2,
        "synchronous must be FULL: a sale is on disk before the receipt shows"
    );
    assert!(settings.foreign_keys, "foreign keys are enforced");
    assert!(
        settings.busy_timeout_ms >= 5_000,
        "writers wait for the lock instead of failing"
    );
    assert_eq!(
        store
            .settings()
            .await
            .unwrap()
            .get("currency_code")
            .map(String::as_str),
        Some("EUR")
    );
}

#[tokio::test]
async fn reopening_applies_no_migration_twice_and_keeps_data() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("kassa.sqlite3");
    let store = Store::open(&path).await.unwrap();
    let mut tx = store.begin_write().await.unwrap();
    tx.set_setting("store_name", "Corner Shop").await.unwrap();
    tx.commit().await.unwrap();
    store.close().await;
    let reopened = Store::open(&path).await.unwrap();
    assert_eq!(
        reopened
            .settings()
            .await
            .unwrap()
            .get("store_name")
            .map(String::as_str),
        Some("Corner Shop")
    );
}

#[tokio::test]
async fn a_rolled_back_number_is_handed_out_again() {
    let (_folder, store) = fresh().await;
    let mut tx = store.begin_write().await.unwrap();
    assert_eq!(tx.next_in_sequence("invoice:INV:2026").await.unwrap(), 1);
    drop(tx); // rolled back: the number was never used
    let mut tx = store.begin_write().await.unwrap();
    assert_eq!(
        tx.next_in_sequence("invoice:INV:2026").await.unwrap(),
        1,
        "a rollback must not leave a gap"
    );
    assert_eq!(tx.next_in_sequence("invoice:INV:2026").await.unwrap(), 2);
    assert_eq!(
        tx.next_in_sequence("invoice:INV:2027").await.unwrap(),
        1,
        "each year has its own series"
    );
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn an_order_uuid_can_be_stored_only_once() {
    let (_folder, store) = fresh().await;
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let order = |reference: &'static str| NewOrder {
        uuid: "6f1c1f0e-8a38-4a3b-9a51-3f0c2b1d9e77",
        reference,
        store_code: "S1",
        register_code: "R1",
        cart_id: None,
        customer_id: None,
        status: "payment_accepted",
        currency_code: "EUR",
        price_mode: "tax_inclusive",
        subtotal_net_minor: 100,
        tax_total_minor: 21,
        total_minor: 121,
        paid_minor: 121,
        change_minor: 0,
        created_at: now,
        items_total_minor: 121,
        discount_total_minor: 0,
        shipping_total_minor: 0,
        shipping_tax_minor: 0,
        shipping_tax_label: None,
        cash_rounding_minor: 0,
        carrier: None,
        pay_later_method: None,
        shipping_address: None,
        invoice_address: None,
    };
    let mut tx = store.begin_write().await.unwrap();
    tx.insert_order(&order("S1-R1-000001")).await.unwrap();
    let error = tx.insert_order(&order("S1-R1-000002")).await.unwrap_err();
    assert!(
        error.is_unique_violation(),
        "the UUID is the idempotency key: {error}"
    );
}

#[tokio::test]
async fn a_writer_that_gives_up_waiting_is_reported_as_busy() {
    use sqlx::Connection;
    use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
    let (folder, store) = fresh().await;
    let options = SqliteConnectOptions::new()
        .filename(folder.path().join("nested/folder/kassa.sqlite3"))
        .busy_timeout(std::time::Duration::ZERO);
    let mut waiter = SqliteConnection::connect_with(&options).await.unwrap();
    let _lock = store.begin_write().await.unwrap();
    let error =
        kassa_store::StoreError::from(waiter.begin_with("BEGIN IMMEDIATE").await.unwrap_err());
    assert!(error.is_busy(), "{error}");
    assert!(!error.is_unique_violation());
}
