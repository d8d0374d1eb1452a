//! Warehouse documents: the packing slip that goes into the parcel, and the pick list that
//! walks a picker once through the shelves for a batch of orders.
//!
//! **Invariant:** neither shows a price: parcels are opened by recipients of gifts, and
//! pickers do not need them. The packing slip carries the order reference as a Code128
//! barcode, so scanning it at the packing table opens the order.
#![allow(
    clippy::float_arithmetic,
    reason = "page coordinates in points, never money"
)]

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use rust_decimal::Decimal;

use crate::barcode;
use crate::blocks::{self, BODY, MUTED};
use crate::canvas::{Align, TextStyle, Tone};
use crate::error::DocumentError;
use crate::fonts::{Fonts, Weight};
use crate::locale::DocumentLocale;
use crate::model::{DocumentOrder, PostalAddress, ShopDetails};
use crate::pages::{PageFlow, PageGeometry, SizedPage};
use crate::table::{Column, Table};

const MODULE_WIDTH: f32 = 1.0;
const BAR_HEIGHT: f32 = 38.0;

/// Lays out the packing slip for one order.
pub(crate) fn packing_slip_pages<'f>(
    fonts: &'f Fonts,
    locale: DocumentLocale,
    shop: &ShopDetails,
    order: &DocumentOrder,
) -> Result<Vec<SizedPage<'f>>, DocumentError> {
    let modules = barcode::code128_modules(&order.reference)?;
    let geometry = PageGeometry::for_paper(locale.paper);
    let mut flow = PageFlow::new(fonts, geometry);
    let units: Decimal = order.lines.iter().map(|line| line.quantity).sum();
    blocks::letterhead(
        &mut flow,
        shop,
        "PACKING SLIP",
        &[
            ("Order", order.reference.clone()),
            (
                "Order date",
                locale.dates.format_date_time(order.ordered_at),
            ),
            ("Items", locale.numbers.format_quantity(units)),
        ],
    );

    // Ship-to at the left in a larger size (it is read at arm's length), barcode at the right.
    let top = flow.y;
    let fallback;
    let ship_to = match (&order.ship_to, &order.customer) {
        (Some(address), _) => Some(address),
        (None, Some(customer)) => {
            fallback = PostalAddress {
                name: customer.name.clone(),
                lines: vec!["Collected in store".to_owned()],
            };
            Some(&fallback)
        }
        (None, None) => None,
    };
    let big = TextStyle::new(Weight::Regular, 11.0, Tone::Ink);
    let big_bold = TextStyle::new(Weight::Bold, 11.0, Tone::Ink);
    let x = geometry.margin_x;
    if let Some(address) = ship_to {
        let canvas = flow.canvas();
        canvas.text(x, top + 7.0, blocks::LABEL, Align::Left, "SHIP TO");
        let mut y = top + 23.0;
        canvas.text(x, y, big_bold, Align::Left, &address.name);
        for line in &address.lines {
            y += 14.0;
            canvas.text(x, y, big, Align::Left, line);
        }
        flow.y = y;
    }
    if let Some(carrier) = &order.carrier {
        // Under the address: the packer picks the parcel label by it.
        let y = if ship_to.is_some() {
            flow.y + 20.0
        } else {
            top + 11.0
        };
        let room = geometry.content_width() - 220.0;
        let text = flow.fonts().fit(
            big_bold.weight,
            big_bold.size,
            &format!("Delivery: {carrier}"),
            room,
        );
        flow.canvas().text(x, y, big_bold, Align::Left, &text);
        flow.y = y;
    }
    let code_width = f32::from(u16::try_from(modules.len()).unwrap_or(u16::MAX)) * MODULE_WIDTH;
    let code_x = geometry.right() - code_width;
    let canvas = flow.canvas();
    barcode::draw(
        canvas,
        &modules,
        code_x,
        top + 2.0,
        MODULE_WIDTH,
        BAR_HEIGHT,
    );
    let caption = TextStyle::new(Weight::Regular, 9.0, Tone::Ink);
    canvas.text(
        code_x + code_width / 2.0,
        top + BAR_HEIGHT + 14.0,
        caption,
        Align::Center,
        &order.reference,
    );
    flow.y = flow.y.max(top + BAR_HEIGHT + 14.0) + 26.0;

    let table = Table::fitted(
        geometry.margin_x,
        geometry.content_width(),
        vec![
            Column::checkbox(24.0),
            Column::code("BIN", 70.0),
            Column::code("SKU", 90.0),
            Column::text("ITEM", 0.0),
            Column::number("QTY", 48.0),
        ],
        3,
    );
    let rows: Vec<Vec<String>> = order
        .lines
        .iter()
        .map(|line| {
            vec![
                String::new(),
                line.bin_location.clone().unwrap_or_else(|| "—".to_owned()),
                line.sku.clone(),
                line.name.clone(),
                locale.numbers.format_quantity(line.quantity),
            ]
        })
        .collect();
    let continued = format!("Packing slip {} (continued)", order.reference);
    let running = |flow: &mut PageFlow<'_>| blocks::running_header(flow, shop, &continued);
    table.flow(&mut flow, &rows, &running);

    flow.y += 26.0;
    if !flow.fits(40.0) {
        flow.new_page();
        running(&mut flow);
    }
    let x = geometry.margin_x;
    let y = flow.y;
    let canvas = flow.canvas();
    canvas.text(
        x,
        y,
        BODY,
        Align::Left,
        "Packed by  ____________________        Checked by  ____________________",
    );
    let note = "Something missing or damaged? Quote the order reference above when you contact us.";
    canvas.text(x, y + 20.0, MUTED, Align::Left, note);
    Ok(flow.finish(&format!("{} · Packing slip {}", shop.name, order.reference)))
}

