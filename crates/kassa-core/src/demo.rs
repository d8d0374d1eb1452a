//! The demo store: a few hundred products with EAN-13 barcodes in several categories,
//! three tax rates and a few customers. Deterministic (no randomness): the same demo every
//! time, so tests and screenshots can name its barcodes.

use kassa_domain::barcode::ean13_check_digit;
use kassa_store::catalog::NewProduct;

use crate::api::DemoSummary;
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

const TAX_CLASSES: [(&str, &str, &str); 3] = [
    ("standard", "VAT 21%", "21"),
    ("intermediate", "VAT 12%", "12"),
    ("reduced", "VAT 6%", "6"),
];

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

impl Kassa {
    /// Generates `count` past orders over the last two years into a demo store without
    /// orders (`kassa demo --orders N`), for the back office and its benchmarks.
    pub async fn generate_order_history(&self, count: u32) -> ApiResult<i64> {
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
        for (category, tax_class, base_price, items) in CATEGORIES {
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
                    tx.insert_product(&NewProduct {
                        sku: &sku,
                        name: &name,
                        category_id: Some(category_id),
                        price_minor,
                        tax_class_id,
                        stock_on_hand: stock,
                        barcodes: &barcodes,
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
        tx.commit().await?;
        Ok(DemoSummary {
            products,
            categories: i64::try_from(CATEGORIES.len()).unwrap_or(i64::MAX),
            customers: i64::try_from(CUSTOMERS.len()).unwrap_or(i64::MAX),
            tax_rates: i64::try_from(TAX_CLASSES.len()).unwrap_or(i64::MAX),
        })
    }
}
