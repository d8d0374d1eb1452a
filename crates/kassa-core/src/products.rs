//! The owner's catalog: the product list (keyset pages, search, category filter, switched
//! off products too), one product with its barcodes, attributes and variations, saving a
//! product with every field checked, switching products on and off, and the category tree.
//!
//! The field checks here are shared with the CSV import (`product_import.rs`), so a
//! product is refused for the same reasons whichever way it comes in, and every refusal
//! names its field.

use kassa_domain::barcode::ean13_check_digit;
use kassa_domain::money::Currency;
use kassa_domain::staff::Permission;
use kassa_store::catalog_admin::{CategoryRow, ProductWrite};
use kassa_store::catalog_search::ProductFilter;
use rust_decimal::Decimal;

use crate::api::{
    CategoryInput, CategoryView, ListProductsRequest, ProductAttribute, ProductDetail,
    ProductInput, ProductKind, ProductPage, ProductRequest, ProductSummary,
    SetProductActiveRequest, VariationView,
};
use crate::catalog::{kind_code, kind_from_code, product_summary};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// Longest SKU.
pub(crate) const MAX_SKU: usize = 64;
/// Longest product name.
pub(crate) const MAX_NAME: usize = 200;
/// Longest description.
pub(crate) const MAX_DESCRIPTION: usize = 5_000;
/// Longest bin location.
pub(crate) const MAX_BIN: usize = 32;
/// Most barcodes on one product.
pub(crate) const MAX_BARCODES: usize = 20;
/// Longest barcode (Code 128 as scanners send it).
pub(crate) const MAX_BARCODE: usize = 48;
/// Most attributes on one variation.
pub(crate) const MAX_ATTRIBUTES: usize = 10;
/// Longest attribute name.
pub(crate) const MAX_ATTRIBUTE_NAME: usize = 50;
/// Longest attribute value.
pub(crate) const MAX_ATTRIBUTE_VALUE: usize = 100;
/// Longest category name.
pub(crate) const MAX_CATEGORY_NAME: usize = 100;
/// Largest stock on hand, either way.
pub(crate) const MAX_STOCK: i64 = 1_000_000_000;
/// Heaviest unit: 100 tonnes.
pub(crate) const MAX_WEIGHT_GRAMS: i64 = 100_000_000;
/// Largest price in minor units (ten billion at two decimals).
pub(crate) const MAX_PRICE_MINOR: i64 = 1_000_000_000_000;

const DEFAULT_PAGE: u32 = 50;
const MAX_PAGE: u32 = 200;

/// A refused field: the field (the CSV column of the same name) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldError {
    /// `sku`, `name`, `price`, `barcodes` …
    pub field: &'static str,
    /// The code the API answers with.
    pub code: ErrorCode,
    /// For people: names the field, says what is wrong and what to do.
    pub message: String,
}

impl FieldError {
    pub(crate) fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            code: ErrorCode::InvalidInput,
            message: message.into(),
        }
    }

    fn with_code(mut self, code: ErrorCode) -> Self {
        self.code = code;
        self
    }
}

impl From<FieldError> for ApiError {
    fn from(error: FieldError) -> Self {
        ApiError::new(error.code, error.message)
    }
}

/// Checks a length in characters.
fn check_length(
    field: &'static str,
    label: &str,
    value: &str,
    max: usize,
) -> Result<(), FieldError> {
    let length = value.chars().count();
    if length > max {
        return Err(FieldError::new(
            field,
            format!("The {label} is {length} characters long; at most {max} are allowed."),
        ));
    }
    if value.chars().any(char::is_control) && field != "description" {
        return Err(FieldError::new(
            field,
            format!("The {label} contains a control character (a tab or line break): remove it."),
        ));
    }
    Ok(())
}

/// A SKU: trimmed, not empty, at most 64 characters, no spaces inside.
pub(crate) fn check_sku(field: &'static str, sku: &str) -> Result<String, FieldError> {
    let sku = sku.trim();
    if sku.is_empty() {
        return Err(FieldError::new(
            field,
            "The SKU is empty: every product needs its own SKU.",
        ));
    }
    check_length(field, "SKU", sku, MAX_SKU)?;
    if sku.chars().any(char::is_whitespace) {
        return Err(FieldError::new(
            field,
            format!("The SKU “{sku}” contains a space: use letters, digits, '-' or '_'."),
        ));
    }
    Ok(sku.to_owned())
}