/// One line of the pick list: everything of one product in one bin.
struct PickLine {
    name: String,
    quantity: Decimal,
    orders: Vec<String>,
}

/// Lays out the pick list for a batch of orders.
pub(crate) fn pick_list_pages<'f>(
    fonts: &'f Fonts,
    locale: DocumentLocale,
    shop: &ShopDetails,
    orders: &[DocumentOrder],
    created_at: NaiveDateTime,
) -> Result<Vec<SizedPage<'f>>, DocumentError> {
    if orders.is_empty() {
        return Err(DocumentError::NoOrders {
            document: "pick list",
        });
    }
    // Keyed by (bin, SKU): the BTreeMap sorts by bin, which is the walking order. Lines
    // without a bin sort last (`None` would sort first, hence the flag).
    let mut lines: BTreeMap<(bool, String, String), PickLine> = BTreeMap::new();
    for order in orders {
        for line in &order.lines {
            let key = (
                line.bin_location.is_none(),
                line.bin_location.clone().unwrap_or_default(),
                line.sku.clone(),
            );
            let entry = lines.entry(key).or_insert_with(|| PickLine {
                name: line.name.clone(),
                quantity: Decimal::ZERO,
                orders: Vec::new(),
            });
            entry.quantity += line.quantity;
            if !entry.orders.contains(&order.reference) {
                entry.orders.push(order.reference.clone());
            }
        }
    }
    let units: Decimal = lines.values().map(|line| line.quantity).sum();

    let geometry = PageGeometry::for_paper(locale.paper);
    let mut flow = PageFlow::new(fonts, geometry);
    blocks::letterhead(
        &mut flow,
        shop,
        "PICK LIST",
        &[
            ("Created", locale.dates.format_date_time(created_at)),
            ("Orders", orders.len().to_string()),
            ("Products", lines.len().to_string()),
            ("Units", locale.numbers.format_quantity(units)),
        ],
    );
    let references: Vec<&str> = orders
        .iter()
        .map(|order| order.reference.as_str())
        .collect();
    let created = locale.dates.format_date_time(created_at);
    let continued = format!("Pick list {created} (continued)");
    let running = |flow: &mut PageFlow<'_>| blocks::running_header(flow, shop, &continued);
    blocks::paragraph(
        &mut flow,
        MUTED,
        &format!("Orders in this batch: {}", references.join(", ")),
        &running,
    );
    flow.y += 12.0;

    let table = Table::fitted(
        geometry.margin_x,
        geometry.content_width(),
        vec![
            Column::checkbox(24.0),
            Column::code("BIN", 70.0),
            Column::code("SKU", 90.0),
            Column::text("ITEM", 0.0),
            Column::number("QTY", 44.0),
            Column::number("ORDERS", 52.0),
        ],
        3,
    );
    let rows: Vec<Vec<String>> = lines
        .into_iter()
        .map(|((_, bin, sku), line)| {
            vec![
                String::new(),
                if bin.is_empty() {
                    "—".to_owned()
                } else {
                    bin
                },
                sku,
                line.name,
                locale.numbers.format_quantity(line.quantity),
                line.orders.len().to_string(),
            ]
        })
        .collect();
    table.flow(&mut flow, &rows, &running);
    Ok(flow.finish(&format!("{} · Pick list {created}", shop.name)))
}
