//! Back-office tests over real SQLite files: status rules with refunds, credit notes and
//! restocking; payments recorded later; staff orders; the order list's search and filters;
//! mass actions as jobs; CSV export; deletion of test orders only.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::cloned_ref_to_slice_refs,
    reason = "test code fails loudly and compares with literal lists"
)]

mod support;

use kassa_core::ErrorCode;
use kassa_core::Kassa;
use kassa_core::api::{
    ChangeStatusRequest, CheckoutDraft, GetOrderRequest, JobRequest, ListOrdersRequest,
    MassActionKind, MassActionRequest, OrderDetail, RecordPaymentRequest, SearchCustomersRequest,
    SearchProductsRequest, StaffOrderLine, StaffOrderRequest, TenderInput, UpdateOrderRequest,
};
use kassa_core::demo::demo_barcode;
use rust_decimal_macros::dec;
use support::{TestStore, cash_sale};
use uuid::Uuid;

async fn stock_of(kassa: &Kassa, barcode_index: usize) -> i64 {
    kassa
        .search_products(SearchProductsRequest {
            query: demo_barcode(barcode_index),
            limit: None,
        })
        .await
        .unwrap()[0]
        .stock_on_hand
}

async fn first_customer(kassa: &Kassa) -> i64 {
    kassa
        .search_customers(SearchCustomersRequest {
            query: "Amélie".into(),
        })
        .await
        .unwrap()[0]
        .id
}

async fn staff_order(
    kassa: &Kassa,
    customer_id: i64,
    tenders: Vec<TenderInput>,
    is_test: bool,
) -> OrderDetail {
    let product = kassa
        .search_products(SearchProductsRequest {
            query: demo_barcode(20),
            limit: None,
        })
        .await
        .unwrap();
    kassa
        .create_staff_order(StaffOrderRequest {
            order_uuid: Uuid::new_v4(),
            draft: CheckoutDraft {
                customer_id: Some(customer_id),
                lines: vec![StaffOrderLine {
                    product_id: product[0].id,
                    quantity: 2,
                }],
                ..CheckoutDraft::default()
            },
            tenders,
            pay_later: None,
            newsletter: None,
            is_test: Some(is_test),
        })
        .await
        .unwrap()
        .order
}

fn to(uuid: Uuid, status: &str) -> ChangeStatusRequest {
    ChangeStatusRequest {
        uuid,
        status: status.into(),
        note: None,
        notify_customer: None,
    }
}

#[tokio::test]
async fn canceling_a_paid_order_refunds_it_with_a_credit_note_and_restocks() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let before = stock_of(&kassa, 4).await;
    let order = cash_sale(&kassa, &[4]).await;
    assert_eq!(stock_of(&kassa, 4).await, before - 1);
    let canceled = kassa
        .change_order_status(ChangeStatusRequest {
            note: Some("Customer changed their mind".into()),
            ..to(order.uuid, "canceled")
        })
        .await
        .unwrap();
    assert_eq!(canceled.status, "canceled");
    assert_eq!(
        canceled.refunded, order.total,
        "the whole payment is refunded"
    );
    assert_eq!(canceled.credit_notes.len(), 1);
    assert_eq!(
        canceled.credit_notes[0].number, "CN-2026-000001",
        "credit notes have their own series"
    );
    assert_eq!(canceled.credit_notes[0].total, order.total);
    assert_eq!(
        stock_of(&kassa, 4).await,
        before,
        "the unit is back on the shelf"
    );
    let last = canceled.history.last().unwrap();
    assert_eq!(
        (last.from_status.as_deref(), last.to_status.as_str()),
        (Some("payment_accepted"), "canceled")
    );
    assert_eq!(last.note, "Customer changed their mind");

    let error = kassa
        .change_order_status(to(order.uuid, "processing"))
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::TransitionForbidden);
    assert!(
        error.message.contains("final"),
        "a canceled order is final: {}",
        error.message
    );
}