/// A product name: trimmed, not empty, at most 200 characters.
pub(crate) fn check_name(name: &str) -> Result<String, FieldError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(FieldError::new(
            "name",
            "The name is empty: give the product the name clerks will see.",
        ));
    }
    check_length("name", "name", name, MAX_NAME)?;
    Ok(name.to_owned())
}

/// A description: at most 5,000 characters.
pub(crate) fn check_description(description: &str) -> Result<String, FieldError> {
    let description = description.trim();
    check_length("description", "description", description, MAX_DESCRIPTION)?;
    Ok(description.to_owned())
}

/// A bin location: at most 32 characters; empty is none.
pub(crate) fn check_bin(bin: Option<&str>) -> Result<Option<String>, FieldError> {
    let bin = bin.map(str::trim).filter(|bin| !bin.is_empty());
    if let Some(bin) = bin {
        check_length("bin_location", "bin location", bin, MAX_BIN)?;
    }
    Ok(bin.map(str::to_owned))
}

/// The GS1 check digit (EAN-8, GTIN-14): weights 3 and 1 from the right.
fn gs1_check_digit(data: &str) -> Option<char> {
    let mut sum = 0_u32;
    for (index, character) in data.chars().rev().enumerate() {
        let digit = character.to_digit(10)?;
        sum += if index % 2 == 0 { digit * 3 } else { digit };
    }
    char::from_digit((10 - sum % 10) % 10, 10)
}

/// The check digit of the first 11 digits of a UPC-A (an EAN-13 with a leading 0).
pub(crate) fn upc_a_check_digit(first_eleven: &str) -> Option<char> {
    if first_eleven.len() != 11 {
        return None;
    }
    ean13_check_digit(&format!("0{first_eleven}"))
}

/// A barcode: printable ASCII without spaces, at most 48 characters; an EAN-13 (13
/// digits), UPC-A (12), EAN-8 (8) or GTIN-14 (14) must have a correct check digit. Other
/// codes are taken as Code 128.
pub(crate) fn check_barcode(field: &'static str, code: &str) -> Result<(), FieldError> {
    let invalid =
        |message: String| FieldError::new(field, message).with_code(ErrorCode::InvalidBarcode);
    if code.is_empty() {
        return Err(invalid("A barcode is empty.".to_owned()));
    }
    if code.len() > MAX_BARCODE {
        return Err(invalid(format!(
            "The barcode “{code}” is {} characters long; at most {MAX_BARCODE} are allowed.",
            code.chars().count()
        )));
    }
    if !code.chars().all(|character| character.is_ascii_graphic()) {
        return Err(invalid(format!(
            "The barcode “{code}” has characters a scanner cannot send (spaces or letters with accents)."
        )));
    }
    if !code.chars().all(|character| character.is_ascii_digit()) {
        return Ok(());
    }
    let (kind, expected) = match code.len() {
        13 => ("EAN-13", code.get(..12).and_then(ean13_check_digit)),
        12 => ("UPC-A", code.get(..11).and_then(upc_a_check_digit)),
        8 => ("EAN-8", code.get(..7).and_then(gs1_check_digit)),
        14 => ("GTIN-14", code.get(..13).and_then(gs1_check_digit)),
        _ => return Ok(()),
    };
    match (expected, code.chars().last()) {
        (Some(expected), Some(actual)) if expected == actual => Ok(()),
        (Some(expected), Some(actual)) => Err(invalid(format!(
            "The barcode {code} is not a valid {kind}: its check digit is {actual}, it should be {expected}. Check for a typing error."
        ))),
        _ => Err(invalid(format!(
            "The barcode {code} is not a valid {kind}."
        ))),
    }
}

