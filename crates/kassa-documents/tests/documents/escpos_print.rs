//! ESC/POS receipts: rendered, printed to a TCP listener on 127.0.0.1 that plays the
//! printer, and decoded back into commands and text lines.

use std::io::Read;
use std::net::TcpListener;
use std::thread;
use std::time::Duration;

use kassa_documents::{
    DocumentLocale, DocumentOrder, DrawerKick, PaperWidth, PrintError, PrinterAddress,
    PrinterTimeouts, ReceiptCodePage, ReceiptPrintOptions, render_receipt, send_to_printer,
};

use crate::samples;

/// One decoded piece of the printer stream.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Initialise,
    CodePage(u8),
    Justify(u8),
    Bold(u8),
    Size(u8),
    Feed(u8),
    Line(Vec<u8>),
    Cut,
    DrawerKick { pin: u8, on: u8, off: u8 },
}

/// Decodes the commands the receipt uses; anything else fails the test.
fn decode(bytes: &[u8]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut text = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        let rest = &bytes[index..];
        let (piece, used) = match rest {
            [0x1B, b'@', ..] => (Some(Piece::Initialise), 2),
            [0x1B, b't', n, ..] => (Some(Piece::CodePage(*n)), 3),
            [0x1B, b'a', n, ..] => (Some(Piece::Justify(*n)), 3),
            [0x1B, b'E', n, ..] => (Some(Piece::Bold(*n)), 3),
            // `ESC d n` prints the buffered text as a line and feeds n lines.
            [0x1B, b'd', n, ..] => {
                pieces.push(Piece::Line(std::mem::take(&mut text)));
                (Some(Piece::Feed(*n)), 3)
            }
            [0x1D, b'!', n, ..] => (Some(Piece::Size(*n)), 3),
            [0x1D, b'V', b'A', _, ..] => (Some(Piece::Cut), 4),
            [0x1B, b'p', pin, on, off, ..] => (
                Some(Piece::DrawerKick {
                    pin: *pin,
                    on: *on,
                    off: *off,
                }),
                5,
            ),
            [0x0A, ..] => (Some(Piece::Line(std::mem::take(&mut text))), 1),
            [0x1B | 0x1D, ..] => panic!(
                "unexpected command at byte {index}: {:02X?}",
                &rest[..rest.len().min(6)]
            ),
            [byte, ..] => {
                text.push(*byte);
                (None, 1)
            }
            [] => unreachable!(),
        };
        pieces.extend(piece);
        index += used;
    }
    assert!(
        text.is_empty(),
        "text after the last line feed: {text:02X?}"
    );
    // Feeds without buffered text are not lines.
    pieces.retain(|piece| !matches!(piece, Piece::Line(bytes) if bytes.is_empty()));
    pieces
}

fn lines(pieces: &[Piece]) -> Vec<String> {
    pieces
        .iter()
        .filter_map(|piece| match piece {
            // Non-ASCII bytes are code-page specific; show them as '#'.
            Piece::Line(bytes) => Some(
                bytes
                    .iter()
                    .map(|&b| if b.is_ascii() { char::from(b) } else { '#' })
                    .collect(),
            ),
            _ => None,
        })
        .collect()
}

fn options(paper: PaperWidth, code_page: ReceiptCodePage) -> ReceiptPrintOptions {
    ReceiptPrintOptions {
        paper,
        code_page,
        drawer: DrawerKick::WhenPaidInCash,
    }
}

fn render(order: &DocumentOrder, options: &ReceiptPrintOptions) -> Vec<u8> {
    render_receipt(
        &samples::shop(),
        order,
        DocumentLocale::for_country("DE"),
        options,
    )
    .unwrap()
}

/// Starts a one-connection "printer" on 127.0.0.1 and returns its port and what it got.
fn fake_printer() -> (u16, thread::JoinHandle<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut received = Vec::new();
        stream.read_to_end(&mut received).unwrap();
        received
    });
    (port, handle)
}

