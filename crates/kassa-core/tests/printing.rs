//! Receipt printing from the application API to a real TCP listener on loopback (standing
//! in for a printer on port 9100) and to a file; the ESC/POS bytes are decoded.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]

mod support;

use std::io::Read;
use std::net::TcpListener;

use kassa_core::ErrorCode;
use kassa_core::api::{
    CheckoutRequest, PrintReceiptRequest, PrinterSettings, ScanRequest, TenderInput,
};
use kassa_core::demo::demo_barcode;
use support::TestStore;
use uuid::Uuid;

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[tokio::test]
async fn a_cash_sale_prints_its_receipt_cuts_and_opens_the_drawer() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let cart = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(0),
        })
        .await
        .unwrap()
        .cart;
    let order = kassa
        .checkout(CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders: vec![TenderInput::Cash {
                tendered: rust_decimal::Decimal::from(20),
            }],
        })
        .await
        .unwrap()
        .order;

    let error = kassa
        .print_receipt(PrintReceiptRequest {
            uuid: order.uuid,
            open_drawer: true,
        })
        .await
        .unwrap_err();
    assert_eq!(
        error.code,
        ErrorCode::PrinterNotConfigured,
        "no printer yet: {}",
        error.message
    );

    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let printer = std::thread::spawn(move || {
        let (mut connection, _) = listener.accept().unwrap();
        let mut bytes = Vec::new();
        connection.read_to_end(&mut bytes).unwrap();
        bytes
    });
    kassa
        .save_printer_settings(PrinterSettings {
            address: format!("tcp:127.0.0.1:{port}"),
            paper_mm: 80,
        })
        .await
        .unwrap();
    let outcome = kassa
        .print_receipt(PrintReceiptRequest {
            uuid: order.uuid,
            open_drawer: true,
        })
        .await
        .unwrap();
    let bytes = printer.join().unwrap();
    assert_eq!(
        outcome.bytes,
        i64::try_from(bytes.len()).unwrap(),
        "everything sent arrived"
    );
    assert!(
        bytes.starts_with(&[0x1B, 0x40]),
        "the printer is initialised first"
    );
    assert!(
        contains(&bytes, order.reference.as_bytes()),
        "the receipt names the order"
    );
    assert!(contains(&bytes, b"Sourdough loaf"), "and what was sold");
    assert!(contains(&bytes, &[0x1D, 0x56]), "the paper is cut");
    assert!(
        contains(&bytes, &[0x1B, 0x70]),
        "a cash sale opens the drawer"
    );
}

#[tokio::test]
async fn a_reprint_goes_to_a_file_printer_without_opening_the_drawer() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let error = kassa.reprint_last_receipt().await.unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound, "nothing sold yet");
    let cart = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(3),
        })
        .await
        .unwrap()
        .cart;
    let order = kassa
        .checkout(CheckoutRequest {
            order_uuid: Uuid::new_v4(),
            cart_id: cart.cart_id.unwrap(),
            tenders: vec![TenderInput::Cash {
                tendered: cart.total,
            }],
        })
        .await
        .unwrap()
        .order;
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("receipts.bin");
    kassa
        .save_printer_settings(PrinterSettings {
            address: format!("file:{}", file.display()),
            paper_mm: 58,
        })
        .await
        .unwrap();
    let outcome = kassa.reprint_last_receipt().await.unwrap();
    assert_eq!(outcome.reference.as_deref(), Some(order.reference.as_str()));
    let bytes = std::fs::read(&file).unwrap();
    assert!(contains(&bytes, order.reference.as_bytes()));
    assert!(
        !contains(&bytes, &[0x1B, 0x70]),
        "a reprint never opens the drawer"
    );

    let bad = kassa
        .save_printer_settings(PrinterSettings {
            address: "lp0".into(),
            paper_mm: 80,
        })
        .await
        .unwrap_err();
    assert_eq!(bad.code, ErrorCode::InvalidInput);
    let bad = kassa
        .save_printer_settings(PrinterSettings {
            address: String::new(),
            paper_mm: 70,
        })
        .await
        .unwrap_err();
    assert_eq!(bad.code, ErrorCode::InvalidInput);
    assert_eq!(
        kassa.printer_settings().await.unwrap().paper_mm,
        58,
        "refused settings change nothing"
    );
}

#[tokio::test]
async fn the_test_print_button_sends_a_test_page_that_never_opens_the_drawer() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    assert_eq!(
        kassa.print_test_page().await.unwrap_err().code,
        ErrorCode::PrinterNotConfigured
    );
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let printer = std::thread::spawn(move || {
        let (mut connection, _) = listener.accept().unwrap();
        let mut bytes = Vec::new();
        connection.read_to_end(&mut bytes).unwrap();
        bytes
    });
    kassa
        .save_printer_settings(PrinterSettings {
            address: format!("tcp:127.0.0.1:{port}"),
            paper_mm: 58,
        })
        .await
        .unwrap();
    let outcome = kassa.print_test_page().await.unwrap();
    let bytes = printer.join().unwrap();
    assert_eq!(i64::try_from(bytes.len()).unwrap(), outcome.bytes);
    assert!(
        bytes.starts_with(b"\x1b@"),
        "the printer is initialised first"
    );
    assert!(contains(&bytes, b"PRINTER TEST"));
    assert!(contains(&bytes, format!("tcp:127.0.0.1:{port}").as_bytes()));
    assert!(
        contains(&bytes, b"12345678901234567890123456789012"),
        "a ruler one 58 mm line wide (32 characters)"
    );
    assert!(contains(&bytes, b"\x1dV"), "the paper is cut");
    assert!(
        !contains(&bytes, b"\x1bp"),
        "a test page never opens the drawer"
    );

    // A printer that is not there: a clear error, nothing else happens.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    kassa
        .save_printer_settings(PrinterSettings {
            address: format!("tcp:127.0.0.1:{port}"),
            paper_mm: 80,
        })
        .await
        .unwrap();
    let error = kassa.print_test_page().await.unwrap_err();
    assert_eq!(error.code, ErrorCode::PrinterFailed, "{}", error.message);
}
