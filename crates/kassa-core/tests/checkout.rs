//! The full checkout on real SQLite files: coupons and their refusals, usage limits and
//! gift cards under concurrent registers, gift cards issued when paid, carriers by weight
//! and destination, payment methods with their initial statuses and restrictions, taxes
//! per destination, cash rounding, store credit, and refunds that give balances back.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod support;

use kassa_core::api::{
    AddressInput, CheckoutDraft, CheckoutRequest, CouponCodeRequest, CouponInput, CouponKind,
    CouponScope, CreateCustomerRequest, CustomerKind, CustomerRequest, GiftCardRequest,
    GrantStoreCreditRequest, ListGiftCardsRequest, NewCustomerInput, OrderDetail,
    PaymentMethodInput, RecordPaymentRequest, ScanRequest, StaffOrderLine, StaffOrderRequest,
    TaxRateInput, TaxSettingsInput, TenderInput,
};
use kassa_core::demo::{DEMO_GIFT_CARD, GIFT_CARD_BARCODES, demo_barcode};
use kassa_core::{ErrorCode, Kassa};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use support::TestStore;
use uuid::Uuid;

/// Demo barcode indexes: 0 bakery (400 g), 108 beverages (1 kg, 21 %), 109 large
/// beverage (1.75 kg), 144 snacks (150 g).
const BREAD: usize = 0;
const WATER: usize = 108;
const SNACK: usize = 144;
/// Books & Press: 4.59, 300 g.
const BOOK: usize = 252;

async fn scan(kassa: &Kassa, indexes: &[usize]) -> kassa_core::api::CartView {
    let mut cart = None;
    for index in indexes {
        cart = Some(
            kassa
                .scan_barcode(ScanRequest {
                    barcode: demo_barcode(*index),
                })
                .await
                .unwrap()
                .cart,
        );
    }
    cart.unwrap()
}

async fn product_id(kassa: &Kassa, index: usize) -> i64 {
    kassa
        .search_products(kassa_core::api::SearchProductsRequest {
            query: demo_barcode(index),
            limit: None,
        })
        .await
        .unwrap()[0]
        .id
}

async fn pay(
    kassa: &Kassa,
    cart_id: i64,
    tenders: Vec<TenderInput>,
) -> kassa_core::ApiResult<OrderDetail> {
    kassa
        .checkout(CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id,
            tenders,
        })
        .await
        .map(|receipt| receipt.order)
}

fn coupon(code: &str) -> CouponInput {
    CouponInput {
        code: code.into(),
        description: String::new(),
        kind: CouponKind::Percent,
        percent: Some(dec!(10)),
        amount: None,
        scope: CouponScope::Cart,
        targets: Vec::new(),
        free_shipping: false,
        minimum_subtotal: Decimal::ZERO,
        valid_from: None,
        valid_to: None,
        usage_limit: None,
        per_customer_limit: None,
        customer_id: None,
        customer_group: None,
        combinable: false,
        active: true,
    }
}

fn address(country: &str) -> AddressInput {
    AddressInput {
        name: "Amélie Dubois".into(),
        line1: "12 Rue Haute".into(),
        line2: String::new(),
        postal_code: "1000".into(),
        city: "Brussels".into(),
        country_code: country.into(),
    }
}

fn draft(customer_id: Option<i64>, lines: Vec<(i64, u32)>) -> CheckoutDraft {
    CheckoutDraft {
        customer_id,
        lines: lines
            .into_iter()
            .map(|(product_id, quantity)| StaffOrderLine {
                product_id,
                quantity,
            })
            .collect(),
        ..CheckoutDraft::default()
    }
}

fn staff(
    draft: CheckoutDraft,
    tenders: Vec<TenderInput>,
    pay_later: Option<&str>,
) -> StaffOrderRequest {
    StaffOrderRequest {
        order_uuid: Uuid::new_v4(),
        draft,
        tenders,
        pay_later: pay_later.map(str::to_owned),
        newsletter: None,
        is_test: None,
    }
}

/// The order invariant: total = items − discounts + shipping = net + tax.
fn assert_adds_up(order: &OrderDetail) {
    assert_eq!(
        order.total,
        order.items_total - order.discount_total + order.shipping_total,
        "{}: total = items − discounts + shipping",
        order.reference
    );
    assert_eq!(order.total, order.subtotal_net + order.tax_total);
    assert_eq!(
        order.taxes.iter().map(|tax| tax.tax).sum::<Decimal>(),
        order.tax_total
    );
    assert!(order.total >= Decimal::ZERO);
}

