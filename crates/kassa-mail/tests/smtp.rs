//! Sending through a real SMTP server (aiosmtpd, started by the tests on a free loopback
//! port) and reading the stored messages back with mail-parser; and how failures are
//! classified: 5xx and settings the server cannot meet are permanent, 4xx, refused
//! connections, timeouts and TLS errors are transient.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod fixtures;
mod support;

use std::net::{Ipv4Addr, TcpListener};
use std::path::Path;
use std::time::Duration;

use fixtures::{
    SCRIPT_PRODUCT, cart_recovery, date, header_lines, html_body, new_order_notification,
    order_confirmation, parse, pdf_bytes, settings, status_changed, text_body,
};
use kassa_mail::{
    Language, Mail, Mailer, Message, Security, SendError, SmtpSettings, TestMail, compose,
    message_id,
};
use mail_parser::MimeHeaders;
use support::{SmtpServer, free_port};

fn composed(mail: &Mail, settings: &SmtpSettings, language: Language, unique: &str) -> Message {
    compose(
        mail,
        settings,
        language,
        &message_id(unique, settings).unwrap(),
        date(),
    )
    .unwrap()
}

/// Composes `mail`, sends it through `server` and returns what the server stored.
async fn send_and_read(server: &SmtpServer, mail: &Mail, language: Language) -> Vec<u8> {
    let settings = settings(server.port());
    let mailer = Mailer::new(&settings, None).unwrap();
    let receipt = mailer
        .send(&composed(mail, &settings, language, "m1"))
        .await
        .unwrap();
    assert_eq!(receipt.message_id.as_deref(), Some("<m1@kassa.test>"));
    assert!(receipt.response.starts_with("250"), "{}", receipt.response);
    server.only_message()
}

fn rcpt_to(message: &mail_parser::Message<'_>) -> String {
    message
        .header_raw("X-RcptTo")
        .expect("aiosmtpd adds X-RcptTo")
        .trim()
        .to_owned()
}

#[tokio::test]
async fn an_order_confirmation_arrives_with_both_bodies_and_the_invoice() {
    let server = SmtpServer::start();
    let raw = send_and_read(
        &server,
        &Mail::OrderConfirmation(order_confirmation(true)),
        Language::En,
    )
    .await;
    let message = parse(&raw);
    assert_eq!(rcpt_to(&message), "anna@customer.test");
    assert_eq!(message.subject(), Some("Order K-000123 confirmed"));
    assert_eq!(message.message_id(), Some("m1@kassa.test"));

    let text = text_body(&message);
    let html = html_body(&message);
    for body in [&text, &html] {
        for expected in ["K-000123", "34.90 EUR", "Coffee beans 1 kg", "alert(1)"] {
            assert!(body.contains(expected), "{expected} missing from\n{body}");
        }
    }
    assert!(text.contains(SCRIPT_PRODUCT));
    assert!(!html.contains("<script"), "{html}");

    let invoice = message.attachment(0).expect("the invoice is attached");
    assert!(invoice.is_content_type("application", "pdf"));
    assert_eq!(invoice.attachment_name(), Some("Invoice RE-2026-00042.pdf"));
    assert_eq!(invoice.contents(), pdf_bytes().as_slice());
}

#[tokio::test]
async fn a_german_order_confirmation_that_awaits_payment_has_the_pay_link() {
    let server = SmtpServer::start();
    let mut order = order_confirmation(false);
    order.awaits_payment = true;
    let raw = send_and_read(&server, &Mail::OrderConfirmation(order), Language::De).await;
    let message = parse(&raw);
    assert_eq!(rcpt_to(&message), "anna@customer.test");
    assert_eq!(message.subject(), Some("Bestellung K-000123 bestätigt"));
    assert_eq!(message.attachment_count(), 0);
    let text = text_body(&message);
    assert!(text.contains("Guten Tag Anna Müller,"), "{text}");
    assert!(
        text.contains("Jetzt bezahlen: https://pay.kassa.test/K-000123"),
        "{text}"
    );
    let html = html_body(&message);
    assert!(html.contains("href=\"https://pay.kassa.test/K-000123\""));
    assert!(html.contains("Gesamt") && html.contains("34.90 EUR"));
}

