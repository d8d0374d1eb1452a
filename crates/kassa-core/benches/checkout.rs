//! Checkout commit-path benchmark: `cargo bench -p kassa-core --bench checkout`.
//!
//! Times `Kassa::checkout` for five-line carts on a durable WAL database
//! (`synchronous=FULL`), and next to it, in the same run, a bare-SQLite baseline that
//! inserts the same rows in one transaction (`Store::insert_reference_sale`). Prints orders
//! per second and p50/p99 latency for both. Set `KASSA_BENCH_ORDERS` to change the count.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    reason = "test code fails loudly and reports on stdout"
)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use kassa_core::api::{AddToCartRequest, CheckoutRequest, SearchProductsRequest, TenderInput};
use kassa_core::{Kassa, RegisterConfig, SystemClock};
use uuid::Uuid;

struct Timings(Vec<Duration>);

impl Timings {
    fn percentile(&self, percent: usize) -> Duration {
        let mut sorted = self.0.clone();
        sorted.sort();
        let index = (sorted.len() * percent / 100).min(sorted.len().saturating_sub(1));
        sorted.get(index).copied().unwrap_or_default()
    }

    fn report(&self, label: &str, wall: Duration) -> u128 {
        let count = u128::try_from(self.0.len()).unwrap_or(u128::MAX);
        let per_second = count * 1_000_000 / wall.as_micros().max(1);
        println!(
            "{label:<28} {count:>6} orders  {per_second:>6} orders/s  p50 {:>8.1?}  p99 {:>8.1?}",
            self.percentile(50),
            self.percentile(99)
        );
        per_second
    }
}

async fn open(folder: &std::path::Path, name: &str) -> Kassa {
    let kassa = Kassa::open(
        &folder.join(name),
        RegisterConfig::default(),
        Arc::new(SystemClock),
    )
    .await
    .unwrap();
    kassa.load_demo().await.unwrap();
    kassa
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let orders: usize = std::env::var("KASSA_BENCH_ORDERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let folder = tempfile::tempdir().unwrap();

    let kassa = open(folder.path(), "checkout.sqlite3").await;
    let products = kassa
        .search_products(SearchProductsRequest {
            query: String::new(),
            limit: Some(5),
        })
        .await
        .unwrap();
    let mut timings = Timings(Vec::with_capacity(orders));
    let mut wall = Duration::ZERO;
    for _ in 0..orders {
        let mut cart = None;
        for product in &products {
            cart = Some(
                kassa
                    .add_to_cart(AddToCartRequest {
                        product_id: product.id,
                        quantity: 1,
                    })
                    .await
                    .unwrap(),
            );
        }
        let cart = cart.unwrap();
        let request = CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders: vec![TenderInput::Cash {
                tendered: cart.total.ceil(),
            }],
        };
        let started = Instant::now();
        kassa.checkout(request).await.unwrap();
        let elapsed = started.elapsed();
        wall += elapsed;
        timings.0.push(elapsed);
    }
    let checkout = timings.report("Kassa checkout (5 lines)", wall);

    let reference = open(folder.path(), "baseline.sqlite3").await;
    let ids: Vec<i64> = products.iter().map(|product| product.id).collect();
    let mut timings = Timings(Vec::with_capacity(orders));
    let started = Instant::now();
    for n in 0..orders {
        let one = Instant::now();
        reference
            .store()
            .insert_reference_sale(i64::try_from(n).unwrap(), &ids, chrono::Utc::now())
            .await
            .unwrap();
        timings.0.push(one.elapsed());
    }
    let baseline = timings.report("bare SQLite, same rows", started.elapsed());
    println!(
        "checkout reaches {}% of the baseline's throughput (target: at least 50%)",
        checkout * 100 / baseline.max(1)
    );
}
