//! Every kind of PDF, made from the samples and read back: the text (`pdftotext`), the
//! fonts (`pdffonts`), the page count and size (`pdfinfo`) and the packing slip's barcode
//! (`zbarimg` on a 300 dpi render). Each kind is also rendered at 150 dpi into
//! `tests/artifacts/documents/` for a person to look at.

use std::path::Path;
use std::sync::OnceLock;

use kassa_documents::{DocumentError, DocumentLocale, DocumentMaker, DocumentOrder, NumberStyle};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::samples;
use crate::tools;

fn maker() -> &'static DocumentMaker {
    static MAKER: OnceLock<DocumentMaker> = OnceLock::new();
    MAKER.get_or_init(|| DocumentMaker::new().expect("the embedded fonts parse"))
}

fn germany() -> DocumentLocale {
    DocumentLocale::for_country("DE")
}

fn euros(amount: Decimal) -> String {
    NumberStyle::CommaDecimal.format_amount(amount, &kassa_documents::Currency::new("EUR", 2))
}

/// Saves the PDF, renders its first page for people, and returns its path and text.
fn save_and_read(name: &str, pdf: &[u8]) -> (std::path::PathBuf, String) {
    let path = tools::save(name, pdf);
    tools::render_first_page(&path, 150, "");
    let text = tools::pdf_text(&path);
    (path, text)
}

fn assert_fonts_embedded(path: &Path) {
    let fonts = tools::pdf_fonts(path);
    for face in ["DejaVuSans ", "DejaVuSans-Bold "] {
        let row = fonts
            .lines()
            .find(|line| line.contains(&format!("+{face}")))
            .unwrap_or_else(|| panic!("{face}is not in {}:\n{fonts}", path.display()));
        assert!(
            row.contains("yes yes yes"),
            "{face}must be embedded, subset and have a Unicode map in {}:\n{row}",
            path.display()
        );
    }
}

fn assert_lines_listed(text: &str, order: &DocumentOrder) {
    for line in &order.lines {
        assert!(text.contains(&line.sku), "SKU {} is missing", line.sku);
    }
}

#[test]
fn invoice_shows_lines_tax_rows_totals_and_greek_and_cyrillic_names() {
    let order = samples::order();
    let pdf = maker()
        .invoice(&samples::shop(), &order, germany())
        .unwrap();
    let (path, text) = save_and_read("invoice", &pdf);

    assert!(text.contains("INVOICE"), "the title is printed");
    assert!(
        text.contains("INV-2025-000042"),
        "the invoice number is printed"
    );
    assert!(
        text.contains("S01-R01-000042"),
        "the order reference is printed"
    );
    assert!(
        text.contains(samples::GREEK_CUSTOMER),
        "Greek bill-to name survives:\n{text}"
    );
    assert!(text.contains("Οδός Ερμού 25"), "Greek address survives");
    assert!(
        text.contains(samples::CYRILLIC_RECIPIENT),
        "Cyrillic ship-to name survives"
    );
    assert!(text.contains("Иван-чай"), "Cyrillic product name survives");
    assert!(text.contains("Hauptstraße 12"), "German ß survives");
    assert_lines_listed(&text, &order);
    for line in &order.lines {
        assert!(
            text.contains(&euros(line.line_total)),
            "line total {} is missing",
            line.line_total
        );
    }
    for row in &order.tax_breakdown {
        let expected = &row.label;
        let tax_row = text
            .lines()
            .find(|line| line.contains(expected.as_str()) && line.contains(&euros(row.base)))
            .unwrap_or_else(|| panic!("no tax row for {expected} with base {}:\n{text}", row.base));
        assert!(
            tax_row.contains(&euros(row.tax)),
            "tax row {expected} shows its tax {}",
            row.tax
        );
    }
    assert!(
        text.contains("227,38"),
        "the total of the sample (computed by hand) is 227,38"
    );
    assert!(
        text.contains(&euros(order.subtotal)),
        "the subtotal is printed"
    );
    assert!(
        text.contains(&euros(order.tax_total)),
        "the tax total is printed"
    );
    assert!(text.contains("Total EUR"), "the total names its currency");
    assert!(text.contains("Page 1 of 1"), "a one-page invoice says so");
    assert_eq!(tools::page_count(&path), 1);
    assert_fonts_embedded(&path);
}

