//! The demo store: a few hundred products with EAN-13 barcodes in several categories,
//! three tax rates and a few customers. Deterministic (no randomness): the same demo every
//! time, so tests and screenshots can name its barcodes.

use chrono::{DateTime, Duration, Utc};
use kassa_domain::barcode::ean13_check_digit;
use kassa_domain::staff::Permission;
use kassa_store::WriteTx;
use kassa_store::catalog::NewProduct;
use kassa_store::coupons::{CouponRow, CouponWrite};
use kassa_store::gift_cards::NewGiftCard;
use kassa_store::shipping::{CarrierRangeRow, CarrierRow};

use crate::api::{CatalogSummary, DemoSummary};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// (category, tax class, base price in cents, items)
const CATEGORIES: [(&str, &str, i64, [&str; 12]); 8] = [
    (
        "Bakery",
        "reduced",
        120,
        [
            "Sourdough loaf",
            "Baguette",
            "Croissant",
            "Pain au chocolat",
            "Rye bread",
            "Brioche",
            "Bagel",
            "Muffin",
            "Cinnamon roll",
            "Focaccia",
            "Waffle",
            "Apple turnover",
        ],
    ),
    (
        "Dairy",
        "reduced",
        95,
        [
            "Whole milk",
            "Greek yoghurt",
            "Butter",
            "Gouda",
            "Brie",
            "Cream",
            "Skyr",
            "Mozzarella",
            "Kefir",
            "Cottage cheese",
            "Emmental",
            "Chocolate milk",
        ],
    ),
    (
        "Produce",
        "reduced",
        80,
        [
            "Bananas",
            "Apples",
            "Tomatoes",
            "Carrots",
            "Avocado",
            "Lemons",
            "Spinach",
            "Potatoes",
            "Onions",
            "Strawberries",
            "Cucumber",
            "Leeks",
        ],
    ),
    (
        "Beverages",
        "standard",
        110,
        [
            "Sparkling water",
            "Still water",
            "Orange juice",
            "Cola",
            "Iced tea",
            "Lemonade",
            "Ginger beer",
            "Apple juice",
            "Cold brew coffee",
            "Kombucha",
            "Tonic water",
            "Energy drink",
        ],
    ),
    (
        "Snacks",
        "standard",
        150,
        [
            "Sea salt crisps",
            "Dark chocolate",
            "Salted peanuts",
            "Pretzels",
            "Granola bar",
            "Milk chocolate",
            "Rice cakes",
            "Trail mix",
            "Popcorn",
            "Speculoos",
            "Wine gums",
            "Cashews",
        ],
    ),
    (
        "Household",
        "standard",
        290,
        [
            "Dish soap",
            "Kitchen roll",
            "Sponges",
            "Bin bags",
            "Laundry liquid",
            "Glass cleaner",
            "Candles",
            "Matches",
            "Light bulb",
            "Batteries AA",
            "Aluminium foil",
            "Freezer bags",
        ],
    ),
    (
        "Stationery",
        "standard",
        180,
        [
            "Notebook",
            "Ballpoint pen",
            "Pencil",
            "Eraser",
            "Sticky notes",
            "Highlighter",
            "Envelope pack",
            "Greeting card",
            "Tape",
            "Scissors",
            "Glue stick",
            "Marker",
        ],
    ),
    (
        "Books & Press",
        "intermediate",
        450,
        [
            "Daily newspaper",
            "Weekly magazine",
            "Crossword book",
            "City map",
            "Cookbook",
            "Travel guide",
            "Comic album",
            "Children's book",
            "Paperback novel",
            "Puzzle magazine",
            "Calendar",
            "Postcard set",
        ],
    ),
];

const SIZES: [(&str, i64); 3] = [("", 100), (" (large)", 175), (" (organic)", 140)];

