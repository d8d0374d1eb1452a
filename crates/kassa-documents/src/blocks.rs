//! Blocks shared by the page documents: the letterhead with the document's title and key
//! facts, the running header of follow-on pages, address blocks, and key/value columns
//! such as totals.
#![allow(
    clippy::float_arithmetic,
    reason = "page coordinates in points, never money"
)]

use crate::canvas::{Align, TextStyle, Tone};
use crate::fonts::{Fonts, Weight};
use crate::model::{PostalAddress, ShopDetails};
use crate::pages::PageFlow;

pub(crate) const BODY: TextStyle = TextStyle::new(Weight::Regular, 8.5, Tone::Ink);
pub(crate) const MUTED: TextStyle = TextStyle::new(Weight::Regular, 8.5, Tone::Muted);
pub(crate) const STRONG: TextStyle = TextStyle::new(Weight::Bold, 8.5, Tone::Ink);
pub(crate) const LABEL: TextStyle = TextStyle::new(Weight::Bold, 7.0, Tone::Muted);
const SHOP_NAME: TextStyle = TextStyle::new(Weight::Bold, 13.0, Tone::Ink);
const TITLE: TextStyle = TextStyle::new(Weight::Bold, 20.0, Tone::Accent);
pub(crate) const LINE: f32 = 11.5;

/// Draws the shop at the left and `title` with `facts` (label, value) at the right, from
/// the top margin; leaves the cursor below both.
pub(crate) fn letterhead(
    flow: &mut PageFlow<'_>,
    shop: &ShopDetails,
    title: &str,
    facts: &[(&str, String)],
) {
    let geometry = flow.geometry;
    let left = geometry.margin_x;
    let right = geometry.right();
    let top = flow.y;
    let canvas = flow.canvas();

    let mut y = top + 13.0;
    canvas.text(left, y, SHOP_NAME, Align::Left, &shop.name);
    y += 6.0;
    for line in &shop.address_lines {
        y += LINE;
        canvas.text(left, y, MUTED, Align::Left, line);
    }
    let contact: Vec<&str> = [shop.phone.as_deref(), shop.email.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !contact.is_empty() {
        y += LINE;
        canvas.text(left, y, MUTED, Align::Left, &contact.join("  ·  "));
    }
    y += LINE;
    canvas.text(
        left,
        y,
        MUTED,
        Align::Left,
        &format!("Tax ID {}", shop.tax_id),
    );
    let left_bottom = y;

    let mut y = top + 17.0;
    canvas.text(right, y, TITLE, Align::Right, title);
    y += 8.0;
    let label_x = right - 200.0;
    for (label, value) in facts {
        y += LINE + 1.0;
        canvas.text(label_x, y, MUTED, Align::Left, label);
        canvas.text(right, y, STRONG, Align::Right, value);
    }
    flow.y = left_bottom.max(y) + 16.0;
    let y = flow.y;
    flow.canvas()
        .rule(left, y, geometry.content_width(), 0.8, Tone::Accent);
    flow.y += 20.0;
}

/// The header of a follow-on page: the shop's name and what document continues here.
pub(crate) fn running_header(flow: &mut PageFlow<'_>, shop: &ShopDetails, continued: &str) {
    let geometry = flow.geometry;
    let y = flow.y + 9.0;
    let canvas = flow.canvas();
    canvas.text(geometry.margin_x, y, STRONG, Align::Left, &shop.name);
    canvas.text(geometry.right(), y, MUTED, Align::Right, continued);
    canvas.rule(
        geometry.margin_x,
        y + 7.0,
        geometry.content_width(),
        0.8,
        Tone::Accent,
    );
    flow.y = y + 21.0;
}

/// One address block: a small caps heading, the name in bold, then its lines.
pub(crate) struct AddressBlock<'a> {
    pub(crate) heading: &'static str,
    pub(crate) address: &'a PostalAddress,
    pub(crate) extra: Option<&'a str>,
}

