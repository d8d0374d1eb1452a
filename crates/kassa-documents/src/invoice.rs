//! The invoice and the credit note: letterhead, addresses, the lines, the tax breakdown per
//! rate and the totals. Both share one layout; they differ in title, key facts and what the
//! totals column says.
#![allow(
    clippy::float_arithmetic,
    reason = "page coordinates in points, never money"
)]

use rust_decimal::Decimal;

use crate::blocks::{self, AddressBlock, BODY, GiftCardEntry, SummaryRow};
use crate::canvas::Align;
use crate::error::DocumentError;
use crate::fonts::Fonts;
use crate::locale::DocumentLocale;
use crate::model::{
    CreditNote, Currency, CustomerDetails, DocumentLine, DocumentOrder, PostalAddress, ShopDetails,
    TaxBreakdownRow,
};
use crate::pages::{PageFlow, PageGeometry, SizedPage};
use crate::table::{CELL, Column, Table};

/// What the shared layout needs from an invoice or a credit note.
struct CommercialDocument<'a> {
    title: &'static str,
    continued: String,
    facts: Vec<(&'static str, String)>,
    bill_to: Option<PostalAddress>,
    email: Option<&'a str>,
    ship_to: Option<&'a PostalAddress>,
    /// Printed under the ship-to address (`Delivery: …`).
    ship_to_extra: Option<String>,
    note: Option<String>,
    lines: &'a [DocumentLine],
    taxes: &'a [TaxBreakdownRow],
    summary: Vec<SummaryRow>,
    gift_cards: Vec<GiftCardEntry>,
    footer: String,
    currency: &'a Currency,
}

/// Lays out the invoice for `order`.
pub(crate) fn invoice_pages<'f>(
    fonts: &'f Fonts,
    locale: DocumentLocale,
    shop: &ShopDetails,
    order: &DocumentOrder,
) -> Result<Vec<SizedPage<'f>>, DocumentError> {
    let invoice = order
        .invoice
        .as_ref()
        .ok_or_else(|| DocumentError::NotInvoiced {
            reference: order.reference.clone(),
        })?;
    let money = |amount: Decimal| locale.numbers.format_amount(amount, &order.currency);
    let paid: Decimal = order.payments.iter().map(|payment| payment.amount).sum();
    let mut summary = Vec::with_capacity(8 + order.adjustments.len() + order.payments.len());
    if !order.adjustments.is_empty() {
        summary.push(SummaryRow::Plain(
            "Items total".to_owned(),
            money(order.items_total),
        ));
        for adjustment in &order.adjustments {
            summary.push(SummaryRow::Plain(
                adjustment.label.clone(),
                money(adjustment.amount),
            ));
        }
    }
    summary.extend([
        SummaryRow::Plain("Subtotal (net)".to_owned(), money(order.subtotal)),
        SummaryRow::Plain("Tax".to_owned(), money(order.tax_total)),
        SummaryRow::Emphasised(format!("Total {}", order.currency.code), money(order.total)),
    ]);
    if !order.cash_rounding.is_zero() {
        summary.push(SummaryRow::Plain(
            "Cash rounding".to_owned(),
            money(order.cash_rounding),
        ));
        summary.push(SummaryRow::Plain(
            "Amount paid in cash".to_owned(),
            money(order.amount_payable()),
        ));
    }
    for payment in &order.payments {
        let label = match &payment.reference {
            Some(reference) => format!("Paid by {} · {reference}", payment.method.label()),
            None => format!("Paid by {}", payment.method.label()),
        };
        summary.push(SummaryRow::Plain(label, money(payment.amount)));
    }
    if !order.change_due.is_zero() {
        summary.push(SummaryRow::Plain(
            "Change given".to_owned(),
            money(order.change_due),
        ));
    }
    let due = order.amount_payable() - paid + order.change_due;
    summary.push(SummaryRow::Plain(
        "Amount due".to_owned(),
        money(due.max(Decimal::ZERO)),
    ));

    let mut facts = vec![
        ("Invoice no.", invoice.number.clone()),
        ("Invoice date", locale.dates.format_date(invoice.issued_on)),
        ("Order", order.reference.clone()),
        (
            "Order date",
            locale.dates.format_date_time(order.ordered_at),
        ),
        ("Status", invoice.status.label().to_owned()),
    ];
    // The carrier goes under the ship-to address, or among the facts without one.
    let delivery = order
        .carrier
        .as_ref()
        .map(|carrier| format!("Delivery: {carrier}"));
    if let (Some(carrier), None) = (&order.carrier, &order.ship_to) {
        facts.push(("Delivery", carrier.clone()));
    }
    let gift_cards = order
        .gift_cards
        .iter()
        .map(|card| GiftCardEntry {
            code: card.code.clone(),
            value: locale.numbers.format_money(card.amount, &order.currency),
            valid_until: card
                .expires_on
                .map(|day| format!("Valid until {}", locale.dates.format_date(day))),
        })
        .collect();

    let document = CommercialDocument {
        title: "INVOICE",
        continued: format!("Invoice {} (continued)", invoice.number),
        facts,
        bill_to: bill_to(order.bill_to.as_ref(), order.customer.as_ref()),
        email: order
            .customer
            .as_ref()
            .and_then(|customer| customer.email.as_deref()),
        ship_to: order.ship_to.as_ref(),
        ship_to_extra: delivery.filter(|_| order.ship_to.is_some()),
        note: None,
        lines: &order.lines,
        taxes: &order.tax_breakdown,
        summary,
        gift_cards,
        footer: format!(
            "{} · Tax ID {} · Invoice {}",
            shop.name, shop.tax_id, invoice.number
        ),
        currency: &order.currency,
    };
    Ok(commercial_pages(fonts, locale, shop, &document))
}