#[tokio::test]
async fn only_paid_orders_ship_and_only_fulfilled_ones_return() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let customer = first_customer(&kassa).await;
    let unpaid = staff_order(&kassa, customer, vec![], false).await;
    assert_eq!(unpaid.status, "awaiting_payment");
    let error = kassa
        .change_order_status(to(unpaid.uuid, "shipped"))
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::TransitionForbidden);
    assert!(
        error
            .message
            .contains("only paid orders can be fulfilled or shipped"),
        "names the rule: {}",
        error.message
    );

    let paid = cash_sale(&kassa, &[6]).await;
    let error = kassa
        .change_order_status(to(paid.uuid, "returned"))
        .await
        .unwrap_err();
    assert!(
        error
            .message
            .contains("only fulfilled or delivered orders can be returned"),
        "{}",
        error.message
    );
    let before_return = stock_of(&kassa, 6).await;
    kassa
        .change_order_status(to(paid.uuid, "shipped"))
        .await
        .unwrap();
    let returned = kassa
        .change_order_status(to(paid.uuid, "returned"))
        .await
        .unwrap();
    assert_eq!(returned.refunded, paid.total);
    assert_eq!(
        stock_of(&kassa, 6).await,
        before_return + 1,
        "a return restocks"
    );

    let canceled_unpaid = kassa
        .change_order_status(to(unpaid.uuid, "canceled"))
        .await
        .unwrap();
    assert_eq!(
        canceled_unpaid.invoice.unwrap().status,
        "void",
        "canceling an unpaid order voids its invoice"
    );
    assert!(
        canceled_unpaid.credit_notes.is_empty(),
        "nothing was paid, nothing is refunded"
    );
}

#[tokio::test]
async fn paying_later_makes_the_order_paid_exactly_once() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let referrer = first_customer(&kassa).await;
    let customer = kassa
        .search_customers(SearchCustomersRequest {
            query: "jonas".into(),
        })
        .await
        .unwrap()[0]
        .id;
    test.refer(customer, referrer).await;
    let before = stock_of(&kassa, 20).await;
    let order = staff_order(&kassa, customer, vec![], false).await;
    assert_eq!(
        stock_of(&kassa, 20).await,
        before,
        "stock stays until the order is paid"
    );
    assert_eq!(order.invoice.as_ref().unwrap().status, "unpaid");

    let part = dec!(1.00);
    let partly = kassa
        .record_payment(RecordPaymentRequest {
            uuid: order.uuid,
            tender: TenderInput::Cash { tendered: part },
        })
        .await
        .unwrap();
    assert_eq!(partly.invoice.as_ref().unwrap().status, "partially_paid");
    assert_eq!(partly.status, "awaiting_payment");
    let rest = order.total - part;
    let paid = kassa
        .record_payment(RecordPaymentRequest {
            uuid: order.uuid,
            tender: TenderInput::Card {
                amount: rest,
                terminal_reference: Some("T-1".into()),
            },
        })
        .await
        .unwrap();
    assert_eq!(paid.status, "payment_accepted");
    assert_eq!(paid.invoice.as_ref().unwrap().status, "paid");
    assert_eq!(paid.paid, order.total);
    assert_eq!(
        stock_of(&kassa, 20).await,
        before - 2,
        "paid: the two units leave the shelf"
    );

    let error = kassa
        .record_payment(RecordPaymentRequest {
            uuid: order.uuid,
            tender: TenderInput::Cash { tendered: dec!(5) },
        })
        .await
        .unwrap_err();
    assert_eq!(
        error.code,
        ErrorCode::PaymentInvalid,
        "a paid order takes no more payment"
    );
    assert_eq!(
        stock_of(&kassa, 20).await,
        before - 2,
        "the becoming-paid effects ran once"
    );
    let outbox = kassa
        .store()
        .outbox_for(&order.uuid.to_string())
        .await
        .unwrap();
    assert_eq!(
        outbox
            .iter()
            .filter(|row| row.kind == "order_confirmation")
            .count(),
        1,
        "one confirmation mail"
    );
    // 5 % of the total, in cents: total × 100 × 0.05.
    let expected = (paid.total * dec!(5))
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    assert_eq!(
        test.commission_for(&order.uuid.to_string()).await,
        Some(i64::try_from(expected.mantissa()).unwrap()),
        "the referrer earns 5 % of the paid order"
    );
}

