//! E-mail through the outbox against a real SMTP server (aiosmtpd on loopback): every kind
//! of mail is read back from the server (recipients, subject, both bodies, the invoice PDF's
//! bytes); a server that goes away mid-queue loses nothing and sends nothing twice; the
//! password stays in the keyring.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test fixtures fail loudly"
)]

/// The aiosmtpd fixture, shared with kassa-mail's own tests.
#[path = "../../kassa-mail/tests/support/mod.rs"]
mod smtp;
mod support;

use chrono::{Duration, TimeZone, Utc};
use kassa_core::api::{
    CartRequest, ChangeStatusRequest, CheckoutDraft, DocumentKind, MailLogRequest,
    MailSettingsInput, ParkCartRequest, RecordPaymentRequest, RetryMailRequest,
    SaveDocumentRequest, ScanRequest, SearchProductsRequest, SetCartCustomerRequest,
    StaffOrderLine, StaffOrderRequest, TenderInput, TestMailRequest,
};
use kassa_core::demo::demo_barcode;
use kassa_core::{ErrorCode, Kassa};
use mail_parser::{MessageParser, MimeHeaders};
use smtp::SmtpServer;
use support::TestStore;
use uuid::Uuid;

fn settings(port: u16) -> MailSettingsInput {
    MailSettingsInput {
        host: "127.0.0.1".into(),
        port,
        security: "none".into(),
        user: String::new(),
        password: None,
        from_address: "shop@kassa.test".into(),
        from_name: "Kassa Demo Store".into(),
        admin_addresses: vec!["owner@kassa.test".into(), "manager@kassa.test".into()],
        language: "en".into(),
        pay_link_template: "https://pay.kassa.test/{reference}".into(),
    }
}

/// A parsed message with what the tests look at.
struct Received {
    recipients: String,
    subject: String,
    text: String,
    html: String,
    message_id: String,
    attachments: Vec<(String, Vec<u8>)>,
}