#[test]
fn long_invoice_flows_onto_further_pages_with_repeated_headers_and_page_numbers() {
    let order = samples::long_order();
    let pdf = maker()
        .invoice(&samples::shop(), &order, germany())
        .unwrap();
    let path = tools::save("invoice-long", &pdf);
    let text = tools::pdf_text(&path);
    let pages = tools::page_count(&path);
    assert!(
        pages >= 3,
        "90 lines need at least three A4 pages, got {pages}"
    );
    let page_texts: Vec<&str> = text
        .split('\u{c}')
        .filter(|page| !page.trim().is_empty())
        .collect();
    assert_eq!(
        page_texts.len(),
        pages,
        "pdftotext separates pages with form feeds"
    );
    for (index, page) in page_texts.iter().enumerate() {
        let number = format!("Page {} of {pages}", index + 1);
        assert!(page.contains(&number), "page {} says {number:?}", index + 1);
        assert!(
            page.contains("DESCRIPTION") && page.contains("UNIT PRICE"),
            "page {} repeats the table header",
            index + 1
        );
        if index > 0 {
            assert!(
                page.contains("Invoice INV-2025-001337 (continued)"),
                "follow-on pages say what continues"
            );
        }
    }
    assert_lines_listed(&text, &order);
    let last = page_texts.last().unwrap();
    assert!(
        last.contains(&euros(order.total)),
        "the total is on the last page"
    );
}

#[test]
fn credit_note_names_the_invoice_it_corrects_and_the_amount_credited() {
    let note = samples::credit_note();
    let pdf = maker()
        .credit_note(&samples::shop(), &note, germany())
        .unwrap();
    let (path, text) = save_and_read("credit-note", &pdf);
    assert!(text.contains("CREDIT NOTE"));
    assert!(text.contains("CN-2025-000003"), "its own number");
    assert!(text.contains("INV-2025-000042"), "the invoice it corrects");
    assert!(text.contains("cup arrived chipped"), "the reason");
    assert!(text.contains(samples::GREEK_CUSTOMER));
    assert!(text.contains("Total credited EUR"));
    assert!(text.contains("37,00"), "two cups at 18,50 are credited");
    assert!(text.contains(&euros(note.tax_total)), "the credited tax");
    assert_fonts_embedded(&path);
}

#[test]
fn packing_slip_shows_ship_to_bins_and_quantities_but_no_prices() {
    let order = samples::order();
    let pdf = maker()
        .packing_slip(&samples::shop(), &order, germany())
        .unwrap();
    let (path, text) = save_and_read("packing-slip", &pdf);
    assert!(text.contains("PACKING SLIP"));
    assert!(text.contains(samples::CYRILLIC_RECIPIENT), "ship-to name");
    assert!(text.contains("125009 Москва"), "ship-to address");
    assert_lines_listed(&text, &order);
    for line in &order.lines {
        let bin = line.bin_location.as_deref().unwrap();
        let row = text.lines().find(|row| row.contains(&line.sku)).unwrap();
        assert!(
            row.contains(bin),
            "the row of {} shows its bin {bin}: {row}",
            line.sku
        );
    }
    for line in &order.lines {
        for price in [line.unit_price, line.line_total] {
            assert!(
                !text.contains(&euros(price)),
                "a packing slip shows no prices, found {price}"
            );
        }
    }
    assert!(!text.contains(&euros(order.total)), "no total");
    assert!(!text.contains("EUR"), "no currency at all");
    assert_fonts_embedded(&path);
}