#[test]
fn cash_receipt_reaches_a_network_printer_with_text_cut_and_drawer_kick() {
    let order = samples::cash_order();
    let bytes = render(&order, &options(PaperWidth::Mm80, ReceiptCodePage::Western));
    let (port, printer) = fake_printer();
    let address = PrinterAddress::network(&format!("127.0.0.1:{port}"));
    send_to_printer(&address, &bytes, PrinterTimeouts::default()).unwrap();
    let received = printer.join().unwrap();
    assert_eq!(
        received, bytes,
        "the printer receives exactly the rendered bytes"
    );

    let pieces = decode(&received);
    assert_eq!(
        pieces[0],
        Piece::Initialise,
        "the stream starts by initialising the printer"
    );
    assert_eq!(
        pieces[1],
        Piece::CodePage(19),
        "then selects PC858 (ESC t 19)"
    );
    let text = lines(&pieces);
    let total = text
        .iter()
        .find(|line| line.starts_with("TOTAL EUR"))
        .expect("a total line");
    assert!(
        total.ends_with("227,38") && total.len() == 48,
        "total flush right on 48 columns: {total:?}"
    );
    assert!(
        text.iter()
            .any(|line| line.starts_with("Cash") && line.ends_with("500,00"))
    );
    assert!(
        text.iter()
            .any(|line| line.starts_with("Change") && line.ends_with("272,62"))
    );
    assert!(
        text.iter().any(|line| line.ends_with("S01-R01-000043")),
        "the order reference"
    );
    assert!(
        text.iter().all(|line| line.chars().count() <= 48),
        "no line is wider than 80 mm paper"
    );
    let kaffee = pieces.iter().find_map(|piece| match piece {
        Piece::Line(bytes) if bytes.starts_with(b"Kaffeebohnen ") => Some(bytes.clone()),
        _ => None,
    });
    assert_eq!(kaffee.unwrap()[13], 0x8E, "Ä is PC858's 0x8E, not UTF-8");

    let cut = pieces
        .iter()
        .position(|piece| *piece == Piece::Cut)
        .expect("the paper is cut");
    let last_line = pieces
        .iter()
        .rposition(|piece| matches!(piece, Piece::Line(_)))
        .unwrap();
    assert!(cut > last_line, "the cut comes after the last line");
    assert_eq!(
        pieces.last(),
        Some(&Piece::DrawerKick {
            pin: 0,
            on: 25,
            off: 250
        }),
        "a cash sale ends with the full five-byte drawer kick"
    );
}

#[test]
fn card_receipt_does_not_open_the_drawer() {
    let bytes = render(
        &samples::order(),
        &options(PaperWidth::Mm80, ReceiptCodePage::Western),
    );
    let pieces = decode(&bytes);
    assert!(
        !pieces
            .iter()
            .any(|piece| matches!(piece, Piece::DrawerKick { .. })),
        "no cash, no kick"
    );
    assert_eq!(pieces.last(), Some(&Piece::Cut));
}

#[test]
fn narrow_paper_keeps_every_line_within_32_characters() {
    let bytes = render(
        &samples::cash_order(),
        &options(PaperWidth::Mm58, ReceiptCodePage::Western),
    );
    let text = lines(&decode(&bytes));
    for line in &text {
        assert!(
            line.chars().count() <= 32,
            "{line:?} is wider than 58 mm paper"
        );
    }
    let total = text
        .iter()
        .find(|line| line.starts_with("TOTAL EUR"))
        .unwrap();
    assert_eq!(
        total.len(),
        32,
        "the total is flush right on 32 columns: {total:?}"
    );
}

#[test]
fn greek_and_cyrillic_print_in_their_code_pages_and_elsewhere_as_question_marks() {
    let order = samples::order();
    let greek = lines(&decode(&render(
        &order,
        &options(PaperWidth::Mm80, ReceiptCodePage::Greek),
    )));
    let olives = greek
        .iter()
        .find(|line| line.starts_with('#'))
        .expect("the Greek product line");
    assert!(
        !olives.contains('?'),
        "PC737 has the Greek letters: {olives:?}"
    );
    let cyrillic_bytes = render(
        &order,
        &options(PaperWidth::Mm80, ReceiptCodePage::Cyrillic),
    );
    assert!(
        decode(&cyrillic_bytes).contains(&Piece::CodePage(17)),
        "PC866 is ESC t 17"
    );
    let western = lines(&decode(&render(
        &order,
        &options(PaperWidth::Mm80, ReceiptCodePage::Western),
    )));
    assert!(
        western.iter().any(|line| line.starts_with("????? ")),
        "Greek in the Western page prints as '?', not as UTF-8 garbage"
    );
}

