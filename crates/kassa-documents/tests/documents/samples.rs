//! Realistic sample input: a Berlin shop, a Greek customer shipping to Moscow, prices with
//! tax included at 19 % and 7 %, and a long order that spans several pages. Totals are
//! computed here the way the domain does (tax per line, half away from zero), so the
//! documents can be checked against independent numbers. Shared with the benchmark.
//!
//! [`promo_order`] adds what most sales lack: a line discount, a coupon, shipping with a
//! carrier, cash rounding and an issued gift card.

#![allow(dead_code, reason = "the benchmark uses a subset of the samples")]

use chrono::{NaiveDate, NaiveDateTime};
use kassa_documents::{
    CreditNote, Currency, CustomerDetails, DocumentAdjustment, DocumentLine, DocumentOrder,
    DocumentPayment, InvoiceDetails, InvoiceStatus, IssuedGiftCard, PaymentMethod, PostalAddress,
    ShopDetails, TaxBreakdownRow,
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

/// The tax contained in `gross` at `rate` percent, rounded half away from zero.
fn tax_in(gross: Decimal, rate: Decimal) -> Decimal {
    (gross * rate / (dec!(100) + rate))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

fn line((sku, name, quantity, unit_price, rate, bin): Item) -> (DocumentLine, Decimal) {
    let line_total = quantity * unit_price;
    let tax = tax_in(line_total, rate);
    let line = DocumentLine {
        sku: sku.to_owned(),
        name: name.to_owned(),
        quantity,
        unit_price,
        tax_label: format!("VAT {rate}%"),
        tax_amount: tax,
        line_total,
        discount: Decimal::ZERO,
        bin_location: Some(bin.to_owned()),
    };
    (line, rate)
}

/// An order-wide amount and the tax rate it is taxed at.
struct TaxedAdjustment {
    label: &'static str,
    amount: Decimal,
    rate: Decimal,
}

fn order_from(
    reference: &str,
    items: Vec<Item>,
    payments: impl Fn(Decimal) -> (Vec<DocumentPayment>, Decimal),
) -> DocumentOrder {
    let lines = items.into_iter().map(line).collect();
    assemble(reference, lines, Vec::new(), payments)
}

/// Adds `gross` with `tax` to the row of `rate`.
fn add_tax(
    breakdown: &mut Vec<(Decimal, TaxBreakdownRow)>,
    rate: Decimal,
    gross: Decimal,
    tax: Decimal,
) {
    match breakdown.iter_mut().find(|(r, _)| *r == rate) {
        Some((_, row)) => {
            row.base += gross - tax;
            row.tax += tax;
        }
        None => breakdown.push((
            rate,
            TaxBreakdownRow {
                label: format!("VAT {rate}%"),
                base: gross - tax,
                tax,
            },
        )),
    }
}

/// An order of `lines` (each with its tax rate) and order-wide `adjustments`, with the
/// tax breakdown and totals worked out from them.
fn assemble(
    reference: &str,
    lines: Vec<(DocumentLine, Decimal)>,
    adjustments: Vec<TaxedAdjustment>,
    payments: impl Fn(Decimal) -> (Vec<DocumentPayment>, Decimal),
) -> DocumentOrder {
    let mut breakdown: Vec<(Decimal, TaxBreakdownRow)> = Vec::new();
    for (line, rate) in &lines {
        add_tax(&mut breakdown, *rate, line.line_total, line.tax_amount);
    }
    let lines: Vec<DocumentLine> = lines.into_iter().map(|(line, _)| line).collect();
    let items_total: Decimal = lines.iter().map(|line| line.line_total).sum();
    let mut total = items_total;
    let mut tax_total: Decimal = lines.iter().map(|line| line.tax_amount).sum();
    for adjustment in &adjustments {
        let tax = tax_in(adjustment.amount, adjustment.rate);
        add_tax(&mut breakdown, adjustment.rate, adjustment.amount, tax);
        total += adjustment.amount;
        tax_total += tax;
    }
    breakdown.sort_by_key(|(rate, _)| std::cmp::Reverse(*rate));
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
        items_total,
        adjustments: adjustments
            .into_iter()
            .map(|adjustment| DocumentAdjustment {
                label: adjustment.label.to_owned(),
                amount: adjustment.amount,
            })
            .collect(),
        tax_breakdown: breakdown.into_iter().map(|(_, row)| row).collect(),
        subtotal: total - tax_total,
        tax_total,
        total,
        cash_rounding: Decimal::ZERO,
        payments,
        change_due,
        gift_cards: Vec::new(),
        carrier: None,
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

pub const COUPON: &str = "Coupon SPRING10";
pub const SHIPPING: &str = "Shipping — Standard post";
pub const CARRIER: &str = "Standard post";
pub const GIFT_CARD_CODE: &str = "GC-7Q4M-K2XD-93PL";

/// The sample order with everything a plain sale lacks: 1,00 off the coffee, a 25,00 gift
/// card bought and issued, coupon SPRING10 (-2,00), shipping by standard post (4,90) and
/// paid with a 260 note in cash, the total 254,28 rounded by 0,02 to 254,30 (change 5,70).
pub fn promo_order() -> DocumentOrder {
    let mut lines: Vec<(DocumentLine, Decimal)> = items().into_iter().map(line).collect();
    if let Some((coffee, rate)) = lines.first_mut() {
        coffee.discount = dec!(1.00);
        coffee.line_total -= coffee.discount;
        coffee.tax_amount = tax_in(coffee.line_total, *rate);
    }
    lines.push((
        DocumentLine {
            sku: "GFT-CARD-025".to_owned(),
            name: "Geschenkkarte / gift card".to_owned(),
            quantity: dec!(1),
            unit_price: dec!(25.00),
            tax_label: "VAT 0%".to_owned(),
            tax_amount: Decimal::ZERO,
            line_total: dec!(25.00),
            discount: Decimal::ZERO,
            bin_location: None,
        },
        dec!(0),
    ));
    let adjustments = vec![
        TaxedAdjustment {
            label: COUPON,
            amount: dec!(-2.00),
            rate: dec!(19),
        },
        TaxedAdjustment {
            label: SHIPPING,
            amount: dec!(4.90),
            rate: dec!(19),
        },
    ];
    let mut order = assemble("S01-R01-000044", lines, adjustments, |total| {
        let cash = DocumentPayment {
            method: PaymentMethod::Cash,
            amount: dec!(260),
            reference: None,
        };
        (vec![cash], dec!(260) - to_five_cents(total))
    });
    order.cash_rounding = to_five_cents(order.total) - order.total;
    order.carrier = Some(CARRIER.to_owned());
    order.gift_cards = vec![IssuedGiftCard {
        code: GIFT_CARD_CODE.to_owned(),
        amount: dec!(25.00),
        expires_on: NaiveDate::from_ymd_opt(2028, 12, 31),
    }];
    order
}

/// `amount` rounded to the 5 cents cash is paid in where there are no 1 and 2 cent coins.
fn to_five_cents(amount: Decimal) -> Decimal {
    (amount * dec!(20)).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero) / dec!(20)
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

/// A Z report as a register close makes it: three payment methods, cash in and out, two
/// tax rates, and a shop name in three scripts.
pub fn z_report() -> kassa_documents::ReportDocument {
    use kassa_documents::{ReportDocument, ReportRow, ReportSection};
    let row = |label: &str, value: &str, emphasis: bool| ReportRow {
        label: label.to_owned(),
        value: value.to_owned(),
        emphasis,
    };
    ReportDocument {
        title: "Z report 12".to_owned(),
        lines: vec![
            "Register R1".to_owned(),
            "Opened 23.11.2026 08:00 by Ζωή Ковалёва".to_owned(),
            "Closed 23.11.2026 18:05 by Søren Ødegård".to_owned(),
        ],
        sections: vec![
            ReportSection {
                heading: "Sales".to_owned(),
                rows: vec![
                    row("Orders", "148", false),
                    row("Sales total", "3.412,60 EUR", true),
                ],
            },
            ReportSection {
                heading: "Payment methods".to_owned(),
                rows: vec![
                    row("Cash expected", "1.012,40 EUR", false),
                    row("Cash counted", "1.011,90 EUR", false),
                    row("Cash difference", "-0,50 EUR", true),
                    row("Card expected", "2.150,20 EUR", false),
                    row("Card counted", "2.150,20 EUR", false),
                    row("Gift card expected", "250,00 EUR", false),
                ],
            },
            ReportSection {
                heading: "Cash drawer".to_owned(),
                rows: vec![
                    row("Cash in", "20,00 EUR", false),
                    row(
                        "Out 23.11.2026 12:10: Window cleaner, paid in cash for the shop front and the back door",
                        "7,50 EUR",
                        false,
                    ),
                ],
            },
            ReportSection {
                heading: "Taxes".to_owned(),
                rows: vec![
                    row("VAT 21%", "2.500,00 EUR / 525,00 EUR", false),
                    row("VAT 6%", "365,66 EUR / 21,94 EUR", false),
                ],
            },
        ],
    }
}