#[test]
fn packing_slip_barcode_scans_back_as_the_order_reference() {
    let order = samples::order();
    let pdf = maker()
        .packing_slip(&samples::shop(), &order, germany())
        .unwrap();
    let path = tools::save("packing-slip-scan", &pdf);
    let png = tools::render_first_page(&path, 300, "-300dpi");
    let decoded = tools::decode_barcodes(&png);
    assert_eq!(
        decoded.trim(),
        format!("CODE-128:{}", order.reference),
        "the scanner must read exactly the order reference"
    );
}

#[test]
fn batch_of_packing_slips_numbers_each_slip_on_its_own() {
    let orders = samples::batch();
    let pdf = maker()
        .packing_slips(&samples::shop(), &orders, germany())
        .unwrap();
    let path = tools::save("packing-slips-batch", &pdf);
    let text = tools::pdf_text(&path);
    assert_eq!(
        tools::page_count(&path),
        orders.len(),
        "one page per short slip"
    );
    assert_eq!(
        text.matches("Page 1 of 1").count(),
        orders.len(),
        "each slip counts its own pages"
    );
    for order in &orders {
        assert!(text.contains(&order.reference));
    }
}

#[test]
fn pick_list_sums_quantities_per_product_in_bin_order() {
    let orders = samples::batch();
    let pdf = maker()
        .pick_list(&samples::shop(), &orders, samples::created_at(), germany())
        .unwrap();
    let (path, text) = save_and_read("pick-list", &pdf);
    assert!(text.contains("PICK LIST"));
    // The four orders hold the first 6, 3, 4 and 2 sample lines: coffee (2 each) and
    // olives (3 each) are in all four, tea (1) in three, the cups (2) in two.
    let expectations = [
        ("COF-ETH-500", "8", "4"),
        ("OLV-KAL-250", "12", "4"),
        ("TEA-IVN-100", "3", "3"),
        ("MUG-CER-350", "4", "2"),
    ];
    for (sku, quantity, order_count) in expectations {
        let row = text.lines().find(|line| line.contains(sku)).unwrap();
        let numbers: Vec<&str> = row.split_whitespace().rev().take(2).collect();
        assert_eq!(
            numbers,
            [order_count, quantity],
            "{sku}: quantity then order count in {row:?}"
        );
    }
    let bins: Vec<&str> = text
        .lines()
        .filter_map(|line| {
            line.split_whitespace()
                .find(|word| word.len() == 6 && word.as_bytes()[1] == b'-')
        })
        .collect();
    let mut sorted = bins.clone();
    sorted.sort_unstable();
    assert!(bins.len() >= 5, "every product row shows its bin: {bins:?}");
    assert_eq!(
        bins, sorted,
        "rows follow the bins, the picker's walking order"
    );
    for price in ["14,90", "129,00"] {
        assert!(!text.contains(price), "a pick list shows no prices");
    }
    assert_fonts_embedded(&path);
}

#[test]
fn pick_list_of_many_products_flows_onto_further_pages_with_repeated_headers() {
    let mut orders = vec![samples::long_order(), samples::long_order()];
    orders[1].reference = "S01-R02-001338".to_owned();
    let pdf = maker()
        .pick_list(&samples::shop(), &orders, samples::created_at(), germany())
        .unwrap();
    let path = tools::save("pick-list-long", &pdf);
    let pages = tools::page_count(&path);
    assert!(
        pages >= 2,
        "90 products need more than one page, got {pages}"
    );
    let text = tools::pdf_text(&path);
    for (index, page) in text
        .split('\u{c}')
        .filter(|page| !page.trim().is_empty())
        .enumerate()
    {
        assert!(
            page.contains("BIN") && page.contains("QTY"),
            "page {} repeats the header",
            index + 1
        );
        assert!(page.contains(&format!("Page {} of {pages}", index + 1)));
    }
    // Each of the 90 SKUs is in both orders: every row shows twice the order's quantity.
    let row = text
        .lines()
        .find(|line| line.contains("COF-ETH-500-03"))
        .unwrap();
    let numbers: Vec<&str> = row.split_whitespace().rev().take(2).collect();
    assert_eq!(numbers, ["2", "10"], "5 per order, in 2 orders: {row:?}");
}

