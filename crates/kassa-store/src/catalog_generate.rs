//! A big demo catalog in bulk (`kassa demo --products 1000000`): products in a two-level
//! category tree, generated inside SQLite with a recursive CTE, so that a million products
//! take seconds, not the hours a million single inserts would.
//!
//! Every generated product is complete: a unique SKU (category code and id), a valid
//! EAN-13 barcode in the in-store range (`2…`, check digit computed in SQL), a name made of
//! a brand, a word and the category's noun and a pack size, a price, stock, a weight, a bin
//! location and its search-index entry. One row in fifty is a clothing product with six
//! variations (Size × Colour), each with its own SKU, barcode, price and stock; one product
//! in 997 is switched off. Stock movements are not written (this is a catalog, not a
//! history).

use sqlx::{Connection, SqliteConnection};

use crate::catalog::{index_products_for_search, rebuild_category_tree};
use crate::{Store, StoreError, StoreResult};

/// Products per transaction: a multiple of the 50-row block of a clothing family.
const BATCH: i64 = 100_000;

/// A top-level category: name, SKU code, tax class code, and (subcategory, product noun).
type TopCategory = (
    &'static str,
    &'static str,
    &'static str,
    [(&'static str, &'static str); 8],
);

/// The generated category tree; the last one holds the families with variations.
const CATEGORIES: [TopCategory; 12] = [
    (
        "Drinks",
        "DRK",
        "standard",
        [
            ("Juice", "juice"),
            ("Soda", "soda"),
            ("Water", "water"),
            ("Coffee", "coffee"),
            ("Tea", "tea"),
            ("Beer", "beer"),
            ("Wine", "wine"),
            ("Smoothies", "smoothie"),
        ],
    ),
    (
        "Sweets & Snacks",
        "SNK",
        "standard",
        [
            ("Chocolate", "chocolate"),
            ("Crisps", "crisps"),
            ("Nuts", "nuts"),
            ("Biscuits", "biscuits"),
            ("Candy", "candy"),
            ("Popcorn", "popcorn"),
            ("Cereal bars", "cereal bar"),
            ("Liquorice", "liquorice"),
        ],
    ),
    (
        "Pantry",
        "PAN",
        "reduced",
        [
            ("Pasta", "pasta"),
            ("Rice", "rice"),
            ("Sauces", "tomato sauce"),
            ("Soups", "soup"),
            ("Spices", "spice mix"),
            ("Oils", "olive oil"),
            ("Flour", "flour"),
            ("Canned vegetables", "canned beans"),
        ],
    ),
    (
        "Dairy & Eggs",
        "DAI",
        "reduced",
        [
            ("Milk", "milk"),
            ("Cheese", "cheese"),
            ("Yoghurt", "yoghurt"),
            ("Butter", "butter"),
            ("Eggs", "eggs"),
            ("Cream", "cream"),
            ("Desserts", "pudding"),
            ("Plant-based", "oat drink"),
        ],
    ),
    (
        "Bread & Bakes",
        "BRD",
        "reduced",
        [
            ("Bread", "bread"),
            ("Rolls", "rolls"),
            ("Cakes", "cake"),
            ("Cookies", "cookies"),
            ("Pastries", "pastry"),
            ("Wraps", "wraps"),
            ("Crackers", "crackers"),
            ("Toast", "toast"),
        ],
    ),
    (
        "Frozen",
        "FRZ",
        "reduced",
        [
            ("Ice cream", "ice cream"),
            ("Pizza", "pizza"),
            ("Vegetables", "frozen peas"),
            ("Fish", "fish fingers"),
            ("Fries", "fries"),
            ("Ready meals", "lasagne"),
            ("Berries", "berries"),
            ("Dumplings", "dumplings"),
        ],
    ),
    (
        "Home",
        "HOM",
        "standard",
        [
            ("Cleaning", "cleaner"),
            ("Laundry", "detergent"),
            ("Paper", "kitchen towels"),
            ("Dishwashing", "dish tabs"),
            ("Bags", "bin bags"),
            ("Candles", "candle"),
            ("Batteries", "batteries"),
            ("Lighting", "led bulb"),
        ],
    ),
    (
        "Personal care",
        "PER",
        "standard",
        [
            ("Shampoo", "shampoo"),
            ("Soap", "soap"),
            ("Toothpaste", "toothpaste"),
            ("Deodorant", "deodorant"),
            ("Skin care", "face cream"),
            ("Shaving", "razor"),
            ("Hair care", "hair gel"),
            ("Sun care", "sunscreen"),
        ],
    ),
    (
        "Baby",
        "BAB",
        "standard",
        [
            ("Nappies", "nappies"),
            ("Baby food", "baby puree"),
            ("Wipes", "baby wipes"),
            ("Bottles", "baby bottle"),
            ("Baby care", "baby lotion"),
            ("Teething", "teether"),
            ("Baby snacks", "rice rusks"),
            ("Baby toys", "rattle"),
        ],
    ),
    (
        "Pets",
        "PET",
        "standard",
        [
            ("Dog food", "dog food"),
            ("Cat food", "cat food"),
            ("Treats", "pet treats"),
            ("Litter", "cat litter"),
            ("Pet toys", "chew toy"),
            ("Bird food", "bird seed"),
            ("Fish food", "fish flakes"),
            ("Pet care", "flea shampoo"),
        ],
    ),
    (
        "Office & Books",
        "OFF",
        "standard",
        [
            ("Notebooks", "notebook"),
            ("Pens", "pen"),
            ("Paper", "printer paper"),
            ("Folders", "folder"),
            ("Books", "paperback"),
            ("Magazines", "magazine"),
            ("Cards", "greeting card"),
            ("Art supplies", "colour pencils"),
        ],
    ),
    (
        "Clothing",
        "CLO",
        "standard",
        [
            ("T-shirts", "t-shirt"),
            ("Hoodies", "hoodie"),
            ("Socks", "socks"),
            ("Caps", "cap"),
            ("Jackets", "jacket"),
            ("Jeans", "jeans"),
            ("Scarves", "scarf"),
            ("Sneakers", "sneakers"),
        ],
    ),
];

