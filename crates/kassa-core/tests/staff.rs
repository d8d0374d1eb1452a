//! Staff and permissions on real SQLite files: every guarded command against every role
//! (allowed, or refused with `permission_denied` and nothing written), sign-in with a
//! password, PIN switching with the lockout, a manager approving one action, and no
//! secret stored in clear.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::too_many_lines,
    reason = "test code fails loudly"
)]

mod support;

use chrono::{Duration, TimeZone, Utc};
use kassa_core::api::{
    AddToCartRequest, ApproveRequest, CartRequest, CartSettings, CategoryInput,
    ChangeStatusRequest, CheckoutDraft, CheckoutRequest, CouponCodeRequest, CreateCustomerRequest,
    CustomerKind, DashboardRequest, GetOrderRequest, GrantStoreCreditRequest, NewCustomerInput,
    OpenRegisterRequest, OrderDetail, ParkCartRequest, SaveDocumentRequest, ScanRequest,
    SetCartCustomerRequest, SetProductActiveRequest, SignInRequest, StaffInput, StaffOrderLine,
    StaffOrderRequest, SwitchStaffRequest, TenderInput, UpdateOrderRequest,
};
use kassa_core::demo::demo_barcode;
use kassa_core::{ErrorCode, Kassa};
use rust_decimal_macros::dec;
use support::{TestStore, cash_sale};
use uuid::Uuid;

const OWNER_PASSWORD: &str = "correct horse battery";

/// Row counts of every table a command could write, and the settings: equal before and
/// after means nothing was written.
async fn fingerprint(test: &TestStore) -> String {
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", test.path().display()))
        .await
        .unwrap();
    let mut parts = Vec::new();
    for table in [
        "orders",
        "order_lines",
        "payments",
        "invoices",
        "credit_notes",
        "order_status_history",
        "carts",
        "cart_lines",
        "cart_coupons",
        "customers",
        "customer_addresses",
        "store_credit_ledger",
        "products",
        "categories",
        "register_sessions",
        "cash_movements",
        "journal",
        "outbox",
        "staff",
        "jobs",
    ] {
        let count: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(&pool)
                .await
                .unwrap();
        parts.push(format!("{table}={count}"));
    }
    let settings: String = sqlx::query_scalar(
        "SELECT group_concat(key || '=' || value, ';') FROM (SELECT * FROM settings ORDER BY key)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let statuses: String = sqlx::query_scalar("SELECT group_concat(status, ';') FROM orders")
        .fetch_one(&pool)
        .await
        .unwrap_or_default();
    let active: i64 = sqlx::query_scalar("SELECT SUM(active) FROM products")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    format!(
        "{} | {settings} | {statuses} | active={active}",
        parts.join(",")
    )
}

/// What the guarded commands work on.
struct Fixtures {
    product: i64,
    customer: i64,
    paid: OrderDetail,
    unpaid: OrderDetail,
}

async fn fixtures(kassa: &Kassa, test: &TestStore) -> Fixtures {
    let product = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(1),
        })
        .await
        .unwrap()
        .cart
        .lines[0]
        .product_id;
    kassa
        .park_cart(ParkCartRequest { name: None })
        .await
        .unwrap();
    let paid = cash_sale(kassa, &[2]).await;
    let customer = test.customer("Fixture customer").await;
    let unpaid = kassa
        .create_staff_order(StaffOrderRequest {
            order_uuid: Uuid::new_v4(),
            draft: CheckoutDraft {
                customer_id: Some(customer),
                lines: vec![StaffOrderLine {
                    product_id: product,
                    quantity: 1,
                }],
                ..CheckoutDraft::default()
            },
            tenders: vec![],
            pay_later: None,
            newsletter: None,
            is_test: None,
        })
        .await
        .unwrap()
        .order;
    Fixtures {
        product,
        customer,
        paid,
        unpaid,
    }
}

/// Every guarded command with the permission it needs.
const COMMANDS: &[(&str, &str)] = &[
    ("add_to_cart", "sell"),
    ("scan_barcode", "sell"),
    ("apply_coupon", "sell"),
    ("set_cart_customer", "sell"),
    ("park_cart", "sell"),
    ("checkout", "sell"),
    ("record_payment", "sell"),
    ("create_staff_order", "sell"),
    ("create_customer", "customers"),
    ("mark_recovery_sent", "customers"),
    ("grant_store_credit", "refund"),
    ("cancel_paid_order", "refund"),
    ("cancel_unpaid_order", "cancel"),
    ("fulfil_order", "fulfil"),
    ("update_order", "fulfil"),
    ("delete_test_order", "delete_test_order"),
    ("save_cart_settings", "settings"),
    ("load_demo", "settings"),
    ("save_category", "catalog"),
    ("set_product_active", "catalog"),
    ("save_order_document", "documents"),
    ("open_register", "cash_drawer"),
    ("x_report", "cash_drawer"),
    ("dashboard", "reports"),
    ("verify_journal", "reports"),
    ("create_staff", "manage_staff"),
];

