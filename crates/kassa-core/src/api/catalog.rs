//! Request and response types of the catalog: products with variations, categories,
//! barcodes, CSV import and export, and search at scale.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ProductSummary;
use crate::ApiError;

/// What a product is: an item, or a gift card (virtual; sold, it issues a card).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProductKind {
    /// An item.
    #[default]
    Normal,
    /// A gift card: virtual, no stock; each unit sold issues a card.
    GiftCard,
}

/// An attribute value of a variation: `Size` = `L`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductAttribute {
    /// Attribute name, e.g. `Size` (no `=` or `;`).
    pub name: String,
    /// Value, e.g. `L` (no `;`).
    pub value: String,
}

/// The counter's search with a category filter (subcategories included): what
/// `search_products` does, within a category.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct SearchCatalogRequest {
    /// What the clerk typed (may be empty: the category's products by name).
    #[serde(default)]
    pub query: String,
    /// Only products in this category or its subcategories.
    #[ts(optional)]
    pub category_id: Option<i64>,
    /// Most results to return (default 20, at most 100).
    #[ts(optional)]
    pub limit: Option<u32>,
}

/// Looks up a product by barcode without adding it to the cart (price check, or the
/// product behind a barcode that the counter refused).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct BarcodeLookupRequest {
    /// The barcode as the scanner typed it (an UPC-A is also found by its EAN-13 form).
    pub barcode: String,
}

/// One product, by id.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ProductRequest {
    /// Product id.
    pub product_id: i64,
}

/// A variation as the counter offers it and the product page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct VariationView {
    /// The variation's product id (add this one to the cart).
    pub id: i64,
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Its attribute values, in the parent's attribute order.
    pub attributes: Vec<ProductAttribute>,
    /// First barcode.
    pub barcode: Option<String>,
    /// Price in the store's price mode.
    #[ts(type = "string")]
    pub price: Decimal,
    /// Whether stock is counted.
    pub stock_tracked: bool,
    /// Units on hand.
    pub stock_on_hand: i64,
    /// Whether it is switched on.
    pub active: bool,
}

/// The variations of a product, for the counter to ask which one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProductVariants {
    /// The parent product.
    pub parent: ProductSummary,
    /// The attribute names, in order (`Size`, `Colour`): the questions to ask.
    pub attribute_names: Vec<String>,
    /// The variations that can be sold (switched on).
    pub variations: Vec<VariationView>,
}

/// The owner's product list: newest first, searched and filtered, in keyset pages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ListProductsRequest {
    /// Words of the name, SKU, barcode or attribute values (prefixes match).
    #[ts(optional)]
    pub query: Option<String>,
    /// Only products in this category or its subcategories.
    #[ts(optional)]
    pub category_id: Option<i64>,
    /// Also list products that are switched off (default: yes).
    #[ts(optional)]
    pub include_inactive: Option<bool>,
    /// Also list variations, not only standalone products and parents (default: yes).
    #[ts(optional)]
    pub include_variations: Option<bool>,
    /// Cursor from the previous page's `next_cursor`.
    #[ts(optional)]
    pub cursor: Option<String>,
    /// Page size (default 50, at most 200).
    #[ts(optional)]
    pub limit: Option<u32>,
}

/// One page of the owner's product list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProductPage {
    /// The products (`active` says whether each is switched on).
    pub products: Vec<ProductSummary>,
    /// Pass as `cursor` for the next page; none after the last page.
    pub next_cursor: Option<String>,
}

/// A product with everything the owner edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProductDetail {
    /// Id.
    pub id: i64,
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Category.
    pub category_id: Option<i64>,
    /// The category's path from the top, e.g. `Drinks > Juice`.
    pub category_path: Option<String>,
    /// Price in the store's price mode.
    #[ts(type = "string")]
    pub price: Decimal,
    /// Tax class code.
    pub tax_class: String,
    /// Label of the class's rate, e.g. `VAT 21%`.
    pub tax_label: String,
    /// Barcodes, the main one first.
    pub barcodes: Vec<String>,
    /// Whether stock is counted.
    pub stock_tracked: bool,
    /// Units on hand.
    pub stock_on_hand: i64,
    /// Grams per unit, for shipping.
    pub weight_grams: Option<i64>,
    /// Shipped (a physical item) rather than virtual.
    pub shippable: bool,
    /// Item or gift card.
    pub kind: ProductKind,
    /// Switched on: can be scanned and sold, and shows at the counter.
    pub active: bool,
    /// Where it sits in the stock room.
    pub bin_location: Option<String>,
    /// For a variation: its parent's id …
    pub parent_id: Option<i64>,
    /// … SKU …
    pub parent_sku: Option<String>,
    /// … and name.
    pub parent_name: Option<String>,
    /// For a variation: its attribute values.
    pub attributes: Vec<ProductAttribute>,
    /// For a parent: its attribute names, in order.
    pub attribute_names: Vec<String>,
    /// For a parent: its variations (switched off ones too).
    pub variations: Vec<VariationView>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// A product to create (no `id`) or update. Barcodes and attributes replace the stored