#[tokio::test]
async fn a_coupon_takes_its_share_and_removing_it_restores_the_cart() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let cart = scan(&kassa, &[WATER, BREAD, SNACK, SNACK]).await;
    let cart = kassa
        .set_cart_quantity(kassa_core::api::SetQuantityRequest {
            line_id: cart.lines[0].line_id,
            quantity: 15,
        })
        .await
        .unwrap();
    assert!(cart.total > dec!(20), "WELCOME10 needs 20.00");
    let with = kassa
        .apply_coupon(CouponCodeRequest {
            code: "welcome10".into(),
        })
        .await
        .unwrap();
    assert_eq!(with.coupons.len(), 1);
    assert_eq!(with.coupons[0].code, "WELCOME10");
    assert_eq!(with.discount_total, with.coupons[0].amount);
    assert_eq!(with.total, cart.total - with.discount_total);
    assert_eq!(with.items_total, cart.total);
    let again = kassa
        .apply_coupon(CouponCodeRequest {
            code: "SNACKS20".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(
        again.code,
        ErrorCode::CouponNotCombinable,
        "{}",
        again.message
    );
    let without = kassa
        .remove_coupon(CouponCodeRequest {
            code: "WELCOME10".into(),
        })
        .await
        .unwrap();
    assert_eq!(
        without, cart,
        "removing the coupon restores the cart exactly"
    );
    // A category coupon takes 20 % off the snacks only.
    let snacks = kassa
        .apply_coupon(CouponCodeRequest {
            code: "SNACKS20".into(),
        })
        .await
        .unwrap();
    for line in &snacks.lines {
        if line.sku.starts_with("SNA") {
            assert_eq!(
                line.discount,
                (line.unit_price * dec!(2) * dec!(0.2)).round_dp(2)
            );
        } else {
            assert_eq!(line.discount, Decimal::ZERO, "{} is not a snack", line.sku);
        }
    }
    let order = pay(
        &kassa,
        snacks.cart_id.unwrap(),
        vec![TenderInput::Cash {
            tendered: snacks.total,
        }],
    )
    .await
    .unwrap();
    assert_eq!(order.discount_total, snacks.discount_total);
    assert_eq!(order.coupons[0].code, "SNACKS20");
    assert_adds_up(&order);
}

#[tokio::test]
async fn every_refused_coupon_says_why_with_a_stable_code() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let cheap = scan(&kassa, &[BREAD]).await;
    assert!(cheap.total < dec!(20));
    let refusal = |code: &'static str| {
        let kassa = kassa.clone();
        async move {
            kassa
                .apply_coupon(CouponCodeRequest { code: code.into() })
                .await
                .unwrap_err()
        }
    };
    assert_eq!(refusal("NOPE").await.code, ErrorCode::CouponUnknown);
    let expired = refusal("SUMMER24").await;
    assert_eq!(expired.code, ErrorCode::CouponExpired);
    assert!(expired.message.contains("SUMMER24"), "{}", expired.message);
    let minimum = refusal("WELCOME10").await;
    assert_eq!(minimum.code, ErrorCode::CouponMinimumNotReached);
    assert!(minimum.message.contains("20"), "{}", minimum.message);

    let mut future = coupon("NEXTWEEK");
    future.valid_from = Some(chrono::Utc::now() + chrono::Duration::days(400));
    kassa.save_coupon(future).await.unwrap();
    assert_eq!(refusal("NEXTWEEK").await.code, ErrorCode::CouponNotYetValid);

    let vip = test.customer("VIP").await;
    let mut personal = coupon("VIPONLY");
    personal.customer_id = Some(vip);
    kassa.save_coupon(personal).await.unwrap();
    assert_eq!(
        refusal("VIPONLY").await.code,
        ErrorCode::CouponNotForCustomer
    );

    let mut once = coupon("ONCE");
    once.usage_limit = Some(0);
    kassa.save_coupon(once).await.unwrap();
    assert_eq!(refusal("ONCE").await.code, ErrorCode::CouponUsedUp);

    let cart = kassa.current_cart().await.unwrap();
    assert!(
        cart.coupons.is_empty(),
        "a refused coupon is not left on the cart"
    );
    assert_eq!(cart, cheap);
}

