//! Turning a [`Mail`] into a `lettre::Message`: recipients, subject, the text and HTML
//! bodies from the templates, and the attachment.

use std::time::SystemTime;

use askama::Template;
use chrono::{DateTime, Utc};
use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment as LettreAttachment, Mailbox, MultiPart};

use crate::address::parse_address;
use crate::error::{MailError, quoted};
use crate::language::Language;
use crate::model::{
    Attachment, CartRecovery, Customer, Mail, NewOrderNotification, OrderConfirmation,
    StatusChanged,
};
use crate::settings::{Security, SmtpSettings};

/// Composes `mail` in `language`, from the sender in `settings`, with the given Message-ID
/// (`<unique@domain>`, the angle brackets may be left out; see [`message_id`]) and date.
///
/// The recipients come from the kind of mail: the customer, or the sender's address and
/// every admin address for a new-order notification (each address once), or the test
/// message's address. The message is `multipart/alternative` (plain text and HTML),
/// inside `multipart/mixed` with the invoice when an order confirmation has one.
///
/// # Errors
/// The settings are not valid, an address, the Message-ID or a link is not valid, a
/// template failed, or lettre refused the message.
pub fn compose(
    mail: &Mail,
    settings: &SmtpSettings,
    language: Language,
    message_id: &str,
    date: DateTime<Utc>,
) -> Result<Message, MailError> {
    settings.validate()?;
    let message_id = normalize_message_id(message_id)?;
    check_links(mail)?;
    let sender = Mailbox::new(
        display_name(&settings.from_name),
        parse_address(&settings.from_address)?,
    );
    let recipients = recipients(mail, settings)?;
    let subject = one_line(&subject(mail, language));
    let server = Server::of(settings, language);
    let (text, html) = bodies(mail, language, &subject, &server)?;

    let mut builder = Message::builder()
        .from(sender)
        .subject(subject)
        .message_id(Some(message_id))
        .date(SystemTime::from(date));
    for recipient in recipients {
        builder = builder.to(recipient);
    }
    let alternative = MultiPart::alternative_plain_html(text, html);
    let built = match attachment(mail) {
        Some(file) => {
            let pdf = ContentType::parse("application/pdf")
                .map_err(|error| MailError::Build(error.to_string()))?;
            let mut filename = one_line(&file.filename);
            if filename.is_empty() {
                "attachment.pdf".clone_into(&mut filename);
            }
            builder.multipart(
                MultiPart::mixed()
                    .multipart(alternative)
                    .singlepart(LettreAttachment::new(filename).body(file.bytes.clone(), pdf)),
            )
        }
        None => builder.multipart(alternative),
    };
    built.map_err(|error| MailError::Build(error.to_string()))
}

/// A Message-ID for a message of this store: `<unique@domain>`, where the domain is the
/// sender's. Pass something unique and stable as `unique`, such as the outbox row's UUID,
/// so that a message composed again carries the same ID.
///
/// # Errors
/// The sender's address is not valid, or `unique` holds characters a Message-ID cannot
/// (spaces, `@`, `<`, `>`, control characters…).
pub fn message_id(unique: &str, settings: &SmtpSettings) -> Result<String, MailError> {
    let from = parse_address(&settings.from_address)?;
    normalize_message_id(&format!("{unique}@{}", from.domain()))
}

/// `<left@right>` from `left@right` or `<left@right>`, when both sides are dot-atoms.
fn normalize_message_id(id: &str) -> Result<String, MailError> {
    let inner = id
        .strip_prefix('<')
        .and_then(|rest| rest.strip_suffix('>'))
        .unwrap_or(id);
    let dot_atom = |part: &str| {
        !part.is_empty()
            && !part.starts_with('.')
            && !part.ends_with('.')
            && !part.contains("..")
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
    };
    match inner.split_once('@') {
        Some((left, right)) if dot_atom(left) && dot_atom(right) => Ok(format!("<{inner}>")),
        _ => Err(MailError::InvalidMessageId(quoted(id))),
    }
}

/// Links go into `href`: only web addresses, on one line.
fn check_links(mail: &Mail) -> Result<(), MailError> {
    let (field, link) = match mail {
        Mail::OrderConfirmation(order) => ("pay link", order.pay_link.as_deref()),
        Mail::CartRecovery(cart) => ("cart link", cart.link.as_deref()),
        _ => return Ok(()),
    };
    if let Some(url) = link {
        let lower = url.to_ascii_lowercase();
        let web = (lower.starts_with("https://") || lower.starts_with("http://"))
            && !url.chars().any(|c| c.is_whitespace() || c.is_control());
        if !web {
            return Err(MailError::InvalidLink {
                field,
                url: quoted(url),
            });
        }
    }
    Ok(())
}