const TAX_CLASSES: [(&str, &str, &str); 4] = [
    ("standard", "VAT 21%", "21"),
    ("intermediate", "VAT 12%", "12"),
    ("reduced", "VAT 6%", "6"),
    // Gift cards are a means of payment: VAT is due on what they buy, not on the card.
    ("exempt", "No VAT", "0"),
];

/// Grams per unit of each demo category, in the order of `CATEGORIES`.
const WEIGHTS: [i64; 8] = [400, 500, 1_000, 1_000, 150, 700, 100, 300];

/// The demo store's gift card products: SKU, name, price.
const GIFT_CARDS: [(&str, &str, i64); 2] = [
    ("GIFT-025", "Gift card 25", 2_500),
    ("GIFT-050", "Gift card 50", 5_000),
];

/// A demo gift card with a known code and 50.00 on it, to try paying with a gift card.
pub const DEMO_GIFT_CARD: &str = "KASS-A000-0000-0050";

const CUSTOMERS: [(&str, &str, &str); 4] = [
    (
        "Amélie Dubois",
        "amelie.dubois@example.com",
        "+32 470 12 34 56",
    ),
    (
        "Jonas Peeters",
        "jonas.peeters@example.com",
        "+32 471 98 76 54",
    ),
    (
        "Σοφία Παπαδοπούλου",
        "sofia.p@example.com",
        "+30 690 123 4567",
    ),
    ("Иван Петров", "ivan.petrov@example.com", "+359 88 123 4567"),
];

/// The EAN-13 barcode of the n-th demo product (from 0): `54` (Belgium) + a running
/// number + the check digit. Public so that tests can scan demo products.
pub fn demo_barcode(index: usize) -> String {
    let body = format!("5412345{index:05}");
    let check = ean13_check_digit(&body).unwrap_or('0');
    format!("{body}{check}")
}

/// Barcodes of the demo gift card products start at this index of [`demo_barcode`].
pub const GIFT_CARD_BARCODES: usize = 9_000;

fn range(from: i64, to: Option<i64>, price_minor: i64) -> CarrierRangeRow {
    CarrierRangeRow {
        carrier_id: 0,
        from_value: from,
        to_value: to,
        price_minor,
    }
}