async fn run(kassa: &Kassa, command: &str, fx: &Fixtures) -> Result<(), ErrorCode> {
    let code = |error: kassa_core::ApiError| error.code;
    match command {
        "add_to_cart" => kassa
            .add_to_cart(AddToCartRequest {
                product_id: fx.product,
                quantity: 1,
            })
            .await
            .map(drop)
            .map_err(code),
        "scan_barcode" => kassa
            .scan_barcode(ScanRequest {
                barcode: demo_barcode(3),
            })
            .await
            .map(drop)
            .map_err(code),
        "apply_coupon" => kassa
            .apply_coupon(CouponCodeRequest {
                code: "WELCOME10".into(),
            })
            .await
            .map(drop)
            .map_err(code),
        "set_cart_customer" => kassa
            .set_cart_customer(SetCartCustomerRequest {
                customer_id: Some(fx.customer),
            })
            .await
            .map(drop)
            .map_err(code),
        "park_cart" => kassa
            .park_cart(ParkCartRequest { name: None })
            .await
            .map(drop)
            .map_err(code),
        "checkout" => kassa
            .checkout(CheckoutRequest {
                order_uuid: Uuid::new_v4(),
                cart_id: 1,
                tenders: vec![TenderInput::Cash {
                    tendered: dec!(1000),
                }],
            })
            .await
            .map(drop)
            .map_err(code),
        "record_payment" => kassa
            .record_payment(kassa_core::api::RecordPaymentRequest {
                uuid: fx.unpaid.uuid,
                tender: TenderInput::Cash {
                    tendered: dec!(0.01),
                },
            })
            .await
            .map(drop)
            .map_err(code),
        "create_staff_order" => kassa
            .create_staff_order(StaffOrderRequest {
                order_uuid: Uuid::new_v4(),
                draft: CheckoutDraft {
                    customer_id: Some(fx.customer),
                    lines: vec![StaffOrderLine {
                        product_id: fx.product,
                        quantity: 1,
                    }],
                    ..CheckoutDraft::default()
                },
                tenders: vec![],
                pay_later: None,
                newsletter: None,
                is_test: Some(true),
            })
            .await
            .map(drop)
            .map_err(code),
        "create_customer" => kassa
            .create_customer(CreateCustomerRequest {
                customer: NewCustomerInput {
                    kind: CustomerKind::Account,
                    name: "New".into(),
                    email: None,
                    phone: None,
                    customer_group: None,
                    newsletter: None,
                },
                address: None,
            })
            .await
            .map(drop)
            .map_err(code),
        "mark_recovery_sent" => kassa
            .mark_recovery_sent(CartRequest { cart_id: 1 })
            .await
            .map_err(code),
        "grant_store_credit" => kassa
            .grant_store_credit(GrantStoreCreditRequest {
                customer_id: fx.customer,
                amount: dec!(5),
                note: "Goodwill".into(),
            })
            .await
            .map(drop)
            .map_err(code),
        "cancel_paid_order" | "cancel_unpaid_order" | "fulfil_order" => {
            let (order, status) = match command {
                "cancel_paid_order" => (&fx.paid, "canceled"),
                "cancel_unpaid_order" => (&fx.unpaid, "canceled"),
                _ => (&fx.paid, "processing"),
            };
            kassa
                .change_order_status(ChangeStatusRequest {
                    uuid: order.uuid,
                    status: status.into(),
                    note: None,
                    notify_customer: None,
                })
                .await
                .map(drop)
                .map_err(code)
        }
        "update_order" => kassa
            .update_order(UpdateOrderRequest {
                uuid: fx.paid.uuid,
                internal_reference: "X".into(),
                tracking_code: "T".into(),
                notes: String::new(),
            })
            .await
            .map(drop)
            .map_err(code),
        "delete_test_order" => kassa
            .delete_test_order(GetOrderRequest { uuid: fx.paid.uuid })
            .await
            .map_err(code),
        "save_cart_settings" => kassa
            .save_cart_settings(CartSettings {
                reload_customer_cart: false,
                abandoned_cart_hours: 12,
            })
            .await
            .map(drop)
            .map_err(code),
        "load_demo" => kassa.load_demo().await.map(drop).map_err(code),
        "save_category" => kassa
            .save_category(CategoryInput {
                id: None,
                parent_id: None,
                name: "Guarded".into(),
            })
            .await
            .map(drop)
            .map_err(code),
        "set_product_active" => kassa
            .set_product_active(SetProductActiveRequest {
                product_id: fx.product,
                active: false,
            })
            .await
            .map(drop)
            .map_err(code),
        "save_order_document" => kassa
            .save_order_document(SaveDocumentRequest {
                uuid: fx.paid.uuid,
                kind: kassa_core::api::DocumentKind::Invoice,
                credit_note: None,
            })
            .await
            .map(drop)
            .map_err(code),
        "open_register" => kassa
            .open_register(OpenRegisterRequest {
                opening_float: dec!(10),
            })
            .await
            .map(drop)
            .map_err(code),
        "x_report" => kassa.x_report().await.map(drop).map_err(code),
        "dashboard" => kassa
            .dashboard(DashboardRequest::default())
            .await
            .map(drop)
            .map_err(code),
        "verify_journal" => kassa.verify_journal().await.map(drop).map_err(code),
        "create_staff" => kassa
            .create_staff(StaffInput {
                name: "Another".into(),
                role: "clerk".into(),
                password: None,
                pin: "9999".into(),
            })
            .await
            .map(drop)
            .map_err(code),
        other => panic!("no such command in the test: {other}"),
    }
}

