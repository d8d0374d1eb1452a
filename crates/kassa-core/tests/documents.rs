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

use kassa_core::api::{
    DocumentKind, JobRequest, MassActionKind, MassActionRequest, SaveDocumentRequest,
};
use support::{TestStore, cash_sale};

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
        })
        .await
        .unwrap();
    let text = pdf_text(&slip.path);
    assert!(text.contains(&order.reference));
    assert!(
        !text.contains(&order.total.to_string().replace('.', ",")),
        "a packing slip shows no prices:\n{text}"
    );
    let receipt = kassa
        .save_order_document(SaveDocumentRequest {
            uuid: order.uuid,
            kind: DocumentKind::Receipt,
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
