//! Checkout: the open cart becomes a paid order with its invoice in ONE transaction.
//!
//! Order, snapshot lines, taxes, payments, invoice, stock movements, status history and
//! outbox rows are written between one `BEGIN IMMEDIATE` and one `COMMIT`: all or nothing.
//! The order UUID comes from the caller; a retry with the same UUID returns the order the
//! first attempt made instead of making a second one.

use chrono::Datelike;
use kassa_domain::document::{InvoiceStatus, OrderStatus, invoice_number, order_reference};
use kassa_domain::money::Currency;
use kassa_domain::pricing::{CartPricing, price_cart};
use kassa_domain::stock::{StockVerdict, check_stock};
use kassa_domain::tender::{Settlement, Tender, TenderError, settle};
use kassa_store::WriteTx;
use kassa_store::carts::CartLineRow;
use kassa_store::orders::{
    InvoiceRow, NewOrder, OrderLineRow, OrderTaxRow, PaymentRow, StatusChangeRow,
};
use rust_decimal::Decimal;
use serde_json::json;

use crate::api::{CheckoutReceipt, CheckoutRequest, TenderInput};
use crate::cart::line_inputs;
use crate::settings::{StoreSettings, price_mode_code};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

fn minor(currency: &Currency, amount: Decimal) -> ApiResult<i64> {
    currency.to_minor_units(amount).map_err(|error| {
        ApiError::new(
            ErrorCode::Internal,
            format!("An amount cannot be stored: {error}"),
        )
    })
}

fn tenders(inputs: &[TenderInput]) -> Vec<Tender> {
    inputs
        .iter()
        .map(|input| match input {
            TenderInput::Cash { tendered } => Tender::Cash {
                tendered: *tendered,
            },
            TenderInput::Card {
                amount,
                terminal_reference,
            } => Tender::Card {
                amount: *amount,
                terminal_reference: terminal_reference
                    .as_ref()
                    .map(|reference| reference.trim().to_owned())
                    .filter(|reference| !reference.is_empty()),
            },
        })
        .collect()
}

fn tender_error(error: TenderError) -> ApiError {
    let code = match error {
        TenderError::Short { .. } | TenderError::NoPayment(_) => ErrorCode::PaymentShort,
        _ => ErrorCode::PaymentInvalid,
    };
    ApiError::new(
        code,
        format!("Payment not accepted: {error}. Nothing was charged or saved."),
    )
}

/// Stock verdicts for the sold lines: warnings to show, or the refusal.
fn stock_warnings(settings: &StoreSettings, lines: &[&CartLineRow]) -> ApiResult<Vec<String>> {
    let mut warnings = Vec::new();
    for line in lines {
        match check_stock(
            settings.oversell,
            line.stock_tracked,
            line.stock_on_hand,
            line.quantity,
        ) {
            StockVerdict::Enough => {}
            StockVerdict::Oversold { short } => warnings.push(format!(
                "{} ({}): sold {} with {} in stock, {short} short.",
                line.name, line.sku, line.quantity, line.stock_on_hand
            )),
            StockVerdict::Refused { short } => {
                return Err(ApiError::new(
                    ErrorCode::OutOfStock,
                    format!(
                        "{} ({}) has {} in stock; {short} more cannot be sold. Lower the quantity.",
                        line.name, line.sku, line.stock_on_hand
                    ),
                ));
            }
        }
    }
    Ok(warnings)
}