#[tokio::test]
async fn a_one_use_coupon_is_used_once_when_two_registers_check_out_at_the_same_moment() {
    let test = TestStore::with_demo().await;
    let admin = test.register("R1").await;
    let mut once = coupon("LASTONE");
    once.usage_limit = Some(1);
    admin.save_coupon(once).await.unwrap();
    let mut registers = Vec::new();
    for code in ["R1", "R2", "R3", "R4"] {
        let kassa = test.register(code).await;
        scan(&kassa, &[WATER]).await;
        let cart = kassa
            .apply_coupon(CouponCodeRequest {
                code: "LASTONE".into(),
            })
            .await
            .unwrap();
        registers.push((kassa, cart));
    }
    let attempts = registers.into_iter().map(|(kassa, cart)| {
        tokio::spawn(async move {
            pay(
                &kassa,
                cart.cart_id.unwrap(),
                vec![TenderInput::Cash {
                    tendered: dec!(100),
                }],
            )
            .await
        })
    });
    let mut placed = 0;
    for attempt in attempts {
        match attempt.await.unwrap() {
            Ok(order) => {
                placed += 1;
                assert_eq!(order.coupons.len(), 1);
            }
            Err(error) => assert_eq!(error.code, ErrorCode::CouponUsedUp, "{}", error.message),
        }
    }
    assert_eq!(placed, 1, "exactly one register got the last use");
    let stored = admin
        .store()
        .coupon_by_code("LASTONE")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        admin.store().coupon_usage(stored.id, None).await.unwrap().0,
        1
    );
}

#[tokio::test]
async fn a_gift_card_pays_part_and_cash_the_rest_and_two_registers_never_overdraw_it() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let cart = scan(&kassa, &[WATER, WATER, BREAD]).await;
    let card_part = dec!(2.00);
    let order = pay(
        &kassa,
        cart.cart_id.unwrap(),
        vec![
            TenderInput::GiftCard {
                code: DEMO_GIFT_CARD.to_lowercase().replace('-', " "),
                amount: card_part,
            },
            TenderInput::Cash { tendered: dec!(50) },
        ],
    )
    .await
    .unwrap();
    assert_eq!(order.payments.len(), 2);
    assert_eq!(order.payments[0].method, "gift_card");
    assert_eq!(order.payments[0].amount, card_part);
    assert_eq!(
        order.payments[0].reference.as_deref(),
        Some("****-****-****-0050"),
        "receipts never show the whole code of a card that still has money on it"
    );
    assert_eq!(order.payments[1].amount, cart.total - card_part);
    assert_eq!(order.change_due, dec!(50) - (cart.total - card_part));
    let card = kassa
        .gift_card(GiftCardRequest {
            code: DEMO_GIFT_CARD.into(),
        })
        .await
        .unwrap();
    assert_eq!(
        card.card.balance,
        dec!(48.00),
        "partial use leaves a balance"
    );
    assert_eq!(
        card.ledger
            .iter()
            .map(|e| e.kind.as_str())
            .collect::<Vec<_>>(),
        ["issued", "redeemed"]
    );
    assert_eq!(
        card.ledger[1].order_reference.as_deref(),
        Some(order.reference.as_str())
    );

    // Two registers each try to take 30.00 of the 48.00 at the same moment.
    let mut attempts = Vec::new();
    for code in ["R2", "R3"] {
        let register = test.register(code).await;
        scan(&register, &[WATER]).await;
        let cart = register
            .set_cart_quantity(kassa_core::api::SetQuantityRequest {
                line_id: register.current_cart().await.unwrap().lines[0].line_id,
                quantity: 30,
            })
            .await
            .unwrap();
        attempts.push(tokio::spawn(async move {
            pay(
                &register,
                cart.cart_id.unwrap(),
                vec![
                    TenderInput::GiftCard {
                        code: DEMO_GIFT_CARD.into(),
                        amount: cart.total.min(dec!(30)),
                    },
                    TenderInput::Cash {
                        tendered: dec!(100),
                    },
                ],
            )
            .await
        }));
    }
    let mut outcomes = Vec::new();
    for attempt in attempts {
        outcomes.push(attempt.await.unwrap());
    }
    let card = kassa
        .gift_card(GiftCardRequest {
            code: DEMO_GIFT_CARD.into(),
        })
        .await
        .unwrap();
    assert!(card.card.balance >= Decimal::ZERO);
    let redeemed: Decimal = card
        .ledger
        .iter()
        .filter(|entry| entry.kind == "redeemed")
        .map(|entry| -entry.amount)
        .sum();
    assert_eq!(
        card.card.balance,
        dec!(50) - redeemed,
        "the ledger explains the balance"
    );
    for outcome in outcomes {
        if let Err(error) = outcome {
            assert_eq!(
                error.code,
                ErrorCode::GiftCardInsufficient,
                "{}",
                error.message
            );
        }
    }
    // Asking for more than is left is refused with the balance, nothing is written.
    scan(&kassa, &[WATER]).await;
    let cart = kassa
        .set_cart_quantity(kassa_core::api::SetQuantityRequest {
            line_id: kassa.current_cart().await.unwrap().lines[0].line_id,
            quantity: 60,
        })
        .await
        .unwrap();
    let error = pay(
        &kassa,
        cart.cart_id.unwrap(),
        vec![TenderInput::GiftCard {
            code: DEMO_GIFT_CARD.into(),
            amount: card.card.balance + dec!(0.01),
        }],
    )
    .await
    .unwrap_err();
    assert_eq!(
        error.code,
        ErrorCode::GiftCardInsufficient,
        "{}",
        error.message
    );
    let unknown = pay(
        &kassa,
        cart.cart_id.unwrap(),
        vec![TenderInput::GiftCard {
            code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ".into(),
            amount: dec!(1),
        }],
    )
    .await
    .unwrap_err();
    assert_eq!(unknown.code, ErrorCode::GiftCardUnknown);
}