fn recipients(mail: &Mail, settings: &SmtpSettings) -> Result<Vec<Mailbox>, MailError> {
    let customer = |customer: &Customer| -> Result<Vec<Mailbox>, MailError> {
        let name = customer.name.as_deref().and_then(display_name);
        Ok(vec![Mailbox::new(name, parse_address(&customer.email)?)])
    };
    match mail {
        Mail::OrderConfirmation(OrderConfirmation { customer: c, .. })
        | Mail::StatusChanged(StatusChanged { customer: c, .. })
        | Mail::CartRecovery(CartRecovery { customer: c, .. }) => customer(c),
        Mail::NewOrderNotification(_) => {
            let mut boxes: Vec<Mailbox> = Vec::new();
            let owner = std::iter::once(&settings.from_address);
            for address in owner.chain(&settings.admin_addresses) {
                let address = parse_address(address)?;
                let seen = boxes.iter().any(|known| {
                    let known: &str = known.email.as_ref();
                    known.eq_ignore_ascii_case(address.as_ref())
                });
                if !seen {
                    boxes.push(Mailbox::new(None, address));
                }
            }
            Ok(boxes)
        }
        Mail::TestMail(test) => {
            let to = test.to.as_deref().unwrap_or(&settings.from_address);
            Ok(vec![Mailbox::new(None, parse_address(to)?)])
        }
    }
}

fn subject(mail: &Mail, language: Language) -> String {
    match (mail, language) {
        (Mail::OrderConfirmation(order), Language::En) => {
            format!("Order {} confirmed", order.order_reference)
        }
        (Mail::OrderConfirmation(order), Language::De) => {
            format!("Bestellung {} bestätigt", order.order_reference)
        }
        (Mail::NewOrderNotification(order), Language::En) => {
            format!("New order {}: {}", order.order_reference, order.total)
        }
        (Mail::NewOrderNotification(order), Language::De) => {
            format!("Neue Bestellung {}: {}", order.order_reference, order.total)
        }
        (Mail::StatusChanged(change), Language::En) => {
            format!("Order {}: {}", change.order_reference, change.status)
        }
        (Mail::StatusChanged(change), Language::De) => {
            format!("Bestellung {}: {}", change.order_reference, change.status)
        }
        (Mail::CartRecovery(cart), Language::En) => {
            format!("Your cart at {} is waiting for you", cart.store_name)
        }
        (Mail::CartRecovery(cart), Language::De) => {
            format!("Ihr Warenkorb bei {} wartet auf Sie", cart.store_name)
        }
        (Mail::TestMail(_), Language::En) => "Kassa test message".to_owned(),
        (Mail::TestMail(_), Language::De) => "Kassa-Testnachricht".to_owned(),
    }
}

fn attachment(mail: &Mail) -> Option<&Attachment> {
    match mail {
        Mail::OrderConfirmation(order) => order.invoice.as_ref(),
        _ => None,
    }
}

/// `text` on one line: every run of control characters (CR, LF, tab…) becomes one space.
fn one_line(text: &str) -> String {
    let mut line = String::with_capacity(text.len());
    let mut in_break = false;
    for c in text.chars() {
        if c.is_control() {
            if !in_break {
                line.push(' ');
            }
            in_break = true;
        } else {
            line.push(c);
            in_break = false;
        }
    }
    line.trim().to_owned()
}

/// A display name for an address: one line, `None` when nothing is left.
fn display_name(name: &str) -> Option<String> {
    Some(one_line(name)).filter(|name| !name.is_empty())
}

/// What the test message says about the server.
struct Server {
    host: String,
    port: u16,
    security: &'static str,
    from_address: String,
}

impl Server {
    fn of(settings: &SmtpSettings, language: Language) -> Self {
        let security = match (settings.security, language) {
            (Security::StartTls, _) => "STARTTLS",
            (Security::Tls, _) => "TLS",
            (Security::None, Language::En) => "not encrypted",
            (Security::None, Language::De) => "unverschlüsselt",
        };
        Self {
            host: settings.host.clone(),
            port: settings.port,
            security,
            from_address: settings.from_address.clone(),
        }
    }
}

/// One askama template over one kind of message; `$path` is under `templates/`. The HTML
/// templates also see the subject (for the page title).
macro_rules! template {
    (text $name:ident, $model:ty, $path:literal) => {
        #[derive(Template)]
        #[template(path = $path)]
        struct $name<'a> {
            mail: &'a $model,
        }
    };
    (html $name:ident, $model:ty, $path:literal) => {
        #[derive(Template)]
        #[template(path = $path)]
        struct $name<'a> {
            mail: &'a $model,
            subject: &'a str,
        }
    };
}

template!(text OrderConfirmationEnText, OrderConfirmation, "order_confirmation.en.txt");
template!(html OrderConfirmationEnHtml, OrderConfirmation, "order_confirmation.en.html");
template!(text OrderConfirmationDeText, OrderConfirmation, "order_confirmation.de.txt");
template!(html OrderConfirmationDeHtml, OrderConfirmation, "order_confirmation.de.html");
template!(text NewOrderEnText, NewOrderNotification, "new_order_notification.en.txt");
template!(html NewOrderEnHtml, NewOrderNotification, "new_order_notification.en.html");
template!(text NewOrderDeText, NewOrderNotification, "new_order_notification.de.txt");
template!(html NewOrderDeHtml, NewOrderNotification, "new_order_notification.de.html");
template!(text StatusChangedEnText, StatusChanged, "status_changed.en.txt");
template!(html StatusChangedEnHtml, StatusChanged, "status_changed.en.html");
template!(text StatusChangedDeText, StatusChanged, "status_changed.de.txt");
template!(html StatusChangedDeHtml, StatusChanged, "status_changed.de.html");
template!(text CartRecoveryEnText, CartRecovery, "cart_recovery.en.txt");
template!(html CartRecoveryEnHtml, CartRecovery, "cart_recovery.en.html");
template!(text CartRecoveryDeText, CartRecovery, "cart_recovery.de.txt");
template!(html CartRecoveryDeHtml, CartRecovery, "cart_recovery.de.html");

