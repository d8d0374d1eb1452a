//! The full checkout for phone and back-office orders: customer (existing, guest or new
//! account) → addresses (skipped when every item is virtual) → carrier → payment →
//! newsletter opt-in → place. `quote_checkout` prices a draft in a transaction that is
//! rolled back; `create_staff_order` places it in one that commits.

use chrono::{DateTime, Utc};
use kassa_domain::methods::PaymentContext;
use kassa_domain::staff::Permission;
use kassa_store::WriteTx;

use crate::api::{
    CheckoutDraft, CheckoutQuote, CheckoutReceipt, PaymentMethodOption, QuoteLineView,
    ShippingOptionView, StaffOrderRequest,
};
use crate::cart::{MAX_LINE_QUANTITY, sellable, stock_warning, tax_views};
use crate::checkout::{OrderToPlace, place_order_in_tx};
use crate::customers::{checked_address, create_customer_in_tx};
use crate::draft::{DraftInput, price_draft, unknown_coupon};
use crate::order_flow::BACK_OFFICE_REGISTER;
use crate::payments::MethodTable;
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// Writes the draft as a back-office cart (lines, coupons in the order entered, customer,
/// created when new) inside the caller's transaction; returns the cart and customer.
async fn draft_cart(
    tx: &mut WriteTx,
    draft: &CheckoutDraft,
    now: DateTime<Utc>,
) -> ApiResult<(i64, Option<i64>)> {
    if draft.lines.is_empty() {
        return Err(ApiError::new(
            ErrorCode::EmptyCart,
            "Add at least one product to the order.",
        ));
    }
    for line in &draft.lines {
        if line.quantity == 0 || line.quantity > MAX_LINE_QUANTITY {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "The quantity must be between 1 and {MAX_LINE_QUANTITY}, not {}.",
                    line.quantity
                ),
            ));
        }
    }
    let customer_id = match (draft.customer_id, &draft.new_customer) {
        (Some(_), Some(_)) => {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "Choose an existing customer or enter a new one, not both.",
            ));
        }
        (Some(id), None) => {
            if tx.customer(id).await?.is_none() {
                return Err(ApiError::new(
                    ErrorCode::NotFound,
                    format!("Customer {id} does not exist."),
                ));
            }
            Some(id)
        }
        (None, Some(customer)) => {
            Some(create_customer_in_tx(tx, customer, draft.shipping_address.as_ref(), now).await?)
        }
        (None, None) => None,
    };
    if let Some(source) = draft.source_cart_id {
        let cart = tx.cart(source).await?;
        let theirs = cart.as_ref().is_some_and(|cart| {
            cart.status != "ordered"
                && cart.customer_id.is_some()
                && cart.customer_id == customer_id
        });
        if !theirs {
            return Err(ApiError::new(
                ErrorCode::CartNotOpen,
                format!(
                    "Cart {source} is not an unordered cart of this customer; choose another or start a new cart."
                ),
            ));
        }
        // The customer's cart becomes this order: it can never be ordered a second time.
        tx.mark_cart_ordered(source, now).await?;
    }
    let cart_id = tx.create_cart(BACK_OFFICE_REGISTER, now).await?;
    if let Some(customer_id) = customer_id {
        tx.set_cart_customer(cart_id, customer_id).await?;
    }
    for line in &draft.lines {
        tx.add_cart_item(cart_id, line.product_id, i64::from(line.quantity), now)
            .await
            .map_err(|error| {
                if error.is_foreign_key_violation() {
                    ApiError::new(
                        ErrorCode::NotFound,
                        format!("Product {} does not exist.", line.product_id),
                    )
                } else {
                    error.into()
                }
            })?;
    }
    for code in &draft.coupon_codes {
        let code = code.trim();
        if code.is_empty() {
            continue;
        }
        let coupon = tx
            .coupon_by_code(code)
            .await?
            .ok_or_else(|| unknown_coupon(code))?;
        tx.add_cart_coupon(cart_id, coupon.id, now).await?;
    }
    Ok((cart_id, customer_id))
}

impl Kassa {
    /// Refuses parents (choose a variation) and switched-off products with their own codes
    /// before anything is written.
    async fn check_sellable(&self, draft: &CheckoutDraft) -> ApiResult<()> {
        for line in &draft.lines {
            self.sellable_product(line.product_id).await?;
        }
        Ok(())
    }

