//! The till receipt as ESC/POS bytes for a thermal roll printer (58 or 80 mm paper).
//!
//! The `escpos` crate builds the command stream: initialise, code page, justification,
//! bold, text size, text encoded through its code-page tables, and the cut. Two of its
//! parts do not fit and are not used:
//! - its cash-drawer command is `ESC p m` without the two pulse-time bytes the command
//!   takes (`ESC p m t1 t2`), so a printer would swallow the next two bytes of the stream
//!   as timings; the kick is sent as the full five-byte command instead;
//! - its drivers print through a `Printer` that owns the connection, and its network
//!   driver takes only an IP literal when given a timeout and reports errors without the
//!   address. Rendering therefore goes to memory, and `printer` delivers the bytes.
//!
//! Text is encoded here, with the crate's code-page tables used as a lookup only: ASCII goes
//! out as itself (the crate's PC858 table turns '-' into the soft hyphen 0xF0), and
//! characters the chosen code page lacks print as `?` rather than as the two or three UTF-8
//! bytes the crate would otherwise send (which print as several wrong symbols).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use escpos::driver::Driver;
use escpos::printer::Printer;
use escpos::printer_options::PrinterOptions;
use escpos::utils::{JustifyMode, PageCode, Protocol};
use rust_decimal::Decimal;

use crate::error::PrintError;
use crate::locale::DocumentLocale;
use crate::model::{DocumentOrder, ReportDocument, ShopDetails};

/// `ESC p 0 t1 t2`: pulse pin 2 for 50 ms on, 500 ms off (units of 2 ms).
pub(crate) const DRAWER_KICK: [u8; 5] = [0x1B, b'p', 0, 25, 250];

/// Width of the paper roll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperWidth {
    /// 58 mm paper: 32 characters per line in font A.
    Mm58,
    /// 80 mm paper: 48 characters per line in font A.
    Mm80,
}

impl PaperWidth {
    /// Characters per line in the printer's standard font.
    pub fn characters_per_line(self) -> usize {
        match self {
            Self::Mm58 => 32,
            Self::Mm80 => 48,
        }
    }
}

/// Which of the printer's code pages the receipt is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptCodePage {
    /// PC858: Western European letters and the euro sign.
    Western,
    /// PC737: Greek.
    Greek,
    /// PC866: Cyrillic.
    Cyrillic,
}

impl ReceiptCodePage {
    fn page_code(self) -> PageCode {
        match self {
            Self::Western => PageCode::PC858,
            Self::Greek => PageCode::PC737,
            Self::Cyrillic => PageCode::PC866,
        }
    }
}

/// When the cash drawer opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrawerKick {
    /// Never (a printer without a drawer, or a reprint).
    Never,
    /// After the receipt, when any payment was made in cash.
    WhenPaidInCash,
}

/// How a receipt is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReceiptPrintOptions {
    /// Paper roll width.
    pub paper: PaperWidth,
    /// Code page for the text.
    pub code_page: ReceiptCodePage,
    /// Whether to open the cash drawer.
    pub drawer: DrawerKick,
}

/// Collects what the `escpos` printer writes.
#[derive(Clone, Default)]
struct MemoryDriver {
    bytes: Rc<RefCell<Vec<u8>>>,
}

impl Driver for MemoryDriver {
    fn name(&self) -> String {
        "memory".to_owned()
    }

    fn write(&self, data: &[u8]) -> escpos::errors::Result<()> {
        self.bytes.borrow_mut().extend_from_slice(data);
        Ok(())
    }

    fn read(&self, _buf: &mut [u8]) -> escpos::errors::Result<usize> {
        Ok(0)
    }

    fn flush(&self) -> escpos::errors::Result<()> {
        Ok(())
    }
}

/// A receipt being written: the printer on a memory driver, the code-page encoder and the
/// characters per line. Every renderer starts one the same way and ends with the bytes.
struct Ticket {
    printer: Printer<MemoryDriver>,
    encoder: CodePageEncoder,
    driver: MemoryDriver,
    width: usize,
}