#[test]
fn receipt_is_80_mm_wide_and_as_tall_as_its_content() {
    let order = samples::cash_order();
    let pdf = maker()
        .receipt(&samples::shop(), &order, germany())
        .unwrap();
    let (path, text) = save_and_read("receipt", &pdf);
    let (width, height) = tools::page_size(&path);
    assert!(
        (width - 226.77).abs() < 0.1,
        "80 mm is 226.77 pt wide, got {width}"
    );
    assert!(
        height > 300.0 && height < 700.0,
        "the height follows the content, got {height}"
    );
    assert!(text.contains("TOTAL EUR"));
    assert!(text.contains("227,38"), "the total");
    assert!(text.contains("500,00"), "the cash tendered");
    assert!(text.contains(&euros(order.change_due)), "the change");
    assert!(text.contains("Иван-чай"), "Cyrillic on the receipt");
    assert_fonts_embedded(&path);
}

#[test]
fn us_shops_get_letter_paper_and_month_first_dates() {
    let order = samples::order();
    let pdf = maker()
        .invoice(&samples::shop(), &order, DocumentLocale::for_country("US"))
        .unwrap();
    let path = tools::save("invoice-letter", &pdf);
    assert_eq!(tools::page_size(&path), (612.0, 792.0), "US Letter");
    let text = tools::pdf_text(&path);
    assert!(text.contains("03/14/2025"), "month first");
    assert!(text.contains("227.38"), "point decimal");
}

#[test]
fn amounts_finer_than_the_currency_are_refused_instead_of_rounded() {
    let mut order = samples::order();
    order.lines[1].unit_price = dec!(4.495);
    let error = maker()
        .invoice(&samples::shop(), &order, germany())
        .unwrap_err();
    assert!(
        matches!(error, DocumentError::AmountTooPrecise { .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("line 2 unit price"),
        "the message names the amount: {error}"
    );
}

#[test]
fn an_order_without_an_invoice_has_no_invoice_pdf() {
    let mut order = samples::order();
    order.invoice = None;
    let error = maker()
        .invoice(&samples::shop(), &order, germany())
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("S01-R01-000042 has no invoice yet"),
        "{error}"
    );
}

/// The line of `text` that holds `label`, for reading the amount printed beside it.
fn row_of<'t>(text: &'t str, label: &str) -> &'t str {
    text.lines()
        .find(|line| line.contains(label))
        .unwrap_or_else(|| panic!("no line with {label:?} in:\n{text}"))
}

/// Whether `row` ends with `amount` (the amount column is the last on the line).
fn ends_with_amount(row: &str, amount: &str) -> bool {
    row.trim_end().ends_with(amount)
}

