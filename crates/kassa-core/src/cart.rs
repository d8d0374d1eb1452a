//! The register's open cart: stored from the first item, priced on every read.

use kassa_domain::pricing::{LineInput, price_cart};
use kassa_domain::tax::TaxRate;
use kassa_store::carts::CartLineRow;

use crate::api::{
    AddToCartRequest, CartLineView, CartView, RemoveLineRequest, SetQuantityRequest, TaxLineView,
};
use crate::settings::{StoreSettings, parse_decimal};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// The most units one line can hold; more is a typo, not a sale.
pub(crate) const MAX_LINE_QUANTITY: u32 = 9_999;

pub(crate) fn tax_rate(code: &str, label: &str, percent: &str) -> ApiResult<TaxRate> {
    Ok(TaxRate {
        code: code.to_owned(),
        label: label.to_owned(),
        percent: parse_decimal(percent)?,
    })
}

pub(crate) fn line_quantity(line: &CartLineRow) -> ApiResult<u32> {
    u32::try_from(line.quantity).map_err(|_| {
        ApiError::new(
            ErrorCode::Internal,
            format!("Cart line {} has quantity {}.", line.id, line.quantity),
        )
    })
}

pub(crate) fn line_inputs(
    settings: &StoreSettings,
    lines: &[CartLineRow],
) -> ApiResult<Vec<LineInput>> {
    lines
        .iter()
        .map(|line| {
            Ok(LineInput {
                quantity: line_quantity(line)?,
                unit_price: settings
                    .pricing
                    .currency
                    .from_minor_units(line.unit_price_minor),
                tax: tax_rate(&line.tax_code, &line.tax_label, &line.tax_percent)?,
            })
        })
        .collect()
}

fn stock_warning(line: &CartLineRow) -> Option<String> {
    if !line.stock_tracked || line.quantity <= line.stock_on_hand {
        None
    } else if line.stock_on_hand <= 0 {
        Some("Out of stock".to_owned())
    } else {
        Some(format!("Only {} in stock", line.stock_on_hand))
    }
}

pub(crate) fn cart_view(
    settings: &StoreSettings,
    cart_id: Option<i64>,
    lines: &[CartLineRow],
) -> ApiResult<CartView> {
    let pricing =
        price_cart(&settings.pricing, &line_inputs(settings, lines)?).map_err(|error| {
            ApiError::new(
                ErrorCode::Internal,
                format!("The cart cannot be priced: {error}"),
            )
        })?;
    let views = lines
        .iter()
        .zip(&pricing.lines)
        .map(|(line, priced)| CartLineView {
            line_id: line.id,
            product_id: line.product_id,
            sku: line.sku.clone(),
            name: line.name.clone(),
            quantity: priced.quantity,
            unit_price: priced.unit_price,
            tax: priced.tax,
            total: priced.gross,
            tax_label: line.tax_label.clone(),
            stock_warning: stock_warning(line),
        })
        .collect();
    Ok(CartView {
        cart_id,
        lines: views,
        taxes: pricing
            .taxes
            .iter()
            .map(|tax| TaxLineView {
                code: tax.rate.code.clone(),
                label: tax.rate.label.clone(),
                percent: tax.rate.percent,
                base: tax.base,
                tax: tax.tax,
            })
            .collect(),
        subtotal_net: pricing.subtotal_net,
        tax_total: pricing.tax_total,
        total: pricing.total,
        item_count: pricing.lines.iter().map(|line| line.quantity).sum(),
        currency_code: settings.pricing.currency.code.clone(),
    })
}

fn check_quantity(quantity: u32, minimum: u32) -> ApiResult<i64> {
    if quantity < minimum || quantity > MAX_LINE_QUANTITY {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "The quantity must be between {minimum} and {MAX_LINE_QUANTITY}, not {quantity}."
            ),
        ));
    }
    Ok(i64::from(quantity))
}

impl Kassa {
    /// The register's open cart (empty, with no id, before the first item).
    pub async fn current_cart(&self) -> ApiResult<CartView> {
        let settings = self.settings().await?;
        match self.store.open_cart(&self.register.register_code).await? {
            Some(cart) => cart_view(
                &settings,
                Some(cart.id),
                &self.store.cart_lines(cart.id).await?,
            ),
            None => cart_view(&settings, None, &[]),
        }
    }

    /// Adds units of a product to the open cart, creating the cart on the first item.
    pub async fn add_to_cart(&self, request: AddToCartRequest) -> ApiResult<CartView> {
        if self
            .store
            .product(request.product_id)
            .await?
            .is_none_or(|product| !product.active)
        {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!(
                    "Product {} does not exist or is not for sale.",
                    request.product_id
                ),
            ));
        }
        self.add_product_to_open_cart(request.product_id, request.quantity)
            .await
    }

    pub(crate) async fn add_product_to_open_cart(
        &self,
        product_id: i64,
        quantity: u32,
    ) -> ApiResult<CartView> {
        let quantity = check_quantity(quantity, 1)?;
        let settings = self.settings().await?;
        let now = self.clock.now();
        let mut tx = self.store.begin_write().await?;
        let cart_id = match tx.open_cart(&self.register.register_code).await? {
            Some(cart) => cart.id,
            None => tx.create_cart(&self.register.register_code, now).await?,
        };
        tx.add_cart_item(cart_id, product_id, quantity, now).await?;
        let lines = tx.cart_lines(cart_id).await?;
        tx.commit().await?;
        cart_view(&settings, Some(cart_id), &lines)
    }

    /// Sets a line's quantity in the open cart (0 keeps the line, at no charge).
    pub async fn set_cart_quantity(&self, request: SetQuantityRequest) -> ApiResult<CartView> {
        let quantity = check_quantity(request.quantity, 0)?;
        self.change_open_cart_line(request.line_id, Some(quantity))
            .await
    }

    /// Removes a line from the open cart.
    pub async fn remove_cart_line(&self, request: RemoveLineRequest) -> ApiResult<CartView> {
        self.change_open_cart_line(request.line_id, None).await
    }

    async fn change_open_cart_line(
        &self,
        line_id: i64,
        quantity: Option<i64>,
    ) -> ApiResult<CartView> {
        let settings = self.settings().await?;
        let now = self.clock.now();
        let mut tx = self.store.begin_write().await?;
        let not_found = || {
            ApiError::new(
                ErrorCode::NotFound,
                format!("Line {line_id} is not in the open cart."),
            )
        };
        let cart = tx
            .open_cart(&self.register.register_code)
            .await?
            .ok_or_else(not_found)?;
        let changed = match quantity {
            Some(quantity) => {
                tx.set_cart_line_quantity(cart.id, line_id, quantity, now)
                    .await?
            }
            None => tx.remove_cart_line(cart.id, line_id, now).await?,
        };
        if !changed {
            return Err(not_found());
        }
        let lines = tx.cart_lines(cart.id).await?;
        tx.commit().await?;
        cart_view(&settings, Some(cart.id), &lines)
    }
}
