//! Realistic sample input: a Berlin shop, a Greek customer shipping to Moscow, prices with
//! tax included at 19 % and 7 %, and a long order that spans several pages. Totals are
//! computed here the way the domain does (tax per line, half away from zero), so the
//! documents can be checked against independent numbers. Shared with the benchmark.

#![allow(dead_code, reason = "the benchmark uses a subset of the samples")]

use chrono::{NaiveDate, NaiveDateTime};
use kassa_documents::{
    CreditNote, Currency, CustomerDetails, DocumentLine, DocumentOrder, DocumentPayment,
    InvoiceDetails, InvoiceStatus, PaymentMethod, PostalAddress, ShopDetails, TaxBreakdownRow,
};
use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;
use uuid::Uuid;

pub fn shop() -> ShopDetails {
    ShopDetails {
        name: "Kassa Demo GmbH".to_owned(),
        address_lines: vec![
            "Hauptstraße 12".to_owned(),
            "10115 Berlin, Deutschland".to_owned(),
        ],
        tax_id: "DE123456789".to_owned(),
        email: Some("shop@kassa.example".to_owned()),
        phone: Some("+49 30 1234567".to_owned()),
    }
}

/// (SKU, name, quantity, unit price incl. tax, tax rate in percent, bin)
type Item = (
    &'static str,
    &'static str,
    Decimal,
    Decimal,
    Decimal,
    &'static str,
);

pub const GREEK_CUSTOMER: &str = "Ελένη Παπαδοπούλου";
pub const CYRILLIC_RECIPIENT: &str = "Дмитрий Смирнов";

fn items() -> Vec<Item> {
    vec![
        (
            "COF-ETH-500",
            "Kaffeebohnen Äthiopien Yirgacheffe, 500 g",
            dec!(2),
            dec!(14.90),
            dec!(7),
            "A-01-3",
        ),
        (
            "OLV-KAL-250",
            "Ελιές Καλαμάτας σε άλμη, 250 g",
            dec!(3),
            dec!(4.49),
            dec!(7),
            "B-04-1",
        ),
        (
            "TEA-IVN-100",
            "Иван-чай ферментированный, 100 г",
            dec!(1),
            dec!(6.95),
            dec!(7),
            "A-02-2",
        ),
        (
            "MUG-CER-350",
            "Handgemachte Keramiktasse mit Glasur in Ozeanblau, 350 ml",
            dec!(2),
            dec!(18.50),
            dec!(19),
            "C-11-4",
        ),
        (
            "GRN-ESP-001",
            "Espressomühle Crème Brûlée Édition",
            dec!(1),
            dec!(129.00),
            dec!(19),
            "D-02-1",
        ),
        (
            "CHO-DRK-085",
            "Zartbitterschokolade 85 % Kakao",
            dec!(4),
            dec!(2.79),
            dec!(7),
            "A-01-1",
        ),
    ]
}

fn line((sku, name, quantity, unit_price, rate, bin): Item) -> (DocumentLine, Decimal) {
    let line_total = quantity * unit_price;
    let tax = (line_total * rate / (dec!(100) + rate))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let line = DocumentLine {
        sku: sku.to_owned(),
        name: name.to_owned(),
        quantity,
        unit_price,
        tax_label: format!("VAT {rate}%"),
        tax_amount: tax,
        line_total,
        bin_location: Some(bin.to_owned()),
    };
    (line, rate)
}