/// Word lists: brands, descriptive words, pack sizes, clothing sizes, colours.
const WORDS: [&[&str]; 5] = [
    &[
        "Alpenhof",
        "Belvoir",
        "Casa Verde",
        "Dalmore",
        "Elmwood",
        "Fjordland",
        "Golden Field",
        "Hartley",
        "Isola",
        "Juniper",
        "Kestrel",
        "Lindqvist",
        "Maison Clair",
        "Nordhaven",
        "Oakridge",
        "Piccolo",
        "Quintana",
        "Rosewood",
        "Sunvale",
        "Tidewater",
        "Umbria",
        "Valdoro",
        "Westbrook",
        "Zephyr",
    ],
    &[
        "Dark",
        "Milk",
        "White",
        "Organic",
        "Classic",
        "Crunchy",
        "Smooth",
        "Spicy",
        "Sweet",
        "Salted",
        "Light",
        "Extra",
        "Premium",
        "Fresh",
        "Golden",
        "Wild",
        "Mild",
        "Strong",
        "Creamy",
        "Sparkling",
        "Roasted",
        "Vanilla",
        "Lemon",
        "Berry",
        "Honey",
        "Mint",
        "Caramel",
        "Coconut",
        "Hazelnut",
        "Ginger",
        "Smoky",
        "Natural",
    ],
    &[
        "100 g",
        "200 g",
        "250 g",
        "500 g",
        "1 kg",
        "330 ml",
        "500 ml",
        "1 l",
        "1.5 l",
        "6 pack",
        "12 pack",
        "family size",
    ],
    &["S", "M", "L"],
    &["Black", "White"],
];

/// What was generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GeneratedCatalog {
    /// Product rows (parents and variations included).
    pub products: i64,
    /// Of which variations.
    pub variations: i64,
    /// Categories in the tree the products are in.
    pub categories: i64,
}

/// The check digit of the 12-digit text `body`, in SQL.
macro_rules! ean13_check {
    ($body:literal) => {
        concat!(
            "((10 - ((substr(",
            $body,
            ", 1, 1) + substr(",
            $body,
            ", 3, 1) + substr(",
            $body,
            ", 5, 1) + substr(",
            $body,
            ", 7, 1) + substr(",
            $body,
            ", 9, 1) + substr(",
            $body,
            ", 11, 1)) + 3 * (substr(",
            $body,
            ", 2, 1) + substr(",
            $body,
            ", 4, 1) + substr(",
            $body,
            ", 6, 1) + substr(",
            $body,
            ", 8, 1) + substr(",
            $body,
            ", 10, 1) + substr(",
            $body,
            ", 12, 1))) % 10) % 10)"
        )
    };
}

