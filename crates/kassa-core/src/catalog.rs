//! Catalog lookups for the counter: search, barcode scans and the variations of a product.
//!
//! Only products that are switched on are found or sold. A product with variations is
//! shown (`has_variations`) but not sold itself: the counter asks which variation
//! (`product_variants`) and adds that one; scanning a variation's barcode adds it at once.

use kassa_domain::money::Currency;
use kassa_domain::staff::Permission;
use kassa_store::catalog::ProductRow;

use crate::api::{
    BarcodeLookupRequest, ProductAttribute, ProductKind, ProductRequest, ProductSummary,
    ProductVariants, ScanRequest, ScanResult, SearchCatalogRequest, SearchProductsRequest,
    VariationView,
};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

const DEFAULT_SEARCH_LIMIT: u32 = 20;
const MAX_SEARCH_LIMIT: u32 = 100;

/// The stored code of a product kind.
pub(crate) fn kind_code(kind: ProductKind) -> &'static str {
    match kind {
        ProductKind::Normal => "normal",
        ProductKind::GiftCard => "gift_card",
    }
}

/// The product kind of a stored code (the schema allows only these two).
pub(crate) fn kind_from_code(code: &str) -> ProductKind {
    match code {
        "gift_card" => ProductKind::GiftCard,
        _ => ProductKind::Normal,
    }
}

pub(crate) fn product_summary(currency: &Currency, row: ProductRow) -> ProductSummary {
    ProductSummary {
        id: row.id,
        sku: row.sku,
        name: row.name,
        category: row.category,
        barcode: row.barcode,
        price: currency.from_minor_units(row.price_minor),
        tax_label: row.tax_label,
        stock_tracked: row.stock_tracked,
        stock_on_hand: row.stock_on_hand,
        has_variations: Some(row.has_variations),
        parent_id: row.parent_id,
        variation: row.variation,
        active: Some(row.active_flag),
        kind: Some(kind_from_code(&row.kind)),
    }
}

/// Why a product cannot go into a cart, if it cannot: switched off (or its parent is), or
/// it has variations.
pub(crate) fn refusal(row: &ProductRow) -> Option<ApiError> {
    if row.has_variations {
        Some(ApiError::new(
            ErrorCode::ChooseVariation,
            format!(
                "“{}” comes in several variations: choose which one to sell.",
                row.name
            ),
        ))
    } else if !row.active {
        Some(ApiError::new(
            ErrorCode::ProductInactive,
            format!(
                "“{}” ({}) is switched off and cannot be sold. Switch it on in Products to sell it.",
                row.name, row.sku
            ),
        ))
    } else {
        None
    }
}

/// The other form of a UPC-A barcode: 12 digits are also stored as the EAN-13 with a
/// leading 0, and the other way round.
fn upc_alternative(barcode: &str) -> Option<String> {
    if !barcode.chars().all(|character| character.is_ascii_digit()) {
        return None;
    }
    match barcode.len() {
        12 => Some(format!("0{barcode}")),
        13 => barcode.strip_prefix('0').map(str::to_owned),
        _ => None,
    }
}

fn check_limit(limit: Option<u32>) -> ApiResult<i64> {
    let limit = limit.unwrap_or(DEFAULT_SEARCH_LIMIT);
    if limit == 0 || limit > MAX_SEARCH_LIMIT {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("The result limit must be between 1 and {MAX_SEARCH_LIMIT}, not {limit}."),
        ));
    }
    Ok(i64::from(limit))
}

impl Kassa {
    /// Products that are switched on whose name, SKU, barcode or attribute values match
    /// every word typed (as prefixes), best first: an exact SKU or barcode, then names that
    /// start with the query, then by name. Parents with variations are included and say so.
    pub async fn search_products(
        &self,
        request: SearchProductsRequest,
    ) -> ApiResult<Vec<ProductSummary>> {
        self.search_catalog(SearchCatalogRequest {
            query: request.query,
            category_id: None,
            limit: request.limit,
        })
        .await
    }