/// Demo carriers, coupons and a gift card: enough to try every part of the checkout.
async fn load_demo_checkout(
    tx: &mut WriteTx,
    standard_tax: Option<i64>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let carrier =
        |code: &str, name: &str, countries: &str, free_over_minor: Option<i64>| CarrierRow {
            id: 0,
            code: code.to_owned(),
            name: name.to_owned(),
            active: true,
            is_pickup: false,
            basis: "weight".to_owned(),
            countries: countries.to_owned(),
            customer_groups: String::new(),
            free_over_minor,
            tax_class_id: standard_tax,
            position: 0,
        };
    // Parcels by weight, free from 75.00; a courier for small parcels close by; freight
    // for heavy orders only.
    let mut post = carrier("post", "Standard post", "BE,NL,LU,FR,DE", Some(7_500));
    post.position = 1;
    tx.save_carrier(
        &post,
        &[
            range(0, Some(2_000), 490),
            range(2_000, Some(10_000), 890),
            range(10_000, Some(30_000), 1_490),
        ],
    )
    .await?;
    let mut courier = carrier("courier", "Express courier", "BE,NL,LU", None);
    courier.position = 2;
    tx.save_carrier(&courier, &[range(0, Some(5_000), 990)])
        .await?;
    let mut freight = carrier("freight", "Freight (heavy goods)", "BE,NL,LU,FR,DE", None);
    freight.position = 3;
    tx.save_carrier(&freight, &[range(20_000, None, 4_900)])
        .await?;

    let coupon = |code: &str, description: &str, kind: &str| CouponRow {
        id: 0,
        code: code.to_owned(),
        description: description.to_owned(),
        kind: kind.to_owned(),
        percent: None,
        amount_minor: None,
        scope: "cart".to_owned(),
        free_shipping: false,
        minimum_subtotal_minor: 0,
        valid_from: None,
        valid_to: None,
        usage_limit: None,
        per_customer_limit: None,
        customer_id: None,
        customer_group: None,
        combinable: false,
        active: true,
    };
    let mut welcome = coupon("WELCOME10", "10 % off from 20.00", "percent");
    welcome.percent = Some("10".to_owned());
    welcome.minimum_subtotal_minor = 2_000;
    let mut save5 = coupon("SAVE5", "5.00 off from 30.00, combinable", "fixed");
    save5.amount_minor = Some(500);
    save5.minimum_subtotal_minor = 3_000;
    save5.combinable = true;
    let mut freeship = coupon("FREESHIP", "Free shipping, combinable", "none");
    freeship.free_shipping = true;
    freeship.combinable = true;
    let mut snacks = coupon("SNACKS20", "20 % off snacks", "percent");
    snacks.percent = Some("20".to_owned());
    snacks.scope = "categories".to_owned();
    let mut expired = coupon("SUMMER24", "Last summer's sale (expired)", "percent");
    expired.percent = Some("15".to_owned());
    expired.valid_to = Some(now - Duration::days(90));
    let snacks_category = tx.category_id_by_name("Snacks").await?;
    for (row, targets) in [
        (welcome, Vec::new()),
        (save5, Vec::new()),
        (freeship, Vec::new()),
        (snacks, snacks_category.into_iter().collect()),
        (expired, Vec::new()),
    ] {
        tx.save_coupon(
            &CouponWrite {
                coupon: &row,
                targets: &targets,
            },
            now,
        )
        .await?;
    }
    tx.issue_gift_card(
        &NewGiftCard {
            code: DEMO_GIFT_CARD,
            currency_code: "EUR",
            initial_minor: 5_000,
            expires_at: Some(now + Duration::days(365)),
            order_id: None,
            customer_id: None,
        },
        now,
    )
    .await?;
    Ok(())
}