/// Lays out a credit note.
pub(crate) fn credit_note_pages<'f>(
    fonts: &'f Fonts,
    locale: DocumentLocale,
    shop: &ShopDetails,
    note: &CreditNote,
) -> Vec<SizedPage<'f>> {
    let money = |amount: Decimal| locale.numbers.format_amount(amount, &note.currency);
    let document = CommercialDocument {
        title: "CREDIT NOTE",
        continued: format!("Credit note {} (continued)", note.number),
        facts: vec![
            ("Credit note no.", note.number.clone()),
            ("Date", locale.dates.format_date(note.issued_on)),
            ("Corrects invoice", note.invoice_number.clone()),
            ("Order", note.order_reference.clone()),
        ],
        bill_to: bill_to(note.bill_to.as_ref(), note.customer.as_ref()),
        email: note
            .customer
            .as_ref()
            .and_then(|customer| customer.email.as_deref()),
        ship_to: None,
        ship_to_extra: None,
        note: Some(format!(
            "Reason: {}. This credit note corrects invoice {}; the amount below is credited to you.",
            note.reason.trim_end_matches('.'),
            note.invoice_number
        )),
        lines: &note.lines,
        taxes: &note.tax_breakdown,
        summary: vec![
            SummaryRow::Plain("Subtotal (net)".to_owned(), money(note.subtotal)),
            SummaryRow::Plain("Tax".to_owned(), money(note.tax_total)),
            SummaryRow::Emphasised(
                format!("Total credited {}", note.currency.code),
                money(note.total),
            ),
        ],
        gift_cards: Vec::new(),
        footer: format!(
            "{} · Tax ID {} · Credit note {}",
            shop.name, shop.tax_id, note.number
        ),
        currency: &note.currency,
    };
    commercial_pages(fonts, locale, shop, &document)
}

fn bill_to(
    address: Option<&PostalAddress>,
    customer: Option<&CustomerDetails>,
) -> Option<PostalAddress> {
    address.cloned().or_else(|| {
        customer.map(|customer| PostalAddress {
            name: customer.name.clone(),
            lines: Vec::new(),
        })
    })
}