/// The generation of one batch: ?1 first index, ?2 end index (exclusive), ?3 id of index 0,
/// ?4 now. Index `i` is product `?3 + i`; in each block of 50, rows 0–42 are products of
/// their own, row 43 a clothing parent and rows 44–49 its six variations.
const INSERT_PRODUCTS: &str = "
    WITH RECURSIVE n (i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?2),
    x AS (SELECT i, i % 50 AS k,
                 CASE WHEN i % 50 >= 43 THEN i - i % 50 + 43 ELSE i END AS j,
                 CASE WHEN i % 50 >= 43 THEN 88 + (i / 50) % 8 ELSE (i * 7 + i / 50) % 88 END AS leaf
            FROM n)
    INSERT INTO products (id, sku, name, description, category_id, price_minor, tax_class_id, stock_tracked,
                          stock_on_hand, weight_grams, shippable, active, kind, bin_location, parent_id,
                          created_at, updated_at)
    SELECT ?3 + x.i,
           CASE WHEN x.k > 43
                THEN l.code || '-' || printf('%07d', ?3 + x.j) || '-' || sz.word || '-' || upper(substr(co.word, 1, 3))
                ELSE l.code || '-' || printf('%07d', ?3 + x.i) END,
           b.word || ' ' || a.word || ' ' || l.noun ||
           CASE WHEN x.k < 43 THEN ' ' || pk.word WHEN x.k > 43 THEN ' ' || sz.word || ' ' || co.word ELSE '' END,
           '', l.category_id,
           ((x.j * 37) % 490) * 10 + 99 + CASE WHEN x.k > 43 THEN ((x.k - 44) % 3) * 200 ELSE 0 END,
           l.tax_class_id, 1, CASE WHEN x.k = 43 THEN 0 ELSE (x.i * 13) % 60 END,
           50 + (x.j * 17) % 950, 1, (x.i % 997) <> 500, 'normal',
           printf('%s-%02d-%d', char(65 + x.leaf % 26), (x.i / 50) % 40 + 1, x.k % 5 + 1),
           CASE WHEN x.k > 43 THEN ?3 + x.j END, ?4, ?4
      FROM x
     CROSS JOIN gen_leaf l ON l.idx = x.leaf
     CROSS JOIN gen_word b ON b.list = 0 AND b.idx = (x.j * 13 + 5) % 24
     CROSS JOIN gen_word a ON a.list = 1 AND a.idx = (x.j * 7 + x.j / 88) % 32
     CROSS JOIN gen_word pk ON pk.list = 2 AND pk.idx = (x.j * 3) % 12
      LEFT JOIN gen_word sz ON sz.list = 3 AND sz.idx = (x.k - 44) % 3
      LEFT JOIN gen_word co ON co.list = 4 AND co.idx = (x.k - 44) / 3";

/// Barcodes of the batch's products that are sold (not the parents): ?1 first id, ?2 last.
const INSERT_BARCODES: &str = concat!(
    "INSERT INTO product_barcodes (barcode, product_id)
     SELECT body || ",
    ean13_check!("body"),
    ", id
       FROM (SELECT p.id, printf('2%011d', p.id) AS body FROM products p
              WHERE p.id BETWEEN ?1 AND ?2 AND NOT EXISTS (SELECT 1 FROM products v WHERE v.parent_id = p.id))"
);

/// Size and colour of the batch's variations: ?1 first id, ?2 last, ?3 id of index 0.
const INSERT_ATTRIBUTES: &str = "
    INSERT INTO product_attributes (product_id, position, name, value)
    SELECT p.id, 1, 'Size', w.word FROM products p
      JOIN gen_word w ON w.list = 3 AND w.idx = ((p.id - ?3) % 50 - 44) % 3
     WHERE p.id BETWEEN ?1 AND ?2 AND p.parent_id IS NOT NULL
    UNION ALL
    SELECT p.id, 2, 'Colour', w.word FROM products p
      JOIN gen_word w ON w.list = 4 AND w.idx = ((p.id - ?3) % 50 - 44) / 3
     WHERE p.id BETWEEN ?1 AND ?2 AND p.parent_id IS NOT NULL";

/// Finds or creates a category by name under a parent.
async fn category(
    conn: &mut SqliteConnection,
    parent_id: Option<i64>,
    name: &str,
) -> StoreResult<i64> {
    let existing: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM categories WHERE COALESCE(parent_id, 0) = COALESCE(?1, 0) AND name = ?2 COLLATE NOCASE",
    )
    .bind(parent_id)
    .bind(name)
    .fetch_optional(&mut *conn)
    .await?;
    match existing {
        Some(id) => Ok(id),
        None => Ok(sqlx::query_scalar(
            "INSERT INTO categories (parent_id, name) VALUES (?1, ?2) RETURNING id",
        )
        .bind(parent_id)
        .bind(name)
        .fetch_one(&mut *conn)
        .await?),
    }
}