#[test]
fn printing_to_a_file_writes_the_receipt_bytes() {
    let bytes = render(
        &samples::cash_order(),
        &options(PaperWidth::Mm80, ReceiptCodePage::Western),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("receipt.escpos");
    send_to_printer(
        &PrinterAddress::File(path.clone()),
        &bytes,
        PrinterTimeouts::default(),
    )
    .unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_printer_that_is_not_there_is_named_in_the_error() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let address = PrinterAddress::network(&format!("127.0.0.1:{port}"));
    let error = send_to_printer(&address, b"\x1b@", PrinterTimeouts::default()).unwrap_err();
    assert!(matches!(error, PrintError::Connect { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains(&format!("printer 127.0.0.1:{port}")),
        "{error}"
    );
}

#[test]
fn a_missing_device_says_which_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("usb-lp-that-does-not-exist");
    let error = send_to_printer(
        &PrinterAddress::Device(path.clone()),
        b"\x1b@",
        PrinterTimeouts::default(),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains(&path.display().to_string()),
        "{error}"
    );
}

#[test]
fn a_printer_that_stops_reading_times_out_with_a_message() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (done, wait) = std::sync::mpsc::channel::<()>();
    // Accepts and then never reads, like a printer with its cover open.
    let stalled = thread::spawn(move || {
        let (_stream, _) = listener.accept().unwrap();
        let _ = wait.recv_timeout(Duration::from_secs(30));
    });
    let timeouts = PrinterTimeouts {
        connect: Duration::from_secs(3),
        write: Duration::from_secs(1),
    };
    // Far more than the loopback socket buffers hold.
    let flood = vec![b'x'; 64 * 1024 * 1024];
    let address = PrinterAddress::network(&format!("127.0.0.1:{port}"));
    let error = send_to_printer(&address, &flood, timeouts).unwrap_err();
    done.send(()).unwrap();
    stalled.join().unwrap();
    assert!(matches!(error, PrintError::WriteTimeout { .. }), "{error}");
    assert!(
        error.to_string().contains(&format!(
            "printer 127.0.0.1:{port} stopped taking data for 1 s"
        )),
        "{error}"
    );
}

/// The line that starts with `label`.
fn line_starting<'l>(text: &'l [String], label: &str) -> &'l str {
    text.iter()
        .find(|line| line.starts_with(label))
        .unwrap_or_else(|| panic!("no line starts with {label:?}: {text:#?}"))
}

#[test]
fn promotion_receipt_prints_coupon_shipping_rounding_and_the_gift_card() {
    for (paper, width) in [(PaperWidth::Mm80, 48), (PaperWidth::Mm58, 32)] {
        let bytes = render(
            &samples::promo_order(),
            &options(paper, ReceiptCodePage::Western),
        );
        let pieces = decode(&bytes);
        let text = lines(&pieces);
        for (label, amount) in [
            ("Items total", "251,38"),
            ("Coupon SPRING10", "-2,00"),
            // The em dash is not in PC858: it prints as a hyphen, not as '?'.
            ("Shipping - Standard post", "4,90"),
            ("TOTAL EUR", "254,28"),
            ("Cash rounding", "0,02"),
            ("Amount paid in cash", "254,30"),
            // Two spaces: not "Cash rounding".
            ("Cash  ", "260,00"),
            ("Change", "5,70"),
            ("Value", "25,00 EUR"),
            ("Valid until", "2028-12-31"),
        ] {
            let line = line_starting(&text, label);
            assert!(
                line.ends_with(amount) && line.len() == width,
                "{label}: {amount} flush right on {width} columns: {line:?}"
            );
        }
        assert!(
            text.iter().any(|line| line == "  Discount -1,00"),
            "the line discount under the coffee"
        );
        let position = |wanted: &str| {
            text.iter()
                .position(|line| line.starts_with(wanted))
                .unwrap()
        };
        assert!(position("Items total") < position("Coupon SPRING10"));
        assert!(position("Coupon SPRING10") < position("Shipping"));
        assert!(position("Shipping") < position("TOTAL EUR"));
        assert!(position("TOTAL EUR") < position("Cash rounding"));
        assert!(position("Cash rounding") < position("Amount paid in cash"));
        assert!(position("Amount paid in cash") < position("Cash  "));

        // The gift card section: framed by rules of '=', heading, the code on its own line.
        let heading = position("Gift cards issued");
        assert!(heading > position("Change"));
        assert_eq!(text[heading - 1], "=".repeat(width), "the frame opens");
        assert_eq!(
            text[heading + 1],
            samples::GIFT_CARD_CODE,
            "the code, whole"
        );
        assert_eq!(text[heading + 4], "=".repeat(width), "the frame closes");
        assert!(heading + 4 < position("Thank you"));
        let code_at = pieces
            .iter()
            .position(|piece| *piece == Piece::Line(samples::GIFT_CARD_CODE.as_bytes().to_vec()))
            .unwrap();
        let size = pieces[..code_at]
            .iter()
            .rev()
            .find_map(|piece| match piece {
                Piece::Size(size) => Some(*size),
                _ => None,
            })
            .unwrap();
        // GS ! n: width factor - 1 in the high nibble, height factor - 1 in the low one.
        let expected = if width == 48 { 0x11 } else { 0x01 };
        assert_eq!(
            size, expected,
            "the code prints double size when it fits, double height at least"
        );
        assert!(
            pieces[..code_at]
                .iter()
                .rev()
                .find(|piece| matches!(piece, Piece::Bold(_)))
                == Some(&Piece::Bold(1)),
            "the code is bold"
        );
        for line in &text {
            assert!(
                line.chars().count() <= width,
                "{line:?} is wider than the paper"
            );
        }
        assert_eq!(
            pieces.last(),
            Some(&Piece::DrawerKick {
                pin: 0,
                on: 25,
                off: 250
            }),
            "paid in cash: the drawer opens"
        );
    }
}

