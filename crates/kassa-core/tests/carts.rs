//! Carts and customers on real SQLite files: parking, resuming and discarding carts,
//! attaching a customer (and reloading their last cart), the customer page, addresses,
//! abandoned carts, and a back-office order made from one of a customer's carts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests"
)]

mod support;

use chrono::{TimeZone, Utc};
use kassa_core::ErrorCode;
use kassa_core::api::{
    AddressInput, CartRequest, CartSettings, CheckoutDraft, DeleteAddressRequest, ParkCartRequest,
    SaveAddressRequest, ScanRequest, SetCartCustomerRequest, StaffOrderLine, StaffOrderRequest,
    UpdateCustomerRequest,
};
use kassa_core::demo::demo_barcode;
use support::{TestStore, cash_sale};
use uuid::Uuid;

async fn scan(kassa: &kassa_core::Kassa, index: usize) -> kassa_core::api::CartView {
    kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(index),
        })
        .await
        .unwrap()
        .cart
}

#[tokio::test]
async fn a_register_parks_resumes_and_discards_carts() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let empty = kassa
        .park_cart(ParkCartRequest { name: None })
        .await
        .unwrap_err();
    assert_eq!(empty.code, ErrorCode::EmptyCart);
    let first = scan(&kassa, 0).await;
    let fresh = kassa
        .park_cart(ParkCartRequest {
            name: Some("Red coat".into()),
        })
        .await
        .unwrap();
    assert!(
        fresh.lines.is_empty() && fresh.cart_id.is_none(),
        "the counter starts afresh"
    );
    let second = scan(&kassa, 1).await;
    assert_ne!(second.cart_id, first.cart_id);
    let parked = kassa.parked_carts().await.unwrap();
    assert_eq!(parked.len(), 1);
    assert_eq!(parked[0].name, "Red coat");
    assert_eq!(parked[0].value, first.total);

    // Resuming sets the cart being rung up aside: nothing is lost.
    let resumed = kassa
        .resume_cart(CartRequest {
            cart_id: first.cart_id.unwrap(),
        })
        .await
        .unwrap();
    assert_eq!(resumed.cart_id, first.cart_id);
    assert_eq!(resumed.name, "Red coat");
    assert_eq!(kassa.current_cart().await.unwrap().cart_id, first.cart_id);
    let parked = kassa.parked_carts().await.unwrap();
    assert_eq!(parked.len(), 1);
    assert_eq!(
        parked[0].cart_id,
        second.cart_id.unwrap(),
        "the other cart was parked"
    );

    kassa
        .discard_cart(CartRequest {
            cart_id: second.cart_id.unwrap(),
        })
        .await
        .unwrap();
    assert!(kassa.parked_carts().await.unwrap().is_empty());
    assert_eq!(
        kassa
            .discard_cart(CartRequest {
                cart_id: second.cart_id.unwrap()
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    // Another register can resume a parked cart (the customer moved to another till).
    kassa
        .park_cart(ParkCartRequest { name: None })
        .await
        .unwrap();
    let other = test.register("R2").await;
    let moved = other
        .resume_cart(CartRequest {
            cart_id: first.cart_id.unwrap(),
        })
        .await
        .unwrap();
    assert_eq!(moved.lines.len(), 1);
    assert!(kassa.parked_carts().await.unwrap().is_empty());
}

#[tokio::test]
async fn picking_a_customer_attaches_them_and_reloads_their_last_cart() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let customer = test.customer("Returning customer").await;
    let cart = kassa
        .set_cart_customer(SetCartCustomerRequest {
            customer_id: Some(customer),
        })
        .await
        .unwrap();
    assert_eq!(cart.customer.as_ref().unwrap().id, customer);
    let cart = scan(&kassa, 5).await;
    assert_eq!(
        cart.customer.as_ref().unwrap().id,
        customer,
        "the customer stays on the cart"
    );
    kassa
        .park_cart(ParkCartRequest { name: None })
        .await
        .unwrap();

    // The customer comes back to another register: their cart is reloaded.
    let other = test.register("R2").await;
    let reloaded = other
        .set_cart_customer(SetCartCustomerRequest {
            customer_id: Some(customer),
        })
        .await
        .unwrap();
    assert_eq!(reloaded.cart_id, cart.cart_id);
    assert_eq!(reloaded.lines.len(), 1);

    // With the setting off, the customer is attached to the empty cart instead.
    let settings = kassa.cart_settings().await.unwrap();
    assert!(settings.reload_customer_cart, "on by default");
    let saved = kassa
        .save_cart_settings(CartSettings {
            reload_customer_cart: false,
            ..settings
        })
        .await
        .unwrap();
    assert!(!saved.reload_customer_cart);
    let third = test.register("R3").await;
    let fresh = third
        .set_cart_customer(SetCartCustomerRequest {
            customer_id: Some(customer),
        })
        .await
        .unwrap();
    assert_ne!(fresh.cart_id, cart.cart_id);
    assert!(fresh.lines.is_empty());
    let detached = third
        .set_cart_customer(SetCartCustomerRequest { customer_id: None })
        .await
        .unwrap();
    assert!(detached.customer.is_none());
    assert_eq!(
        third
            .set_cart_customer(SetCartCustomerRequest {
                customer_id: Some(999_999)
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
}

#[tokio::test]
async fn the_customer_page_shows_details_orders_carts_and_totals() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let customer = test.customer("Page customer").await;
    kassa
        .set_cart_customer(SetCartCustomerRequest {
            customer_id: Some(customer),
        })
        .await
        .unwrap();
    let order = cash_sale(&kassa, &[0, 1]).await;
    kassa
        .set_cart_customer(SetCartCustomerRequest {
            customer_id: Some(customer),
        })
        .await
        .unwrap();
    let open = scan(&kassa, 2).await;
    let page = kassa
        .update_customer(UpdateCustomerRequest {
            customer_id: customer,
            name: "Page Customer".into(),
            email: Some("page@example.com".into()),
            phone: None,
            customer_group: "wholesale".into(),
            newsletter: true,
            notes: "Prefers paper invoices.".into(),
        })
        .await
        .unwrap();
    assert_eq!(page.customer.name, "Page Customer");
    assert_eq!(page.customer.customer_group, "wholesale");
    assert_eq!(page.notes, "Prefers paper invoices.");
    assert_eq!(page.order_count, 1);
    assert_eq!(page.total_spent, order.total);
    assert_eq!(page.orders[0].reference, order.reference);
    assert_eq!(page.carts.len(), 1);
    assert_eq!(page.carts[0].cart_id, open.cart_id.unwrap());
    let bad = kassa
        .update_customer(UpdateCustomerRequest {
            customer_id: customer,
            name: "Page Customer".into(),
            email: Some("not an address".into()),
            phone: None,
            customer_group: "wholesale".into(),
            newsletter: true,
            notes: String::new(),
        })
        .await
        .unwrap_err();
    assert_eq!(bad.code, ErrorCode::InvalidEmail);
    assert!(bad.message.contains("e-mail"), "{}", bad.message);

    let address = |city: &str| AddressInput {
        name: "Page Customer".into(),
        line1: "1 Main Street".into(),
        line2: String::new(),
        postal_code: "2000".into(),
        city: city.into(),
        country_code: "be".into(),
    };
    let addresses = kassa
        .save_customer_address(SaveAddressRequest {
            customer_id: customer,
            address_id: None,
            address: address("Antwerp"),
            is_default_shipping: true,
            is_default_invoice: true,
        })
        .await
        .unwrap();
    assert_eq!(addresses[0].address.country_code, "BE");
    let addresses = kassa
        .save_customer_address(SaveAddressRequest {
            customer_id: customer,
            address_id: None,
            address: address("Ghent"),
            is_default_shipping: true,
            is_default_invoice: false,
        })
        .await
        .unwrap();
    assert_eq!(addresses.len(), 2);
    let ghent = addresses
        .iter()
        .find(|a| a.address.city == "Ghent")
        .unwrap();
    let antwerp = addresses
        .iter()
        .find(|a| a.address.city == "Antwerp")
        .unwrap();
    assert!(
        ghent.is_default_shipping && !antwerp.is_default_shipping,
        "one default for shipping"
    );
    assert!(antwerp.is_default_invoice, "and one for invoices");
    let left = kassa
        .delete_customer_address(DeleteAddressRequest {
            customer_id: customer,
            address_id: antwerp.id,
        })
        .await
        .unwrap();
    assert_eq!(left.len(), 1);
    let missing = kassa
        .save_customer_address(SaveAddressRequest {
            customer_id: customer,
            address_id: None,
            address: AddressInput {
                postal_code: " ".into(),
                ..address("Bruges")
            },
            is_default_shipping: false,
            is_default_invoice: false,
        })
        .await
        .unwrap_err();
    assert!(
        missing.message.contains("postal code"),
        "{}",
        missing.message
    );
}

#[tokio::test]
async fn abandoned_carts_are_listed_with_their_value_and_recovery_state() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let customer = test.customer("Window shopper").await;
    kassa
        .set_cart_customer(SetCartCustomerRequest {
            customer_id: Some(customer),
        })
        .await
        .unwrap();
    let cart = scan(&kassa, 3).await;
    kassa
        .park_cart(ParkCartRequest { name: None })
        .await
        .unwrap();
    scan(&kassa, 4).await; // no customer: never listed
    assert!(
        kassa.abandoned_carts().await.unwrap().is_empty(),
        "not abandoned yet"
    );
    let error = kassa
        .save_cart_settings(CartSettings {
            reload_customer_cart: true,
            abandoned_cart_hours: 0,
        })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(
        error.message.starts_with("abandoned_cart_hours"),
        "{}",
        error.message
    );
    assert_eq!(
        kassa.cart_settings().await.unwrap().abandoned_cart_hours,
        24,
        "nothing saved"
    );
    let next_day = test
        .register_at("R1", Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap())
        .await;
    next_day
        .save_cart_settings(CartSettings {
            reload_customer_cart: true,
            abandoned_cart_hours: 48,
        })
        .await
        .unwrap();
    assert!(
        next_day.abandoned_carts().await.unwrap().is_empty(),
        "not after 48 hours"
    );
    next_day
        .save_cart_settings(CartSettings {
            reload_customer_cart: true,
            abandoned_cart_hours: 24,
        })
        .await
        .unwrap();
    let abandoned = next_day.abandoned_carts().await.unwrap();
    assert_eq!(abandoned.len(), 1);
    assert_eq!(abandoned[0].cart_id, cart.cart_id.unwrap());
    assert_eq!(abandoned[0].value, cart.total);
    assert_eq!(abandoned[0].customer.as_ref().unwrap().id, customer);
    assert!(abandoned[0].recovery_sent_at.is_none());
    next_day
        .mark_recovery_sent(CartRequest {
            cart_id: cart.cart_id.unwrap(),
        })
        .await
        .unwrap();
    assert!(
        next_day.abandoned_carts().await.unwrap()[0]
            .recovery_sent_at
            .is_some()
    );
}

#[tokio::test]
async fn a_back_office_order_is_made_from_one_of_the_customers_carts_once() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let customer = test.customer("Phone customer").await;
    kassa
        .set_cart_customer(SetCartCustomerRequest {
            customer_id: Some(customer),
        })
        .await
        .unwrap();
    scan(&kassa, 6).await;
    let cart = scan(&kassa, 7).await;
    kassa
        .park_cart(ParkCartRequest { name: None })
        .await
        .unwrap();
    let opened = kassa
        .cart_by_id(CartRequest {
            cart_id: cart.cart_id.unwrap(),
        })
        .await
        .unwrap();
    let draft = CheckoutDraft {
        customer_id: Some(customer),
        lines: opened
            .lines
            .iter()
            .map(|line| StaffOrderLine {
                product_id: line.product_id,
                quantity: line.quantity,
            })
            .collect(),
        source_cart_id: cart.cart_id,
        ..CheckoutDraft::default()
    };
    let request = |draft: CheckoutDraft| StaffOrderRequest {
        order_uuid: Uuid::new_v4(),
        draft,
        tenders: vec![],
        pay_later: None,
        newsletter: None,
        is_test: None,
    };
    let order = kassa
        .create_staff_order(request(draft.clone()))
        .await
        .unwrap()
        .order;
    assert_eq!(order.total, cart.total);
    assert!(
        kassa.parked_carts().await.unwrap().is_empty(),
        "the cart became the order"
    );
    let again = kassa
        .create_staff_order(request(draft.clone()))
        .await
        .unwrap_err();
    assert_eq!(again.code, ErrorCode::CartNotOpen);
    let stranger = test.customer("Someone else").await;
    let mut theirs = draft;
    theirs.customer_id = Some(stranger);
    assert_eq!(
        kassa
            .create_staff_order(request(theirs))
            .await
            .unwrap_err()
            .code,
        ErrorCode::CartNotOpen
    );
}
