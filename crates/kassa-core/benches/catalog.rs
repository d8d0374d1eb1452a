//! Catalog benchmark on a 1,000,000-product database:
//! `cargo bench -p kassa-core --bench catalog`.
//!
//! Builds the demo store with `KASSA_BENCH_PRODUCTS` generated products (default 1,000,000)
//! in a temporary file — or reuses the file named by `KASSA_BENCH_DB` if it already has
//! them — then times, through the calls the UI makes: opening the app to a usable counter
//! (`Kassa::open` + `app_status` + `current_cart` + the first search), barcode lookups, and
//! the counter's searches for typical clerk queries, and prints p50/p99 per query.
//! Targets: barcode p99 ≤ 1 ms, search p99 ≤ 15 ms, start ≤ 1.5 s. With `KASSA_BENCH_COLD=1`
//! (Linux, as root) it also times one start after dropping the OS page cache.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    clippy::indexing_slicing,
    reason = "benchmark code fails loudly and reports on stdout"
)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use kassa_core::api::{
    BarcodeLookupRequest, ListProductsRequest, SearchCatalogRequest, SearchProductsRequest,
};
use kassa_core::{ErrorCode, Kassa, RegisterConfig, SystemClock};
use kassa_domain::barcode::ean13_check_digit;

const RUNS: usize = 300;

fn percentile(sorted: &[Duration], percent: usize) -> Duration {
    let index = (sorted.len() * percent / 100).min(sorted.len().saturating_sub(1));
    sorted.get(index).copied().unwrap_or_default()
}

fn report(label: &str, rows: usize, mut timings: Vec<Duration>) {
    timings.sort();
    println!(
        "{label:<46} rows {rows:>3}  p50 {:>9.2?}  p99 {:>9.2?}  max {:>9.2?}",
        percentile(&timings, 50),
        percentile(&timings, 99),
        timings.last().copied().unwrap_or_default()
    );
}

/// A pseudo-random sequence (the same every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

/// The generated barcode of product `id`.
fn barcode(id: u64) -> String {
    let body = format!("2{id:011}");
    let check = ean13_check_digit(&body).unwrap();
    format!("{body}{check}")
}

async fn open(path: &Path) -> Kassa {
    Kassa::open(path, RegisterConfig::default(), Arc::new(SystemClock))
        .await
        .unwrap()
}

async fn search(kassa: &Kassa, label: &str, queries: &[String]) {
    let mut timings = Vec::with_capacity(RUNS);
    let mut rows = 0;
    for run in 0..RUNS {
        let query = queries[run % queries.len()].clone();
        let started = Instant::now();
        let found = kassa
            .search_products(SearchProductsRequest { query, limit: None })
            .await
            .unwrap();
        timings.push(started.elapsed());
        rows = found.len();
    }
    report(label, rows, timings);
}