#[tokio::test]
async fn buying_a_gift_card_issues_it_when_the_order_is_paid() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let cart = scan(&kassa, &[GIFT_CARD_BARCODES, GIFT_CARD_BARCODES]).await;
    assert_eq!(cart.total, dec!(50.00));
    assert!(
        cart.taxes.iter().all(|tax| tax.tax.is_zero()),
        "no VAT on gift cards"
    );
    let order = pay(
        &kassa,
        cart.cart_id.unwrap(),
        vec![TenderInput::Cash { tendered: dec!(50) }],
    )
    .await
    .unwrap();
    assert_eq!(order.gift_cards.len(), 2, "one card per unit");
    let issued = &order.gift_cards[0];
    assert_eq!(issued.initial, dec!(25.00));
    assert_eq!(issued.balance, dec!(25.00));
    assert_eq!(issued.code.len(), 19, "XXXX-XXXX-XXXX-XXXX");
    assert_ne!(order.gift_cards[0].code, order.gift_cards[1].code);
    assert!(issued.expires_at.is_some());
    assert_eq!(order.shipping_total, Decimal::ZERO);
    // The new card pays for the next sale.
    let next = scan(&kassa, &[BREAD]).await;
    let paid = pay(
        &kassa,
        next.cart_id.unwrap(),
        vec![TenderInput::GiftCard {
            code: issued.code.clone(),
            amount: next.total,
        }],
    )
    .await
    .unwrap();
    assert_eq!(paid.status, "payment_accepted");
    let listed = kassa
        .list_gift_cards(ListGiftCardsRequest {
            search: Some(order.reference.clone()),
        })
        .await
        .unwrap();
    assert_eq!(listed.len(), 2);

    // Ordered by phone and not paid yet: no card until the payment is recorded.
    let customer = test.customer("Gift buyer").await;
    let gift = product_id(&kassa, GIFT_CARD_BARCODES + 1).await;
    let waiting = kassa
        .create_staff_order(staff(draft(Some(customer), vec![(gift, 1)]), vec![], None))
        .await
        .unwrap()
        .order;
    assert!(waiting.gift_cards.is_empty());
    let paid = kassa
        .record_payment(RecordPaymentRequest {
            uuid: waiting.uuid,
            tender: TenderInput::Card {
                amount: dec!(50),
                terminal_reference: None,
            },
        })
        .await
        .unwrap();
    assert_eq!(paid.gift_cards.len(), 1);
    assert_eq!(paid.gift_cards[0].initial, dec!(50.00));
}