#[test]
fn a_plain_sale_prints_no_new_rows() {
    let text = lines(&decode(&render(
        &samples::cash_order(),
        &options(PaperWidth::Mm80, ReceiptCodePage::Western),
    )));
    for absent in [
        "Items total",
        "Coupon",
        "Shipping",
        "Discount",
        "Cash rounding",
        "Amount paid in cash",
        "Gift cards issued",
        "=====",
    ] {
        assert!(
            !text.iter().any(|line| line.contains(absent)),
            "{absent:?} is printed only when there is one"
        );
    }
}

#[test]
fn gift_card_codes_too_long_for_the_paper_wrap_and_several_cards_are_separated() {
    let mut order = samples::promo_order();
    let long = "GIFT-0123456789-ABCDEFGHIJ-KLMNOPQRST".to_owned();
    let mut second = order.gift_cards[0].clone();
    second.code = long.clone();
    second.expires_on = None;
    order.gift_cards.push(second);
    let text = lines(&decode(&render(
        &order,
        &options(PaperWidth::Mm58, ReceiptCodePage::Western),
    )));
    let first = text
        .iter()
        .position(|line| line == samples::GIFT_CARD_CODE)
        .unwrap();
    let start = text
        .iter()
        .position(|line| long.starts_with(line.as_str()) && !line.is_empty())
        .unwrap();
    assert!(start > first, "the cards in order");
    assert_eq!(
        text[start - 1],
        "-".repeat(16),
        "a short rule between two cards"
    );
    assert_eq!(
        format!("{}{}", text[start], text[start + 1]),
        long,
        "the long code on two lines, nothing lost"
    );
    assert!(line_starting(&text, "Value").ends_with("25,00 EUR"));
    assert_eq!(
        text.iter()
            .filter(|line| line.starts_with("Valid until"))
            .count(),
        1,
        "only the first card expires"
    );
}

#[test]
fn cash_on_delivery_does_not_open_the_drawer() {
    let mut order = samples::cash_order();
    for payment in &mut order.payments {
        payment.method = kassa_documents::PaymentMethod::CashOnDelivery;
    }
    let pieces = decode(&render(
        &order,
        &options(PaperWidth::Mm80, ReceiptCodePage::Western),
    ));
    assert!(
        !pieces
            .iter()
            .any(|piece| matches!(piece, Piece::DrawerKick { .. })),
        "the carrier collects cash on delivery, not the till"
    );
    assert!(
        lines(&pieces)
            .iter()
            .any(|line| line.starts_with("Cash on delivery") && line.ends_with("500,00"))
    );
}

#[test]
fn z_report_prints_in_two_columns_with_a_cut_and_no_drawer_kick() {
    let report = samples::z_report();
    for (paper, width) in [(PaperWidth::Mm58, 32), (PaperWidth::Mm80, 48)] {
        let bytes = kassa_documents::render_report(
            &samples::shop(),
            &report,
            &options(paper, ReceiptCodePage::Western),
        )
        .unwrap();
        let pieces = decode(&bytes);
        let printed = lines(&pieces);
        assert!(
            printed.iter().any(|line| line == "Z report 12"),
            "{printed:#?}"
        );
        assert!(
            printed.iter().all(|line| line.len() <= width),
            "{printed:#?}"
        );
        let difference = printed
            .iter()
            .find(|line| line.starts_with("Cash difference"))
            .unwrap();
        assert!(
            difference.ends_with("-0,50 EUR"),
            "label and value on one line: {difference}"
        );
        assert_eq!(difference.len(), width, "the value is right-aligned");
        assert!(
            printed.join(" ").contains("Window cleaner, paid"),
            "a long label wraps, it is not cut: {printed:#?}"
        );
        assert!(pieces.contains(&Piece::Cut));
        assert!(
            pieces.contains(&Piece::Bold(1)),
            "totals and differences are bold"
        );
        assert!(
            !pieces
                .iter()
                .any(|piece| matches!(piece, Piece::DrawerKick { .. })),
            "a report never opens the drawer"
        );
    }
}