#[tokio::test]
async fn credit_notes_are_numbered_without_gaps() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    for (index, barcode) in [10, 11, 12].into_iter().enumerate() {
        let order = cash_sale(&kassa, &[barcode]).await;
        let canceled = kassa
            .change_order_status(to(order.uuid, "refunded"))
            .await
            .unwrap();
        assert_eq!(
            canceled.credit_notes[0].number,
            format!("CN-2026-{:06}", index + 1)
        );
    }
    let error = kassa
        .change_order_status(to(Uuid::new_v4(), "refunded"))
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn the_order_list_searches_and_filters() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let bread = cash_sale(&kassa, &[0]).await; // Sourdough loaf, cash
    let _cola = cash_sale(&kassa, &[111]).await;
    let customer = first_customer(&kassa).await;
    let for_amelie = staff_order(&kassa, customer, vec![], false).await;
    let list = |request: ListOrdersRequest| {
        let kassa = kassa.clone();
        async move {
            kassa
                .list_orders(request)
                .await
                .unwrap()
                .orders
                .into_iter()
                .map(|o| o.reference)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(list(ListOrdersRequest::default()).await.len(), 3);
    assert_eq!(
        list(ListOrdersRequest {
            search: Some("sourdough".into()),
            ..Default::default()
        })
        .await,
        [bread.reference.clone()]
    );
    assert_eq!(
        list(ListOrdersRequest {
            search: Some(bread.reference.clone()),
            ..Default::default()
        })
        .await,
        [bread.reference.clone()]
    );
    assert_eq!(
        list(ListOrdersRequest {
            search: Some("amelie".into()),
            ..Default::default()
        })
        .await,
        [for_amelie.reference.clone()],
        "diacritics are folded"
    );
    assert_eq!(
        list(ListOrdersRequest {
            search: Some("amelie.dubois@".into()),
            ..Default::default()
        })
        .await
        .len(),
        1
    );
    assert_eq!(
        list(ListOrdersRequest {
            status: Some("awaiting_payment".into()),
            ..Default::default()
        })
        .await,
        [for_amelie.reference.clone()]
    );
    assert_eq!(
        list(ListOrdersRequest {
            payment_method: Some("cash".into()),
            ..Default::default()
        })
        .await
        .len(),
        2
    );
    assert_eq!(
        list(ListOrdersRequest {
            register_code: Some("BO".into()),
            ..Default::default()
        })
        .await,
        [for_amelie.reference.clone()]
    );
    assert_eq!(
        list(ListOrdersRequest {
            date_from: Some("2026-11-23".into()),
            date_to: Some("2026-11-23".into()),
            ..Default::default()
        })
        .await
        .len(),
        3
    );
    assert!(
        list(ListOrdersRequest {
            date_from: Some("2026-11-24".into()),
            ..Default::default()
        })
        .await
        .is_empty()
    );
    assert!(
        list(ListOrdersRequest {
            date_to: Some("2026-11-22".into()),
            ..Default::default()
        })
        .await
        .is_empty()
    );
    let error = kassa
        .list_orders(ListOrdersRequest {
            date_from: Some("23/11/2026".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(
        list(ListOrdersRequest {
            search: Some("\"OR NEAR(".into()),
            ..Default::default()
        })
        .await
        .is_empty(),
        "search syntax stays literal"
    );
}

#[tokio::test]
async fn a_mass_fulfil_reports_the_order_that_failed_and_does_the_rest() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let first = cash_sale(&kassa, &[1]).await;
    let second = cash_sale(&kassa, &[2]).await;
    let unpaid = staff_order(&kassa, first_customer(&kassa).await, vec![], false).await;
    let job = kassa
        .start_mass_action(MassActionRequest {
            kind: MassActionKind::Fulfil,
            orders: vec![first.uuid, unpaid.uuid, second.uuid],
            filter: None,
        })
        .await
        .unwrap();
    assert_eq!(
        (job.status.as_str(), job.total, job.processed),
        ("queued", 3, 0)
    );
    // A restart before the worker ran: the job is still there and runs on the next start.
    kassa.close().await;
    let kassa = test.register("R1").await;
    kassa.run_pending_jobs().await.unwrap();
    let done = kassa
        .job_status(JobRequest { job_id: job.job_id })
        .await
        .unwrap();
    assert_eq!(
        (done.status.as_str(), done.processed, done.succeeded),
        ("done", 3, 2)
    );
    assert_eq!(done.failures.len(), 1);
    assert_eq!(done.failures[0].reference, unpaid.reference);
    assert!(
        done.failures[0]
            .error
            .contains("only paid orders can be fulfilled"),
        "{}",
        done.failures[0].error
    );
    let shipped = kassa
        .get_order(GetOrderRequest { uuid: first.uuid })
        .await
        .unwrap();
    assert_eq!(shipped.status, "shipped");
}

#[tokio::test]
async fn csv_export_is_spreadsheet_safe() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let evil = test
        .customer("=HYPERLINK(\"http://evil.example\",\"Click\")")
        .await;
    let order = staff_order(&kassa, evil, vec![], false).await;
    kassa
        .update_order(UpdateOrderRequest {
            uuid: order.uuid,
            internal_reference: "PO-7".into(),
            tracking_code: "+TRACK".into(),
            notes: "call first".into(),
        })
        .await
        .unwrap();
    let job = kassa
        .start_mass_action(MassActionRequest {
            kind: MassActionKind::ExportCsv,
            orders: vec![],
            filter: Some(ListOrdersRequest {
                status: Some("awaiting_payment".into()),
                ..Default::default()
            }),
        })
        .await
        .unwrap();
    kassa.run_pending_jobs().await.unwrap();
    let done = kassa
        .job_status(JobRequest { job_id: job.job_id })
        .await
        .unwrap();
    let path = done.output_path.unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.starts_with("\u{FEFF}".as_bytes()),
        "UTF-8 with a byte-order mark"
    );
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.contains("\"'=HYPERLINK("),
        "the formula is text: {text}"
    );
    assert!(text.contains("\"'+TRACK\""), "a leading + is text too");
    assert!(text.contains(&format!("\"{}\"", order.reference)));
    assert_eq!(
        text.lines().count(),
        2,
        "a header and the one matching order"
    );
}