/// ones. Every field is checked and a refusal names the field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ProductInput {
    /// The product to update; none creates a product.
    #[ts(optional)]
    pub id: Option<i64>,
    /// Unique SKU (at most 64 characters).
    pub sku: String,
    /// Name (at most 200 characters).
    pub name: String,
    /// Description (at most 5,000 characters).
    #[serde(default)]
    pub description: String,
    /// Category.
    #[ts(optional)]
    pub category_id: Option<i64>,
    /// Price in the store's price mode, ≥ 0, in whole minor units.
    #[ts(type = "string")]
    pub price: Decimal,
    /// Tax class code, e.g. `standard`.
    pub tax_class: String,
    /// Barcodes, the main one first: EAN-13, UPC-A and EAN-8 check digits are verified;
    /// other codes (Code 128) are printable ASCII of at most 48 characters.
    #[serde(default)]
    pub barcodes: Vec<String>,
    /// For a variation: the parent product (which must not be a variation itself).
    #[ts(optional)]
    pub parent_id: Option<i64>,
    /// For a variation: its attribute values (at least one; unique among its siblings).
    #[serde(default)]
    pub attributes: Vec<ProductAttribute>,
    /// Whether stock is counted (default yes; never for gift cards).
    #[ts(optional)]
    pub stock_tracked: Option<bool>,
    /// Units on hand: a change is recorded as a stock movement; none keeps the stock.
    #[ts(optional)]
    pub stock_on_hand: Option<i64>,
    /// Grams per unit.
    #[ts(optional)]
    pub weight_grams: Option<i64>,
    /// Shipped rather than virtual (default yes; never for gift cards).
    #[ts(optional)]
    pub shippable: Option<bool>,
    /// Item or gift card (default item).
    #[ts(optional)]
    pub kind: Option<ProductKind>,
    /// Switched on (default yes).
    #[ts(optional)]
    pub active: Option<bool>,
    /// Bin location (at most 32 characters).
    #[ts(optional)]
    pub bin_location: Option<String>,
}

/// Switches a product on or off.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct SetProductActiveRequest {
    /// Product id.
    pub product_id: i64,
    /// On (sold and shown at the counter) or off (hidden there, still in the owner's list).
    pub active: bool,
}

/// A category in the tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CategoryView {
    /// Id.
    pub id: i64,
    /// Parent category; none at the top.
    pub parent_id: Option<i64>,
    /// Name.
    pub name: String,
    /// Names from the top, e.g. `Drinks > Juice`.
    pub path: String,
    /// 0 at the top.
    pub depth: u32,
}

/// A category to create (no `id`), rename or move.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct CategoryInput {
    /// The category to change; none creates one.
    #[ts(optional)]
    pub id: Option<i64>,
    /// Parent; none for a top-level category. Not the category itself or one below it.
    #[ts(optional)]
    pub parent_id: Option<i64>,
    /// Name, unique among its siblings in any case (at most 100 characters, no `>`).
    pub name: String,
}

/// A CSV file of products: a path on this computer, or its text. Columns (header names in
/// any case): `sku` (required), `name`, `description`, `parent_sku`, `attributes`
/// (`Size=L;Colour=Red`), `category` (`Drinks > Juice`, created when missing), `price`,
/// `tax_class`, `barcodes` (`;`-separated), `stock`, `weight_grams`, `shippable`, `kind`
/// (`normal` or `gift_card`), `active`, `bin_location`. Products are matched by SKU; a
/// column the file leaves out keeps what existing products have.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ProductImportRequest {
    /// The file to read.
    #[ts(optional)]
    pub path: Option<String>,
    /// The file's text, when the UI read it.
    #[ts(optional)]
    pub content: Option<String>,
    /// The file's name, for the import's record (default: the path's file name).
    #[ts(optional)]
    pub file_name: Option<String>,
}

/// Why a row cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProblem {
    /// Line in the file where the row starts (the header is line 1).
    pub line: u64,
    /// The column at fault (`sku`, `price`, `barcodes` …).
    pub column: String,
    /// What is wrong and what to do, for people.
    pub reason: String,
}

/// What an import would do, without doing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    /// Product rows in the file.
    pub total_rows: u64,
    /// Products it would create.
    pub creates: u64,
    /// Products it would update (matched by SKU).
    pub updates: u64,
    /// Rows that would be refused (the first 500); any refusal means nothing is imported.
    pub rejected: Vec<ImportProblem>,
    /// How many rows would be refused in all.
    pub rejected_rows: u64,
    /// The columns read, in the file's order.
    pub columns: Vec<String>,
    /// Columns that are not product fields and are ignored.
    pub ignored_columns: Vec<String>,
}

/// Where a background import stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportState {
    /// Reading and checking the rows.
    Reading,
    /// Matching the rows with the catalog.
    Checking,
    /// Writing, in one transaction.
    Importing,
    /// Done: every row was imported.
    Done,
    /// Nothing was imported (see `error` and `rejected`).
    Failed,
}

/// Polls a background import.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ImportJobRequest {
    /// The job id from `start_product_import`.
    pub job_id: i64,
}

/// A background import and its progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProductImportStatus {
    /// Job id.
    pub job_id: i64,
    /// The file's name.
    pub file_name: String,
    /// Where it stands.
    pub state: ImportState,
    /// Product rows in the file (0 until it is read).
    pub total: u64,
    /// Rows handled so far.
    pub processed: u64,
    /// Products created (when done).
    pub created: u64,
    /// Products updated (when done).
    pub updated: u64,
    /// Rows refused (the first 500), when it failed because of them.
    pub rejected: Vec<ImportProblem>,
    /// How many rows were refused in all.
    pub rejected_rows: u64,
    /// Why nothing was imported, when it failed.
    pub error: Option<ApiError>,
}

/// Exports products to CSV.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ExportProductsRequest {
    /// Only products in this category or its subcategories.
    #[ts(optional)]
    pub category_id: Option<i64>,
    /// Also products that are switched off (default: yes).
    #[ts(optional)]
    pub include_inactive: Option<bool>,
}

/// A CSV file written to the `exports` folder beside the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProductExport {
    /// The file.
    pub path: String,
    /// Products in it.
    pub rows: u64,
}

/// What `generate_catalog` made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CatalogSummary {
    /// Product rows (parents and variations included).
    pub products: i64,
    /// Of which variations.
    pub variations: i64,
    /// Categories the products are in.
    pub categories: i64,
}
