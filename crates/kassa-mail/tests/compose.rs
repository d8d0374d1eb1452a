//! Composing messages, read back with mail-parser: structure (alternative inside mixed),
//! headers, subjects in both languages, recipients, escaping and header injection.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod fixtures;

use fixtures::{
    cart_recovery, content_types, date, header_lines, html_body, new_order_notification,
    order_confirmation, parse, pdf_bytes, settings, status_changed, text_body,
};
use kassa_mail::{Language, Mail, MailError, TestMail, compose, message_id};
use mail_parser::MimeHeaders;

const ID: &str = "<5d0c0d8e-2f7a-4a8e-9a51-0c1f3a7f8b21@kassa.test>";

fn composed(mail: &Mail, language: Language) -> Vec<u8> {
    compose(mail, &settings(2525), language, ID, date())
        .unwrap()
        .formatted()
}

fn envelope_to(mail: &Mail) -> Vec<String> {
    compose(mail, &settings(2525), Language::En, ID, date())
        .unwrap()
        .envelope()
        .to()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn an_order_confirmation_with_invoice_is_alternative_inside_mixed() {
    let raw = composed(
        &Mail::OrderConfirmation(order_confirmation(true)),
        Language::En,
    );
    let message = parse(&raw);
    assert_eq!(
        content_types(&message),
        [
            "multipart/mixed",
            "multipart/alternative",
            "text/plain",
            "text/html",
            "application/pdf"
        ]
    );
    assert_eq!(message.subject(), Some("Order K-000123 confirmed"));
    assert_eq!(
        message.message_id(),
        Some("5d0c0d8e-2f7a-4a8e-9a51-0c1f3a7f8b21@kassa.test")
    );
    assert_eq!(message.date().unwrap().to_rfc3339(), "2026-11-23T10:30:00Z");
    let from = message.from().unwrap().first().unwrap();
    assert_eq!(from.name(), Some("Corner Shop"));
    assert_eq!(from.address(), Some("shop@kassa.test"));
    let to = message.to().unwrap().first().unwrap();
    assert_eq!(to.name(), Some("Anna Müller"));
    assert_eq!(to.address(), Some("anna@customer.test"));

    assert_eq!(message.attachment_count(), 1);
    let invoice = message.attachment(0).unwrap();
    assert_eq!(invoice.attachment_name(), Some("Invoice RE-2026-00042.pdf"));
    assert!(invoice.is_content_type("application", "pdf"));
    assert_eq!(invoice.contents(), pdf_bytes().as_slice());
}

#[test]
fn without_attachment_the_message_is_only_alternative() {
    for mail in [
        Mail::OrderConfirmation(order_confirmation(false)),
        Mail::NewOrderNotification(new_order_notification()),
        Mail::StatusChanged(status_changed()),
        Mail::CartRecovery(cart_recovery()),
        Mail::TestMail(TestMail { to: None }),
    ] {
        for language in [Language::En, Language::De] {
            let raw = composed(&mail, language);
            let message = parse(&raw);
            assert_eq!(
                content_types(&message),
                ["multipart/alternative", "text/plain", "text/html"],
                "{mail:?}"
            );
            assert_eq!(message.attachment_count(), 0);
            // Both bodies are there and not empty.
            assert!(!text_body(&message).trim().is_empty());
            assert!(html_body(&message).contains("</html>"));
        }
    }
}

#[test]
fn subjects_per_kind_and_language() {
    let cases = [
        (
            Mail::OrderConfirmation(order_confirmation(false)),
            "Order K-000123 confirmed",
            "Bestellung K-000123 bestätigt",
        ),
        (
            Mail::NewOrderNotification(new_order_notification()),
            "New order K-000124: 33.90 EUR",
            "Neue Bestellung K-000124: 33.90 EUR",
        ),
        (
            Mail::StatusChanged(status_changed()),
            "Order K-000125: Versandt",
            "Bestellung K-000125: Versandt",
        ),
        (
            Mail::CartRecovery(cart_recovery()),
            "Your cart at Corner Shop is waiting for you",
            "Ihr Warenkorb bei Corner Shop wartet auf Sie",
        ),
        (
            Mail::TestMail(TestMail { to: None }),
            "Kassa test message",
            "Kassa-Testnachricht",
        ),
    ];
    for (mail, english, german) in cases {
        assert_eq!(
            parse(&composed(&mail, Language::En)).subject(),
            Some(english)
        );
        assert_eq!(
            parse(&composed(&mail, Language::De)).subject(),
            Some(german)
        );
    }
}

#[test]
fn order_confirmation_bodies_in_english() {
    let raw = composed(
        &Mail::OrderConfirmation(order_confirmation(true)),
        Language::En,
    );
    let message = parse(&raw);
    let text = text_body(&message);
    assert_eq!(
        text,
        "Hello Anna Müller,\n\
         \n\
         your order K-000123 of 23.11.2026 at Corner Shop is confirmed. Thank you!\n\
         \n\
         - 2 × Coffee beans 1 kg (SKU CB-1000)\n  12.50 EUR each, 25.00 EUR\n\
         - 1 × <script>alert(1)</script> Mug\n  8.90 EUR each, 8.90 EUR\n\
         \n\
         Subtotal: 33.90 EUR\n\
         Discount: -3.90 EUR\n\
         Shipping: 4.90 EUR\n\
         Total: 34.90 EUR\n\
         \n\
         Taxes:\n\
         - VAT 19 %: net 21.01 EUR, tax 3.99 EUR\n\
         - VAT 7 %: net 8.32 EUR, tax 0.58 EUR\n\
         \n\
         Payments:\n\
         - Card: 34.90 EUR\n\
         \n\
         Your invoice is attached to this message.\n\
         \n\
         Kind regards,\n\
         Corner Shop"
    );
    // Not awaiting payment: no pay link, in either body.
    let html = html_body(&message);
    assert!(!text.contains("pay.kassa.test") && !html.contains("pay.kassa.test"));
    for expected in [
        "K-000123",
        "34.90 EUR",
        "Coffee beans 1 kg",
        "SKU CB-1000",
        "VAT 19 %",
        "Your invoice is attached",
        "lang=\"en\"",
    ] {
        assert!(html.contains(expected), "{expected} missing from\n{html}");
    }
}

#[test]
fn html_escapes_what_the_store_and_customer_typed() {
    let raw = composed(
        &Mail::OrderConfirmation(order_confirmation(false)),
        Language::En,
    );
    let html = html_body(&parse(&raw));
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("alert(1)"));
    assert!(html.contains("&#60;script&#62;") || html.contains("&lt;script&gt;"));

    let raw = composed(&Mail::CartRecovery(cart_recovery()), Language::En);
    let html = html_body(&parse(&raw));
    assert!(
        html.contains("https://shop.kassa.test/cart/abc?x=1&#38;y=2")
            || html.contains("https://shop.kassa.test/cart/abc?x=1&amp;y=2"),
        "{html}"
    );
    assert!(html.contains("you &#38; saved") || html.contains("you &amp; saved"));
}

