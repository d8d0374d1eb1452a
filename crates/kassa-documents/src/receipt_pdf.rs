//! The till receipt as a PDF on 80 mm paper: one narrow page as tall as its content, for
//! e-mailing the receipt or printing it on a roll printer driven by the system's print
//! dialog. The layout mirrors the ESC/POS receipt.
#![allow(
    clippy::float_arithmetic,
    reason = "page coordinates in points, never money"
)]

use rust_decimal::Decimal;

use crate::blocks;
use crate::canvas::{Align, Canvas, TextStyle, Tone};
use crate::fonts::{Fonts, Weight};
use crate::locale::DocumentLocale;
use crate::model::{DocumentOrder, ReportDocument, ShopDetails};
use crate::pages::{PT_PER_MM, SizedPage};

const WIDTH_MM: f32 = 80.0;
const MARGIN: f32 = 12.0;
const LINE: f32 = 10.5;
const TEXT: TextStyle = TextStyle::new(Weight::Regular, 7.8, Tone::Ink);
const SOFT: TextStyle = TextStyle::new(Weight::Regular, 7.2, Tone::Muted);
const STRONG: TextStyle = TextStyle::new(Weight::Bold, 7.8, Tone::Ink);

/// Lays out the receipt; the page height is fitted to what was drawn.
pub(crate) fn receipt_page<'f>(
    fonts: &'f Fonts,
    locale: DocumentLocale,
    shop: &ShopDetails,
    order: &DocumentOrder,
) -> SizedPage<'f> {
    let width = WIDTH_MM * PT_PER_MM;
    let left = MARGIN;
    let right = width - MARGIN;
    let centre = width / 2.0;
    let room = right - left;
    let money = |amount: Decimal| locale.numbers.format_amount(amount, &order.currency);
    let mut canvas = Canvas::new(fonts, width);
    let mut y = MARGIN + 10.0;

    y = shop_header(fonts, &mut canvas, shop, y, centre, room);
    canvas.text(
        centre,
        y,
        SOFT,
        Align::Center,
        &format!("Tax ID {}", shop.tax_id),
    );
    y += 6.0;
    y = divider(&mut canvas, y, left, room);

    let mut facts = vec![
        ("Receipt", order.reference.clone()),
        ("Date", locale.dates.format_date_time(order.ordered_at)),
    ];
    if let Some(invoice) = &order.invoice {
        facts.push(("Invoice", invoice.number.clone()));
    }
    if let Some(customer) = &order.customer {
        facts.push(("Customer", customer.name.clone()));
    }
    for (label, value) in &facts {
        canvas.text(left, y, SOFT, Align::Left, label);
        canvas.text(right, y, TEXT, Align::Right, value);
        y += LINE;
    }
    y = divider(&mut canvas, y - 4.0, left, room);

    for line in &order.lines {
        for part in fonts.wrap(TEXT.weight, TEXT.size, &line.name, room) {
            canvas.text(left, y, TEXT, Align::Left, &part);
            y += LINE;
        }
        let detail = format!(
            "{} × {}   {}",
            locale.numbers.format_quantity(line.quantity),
            money(line.unit_price),
            line.tax_label
        );
        canvas.text(left + 8.0, y, SOFT, Align::Left, &detail);
        canvas.text(right, y, TEXT, Align::Right, &money(line.line_total));
        if !line.discount.is_zero() {
            y += LINE;
            let discount = format!("Discount {}", money(-line.discount.abs()));
            canvas.text(left + 8.0, y, SOFT, Align::Left, &discount);
        }
        y += LINE + 3.0;
    }
    y = divider(&mut canvas, y - 4.0, left, room);

    if !order.adjustments.is_empty() {
        canvas.text(left, y, TEXT, Align::Left, "Items total");
        canvas.text(right, y, TEXT, Align::Right, &money(order.items_total));
        y += LINE;
        for adjustment in &order.adjustments {
            let amount = money(adjustment.amount);
            let room = room - 8.0 - fonts.width(TEXT.weight, TEXT.size, &amount);
            let label = fonts.fit(TEXT.weight, TEXT.size, &adjustment.label, room);
            canvas.text(left, y, TEXT, Align::Left, &label);
            canvas.text(right, y, TEXT, Align::Right, &amount);
            y += LINE;
        }
    }
    canvas.text(left, y, TEXT, Align::Left, "Subtotal (net)");
    canvas.text(right, y, TEXT, Align::Right, &money(order.subtotal));
    y += LINE;
    for row in &order.tax_breakdown {
        let label = format!("{} on {}", row.label, money(row.base));
        canvas.text(left, y, SOFT, Align::Left, &label);
        canvas.text(right, y, TEXT, Align::Right, &money(row.tax));
        y += LINE;
    }
    y += 6.0;
    let total_style = TextStyle::new(Weight::Bold, 11.0, Tone::Ink);
    canvas.text(
        left,
        y,
        total_style,
        Align::Left,
        &format!("TOTAL {}", order.currency.code),
    );
    canvas.text(right, y, total_style, Align::Right, &money(order.total));
    y += LINE + 6.0;
    if !order.cash_rounding.is_zero() {
        canvas.text(left, y, TEXT, Align::Left, "Cash rounding");
        canvas.text(right, y, TEXT, Align::Right, &money(order.cash_rounding));
        y += LINE;
        canvas.text(left, y, STRONG, Align::Left, "Amount paid in cash");
        let payable = money(order.amount_payable());
        canvas.text(right, y, STRONG, Align::Right, &payable);
        y += LINE + 4.0;
    }

    for payment in &order.payments {
        canvas.text(left, y, TEXT, Align::Left, payment.method.label());
        canvas.text(right, y, TEXT, Align::Right, &money(payment.amount));
        y += LINE;
        if let Some(reference) = &payment.reference {
            canvas.text(
                left + 8.0,
                y,
                SOFT,
                Align::Left,
                &format!("Ref. {reference}"),
            );
            y += LINE;
        }
    }
    if !order.change_due.is_zero() {
        canvas.text(left, y, STRONG, Align::Left, "Change");
        canvas.text(right, y, STRONG, Align::Right, &money(order.change_due));
        y += LINE;
    }
    if !order.gift_cards.is_empty() {
        y = gift_cards(fonts, &mut canvas, locale, order, y + 7.0, left, room);
    }
    y = divider(&mut canvas, y - 2.0, left, room);
    canvas.text(
        centre,
        y + 2.0,
        STRONG,
        Align::Center,
        "Thank you for your purchase!",
    );
    y += LINE + 4.0;
    let id_style = TextStyle::new(Weight::Regular, 6.0, Tone::Muted);
    canvas.text(centre, y, id_style, Align::Center, &order.id.to_string());
    SizedPage {
        canvas,
        height: y + MARGIN,
    }
}

