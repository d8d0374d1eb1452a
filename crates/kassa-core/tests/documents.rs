//! Order documents from the application API: PDFs made from the stored snapshot, written
//! beside the database, and read back with `pdftotext` (poppler-utils) to check what a
//! person would see on them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]

mod support;

use std::process::Command;

use std::path::{Path, PathBuf};

use kassa_core::api::{
    AddressInput, ChangeStatusRequest, CheckoutDraft, DocumentKind, JobRequest, MassActionKind,
    MassActionRequest, SaveDocumentRequest, SearchProductsRequest, StaffOrderLine,
    StaffOrderRequest, TenderInput,
};
use kassa_core::demo::{GIFT_CARD_BARCODES, demo_barcode};
use support::{TestStore, cash_sale};
use uuid::Uuid;

/// Renders the first page of a PDF to `tests/artifacts/app-documents/NAME.png` for a
/// person to look at.
fn keep_picture(pdf: &str, name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/artifacts/app-documents");
    std::fs::create_dir_all(&folder).unwrap();
    let stem = folder.join(name);
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "70", "-singlefile", pdf])
        .arg(&stem)
        .status()
        .expect("pdftoppm is missing: install the Debian package poppler-utils");
    assert!(status.success(), "pdftoppm could not render {pdf}");
    let png = stem.with_extension("png");
    assert!(
        std::fs::metadata(&png).unwrap().len() > 1_000,
        "{} is a picture",
        png.display()
    );
    png
}

fn pdf_text(path: &str) -> String {
    let output = Command::new("pdftotext")
        .args(["-layout", path, "-"])
        .output()
        .expect("pdftotext is missing: install the Debian package poppler-utils");
    assert!(output.status.success(), "pdftotext could not read {path}");
    String::from_utf8(output.stdout).unwrap()
}

#[tokio::test]
async fn an_invoice_pdf_shows_the_orders_numbers() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let order = cash_sale(&kassa, &[0, 110, 111]).await;
    let saved = kassa
        .save_order_document(SaveDocumentRequest {
            uuid: order.uuid,
            kind: DocumentKind::Invoice,
            credit_note: None,
        })
        .await
        .unwrap();
    assert!(
        saved.path.ends_with("S1-R1-000001-invoice.pdf"),
        "named after the order: {}",
        saved.path
    );
    assert!(saved.bytes > 1_000);
    let text = pdf_text(&saved.path);
    let invoice = order.invoice.as_ref().unwrap();
    assert!(
        text.contains(&invoice.number),
        "the invoice number is on it:\n{text}"
    );
    assert!(
        text.contains("Kassa Demo Store"),
        "the store's name is on it"
    );
    assert!(text.contains("BE0123456789"), "the store's tax id is on it");
    let total = order.total.to_string().replace('.', ",");
    assert!(
        text.contains(&total),
        "the total {total} is on it (Belgian number format):\n{text}"
    );
    for tax in &order.taxes {
        assert!(
            text.contains(&tax.label),
            "the tax row {} is on it",
            tax.label
        );
    }
    for line in &order.lines {
        assert!(text.contains(&line.name), "the line {} is on it", line.name);
    }
}

#[tokio::test]
async fn packing_slips_and_receipts_carry_no_surprises() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let order = cash_sale(&kassa, &[3]).await;
    let slip = kassa
        .save_order_document(SaveDocumentRequest {
            uuid: order.uuid,
            kind: DocumentKind::PackingSlip,
            credit_note: None,
        })
        .await
        .unwrap();
    let text = pdf_text(&slip.path);
    assert!(text.contains(&order.reference));
    assert!(
        !text.contains(&order.total.to_string().replace('.', ",")),
        "a packing slip shows no prices:\n{text}"
    );
    assert!(
        text.contains("A-02-1"),
        "the packing slip shows where the product sits:\n{text}"
    );
    let receipt = kassa
        .save_order_document(SaveDocumentRequest {
            uuid: order.uuid,
            kind: DocumentKind::Receipt,
            credit_note: None,
        })
        .await
        .unwrap();
    assert!(pdf_text(&receipt.path).contains(&order.reference));
}