fn received(server: &SmtpServer) -> Vec<Received> {
    server
        .messages()
        .iter()
        .map(|raw| {
            let message = MessageParser::default().parse(raw).unwrap();
            Received {
                recipients: message
                    .header_raw("X-RcptTo")
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
                subject: message.subject().unwrap_or_default().to_owned(),
                text: message.body_text(0).unwrap_or_default().into_owned(),
                html: message.body_html(0).unwrap_or_default().into_owned(),
                message_id: message.message_id().unwrap_or_default().to_owned(),
                attachments: message
                    .attachments()
                    .map(|part| {
                        (
                            part.attachment_name().unwrap_or_default().to_owned(),
                            part.contents().to_vec(),
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The text of a PDF, as `pdftotext` (poppler-utils) reads it.
fn pdf_text(pdf: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-layout", "-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext is missing: install the Debian package poppler-utils");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "pdftotext could not read the PDF");
    String::from_utf8(output.stdout).unwrap()
}

async fn product_id(kassa: &Kassa, index: usize) -> i64 {
    kassa
        .search_products(SearchProductsRequest {
            query: demo_barcode(index),
            limit: None,
        })
        .await
        .unwrap()[0]
        .id
}

/// A back-office order for `customer` that awaits payment.
async fn phone_order(
    kassa: &Kassa,
    customer: i64,
    indexes: &[usize],
) -> kassa_core::api::OrderDetail {
    let mut lines = Vec::new();
    for index in indexes {
        lines.push(StaffOrderLine {
            product_id: product_id(kassa, *index).await,
            quantity: 2,
        });
    }
    kassa
        .create_staff_order(StaffOrderRequest {
            order_uuid: Uuid::new_v4(),
            draft: CheckoutDraft {
                customer_id: Some(customer),
                lines,
                ..CheckoutDraft::default()
            },
            tenders: vec![],
            pay_later: None,
            newsletter: None,
            is_test: None,
        })
        .await
        .unwrap()
        .order
}

#[tokio::test]
async fn every_kind_of_mail_reaches_the_server_with_both_bodies_and_the_invoice() {
    let test = TestStore::with_demo().await;
    let server = SmtpServer::start();
    let kassa = test.register("R1").await;
    kassa
        .save_mail_settings(settings(server.port()))
        .await
        .unwrap();
    let customer = test.customer("Zoë <Ångström>").await;

    // A phone order awaiting payment: the owner and the admins hear of it, and the
    // customer gets the confirmation with the pay link and the invoice PDF.
    let order = phone_order(&kassa, customer, &[1, 2]).await;
    let summary = kassa.run_mail_outbox().await.unwrap();
    assert_eq!((summary.sent, summary.failed), (2, 0));
    let mails = received(&server);
    let notice = mails
        .iter()
        .find(|mail| mail.recipients.contains("owner@"))
        .unwrap();
    assert_eq!(
        notice.recipients,
        "shop@kassa.test, owner@kassa.test, manager@kassa.test"
    );
    assert!(
        notice.subject.contains(&order.reference),
        "{}",
        notice.subject
    );
    assert!(notice.text.contains(&order.lines[0].name));
    assert!(notice.html.contains(&order.reference));

    let confirmation = mails
        .iter()
        .find(|mail| mail.recipients == "someone@example.com")
        .unwrap();
    assert!(confirmation.subject.contains(&order.reference));
    let total = [
        format!("{:.2}", order.total),
        format!("{:.2}", order.total).replace('.', ","),
    ];
    let link = format!("https://pay.kassa.test/{}", order.reference);
    for body in [&confirmation.text, &confirmation.html] {
        assert!(
            total.iter().any(|total| body.contains(total)),
            "the total {total:?} is in both bodies"
        );
        assert!(body.contains(&order.lines[1].name));
        assert!(
            body.contains(&link),
            "an order awaiting payment has its pay link"
        );
    }
    assert!(
        confirmation.html.contains("Zoë &lt;Ångström&gt;")
            || confirmation.html.contains("Zoë &#60;Ångström&#62;"),
        "names are escaped in HTML"
    );
    let saved = kassa
        .save_order_document(SaveDocumentRequest {
            uuid: order.uuid,
            kind: DocumentKind::Invoice,
            credit_note: None,
        })
        .await
        .unwrap();
    let invoice = std::fs::read(&saved.path).unwrap();
    assert_eq!(confirmation.attachments.len(), 1);
    assert!(confirmation.attachments[0].0.ends_with(".pdf"));
    // The same document, read back: the same text (the font subset tag and the /ID are
    // new in every PDF written, so the bytes differ).
    let attached = &confirmation.attachments[0].1;
    assert!(attached.starts_with(b"%PDF-"));
    let text = pdf_text(attached);
    assert_eq!(
        text,
        pdf_text(&invoice),
        "the attachment is the order's invoice"
    );
    assert!(text.contains(&order.reference));

    // Paying it later sends no second confirmation.
    kassa
        .record_payment(RecordPaymentRequest {
            uuid: order.uuid,
            tender: TenderInput::Cash {
                tendered: order.total,
            },
        })
        .await
        .unwrap();
    assert_eq!(kassa.run_mail_outbox().await.unwrap().sent, 0);

    // A status change with "e-mail the customer" ticked.
    kassa
        .change_order_status(ChangeStatusRequest {
            uuid: order.uuid,
            status: "processing".into(),
            note: Some("Packed with care".into()),
            notify_customer: Some(true),
        })
        .await
        .unwrap();
    assert_eq!(kassa.run_mail_outbox().await.unwrap().sent, 1);
    let status = received(&server).pop().unwrap();
    assert_eq!(status.recipients, "someone@example.com");
    assert!(status.text.contains("Packed with care"));
    assert!(status.subject.contains(&order.reference));

    // In German when the store says so.
    let mut german = settings(server.port());
    german.language = "de".into();
    kassa.save_mail_settings(german).await.unwrap();
    let second = phone_order(&kassa, customer, &[3]).await;
    assert_eq!(kassa.run_mail_outbox().await.unwrap().sent, 2);
    let german_confirmation = received(&server)
        .into_iter()
        .find(|mail| {
            mail.recipients == "someone@example.com" && mail.subject.contains(&second.reference)
        })
        .unwrap();
    assert!(
        german_confirmation.subject.contains("Bestellung"),
        "{}",
        german_confirmation.subject
    );

    // An abandoned cart's recovery mail.
    kassa
        .set_cart_customer(SetCartCustomerRequest {
            customer_id: Some(customer),
        })
        .await
        .unwrap();
    let cart = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(4),
        })
        .await
        .unwrap()
        .cart;
    kassa
        .park_cart(ParkCartRequest { name: None })
        .await
        .unwrap();
    kassa
        .mark_recovery_sent(CartRequest {
            cart_id: cart.cart_id.unwrap(),
        })
        .await
        .unwrap();
    assert_eq!(kassa.run_mail_outbox().await.unwrap().sent, 1);
    let recovery = received(&server).pop().unwrap();
    assert_eq!(recovery.recipients, "someone@example.com");
    assert!(recovery.text.contains(&cart.lines[0].name));

    // Every mail went out once, each with its own Message-ID, and the sent log says so.
    let all = received(&server);
    let mut ids: Vec<&str> = all.iter().map(|mail| mail.message_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.len());
    let log = kassa
        .mail_log(MailLogRequest {
            before: None,
            limit: None,
        })
        .await
        .unwrap();
    assert_eq!(log.len(), all.len());
    assert!(
        log.iter()
            .all(|entry| entry.state == "sent" && entry.sent_at.is_some())
    );
    assert!(log.iter().any(|entry| entry.kind == "status_changed"
        && entry.status.as_deref() == Some("processing")
        && entry.order_reference.as_deref() == Some(order.reference.as_str())
        && entry.caused_by.as_deref() == Some("Register R1")));
    let status = kassa.mail_status().await.unwrap();
    assert!(status.configured);
    assert_eq!((status.pending, status.failed), (0, 0));
}

#[tokio::test]
async fn a_server_that_goes_away_mid_queue_loses_nothing_and_duplicates_nothing() {
    let test = TestStore::with_demo().await;
    let mut server = SmtpServer::start();
    let start = Utc.with_ymd_and_hms(2026, 11, 23, 10, 30, 0).unwrap();
    let kassa = test.register_at("R1", start).await;
    kassa
        .save_mail_settings(settings(server.port()))
        .await
        .unwrap();
    let customer = test.customer("Ann").await;
    for index in 1..=3 {
        phone_order(&kassa, customer, &[index]).await;
    }
    // The first pass sends all three orders' notifications and confirmations; the server
    // then goes away while three more orders queue six more mails.
    assert_eq!(kassa.run_mail_outbox().await.unwrap().sent, 6);
    server.stop();
    for index in 4..=6 {
        phone_order(&kassa, customer, &[index]).await;
    }
    let down = kassa.run_mail_outbox().await.unwrap();
    assert_eq!((down.sent, down.retrying, down.failed), (0, 6, 0));
    let log = kassa
        .mail_log(MailLogRequest {
            before: None,
            limit: None,
        })
        .await
        .unwrap();
    let waiting = &log[0];
    assert_eq!(waiting.state, "retrying");
    assert!(
        waiting
            .error
            .as_deref()
            .is_some_and(|error| !error.is_empty())
    );
    assert_eq!(waiting.next_attempt_at, Some(start + Duration::seconds(30)));
    assert_eq!(
        kassa.run_mail_outbox().await.unwrap(),
        Default::default(),
        "nothing is tried again before its backoff"
    );

    // Back online: the app restarts later and the worker delivers the rest, once each.
    server.resume();
    let later = test.register_at("R1", start + Duration::minutes(5)).await;
    assert_eq!(later.run_mail_outbox().await.unwrap().sent, 6);
    assert_eq!(later.run_mail_outbox().await.unwrap(), Default::default());
    let all = received(&server);
    assert_eq!(
        all.len(),
        12,
        "six orders, a notification and a confirmation each"
    );
    let mut mails: Vec<(&str, &str)> = all
        .iter()
        .map(|mail| (mail.subject.as_str(), mail.recipients.as_str()))
        .collect();
    mails.sort_unstable();
    mails.dedup();
    assert_eq!(mails.len(), 12, "no mail twice");
    let status = later.mail_status().await.unwrap();
    assert_eq!((status.pending, status.failed), (0, 0));
}

#[tokio::test]
async fn mail_settings_are_checked_and_the_password_never_reaches_sqlite() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let status = kassa.mail_status().await.unwrap();
    assert!(!status.configured, "mail is off until a server is set up");
    assert_eq!(
        kassa
            .send_test_mail(TestMailRequest { to: None })
            .await
            .unwrap_err()
            .code,
        ErrorCode::MailNotConfigured
    );

    let mut bad = settings(2525);
    bad.from_address = "shop\r\nBcc: victim@example.com".into();
    let error = kassa.save_mail_settings(bad).await.unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidEmail);
    assert!(error.message.contains("from_address"), "{}", error.message);
    let mut bad = settings(2525);
    bad.admin_addresses.push("not an address".into());
    let error = kassa.save_mail_settings(bad).await.unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidEmail);
    assert!(
        error.message.contains("admin_addresses[2]"),
        "{}",
        error.message
    );
    let mut bad = settings(2525);
    bad.security = "ssl3".into();
    assert_eq!(
        kassa.save_mail_settings(bad).await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
    assert!(
        kassa.mail_settings().await.unwrap().host.is_empty(),
        "nothing of a refused save is kept"
    );

    let secret = "correct horse battery staple";
    let mut good = settings(2525);
    good.user = "shop".into();
    good.password = Some(secret.into());
    let saved = kassa.save_mail_settings(good.clone()).await.unwrap();
    assert!(saved.password_set);
    assert_eq!(saved.admin_addresses.len(), 2);
    good.password = None;
    assert!(
        kassa
            .save_mail_settings(good.clone())
            .await
            .unwrap()
            .password_set,
        "no password in the form keeps the stored one"
    );
    kassa.close().await;
    let mut bytes = std::fs::read(test.path()).unwrap();
    let wal = test.path().with_extension("sqlite3-wal");
    if let Ok(more) = std::fs::read(wal) {
        bytes.extend(more);
    }
    assert!(
        !bytes
            .windows(secret.len())
            .any(|window| window == secret.as_bytes()),
        "the password is in the keyring, never in the database file"
    );
    let kassa = test.register("R1").await;
    good.password = Some(String::new());
    good.user = String::new();
    assert!(!kassa.save_mail_settings(good).await.unwrap().password_set);

    // A server that is not there: the test mail reports it with the transport's words.
    let error = kassa
        .send_test_mail(TestMailRequest { to: None })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::MailFailed);
    assert!(!error.message.contains(secret));
}

#[tokio::test]
async fn the_test_mail_reaches_the_server_and_a_failed_mail_can_be_retried() {
    let test = TestStore::with_demo().await;
    let server = SmtpServer::start();
    let kassa = test.register("R1").await;
    kassa
        .save_mail_settings(settings(server.port()))
        .await
        .unwrap();
    let outcome = kassa
        .send_test_mail(TestMailRequest {
            to: Some("tester@kassa.test".into()),
        })
        .await
        .unwrap();
    assert_eq!(outcome.to, "tester@kassa.test");
    let test_mail = &received(&server)[0];
    assert_eq!(test_mail.recipients, "tester@kassa.test");
    assert!(!test_mail.text.is_empty() && !test_mail.html.is_empty());
    assert_eq!(
        kassa
            .send_test_mail(TestMailRequest {
                to: Some("tester@\nkassa.test".into())
            })
            .await
            .unwrap_err()
            .code,
        ErrorCode::InvalidEmail
    );

    // A mail about an order that no longer exists cannot be made: it fails for a person,
    // who can send it again once the cause is fixed.
    let mut tx = kassa.store().begin_write().await.unwrap();
    tx.enqueue_outbox(
        "mail",
        "order_confirmation",
        "no-such-order",
        &serde_json::json!({}),
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(kassa.run_mail_outbox().await.unwrap().failed, 1);
    let failed = &kassa
        .mail_log(MailLogRequest {
            before: None,
            limit: Some(1),
        })
        .await
        .unwrap()[0];
    assert_eq!(failed.state, "failed");
    assert!(failed.error.as_deref().unwrap().contains("no-such-order"));
    assert_eq!(kassa.mail_status().await.unwrap().failed, 1);
    let retried = kassa
        .retry_mail(RetryMailRequest { id: failed.id })
        .await
        .unwrap();
    assert_eq!(retried.state, "queued");
    assert_eq!(
        kassa
            .retry_mail(RetryMailRequest { id: failed.id })
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotFound,
        "only a failed mail can be retried"
    );
}

#[tokio::test]
async fn a_refused_address_stops_retrying_and_waits_for_a_person() {
    let test = TestStore::with_demo().await;
    let handlers = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../kassa-mail/tests");
    // This server refuses `refused@…` with 550 and accepts everyone else.
    let server = SmtpServer::start_with_handler("smtp_handlers.RefusingMailbox", Some(&handlers));
    let kassa = test.register("R1").await;
    kassa
        .save_mail_settings(settings(server.port()))
        .await
        .unwrap();
    let mut tx = kassa.store().begin_write().await.unwrap();
    let customer = tx
        .insert_customer("Gone Away", Some("refused@kassa.test"), None, Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let order = phone_order(&kassa, customer, &[1]).await;

    let summary = kassa.run_mail_outbox().await.unwrap();
    assert_eq!((summary.sent, summary.failed, summary.retrying), (1, 1, 0));
    let log = kassa
        .mail_log(MailLogRequest {
            before: None,
            limit: None,
        })
        .await
        .unwrap();
    let refused = log
        .iter()
        .find(|entry| entry.kind == "order_confirmation")
        .unwrap();
    assert_eq!(refused.state, "failed");
    assert_eq!(
        refused.order_reference.as_deref(),
        Some(order.reference.as_str())
    );
    assert!(
        refused.error.as_deref().unwrap().contains("550"),
        "the server's own answer is kept: {:?}",
        refused.error
    );
    assert_eq!(kassa.mail_status().await.unwrap().failed, 1);
    let later = test
        .register_at("R1", Utc.with_ymd_and_hms(2026, 11, 24, 10, 30, 0).unwrap())
        .await;
    assert_eq!(
        later.run_mail_outbox().await.unwrap(),
        Default::default(),
        "a permanent failure is not retried by itself"
    );
    assert_eq!(
        received(&server).len(),
        1,
        "only the owner's notification went out"
    );
}