#[tokio::test]
async fn a_phone_order_ships_with_a_carrier_chosen_by_weight_and_destination() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let customer = test.customer("Phone customer").await;
    let water = product_id(&kassa, WATER).await;
    let bread = product_id(&kassa, BREAD).await;

    // 1 kg to Belgium: post 4.90, courier 9.90, pickup; no freight (from 20 kg).
    let mut light = draft(Some(customer), vec![(water, 1)]);
    light.shipping_address = Some(address("BE"));
    let quote = kassa.quote_checkout(light.clone()).await.unwrap();
    assert!(quote.needs_shipping);
    assert_eq!(quote.weight_grams, 1_000);
    let carriers: Vec<(&str, Decimal)> = quote
        .carriers
        .iter()
        .map(|c| (c.code.as_str(), c.price))
        .collect();
    assert_eq!(
        carriers,
        [
            ("pickup", dec!(0)),
            ("post", dec!(4.90)),
            ("courier", dec!(9.90))
        ]
    );
    assert_eq!(
        quote.carrier_code.as_deref(),
        Some("pickup"),
        "pickup unless chosen"
    );

    // 25 kg: the courier is out (up to 5 kg), freight is in.
    let mut heavy = draft(Some(customer), vec![(water, 25)]);
    heavy.shipping_address = Some(address("BE"));
    let quote = kassa.quote_checkout(heavy.clone()).await.unwrap();
    let codes: Vec<&str> = quote.carriers.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["pickup", "post", "freight"]);
    heavy.carrier_code = Some("courier".into());
    let refused = kassa.quote_checkout(heavy.clone()).await.unwrap_err();
    assert_eq!(
        refused.code,
        ErrorCode::CarrierUnavailable,
        "{}",
        refused.message
    );

    // Placed with the post: shipping is taxed and part of the total.
    light.carrier_code = Some("post".into());
    let order = kassa
        .create_staff_order(staff(light.clone(), vec![], Some("wire_transfer")))
        .await
        .unwrap()
        .order;
    assert_eq!(order.shipping_total, dec!(4.90));
    assert_eq!(order.carrier_name.as_deref(), Some("Standard post"));
    assert_eq!(order.status, "awaiting_wire");
    assert_eq!(order.pay_later_method.as_deref(), Some("wire_transfer"));
    assert_eq!(order.shipping_address.as_ref().unwrap().country_code, "BE");
    assert_eq!(order.invoice_address, order.shipping_address);
    assert_eq!(order.invoice.as_ref().unwrap().status, "unpaid");
    assert_adds_up(&order);
    let paid = kassa
        .record_payment(RecordPaymentRequest {
            uuid: order.uuid,
            tender: TenderInput::WireTransfer {
                amount: order.total,
                reference: Some("BANK-123".into()),
            },
        })
        .await
        .unwrap();
    assert_eq!(paid.status, "payment_accepted");
    assert_eq!(paid.pay_later_method.as_deref(), Some("wire_transfer"));

    // Out of the delivery zone, no address, and free shipping.
    let mut abroad = light.clone();
    abroad.shipping_address = Some(address("JP"));
    let error = kassa.quote_checkout(abroad).await.unwrap_err();
    assert_eq!(error.code, ErrorCode::CarrierUnavailable);
    let mut nowhere = light.clone();
    nowhere.shipping_address = None;
    let error = kassa.quote_checkout(nowhere).await.unwrap_err();
    assert_eq!(error.code, ErrorCode::AddressRequired);
    let mut free = light.clone();
    free.coupon_codes = vec!["FREESHIP".into()];
    let quote = kassa.quote_checkout(free).await.unwrap();
    assert_eq!(quote.shipping_total, Decimal::ZERO);
    let mut big = draft(Some(customer), vec![(water, 1), (bread, 60)]);
    big.shipping_address = Some(address("BE"));
    big.carrier_code = Some("post".into());
    let quote = kassa.quote_checkout(big).await.unwrap();
    assert!(quote.items_total >= dec!(75));
    assert_eq!(quote.shipping_total, Decimal::ZERO, "free from 75.00");

    // Only virtual items: no address and no carrier.
    let gift = product_id(&kassa, GIFT_CARD_BARCODES).await;
    let quote = kassa
        .quote_checkout(draft(Some(customer), vec![(gift, 1)]))
        .await
        .unwrap();
    assert!(!quote.needs_shipping);
    assert!(quote.carriers.is_empty());
    assert_eq!(quote.carrier_code, None);
}