#[tokio::test]
async fn a_mass_action_makes_one_pdf_of_packing_slips_and_a_pick_list() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let first = cash_sale(&kassa, &[1, 2]).await;
    let second = cash_sale(&kassa, &[2]).await;
    for kind in [MassActionKind::PackingSlips, MassActionKind::PickList] {
        let job = kassa
            .start_mass_action(MassActionRequest {
                kind,
                orders: vec![first.uuid, second.uuid],
                filter: None,
            })
            .await
            .unwrap();
        kassa.run_pending_jobs().await.unwrap();
        let done = kassa
            .job_status(JobRequest { job_id: job.job_id })
            .await
            .unwrap();
        assert_eq!((done.status.as_str(), done.succeeded), ("done", 2));
        let text = pdf_text(done.output_path.as_deref().unwrap());
        match kind {
            MassActionKind::PackingSlips => {
                assert!(
                    text.contains(&first.reference) && text.contains(&second.reference),
                    "one slip per order"
                )
            }
            _ => {
                let product = &second.lines[0].name;
                assert!(
                    text.contains(product),
                    "the pick list names {product}:\n{text}"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_shipped_order_with_a_gift_card_and_its_credit_note_print_everything() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let customer = test.customer("Paper trail").await;
    let mut lines = Vec::new();
    for (index, quantity) in [(110, 12), (GIFT_CARD_BARCODES, 1)] {
        let product = kassa
            .search_products(SearchProductsRequest {
                query: demo_barcode(index),
                limit: None,
            })
            .await
            .unwrap();
        lines.push(StaffOrderLine {
            product_id: product[0].id,
            quantity,
        });
    }
    let draft = CheckoutDraft {
        customer_id: Some(customer),
        lines,
        coupon_codes: vec!["WELCOME10".into()],
        shipping_address: Some(AddressInput {
            name: "Paper trail".into(),
            line1: "3 Grand-Place".into(),
            line2: String::new(),
            postal_code: "1000".into(),
            city: "Brussels".into(),
            country_code: "BE".into(),
        }),
        carrier_code: Some("post".into()),
        ..CheckoutDraft::default()
    };
    let total = kassa.quote_checkout(draft.clone()).await.unwrap().total;
    let order = kassa
        .create_staff_order(StaffOrderRequest {
            order_uuid: Uuid::new_v4(),
            draft,
            tenders: vec![TenderInput::Card {
                amount: total,
                terminal_reference: None,
            }],
            pay_later: None,
            newsletter: None,
            is_test: None,
        })
        .await
        .unwrap()
        .order;
    assert!(order.shipping_total > rust_decimal::Decimal::ZERO);
    assert_eq!(
        order.lines[1].discount,
        rust_decimal::Decimal::ZERO,
        "coupons never discount gift cards"
    );
    assert_eq!(
        order.gift_cards[0].initial,
        rust_decimal_macros::dec!(25.00)
    );
    let code = order.gift_cards[0].code.clone();
    let save = |kind| {
        let kassa = kassa.clone();
        async move {
            kassa
                .save_order_document(SaveDocumentRequest {
                    uuid: order.uuid,
                    kind,
                    credit_note: None,
                })
                .await
        }
    };
    let invoice = save(DocumentKind::Invoice).await.unwrap();
    let text = pdf_text(&invoice.path);
    for expected in [
        "Standard post",
        "Gift cards issued",
        code.as_str(),
        "Discount",
        "3 Grand-Place",
    ] {
        assert!(
            text.contains(expected),
            "the invoice shows {expected}:\n{text}"
        );
    }
    keep_picture(&invoice.path, "invoice");
    let slip = save(DocumentKind::PackingSlip).await.unwrap();
    let slip_text = pdf_text(&slip.path);
    assert!(slip_text.contains("Standard post") && !slip_text.contains(&code));
    keep_picture(&slip.path, "packing-slip");
    // Only Kassa's own saved files may be handed to the system viewer to print.
    assert_eq!(
        kassa.document_to_open(&invoice.path).unwrap(),
        std::fs::canonicalize(&invoice.path).unwrap()
    );
    for elsewhere in ["/etc/passwd", "/nonexistent.pdf", "../../../../etc/hosts"] {
        assert_eq!(
            kassa.document_to_open(elsewhere).unwrap_err().code,
            kassa_core::ErrorCode::NotFound
        );
    }
    let receipt = save(DocumentKind::Receipt).await.unwrap();
    assert!(
        pdf_text(&receipt.path).contains(&code),
        "the buyer gets the code"
    );
    keep_picture(&receipt.path, "receipt");

    let missing = save(DocumentKind::CreditNote).await.unwrap_err();
    assert_eq!(missing.code, kassa_core::ErrorCode::NotFound);
    let canceled = kassa
        .change_order_status(ChangeStatusRequest {
            uuid: order.uuid,
            status: "canceled".into(),
            note: None,
            notify_customer: None,
        })
        .await
        .unwrap();
    let note = &canceled.credit_notes[0];
    let pdf = save(DocumentKind::CreditNote).await.unwrap();
    assert!(
        pdf.path
            .ends_with(&format!("credit-note-{}.pdf", note.number))
    );
    let text = pdf_text(&pdf.path);
    assert!(text.contains(&note.number), "{text}");
    assert!(text.contains(&note.invoice_number), "{text}");
    assert!(
        text.contains("Shipping"),
        "a full credit note credits the shipping too:\n{text}"
    );
    assert!(
        text.contains(&note.total.to_string().replace('.', ",")),
        "the credit note's total {} is on it:\n{text}",
        note.total
    );
    keep_picture(&pdf.path, "credit-note");
}