    /// The counter's search within a category and its subcategories (or everywhere).
    pub async fn search_catalog(
        &self,
        request: SearchCatalogRequest,
    ) -> ApiResult<Vec<ProductSummary>> {
        let limit = check_limit(request.limit)?;
        let currency = self.settings().await?.pricing.currency;
        let rows = self
            .store
            .search_products(request.query.trim(), request.category_id, limit)
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| product_summary(&currency, row))
            .collect())
    }

    /// The product with this barcode (or the other form of a UPC-A), sellable or not.
    async fn product_with_barcode(&self, barcode: &str) -> ApiResult<ProductRow> {
        let barcode = barcode.trim();
        if barcode.is_empty() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "The scanned barcode is empty.",
            ));
        }
        if let Some(row) = self.store.product_by_barcode(barcode).await? {
            return Ok(row);
        }
        if let Some(other) = upc_alternative(barcode)
            && let Some(row) = self.store.product_by_barcode(&other).await?
        {
            return Ok(row);
        }
        Err(ApiError::new(
            ErrorCode::UnknownBarcode,
            format!("No product has the barcode {barcode}. Search by name or SKU instead."),
        ))
    }

    /// Adds one unit of the product with this exact barcode to the open cart. A product
    /// that is switched off is refused (`product_inactive`), so is a product with
    /// variations (`choose_variation`: scan or choose the variation instead).
    pub async fn scan_barcode(&self, request: ScanRequest) -> ApiResult<ScanResult> {
        self.authorize(Permission::Sell).await?;
        let (row, currency) =
            tokio::try_join!(self.product_with_barcode(&request.barcode), self.currency())?;
        if let Some(error) = refusal(&row) {
            return Err(error);
        }
        let product = product_summary(&currency, row);
        let cart = self.add_product_to_open_cart(product.id, 1).await?;
        Ok(ScanResult { cart, product })
    }

    /// The product behind a barcode, without adding it to the cart (switched off products
    /// and parents too: `active` and `has_variations` say so).
    pub async fn lookup_barcode(&self, request: BarcodeLookupRequest) -> ApiResult<ProductSummary> {
        // Two reads on two connections at once: the barcode is an index lookup.
        let (row, currency) =
            tokio::try_join!(self.product_with_barcode(&request.barcode), self.currency())?;
        Ok(product_summary(&currency, row))
    }

    /// The store's currency.
    async fn currency(&self) -> ApiResult<Currency> {
        Ok(self.settings().await?.pricing.currency)
    }

    /// The product, if it can go into a cart now; otherwise why not (`not_found`,
    /// `product_inactive`, `choose_variation`). For the cart and staff orders.
    pub async fn sellable_product(&self, product_id: i64) -> ApiResult<ProductSummary> {
        let row = self.store.product(product_id).await?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("Product {product_id} does not exist."),
            )
        })?;
        if let Some(error) = refusal(&row) {
            return Err(error);
        }
        let currency = self.settings().await?.pricing.currency;
        Ok(product_summary(&currency, row))
    }

    /// The variations of a product that can be sold, with their attribute values, so that
    /// the counter can ask which one (for a variation: its siblings).
    pub async fn product_variants(&self, request: ProductRequest) -> ApiResult<ProductVariants> {
        let not_found = || {
            ApiError::new(
                ErrorCode::NotFound,
                format!("Product {} does not exist.", request.product_id),
            )
        };
        let mut parent = self
            .store
            .product(request.product_id)
            .await?
            .ok_or_else(not_found)?;
        if let Some(parent_id) = parent.parent_id {
            parent = self.store.product(parent_id).await?.ok_or_else(not_found)?;
        }
        if !parent.has_variations {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("“{}” has no variations: add it as it is.", parent.name),
            ));
        }
        if !parent.active_flag {
            return Err(ApiError::new(
                ErrorCode::ProductInactive,
                format!("“{}” is switched off and cannot be sold.", parent.name),
            ));
        }
        let currency = self.settings().await?.pricing.currency;
        let attributes = self.store.attributes_of_family(parent.id).await?;
        let mut attribute_names: Vec<String> = Vec::new();
        for row in &attributes {
            if !attribute_names.contains(&row.name) {
                attribute_names.push(row.name.clone());
            }
        }
        let variations = self
            .store
            .product_variations(parent.id)
            .await?
            .into_iter()
            .filter(|row| row.active)
            .map(|row| VariationView {
                attributes: attributes
                    .iter()
                    .filter(|attribute| attribute.product_id == row.id)
                    .map(|attribute| ProductAttribute {
                        name: attribute.name.clone(),
                        value: attribute.value.clone(),
                    })
                    .collect(),
                id: row.id,
                sku: row.sku,
                name: row.name,
                barcode: row.barcode,
                price: currency.from_minor_units(row.price_minor),
                stock_tracked: row.stock_tracked,
                stock_on_hand: row.stock_on_hand,
                active: row.active_flag,
            })
            .collect();
        Ok(ProductVariants {
            parent: product_summary(&currency, parent),
            attribute_names,
            variations,
        })
    }
}