#[tokio::test]
async fn payment_methods_set_the_initial_status_and_obey_their_restrictions() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let customer = test.customer("Check writer").await;
    let water = product_id(&kassa, WATER).await;
    let order = kassa
        .create_staff_order(staff(
            draft(Some(customer), vec![(water, 2)]),
            vec![],
            Some("check"),
        ))
        .await
        .unwrap()
        .order;
    assert_eq!(order.status, "awaiting_check");
    assert_eq!(order.status_label, "Awaiting check payment");
    // A pay-later method is not a payment taken now.
    let error = kassa
        .create_staff_order(staff(
            draft(Some(customer), vec![(water, 1)]),
            vec![TenderInput::Check {
                amount: dec!(1),
                reference: None,
            }],
            None,
        ))
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::PaymentInvalid, "{}", error.message);
    // Restricted to France: not offered for a Belgian counter or delivery.
    let mut methods = kassa.list_payment_methods().await.unwrap();
    let mut cod = methods
        .iter_mut()
        .find(|method| method.code == "cash_on_delivery")
        .unwrap()
        .clone();
    cod.countries = vec!["FR".into()];
    let saved: PaymentMethodInput = kassa.save_payment_method(cod).await.unwrap();
    assert_eq!(saved.countries, ["FR"]);
    let mut to_belgium = draft(Some(customer), vec![(water, 1)]);
    to_belgium.shipping_address = Some(address("BE"));
    to_belgium.carrier_code = Some("post".into());
    let quote = kassa.quote_checkout(to_belgium.clone()).await.unwrap();
    assert!(
        !quote
            .payment_methods
            .iter()
            .any(|m| m.code == "cash_on_delivery")
    );
    assert!(
        quote
            .payment_methods
            .iter()
            .any(|m| m.code == "wire_transfer" && !m.pays_now)
    );
    assert!(
        quote
            .payment_methods
            .iter()
            .any(|m| m.code == "card" && m.pays_now)
    );
    let error = kassa
        .create_staff_order(staff(to_belgium.clone(), vec![], Some("cash_on_delivery")))
        .await
        .unwrap_err();
    assert_eq!(
        error.code,
        ErrorCode::PaymentMethodUnavailable,
        "{}",
        error.message
    );
    let mut to_france = to_belgium;
    to_france.shipping_address = Some(address("FR"));
    let order = kassa
        .create_staff_order(staff(to_france, vec![], Some("cash_on_delivery")))
        .await
        .unwrap()
        .order;
    assert_eq!(order.status, "awaiting_cod");
    // Each method's initial status is configurable: checks accepted as paid.
    let mut check = kassa
        .list_payment_methods()
        .await
        .unwrap()
        .into_iter()
        .find(|method| method.code == "check")
        .unwrap();
    check.initial_status = "payment_accepted".into();
    kassa.save_payment_method(check).await.unwrap();
    let order = kassa
        .create_staff_order(staff(
            draft(Some(customer), vec![(water, 1)]),
            vec![TenderInput::Check {
                amount: order_total(&kassa, customer, water).await,
                reference: Some("CHK 0042".into()),
            }],
            None,
        ))
        .await
        .unwrap()
        .order;
    assert_eq!(order.status, "payment_accepted");
    assert_eq!(order.payments[0].reference.as_deref(), Some("CHK 0042"));
    let mut unknown = methods.remove(0);
    unknown.initial_status = "no_such_status".into();
    assert_eq!(
        kassa.save_payment_method(unknown).await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
}

async fn order_total(kassa: &Kassa, customer: i64, product: i64) -> Decimal {
    kassa
        .quote_checkout(draft(Some(customer), vec![(product, 1)]))
        .await
        .unwrap()
        .total
}

