//! The register's open cart: stored from the first item, priced on every read.

use chrono::{DateTime, Utc};
use kassa_domain::pricing::{LineInput, TaxBreakdown};
use kassa_domain::staff::Permission;
use kassa_domain::stock::{OversellPolicy, sellable_quantity};
use kassa_domain::tax::TaxRate;
use kassa_store::WriteTx;
use kassa_store::carts::{CartLineRow, CartRow};
use kassa_store::coupons::CouponRow;
use kassa_store::customers::CustomerRow;

use crate::api::{
    AddToCartRequest, CartLineView, CartView, CouponCodeRequest, RemoveLineRequest,
    SetQuantityRequest, TaxLineView,
};
use crate::draft::{DraftInput, price_draft};
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

/// What the counter shows next to a line whose product is gone or short (computed from
/// the requested quantity, before [`sellable`] holds units back).
pub(crate) fn stock_warning(policy: OversellPolicy, line: &CartLineRow) -> Option<String> {
    let refuse = policy == OversellPolicy::Refuse;
    if !line.active {
        Some("No longer for sale: not sold".to_owned())
    } else if !line.stock_tracked || line.quantity <= line.stock_on_hand {
        None
    } else if line.stock_on_hand <= 0 {
        Some(
            if refuse {
                "Out of stock: not sold"
            } else {
                "Out of stock"
            }
            .to_owned(),
        )
    } else if refuse {
        Some(format!(
            "Only {0} in stock: {0} of {1} sold",
            line.stock_on_hand, line.quantity
        ))
    } else {
        Some(format!("Only {} in stock", line.stock_on_hand))
    }
}

/// Lines of products that are no longer for sale, or (when the store refuses to oversell)
/// out of stock, stay in the cart at quantity 0 with a message, and a line asking for
/// more than is on hand sells what there is: they never block the rest of the cart. The
/// stored cart keeps the requested quantity, so the line comes back when stock does.
pub(crate) fn sellable(policy: OversellPolicy, mut lines: Vec<CartLineRow>) -> Vec<CartLineRow> {
    for line in &mut lines {
        line.quantity = sellable_quantity(
            policy,
            line.active,
            line.stock_tracked,
            line.stock_on_hand,
            line.quantity,
        );
    }
    lines
}

/// A cart's lines (store's own tax rates), coupons and customer.
async fn cart_contents(
    tx: &mut WriteTx,
    cart: Option<&CartRow>,
) -> ApiResult<(Vec<CartLineRow>, Vec<CouponRow>, Option<CustomerRow>)> {
    Ok(match cart {
        Some(cart) => (
            tx.cart_lines(cart.id, None).await?,
            tx.cart_coupons(cart.id).await?,
            match cart.customer_id {
                Some(id) => tx.customer(id).await?,
                None => None,
            },
        ),
        None => (Vec::new(), Vec::new(), None),
    })
}

/// The cart as the counter shows it: lines priced with the cart's coupons (for pickup:
/// no delivery at the counter).
pub(crate) async fn cart_view(
    tx: &mut WriteTx,
    settings: &StoreSettings,
    cart: Option<&CartRow>,
    now: DateTime<Utc>,
) -> ApiResult<CartView> {
    let (requested, coupons, customer) = cart_contents(tx, cart).await?;
    let warnings: Vec<Option<String>> = requested
        .iter()
        .map(|line| stock_warning(settings.oversell, line))
        .collect();
    let lines = sellable(settings.oversell, requested);
    let mut input = DraftInput {
        lines: &lines,
        coupons: &coupons,
        customer: customer.as_ref(),
        carrier_code: None,
        country: None,
        now,
    };
    let (draft, coupon_notice) = match price_draft(tx, settings, &input).await {
        Ok(draft) => (draft, None),
        Err(error) if !coupons.is_empty() && error.code.is_coupon() => {
            input.coupons = &[];
            (
                price_draft(tx, settings, &input).await?,
                Some(error.message),
            )
        }
        Err(error) => return Err(error),
    };
    let currency = &settings.pricing.currency;
    let pricing = &draft.pricing;
    let views = lines
        .iter()
        .zip(&pricing.items.lines)
        .zip(&pricing.discounts)
        .zip(warnings)
        .map(|(((line, priced), discount), stock_warning)| CartLineView {
            line_id: line.id,
            product_id: line.product_id,
            sku: line.sku.clone(),
            name: line.name.clone(),
            quantity: priced.quantity,
            unit_price: priced.unit_price,
            tax: priced.tax,
            total: priced.gross,
            tax_label: line.tax_label.clone(),
            stock_warning,
            discount: *discount,
        })
        .collect();
    Ok(CartView {
        cart_id: cart.map(|cart| cart.id),
        lines: views,
        taxes: tax_views(&pricing.taxes),
        subtotal_net: pricing.subtotal_net,
        tax_total: pricing.tax_total,
        total: pricing.total,
        item_count: pricing.items.lines.iter().map(|line| line.quantity).sum(),
        currency_code: currency.code.clone(),
        coupons: if coupon_notice.is_some() {
            Vec::new()
        } else {
            draft.coupon_views()
        },
        items_total: pricing.items_total,
        discount_total: pricing.discount_total,
        cash_total: currency.round_to_increment(pricing.total, settings.cash_rounding_increment),
        coupon_notice,
        name: cart.map(|cart| cart.name.clone()).unwrap_or_default(),
        customer: customer.map(|customer| crate::customers::customer_summary(settings, customer)),
    })
}