/// Draws address blocks side by side, each `column_width` wide; leaves the cursor below.
pub(crate) fn address_blocks(
    flow: &mut PageFlow<'_>,
    blocks: &[AddressBlock<'_>],
    column_width: f32,
) {
    let left = flow.geometry.margin_x;
    let top = flow.y;
    let mut bottom = top;
    let canvas = flow.canvas();
    let mut x = left;
    for block in blocks {
        let mut y = top + 7.0;
        canvas.text(x, y, LABEL, Align::Left, block.heading);
        y += LINE + 2.0;
        canvas.text(x, y, STRONG, Align::Left, &block.address.name);
        for line in &block.address.lines {
            y += LINE;
            canvas.text(x, y, BODY, Align::Left, line);
        }
        if let Some(extra) = block.extra {
            y += LINE;
            canvas.text(x, y, MUTED, Align::Left, extra);
        }
        bottom = bottom.max(y);
        x += column_width;
    }
    flow.y = bottom + 22.0;
}

/// A row of a key/value column such as the totals.
pub(crate) enum SummaryRow {
    /// Label and value in body text.
    Plain(String, String),
    /// Label and value in bold on the accent band (the grand total).
    Emphasised(String, String),
}

/// Height the rows take.
pub(crate) fn summary_height(rows: &[SummaryRow]) -> f32 {
    rows.iter()
        .map(|row| match row {
            SummaryRow::Plain(..) => 15.0,
            SummaryRow::Emphasised(..) => 24.0,
        })
        .sum()
}

/// Draws key/value rows between `x` and `x + width` from `top`; returns the bottom.
pub(crate) fn summary(
    flow: &mut PageFlow<'_>,
    x: f32,
    top: f32,
    width: f32,
    rows: &[SummaryRow],
) -> f32 {
    let fonts = flow.fonts();
    let canvas = flow.canvas();
    let right = x + width;
    let mut y = top;
    for row in rows {
        match row {
            SummaryRow::Plain(label, value) => {
                // A long label (a coupon's or a carrier's name) is cut before the amount.
                let room = width - 20.0 - fonts.width(BODY.weight, BODY.size, value);
                let label = fonts.fit(MUTED.weight, MUTED.size, label, room);
                canvas.text(x + 6.0, y + 10.5, MUTED, Align::Left, &label);
                canvas.text(right - 6.0, y + 10.5, BODY, Align::Right, value);
                canvas.rule(x, y + 14.6, width, 0.4, Tone::Rule);
                y += 15.0;
            }
            SummaryRow::Emphasised(label, value) => {
                let style = TextStyle::new(Weight::Bold, 10.5, Tone::Paper);
                canvas.fill(x, y + 3.0, width, 19.0, Tone::Accent);
                canvas.text(x + 6.0, y + 16.5, style, Align::Left, label);
                canvas.text(right - 6.0, y + 16.5, style, Align::Right, value);
                y += 24.0;
            }
        }
    }
    y
}

/// A small heading above a block.
pub(crate) fn block_heading(flow: &mut PageFlow<'_>, x: f32, top: f32, text: &str) {
    flow.canvas().text(x, top + 7.0, LABEL, Align::Left, text);
}

/// A paragraph of wrapped text from the cursor, continued on a new page (after
/// `running_header`) when it reaches the foot of one; leaves the cursor below it.
pub(crate) fn paragraph(
    flow: &mut PageFlow<'_>,
    style: TextStyle,
    text: &str,
    running_header: &dyn Fn(&mut PageFlow<'_>),
) {
    let geometry = flow.geometry;
    let lines = flow
        .fonts()
        .wrap(style.weight, style.size, text, geometry.content_width());
    for line in lines {
        if !flow.fits(LINE) {
            flow.new_page();
            running_header(flow);
        }
        flow.y += LINE;
        let y = flow.y;
        flow.canvas()
            .text(geometry.margin_x, y, style, Align::Left, &line);
    }
    flow.y += 6.0;
}

/// A gift card as the boxed section prints it, amounts and dates already formatted.
pub(crate) struct GiftCardEntry {
    pub(crate) code: String,
    pub(crate) value: String,
    pub(crate) valid_until: Option<String>,
}

const GIFT_HEADING: TextStyle = TextStyle::new(Weight::Bold, 10.0, Tone::Accent);
const GIFT_CODE_SIZE: f32 = 16.0;
const GIFT_PAD: f32 = 10.0;
const GIFT_ROW: f32 = 30.0;

/// Height of the gift card box for `count` cards.
pub(crate) fn gift_cards_height(count: usize) -> f32 {
    let count = u16::try_from(count).unwrap_or(u16::MAX);
    2.0 * GIFT_PAD + 16.0 + f32::from(count) * GIFT_ROW
}

/// The largest size up to `size` at which `text` in bold fits `room` (never below 8 pt:
/// a code is shrunk, never cut).
pub(crate) fn fitting_size(fonts: &Fonts, text: &str, size: f32, room: f32) -> f32 {
    let width = fonts.width(Weight::Bold, size, text);
    if width <= room || width <= 0.0 {
        size
    } else {
        (size * room / width).max(8.0)
    }
}

/// Draws the framed "Gift cards issued" section across the content width from `top`:
/// each code large and bold at the left (to be read and typed), its value and last day
/// at the right. Returns the bottom.
pub(crate) fn gift_cards(flow: &mut PageFlow<'_>, top: f32, cards: &[GiftCardEntry]) -> f32 {
    let geometry = flow.geometry;
    let fonts = flow.fonts();
    let x = geometry.margin_x;
    let width = geometry.content_width();
    let height = gift_cards_height(cards.len());
    let canvas = flow.canvas();
    canvas.frame(x, top, width, height, 1.2, Tone::Accent);
    let inner = x + GIFT_PAD;
    let right = x + width - GIFT_PAD;
    let mut y = top + GIFT_PAD + 10.0;
    canvas.text(inner, y, GIFT_HEADING, Align::Left, "Gift cards issued");
    y += 6.0;
    for card in cards {
        let size = fitting_size(
            fonts,
            &card.code,
            GIFT_CODE_SIZE,
            width - 2.0 * GIFT_PAD - 170.0,
        );
        let code = TextStyle::new(Weight::Bold, size, Tone::Ink);
        canvas.rule(inner, y + 2.0, width - 2.0 * GIFT_PAD, 0.4, Tone::Rule);
        canvas.text(inner, y + 22.0, code, Align::Left, &card.code);
        canvas.text(right, y + 14.0, STRONG, Align::Right, &card.value);
        if let Some(valid_until) = &card.valid_until {
            canvas.text(right, y + 25.5, MUTED, Align::Right, valid_until);
        }
        y += GIFT_ROW;
    }
    top + height
}
