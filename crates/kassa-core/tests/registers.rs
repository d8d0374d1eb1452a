//! Register sessions and the journal on real SQLite files: open with a float, sell, move
//! cash, X report, close with counted amounts (Z report, PDF, reprint), one session at a
//! time; and the hash-chained journal, intact after sales, refunds and closings, broken
//! where a row is edited behind the app's back.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]

mod support;

use std::process::Command;

use kassa_core::api::{
    CashMovementRequest, ChangeStatusRequest, CheckoutRequest, CloseRegisterRequest, CountedAmount,
    OpenRegisterRequest, RegisterSessionRequest, ScanRequest, TenderInput,
};
use kassa_core::demo::demo_barcode;
use kassa_core::{ErrorCode, Kassa};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use support::{TestStore, cash_sale};
use uuid::Uuid;

/// Scans the demo products and pays by card.
async fn card_sale(kassa: &Kassa, indexes: &[usize]) -> kassa_core::api::OrderDetail {
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
    let cart = cart.unwrap();
    kassa
        .checkout(CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders: vec![TenderInput::Card {
                amount: cart.total,
                terminal_reference: None,
            }],
        })
        .await
        .unwrap()
        .order
}

fn pdf_text(path: &str) -> String {
    let output = Command::new("pdftotext")
        .args(["-layout", path, "-"])
        .output()
        .expect("pdftotext is missing: install the Debian package poppler-utils");
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[tokio::test]
async fn a_register_day_from_opening_float_to_z_report() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    assert_eq!(
        kassa.x_report().await.unwrap_err().code,
        ErrorCode::RegisterNotOpen
    );
    assert!(kassa.current_register_session().await.unwrap().is_none());
    let before = cash_sale(&kassa, &[1]).await; // rung up before opening: not in the session

    let session = kassa
        .open_register(OpenRegisterRequest {
            opening_float: dec!(150.00),
        })
        .await
        .unwrap();
    assert_eq!(session.number, 1);
    assert_eq!(
        kassa
            .open_register(OpenRegisterRequest {
                opening_float: dec!(10),
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::RegisterAlreadyOpen,
        "one session at a time"
    );
    for bad in [dec!(-1), dec!(0.001)] {
        assert_eq!(
            kassa
                .cash_movement(CashMovementRequest {
                    kind: "in".into(),
                    amount: bad,
                    reason: "x".into(),
                })
                .await
                .unwrap_err()
                .code,
            ErrorCode::InvalidInput
        );
    }
    assert_eq!(
        kassa
            .cash_movement(CashMovementRequest {
                kind: "out".into(),
                amount: dec!(5),
                reason: "  ".into(),
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput,
        "a cash movement needs a reason"
    );

    let cash_one = cash_sale(&kassa, &[2, 3]).await;
    let cash_two = cash_sale(&kassa, &[4]).await;
    let card = card_sale(&kassa, &[5, 6]).await;
    kassa
        .cash_movement(CashMovementRequest {
            kind: "in".into(),
            amount: dec!(20),
            reason: "Change from the bank".into(),
        })
        .await
        .unwrap();
    let x = kassa
        .cash_movement(CashMovementRequest {
            kind: "out".into(),
            amount: dec!(7.50),
            reason: "Window cleaner".into(),
        })
        .await
        .unwrap();
    assert_eq!(x.kind, "x");
    assert_eq!(x.order_count, 3, "only the session's orders");
    assert_eq!(x.sales_total, cash_one.total + cash_two.total + card.total);
    assert_eq!(x.cash_in, dec!(20));
    assert_eq!(x.cash_out, dec!(7.50));
    let cash = x.methods.iter().find(|line| line.method == "cash").unwrap();
    assert_eq!(cash.count, 2);
    assert_eq!(cash.taken, cash_one.total + cash_two.total);
    assert_eq!(
        cash.expected,
        dec!(150) + cash.taken + dec!(20) - dec!(7.50)
    );
    let card_line = x.methods.iter().find(|line| line.method == "card").unwrap();
    assert_eq!((card_line.count, card_line.expected), (1, card.total));
    let tax_sum: Decimal = x.taxes.iter().map(|tax| tax.tax).sum();
    assert_eq!(tax_sum, x.tax_total, "the tax lines add up");

    // Close: the cash is 0.50 short, the card terminal agrees.
    assert_eq!(
        kassa
            .close_register(CloseRegisterRequest {
                counted: vec![CountedAmount {
                    method: "card".into(),
                    amount: card.total,
                }],
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput,
        "the cash must be counted"
    );
    let closed = kassa
        .close_register(CloseRegisterRequest {
            counted: vec![
                CountedAmount {
                    method: "cash".into(),
                    amount: cash.expected - dec!(0.50),
                },
                CountedAmount {
                    method: "card".into(),
                    amount: card.total,
                },
            ],
        })
        .await
        .unwrap();
    let z = &closed.report;
    assert_eq!(z.kind, "z");
    assert_eq!(z.difference, Some(dec!(-0.50)));
    let cash_z = z.methods.iter().find(|line| line.method == "cash").unwrap();
    assert_eq!(cash_z.difference, Some(dec!(-0.50)));
    assert!(z.session.closed_at.is_some());
    let text = pdf_text(&closed.path);
    assert!(text.contains("Z report 1"), "{text}");
    assert!(text.contains("Window cleaner"));
    assert!(text.contains("-0.50") || text.contains("-0,50"), "{text}");

    // The Z report is frozen: sales after the close do not change it, and a reprint is the
    // same report.
    assert_eq!(
        kassa.x_report().await.unwrap_err().code,
        ErrorCode::RegisterNotOpen
    );
    cash_sale(&kassa, &[7]).await;
    let request = RegisterSessionRequest {
        session_id: z.session.id,
    };
    assert_eq!(&kassa.z_report(request.clone()).await.unwrap(), z);
    let reprint = kassa.save_z_report(request).await.unwrap();
    assert_eq!(&reprint.report, z);
    let next = kassa
        .open_register(OpenRegisterRequest {
            opening_float: dec!(100),
        })
        .await
        .unwrap();
    assert_eq!(next.number, 2);
    assert_eq!(kassa.x_report().await.unwrap().order_count, 0);
    assert_eq!(kassa.register_sessions().await.unwrap().len(), 2);
    assert!(before.total > Decimal::ZERO);
}

#[tokio::test]
async fn the_journal_chains_sales_refunds_and_closings_and_catches_edits() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    kassa
        .open_register(OpenRegisterRequest {
            opening_float: dec!(50),
        })
        .await
        .unwrap();
    let first = cash_sale(&kassa, &[1, 2]).await;
    let second = cash_sale(&kassa, &[3]).await;
    kassa
        .change_order_status(ChangeStatusRequest {
            uuid: second.uuid,
            status: "canceled".into(),
            note: None,
            notify_customer: None,
        })
        .await
        .unwrap();
    let x = kassa.x_report().await.unwrap();
    let cash = x.methods.iter().find(|line| line.method == "cash").unwrap();
    kassa
        .close_register(CloseRegisterRequest {
            counted: vec![CountedAmount {
                method: "cash".into(),
                amount: cash.expected,
            }],
        })
        .await
        .unwrap();

    let intact = kassa.verify_journal().await.unwrap();
    assert_eq!(intact.entries, 4, "two sales, a credit note, a closing");
    assert!(intact.problem.is_none(), "{:?}", intact.problem);
    assert!(intact.last_hash.is_some());

    // The journal refuses changes through SQL…
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", test.path().display()))
        .await
        .unwrap();
    assert!(
        sqlx::query("UPDATE journal SET content = '{}' WHERE seq = 1")
            .execute(&pool)
            .await
            .is_err(),
        "the journal is append-only"
    );
    // …and an edited order is caught: its sale entry no longer matches.
    sqlx::query("UPDATE orders SET total_minor = total_minor - 100 WHERE uuid = ?1")
        .bind(first.uuid.to_string())
        .execute(&pool)
        .await
        .unwrap();
    let broken = kassa.verify_journal().await.unwrap();
    let problem = broken.problem.unwrap();
    assert_eq!((problem.seq, problem.kind.as_str()), (1, "sale"));
    assert_eq!(problem.reference, first.uuid.to_string());
    assert!(
        problem.problem.contains("no longer matches"),
        "{}",
        problem.problem
    );
    sqlx::query("UPDATE orders SET total_minor = total_minor + 100 WHERE uuid = ?1")
        .bind(first.uuid.to_string())
        .execute(&pool)
        .await
        .unwrap();
    assert!(kassa.verify_journal().await.unwrap().problem.is_none());

    // Someone drops the guard and rewrites an entry: the chain breaks there.
    sqlx::query("DROP TRIGGER journal_append_only_update")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE journal SET content = replace(content, 'CN', 'XX') WHERE seq = 3")
        .execute(&pool)
        .await
        .unwrap();
    let problem = kassa.verify_journal().await.unwrap().problem.unwrap();
    assert_eq!(problem.seq, 3);
    assert_eq!(problem.kind, "credit_note");
    pool.close().await;
}

#[tokio::test]
async fn the_dashboard_sums_today_the_week_and_the_month_and_exports_csv() {
    use chrono::{TimeZone, Utc};
    use kassa_core::api::{DashboardRequest, ReportExportRequest};
    let test = TestStore::with_demo().await;
    // Monday 2 Nov, Thursday 19 Nov and Monday 23 Nov 2026 (today).
    let early = test
        .register_at("R1", Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap())
        .await;
    let first = cash_sale(&early, &[1]).await;
    let thursday = test
        .register_at("R1", Utc.with_ymd_and_hms(2026, 11, 19, 15, 0, 0).unwrap())
        .await;
    let second = card_sale(&thursday, &[2, 3]).await;
    let today = test
        .register_at("R2", Utc.with_ymd_and_hms(2026, 11, 23, 11, 0, 0).unwrap())
        .await;
    let third = cash_sale(&today, &[2]).await;

    let dashboard = today.dashboard(DashboardRequest::default()).await.unwrap();
    assert_eq!(
        (dashboard.today.orders, dashboard.today.total),
        (1, third.total)
    );
    assert_eq!(
        dashboard.week.orders, 1,
        "the week starts on Monday the 23rd"
    );
    assert_eq!(dashboard.month.orders, 3);
    assert_eq!(
        dashboard.month.total,
        first.total + second.total + third.total
    );
    assert_eq!(dashboard.days.len(), 30);
    assert_eq!(dashboard.days.last().unwrap().total, third.total);
    let chart_total: Decimal = dashboard.days.iter().map(|day| day.total).sum();
    assert_eq!(chart_total, dashboard.month.total);
    assert!(
        dashboard
            .top_products
            .windows(2)
            .all(|pair| pair[0].total >= pair[1].total),
        "best sellers first"
    );
    assert!(
        dashboard
            .top_products
            .iter()
            .any(|product| product.sku == second.lines[0].sku)
    );
    let methods: Decimal = dashboard
        .payment_methods
        .iter()
        .map(|method| method.amount)
        .sum();
    assert_eq!(methods, dashboard.month.total, "the split adds up");
    let taxes: Decimal = dashboard.taxes.iter().map(|tax| tax.tax).sum();
    assert_eq!(taxes, dashboard.month.tax, "the tax summary adds up");

    let narrow = today
        .dashboard(DashboardRequest {
            from: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap()),
            to: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap()),
        })
        .await
        .unwrap();
    let narrow_total: Decimal = narrow
        .payment_methods
        .iter()
        .map(|method| method.amount)
        .sum();
    assert_eq!(narrow_total, second.total);
    assert_eq!(narrow.payment_methods[0].method, "card");

    let export = today
        .export_report(ReportExportRequest {
            kind: "taxes".into(),
            range: DashboardRequest::default(),
        })
        .await
        .unwrap();
    let text = std::fs::read_to_string(&export.path).unwrap();
    assert!(
        text.starts_with("\u{feff}\"rate\",\"percent\",\"net\",\"tax\""),
        "{text}"
    );
    assert_eq!(
        text.lines().count(),
        1 + usize::try_from(export.rows).unwrap()
    );
    assert_eq!(
        today
            .export_report(ReportExportRequest {
                kind: "everything".into(),
                range: DashboardRequest::default(),
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
}