#[tokio::test]
async fn a_gift_card_and_a_coupon_pay_one_order_with_a_new_customer_and_the_newsletter() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let book = product_id(&kassa, BOOK).await;
    let mut order_draft = draft(None, vec![(book, 20)]);
    order_draft.new_customer = Some(NewCustomerInput {
        kind: CustomerKind::Account,
        name: "Nora Janssens".into(),
        email: Some("nora@example.com".into()),
        phone: None,
        customer_group: None,
        newsletter: None,
    });
    order_draft.shipping_address = Some(address("NL"));
    order_draft.carrier_code = Some("post".into());
    order_draft.coupon_codes = vec!["SAVE5".into(), "FREESHIP".into()];
    let mut quote_draft = order_draft.clone();
    quote_draft.new_customer = None;
    let quote = kassa.quote_checkout(quote_draft).await.unwrap();
    assert_eq!(quote.discount_total, dec!(5.00));
    assert_eq!(quote.shipping_total, Decimal::ZERO);
    let mut request = staff(
        order_draft,
        vec![
            TenderInput::GiftCard {
                code: DEMO_GIFT_CARD.into(),
                amount: dec!(50),
            },
            TenderInput::Card {
                amount: quote.total - dec!(50),
                terminal_reference: Some("T-77".into()),
            },
        ],
        None,
    );
    request.newsletter = Some(true);
    let order = kassa.create_staff_order(request).await.unwrap().order;
    assert_eq!(order.total, quote.total);
    assert_eq!(order.coupons.len(), 2);
    assert_eq!(order.status, "payment_accepted");
    assert_adds_up(&order);
    let customer = order.customer.clone().unwrap();
    let found = kassa
        .search_customers(kassa_core::api::SearchCustomersRequest {
            query: "Nora".into(),
        })
        .await
        .unwrap();
    assert_eq!(found[0].id, customer.id);
    assert!(found[0].newsletter, "opted in at checkout");
    let addresses = kassa
        .customer_addresses(CustomerRequest {
            customer_id: customer.id,
        })
        .await
        .unwrap();
    assert_eq!(addresses.len(), 1, "the account keeps its address");
    assert!(addresses[0].is_default_shipping && addresses[0].is_default_invoice);

    // Canceling gives the gift card its 50.00 back and refunds the rest to the card.
    let canceled = kassa
        .change_order_status(kassa_core::api::ChangeStatusRequest {
            uuid: order.uuid,
            status: "canceled".into(),
            note: None,
            notify_customer: None,
        })
        .await
        .unwrap();
    let refunds: Vec<(&str, Decimal)> = canceled
        .payments
        .iter()
        .filter(|payment| payment.amount < Decimal::ZERO)
        .map(|payment| (payment.method.as_str(), payment.amount))
        .collect();
    assert_eq!(
        refunds,
        [
            ("refund_gift_card", dec!(-50)),
            ("refund", -(quote.total - dec!(50)))
        ]
    );
    let card = kassa
        .gift_card(GiftCardRequest {
            code: DEMO_GIFT_CARD.into(),
        })
        .await
        .unwrap();
    assert_eq!(card.card.balance, dec!(50));
    assert_eq!(card.ledger.last().unwrap().kind, "refunded");
}

#[tokio::test]
async fn store_credit_pays_up_to_its_balance() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let customer = kassa
        .create_customer(CreateCustomerRequest {
            customer: NewCustomerInput {
                kind: CustomerKind::Guest,
                name: "Walk-in".into(),
                email: None,
                phone: None,
                customer_group: None,
                newsletter: None,
            },
            address: None,
        })
        .await
        .unwrap();
    assert_eq!(customer.kind, CustomerKind::Guest);
    let bad = kassa
        .create_customer(CreateCustomerRequest {
            customer: NewCustomerInput {
                kind: CustomerKind::Account,
                name: "  ".into(),
                email: None,
                phone: None,
                customer_group: None,
                newsletter: None,
            },
            address: None,
        })
        .await
        .unwrap_err();
    assert_eq!(bad.code, ErrorCode::InvalidInput);
    let credit = kassa
        .grant_store_credit(GrantStoreCreditRequest {
            customer_id: customer.id,
            amount: dec!(3.00),
            note: "Broken jar, goodwill".into(),
        })
        .await
        .unwrap();
    assert_eq!(credit.balance, dec!(3.00));
    let water = product_id(&kassa, WATER).await;
    let total = kassa
        .quote_checkout(draft(Some(customer.id), vec![(water, 5)]))
        .await
        .unwrap()
        .total;
    assert!(total > dec!(3.01));
    let too_much = kassa
        .create_staff_order(staff(
            draft(Some(customer.id), vec![(water, 5)]),
            vec![TenderInput::StoreCredit { amount: dec!(3.01) }],
            Some("wire_transfer"),
        ))
        .await
        .unwrap_err();
    assert_eq!(too_much.code, ErrorCode::StoreCreditInsufficient);
    let order = kassa
        .create_staff_order(staff(
            draft(Some(customer.id), vec![(water, 5)]),
            vec![
                TenderInput::StoreCredit { amount: dec!(3.00) },
                TenderInput::Cash {
                    tendered: total - dec!(3),
                },
            ],
            None,
        ))
        .await
        .unwrap()
        .order;
    assert_eq!(order.status, "payment_accepted");
    let credit = kassa
        .store_credit(CustomerRequest {
            customer_id: customer.id,
        })
        .await
        .unwrap();
    assert_eq!(credit.balance, Decimal::ZERO);
    assert_eq!(credit.ledger.len(), 2);
}

