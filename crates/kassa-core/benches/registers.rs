//! End-of-day close benchmark: `cargo bench -p kassa-core --bench registers`.
//!
//! Opens a register, rings up `KASSA_BENCH_ORDERS` sales (default 10,000; half cash, half
//! card, three lines each) through the real checkout, then times the X report, the close
//! (the Z report's figures, frozen and journaled in one transaction, plus its PDF), and
//! `verify_journal` over the whole chain. Target: closing a 10,000-order session takes well
//! under a second.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    reason = "benchmark code fails loudly and reports on stdout"
)]

use std::sync::Arc;
use std::time::Instant;

use kassa_core::api::{
    AddToCartRequest, CheckoutRequest, CloseRegisterRequest, CountedAmount, OpenRegisterRequest,
    SearchProductsRequest, TenderInput,
};
use kassa_core::{Kassa, RegisterConfig, SystemClock};
use rust_decimal::Decimal;
use uuid::Uuid;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let orders: usize = std::env::var("KASSA_BENCH_ORDERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let folder = tempfile::tempdir().unwrap();
    let kassa = Kassa::open(
        &folder.path().join("registers.sqlite3"),
        RegisterConfig::default(),
        Arc::new(SystemClock),
    )
    .await
    .unwrap();
    kassa.load_demo().await.unwrap();
    kassa
        .open_register(OpenRegisterRequest {
            opening_float: Decimal::new(15_000, 2),
        })
        .await
        .unwrap();
    let products = kassa
        .search_products(SearchProductsRequest {
            query: String::new(),
            limit: Some(3),
        })
        .await
        .unwrap();
    let started = Instant::now();
    for index in 0..orders {
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
        let tender = if index % 2 == 0 {
            TenderInput::Cash {
                tendered: cart.total,
            }
        } else {
            TenderInput::Card {
                amount: cart.total,
                terminal_reference: None,
            }
        };
        kassa
            .checkout(CheckoutRequest {
                order_uuid: Uuid::new_v4(),
                cart_id: cart.cart_id.unwrap(),
                tenders: vec![tender],
            })
            .await
            .unwrap();
    }
    println!("rang up {orders} sales in {:.1?}", started.elapsed());

    let started = Instant::now();
    let x = kassa.x_report().await.unwrap();
    println!(
        "X report over {} orders: {:.1?}",
        x.order_count,
        started.elapsed()
    );
    let counted = x
        .methods
        .iter()
        .map(|line| CountedAmount {
            method: line.method.clone(),
            amount: line.expected,
        })
        .collect();
    let started = Instant::now();
    let closed = kassa
        .close_register(CloseRegisterRequest { counted })
        .await
        .unwrap();
    println!(
        "close (Z report frozen + journaled, PDF written) over {} orders: {:.1?}",
        closed.report.order_count,
        started.elapsed()
    );
    let started = Instant::now();
    let verification = kassa.verify_journal().await.unwrap();
    assert!(verification.problem.is_none());
    println!(
        "verify the journal ({} entries, each against its rows): {:.1?}",
        verification.entries,
        started.elapsed()
    );
}