#[test]
fn a_pay_link_shows_only_while_the_order_awaits_payment() {
    let mut order = order_confirmation(false);
    order.awaits_payment = true;
    order.payments.clear();
    let raw = composed(&Mail::OrderConfirmation(order), Language::De);
    let message = parse(&raw);
    let text = text_body(&message);
    assert!(
        text.contains(
            "Ihre Bestellung wartet auf Zahlung.\nJetzt bezahlen: https://pay.kassa.test/K-000123\n"
        ),
        "{text}"
    );
    assert!(!text.contains("Zahlungen:"), "{text}");
    let html = html_body(&message);
    assert!(
        html.contains("href=\"https://pay.kassa.test/K-000123\""),
        "{html}"
    );
    assert!(html.contains("Jetzt bezahlen"));
    assert!(html.contains("lang=\"de\""));
    assert!(html.contains("Art.-Nr. CB-1000"));
}

#[test]
fn recipients_come_from_the_kind_of_mail() {
    assert_eq!(
        envelope_to(&Mail::OrderConfirmation(order_confirmation(false))),
        ["anna@customer.test"]
    );
    assert_eq!(
        envelope_to(&Mail::CartRecovery(cart_recovery())),
        ["bob@customer.test"]
    );
    // The owner first, then each admin once (the fixture lists the owner again).
    assert_eq!(
        envelope_to(&Mail::NewOrderNotification(new_order_notification())),
        ["shop@kassa.test", "admin1@kassa.test", "admin2@kassa.test"]
    );
    assert_eq!(
        envelope_to(&Mail::TestMail(TestMail { to: None })),
        ["shop@kassa.test"]
    );
    assert_eq!(
        envelope_to(&Mail::TestMail(TestMail {
            to: Some("owner@private.test".to_owned())
        })),
        ["owner@private.test"]
    );
}

#[test]
fn a_name_or_subject_with_line_breaks_adds_no_header() {
    let mut change = status_changed();
    change.customer.name = Some("Eve\r\nBcc: x@evil.test".to_owned());
    change.status = "Shipped\r\nBcc: y@evil.test\r\n\r\n<html>".to_owned();
    change.order_reference = "K-1\nX-Injected: yes".to_owned();
    let message = compose(
        &Mail::StatusChanged(change),
        &settings(2525),
        Language::En,
        ID,
        date(),
    )
    .unwrap();
    assert_eq!(
        message
            .envelope()
            .to()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["anna@customer.test"]
    );
    let raw = message.formatted();
    for line in header_lines(&raw) {
        let lower = line.to_ascii_lowercase();
        assert!(
            !lower.starts_with("bcc:") && !lower.starts_with("x-injected:"),
            "injected header line: {line}"
        );
    }
    let parsed = parse(&raw);
    assert!(parsed.bcc().is_none());
    assert!(parsed.header_raw("X-Injected").is_none());
    assert_eq!(
        parsed.subject(),
        Some("Order K-1 X-Injected: yes: Shipped Bcc: y@evil.test <html>")
    );
    let to = parsed.to().unwrap().first().unwrap();
    assert_eq!(to.name(), Some("Eve Bcc: x@evil.test"));
    assert_eq!(to.address(), Some("anna@customer.test"));
}

