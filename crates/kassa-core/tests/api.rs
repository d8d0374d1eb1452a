//! Application tests of the counter flow over real SQLite files: demo data, scanning,
//! cart changes, checkout with its idempotency and gap-free numbering guarantees.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    reason = "test code fails loudly and reports on stdout"
)]

mod support;

use std::collections::BTreeSet;

use kassa_core::ErrorCode;
use kassa_core::api::{
    AddToCartRequest, CheckoutRequest, GetOrderRequest, ListOrdersRequest, ScanRequest,
    SearchProductsRequest, SetQuantityRequest, TenderInput,
};
use kassa_core::demo::demo_barcode;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use support::TestStore;
use uuid::Uuid;

fn cash(tendered: Decimal) -> Vec<TenderInput> {
    vec![TenderInput::Cash { tendered }]
}

#[tokio::test]
async fn counter_sale_writes_order_invoice_stock_and_outbox_in_one_go() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let first = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(0),
        })
        .await
        .unwrap();
    let stock_before = first.product.stock_on_hand;
    let cart = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(40),
        })
        .await
        .unwrap()
        .cart;
    assert_eq!(cart.lines.len(), 2, "two different barcodes make two lines");
    let cart = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(0),
        })
        .await
        .unwrap()
        .cart;
    assert_eq!(
        cart.lines.len(),
        2,
        "scanning the same barcode again adds to its line"
    );
    assert_eq!(cart.item_count, 3);
    assert_eq!(
        cart.lines.iter().map(|l| l.total).sum::<Decimal>(),
        cart.total,
        "lines add up to the total"
    );
    assert_eq!(cart.subtotal_net + cart.tax_total, cart.total);

    let uuid = Uuid::new_v4();
    let tendered = (cart.total + dec!(10)).floor();
    let receipt = kassa
        .checkout(CheckoutRequest {
            order_uuid: uuid,
            cart_id: cart.cart_id.unwrap(),
            tenders: cash(tendered),
        })
        .await
        .unwrap();
    let order = receipt.order;
    assert_eq!(order.reference, "S1-R1-000001");
    assert_eq!(order.total, cart.total);
    assert_eq!(
        order.change_due,
        tendered - cart.total,
        "change due is what was handed over minus the total"
    );
    assert_eq!(
        order.invoice.as_ref().map(|i| i.status.as_str()),
        Some("paid")
    );
    assert!(
        order
            .invoice
            .as_ref()
            .unwrap()
            .number
            .starts_with("INV-2026-"),
        "invoice numbered in this year's series"
    );
    assert_eq!(order.status, "payment_accepted");
    assert_eq!(order.history.len(), 1);
    assert_eq!(
        order.taxes.iter().map(|t| t.tax).sum::<Decimal>(),
        order.tax_total
    );

    let product = kassa
        .search_products(SearchProductsRequest {
            query: demo_barcode(0),
            limit: None,
        })
        .await
        .unwrap();
    assert_eq!(
        product[0].stock_on_hand,
        stock_before - 2,
        "two units left the shelf"
    );
    let outbox = kassa.store().outbox_for(&uuid.to_string()).await.unwrap();
    let kinds: Vec<_> = outbox
        .iter()
        .map(|row| (row.topic.as_str(), row.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("sync", "order_created"),
            ("mail", "new_order_notification")
        ]
    );

    let fresh = kassa.current_cart().await.unwrap();
    assert_eq!(
        fresh.cart_id, None,
        "after a sale the register starts a fresh cart"
    );
    assert!(fresh.lines.is_empty());
}

#[tokio::test]
async fn retrying_checkout_with_the_same_uuid_returns_the_same_order() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let cart = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(3),
        })
        .await
        .unwrap()
        .cart;
    let request = CheckoutRequest {
        order_uuid: Uuid::new_v4(),
        cart_id: cart.cart_id.unwrap(),
        tenders: cash(dec!(100)),
    };
    // A double click: both requests race.
    let (first, second) = tokio::join!(
        kassa.checkout(request.clone()),
        kassa.checkout(request.clone())
    );
    let (first, second) = (first.unwrap(), second.unwrap());
    let third = kassa.checkout(request).await.unwrap();
    assert_eq!(
        first.order.reference, second.order.reference,
        "a double click must not make two orders"
    );
    assert_eq!(
        first.order, third.order,
        "a retry returns the order the first attempt made"
    );
    let page = kassa
        .list_orders(ListOrdersRequest {
            cursor: None,
            limit: None,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.orders.len(), 1, "exactly one order exists");
}