pub(crate) fn tax_views(taxes: &[TaxBreakdown]) -> Vec<TaxLineView> {
    taxes
        .iter()
        .map(|tax| TaxLineView {
            code: tax.rate.code.clone(),
            label: tax.rate.label.clone(),
            percent: tax.rate.percent,
            base: tax.base,
            tax: tax.tax,
        })
        .collect()
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
        let mut tx = self.store.begin_write().await?;
        let cart = tx.open_cart(&self.register.register_code).await?;
        cart_view(&mut tx, &settings, cart.as_ref(), self.clock.now()).await
    }

    /// Enters a coupon code on the open cart. A coupon that does not apply is refused
    /// with the reason (unknown, expired, not yet valid, minimum not reached, used up,
    /// not combinable, not for this customer) and the cart is left as it was.
    pub async fn apply_coupon(&self, request: CouponCodeRequest) -> ApiResult<CartView> {
        self.authorize(Permission::Sell).await?;
        let code = request.code.trim();
        if code.is_empty() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "Type a coupon code.",
            ));
        }
        let settings = self.settings().await?;
        let now = self.clock.now();
        let mut tx = self.store.begin_write().await?;
        let coupon = tx
            .coupon_by_code(code)
            .await?
            .ok_or_else(|| crate::draft::unknown_coupon(code))?;
        let cart = tx
            .open_cart(&self.register.register_code)
            .await?
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::EmptyCart,
                    "Scan an item before entering a coupon.",
                )
            })?;
        tx.add_cart_coupon(cart.id, coupon.id, now).await?;
        // Priced with the new coupon first: a refusal rolls the coupon back with its reason.
        let (lines, coupons, customer) = cart_contents(&mut tx, Some(&cart)).await?;
        price_draft(
            &mut tx,
            &settings,
            &DraftInput {
                lines: &lines,
                coupons: &coupons,
                customer: customer.as_ref(),
                carrier_code: None,
                country: None,
                now,
            },
        )
        .await?;
        let view = cart_view(&mut tx, &settings, Some(&cart), now).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Takes a coupon off the open cart.
    pub async fn remove_coupon(&self, request: CouponCodeRequest) -> ApiResult<CartView> {
        self.authorize(Permission::Sell).await?;
        let settings = self.settings().await?;
        let now = self.clock.now();
        let mut tx = self.store.begin_write().await?;
        let not_on_cart = || {
            ApiError::new(
                ErrorCode::NotFound,
                format!("Coupon {} is not on the cart.", request.code.trim()),
            )
        };
        let cart = tx
            .open_cart(&self.register.register_code)
            .await?
            .ok_or_else(not_on_cart)?;
        let coupon = tx
            .coupon_by_code(request.code.trim())
            .await?
            .ok_or_else(not_on_cart)?;
        if !tx.remove_cart_coupon(cart.id, coupon.id).await? {
            return Err(not_on_cart());
        }
        let view = cart_view(&mut tx, &settings, Some(&cart), now).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Adds units of a product to the open cart, creating the cart on the first item.
    pub async fn add_to_cart(&self, request: AddToCartRequest) -> ApiResult<CartView> {
        self.authorize(Permission::Sell).await?;
        // A parent (choose a variation) or a switched-off product is refused with its code.
        self.sellable_product(request.product_id).await?;
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
        let cart = tx.cart(cart_id).await?;
        let view = cart_view(&mut tx, &settings, cart.as_ref(), now).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Sets a line's quantity in the open cart (0 keeps the line, at no charge).
    pub async fn set_cart_quantity(&self, request: SetQuantityRequest) -> ApiResult<CartView> {
        self.authorize(Permission::Sell).await?;
        let quantity = check_quantity(request.quantity, 0)?;
        self.change_open_cart_line(request.line_id, Some(quantity))
            .await
    }

    /// Removes a line from the open cart.
    pub async fn remove_cart_line(&self, request: RemoveLineRequest) -> ApiResult<CartView> {
        self.authorize(Permission::Sell).await?;
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
        let view = cart_view(&mut tx, &settings, Some(&cart), now).await?;
        tx.commit().await?;
        Ok(view)
    }
}