#[test]
fn invoice_of_a_promotion_shows_coupon_shipping_carrier_rounding_and_the_gift_card() {
    let order = samples::promo_order();
    let pdf = maker()
        .invoice(&samples::shop(), &order, germany())
        .unwrap();
    let (path, text) = save_and_read("invoice-promo", &pdf);

    // Lines, then items total, coupon, shipping, and the totals that still add up.
    let items = row_of(&text, "Items total");
    assert!(ends_with_amount(items, "251,38"), "{items:?}");
    let coupon = row_of(&text, samples::COUPON);
    assert!(ends_with_amount(coupon, "-2,00"), "{coupon:?}");
    let shipping = row_of(&text, samples::SHIPPING);
    assert!(ends_with_amount(shipping, "4,90"), "{shipping:?}");
    let lines = text.lines().collect::<Vec<_>>();
    let position = |label: &str| lines.iter().position(|line| line.contains(label)).unwrap();
    assert!(
        position("Items total") < position(samples::COUPON)
            && position(samples::COUPON) < position(samples::SHIPPING)
            && position(samples::SHIPPING) < position("Total EUR"),
        "items total, coupon and shipping come in that order before the total"
    );
    assert_eq!(
        order.items_total - dec!(2.00) + dec!(4.90),
        order.total,
        "the sample adds up"
    );
    assert!(ends_with_amount(row_of(&text, "Total EUR"), "254,28"));
    assert!(ends_with_amount(
        row_of(&text, "Subtotal (net)"),
        &euros(order.subtotal)
    ));
    assert!(ends_with_amount(
        row_of(&text, "Tax   "),
        &euros(order.tax_total)
    ));
    assert_eq!(order.subtotal + order.tax_total, order.total);

    // Cash rounding after the total, with what was paid in cash, and nothing left due.
    assert!(position("Total EUR") < position("Cash rounding"));
    assert!(ends_with_amount(row_of(&text, "Cash rounding"), "0,02"));
    assert!(ends_with_amount(
        row_of(&text, "Amount paid in cash"),
        "254,30"
    ));
    assert!(ends_with_amount(row_of(&text, "Paid by Cash"), "260,00"));
    assert!(ends_with_amount(row_of(&text, "Change given"), "5,70"));
    assert!(
        ends_with_amount(row_of(&text, "Amount due"), "0,00"),
        "the rounding is part of what was due"
    );

    // The line discount under the coffee, whose amount is after the discount.
    let coffee = row_of(&text, "COF-ETH-500");
    assert!(ends_with_amount(coffee, "28,80"), "{coffee:?}");
    assert!(text.contains("Discount -1,00"), "the line discount");
    assert_eq!(
        text.matches("Discount ").count(),
        1,
        "only the discounted line"
    );

    // The carrier under the ship-to address, and the gift card in its own section.
    assert!(text.contains("Delivery: Standard post"));
    assert!(position("Gift cards issued") > position("Amount due"));
    let card = row_of(&text, samples::GIFT_CARD_CODE);
    assert!(!card.contains("…"), "the code is printed whole: {card:?}");
    let card_at = position(samples::GIFT_CARD_CODE);
    let around = lines[card_at - 1..=card_at + 1].join("\n");
    assert!(around.contains("25,00 EUR"), "the card's value:\n{around}");
    assert!(
        around.contains("Valid until 2028-12-31"),
        "its last day:\n{around}"
    );
    assert!(text.contains("Page 1 of 1"));
    assert_fonts_embedded(&path);
}