fn commercial_pages<'f>(
    fonts: &'f Fonts,
    locale: DocumentLocale,
    shop: &ShopDetails,
    document: &CommercialDocument<'_>,
) -> Vec<SizedPage<'f>> {
    let geometry = PageGeometry::for_paper(locale.paper);
    let mut flow = PageFlow::new(fonts, geometry);
    blocks::letterhead(&mut flow, shop, document.title, &document.facts);

    let half = geometry.content_width() / 2.0;
    let mut addresses = Vec::new();
    if let Some(address) = &document.bill_to {
        addresses.push(AddressBlock {
            heading: "BILL TO",
            address,
            extra: document.email,
        });
    }
    if let Some(address) = document.ship_to {
        addresses.push(AddressBlock {
            heading: "SHIP TO",
            address,
            extra: document.ship_to_extra.as_deref(),
        });
    }
    if !addresses.is_empty() {
        blocks::address_blocks(&mut flow, &addresses, half);
    }
    let running = |flow: &mut PageFlow<'_>| blocks::running_header(flow, shop, &document.continued);
    if let Some(note) = &document.note {
        blocks::paragraph(&mut flow, BODY, note, &running);
        flow.y += 8.0;
    }

    let money = |amount: Decimal| locale.numbers.format_amount(amount, document.currency);
    let table = Table::fitted(
        geometry.margin_x,
        geometry.content_width(),
        vec![
            Column::number("#", 22.0),
            Column::code("SKU", 84.0),
            Column::text("DESCRIPTION", 0.0),
            Column::number("QTY", 36.0),
            Column::number("UNIT PRICE", 64.0),
            Column::code("TAX", 50.0),
            Column::number("AMOUNT", 70.0),
        ],
        2,
    );
    let rows: Vec<Vec<String>> = document
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let description = if line.discount.is_zero() {
                line.name.clone()
            } else {
                format!("{}\nDiscount {}", line.name, money(-line.discount.abs()))
            };
            vec![
                (index + 1).to_string(),
                line.sku.clone(),
                description,
                locale.numbers.format_quantity(line.quantity),
                money(line.unit_price),
                line.tax_label.clone(),
                money(line.line_total),
            ]
        })
        .collect();
    table.flow(&mut flow, &rows, &running);

    // The tax breakdown (left) and the totals (right) stay together on one page.
    let tax_table = Table {
        x: geometry.margin_x,
        columns: vec![
            Column::code("TAX RATE", 90.0),
            Column::number("NET", 75.0),
            Column::number("TAX", 75.0),
        ],
    };
    let breakdown_rows: Vec<_> = document
        .taxes
        .iter()
        .map(|row| {
            tax_table.lay_out(
                fonts,
                &[row.label.clone(), money(row.base), money(row.tax)],
                CELL,
            )
        })
        .collect();
    let breakdown_block_height: f32 =
        32.0 + breakdown_rows.iter().map(|row| row.height()).sum::<f32>();
    let summary_width = 230.0;
    let block_height = breakdown_block_height.max(blocks::summary_height(&document.summary)) + 24.0;
    flow.y += 18.0;
    if !flow.fits(block_height) {
        flow.new_page();
        blocks::running_header(&mut flow, shop, &document.continued);
    }
    let top = flow.y;
    let summary_bottom = blocks::summary(
        &mut flow,
        geometry.right() - summary_width,
        top,
        summary_width,
        &document.summary,
    );
    let mut y = top;
    if !breakdown_rows.is_empty() {
        blocks::block_heading(&mut flow, geometry.margin_x, top, "TAX BREAKDOWN");
        y += 13.0;
        y += tax_table.draw_header(flow.canvas(), y);
        for row in &breakdown_rows {
            y += tax_table.draw_row(flow.canvas(), y, row, CELL);
        }
    }
    flow.y = y.max(summary_bottom) + 24.0;
    // The gift card box just below the totals: as many cards as fit the page with the
    // closing line below them, the rest in boxes on the following pages.
    let mut cards = document.gift_cards.as_slice();
    let mut top = flow.y - 8.0;
    let mut fresh_page = false;
    while !cards.is_empty() {
        flow.y = top;
        let fitting = (1..=cards.len())
            .take_while(|&count| flow.fits(blocks::gift_cards_height(count) + 24.0))
            .count();
        if fitting == 0 && !fresh_page {
            flow.new_page();
            blocks::running_header(&mut flow, shop, &document.continued);
            top = flow.y;
            fresh_page = true;
            continue;
        }
        let (now, rest) = cards
            .split_at_checked(fitting.max(1))
            .unwrap_or((cards, &[]));
        let bottom = blocks::gift_cards(&mut flow, top, now);
        cards = rest;
        if cards.is_empty() {
            flow.y = bottom + 24.0;
        } else {
            flow.new_page();
            blocks::running_header(&mut flow, shop, &document.continued);
            top = flow.y;
            fresh_page = true;
        }
    }
    let closing = format!(
        "All amounts in {}. Thank you for shopping at {}.",
        document.currency.code, shop.name
    );
    let x = geometry.margin_x;
    let y = flow.y;
    flow.canvas()
        .text(x, y, blocks::MUTED, Align::Left, &closing);
    flow.finish(&document.footer)
}