/// A report of figures (X or Z report) on the receipt's 80 mm page: the shop, the title,
/// the header lines, then each section's heading and its rows, label left and value right
/// (a label too long for the room left by its value wraps).
pub(crate) fn report_page<'f>(
    fonts: &'f Fonts,
    shop: &ShopDetails,
    report: &ReportDocument,
) -> SizedPage<'f> {
    let width = WIDTH_MM * PT_PER_MM;
    let left = MARGIN;
    let right = width - MARGIN;
    let centre = width / 2.0;
    let room = right - left;
    let mut canvas = Canvas::new(fonts, width);
    let mut y = MARGIN + 10.0;
    y = shop_header(fonts, &mut canvas, shop, y, centre, room);
    y = divider(&mut canvas, y - 4.0, left, room);
    let title_style = TextStyle::new(Weight::Bold, 10.0, Tone::Ink);
    for line in fonts.wrap(title_style.weight, title_style.size, &report.title, room) {
        canvas.text(centre, y, title_style, Align::Center, &line);
        y += 12.0;
    }
    for text in &report.lines {
        for line in fonts.wrap(SOFT.weight, SOFT.size, text, room) {
            canvas.text(centre, y, SOFT, Align::Center, &line);
            y += LINE;
        }
    }
    for section in &report.sections {
        y = divider(&mut canvas, y - 4.0, left, room);
        canvas.text(left, y, STRONG, Align::Left, &section.heading);
        y += LINE + 2.0;
        for row in &section.rows {
            let style = if row.emphasis { STRONG } else { TEXT };
            let value_width = fonts.width(style.weight, style.size, &row.value);
            let label_room = (room - value_width - 8.0).max(room / 3.0);
            let parts = fonts.wrap(style.weight, style.size, &row.label, label_room);
            let last = parts.len().saturating_sub(1);
            for (index, part) in parts.iter().enumerate() {
                canvas.text(left, y, style, Align::Left, part);
                if index == last {
                    canvas.text(right, y, style, Align::Right, &row.value);
                }
                y += LINE;
            }
            if parts.is_empty() {
                canvas.text(right, y, style, Align::Right, &row.value);
                y += LINE;
            }
        }
    }
    y = divider(&mut canvas, y - 2.0, left, room);
    SizedPage {
        canvas,
        height: y + MARGIN,
    }
}

