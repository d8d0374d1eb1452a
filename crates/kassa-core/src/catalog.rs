//! Catalog lookups for the counter: search and barcode scans.

use kassa_domain::money::Currency;
use kassa_store::catalog::ProductRow;

use crate::api::{ProductSummary, ScanRequest, ScanResult, SearchProductsRequest};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

const DEFAULT_SEARCH_LIMIT: u32 = 20;
const MAX_SEARCH_LIMIT: u32 = 100;

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
    }
}

impl Kassa {
    /// Active products whose name, SKU or barcode starts with the query.
    pub async fn search_products(
        &self,
        request: SearchProductsRequest,
    ) -> ApiResult<Vec<ProductSummary>> {
        let limit = request.limit.unwrap_or(DEFAULT_SEARCH_LIMIT);
        if limit == 0 || limit > MAX_SEARCH_LIMIT {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("The result limit must be between 1 and {MAX_SEARCH_LIMIT}, not {limit}."),
            ));
        }
        let currency = self.settings().await?.pricing.currency;
        let rows = self
            .store
            .search_products(request.query.trim(), i64::from(limit))
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| product_summary(&currency, row))
            .collect())
    }

    /// Adds one unit of the product with this exact barcode to the open cart.
    pub async fn scan_barcode(&self, request: ScanRequest) -> ApiResult<ScanResult> {
        let barcode = request.barcode.trim();
        if barcode.is_empty() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "The scanned barcode is empty.",
            ));
        }
        let Some(row) = self.store.product_by_barcode(barcode).await? else {
            return Err(ApiError::new(
                ErrorCode::UnknownBarcode,
                format!("No product has the barcode {barcode}. Search by name or SKU instead."),
            ));
        };
        let currency = self.settings().await?.pricing.currency;
        let product = product_summary(&currency, row);
        let cart = self.add_product_to_open_cart(product.id, 1).await?;
        Ok(ScanResult { cart, product })
    }
}