#[tokio::test]
async fn cash_short_of_the_total_is_refused_and_nothing_is_written() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let cart = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(5),
        })
        .await
        .unwrap()
        .cart;
    let short = cart.total - dec!(0.01);
    let error = kassa
        .checkout(CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders: cash(short),
        })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::PaymentShort);
    assert!(
        error.message.contains("0.01 is missing"),
        "the message says how much is missing: {}",
        error.message
    );
    assert_eq!(
        kassa.app_status().await.unwrap().order_count,
        0,
        "no order was written"
    );
    assert_eq!(
        kassa.current_cart().await.unwrap(),
        cart,
        "the cart is untouched and still open"
    );

    // The refused attempt used no number: the next sale gets the first reference.
    let receipt = kassa
        .checkout(CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders: cash(cart.total),
        })
        .await
        .unwrap();
    assert_eq!(receipt.order.reference, "S1-R1-000001");
    assert_eq!(receipt.order.invoice.unwrap().number, "INV-2026-000001");
}

#[tokio::test]
async fn card_payment_records_the_terminal_reference() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let cart = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(7),
        })
        .await
        .unwrap()
        .cart;
    let tenders = vec![TenderInput::Card {
        amount: cart.total,
        terminal_reference: Some(" TRM-4471 ".into()),
    }];
    let receipt = kassa
        .checkout(CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders,
        })
        .await
        .unwrap();
    let payment = &receipt.order.payments[0];
    assert_eq!(
        (payment.method.as_str(), payment.reference.as_deref()),
        ("card", Some("TRM-4471"))
    );
    assert_eq!(receipt.order.change_due, Decimal::ZERO);
}

#[tokio::test]
async fn concurrent_checkouts_on_many_registers_number_invoices_without_gaps() {
    const REGISTERS: usize = 6;
    const SALES: usize = 8;
    let test = TestStore::with_demo().await;
    let mut tasks = tokio::task::JoinSet::new();
    for register in 0..REGISTERS {
        let kassa = test.register(&format!("R{}", register + 1)).await;
        tasks.spawn(async move {
            for sale in 0..SALES {
                let cart = kassa
                    .scan_barcode(ScanRequest {
                        barcode: demo_barcode(register * 10 + sale),
                    })
                    .await
                    .unwrap()
                    .cart;
                kassa
                    .checkout(CheckoutRequest {
                        order_uuid: Uuid::new_v4(),
                        cart_id: cart.cart_id.unwrap(),
                        tenders: cash(cart.total),
                    })
                    .await
                    .unwrap();
            }
        });
    }
    while let Some(result) = tasks.join_next().await {
        result.unwrap();
    }
    let kassa = test.register("R1").await;
    let mut numbers = BTreeSet::new();
    let mut references = BTreeSet::new();
    let mut cursor = None;
    loop {
        let page = kassa
            .list_orders(ListOrdersRequest {
                cursor,
                limit: Some(7),
                ..Default::default()
            })
            .await
            .unwrap();
        for order in &page.orders {
            assert!(
                numbers.insert(order.invoice_number.clone().unwrap()),
                "invoice numbers must be unique"
            );
            assert!(
                references.insert(order.reference.clone()),
                "order references must be unique"
            );
        }
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    let expected: BTreeSet<String> = (1..=REGISTERS * SALES)
        .map(|n| format!("INV-2026-{n:06}"))
        .collect();
    assert_eq!(
        numbers, expected,
        "invoice numbers are exactly 1..=N: no gap, no duplicate"
    );
    for register in 1..=REGISTERS {
        for sale in 1..=SALES {
            assert!(
                references.contains(&format!("S1-R{register}-{sale:06}")),
                "each register counts its own orders"
            );
        }
    }
}

#[tokio::test]
async fn the_open_cart_survives_a_restart() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(1),
        })
        .await
        .unwrap();
    let before = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(2),
        })
        .await
        .unwrap()
        .cart;
    kassa.close().await;
    let reopened = test.register("R1").await;
    assert_eq!(
        reopened.current_cart().await.unwrap(),
        before,
        "the cart is exactly as it was"
    );
}

#[tokio::test]
async fn cart_lines_can_be_changed_and_removed() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let product = kassa
        .search_products(SearchProductsRequest {
            query: "Baguette".into(),
            limit: Some(1),
        })
        .await
        .unwrap();
    let cart = kassa
        .add_to_cart(AddToCartRequest {
            product_id: product[0].id,
            quantity: 2,
        })
        .await
        .unwrap();
    let line = cart.lines[0].line_id;
    let cart = kassa
        .set_cart_quantity(SetQuantityRequest {
            line_id: line,
            quantity: 5,
        })
        .await
        .unwrap();
    assert_eq!(cart.lines[0].quantity, 5);
    assert_eq!(cart.total, product[0].price * dec!(5));
    let error = kassa
        .set_cart_quantity(SetQuantityRequest {
            line_id: line,
            quantity: 10_000,
        })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    let cart = kassa
        .remove_cart_line(kassa_core::api::RemoveLineRequest { line_id: line })
        .await
        .unwrap();
    assert!(cart.lines.is_empty());
    let error = kassa
        .remove_cart_line(kassa_core::api::RemoveLineRequest { line_id: line })
        .await
        .unwrap_err();
    assert_eq!(
        error.code,
        ErrorCode::NotFound,
        "removing twice says the line is gone"
    );
}