impl Store {
    /// Generates `count` products (parents and variations included) into a store that has
    /// tax classes (load the demo store first), after the products it already has.
    pub async fn generate_catalog(
        &self,
        count: i64,
        now: chrono::DateTime<chrono::Utc>,
    ) -> StoreResult<GeneratedCatalog> {
        let mut conn = self.pool().acquire().await?;
        let fallback_tax: Option<i64> =
            sqlx::query_scalar("SELECT id FROM tax_classes ORDER BY id LIMIT 1")
                .fetch_optional(&mut *conn)
                .await?;
        let Some(fallback_tax) = fallback_tax else {
            return Err(StoreError::Corrupt(
                "a catalog needs tax classes: load the demo store first".into(),
            ));
        };
        for statement in [
            "DROP TABLE IF EXISTS temp.gen_leaf",
            "DROP TABLE IF EXISTS temp.gen_word",
            "CREATE TEMP TABLE gen_leaf (idx INTEGER PRIMARY KEY, category_id INTEGER NOT NULL, code TEXT NOT NULL,
                                         noun TEXT NOT NULL, tax_class_id INTEGER NOT NULL)",
            "CREATE TEMP TABLE gen_word (list INTEGER NOT NULL, idx INTEGER NOT NULL, word TEXT NOT NULL,
                                         PRIMARY KEY (list, idx)) WITHOUT ROWID",
        ] {
            sqlx::query(statement).execute(&mut *conn).await?;
        }
        for (list, words) in (0_i64..).zip(WORDS) {
            for (index, word) in (0_i64..).zip(words.iter()) {
                sqlx::query("INSERT INTO gen_word (list, idx, word) VALUES (?1, ?2, ?3)")
                    .bind(list)
                    .bind(index)
                    .bind(*word)
                    .execute(&mut *conn)
                    .await?;
            }
        }
        let mut categories = 0_i64;
        {
            let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
            let mut leaf = 0_i64;
            for (name, code, tax_code, leaves) in CATEGORIES {
                let tax: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM tax_classes WHERE code = ?1")
                        .bind(tax_code)
                        .fetch_optional(&mut *tx)
                        .await?;
                let top = category(&mut tx, None, name).await?;
                categories += 1;
                for (leaf_name, noun) in leaves {
                    let id = category(&mut tx, Some(top), leaf_name).await?;
                    categories += 1;
                    sqlx::query(
                        "INSERT INTO gen_leaf (idx, category_id, code, noun, tax_class_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                    )
                    .bind(leaf)
                    .bind(id)
                    .bind(code)
                    .bind(noun)
                    .bind(tax.unwrap_or(fallback_tax))
                    .execute(&mut *tx)
                    .await?;
                    leaf += 1;
                }
            }
            rebuild_category_tree(&mut tx).await?;
            tx.commit().await?;
        }
        let base: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM products")
            .fetch_one(&mut *conn)
            .await?;
        let mut done = 0_i64;
        while done < count {
            let end = count.min(done + BATCH);
            let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
            sqlx::query(INSERT_PRODUCTS)
                .bind(done)
                .bind(end)
                .bind(base)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            let (first, last) = (base + done, base + end - 1);
            sqlx::query(INSERT_BARCODES)
                .bind(first)
                .bind(last)
                .execute(&mut *tx)
                .await?;
            sqlx::query(INSERT_ATTRIBUTES)
                .bind(first)
                .bind(last)
                .bind(base)
                .execute(&mut *tx)
                .await?;
            sqlx::query(index_products_for_search!("WHERE p.id BETWEEN ?1 AND ?2"))
                .bind(first)
                .bind(last)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            done = end;
        }
        for statement in ["DROP TABLE temp.gen_leaf", "DROP TABLE temp.gen_word"] {
            sqlx::query(statement).execute(&mut *conn).await?;
        }
        // Fresh statistics for the planner over the new tables' sizes.
        sqlx::query("PRAGMA optimize").execute(&mut *conn).await?;
        let variations: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM products WHERE parent_id IS NOT NULL AND id >= ?1",
        )
        .bind(base)
        .fetch_one(&mut *conn)
        .await?;
        Ok(GeneratedCatalog {
            products: count,
            variations,
            categories,
        })
    }
}