/// A store with fixtures, its owner, and a member of `role` (the owner for `owner`) signed
/// in at register R1; returns the register.
async fn store_with(role: &str) -> (TestStore, Kassa, Fixtures, i64) {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let fx = fixtures(&kassa, &test).await;
    let owner = kassa
        .create_staff(StaffInput {
            name: "Olga Owner".into(),
            role: "owner".into(),
            password: Some(OWNER_PASSWORD.into()),
            pin: "1111".into(),
        })
        .await
        .unwrap();
    let member = if role == "owner" {
        owner.id
    } else {
        kassa
            .create_staff(StaffInput {
                name: format!("The {role}"),
                role: role.into(),
                password: (role == "manager").then(|| "manager secret 1".to_owned()),
                pin: "2468".into(),
            })
            .await
            .unwrap()
            .id
    };
    kassa
        .switch_staff(SwitchStaffRequest {
            staff_id: member,
            pin: if role == "owner" { "1111" } else { "2468" }.into(),
        })
        .await
        .unwrap();
    (test, kassa, fx, owner.id)
}

#[tokio::test]
async fn every_guarded_command_against_every_role() {
    let matrix = [
        (
            "owner",
            vec![
                "sell",
                "customers",
                "refund",
                "cancel",
                "fulfil",
                "delete_test_order",
                "settings",
                "catalog",
                "documents",
                "cash_drawer",
                "reports",
                "manage_staff",
            ],
        ),
        (
            "manager",
            vec![
                "sell",
                "customers",
                "refund",
                "cancel",
                "fulfil",
                "delete_test_order",
                "settings",
                "catalog",
                "documents",
                "cash_drawer",
                "reports",
            ],
        ),
        (
            "clerk",
            vec!["sell", "customers", "documents", "cash_drawer"],
        ),
        ("warehouse", vec!["fulfil", "documents"]),
    ];
    for (role, allowed) in matrix {
        let (test, kassa, fx, _) = store_with(role).await;
        let overview = kassa.staff_overview().await.unwrap();
        let mut granted = overview.permissions.clone();
        granted.sort();
        let mut expected: Vec<String> = allowed.iter().map(|code| (*code).to_owned()).collect();
        expected.sort();
        assert_eq!(granted, expected, "{role}'s permissions");
        for (command, permission) in COMMANDS {
            let before = fingerprint(&test).await;
            let outcome = run(&kassa, command, &fx).await;
            if allowed.contains(permission) {
                assert!(
                    !matches!(
                        outcome,
                        Err(ErrorCode::PermissionDenied | ErrorCode::SignInRequired)
                    ),
                    "{role} may {command}: {outcome:?}"
                );
            } else {
                assert_eq!(
                    outcome,
                    Err(ErrorCode::PermissionDenied),
                    "{role} may not {command}"
                );
                assert_eq!(
                    fingerprint(&test).await,
                    before,
                    "a refused {command} by a {role} wrote nothing"
                );
            }
        }
    }
}