#[test]
fn gift_card_codes_print_large_on_the_invoice() {
    let order = samples::promo_order();
    let pdf = maker()
        .invoice(&samples::shop(), &order, germany())
        .unwrap();
    let path = tools::save("invoice-promo-bbox", &pdf);
    let html = tools::pdf_word_boxes(&path);
    let height_of = |word: &str| {
        let line = html
            .lines()
            .find(|line| line.ends_with(&format!(">{word}</word>")))
            .unwrap_or_else(|| panic!("{word} is not a word of the PDF"));
        let coordinate = |name: &str| -> f64 {
            let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            let rest = &line[start..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        };
        coordinate("yMax") - coordinate("yMin")
    };
    let code = height_of(samples::GIFT_CARD_CODE);
    let body = height_of("COF-ETH-500");
    assert!(
        code > 1.7 * body,
        "the gift card code ({code:.1} pt) is far larger than body text ({body:.1} pt)"
    );
}

#[test]
fn many_gift_cards_continue_on_the_next_page() {
    let mut order = samples::promo_order();
    let card = order.gift_cards[0].clone();
    order.gift_cards = (0..30)
        .map(|number| kassa_documents::IssuedGiftCard {
            code: format!("GC-BULK-{number:04}"),
            expires_on: None,
            ..card.clone()
        })
        .collect();
    let pdf = maker()
        .invoice(&samples::shop(), &order, germany())
        .unwrap();
    let path = tools::save("invoice-many-gift-cards", &pdf);
    let text = tools::pdf_text(&path);
    let pages = tools::page_count(&path);
    assert!(pages >= 2, "30 gift cards do not fit under the totals");
    for number in 0..30 {
        assert_eq!(
            text.matches(&format!("GC-BULK-{number:04}")).count(),
            1,
            "card {number} is printed once"
        );
    }
    assert!(!text.contains("Valid until"), "these cards do not expire");
    let last = text
        .split('\u{c}')
        .rfind(|page| !page.trim().is_empty())
        .unwrap();
    assert!(last.contains("Gift cards issued"), "the box goes on");
    assert!(
        last.contains("Thank you for shopping"),
        "the closing line comes last"
    );
    assert!(last.contains(&format!("Page {pages} of {pages}")));
}

#[test]
fn receipt_of_a_promotion_shows_coupon_shipping_rounding_and_the_gift_card() {
    let order = samples::promo_order();
    let pdf = maker()
        .receipt(&samples::shop(), &order, germany())
        .unwrap();
    let (path, text) = save_and_read("receipt-promo", &pdf);
    let lines = text.lines().collect::<Vec<_>>();
    let position = |label: &str| lines.iter().position(|line| line.contains(label)).unwrap();

    assert!(ends_with_amount(row_of(&text, "Items total"), "251,38"));
    assert!(ends_with_amount(row_of(&text, samples::COUPON), "-2,00"));
    assert!(ends_with_amount(row_of(&text, samples::SHIPPING), "4,90"));
    assert!(ends_with_amount(row_of(&text, "TOTAL EUR"), "254,28"));
    assert!(ends_with_amount(row_of(&text, "Cash rounding"), "0,02"));
    assert!(ends_with_amount(
        row_of(&text, "Amount paid in cash"),
        "254,30"
    ));
    assert!(ends_with_amount(row_of(&text, "Change"), "5,70"));
    assert!(
        position(samples::SHIPPING) < position("TOTAL EUR")
            && position("TOTAL EUR") < position("Cash rounding")
            && position("Cash rounding") < position("Amount paid in cash")
    );
    assert!(text.contains("Discount -1,00"), "the line discount");
    assert!(position("Gift cards issued") > position("Change"));
    assert!(position(samples::GIFT_CARD_CODE) > position("Gift cards issued"));
    let details = lines[position(samples::GIFT_CARD_CODE) + 1];
    assert!(
        details.contains("25,00 EUR") && details.contains("valid until 2028-12-31"),
        "{details:?}"
    );
    assert!(
        !text.contains("Delivery:"),
        "the carrier is for the invoice and the packing slip"
    );
    let (width, _) = tools::page_size(&path);
    assert!((width - 226.77).abs() < 0.1, "still 80 mm wide");
    assert_fonts_embedded(&path);
}

#[test]
fn packing_slip_of_a_shipped_order_names_the_carrier_and_still_no_prices() {
    let order = samples::promo_order();
    let pdf = maker()
        .packing_slip(&samples::shop(), &order, germany())
        .unwrap();
    let (_, text) = save_and_read("packing-slip-promo", &pdf);
    assert!(text.contains("Delivery: Standard post"));
    for price in [
        "-2,00", "4,90", "254,28", "254,30", "0,02", "25,00", "28,80",
    ] {
        assert!(!text.contains(price), "a packing slip shows no {price}");
    }
    for word in [
        "Coupon",
        "Shipping",
        "Cash rounding",
        "Gift cards issued",
        "EUR",
    ] {
        assert!(!text.contains(word), "a packing slip shows no {word}");
    }
    assert!(
        !text.contains(samples::GIFT_CARD_CODE),
        "a gift card code in a parcel could be used by anyone who opens it"
    );
}

#[test]
fn an_invoice_without_a_ship_to_address_names_the_carrier_among_its_facts() {
    let mut order = samples::promo_order();
    order.ship_to = None;
    let pdf = maker()
        .invoice(&samples::shop(), &order, germany())
        .unwrap();
    let path = tools::save("invoice-carrier-no-ship-to", &pdf);
    let text = tools::pdf_text(&path);
    let row = row_of(&text, "Delivery");
    assert!(ends_with_amount(row, "Standard post"), "{row:?}");
    assert!(!text.contains("SHIP TO"));
}

#[test]
fn over_precise_new_amounts_are_refused_too() {
    type Spoil = fn(&mut DocumentOrder);
    let cases: [(&str, Spoil); 4] = [
        ("Coupon SPRING10", |order| {
            order.adjustments[0].amount = dec!(-2.005)
        }),
        ("cash rounding", |order| order.cash_rounding = dec!(0.021)),
        ("gift card GC-7Q4M-K2XD-93PL", |order| {
            order.gift_cards[0].amount = dec!(25.001);
        }),
        ("line 1 discount", |order| {
            order.lines[0].discount = dec!(1.001)
        }),
    ];
    for (what, spoil) in cases {
        let mut order = samples::promo_order();
        spoil(&mut order);
        let error = maker()
            .receipt(&samples::shop(), &order, germany())
            .unwrap_err();
        assert!(error.to_string().starts_with(what), "{what}: {error}");
    }
}

#[test]
fn the_new_payment_methods_are_named_on_the_invoice() {
    use kassa_documents::{DocumentPayment, PaymentMethod};
    let mut order = samples::order();
    let methods = [
        (PaymentMethod::GiftCard, dec!(50.00), Some("GC-OLD-0001")),
        (PaymentMethod::StoreCredit, dec!(20.00), None),
        (PaymentMethod::Check, dec!(30.00), Some("No. 000123")),
        (PaymentMethod::WireTransfer, dec!(100.00), None),
        (PaymentMethod::CashOnDelivery, dec!(27.38), None),
    ];
    order.payments = methods
        .iter()
        .map(|(method, amount, reference)| DocumentPayment {
            method: method.clone(),
            amount: *amount,
            reference: reference.map(str::to_owned),
        })
        .collect();
    let pdf = maker()
        .invoice(&samples::shop(), &order, germany())
        .unwrap();
    let path = tools::save("invoice-payment-methods", &pdf);
    let text = tools::pdf_text(&path);
    for (label, amount) in [
        ("Paid by Gift card · GC-OLD-0001", "50,00"),
        ("Paid by Store credit", "20,00"),
        ("Paid by Check · No. 000123", "30,00"),
        ("Paid by Wire transfer", "100,00"),
        ("Paid by Cash on delivery", "27,38"),
        ("Amount due", "0,00"),
    ] {
        assert!(ends_with_amount(row_of(&text, label), amount), "{label}");
    }
}

#[test]
fn z_report_pdf_holds_every_figure_in_selectable_text() {
    let mut shop = samples::shop();
    shop.name = "Ζαχαροπλαστείο Café Ёлка".to_owned();
    let report = samples::z_report();
    let pdf = maker().report(&shop, &report, germany()).unwrap();
    let (path, text) = save_and_read("z-report", &pdf);
    assert_fonts_embedded(&path);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Ζαχαροπλαστείο Café Ёлка",
        "Z report 12",
        "Ζωή Ковалёва",
        "Søren Ødegård",
    ] {
        assert!(flat.contains(expected), "{expected} missing in:\n{text}");
    }
    for section in &report.sections {
        assert!(
            flat.contains(&section.heading),
            "{} missing",
            section.heading
        );
        for row in &section.rows {
            assert!(
                flat.contains(&row.value),
                "{} missing in:\n{text}",
                row.value
            );
            let first_word = row.label.split_whitespace().next().unwrap();
            assert!(flat.contains(first_word), "{} missing", row.label);
        }
    }
    assert!(
        flat.contains("Window cleaner"),
        "a long label wraps, it is not cut"
    );
    assert_eq!(tools::page_count(&path), 1);

    let mut untitled = report;
    untitled.title = " ".to_owned();
    assert!(matches!(
        maker().report(&shop, &untitled, germany()),
        Err(DocumentError::UntitledReport)
    ));
}