/// A product's barcodes: each valid, none twice, at most 20.
pub(crate) fn check_barcodes(
    field: &'static str,
    barcodes: &[String],
) -> Result<Vec<String>, FieldError> {
    if barcodes.len() > MAX_BARCODES {
        return Err(FieldError::new(
            field,
            format!(
                "{} barcodes are given; a product has at most {MAX_BARCODES}.",
                barcodes.len()
            ),
        ));
    }
    let mut checked: Vec<String> = Vec::with_capacity(barcodes.len());
    for barcode in barcodes {
        let barcode = barcode.trim();
        check_barcode(field, barcode)?;
        if checked.iter().any(|seen| seen == barcode) {
            return Err(
                FieldError::new(field, format!("The barcode {barcode} is listed twice."))
                    .with_code(ErrorCode::DuplicateBarcode),
            );
        }
        checked.push(barcode.to_owned());
    }
    Ok(checked)
}

/// A variation's attribute values: names and values not empty, names unique (in any
/// case), no `=` or `;` in names and no `;` in values (the CSV writes `Size=L;Colour=Red`).
pub(crate) fn check_attributes(
    attributes: &[ProductAttribute],
) -> Result<Vec<(String, String)>, FieldError> {
    if attributes.len() > MAX_ATTRIBUTES {
        return Err(FieldError::new(
            "attributes",
            format!(
                "{} attributes are given; a variation has at most {MAX_ATTRIBUTES}.",
                attributes.len()
            ),
        ));
    }
    let mut checked: Vec<(String, String)> = Vec::with_capacity(attributes.len());
    for attribute in attributes {
        let (name, value) = (attribute.name.trim(), attribute.value.trim());
        if name.is_empty() || value.is_empty() {
            return Err(FieldError::new(
                "attributes",
                format!(
                    "An attribute needs a name and a value (like Size = L), not “{name}” = “{value}”."
                ),
            ));
        }
        check_length("attributes", "attribute name", name, MAX_ATTRIBUTE_NAME)?;
        check_length("attributes", "attribute value", value, MAX_ATTRIBUTE_VALUE)?;
        if name.contains(['=', ';']) || value.contains(';') {
            return Err(FieldError::new(
                "attributes",
                format!("The attribute “{name}” = “{value}” contains '=' or ';': leave them out."),
            ));
        }
        if checked
            .iter()
            .any(|(seen, _)| seen.to_lowercase() == name.to_lowercase())
        {
            return Err(FieldError::new(
                "attributes",
                format!("The attribute {name} is given twice."),
            ));
        }
        checked.push((name.to_owned(), value.to_owned()));
    }
    Ok(checked)
}

/// The attribute values of a variation as one key, to find siblings that cannot be told
/// apart: `colour=red;size=l` (by name, ASCII letters lowercased), as the store builds it
/// with SQLite's `lower()`.
pub(crate) fn attribute_key(attributes: &[(String, String)]) -> String {
    let mut pairs: Vec<(String, String)> = attributes
        .iter()
        .map(|(name, value)| (name.to_ascii_lowercase(), value.to_ascii_lowercase()))
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// A price: not negative, in whole minor units of the currency, not absurdly large.
pub(crate) fn check_price(currency: &Currency, price: Decimal) -> Result<i64, FieldError> {
    if price.is_sign_negative() && !price.is_zero() {
        return Err(FieldError::new(
            "price",
            format!("The price {price} is negative; it must be 0 or more."),
        ));
    }
    let minor = currency.to_minor_units(price).map_err(|_| {
        FieldError::new(
            "price",
            format!(
                "The price {price} has more than {} decimals for {}.",
                currency.minor_unit_digits, currency.code
            ),
        )
    })?;
    if minor > MAX_PRICE_MINOR {
        return Err(FieldError::new(
            "price",
            format!("The price {price} is too large."),
        ));
    }
    Ok(minor)
}

/// Stock on hand: within ±1,000,000,000.
pub(crate) fn check_stock(stock: i64) -> Result<i64, FieldError> {
    if stock.abs() > MAX_STOCK {
        return Err(FieldError::new(
            "stock",
            format!("The stock {stock} is out of range (at most {MAX_STOCK} either way)."),
        ));
    }
    Ok(stock)
}

/// Weight in grams: 0 to 100 tonnes.
pub(crate) fn check_weight(weight: i64) -> Result<i64, FieldError> {
    if !(0..=MAX_WEIGHT_GRAMS).contains(&weight) {
        return Err(FieldError::new(
            "weight_grams",
            format!("The weight {weight} g is out of range (0 to {MAX_WEIGHT_GRAMS} g)."),
        ));
    }
    Ok(weight)
}

/// A category name: not empty, at most 100 characters, no `>` (it separates the levels
/// of a path in the CSV).
pub(crate) fn check_category_name(field: &'static str, name: &str) -> Result<String, FieldError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(FieldError::new(field, "A category name is empty."));
    }
    check_length(field, "category name", name, MAX_CATEGORY_NAME)?;
    if name.contains('>') {
        return Err(FieldError::new(
            field,
            format!(
                "The category name “{name}” contains '>', which separates the levels of a category path."
            ),
        ));
    }
    Ok(name.to_owned())
}