impl Ticket {
    /// A printer for the paper and code page of `options`, initialised.
    fn start(options: &ReceiptPrintOptions) -> Result<Self, PrintError> {
        let width = options.paper.characters_per_line();
        let page = options.code_page.page_code();
        let driver = MemoryDriver::default();
        let printer_options =
            PrinterOptions::new(Some(page), None, u8::try_from(width).unwrap_or(48));
        let mut printer = Printer::new(driver.clone(), Protocol::default(), Some(printer_options));
        printer.init().map_err(encode_error)?;
        Ok(Self {
            printer,
            encoder: CodePageEncoder::new(page),
            driver,
            width,
        })
    }

    /// The bytes written, after a feed and the cut.
    fn cut(mut self) -> Result<Vec<u8>, PrintError> {
        self.printer
            .feeds(3)
            .and_then(|p| p.cut())
            .map_err(encode_error)?;
        self.bytes()
    }

    /// The bytes written so far.
    fn bytes(mut self) -> Result<Vec<u8>, PrintError> {
        self.printer.print().map_err(encode_error)?;
        let bytes = self.driver.bytes.borrow().clone();
        Ok(bytes)
    }
}

fn encode_error(error: escpos::errors::PrinterError) -> PrintError {
    PrintError::Encode(error.to_string())
}

/// Encodes text for the printer's code page: ASCII as itself, other characters through the
/// `escpos` tables, and `?` for characters the page lacks.
struct CodePageEncoder {
    page: PageCode,
    known: HashMap<char, Option<u8>>,
}

impl CodePageEncoder {
    fn new(page: PageCode) -> Self {
        Self {
            page,
            known: HashMap::new(),
        }
    }

    fn byte(&mut self, character: char) -> Option<u8> {
        if character.is_ascii() {
            // ASCII bypasses the crate's tables: its PC858 table maps '-' to 0xF0 (the
            // soft hyphen), which some printers draw as a blank.
            return u8::try_from(character)
                .ok()
                .filter(|_| !character.is_ascii_control());
        }
        let page = self.page;
        *self.known.entry(character).or_insert_with(|| {
            // The crate's tables are private; a character is in the page exactly when the
            // crate encodes it as one byte (otherwise it falls back to UTF-8).
            let driver = MemoryDriver::default();
            let options = PrinterOptions::new(Some(page), None, 48);
            let mut probe = Printer::new(driver.clone(), Protocol::default(), Some(options));
            let written = probe
                .write(character.encode_utf8(&mut [0; 4]))
                .and_then(|printer| printer.print());
            let bytes = driver.bytes.borrow();
            match (written, bytes.as_slice()) {
                (Ok(_), [byte]) => Some(*byte),
                _ => None,
            }
        })
    }

    fn encode(&mut self, text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| self.byte(c).or_else(|| ascii_stand_in(c)).unwrap_or(b'?'))
            .collect()
    }
}