/// One layer down, lettre encodes line breaks in a subject, so nothing relies on the
/// cleaning in `compose` alone there.
#[test]
fn lettre_encodes_line_breaks_in_a_subject() {
    use lettre::message::{Mailbox, header::ContentType};
    let message = lettre::Message::builder()
        .from("shop@kassa.test".parse::<Mailbox>().unwrap())
        .to("eve@customer.test".parse::<Mailbox>().unwrap())
        .subject("Hello\r\nBcc: y@evil.test")
        .header(ContentType::TEXT_PLAIN)
        .body("body".to_owned())
        .unwrap();
    assert_eq!(message.envelope().to().len(), 1);
    let raw = message.formatted();
    for line in header_lines(&raw) {
        assert!(
            !line.to_ascii_lowercase().starts_with("bcc:"),
            "injected header line: {line}"
        );
    }
    assert!(parse(&raw).bcc().is_none());
}

/// But a display name with a line break makes lettre 0.11 panic while it formats the To
/// header (its `Display` returns an error): this is why `compose` makes every name one
/// line before it reaches lettre. Should lettre start encoding such names, this test
/// fails and the note can go.
#[test]
#[should_panic(expected = "a Display implementation returned an error unexpectedly")]
fn lettre_panics_on_a_display_name_with_a_line_break() {
    use lettre::message::Mailbox;
    let _ = lettre::Message::builder().to(Mailbox::new(
        Some("Eve\r\nBcc: x@evil.test".to_owned()),
        "eve@customer.test".parse().unwrap(),
    ));
}

#[test]
fn composing_again_gives_the_same_message() {
    let mail = Mail::OrderConfirmation(order_confirmation(true));
    let first = composed(&mail, Language::De);
    let second = composed(&mail, Language::De);
    let (first, second) = (parse(&first), parse(&second));
    assert_eq!(first.message_id(), second.message_id());
    assert_eq!(first.date(), second.date());
    assert_eq!(first.subject(), second.subject());
    assert_eq!(text_body(&first), text_body(&second));
    assert_eq!(html_body(&first), html_body(&second));
    assert_eq!(
        first.attachment(0).unwrap().contents(),
        second.attachment(0).unwrap().contents()
    );
}

#[test]
fn message_ids_and_links_are_checked() {
    let mail = Mail::OrderConfirmation(order_confirmation(false));
    let error = compose(&mail, &settings(25), Language::En, "no id", date()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "\"no id\" is not a Message-ID: it must look like <unique@domain>"
    );
    // Without angle brackets they are added.
    let message = compose(&mail, &settings(25), Language::En, "abc@kassa.test", date()).unwrap();
    assert_eq!(
        message.headers().get_raw("Message-ID"),
        Some("<abc@kassa.test>")
    );
    assert_eq!(
        message_id("0f7c2a9e-1b", &settings(25)).unwrap(),
        "<0f7c2a9e-1b@kassa.test>"
    );

    let mut order = order_confirmation(false);
    order.pay_link = Some("javascript:alert(1)".to_owned());
    let error = compose(
        &Mail::OrderConfirmation(order),
        &settings(25),
        Language::En,
        ID,
        date(),
    )
    .unwrap_err();
    assert!(
        matches!(
            error,
            MailError::InvalidLink {
                field: "pay link",
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn bad_addresses_and_settings_are_refused() {
    let mut order = order_confirmation(false);
    order.customer.email = "anna@customer.test\r\nBcc: x@evil.test".to_owned();
    let error = compose(
        &Mail::OrderConfirmation(order),
        &settings(25),
        Language::En,
        ID,
        date(),
    )
    .unwrap_err();
    assert!(matches!(error, MailError::InvalidAddress { .. }), "{error}");
    assert!(!error.to_string().contains('\n'));

    let mut settings = settings(25);
    settings.admin_addresses.push("nobody".to_owned());
    let error = compose(
        &Mail::NewOrderNotification(new_order_notification()),
        &settings,
        Language::En,
        ID,
        date(),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the SMTP settings are not valid: admin_addresses[3]: \"nobody\" is not an e-mail \
         address: it needs a name, an @ and a domain"
    );
}

#[test]
fn the_model_round_trips_through_json() {
    let mail = Mail::OrderConfirmation(order_confirmation(true));
    let json = serde_json::to_value(&mail).unwrap();
    assert_eq!(json["kind"], "order_confirmation");
    assert_eq!(json["totals"]["total"], "34.90 EUR");
    let back: Mail = serde_json::from_value(json).unwrap();
    assert_eq!(back, mail);
    // The attachment's Debug shows its size, not its bytes.
    let Mail::OrderConfirmation(order) = back else {
        panic!("kind changed");
    };
    let shown = format!("{:?}", order.invoice.unwrap());
    assert!(
        shown.contains(&format!("bytes: {}", pdf_bytes().len())),
        "{shown}"
    );
}
