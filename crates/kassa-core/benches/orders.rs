//! Order-list benchmark on a 1,000,000-order database:
//! `cargo bench -p kassa-core --bench orders`.
//!
//! Builds the demo store with `KASSA_BENCH_ORDERS` past orders (default 1,000,000) in a
//! temporary file — or reuses the file named by `KASSA_BENCH_DB` if it already has them —
//! then times first pages and filtered searches through `Kassa::list_orders`, the call the
//! UI makes, and prints p50/p99 per query. Target: p99 ≤ 50 ms.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    reason = "benchmark code fails loudly and reports on stdout"
)]

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use kassa_core::api::ListOrdersRequest;
use kassa_core::{Kassa, RegisterConfig, SystemClock};

const RUNS: usize = 200;

fn percentile(sorted: &[Duration], percent: usize) -> Duration {
    let index = (sorted.len() * percent / 100).min(sorted.len().saturating_sub(1));
    sorted.get(index).copied().unwrap_or_default()
}

async fn measure(kassa: &Kassa, label: &str, request: ListOrdersRequest) {
    let mut timings = Vec::with_capacity(RUNS);
    let mut rows = 0;
    let mut cursor = None;
    for run in 0..RUNS {
        // Every fourth run follows the previous page's cursor, as "Load more" does.
        let mut paged = request.clone();
        if run % 4 != 0 {
            paged.cursor = cursor.clone();
        }
        let started = Instant::now();
        let page = kassa.list_orders(paged).await.unwrap();
        timings.push(started.elapsed());
        rows = page.orders.len();
        cursor = page.next_cursor;
    }
    timings.sort();
    println!(
        "{label:<44} rows {rows:>3}  p50 {:>9.2?}  p99 {:>9.2?}",
        percentile(&timings, 50),
        percentile(&timings, 99)
    );
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let count: u32 = std::env::var("KASSA_BENCH_ORDERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let folder = tempfile::tempdir().unwrap();
    let path = std::env::var_os("KASSA_BENCH_DB")
        .map_or_else(|| folder.path().join("orders.sqlite3"), PathBuf::from);
    let kassa = Kassa::open(&path, RegisterConfig::default(), Arc::new(SystemClock))
        .await
        .unwrap();
    let status = kassa.app_status().await.unwrap();
    if status.order_count == 0 {
        if status.product_count == 0 {
            kassa.load_demo().await.unwrap();
        }
        let started = Instant::now();
        kassa.generate_order_history(count).await.unwrap();
        println!("generated {count} orders in {:.1?}", started.elapsed());
    }
    println!(
        "orders in the database: {}",
        kassa.app_status().await.unwrap().order_count
    );
    let page = |limit| ListOrdersRequest {
        limit: Some(limit),
        ..Default::default()
    };
    measure(&kassa, "first page (50), newest first", page(50)).await;
    measure(
        &kassa,
        "status = shipped",
        ListOrdersRequest {
            status: Some("shipped".into()),
            ..page(50)
        },
    )
    .await;
    measure(
        &kassa,
        "status = canceled, register R2",
        ListOrdersRequest {
            status: Some("canceled".into()),
            register_code: Some("R2".into()),
            ..page(50)
        },
    )
    .await;
    measure(
        &kassa,
        "payment method = card",
        ListOrdersRequest {
            payment_method: Some("card".into()),
            ..page(50)
        },
    )
    .await;
    let last_month = (chrono::Utc::now() - chrono::Duration::days(30))
        .format("%Y-%m-%d")
        .to_string();
    let a_year_ago = (chrono::Utc::now() - chrono::Duration::days(365))
        .format("%Y-%m-%d")
        .to_string();
    measure(
        &kassa,
        "date range: the last 30 days",
        ListOrdersRequest {
            date_from: Some(last_month),
            ..page(50)
        },
    )
    .await;
    measure(
        &kassa,
        "date range: one day a year ago",
        ListOrdersRequest {
            date_from: Some(a_year_ago.clone()),
            date_to: Some(a_year_ago),
            ..page(50)
        },
    )
    .await;
    measure(
        &kassa,
        "search: exact reference",
        ListOrdersRequest {
            search: Some("S1-R2-123456".into()),
            ..page(50)
        },
    )
    .await;
    measure(
        &kassa,
        "search: customer name",
        ListOrdersRequest {
            search: Some("peeters".into()),
            ..page(50)
        },
    )
    .await;
    measure(
        &kassa,
        "search: customer e-mail",
        ListOrdersRequest {
            search: Some("sofia.p@example.com".into()),
            ..page(50)
        },
    )
    .await;
    measure(
        &kassa,
        "search: product (common word)",
        ListOrdersRequest {
            search: Some("bread".into()),
            ..page(50)
        },
    )
    .await;
    measure(
        &kassa,
        "search: product, two words",
        ListOrdersRequest {
            search: Some("greek yoghurt".into()),
            ..page(50)
        },
    )
    .await;
    measure(
        &kassa,
        "search: rare product + status canceled",
        ListOrdersRequest {
            search: Some("kombucha organic".into()),
            status: Some("canceled".into()),
            ..page(50)
        },
    )
    .await;
    measure(
        &kassa,
        "search: no match",
        ListOrdersRequest {
            search: Some("zzzzzz".into()),
            ..page(50)
        },
    )
    .await;
    kassa.close().await;
}