#[tokio::test]
async fn taxes_follow_the_destination_and_cash_is_rounded_to_the_smallest_coin() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    kassa
        .save_tax_rate(TaxRateInput {
            class_code: "standard".into(),
            country_code: Some("fr".into()),
            label: "TVA 20%".into(),
            percent: dec!(20),
        })
        .await
        .unwrap();
    let customer = test.customer("Client français").await;
    let water = product_id(&kassa, WATER).await;
    let mut to_france = draft(Some(customer), vec![(water, 1)]);
    to_france.shipping_address = Some(address("FR"));
    to_france.carrier_code = Some("post".into());
    let quote = kassa.quote_checkout(to_france).await.unwrap();
    assert!(
        quote.taxes.iter().all(|tax| tax.label == "TVA 20%"),
        "{:?}",
        quote.taxes
    );
    let mut at_home = draft(Some(customer), vec![(water, 1)]);
    at_home.shipping_address = Some(address("BE"));
    let quote = kassa.quote_checkout(at_home).await.unwrap();
    assert!(quote.taxes.iter().all(|tax| tax.label == "VAT 21%"));

    let settings = kassa.tax_settings().await.unwrap();
    let error = kassa
        .save_tax_settings(TaxSettingsInput {
            cash_rounding_increment: dec!(0.051),
            ..settings.settings.clone()
        })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    kassa
        .save_tax_settings(TaxSettingsInput {
            cash_rounding_increment: dec!(0.05),
            ..settings.settings
        })
        .await
        .unwrap();
    // Find a cart whose total is not a multiple of 0.05.
    let mut index = 0;
    let cart = loop {
        let cart = scan(&kassa, &[index]).await;
        if (cart.total * dec!(20)).fract() != Decimal::ZERO {
            break cart;
        }
        index += 1;
    };
    assert_ne!(cart.cash_total, cart.total);
    assert_eq!((cart.cash_total * dec!(20)).fract(), Decimal::ZERO);
    let order = pay(
        &kassa,
        cart.cart_id.unwrap(),
        vec![TenderInput::Cash {
            tendered: cart.cash_total,
        }],
    )
    .await
    .unwrap();
    assert_eq!(order.total, cart.total, "the total itself is never rounded");
    assert_eq!(order.cash_rounding, cart.cash_total - cart.total);
    assert_eq!(order.paid, cart.cash_total);
    assert_eq!(order.change_due, Decimal::ZERO);
    assert_eq!(order.invoice.unwrap().status, "paid");
    // Cards pay to the cent.
    let cart = scan(&kassa, &[index]).await;
    let order = pay(
        &kassa,
        cart.cart_id.unwrap(),
        vec![TenderInput::Card {
            amount: cart.total,
            terminal_reference: None,
        }],
    )
    .await
    .unwrap();
    assert_eq!(order.cash_rounding, Decimal::ZERO);
}

#[tokio::test]
async fn owners_edit_coupons_and_carriers_and_bad_input_says_what_is_wrong() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let mut fixed = coupon("TENOFF");
    fixed.kind = CouponKind::Fixed;
    fixed.percent = None;
    fixed.amount = Some(dec!(10));
    let saved = kassa.save_coupon(fixed.clone()).await.unwrap();
    assert_eq!(saved.coupon.amount, Some(dec!(10.00)));
    assert_eq!(saved.times_used, 0);
    fixed.amount = Some(dec!(-1));
    assert_eq!(
        kassa.save_coupon(fixed.clone()).await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
    fixed.amount = Some(dec!(10));
    fixed.scope = CouponScope::Products;
    let error = kassa.save_coupon(fixed).await.unwrap_err();
    assert!(
        error.message.contains("products or categories"),
        "{}",
        error.message
    );
    assert!(
        kassa
            .list_coupons()
            .await
            .unwrap()
            .iter()
            .any(|c| c.coupon.code == "TENOFF")
    );

    let mut carriers = kassa.list_carriers().await.unwrap();
    assert_eq!(carriers.len(), 4, "pickup and three demo carriers");
    let mut post = carriers.remove(1);
    assert_eq!(post.code, "post");
    assert_eq!(post.tax_class.as_deref(), Some("standard"));
    post.ranges[0].to = Some(dec!(3000));
    let error = kassa.save_carrier(post.clone()).await.unwrap_err();
    assert!(error.message.contains("overlap"), "{}", error.message);
    post.ranges[0].to = Some(dec!(2000));
    post.ranges[0].price = dec!(5.50);
    let saved = kassa.save_carrier(post).await.unwrap();
    assert_eq!(saved.ranges[0].price, dec!(5.50));
}