impl Kassa {
    /// Generates a big catalog of `count` products (`kassa demo --products N`) after the
    /// products the store has, set-based inside SQLite (a million take well under a
    /// minute): two-level categories, unique SKUs, valid EAN-13 barcodes in the in-store
    /// range (`2…`), one clothing family with six variations (Size × Colour) in every 50
    /// rows, one product in 997 switched off. The store needs its tax classes: load the
    /// demo store first.
    pub async fn generate_catalog(&self, count: u32) -> ApiResult<CatalogSummary> {
        self.authorize(Permission::Settings).await?;
        if self.store.tax_class_codes().await?.is_empty() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "A generated catalog needs the demo store's tax classes: load the demo store first.",
            ));
        }
        let generated = self
            .store
            .generate_catalog(i64::from(count), self.clock.now())
            .await?;
        Ok(CatalogSummary {
            products: generated.products,
            variations: generated.variations,
            categories: generated.categories,
        })
    }

    /// Generates `count` past orders over the last two years into a demo store without
    /// orders (`kassa demo --orders N`), for the back office and its benchmarks.
    pub async fn generate_order_history(&self, count: u32) -> ApiResult<i64> {
        self.authorize(Permission::Settings).await?;
        const TWO_YEARS: i64 = 2 * 365 * 24 * 3600;
        let settings = self.settings().await?;
        if settings.pricing.price_mode != kassa_domain::tax::PriceMode::TaxInclusive {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "Demo history is made for tax-inclusive prices.",
            ));
        }
        if self.store.count_orders().await? > 0 {
            return Err(ApiError::new(
                ErrorCode::StoreNotEmpty,
                "The store already has orders; demo history is only generated into a store without orders.",
            ));
        }
        let summary = self
            .store
            .generate_order_history(i64::from(count), self.clock.now(), TWO_YEARS)
            .await?;
        Ok(summary.orders)
    }

    /// Loads the demo store into an empty database, in one transaction.
    pub async fn load_demo(&self) -> ApiResult<DemoSummary> {
        self.authorize(Permission::Settings).await?;
        if self.store.count_products().await? > 0 {
            return Err(ApiError::new(
                ErrorCode::StoreNotEmpty,
                "The store already has products; demo data is only loaded into an empty store.",
            ));
        }
        let now = self.clock.now();
        let mut tx = self.store.begin_write().await?;
        let mut tax_class_ids = Vec::new();
        for (code, label, percent) in TAX_CLASSES {
            tax_class_ids.push((code, tx.insert_tax_class(code, label, percent).await?));
        }
        let mut products = 0_i64;
        let mut index = 0_usize;
        for (((category, tax_class, base_price, items), weight), aisle) in
            CATEGORIES.into_iter().zip(WEIGHTS).zip('A'..)
        {
            let category_id = tx.insert_category(None, category).await?;
            let tax_class_id = tax_class_ids
                .iter()
                .find(|(code, _)| *code == tax_class)
                .map(|(_, id)| *id)
                .ok_or_else(|| {
                    ApiError::new(
                        ErrorCode::Internal,
                        format!("No demo tax class {tax_class}"),
                    )
                })?;
            for (item_number, item) in (0_i64..).zip(items) {
                for (size_number, (suffix, percent)) in (0_i64..).zip(SIZES) {
                    let name = format!("{item}{suffix}");
                    let sku = format!(
                        "{}-{:03}",
                        &category[..3].to_uppercase(),
                        item_number * 3 + size_number + 1
                    );
                    // Prices end in 9 cents like a real shelf; spread over the category.
                    let cents = base_price + item_number * 37 + size_number * 11;
                    let price_minor = (cents * percent / 100) / 10 * 10 + 9;
                    let stock = (item_number * 7 + size_number * 5) % 40 + 3;
                    let barcodes = [demo_barcode(index)];
                    // Aisle per category, shelf per item, level per size: A-01-1.
                    let bin = format!("{aisle}-{:02}-{}", item_number + 1, size_number + 1);
                    tx.insert_product(&NewProduct {
                        sku: &sku,
                        name: &name,
                        category_id: Some(category_id),
                        price_minor,
                        tax_class_id,
                        stock_on_hand: stock,
                        barcodes: &barcodes,
                        weight_grams: Some(weight * percent / 100),
                        kind: "normal",
                        bin_location: Some(&bin),
                        now,
                    })
                    .await?;
                    products += 1;
                    index += 1;
                }
            }
        }
        for (name, email, phone) in CUSTOMERS {
            tx.insert_customer(name, Some(email), Some(phone), now)
                .await?;
        }
        let exempt = tax_class_ids
            .iter()
            .find(|(code, _)| *code == "exempt")
            .map(|(_, id)| *id)
            .ok_or_else(|| ApiError::new(ErrorCode::Internal, "No demo tax class exempt"))?;
        let standard = tax_class_ids
            .iter()
            .find(|(code, _)| *code == "standard")
            .map(|(_, id)| *id);
        for (offset, (sku, name, price_minor)) in (0_usize..).zip(GIFT_CARDS) {
            let barcodes = [demo_barcode(GIFT_CARD_BARCODES + offset)];
            tx.insert_product(&NewProduct {
                sku,
                name,
                category_id: None,
                price_minor,
                tax_class_id: exempt,
                stock_on_hand: 0,
                barcodes: &barcodes,
                weight_grams: None,
                kind: "gift_card",
                bin_location: None,
                now,
            })
            .await?;
            products += 1;
        }
        load_demo_checkout(&mut tx, standard, now).await?;
        tx.commit().await?;
        Ok(DemoSummary {
            products,
            categories: i64::try_from(CATEGORIES.len()).unwrap_or(i64::MAX),
            customers: i64::try_from(CUSTOMERS.len()).unwrap_or(i64::MAX),
            tax_rates: i64::try_from(TAX_CLASSES.len()).unwrap_or(i64::MAX),
        })
    }
}