/// The test message's templates speak of the server, not of a message model.
#[derive(Template)]
#[template(path = "test_mail.en.txt")]
struct TestMailEnText<'a> {
    server: &'a Server,
}

#[derive(Template)]
#[template(path = "test_mail.en.html")]
struct TestMailEnHtml<'a> {
    server: &'a Server,
    subject: &'a str,
}

#[derive(Template)]
#[template(path = "test_mail.de.txt")]
struct TestMailDeText<'a> {
    server: &'a Server,
}

#[derive(Template)]
#[template(path = "test_mail.de.html")]
struct TestMailDeHtml<'a> {
    server: &'a Server,
    subject: &'a str,
}

/// Renders one template; `name` says which in an error.
fn render(template: &impl Template, name: &'static str) -> Result<String, MailError> {
    template.render().map_err(|error| MailError::Template {
        template: name,
        message: error.to_string(),
    })
}

/// The plain-text and HTML bodies.
fn bodies(
    mail: &Mail,
    language: Language,
    subject: &str,
    server: &Server,
) -> Result<(String, String), MailError> {
    macro_rules! pair {
        ($text:ident, $html:ident, $model:expr, $name:literal) => {
            Ok((
                render(&$text { mail: $model }, concat!($name, " text"))?,
                render(
                    &$html {
                        mail: $model,
                        subject,
                    },
                    concat!($name, " HTML"),
                )?,
            ))
        };
    }
    match (mail, language) {
        (Mail::OrderConfirmation(m), Language::En) => pair!(
            OrderConfirmationEnText,
            OrderConfirmationEnHtml,
            m,
            "order confirmation"
        ),
        (Mail::OrderConfirmation(m), Language::De) => pair!(
            OrderConfirmationDeText,
            OrderConfirmationDeHtml,
            m,
            "order confirmation"
        ),
        (Mail::NewOrderNotification(m), Language::En) => {
            pair!(NewOrderEnText, NewOrderEnHtml, m, "new order notification")
        }
        (Mail::NewOrderNotification(m), Language::De) => {
            pair!(NewOrderDeText, NewOrderDeHtml, m, "new order notification")
        }
        (Mail::StatusChanged(m), Language::En) => {
            pair!(StatusChangedEnText, StatusChangedEnHtml, m, "status change")
        }
        (Mail::StatusChanged(m), Language::De) => {
            pair!(StatusChangedDeText, StatusChangedDeHtml, m, "status change")
        }
        (Mail::CartRecovery(m), Language::En) => {
            pair!(CartRecoveryEnText, CartRecoveryEnHtml, m, "cart recovery")
        }
        (Mail::CartRecovery(m), Language::De) => {
            pair!(CartRecoveryDeText, CartRecoveryDeHtml, m, "cart recovery")
        }
        (Mail::TestMail(_), Language::En) => Ok((
            render(&TestMailEnText { server }, "test message text")?,
            render(&TestMailEnHtml { server, subject }, "test message HTML")?,
        )),
        (Mail::TestMail(_), Language::De) => Ok((
            render(&TestMailDeText { server }, "test message text")?,
            render(&TestMailDeHtml { server, subject }, "test message HTML")?,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_normalized_and_checked() {
        assert_eq!(
            normalize_message_id("abc-123@shop.example").unwrap(),
            "<abc-123@shop.example>"
        );
        assert_eq!(
            normalize_message_id("<abc.1@shop.example>").unwrap(),
            "<abc.1@shop.example>"
        );
        for bad in [
            "",
            "abc",
            "<abc>",
            "a b@shop.example",
            "abc@shop.example\r\nBcc: x@evil.test",
            "a@b@c",
            "@shop.example",
            "abc@",
            "<abc@shop.example",
            "a..b@shop.example",
        ] {
            assert!(
                matches!(
                    normalize_message_id(bad),
                    Err(MailError::InvalidMessageId(_))
                ),
                "{bad:?} was accepted"
            );
        }
    }

    #[test]
    fn one_line_collapses_breaks() {
        assert_eq!(one_line("Eve\r\nBcc: x@evil.test"), "Eve Bcc: x@evil.test");
        assert_eq!(one_line("\t a \n\n b \r"), "a   b");
        assert_eq!(display_name("\r\n"), None);
        assert_eq!(display_name(" Anna "), Some("Anna".to_owned()));
    }
}