/// The shop's name (bold, wrapped) and address lines, centred, from baseline `y`; returns
/// the baseline after them.
fn shop_header(
    fonts: &Fonts,
    canvas: &mut Canvas<'_>,
    shop: &ShopDetails,
    mut y: f32,
    centre: f32,
    room: f32,
) -> f32 {
    let name_style = TextStyle::new(Weight::Bold, 11.0, Tone::Ink);
    for line in fonts.wrap(name_style.weight, name_style.size, &shop.name, room) {
        canvas.text(centre, y, name_style, Align::Center, &line);
        y += 13.0;
    }
    for line in &shop.address_lines {
        canvas.text(centre, y, SOFT, Align::Center, line);
        y += LINE;
    }
    y
}

/// A hairline across the receipt; returns the baseline for the next text line.
fn divider(canvas: &mut Canvas<'_>, y: f32, left: f32, width: f32) -> f32 {
    canvas.rule(left, y + 2.0, width, 0.5, Tone::Rule);
    y + 2.0 + 14.0
}

/// The framed "Gift cards issued" section from baseline `y`: per card the code large and
/// bold (to be read and typed at the till or online), its value and last day. Returns the
/// baseline for the next text line.
fn gift_cards(
    fonts: &Fonts,
    canvas: &mut Canvas<'_>,
    locale: DocumentLocale,
    order: &DocumentOrder,
    y: f32,
    left: f32,
    room: f32,
) -> f32 {
    let centre = left + room / 2.0;
    let top = y - 8.0;
    let mut y = top + 14.0;
    canvas.text(centre, y, STRONG, Align::Center, "Gift cards issued");
    for card in &order.gift_cards {
        y += 6.0;
        canvas.rule(left + 6.0, y - 2.0, room - 12.0, 0.4, Tone::Rule);
        let size = blocks::fitting_size(fonts, &card.code, 13.0, room - 12.0);
        y += size + 3.0;
        let code = TextStyle::new(Weight::Bold, size, Tone::Ink);
        canvas.text(centre, y, code, Align::Center, &card.code);
        y += LINE + 1.0;
        let value = locale.numbers.format_money(card.amount, &order.currency);
        let details = match card.expires_on {
            Some(day) => format!("{value} · valid until {}", locale.dates.format_date(day)),
            None => value,
        };
        canvas.text(centre, y, TEXT, Align::Center, &details);
    }
    let bottom = y + 7.0;
    canvas.frame(left, top, room, bottom - top, 1.0, Tone::Ink);
    bottom + 10.0
}