fn file_size(path: &Path) -> u64 {
    let mut total = 0;
    for suffix in ["", "-wal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        total += std::fs::metadata(PathBuf::from(name)).map_or(0, |meta| meta.len());
    }
    total
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let count: u32 = std::env::var("KASSA_BENCH_PRODUCTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let folder = tempfile::tempdir().unwrap();
    let path = std::env::var_os("KASSA_BENCH_DB")
        .map_or_else(|| folder.path().join("catalog.sqlite3"), PathBuf::from);
    {
        let kassa = open(&path).await;
        let mut status = kassa.app_status().await.unwrap();
        if status.product_count == 0 {
            kassa.load_demo().await.unwrap();
            status = kassa.app_status().await.unwrap();
        }
        if status.product_count < i64::from(count) {
            let started = Instant::now();
            let made = kassa.generate_catalog(count).await.unwrap();
            println!(
                "generated {} products ({} variations, {} categories) in {:.1?}",
                made.products,
                made.variations,
                made.categories,
                started.elapsed()
            );
        }
        kassa.close().await;
    }
    println!("database: {} MB", file_size(&path) / 1_000_000);

    // With a cold page cache (the first start after a reboot): only where the bench may
    // drop the OS caches (Linux, as root); otherwise it says so.
    if std::env::var_os("KASSA_BENCH_COLD").is_some() {
        let dropped = std::process::Command::new("sh")
            .args(["-c", "sync && echo 3 > /proc/sys/vm/drop_caches"])
            .status()
            .is_ok_and(|status| status.success());
        if dropped {
            let started = Instant::now();
            let opened = open(&path).await;
            opened.app_status().await.unwrap();
            opened.current_cart().await.unwrap();
            opened
                .search_products(SearchProductsRequest {
                    query: "choc".into(),
                    limit: None,
                })
                .await
                .unwrap();
            println!(
                "start to a usable counter with a cold page cache: {:.1?}",
                started.elapsed()
            );
            opened.close().await;
        } else {
            println!("cold start not measured: the OS caches could not be dropped here");
        }
    }

    // Opening the app to a usable counter, on the existing file, several times.
    let mut starts = Vec::new();
    let mut kassa = None;
    for _ in 0..5 {
        if let Some(previous) = kassa.take() {
            Kassa::close(&previous).await;
        }
        let started = Instant::now();
        let opened = open(&path).await;
        let status = opened.app_status().await.unwrap();
        opened.current_cart().await.unwrap();
        opened
            .search_products(SearchProductsRequest {
                query: "choc".into(),
                limit: None,
            })
            .await
            .unwrap();
        starts.push(started.elapsed());
        assert!(status.product_count >= i64::from(count));
        kassa = Some(opened);
    }
    println!(
        "start to a usable counter (open + app_status + current_cart + first search): first {:.1?}, then {:?}",
        starts[0],
        &starts[1..]
    );
    let kassa = kassa.unwrap();
    let products = u64::try_from(kassa.app_status().await.unwrap().product_count).unwrap();
    println!("products in the database: {products}");

    let mut random = Lcg(42);
    let mut timings = Vec::with_capacity(RUNS * 4);
    let mut hits = 0;
    for _ in 0..RUNS * 4 {
        let code = barcode(300 + random.next(products.saturating_sub(300)));
        let started = Instant::now();
        let found = kassa
            .lookup_barcode(BarcodeLookupRequest { barcode: code })
            .await;
        timings.push(started.elapsed());
        match found {
            Ok(_) => hits += 1,
            Err(error) => assert_eq!(error.code, ErrorCode::UnknownBarcode),
        }
    }
    report(
        &format!("barcode lookup ({hits} found of {})", RUNS * 4),
        1,
        timings,
    );

    let fixed = |query: &str| vec![query.to_owned()];
    search(&kassa, "search: prefix \"choc\"", &fixed("choc")).await;
    search(&kassa, "search: prefix \"da\"", &fixed("da")).await;
    search(
        &kassa,
        "search: two words \"dark choc\"",
        &fixed("dark choc"),
    )
    .await;
    search(
        &kassa,
        "search: whole word \"chocolate\"",
        &fixed("chocolate"),
    )
    .await;
    search(
        &kassa,
        "search: three words \"alpenhof dark choc\"",
        &fixed("alpenhof dark choc"),
    )
    .await;
    search(
        &kassa,
        "search: variations \"hoodie black\"",
        &fixed("hoodie black"),
    )
    .await;
    // The first nine characters of a generated SKU (`SNK-0012345`): about 10 matches.
    let skus: Vec<String> = (0..50)
        .map(|_| {
            format!("SNK-{:07}", 300 + random.next(products.saturating_sub(300)))[..9].to_owned()
        })
        .collect();
    search(&kassa, "search: partial SKU \"SNK-00123\"", &skus).await;
    // The first five digits of a SKU's number part (`00123`): 100 matches.
    let numbers: Vec<String> = (0..50)
        .map(|_| format!("{:07}", 300 + random.next(products.saturating_sub(300)))[..5].to_owned())
        .collect();
    search(&kassa, "search: SKU number part \"00123\"", &numbers).await;
    let whole: Vec<String> = (0..50)
        .map(|_| barcode(300 + random.next(products.saturating_sub(300))))
        .collect();
    search(&kassa, "search: a whole barcode", &whole).await;
    search(&kassa, "search: one letter \"c\"", &fixed("c")).await;
    search(&kassa, "search: nothing typed", &fixed("")).await;
    search(&kassa, "search: no match \"zzqx\"", &fixed("zzqx")).await;

    let snacks = kassa
        .list_categories()
        .await
        .unwrap()
        .into_iter()
        .find(|category| category.path == "Sweets & Snacks")
        .unwrap()
        .id;
    let mut timings = Vec::with_capacity(RUNS);
    let mut rows = 0;
    for run in 0..RUNS {
        let started = Instant::now();
        let found = kassa
            .search_catalog(SearchCatalogRequest {
                query: if run % 2 == 0 {
                    "dark".into()
                } else {
                    String::new()
                },
                category_id: Some(snacks),
                limit: None,
            })
            .await
            .unwrap();
        timings.push(started.elapsed());
        rows = found.len();
    }
    report(
        "search in a category (snacks: \"dark\" / none)",
        rows,
        timings,
    );

    for (label, request) in [
        (
            "product list: first page (50)",
            ListProductsRequest::default(),
        ),
        (
            "product list: search \"dark choc\"",
            ListProductsRequest {
                query: Some("dark choc".into()),
                ..ListProductsRequest::default()
            },
        ),
        (
            "product list: category, active only",
            ListProductsRequest {
                category_id: Some(snacks),
                include_inactive: Some(false),
                ..ListProductsRequest::default()
            },
        ),
    ] {
        let mut timings = Vec::with_capacity(RUNS);
        let mut rows = 0;
        let mut cursor = None;
        for run in 0..RUNS {
            let mut paged = request.clone();
            if run % 4 != 0 {
                paged.cursor = cursor.clone();
            }
            let started = Instant::now();
            let page = kassa.list_products(paged).await.unwrap();
            timings.push(started.elapsed());
            rows = page.products.len();
            cursor = page.next_cursor;
        }
        report(label, rows, timings);
    }
    kassa.close().await;
}