#[tokio::test]
async fn sign_in_pin_switching_lockout_and_a_managers_approval() {
    let (test, kassa, fx, owner) = store_with("clerk").await;
    // Signed out: nothing guarded runs.
    kassa.sign_out().await.unwrap();
    assert_eq!(
        run(&kassa, "add_to_cart", &fx).await,
        Err(ErrorCode::SignInRequired)
    );
    assert_eq!(
        kassa
            .sign_in(SignInRequest {
                name: "olga owner".into(),
                password: "wrong password".into(),
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::WrongCredentials
    );
    let overview = kassa
        .sign_in(SignInRequest {
            name: "olga owner".into(),
            password: OWNER_PASSWORD.into(),
        })
        .await
        .unwrap();
    assert_eq!(overview.current.unwrap().name, "Olga Owner");
    let clerk = overview
        .staff
        .iter()
        .find(|member| member.role == "clerk")
        .unwrap()
        .id;
    assert_eq!(
        kassa
            .sign_in(SignInRequest {
                name: "The clerk".into(),
                password: "2468".into(),
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::WrongCredentials,
        "a clerk has no password to sign in with"
    );

    // The clerk may not refund; the owner approves one refund with their PIN.
    kassa
        .switch_staff(SwitchStaffRequest {
            staff_id: clerk,
            pin: "2468".into(),
        })
        .await
        .unwrap();
    assert_eq!(
        run(&kassa, "grant_store_credit", &fx).await,
        Err(ErrorCode::PermissionDenied)
    );
    assert_eq!(
        kassa
            .approve(ApproveRequest {
                staff_id: clerk,
                pin: "2468".into(),
                permission: "refund".into(),
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::PermissionDenied,
        "a clerk cannot approve"
    );
    kassa
        .approve(ApproveRequest {
            staff_id: owner,
            pin: "1111".into(),
            permission: "refund".into(),
        })
        .await
        .unwrap();
    assert_eq!(run(&kassa, "grant_store_credit", &fx).await, Ok(()));
    assert_eq!(
        run(&kassa, "grant_store_credit", &fx).await,
        Err(ErrorCode::PermissionDenied),
        "an approval is good for one action"
    );

    // The clerk's name is on what they do.
    let sale = cash_sale(&kassa, &[4]).await;
    assert_eq!(sale.history[0].changed_by, "The clerk");

    // Five wrong PINs lock the clerk for five minutes, even with the right PIN after.
    for attempt in 1..=5 {
        let error = kassa
            .switch_staff(SwitchStaffRequest {
                staff_id: clerk,
                pin: "0000".into(),
            })
            .await
            .unwrap_err();
        let expected = if attempt == 5 {
            ErrorCode::AccountLocked
        } else {
            ErrorCode::WrongCredentials
        };
        assert_eq!(error.code, expected, "attempt {attempt}");
    }
    assert_eq!(
        kassa
            .switch_staff(SwitchStaffRequest {
                staff_id: clerk,
                pin: "2468".into(),
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::AccountLocked
    );
    let later = test
        .register_at(
            "R1",
            Utc.with_ymd_and_hms(2026, 11, 23, 10, 30, 0).unwrap() + Duration::minutes(6),
        )
        .await;
    later
        .switch_staff(SwitchStaffRequest {
            staff_id: clerk,
            pin: "2468".into(),
        })
        .await
        .unwrap();

    // No secret is stored in clear.
    let bytes = std::fs::read(test.path()).unwrap();
    let wal = std::fs::read(test.path().with_extension("sqlite3-wal")).unwrap_or_default();
    for haystack in [&bytes, &wal] {
        assert!(
            !haystack
                .windows(OWNER_PASSWORD.len())
                .any(|window| window == OWNER_PASSWORD.as_bytes())
        );
    }
}

#[tokio::test]
async fn the_first_staff_member_is_the_owner_and_open_mode_ends_with_them() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    assert!(kassa.staff_overview().await.unwrap().open_mode);
    let error = kassa
        .create_staff(StaffInput {
            name: "Clara".into(),
            role: "clerk".into(),
            password: None,
            pin: "1234".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    for (password, pin, field) in [
        (Some("short"), "1234", "password"),
        (Some("long enough password"), "12", "pin"),
    ] {
        let error = kassa
            .create_staff(StaffInput {
                name: "Olga".into(),
                role: "owner".into(),
                password: password.map(str::to_owned),
                pin: pin.into(),
            })
            .await
            .unwrap_err();
        assert!(error.message.starts_with(field), "{}", error.message);
    }
    kassa
        .create_staff(StaffInput {
            name: "Olga".into(),
            role: "owner".into(),
            password: Some("long enough password".into()),
            pin: "1234".into(),
        })
        .await
        .unwrap();
    let overview = kassa.staff_overview().await.unwrap();
    assert!(!overview.open_mode);
    assert_eq!(
        overview.current.unwrap().name,
        "Olga",
        "the owner is signed in"
    );
    // Another register has nobody signed in.
    let other = test.register("R2").await;
    assert_eq!(
        other
            .add_to_cart(AddToCartRequest {
                product_id: 1,
                quantity: 1,
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::SignInRequired
    );
}

/// Commands that change nothing (reads) or are sign-in itself: open to every role.
const OPEN: &[&str] = &[
    "abandoned_carts",
    "app_status",
    "cart_by_id",
    "cart_settings",
    "current_cart",
    "current_register_session",
    "customer_addresses",
    "customer_page",
    "get_order",
    "get_product",
    "gift_card",
    "job_status",
    "list_carriers",
    "list_categories",
    "list_coupons",
    "list_gift_cards",
    "list_orders",
    "list_payment_methods",
    "list_products",
    "list_statuses",
    "list_backups",
    "lookup_barcode",
    "mail_log",
    "mail_settings",
    "mail_status",
    "open_document",
    "parked_carts",
    "preview_product_import",
    "printer_settings",
    "product_import_status",
    "product_variants",
    "quote_checkout",
    "register_sessions",
    "search_catalog",
    "search_customers",
    "search_products",
    "staff_overview",
    "store_credit",
    "tax_settings",
    "sign_in",
    "sign_out",
    "switch_staff",
    "approve",
];

/// Every command the desktop app exposes is either open (above) or checks a permission
/// before it writes: its method in the core calls `authorize` (`change_order_status` and
/// `create_staff` decide which permission from what they do). New commands must be
/// classified here.
#[test]
fn every_command_is_open_or_checks_a_permission() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let build = std::fs::read_to_string(root.join("../../src-tauri/build.rs")).unwrap();
    let commands: Vec<&str> = build
        .lines()
        .filter_map(|line| line.trim().strip_prefix('"')?.strip_suffix("\","))
        .collect();
    assert!(commands.len() > 90, "the command list was read");
    let mut sources = String::new();
    for entry in walk(&root.join("src")) {
        sources.push_str(&std::fs::read_to_string(entry).unwrap());
    }
    for command in commands {
        if OPEN.contains(&command) {
            continue;
        }
        let start = sources
            .find(&format!("pub async fn {command}("))
            .unwrap_or_else(|| panic!("no Kassa method for the command {command}"));
        let body = &sources[start..];
        let end = body[1..]
            .find("\n    pub ")
            .map_or(body.len(), |end| end + 1);
        assert!(
            body[..end].contains("self.authorize(")
                || body[..end].contains(".authorize(Permission::ManageStaff)"),
            "the command {command} neither is open nor checks a permission"
        );
    }
}

fn walk(folder: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// The main window's capability grants exactly the commands the UI calls: nothing the UI
/// does not use, and nothing the UI uses without a grant.
#[test]
fn the_capability_list_holds_only_what_the_ui_uses() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let capability =
        std::fs::read_to_string(root.join("src-tauri/capabilities/counter.json")).unwrap();
    let mut granted: Vec<String> = capability
        .lines()
        .filter_map(|line| line.trim().strip_prefix("\"allow-"))
        .filter_map(|line| line.split('"').next())
        .map(|kebab| kebab.replace('-', "_"))
        .collect();
    granted.sort();
    let ui = std::fs::read_to_string(root.join("ui/src/lib/api/tauri.ts")).unwrap();
    let mut called: Vec<String> = ui
        .split("call(")
        .skip(1)
        .chain(ui.split("call<").skip(1))
        .filter_map(|rest| rest.split('\'').nth(1))
        .filter(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        // `call`'s own default argument name, not a command.
        .filter(|name| *name != "request")
        .map(str::to_owned)
        .collect();
    called.sort();
    called.dedup();
    assert_eq!(
        granted, called,
        "granted commands vs. commands the UI calls"
    );
}