#[tokio::test]
async fn unknown_barcodes_and_empty_carts_are_clear_errors() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let error = kassa
        .scan_barcode(ScanRequest {
            barcode: "0000000000000".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::UnknownBarcode);
    let cart = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(9),
        })
        .await
        .unwrap()
        .cart;
    let line = cart.lines[0].line_id;
    let cart = kassa
        .set_cart_quantity(SetQuantityRequest {
            line_id: line,
            quantity: 0,
        })
        .await
        .unwrap();
    let error = kassa
        .checkout(CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders: cash(dec!(5)),
        })
        .await
        .unwrap_err();
    assert_eq!(
        error.code,
        ErrorCode::EmptyCart,
        "a cart of zero-quantity lines cannot be sold"
    );
}

#[tokio::test]
async fn overselling_warns_by_default_and_is_held_back_when_the_store_refuses() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let product = &kassa
        .search_products(SearchProductsRequest {
            query: demo_barcode(0),
            limit: None,
        })
        .await
        .unwrap()[0];
    let too_many = u32::try_from(product.stock_on_hand + 2).unwrap();
    let cart = kassa
        .add_to_cart(AddToCartRequest {
            product_id: product.id,
            quantity: too_many,
        })
        .await
        .unwrap();
    assert!(
        cart.lines[0].stock_warning.is_some(),
        "the cart line warns before payment"
    );
    let receipt = kassa
        .checkout(CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders: cash(cart.total),
        })
        .await
        .unwrap();
    assert_eq!(
        receipt.stock_warnings.len(),
        1,
        "the default policy sells and warns"
    );

    // Refusing to oversell: the product now out of stock stays in the cart at quantity 0
    // with its message, and the rest of the cart is sold.
    test.set_setting("oversell_policy", "refuse").await;
    kassa
        .add_to_cart(AddToCartRequest {
            product_id: product.id,
            quantity: 1,
        })
        .await
        .unwrap();
    let other = &kassa
        .search_products(SearchProductsRequest {
            query: demo_barcode(1),
            limit: None,
        })
        .await
        .unwrap()[0];
    let cart = kassa
        .add_to_cart(AddToCartRequest {
            product_id: other.id,
            quantity: 1,
        })
        .await
        .unwrap();
    let gone = cart
        .lines
        .iter()
        .find(|line| line.product_id == product.id)
        .unwrap();
    assert_eq!(gone.quantity, 0, "an out-of-stock line is held at 0");
    assert_eq!(gone.total, dec!(0));
    assert_eq!(
        gone.stock_warning.as_deref(),
        Some("Out of stock: not sold")
    );
    let kept = cart
        .lines
        .iter()
        .find(|line| line.product_id == other.id)
        .unwrap();
    assert_eq!(cart.total, kept.total, "only the line in stock is charged");
    let receipt = kassa
        .checkout(CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders: cash(cart.total),
        })
        .await
        .unwrap();
    assert_eq!(
        receipt.order.lines.len(),
        1,
        "the held-back line is not sold"
    );
    assert_eq!(receipt.order.lines[0].sku, other.sku);
    assert!(receipt.stock_warnings.is_empty());

    // A cart of nothing but out-of-stock lines sells nothing and writes nothing.
    let cart = kassa
        .add_to_cart(AddToCartRequest {
            product_id: product.id,
            quantity: 2,
        })
        .await
        .unwrap();
    assert_eq!(cart.total, dec!(0));
    let error = kassa
        .checkout(CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders: cash(dec!(1)),
        })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::EmptyCart);
    assert_eq!(
        kassa.app_status().await.unwrap().order_count,
        2,
        "the refused sale wrote nothing"
    );
}

#[tokio::test]
async fn orders_open_by_uuid_and_demo_loads_only_once() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let error = kassa.load_demo().await.unwrap_err();
    assert_eq!(error.code, ErrorCode::StoreNotEmpty);
    let error = kassa
        .get_order(GetOrderRequest {
            uuid: Uuid::new_v4(),
        })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
    let status = kassa.app_status().await.unwrap();
    assert!(
        status.product_count >= 200,
        "the demo has a few hundred products, got {}",
        status.product_count
    );
}