#[tokio::test]
async fn a_new_order_notification_reaches_the_owner_and_every_admin_once() {
    let server = SmtpServer::start();
    let raw = send_and_read(
        &server,
        &Mail::NewOrderNotification(new_order_notification()),
        Language::De,
    )
    .await;
    let message = parse(&raw);
    assert_eq!(
        rcpt_to(&message),
        "shop@kassa.test, admin1@kassa.test, admin2@kassa.test"
    );
    assert_eq!(
        message.subject(),
        Some("Neue Bestellung K-000124: 33.90 EUR")
    );
    let text = text_body(&message);
    assert!(
        text.contains("Kunde: Anna Müller <anna@customer.test>"),
        "{text}"
    );
    let html = html_body(&message);
    for body in [&text, &html] {
        for expected in ["K-000124", "33.90 EUR", "Coffee beans 1 kg"] {
            assert!(body.contains(expected), "{expected} missing from\n{body}");
        }
    }
    assert!(
        html.contains("Anna Müller &lt;anna@customer.test&gt;"),
        "{html}"
    );
}

#[tokio::test]
async fn a_status_change_carries_the_status_and_the_note() {
    let server = SmtpServer::start();
    let raw = send_and_read(
        &server,
        &Mail::StatusChanged(status_changed()),
        Language::De,
    )
    .await;
    let message = parse(&raw);
    assert_eq!(rcpt_to(&message), "anna@customer.test");
    assert_eq!(message.subject(), Some("Bestellung K-000125: Versandt"));
    assert_eq!(
        text_body(&message),
        "Guten Tag Anna Müller,\n\
         \n\
         der Status Ihrer Bestellung K-000125 ist jetzt: Versandt.\n\
         \n\
         Eine Nachricht von Corner Shop:\n\
         Sendungsnummer 00340434161234567890 <DHL>\n\
         \n\
         Mit freundlichen Grüßen\n\
         Corner Shop"
    );
    let html = html_body(&message);
    assert!(html.contains("Sendungsnummer 00340434161234567890 &#60;DHL&#62;"));
}

#[tokio::test]
async fn a_cart_recovery_lists_the_cart_and_links_back() {
    let server = SmtpServer::start();
    let raw = send_and_read(&server, &Mail::CartRecovery(cart_recovery()), Language::En).await;
    let message = parse(&raw);
    assert_eq!(rcpt_to(&message), "bob@customer.test");
    let text = text_body(&message);
    assert!(text.starts_with("Hello,\n\nWe kept your cart for you & saved 5 % on it.\n"));
    assert!(text.contains("Cart total: 33.90 EUR"));
    assert!(text.contains("Complete your order: https://shop.kassa.test/cart/abc?x=1&y=2"));
    let html = html_body(&message);
    assert!(html.contains("Coffee beans 1 kg") && html.contains("33.90 EUR"));
    assert!(html.contains("Complete your order"));
}

#[tokio::test]
async fn the_test_message_names_the_server_and_the_connection_test_passes() {
    let server = SmtpServer::start();
    let settings = settings(server.port());
    let mailer = Mailer::new(&settings, None).unwrap();
    mailer.test_connection().await.unwrap();
    // The connection test sends nothing.
    assert!(server.messages().is_empty());

    for (language, unique) in [(Language::En, "t1"), (Language::De, "t2")] {
        let mail = Mail::TestMail(TestMail { to: None });
        mailer
            .send(&composed(&mail, &settings, language, unique))
            .await
            .unwrap();
    }
    let messages = server.messages();
    assert_eq!(messages.len(), 2);
    let server_name = format!("127.0.0.1:{}", server.port());
    let english = parse(&messages[0]);
    assert_eq!(english.subject(), Some("Kassa test message"));
    assert_eq!(rcpt_to(&english), "shop@kassa.test");
    assert!(
        text_body(&english).contains(&format!(
            "sent through the SMTP server {server_name} (not encrypted) as shop@kassa.test"
        )),
        "{}",
        text_body(&english)
    );
    let german = parse(&messages[1]);
    assert_eq!(german.subject(), Some("Kassa-Testnachricht"));
    assert!(html_body(&german).contains(&server_name));
}

#[tokio::test]
async fn a_name_with_a_line_break_sends_no_bcc() {
    let server = SmtpServer::start();
    let mut change = status_changed();
    change.customer.name = Some("Eve\r\nBcc: x@evil.test".to_owned());
    let raw = send_and_read(&server, &Mail::StatusChanged(change), Language::En).await;
    let message = parse(&raw);
    assert_eq!(rcpt_to(&message), "anna@customer.test");
    assert!(message.bcc().is_none());
    for line in header_lines(&raw) {
        assert!(
            !line.to_ascii_lowercase().starts_with("bcc:"),
            "injected header line: {line}"
        );
    }
}