impl Kassa {
    /// Places the order for the cart and its payment, or returns the order already placed
    /// with this UUID.
    pub async fn checkout(&self, request: CheckoutRequest) -> ApiResult<CheckoutReceipt> {
        let settings = self.settings().await?;
        let now = self.clock.now();
        let uuid = request.order_uuid.to_string();
        let mut tx = self.store.begin_write().await?;
        if let Some(order_id) = tx.order_id_by_uuid(&uuid).await? {
            drop(tx);
            return Ok(CheckoutReceipt {
                order: self.order_detail(order_id).await?,
                stock_warnings: Vec::new(),
            });
        }
        let cart = tx.cart(request.cart_id).await?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("Cart {} does not exist.", request.cart_id),
            )
        })?;
        if cart.status != "open" || cart.register_code != self.register.register_code {
            return Err(ApiError::new(
                ErrorCode::CartNotOpen,
                format!(
                    "Cart {} is no longer open at this register; start a new sale.",
                    cart.id
                ),
            ));
        }
        let all_lines = tx.cart_lines(cart.id).await?;
        let sold: Vec<&CartLineRow> = all_lines.iter().filter(|line| line.quantity > 0).collect();
        if sold.is_empty() {
            return Err(ApiError::new(
                ErrorCode::EmptyCart,
                "The cart is empty: scan or add an item first.",
            ));
        }
        let sold_rows: Vec<CartLineRow> = sold.iter().map(|line| (*line).clone()).collect();
        let pricing = price_cart(&settings.pricing, &line_inputs(&settings, &sold_rows)?).map_err(
            |error| {
                ApiError::new(
                    ErrorCode::Internal,
                    format!("The cart cannot be priced: {error}"),
                )
            },
        )?;
        let warnings = stock_warnings(&settings, &sold)?;
        let settlement = settle(
            &settings.pricing.currency,
            pricing.total,
            &tenders(&request.tenders),
        )
        .map_err(tender_error)?;

        let order_id = self
            .write_order(
                &mut tx,
                &settings,
                &uuid,
                cart.id,
                &sold_rows,
                &pricing,
                &settlement,
                now,
            )
            .await?;
        tx.mark_cart_ordered(cart.id, now).await?;
        tx.commit().await?;
        Ok(CheckoutReceipt {
            order: self.order_detail(order_id).await?,
            stock_warnings: warnings,
        })
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "one call site; the pieces of one checkout"
    )]
    async fn write_order(
        &self,
        tx: &mut WriteTx,
        settings: &StoreSettings,
        uuid: &str,
        cart_id: i64,
        lines: &[CartLineRow],
        pricing: &CartPricing,
        settlement: &Settlement,
        now: chrono::DateTime<chrono::Utc>,
    ) -> ApiResult<i64> {
        let currency = &settings.pricing.currency;
        let register_code = &self.register.register_code;
        let sequence = tx
            .next_in_sequence(&format!("order:{}:{register_code}", settings.store_code))
            .await?;
        let reference = order_reference(&settings.store_code, register_code, sequence);
        let paid: Decimal = settlement
            .payments
            .iter()
            .map(|payment| payment.amount)
            .sum();
        let status = OrderStatus::PaymentAccepted.code();
        let order_id = tx
            .insert_order(&NewOrder {
                uuid,
                reference: &reference,
                store_code: &settings.store_code,
                register_code,
                cart_id: Some(cart_id),
                customer_id: None,
                status,
                currency_code: &currency.code,
                price_mode: price_mode_code(settings.pricing.price_mode),
                subtotal_net_minor: minor(currency, pricing.subtotal_net)?,
                tax_total_minor: minor(currency, pricing.tax_total)?,
                total_minor: minor(currency, pricing.total)?,
                paid_minor: minor(currency, paid)?,
                change_minor: minor(currency, settlement.change_due)?,
                created_at: now,
            })
            .await?;
        for (position, (line, priced)) in (1_i64..).zip(lines.iter().zip(&pricing.lines)) {
            tx.insert_order_line(
                order_id,
                &OrderLineRow {
                    position,
                    product_id: Some(line.product_id),
                    sku: line.sku.clone(),
                    name: line.name.clone(),
                    quantity: line.quantity,
                    unit_price_minor: line.unit_price_minor,
                    tax_code: priced.tax_rate.code.clone(),
                    tax_label: priced.tax_rate.label.clone(),
                    tax_percent: priced.tax_rate.percent.normalize().to_string(),
                    net_minor: minor(currency, priced.net)?,
                    tax_minor: minor(currency, priced.tax)?,
                    gross_minor: minor(currency, priced.gross)?,
                },
            )
            .await?;
            if line.stock_tracked {
                tx.move_stock(line.product_id, Some(order_id), -line.quantity, "sale", now)
                    .await?;
            }
        }
        for tax in &pricing.taxes {
            tx.insert_order_tax(
                order_id,
                &OrderTaxRow {
                    tax_code: tax.rate.code.clone(),
                    label: tax.rate.label.clone(),
                    percent: tax.rate.percent.normalize().to_string(),
                    base_minor: minor(currency, tax.base)?,
                    tax_minor: minor(currency, tax.tax)?,
                },
            )
            .await?;
        }
        for payment in &settlement.payments {
            let row = PaymentRow {
                method: payment.method.code().to_owned(),
                amount_minor: minor(currency, payment.amount)?,
                tendered_minor: minor(currency, payment.tendered)?,
                change_minor: minor(currency, payment.change)?,
                reference: payment.reference.clone(),
            };
            tx.insert_payment(order_id, &row, now).await?;
        }
        let year = now.year();
        let invoice_sequence = tx
            .next_in_sequence(&format!("invoice:{}:{year}", settings.invoice_series))
            .await?;
        let invoice = InvoiceRow {
            number: invoice_number(&settings.invoice_series, year, invoice_sequence),
            series: settings.invoice_series.clone(),
            year: i64::from(year),
            sequence: invoice_sequence,
            status: InvoiceStatus::for_payment(pricing.total, paid)
                .code()
                .to_owned(),
            total_minor: minor(currency, pricing.total)?,
            paid_minor: minor(currency, paid)?,
            issued_at: now,
        };
        tx.insert_invoice(order_id, &invoice).await?;
        tx.insert_status_change(
            order_id,
            &StatusChangeRow {
                from_status: None,
                to_status: status.to_owned(),
                changed_by: format!("Register {register_code}"),
                note: "Paid at the counter".to_owned(),
                created_at: now,
            },
        )
        .await?;
        let payload =
            json!({ "order_uuid": uuid, "reference": reference, "invoice": invoice.number });
        tx.enqueue_outbox("sync", "order_created", uuid, &payload, now)
            .await?;
        tx.enqueue_outbox("mail", "new_order_notification", uuid, &payload, now)
            .await?;
        Ok(order_id)
    }
}
