//! A database made by an earlier Kassa is migrated forward when the app opens it: a file
//! built with the schema of the previous release (the first six migrations, as that release
//! shipped them) and filled with its own SQL opens, gains the new tables (mail, registers,
//! journal, staff) with their defaults, keeps its data, and sells.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]

use std::path::Path;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use kassa_core::api::{CheckoutRequest, ScanRequest, TenderInput};
use kassa_core::clock::FixedClock;
use kassa_core::{Kassa, RegisterConfig};
use rust_decimal_macros::dec;
use uuid::Uuid;

/// The migrations the previous release shipped.
const PREVIOUS_RELEASE: usize = 6;

async fn database_of_the_previous_release(path: &Path) {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations");
    let mut files: Vec<_> = std::fs::read_dir(&repository)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .collect();
    files.sort();
    assert!(
        files.len() > PREVIOUS_RELEASE,
        "this release adds migrations"
    );
    let old = tempfile::tempdir().unwrap();
    for file in &files[..PREVIOUS_RELEASE] {
        std::fs::copy(file, old.path().join(file.file_name().unwrap())).unwrap();
    }
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true);
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    sqlx::migrate::Migrator::new(old.path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    for statement in [
        "INSERT INTO tax_classes (id, code, label) VALUES (1, 'standard', 'Standard')",
        "INSERT INTO tax_rates (tax_class_id, country_code, label, percent) VALUES (1, NULL, 'VAT 21%', '21')",
        "INSERT INTO products (id, sku, name, price_minor, tax_class_id, stock_on_hand, created_at, updated_at)
         VALUES (1, 'OLD-1', 'Kept from the old release', 250, 1, 10, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        "INSERT INTO product_barcodes (barcode, product_id) VALUES ('4006381333931', 1)",
        "INSERT INTO customers (name, email, created_at) VALUES ('Old Customer', 'old@example.test', '2026-01-01T00:00:00Z')",
        "UPDATE settings SET value = 'Old Shop' WHERE key = 'store_name'",
    ] {
        sqlx::query(statement).execute(&pool).await.unwrap();
    }
    pool.close().await;
}

#[tokio::test]
async fn a_database_of_the_previous_release_is_migrated_forward_and_keeps_its_data() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("old.sqlite3");
    database_of_the_previous_release(&path).await;

    let kassa = Kassa::open(
        &path,
        RegisterConfig::default(),
        Arc::new(FixedClock(
            Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap(),
        )),
    )
    .await
    .unwrap();
    let status = kassa.app_status().await.unwrap();
    assert_eq!(status.store_name, "Old Shop");
    assert_eq!(status.product_count, 1);
    assert!(
        kassa.staff_overview().await.unwrap().open_mode,
        "no staff yet"
    );
    assert_eq!(
        kassa.mail_settings().await.unwrap().port,
        587,
        "the new settings have their defaults"
    );
    assert!(kassa.current_register_session().await.unwrap().is_none());

    let cart = kassa
        .scan_barcode(ScanRequest {
            barcode: "4006381333931".into(),
        })
        .await
        .unwrap()
        .cart;
    assert_eq!(cart.total, dec!(2.50));
    let receipt = kassa
        .checkout(CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders: vec![TenderInput::Cash { tendered: dec!(5) }],
        })
        .await
        .unwrap();
    assert_eq!(receipt.order.lines[0].name, "Kept from the old release");
    let verification = kassa.verify_journal().await.unwrap();
    assert_eq!(
        verification.entries, 1,
        "the first sale after the upgrade is journaled"
    );
    assert!(verification.problem.is_none());
    kassa.close().await;

    // Opening it again changes nothing.
    let again = Kassa::open(
        &path,
        RegisterConfig::default(),
        Arc::new(FixedClock(
            Utc.with_ymd_and_hms(2026, 11, 23, 11, 0, 0).unwrap(),
        )),
    )
    .await
    .unwrap();
    assert_eq!(again.app_status().await.unwrap().order_count, 1);
}