fn refusing_server() -> SmtpServer {
    SmtpServer::start_with_handler(
        "smtp_handlers.RefusingMailbox",
        Some(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")),
    )
}

async fn send_test_mail_to(server: &SmtpServer, to: &str) -> Result<(), SendError> {
    let settings = settings(server.port());
    let mail = Mail::TestMail(TestMail {
        to: Some(to.to_owned()),
    });
    Mailer::new(&settings, None)
        .unwrap()
        .send(&composed(&mail, &settings, Language::En, "r1"))
        .await
        .map(|_| ())
}

#[tokio::test]
async fn a_refused_recipient_is_permanent_with_the_servers_answer() {
    let server = refusing_server();
    let error = send_test_mail_to(&server, "refused@customer.test")
        .await
        .unwrap_err();
    assert!(error.permanent, "{error}");
    assert_eq!(error.code, Some(550));
    let expected = format!(
        "127.0.0.1:{}: permanent error (550): 5.1.1 <refused@customer.test>: Recipient \
         address rejected: User unknown",
        server.port()
    );
    assert_eq!(error.message, expected);
    assert!(server.messages().is_empty());

    // The same server accepts others.
    send_test_mail_to(&server, "ok@customer.test")
        .await
        .unwrap();
    assert_eq!(server.messages().len(), 1);
}

#[tokio::test]
async fn a_4xx_answer_is_transient() {
    let server = refusing_server();
    let error = send_test_mail_to(&server, "busy@customer.test")
        .await
        .unwrap_err();
    assert!(!error.permanent, "{error}");
    assert_eq!(error.code, Some(451));
    assert!(
        error.message.ends_with(
            "transient error (451): 4.3.0 <busy@customer.test>: Mailbox busy, try again later"
        ),
        "{error}"
    );
}

#[tokio::test]
async fn a_refused_connection_is_transient() {
    let settings = settings(free_port());
    let mailer = Mailer::new(&settings, None).unwrap();
    let error = mailer.test_connection().await.unwrap_err();
    assert!(!error.permanent, "{error}");
    assert_eq!(error.code, None);
    assert!(error.message.contains("refused"), "{error}");
    let error = mailer
        .send(&composed(
            &Mail::TestMail(TestMail { to: None }),
            &settings,
            Language::En,
            "c1",
        ))
        .await
        .unwrap_err();
    assert!(!error.permanent, "{error}");
}

#[tokio::test]
async fn a_silent_server_times_out_as_transient() {
    // Accepts the connection and never says hello.
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let settings = settings(listener.local_addr().unwrap().port());
    let mailer = Mailer::with_timeout(&settings, None, Duration::from_millis(500)).unwrap();
    let error = mailer.test_connection().await.unwrap_err();
    assert!(!error.permanent, "{error}");
    assert!(error.message.contains("timed out"), "{error}");
    drop(listener);
}

#[tokio::test]
async fn starttls_on_a_server_without_it_is_permanent() {
    let server = SmtpServer::start();
    let mut settings = settings(server.port());
    settings.security = Security::StartTls;
    let error = Mailer::new(&settings, None)
        .unwrap()
        .test_connection()
        .await
        .unwrap_err();
    assert!(error.permanent, "{error}");
    assert!(
        error
            .message
            .contains("STARTTLS is not supported on this server"),
        "{error}"
    );
}

#[tokio::test]
async fn implicit_tls_on_a_plain_server_is_a_transient_error() {
    let server = SmtpServer::start();
    let mut settings = settings(server.port());
    settings.security = Security::Tls;
    let mailer = Mailer::with_timeout(&settings, None, Duration::from_secs(5)).unwrap();
    let error = mailer.test_connection().await.unwrap_err();
    assert!(!error.permanent, "{error}");
    // rustls reads the server's plain greeting as a broken TLS record.
    assert!(
        error.message.contains("received corrupt message"),
        "{error}"
    );
}

#[tokio::test]
async fn a_login_the_server_cannot_take_is_permanent_and_never_shows_the_password() {
    // aiosmtpd offers no AUTH on a plain connection: lettre refuses to log in.
    let server = SmtpServer::start();
    let mut settings = settings(server.port());
    settings.user = Some("shop".to_owned());
    let mailer = Mailer::new(&settings, Some("hunter2-secret".to_owned())).unwrap();
    let error = mailer.test_connection().await.unwrap_err();
    assert!(error.permanent, "{error}");
    assert!(
        error
            .message
            .contains("No compatible authentication mechanism was found"),
        "{error}"
    );
    assert!(!format!("{error} {error:?}").contains("hunter2"));
    assert!(!format!("{mailer:?}").contains("hunter2"));
}