fn order_from(
    reference: &str,
    items: Vec<Item>,
    payments: impl Fn(Decimal) -> (Vec<DocumentPayment>, Decimal),
) -> DocumentOrder {
    let mut lines = Vec::new();
    let mut breakdown: Vec<(Decimal, TaxBreakdownRow)> = Vec::new();
    for item in items {
        let (line, rate) = line(item);
        match breakdown.iter_mut().find(|(r, _)| *r == rate) {
            Some((_, row)) => {
                row.base += line.line_total - line.tax_amount;
                row.tax += line.tax_amount;
            }
            None => breakdown.push((
                rate,
                TaxBreakdownRow {
                    label: line.tax_label.clone(),
                    base: line.line_total - line.tax_amount,
                    tax: line.tax_amount,
                },
            )),
        }
        lines.push(line);
    }
    breakdown.sort_by_key(|(rate, _)| std::cmp::Reverse(*rate));
    let total: Decimal = lines.iter().map(|line| line.line_total).sum();
    let tax_total: Decimal = lines.iter().map(|line| line.tax_amount).sum();
    let (payments, change_due) = payments(total);
    DocumentOrder {
        reference: reference.to_owned(),
        id: Uuid::from_u128(0x5f0c_2a9e_7d41_4b8e_9a3c_1e2f_3a4b_5c6d),
        ordered_at: NaiveDate::from_ymd_opt(2025, 3, 14)
            .and_then(|day| day.and_hms_opt(16, 5, 0))
            .unwrap_or_default(),
        customer: Some(CustomerDetails {
            name: GREEK_CUSTOMER.to_owned(),
            email: Some("eleni.papadopoulou@example.gr".to_owned()),
        }),
        ship_to: Some(PostalAddress {
            name: CYRILLIC_RECIPIENT.to_owned(),
            lines: vec![
                "ул. Тверская, д. 7, кв. 12".to_owned(),
                "125009 Москва".to_owned(),
                "Россия".to_owned(),
            ],
        }),
        bill_to: Some(PostalAddress {
            name: GREEK_CUSTOMER.to_owned(),
            lines: vec![
                "Οδός Ερμού 25".to_owned(),
                "105 63 Αθήνα".to_owned(),
                "Ελλάδα".to_owned(),
            ],
        }),
        lines,
        tax_breakdown: breakdown.into_iter().map(|(_, row)| row).collect(),
        subtotal: total - tax_total,
        tax_total,
        total,
        payments,
        change_due,
        invoice: Some(InvoiceDetails {
            number: "INV-2025-000042".to_owned(),
            issued_on: NaiveDate::from_ymd_opt(2025, 3, 14).unwrap_or_default(),
            status: InvoiceStatus::Paid,
        }),
        currency: Currency::new("EUR", 2),
    }
}

fn paid_by_card(total: Decimal) -> (Vec<DocumentPayment>, Decimal) {
    let card = DocumentPayment {
        method: PaymentMethod::Card,
        amount: total,
        reference: Some("AUTH 482913".to_owned()),
    };
    (vec![card], Decimal::ZERO)
}

/// Six lines, two tax rates, paid by card.
pub fn order() -> DocumentOrder {
    order_from("S01-R01-000042", items(), paid_by_card)
}

/// The sample order paid with a 500 note in cash, so change is due and the drawer opens.
pub fn cash_order() -> DocumentOrder {
    order_from("S01-R01-000043", items(), |total| {
        let cash = DocumentPayment {
            method: PaymentMethod::Cash,
            amount: dec!(500),
            reference: None,
        };
        (vec![cash], dec!(500) - total)
    })
}

/// 90 lines: three pages of invoice.
pub fn long_order() -> DocumentOrder {
    let base = items();
    let mut many = Vec::new();
    for round in 0..15u32 {
        for (sku, name, quantity, price, rate, bin) in &base {
            let sku: &'static str = Box::leak(format!("{sku}-{round:02}").into_boxed_str());
            let bin: &'static str = Box::leak(format!("{bin}{}", round % 3).into_boxed_str());
            many.push((
                sku,
                *name,
                *quantity + Decimal::from(round % 4),
                *price,
                *rate,
                bin,
            ));
        }
    }
    let mut order = order_from("S01-R02-001337", many, paid_by_card);
    if let Some(invoice) = order.invoice.as_mut() {
        invoice.number = "INV-2025-001337".to_owned();
    }
    order
}

/// Several orders for a pick list; the same products recur, so quantities add up.
pub fn batch() -> Vec<DocumentOrder> {
    let mut orders = Vec::new();
    for (index, take) in [6usize, 3, 4, 2].into_iter().enumerate() {
        let mut items = items();
        items.truncate(take);
        orders.push(order_from(
            &format!("S01-R01-0001{index:02}"),
            items,
            paid_by_card,
        ));
    }
    orders
}

pub fn credit_note() -> CreditNote {
    let order = order();
    let returned: Vec<DocumentLine> = order.lines.iter().skip(3).take(1).cloned().collect();
    let total: Decimal = returned.iter().map(|line| line.line_total).sum();
    let tax: Decimal = returned.iter().map(|line| line.tax_amount).sum();
    CreditNote {
        number: "CN-2025-000003".to_owned(),
        invoice_number: "INV-2025-000042".to_owned(),
        order_reference: order.reference.clone(),
        issued_on: NaiveDate::from_ymd_opt(2025, 3, 21).unwrap_or_default(),
        reason: "Returned: cup arrived chipped".to_owned(),
        customer: order.customer.clone(),
        bill_to: order.bill_to.clone(),
        tax_breakdown: vec![TaxBreakdownRow {
            label: "VAT 19%".to_owned(),
            base: total - tax,
            tax,
        }],
        lines: returned,
        subtotal: total - tax,
        tax_total: tax,
        total,
        currency: Currency::new("EUR", 2),
    }
}

pub fn created_at() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 3, 15)
        .and_then(|day| day.and_hms_opt(8, 30, 0))
        .unwrap_or_default()
}
