//! Test fixtures: a fresh SQLite file in a temporary folder, never the user's data folder,
//! with a fixed clock.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use kassa_core::clock::FixedClock;
use kassa_core::{Kassa, RegisterConfig, Secrets};

/// A temporary database file shared by the registers of one test.
pub struct TestStore {
    _folder: tempfile::TempDir,
    path: PathBuf,
    /// The registers' shared keyring (in memory: tests never touch the user's keyring).
    secrets: Secrets,
}

#[allow(dead_code, reason = "each test binary uses some of the fixtures")]
impl TestStore {
    /// A new store with the demo data loaded.
    pub async fn with_demo() -> Self {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("kassa.sqlite3");
        let test = Self {
            _folder: folder,
            path,
            secrets: Secrets::in_memory(),
        };
        test.register("R1").await.load_demo().await.unwrap();
        test
    }

    /// The app as one register sees it.
    pub async fn register(&self, code: &str) -> Kassa {
        self.register_at(code, Utc.with_ymd_and_hms(2026, 11, 23, 10, 30, 0).unwrap())
            .await
    }

    /// The app as one register sees it at another moment.
    pub async fn register_at(&self, code: &str, now: chrono::DateTime<Utc>) -> Kassa {
        let clock = Arc::new(FixedClock(now));
        Kassa::open(
            &self.path,
            RegisterConfig {
                register_code: code.to_owned(),
            },
            clock,
        )
        .await
        .unwrap()
        .with_secrets(self.secrets.clone())
    }

    /// The path of the SQLite file.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Creates a customer; returns the id.
    pub async fn customer(&self, name: &str) -> i64 {
        let kassa = self.register("R1").await;
        let mut tx = kassa.store().begin_write().await.unwrap();
        let id = tx
            .insert_customer(name, Some("someone@example.com"), None, chrono::Utc::now())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        id
    }

    /// Records that `referrer` referred `customer`.
    pub async fn refer(&self, customer: i64, referrer: i64) {
        let kassa = self.register("R1").await;
        let mut tx = kassa.store().begin_write().await.unwrap();
        tx.set_referrer(customer, referrer).await.unwrap();
        tx.commit().await.unwrap();
    }

    /// The referral commission recorded for an order, in minor units.
    pub async fn commission_for(&self, order_uuid: &str) -> Option<i64> {
        let kassa = self.register("R1").await;
        kassa.store().referral_commission(order_uuid).await.unwrap()
    }

    /// Changes a setting behind the app's back.
    pub async fn set_setting(&self, key: &str, value: &str) {
        let kassa = self.register("R1").await;
        let mut tx = kassa.store().begin_write().await.unwrap();
        tx.set_setting(key, value).await.unwrap();
        tx.commit().await.unwrap();
    }
}

/// Scans the demo products with these barcode indexes at register `kassa` and pays the
/// exact total in cash; returns the order.
#[allow(dead_code, reason = "each test binary uses some of the fixtures")]
pub async fn cash_sale(kassa: &Kassa, barcode_indexes: &[usize]) -> kassa_core::api::OrderDetail {
    let mut cart = None;
    for index in barcode_indexes {
        let request = kassa_core::api::ScanRequest {
            barcode: kassa_core::demo::demo_barcode(*index),
        };
        cart = Some(kassa.scan_barcode(request).await.unwrap().cart);
    }
    let cart = cart.unwrap();
    kassa
        .checkout(kassa_core::api::CheckoutRequest {
            order_uuid: uuid::Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders: vec![kassa_core::api::TenderInput::Cash {
                tendered: cart.total,
            }],
        })
        .await
        .unwrap()
        .order
}