fn category_view(row: CategoryRow) -> CategoryView {
    CategoryView {
        id: row.id,
        parent_id: row.parent_id,
        name: row.name,
        path: row.path,
        depth: u32::try_from(row.depth).unwrap_or(0),
    }
}

fn not_found(product_id: i64) -> ApiError {
    ApiError::new(
        ErrorCode::NotFound,
        format!("Product {product_id} does not exist."),
    )
}

impl Kassa {
    /// The owner's product list: newest first, in keyset pages, searched by name, SKU,
    /// barcode or attribute values, filtered by category (subcategories included).
    pub async fn list_products(&self, request: ListProductsRequest) -> ApiResult<ProductPage> {
        let limit = request.limit.unwrap_or(DEFAULT_PAGE);
        if limit == 0 || limit > MAX_PAGE {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("The page size must be between 1 and {MAX_PAGE}, not {limit}."),
            ));
        }
        let before_id = match request.cursor.as_deref() {
            None => None,
            Some(cursor) => Some(cursor.parse::<i64>().map_err(|_| {
                ApiError::new(ErrorCode::InvalidInput, "The page cursor is invalid.")
            })?),
        };
        let filter = ProductFilter {
            text: request.query.unwrap_or_default(),
            category_id: request.category_id,
            include_inactive: request.include_inactive.unwrap_or(true),
            hide_variations: !request.include_variations.unwrap_or(true),
            before_id,
        };
        let currency = self.settings().await?.pricing.currency;
        let mut rows = self
            .store
            .list_products(&filter, i64::from(limit) + 1)
            .await?;
        let more = rows.len() > usize::try_from(limit).unwrap_or(usize::MAX);
        rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        let next_cursor = if more {
            rows.last().map(|row| row.id.to_string())
        } else {
            None
        };
        Ok(ProductPage {
            products: rows
                .into_iter()
                .map(|row| product_summary(&currency, row))
                .collect(),
            next_cursor,
        })
    }

    /// One product with its barcodes, attribute values, category path and variations.
    pub async fn get_product(&self, request: ProductRequest) -> ApiResult<ProductDetail> {
        let id = request.product_id;
        let record = self
            .store
            .product_record(id)
            .await?
            .ok_or_else(|| not_found(id))?;
        let currency = self.settings().await?.pricing.currency;
        let barcodes = self.store.product_barcodes(id).await?;
        let family = self.store.attributes_of_family(id).await?;
        let attributes_of = |product_id: i64| -> Vec<ProductAttribute> {
            family
                .iter()
                .filter(|row| row.product_id == product_id)
                .map(|row| ProductAttribute {
                    name: row.name.clone(),
                    value: row.value.clone(),
                })
                .collect()
        };
        let variations: Vec<VariationView> = if record.variation_count > 0 {
            self.store
                .product_variations(id)
                .await?
                .into_iter()
                .map(|row| VariationView {
                    id: row.id,
                    sku: row.sku,
                    name: row.name,
                    attributes: attributes_of(row.id),
                    barcode: row.barcode,
                    price: currency.from_minor_units(row.price_minor),
                    stock_tracked: row.stock_tracked,
                    stock_on_hand: row.stock_on_hand,
                    active: row.active_flag,
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut attribute_names: Vec<String> = Vec::new();
        for row in family.iter().filter(|row| row.product_id != id) {
            if !attribute_names.contains(&row.name) {
                attribute_names.push(row.name.clone());
            }
        }
        let parent = match record.parent_id {
            Some(parent_id) => self.store.product_record(parent_id).await?,
            None => None,
        };
        let category_path = match record.category_id {
            Some(category_id) => self.store.category(category_id).await?.map(|row| row.path),
            None => None,
        };
        Ok(ProductDetail {
            id,
            sku: record.sku,
            name: record.name,
            description: record.description,
            category_id: record.category_id,
            category_path,
            price: currency.from_minor_units(record.price_minor),
            tax_class: record.tax_code,
            tax_label: record.tax_label,
            barcodes,
            stock_tracked: record.stock_tracked,
            stock_on_hand: record.stock_on_hand,
            weight_grams: record.weight_grams,
            shippable: record.shippable,
            kind: kind_from_code(&record.kind),
            active: record.active,
            bin_location: record.bin_location,
            parent_id: record.parent_id,
            parent_sku: parent.as_ref().map(|parent| parent.sku.clone()),
            parent_name: parent.map(|parent| parent.name),
            attributes: attributes_of(id),
            attribute_names,
            variations,
            created_at: record.created_at,
            updated_at: record.updated_at,
        })
    }

    /// Creates or updates a product. Every field is checked first and a refusal names the
    /// field: SKU (empty, too long, already used: `duplicate_sku`), name, price (negative,
    /// too precise), tax class and category (must exist), barcodes (check digits:
    /// `invalid_barcode`; used by another product: `duplicate_barcode`), parent and
    /// attributes (one level of variations, attribute values unique among siblings),
    /// stock, weight, bin location. Barcodes and attributes replace the stored ones; a
    /// changed stock is recorded as a stock movement.
    pub async fn save_product(&self, request: ProductInput) -> ApiResult<ProductDetail> {
        self.authorize(Permission::Catalog).await?;
        let settings = self.settings().await?;
        let sku = check_sku("sku", &request.sku)?;
        let name = check_name(&request.name)?;
        let description = check_description(&request.description)?;
        let price_minor = check_price(&settings.pricing.currency, request.price)?;
        let barcodes = check_barcodes("barcodes", &request.barcodes)?;
        let attributes = check_attributes(&request.attributes)?;
        let stock = request.stock_on_hand.map(check_stock).transpose()?;
        let weight = request.weight_grams.map(check_weight).transpose()?;
        let bin = check_bin(request.bin_location.as_deref())?;
        let kind = request.kind.unwrap_or_default();
        let gift_card = kind == ProductKind::GiftCard;
        if request.parent_id.is_none() && !attributes.is_empty() {
            return Err(FieldError::new(
                "attributes",
                "Attribute values are for variations: choose the parent product, or remove them.",
            )
            .into());
        }
        if request.parent_id.is_some() && attributes.is_empty() {
            return Err(FieldError::new(
                "attributes",
                "A variation needs at least one attribute value (like Size = L) to tell it from the others.",
            )
            .into());
        }

        // Checked under the write lock, so what is checked is what is written.
        let mut tx = self.store.begin_write().await?;
        let existing = match request.id {
            Some(id) => Some(
                self.store
                    .product_record(id)
                    .await?
                    .ok_or_else(|| not_found(id))?,
            ),
            None => None,
        };
        if let Some(other) = self.store.product_id_by_sku(&sku).await?
            && Some(other) != request.id
        {
            let other_name = self
                .store
                .product_record(other)
                .await?
                .map(|record| record.name)
                .unwrap_or_default();
            return Err(ApiError::new(
                ErrorCode::DuplicateSku,
                format!(
                    "The SKU {sku} is already used by “{other_name}”: every product needs its own SKU."
                ),
            ));
        }
        let tax_code = request.tax_class.trim();
        let Some(tax_class_id) = self.store.tax_class_id(tax_code).await? else {
            let codes = self.store.tax_class_codes().await?.join(", ");
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("The tax class “{tax_code}” does not exist; use one of: {codes}."),
            ));
        };
        if let Some(category_id) = request.category_id
            && self.store.category(category_id).await?.is_none()
        {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("The category {category_id} does not exist: choose one from the list."),
            ));
        }
        for barcode in &barcodes {
            if let Some(owner) = self.store.barcode_owner(barcode).await?
                && Some(owner.product_id) != request.id
            {
                return Err(ApiError::new(
                    ErrorCode::DuplicateBarcode,
                    format!(
                        "The barcode {barcode} is already on “{}” ({}): a barcode names one product.",
                        owner.name, owner.sku
                    ),
                ));
            }
        }
        if let Some(parent_id) = request.parent_id {
            self.check_parent(parent_id, request.id, existing.as_ref(), &attributes)
                .await?;
        }
        let id = tx
            .save_product(&ProductWrite {
                id: request.id,
                sku: &sku,
                name: &name,
                description: &description,
                category_id: request.category_id,
                price_minor,
                tax_class_id,
                stock_tracked: !gift_card && request.stock_tracked.unwrap_or(true),
                stock_on_hand: stock,
                weight_grams: weight,
                shippable: !gift_card && request.shippable.unwrap_or(true),
                active: request.active.unwrap_or(true),
                kind: kind_code(kind),
                bin_location: bin.as_deref(),
                parent_id: request.parent_id,
                barcodes: &barcodes,
                attributes: &attributes,
                now: self.clock.now(),
            })
            .await?;
        tx.commit().await?;
        self.get_product(ProductRequest { product_id: id }).await
    }

    /// A variation's parent must exist, not be a variation itself, nor be the product; the
    /// product must not have variations of its own; its attribute values must differ from
    /// every sibling's.
    async fn check_parent(
        &self,
        parent_id: i64,
        product_id: Option<i64>,
        existing: Option<&kassa_store::catalog_admin::ProductRecord>,
        attributes: &[(String, String)],
    ) -> ApiResult<()> {
        let field = |message: String| ApiError::from(FieldError::new("parent_sku", message));
        if Some(parent_id) == product_id {
            return Err(field(
                "A product cannot be a variation of itself.".to_owned(),
            ));
        }
        let parent = self
            .store
            .product_record(parent_id)
            .await?
            .ok_or_else(|| field(format!("The parent product {parent_id} does not exist.")))?;
        if parent.parent_id.is_some() {
            return Err(field(format!(
                "“{}” is itself a variation: choose its parent product instead.",
                parent.name
            )));
        }
        if existing.is_some_and(|record| record.variation_count > 0) {
            return Err(field(
                "This product has variations of its own, so it cannot be a variation.".to_owned(),
            ));
        }
        let key = attribute_key(attributes);
        let siblings = self
            .store
            .sibling_attribute_keys(parent_id, product_id)
            .await?;
        if let Some((_, sku, _)) = siblings.iter().find(|(_, _, other)| *other == key) {
            return Err(FieldError::new(
                "attributes",
                format!(
                    "The variation {sku} of “{}” already has these attribute values: each variation needs its own.",
                    parent.name
                ),
            )
            .into());
        }
        Ok(())
    }

    /// Switches a product on (sold, shown at the counter) or off (cannot be scanned or
    /// added; still in the owner's list). Switching a parent off hides its variations too.
    pub async fn set_product_active(
        &self,
        request: SetProductActiveRequest,
    ) -> ApiResult<ProductSummary> {
        self.authorize(Permission::Catalog).await?;
        let mut tx = self.store.begin_write().await?;
        if !tx
            .set_product_active(request.product_id, request.active, self.clock.now())
            .await?
        {
            return Err(not_found(request.product_id));
        }
        tx.commit().await?;
        let currency = self.settings().await?.pricing.currency;
        let row = self
            .store
            .product(request.product_id)
            .await?
            .ok_or_else(|| not_found(request.product_id))?;
        Ok(product_summary(&currency, row))
    }

    /// Every category in tree order: each after its parent, siblings by name, with its
    /// path and depth.
    pub async fn list_categories(&self) -> ApiResult<Vec<CategoryView>> {
        Ok(self
            .store
            .categories()
            .await?
            .into_iter()
            .map(category_view)
            .collect())
    }

    /// Creates, renames or moves a category. The name must be unique among its siblings
    /// (`duplicate_category`); a category cannot move under itself or a subcategory.
    pub async fn save_category(&self, request: CategoryInput) -> ApiResult<CategoryView> {
        self.authorize(Permission::Catalog).await?;
        let name = check_category_name("name", &request.name)?;
        let mut tx = self.store.begin_write().await?;
        if let Some(id) = request.id
            && self.store.category(id).await?.is_none()
        {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("Category {id} does not exist."),
            ));
        }
        if let Some(parent_id) = request.parent_id {
            let Some(parent) = self.store.category(parent_id).await? else {
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    format!("The parent category {parent_id} does not exist."),
                ));
            };
            if let Some(id) = request.id
                && self.store.category_contains(id, parent_id).await?
            {
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "“{}” is this category or one of its subcategories: a category cannot move under itself.",
                        parent.path
                    ),
                ));
            }
        }
        if let Some(other) = self
            .store
            .category_by_name(request.parent_id, &name)
            .await?
            && Some(other) != request.id
        {
            return Err(ApiError::new(
                ErrorCode::DuplicateCategory,
                format!("There is already a category “{name}” here: choose another name."),
            ));
        }
        let id = tx
            .save_category(request.id, request.parent_id, &name)
            .await?;
        tx.commit().await?;
        let row = self.store.category(id).await?.ok_or_else(|| {
            ApiError::new(ErrorCode::Internal, format!("Category {id} was not saved."))
        })?;
        Ok(category_view(row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn barcodes_are_checked_by_kind() {
        assert!(check_barcode("barcodes", "4006381333931").is_ok(), "EAN-13");
        assert_eq!(
            check_barcode("barcodes", "4006381333932").unwrap_err().code,
            ErrorCode::InvalidBarcode
        );
        assert!(check_barcode("barcodes", "036000291452").is_ok(), "UPC-A");
        assert!(check_barcode("barcodes", "036000291453").is_err());
        assert_eq!(upc_a_check_digit("03600029145"), Some('2'));
        assert!(check_barcode("barcodes", "96385074").is_ok(), "EAN-8");
        assert!(check_barcode("barcodes", "96385075").is_err());
        assert!(check_barcode("barcodes", "ABC-123/x").is_ok(), "Code 128");
        assert!(
            check_barcode("barcodes", "12345").is_ok(),
            "an in-store number"
        );
        assert!(check_barcode("barcodes", "AB 12").is_err(), "a space");
        assert_eq!(
            check_barcodes("barcodes", &["96385074".into(), " 96385074".into()])
                .unwrap_err()
                .code,
            ErrorCode::DuplicateBarcode
        );
    }

    #[test]
    fn fields_are_named_when_refused() {
        assert_eq!(check_sku("sku", "  ").unwrap_err().field, "sku");
        assert!(check_sku("sku", "AB C").is_err());
        assert_eq!(check_sku("sku", " AB-1 ").unwrap(), "AB-1");
        assert!(check_sku("sku", &"X".repeat(65)).is_err());
        assert_eq!(check_name("").unwrap_err().field, "name");
        let euro = Currency {
            code: "EUR".into(),
            minor_unit_digits: 2,
            rounding: kassa_domain::money::RoundingRule::HalfAwayFromZero,
        };
        assert_eq!(
            check_price(&euro, Decimal::new(-1, 2)).unwrap_err().field,
            "price"
        );
        assert!(check_price(&euro, Decimal::new(1_001, 3)).is_err());
        assert_eq!(check_price(&euro, Decimal::new(1_250, 2)).unwrap(), 1_250);
        assert!(check_category_name("name", "A > B").is_err());
        let attributes = check_attributes(&[
            ProductAttribute {
                name: "Size".into(),
                value: "L".into(),
            },
            ProductAttribute {
                name: "Colour".into(),
                value: "Red".into(),
            },
        ])
        .unwrap();
        assert_eq!(attribute_key(&attributes), "colour=red;size=l");
        assert!(
            check_attributes(&[
                ProductAttribute {
                    name: "Size".into(),
                    value: "L".into(),
                },
                ProductAttribute {
                    name: "size".into(),
                    value: "M".into(),
                },
            ])
            .is_err()
        );
    }
}