/// An ASCII character that prints in place of typographic punctuation the code page lacks
/// (a coupon or carrier name with a dash, amounts grouped with a narrow space).
fn ascii_stand_in(character: char) -> Option<u8> {
    match character {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some(b'-'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' => Some(b'\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' => Some(b'"'),
        '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}' => Some(b' '),
        _ => None,
    }
}

/// Writes one line of text and feeds the paper by one line.
fn line(
    printer: &mut Printer<MemoryDriver>,
    encoder: &mut CodePageEncoder,
    text: &str,
) -> Result<(), PrintError> {
    printer
        .custom(&encoder.encode(text))
        .and_then(|p| p.feed())
        .map(|_| ())
        .map_err(encode_error)
}

/// `left` and `right` on one line of `width` characters, `right` flush right; when both do
/// not fit, `left` is wrapped onto lines of its own.
fn two_columns(left: &str, right: &str, width: usize) -> Vec<String> {
    let left_len = left.chars().count();
    let right_len = right.chars().count();
    if left_len + 1 + right_len <= width {
        let gap = width - left_len - right_len;
        vec![format!("{left}{}{right}", " ".repeat(gap))]
    } else {
        let mut lines = wrap(left, width);
        lines.push(format!("{right:>width$}"));
        lines
    }
}

/// Words of `text` broken into lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word: String = word.chars().take(width).collect();
        let needed = line.chars().count() + word.chars().count() + usize::from(!line.is_empty());
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Renders the receipt for `order` as ESC/POS bytes, ending with a cut (and the drawer kick
/// when asked for and paid in cash).
pub fn render_receipt(
    shop: &ShopDetails,
    order: &DocumentOrder,
    locale: DocumentLocale,
    options: &ReceiptPrintOptions,
) -> Result<Vec<u8>, PrintError> {
    let mut ticket = Ticket::start(options)?;
    let width = ticket.width;
    let money = |amount: Decimal| locale.numbers.format_amount(amount, &order.currency);
    let rule = "-".repeat(width);

    let (printer, encoder) = (&mut ticket.printer, &mut ticket.encoder);
    printer
        .justify(JustifyMode::CENTER)
        .and_then(|p| p.bold(true))
        .and_then(|p| p.size(1, 2))
        .map_err(encode_error)?;
    for text in wrap(&shop.name, width) {
        line(printer, encoder, &text)?;
    }
    printer
        .reset_size()
        .and_then(|p| p.bold(false))
        .map_err(encode_error)?;
    let mut header: Vec<String> = shop.address_lines.clone();
    header.push(format!("Tax ID {}", shop.tax_id));
    for text in header {
        line(printer, encoder, &text)?;
    }
    printer.justify(JustifyMode::LEFT).map_err(encode_error)?;

    let mut body = vec![rule.clone()];
    body.extend(two_columns("Receipt", &order.reference, width));
    body.extend(two_columns(
        "Date",
        &locale.dates.format_date_time(order.ordered_at),
        width,
    ));
    if let Some(invoice) = &order.invoice {
        body.extend(two_columns("Invoice", &invoice.number, width));
    }
    body.push(rule.clone());
    for line in &order.lines {
        body.extend(wrap(&line.name, width));
        let detail = format!(
            "  {} x {}",
            locale.numbers.format_quantity(line.quantity),
            money(line.unit_price)
        );
        body.extend(two_columns(&detail, &money(line.line_total), width));
        if !line.discount.is_zero() {
            body.push(format!("  Discount {}", money(-line.discount.abs())));
        }
    }
    body.push(rule.clone());
    if !order.adjustments.is_empty() {
        body.extend(two_columns("Items total", &money(order.items_total), width));
        for adjustment in &order.adjustments {
            body.extend(two_columns(
                &adjustment.label,
                &money(adjustment.amount),
                width,
            ));
        }
    }
    body.extend(two_columns("Subtotal (net)", &money(order.subtotal), width));
    for row in &order.tax_breakdown {
        let label = format!("{} on {}", row.label, money(row.base));
        body.extend(two_columns(&label, &money(row.tax), width));
    }
    for text in body {
        line(printer, encoder, &text)?;
    }

    // The total in double height and bold: the one number the customer looks for.
    let total_label = format!("TOTAL {}", order.currency.code);
    printer
        .bold(true)
        .and_then(|p| p.size(1, 2))
        .map_err(encode_error)?;
    for text in two_columns(&total_label, &money(order.total), width) {
        line(printer, encoder, &text)?;
    }
    printer
        .reset_size()
        .and_then(|p| p.bold(false))
        .map_err(encode_error)?;
    if !order.cash_rounding.is_zero() {
        for text in two_columns("Cash rounding", &money(order.cash_rounding), width) {
            line(printer, encoder, &text)?;
        }
        printer.bold(true).map_err(encode_error)?;
        let payable = money(order.amount_payable());
        for text in two_columns("Amount paid in cash", &payable, width) {
            line(printer, encoder, &text)?;
        }
        printer.bold(false).map_err(encode_error)?;
    }

    let mut tail = Vec::new();
    for payment in &order.payments {
        tail.extend(two_columns(
            payment.method.label(),
            &money(payment.amount),
            width,
        ));
        if let Some(reference) = &payment.reference {
            tail.push(format!("  Ref. {reference}"));
        }
    }
    if !order.change_due.is_zero() {
        tail.extend(two_columns("Change", &money(order.change_due), width));
    }
    if order.gift_cards.is_empty() {
        tail.push(rule);
    }
    for text in tail {
        line(printer, encoder, &text)?;
    }
    if !order.gift_cards.is_empty() {
        gift_cards(printer, encoder, order, locale, width)?;
    }
    printer.justify(JustifyMode::CENTER).map_err(encode_error)?;
    line(printer, encoder, "Thank you for your purchase!")?;
    printer
        .feeds(3)
        .and_then(|p| p.cut())
        .map_err(encode_error)?;
    if options.drawer == DrawerKick::WhenPaidInCash && order.has_cash_payment() {
        printer.custom(&DRAWER_KICK).map_err(encode_error)?;
    }
    ticket.bytes()
}

/// A test page for setting up a receipt printer: the shop's name, what the app sends to
/// (`destination`, e.g. `tcp:192.168.1.50:9100`), the paper width with a ruler exactly one
/// line wide (so a wrong width shows at once), the code page's accented letters and the
/// cut. It never opens the cash drawer.
pub fn render_test_page(
    shop: &ShopDetails,
    destination: &str,
    printed_at: &str,
    options: &ReceiptPrintOptions,
) -> Result<Vec<u8>, PrintError> {
    let mut ticket = Ticket::start(options)?;
    let width = ticket.width;
    let (printer, encoder) = (&mut ticket.printer, &mut ticket.encoder);
    printer
        .justify(JustifyMode::CENTER)
        .and_then(|p| p.bold(true))
        .map_err(encode_error)?;
    line(printer, encoder, "PRINTER TEST")?;
    printer.bold(false).map_err(encode_error)?;
    for text in wrap(&shop.name, width) {
        line(printer, encoder, &text)?;
    }
    printer.justify(JustifyMode::LEFT).map_err(encode_error)?;
    let ruler: String = (1..=width)
        .map(|column| char::from_digit(u32::try_from(column % 10).unwrap_or(0), 10).unwrap_or('0'))
        .collect();
    let mut body = vec!["-".repeat(width)];
    body.extend(two_columns("Printer", destination, width));
    body.extend(two_columns(
        "Paper",
        &format!("{} characters a line", width),
        width,
    ));
    body.extend(two_columns("Printed", printed_at, width));
    body.push(ruler);
    body.push("Accents: é è ê ë à ç ô ü ñ ß".to_owned());
    body.push("-".repeat(width));
    body.push("If the ruler above fits on one line,".to_owned());
    body.push("the paper width is right.".to_owned());
    for text in body {
        for wrapped in wrap(&text, width) {
            line(printer, encoder, &wrapped)?;
        }
    }
    ticket.cut()
}

/// A report of figures (a register's X or Z report) for the receipt printer: the shop's
/// name, the title in bold, the header lines, then per section a heading and label/value
/// rows in two columns (emphasis in bold), a feed and the cut. It never opens the drawer.
pub fn render_report(
    shop: &ShopDetails,
    report: &ReportDocument,
    options: &ReceiptPrintOptions,
) -> Result<Vec<u8>, PrintError> {
    let mut ticket = Ticket::start(options)?;
    let width = ticket.width;
    let (printer, encoder) = (&mut ticket.printer, &mut ticket.encoder);
    printer.justify(JustifyMode::CENTER).map_err(encode_error)?;
    for text in wrap(&shop.name, width) {
        line(printer, encoder, &text)?;
    }
    printer.bold(true).map_err(encode_error)?;
    for text in wrap(&report.title, width) {
        line(printer, encoder, &text)?;
    }
    printer.bold(false).map_err(encode_error)?;
    for header in &report.lines {
        for text in wrap(header, width) {
            line(printer, encoder, &text)?;
        }
    }
    printer.justify(JustifyMode::LEFT).map_err(encode_error)?;
    for section in &report.sections {
        line(printer, encoder, &"-".repeat(width))?;
        printer.bold(true).map_err(encode_error)?;
        for text in wrap(&section.heading, width) {
            line(printer, encoder, &text)?;
        }
        printer.bold(false).map_err(encode_error)?;
        for row in &section.rows {
            printer.bold(row.emphasis).map_err(encode_error)?;
            for text in two_columns(&row.label, &row.value, width) {
                line(printer, encoder, &text)?;
            }
        }
        printer.bold(false).map_err(encode_error)?;
    }
    line(printer, encoder, &"-".repeat(width))?;
    ticket.cut()
}

/// The "Gift cards issued" section between two rules of `=`: per card the code in bold
/// double size (double height only when it is too long for double width), then its value
/// and last day.
fn gift_cards(
    printer: &mut Printer<MemoryDriver>,
    encoder: &mut CodePageEncoder,
    order: &DocumentOrder,
    locale: DocumentLocale,
    width: usize,
) -> Result<(), PrintError> {
    let frame = "=".repeat(width);
    line(printer, encoder, &frame)?;
    // Centred throughout: the value and date lines fill the width, so centring leaves
    // them as they are.
    printer
        .justify(JustifyMode::CENTER)
        .and_then(|p| p.bold(true))
        .map_err(encode_error)?;
    line(printer, encoder, "Gift cards issued")?;
    for (index, card) in order.gift_cards.iter().enumerate() {
        if index > 0 {
            line(printer, encoder, &"-".repeat(width / 2))?;
            printer.bold(true).map_err(encode_error)?;
        }
        let (size, per_line) = if card.code.chars().count() <= width / 2 {
            (2, width / 2)
        } else {
            (1, width)
        };
        printer.size(size, 2).map_err(encode_error)?;
        let characters: Vec<char> = card.code.chars().collect();
        for chunk in characters.chunks(per_line.max(1)) {
            line(printer, encoder, &chunk.iter().collect::<String>())?;
        }
        printer
            .reset_size()
            .and_then(|p| p.bold(false))
            .map_err(encode_error)?;
        let value = locale.numbers.format_money(card.amount, &order.currency);
        let mut details = two_columns("Value", &value, width);
        if let Some(day) = card.expires_on {
            details.extend(two_columns(
                "Valid until",
                &locale.dates.format_date(day),
                width,
            ));
        }
        for text in details {
            line(printer, encoder, &text)?;
        }
    }
    printer.justify(JustifyMode::LEFT).map_err(encode_error)?;
    line(printer, encoder, &frame)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_sit_flush_right_on_the_line() {
        assert_eq!(
            two_columns("Total", "9.99", 12),
            vec!["Total   9.99".to_owned()]
        );
    }

    #[test]
    fn a_long_label_gets_its_own_line_and_the_amount_stays_right() {
        let lines = two_columns("A very long product name", "12.00", 16);
        assert_eq!(lines, ["A very long", "product name", "           12.00"]);
    }

    #[test]
    fn characters_outside_the_code_page_become_question_marks() {
        let mut western = CodePageEncoder::new(PageCode::PC858);
        assert_eq!(
            western.encode("Café €5 Ωμ-"),
            b"Caf\x82 \xD55 ??-",
            "PC858: é 0x82, € 0xD5"
        );
        let mut dashes = CodePageEncoder::new(PageCode::PC858);
        assert_eq!(
            dashes.encode("Shipping — post – 1\u{202f}234 “a” ’"),
            b"Shipping - post - 1 234 \"a\" '",
            "typographic punctuation prints as its ASCII look-alike"
        );
        let mut cyrillic = CodePageEncoder::new(PageCode::PC866);
        assert_eq!(cyrillic.encode("Чай"), [0x97, 0xA0, 0xA9], "PC866");
    }
}