    /// Prices a back-office order before it is placed: lines with their coupons, the
    /// carriers that can deliver it and their prices, the payment methods on offer and
    /// the totals. Nothing is saved.
    pub async fn quote_checkout(&self, draft: CheckoutDraft) -> ApiResult<CheckoutQuote> {
        let settings = self.settings().await?;
        let currency = &settings.pricing.currency;
        let now = self.clock.now();
        let shipping_address = draft
            .shipping_address
            .as_ref()
            .map(checked_address)
            .transpose()?;
        let country = shipping_address
            .as_ref()
            .map(|address| address.country_code.clone());
        self.check_sellable(&draft).await?;
        // Everything below is rolled back when `tx` is dropped.
        let mut tx = self.store.begin_write().await?;
        let (cart_id, customer_id) = draft_cart(&mut tx, &draft, now).await?;
        let requested = tx.cart_lines(cart_id, country.as_deref()).await?;
        let warnings: Vec<Option<String>> = requested
            .iter()
            .map(|line| stock_warning(settings.oversell, line))
            .collect();
        let lines = sellable(settings.oversell, requested);
        let coupons = tx.cart_coupons(cart_id).await?;
        let customer = match customer_id {
            Some(id) => tx.customer(id).await?,
            None => None,
        };
        let priced = price_draft(
            &mut tx,
            &settings,
            &DraftInput {
                lines: &lines,
                coupons: &coupons,
                customer: customer.as_ref(),
                carrier_code: draft.carrier_code.as_deref(),
                country: country.as_deref(),
                now,
            },
        )
        .await?;
        let methods = MethodTable::load(&mut tx).await?;
        let carrier_code = priced.carrier.as_ref().map(|carrier| carrier.code.clone());
        let context = PaymentContext {
            currency: &currency.code,
            country: Some(country.as_deref().unwrap_or(&settings.store_country)),
            customer_group: customer.as_ref().map(|c| c.customer_group.as_str()),
            carrier: carrier_code.as_deref(),
        };
        let payment_methods = methods
            .available(&context)
            .map(|row| PaymentMethodOption {
                code: row.code.clone(),
                label: row.label.clone(),
                pays_now: row.pays_now,
                initial_status: row.initial_status.clone(),
            })
            .collect();
        drop(tx);
        let pricing = &priced.pricing;
        Ok(CheckoutQuote {
            needs_shipping: priced.needs_shipping,
            weight_grams: priced.weight_grams,
            lines: lines
                .iter()
                .zip(&pricing.items.lines)
                .zip(&pricing.discounts)
                .zip(warnings)
                .map(
                    |(((line, priced_line), discount), stock_warning)| QuoteLineView {
                        product_id: line.product_id,
                        sku: line.sku.clone(),
                        name: line.name.clone(),
                        quantity: priced_line.quantity,
                        unit_price: priced_line.unit_price,
                        discount: *discount,
                        tax: priced_line.tax,
                        total: priced_line.gross,
                        tax_label: priced_line.tax_rate.label.clone(),
                        shippable: line.shippable,
                        stock_warning,
                    },
                )
                .collect(),
            coupons: priced.coupon_views(),
            carriers: priced
                .options
                .iter()
                .map(|option| ShippingOptionView {
                    code: option.code.clone(),
                    name: option.name.clone(),
                    price: option.price,
                    is_pickup: option.is_pickup,
                })
                .collect(),
            carrier_code,
            payment_methods,
            taxes: tax_views(&pricing.taxes),
            items_total: pricing.items_total,
            discount_total: pricing.discount_total,
            shipping_total: pricing.shipping_total,
            subtotal_net: pricing.subtotal_net,
            tax_total: pricing.tax_total,
            total: pricing.total,
            store_credit: customer
                .as_ref()
                .map(|customer| currency.from_minor_units(customer.store_credit_minor)),
            currency_code: currency.code.clone(),
        })
    }

    /// Places a back-office order (phone or e-mail): for an existing, guest or new
    /// customer, with coupons, delivered by a carrier or picked up, paid now in full or in
    /// part (the rest by a pay-later method), or awaiting payment. The same UUID always
    /// returns the same order.
    pub async fn create_staff_order(
        &self,
        request: StaffOrderRequest,
    ) -> ApiResult<CheckoutReceipt> {
        self.authorize(Permission::Sell).await?;
        let settings = self.settings().await?;
        let now = self.clock.now();
        let uuid = request.order_uuid.to_string();
        let draft = &request.draft;
        let shipping_address = draft
            .shipping_address
            .as_ref()
            .map(checked_address)
            .transpose()?;
        let invoice_address = draft
            .invoice_address
            .as_ref()
            .map(checked_address)
            .transpose()?;
        let mut tx = self.store.begin_write().await?;
        if let Some(order_id) = tx.order_id_by_uuid(&uuid).await? {
            drop(tx);
            return Ok(CheckoutReceipt {
                order: self.order_detail(order_id).await?,
                stock_warnings: Vec::new(),
            });
        }
        let (cart_id, customer_id) = draft_cart(&mut tx, draft, now).await?;
        if let (Some(customer_id), Some(newsletter)) = (customer_id, request.newsletter) {
            tx.set_newsletter(customer_id, newsletter).await?;
        }
        let placed = place_order_in_tx(
            &mut tx,
            &settings,
            &OrderToPlace {
                uuid: &uuid,
                register_code: BACK_OFFICE_REGISTER,
                cart_id,
                customer_id,
                tenders: &request.tenders,
                pay_later: request.pay_later.as_deref(),
                carrier_code: draft.carrier_code.as_deref(),
                shipping_address: shipping_address.as_ref(),
                invoice_address: invoice_address.as_ref(),
                is_test: request.is_test.unwrap_or(false),
                placed_by: &self.acting_staff(),
                now,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(CheckoutReceipt {
            order: crate::orders::detail(
                &settings.pricing.currency,
                settings.store.clone(),
                placed.record,
            )?,
            stock_warnings: placed.stock_warnings,
        })
    }
}