#[tokio::test]
async fn only_test_orders_can_be_deleted() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let real = cash_sale(&kassa, &[3]).await;
    let error = kassa
        .delete_test_order(GetOrderRequest { uuid: real.uuid })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NotATestOrder);
    let customer = first_customer(&kassa).await;
    let trial = staff_order(
        &kassa,
        customer,
        vec![TenderInput::Cash {
            tendered: dec!(100),
        }],
        true,
    )
    .await;
    assert!(trial.is_test);
    assert!(
        trial
            .invoice
            .as_ref()
            .unwrap()
            .number
            .starts_with("TEST-2026-"),
        "test orders use their own series"
    );
    kassa
        .delete_test_order(GetOrderRequest { uuid: trial.uuid })
        .await
        .unwrap();
    let error = kassa
        .get_order(GetOrderRequest { uuid: trial.uuid })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
    assert_eq!(
        kassa
            .list_orders(ListOrdersRequest::default())
            .await
            .unwrap()
            .orders
            .len(),
        1,
        "the real order stays"
    );
}

#[tokio::test]
async fn generated_history_is_consistent_and_live_sales_continue_its_numbers() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    assert_eq!(kassa.generate_order_history(600).await.unwrap(), 600);
    let error = kassa.generate_order_history(10).await.unwrap_err();
    assert_eq!(
        error.code,
        ErrorCode::StoreNotEmpty,
        "history goes only into a store without orders"
    );

    let mut cursor = None;
    let mut invoices = std::collections::BTreeMap::<String, Vec<u32>>::new();
    let mut seen = 0;
    loop {
        let page = kassa
            .list_orders(ListOrdersRequest {
                cursor,
                limit: Some(200),
                ..Default::default()
            })
            .await
            .unwrap();
        for summary in &page.orders {
            seen += 1;
            if seen % 25 == 0 {
                let order = kassa
                    .get_order(GetOrderRequest { uuid: summary.uuid })
                    .await
                    .unwrap();
                assert_eq!(
                    order
                        .lines
                        .iter()
                        .map(|l| l.total)
                        .sum::<rust_decimal::Decimal>(),
                    order.total,
                    "{}: lines add up",
                    order.reference
                );
                assert_eq!(
                    order
                        .taxes
                        .iter()
                        .map(|t| t.tax)
                        .sum::<rust_decimal::Decimal>(),
                    order.tax_total,
                    "{}: taxes add up",
                    order.reference
                );
                assert_eq!(order.subtotal_net + order.tax_total, order.total);
            }
            let number = summary.invoice_number.clone().unwrap();
            let (year, sequence) = number.trim_start_matches("INV-").split_once('-').unwrap();
            invoices
                .entry(year.to_owned())
                .or_default()
                .push(sequence.parse().unwrap());
        }
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, 600);
    for (year, mut sequences) in invoices {
        sequences.sort_unstable();
        let expected: Vec<u32> = (1..=u32::try_from(sequences.len()).unwrap()).collect();
        assert_eq!(sequences, expected, "invoices of {year} are gap-free");
    }
    let sale = cash_sale(&kassa, &[0]).await;
    assert_eq!(
        sale.reference, "S1-R1-000201",
        "the live register continues after the history's 200 R1 orders"
    );
    let shipped = kassa
        .list_orders(ListOrdersRequest {
            status: Some("shipped".into()),
            limit: Some(200),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(shipped.orders.len(), 30, "one order in twenty is shipped");
}

#[tokio::test]
async fn statuses_are_configurable_and_their_flags_drive_the_rules() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let mut statuses = kassa.list_statuses().await.unwrap();
    assert_eq!(
        statuses.len(),
        11,
        "the default set covers the seeds and the pay-later methods' statuses"
    );
    let mut ready = statuses
        .iter()
        .find(|s| s.code == "processing")
        .unwrap()
        .clone();
    ready.code = "ready_for_pickup".into();
    ready.label = "Ready for pick-up".into();
    ready.colour = "#0E7490".into();
    ready.position = 35;
    statuses = kassa.save_order_status(ready).await.unwrap();
    let saved = statuses
        .iter()
        .find(|s| s.code == "ready_for_pickup")
        .unwrap();
    assert_eq!(
        (saved.label.as_str(), saved.colour.as_str(), saved.paid),
        ("Ready for pick-up", "#0e7490", true)
    );

    let unpaid = staff_order(&kassa, first_customer(&kassa).await, vec![], false).await;
    let error = kassa
        .change_order_status(to(unpaid.uuid, "ready_for_pickup"))
        .await
        .unwrap_err();
    assert_eq!(
        error.code,
        ErrorCode::TransitionForbidden,
        "a paid-flag status needs a recorded payment"
    );
    let paid = cash_sale(&kassa, &[8]).await;
    let ready = kassa
        .change_order_status(to(paid.uuid, "ready_for_pickup"))
        .await
        .unwrap();
    assert_eq!(ready.status_label, "Ready for pick-up");

    let mut bad = statuses[0].clone();
    bad.code = "Bad Code".into();
    assert_eq!(
        kassa.save_order_status(bad).await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
    let mut incoherent = statuses[0].clone();
    incoherent.canceled = true;
    incoherent.shipped = true;
    assert_eq!(
        kassa.save_order_status(incoherent).await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
}
