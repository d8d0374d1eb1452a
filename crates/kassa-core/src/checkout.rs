//! Placing orders: the counter checkout and back-office staff orders, each ONE transaction.
//!
//! Order, snapshot lines, taxes, payments, invoice, status history, search index and outbox
//! rows are written between one `BEGIN IMMEDIATE` and one `COMMIT`: all or nothing. The
//! order UUID comes from the caller; a retry with the same UUID returns the order the first
//! attempt made instead of making a second one. A paid order also gets the becoming-paid
//! effects (`paid.rs`) in the same transaction.

use chrono::{DateTime, Datelike, Utc};
use kassa_domain::document::{InvoiceStatus, OrderStatus, invoice_number, order_reference};
use kassa_domain::money::Currency;
use kassa_domain::pricing::{CartPricing, price_cart};
use kassa_domain::stock::{StockVerdict, check_stock};
use kassa_domain::tender::{Settlement, Tender, TenderError, settle};
use kassa_store::WriteTx;
use kassa_store::carts::CartLineRow;
use kassa_store::orders::{
    InvoiceRow, NewOrder, OrderLineRow, OrderRecord, OrderRow, OrderTaxRow, PaymentRow,
    StatusChangeRow,
};
use rust_decimal::Decimal;
use serde_json::json;

use crate::api::{CheckoutReceipt, CheckoutRequest, TenderInput};
use crate::cart::line_inputs;
use crate::settings::{StoreSettings, price_mode_code};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

pub(crate) fn minor(currency: &Currency, amount: Decimal) -> ApiResult<i64> {
    currency.to_minor_units(amount).map_err(|error| {
        ApiError::new(
            ErrorCode::Internal,
            format!("An amount cannot be stored: {error}"),
        )
    })
}

pub(crate) fn tender(input: &TenderInput) -> Tender {
    match input {
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
    }
}

pub(crate) fn tender_error(error: TenderError) -> ApiError {
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
fn stock_warnings(settings: &StoreSettings, lines: &[CartLineRow]) -> ApiResult<Vec<String>> {
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

/// Everything needed to write one order.
pub(crate) struct OrderToPlace<'a> {
    pub uuid: &'a str,
    pub register_code: &'a str,
    pub cart_id: i64,
    pub customer_id: Option<i64>,
    pub lines: &'a [CartLineRow],
    pub tenders: &'a [TenderInput],
    pub is_test: bool,
    pub placed_by: &'a str,
    pub now: DateTime<Utc>,
}

/// What placing wrote.
pub(crate) struct PlacedOrder {
    pub stock_warnings: Vec<String>,
    /// Everything written, as it would be read back: the receipt is made from it without
    /// reading the order again (checkout's latency is what the clerk waits for).
    pub record: OrderRecord,
}

impl Kassa {
    /// Places the order for the register's cart and its payment, or returns the order
    /// already placed with this UUID.
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
        if request.tenders.is_empty() {
            return Err(ApiError::new(
                ErrorCode::PaymentShort,
                "Take a payment before completing the sale.",
            ));
        }
        let lines = tx.cart_lines(cart.id).await?;
        let placed = place_order_in_tx(
            &mut tx,
            &settings,
            &OrderToPlace {
                uuid: &uuid,
                register_code: &self.register.register_code,
                cart_id: cart.id,
                customer_id: cart.customer_id,
                lines: &lines,
                tenders: &request.tenders,
                is_test: false,
                placed_by: &format!("Register {}", self.register.register_code),
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

/// Writes one order inside the caller's transaction. With tenders, they must cover the
/// total and the order is paid at once; without, it awaits payment.
pub(crate) async fn place_order_in_tx(
    tx: &mut WriteTx,
    settings: &StoreSettings,
    order: &OrderToPlace<'_>,
) -> ApiResult<PlacedOrder> {
    let sold: Vec<CartLineRow> = order
        .lines
        .iter()
        .filter(|line| line.quantity > 0)
        .cloned()
        .collect();
    if sold.is_empty() {
        return Err(ApiError::new(
            ErrorCode::EmptyCart,
            "The cart is empty: scan or add an item first.",
        ));
    }
    let pricing =
        price_cart(&settings.pricing, &line_inputs(settings, &sold)?).map_err(|error| {
            ApiError::new(
                ErrorCode::Internal,
                format!("The cart cannot be priced: {error}"),
            )
        })?;
    let stock_warnings = stock_warnings(settings, &sold)?;
    let settlement = if order.tenders.is_empty() {
        None
    } else {
        let tenders: Vec<Tender> = order.tenders.iter().map(tender).collect();
        Some(settle(&settings.pricing.currency, pricing.total, &tenders).map_err(tender_error)?)
    };
    let mut record = write_order(tx, settings, order, &sold, &pricing, settlement.as_ref()).await?;
    let order_id = record.order.id;
    tx.mark_cart_ordered(order.cart_id, order.now).await?;
    if settlement.is_some() {
        crate::paid::becoming_paid_in_tx(tx, settings, order_id, order.now).await?;
        record.order.paid_at = Some(order.now);
    }
    Ok(PlacedOrder {
        stock_warnings,
        record,
    })
}

async fn write_order(
    tx: &mut WriteTx,
    settings: &StoreSettings,
    order: &OrderToPlace<'_>,
    lines: &[CartLineRow],
    pricing: &CartPricing,
    settlement: Option<&Settlement>,
) -> ApiResult<OrderRecord> {
    let currency = &settings.pricing.currency;
    let now = order.now;
    let register_code = order.register_code;
    let sequence = tx
        .next_in_sequence(&format!("order:{}:{register_code}", settings.store_code))
        .await?;
    let reference = order_reference(&settings.store_code, register_code, sequence);
    let paid: Decimal = settlement
        .map(|s| s.payments.iter().map(|payment| payment.amount).sum())
        .unwrap_or_default();
    let status = if settlement.is_some() {
        OrderStatus::PaymentAccepted
    } else {
        OrderStatus::AwaitingPayment
    }
    .code();
    let order_id = tx
        .insert_order(&NewOrder {
            uuid: order.uuid,
            reference: &reference,
            store_code: &settings.store_code,
            register_code,
            cart_id: Some(order.cart_id),
            customer_id: order.customer_id,
            status,
            currency_code: &currency.code,
            price_mode: price_mode_code(settings.pricing.price_mode),
            subtotal_net_minor: minor(currency, pricing.subtotal_net)?,
            tax_total_minor: minor(currency, pricing.tax_total)?,
            total_minor: minor(currency, pricing.total)?,
            paid_minor: minor(currency, paid)?,
            change_minor: minor(
                currency,
                settlement.map(|s| s.change_due).unwrap_or_default(),
            )?,
            created_at: now,
        })
        .await?;
    if order.is_test {
        tx.mark_test_order(order_id).await?;
    }
    let mut line_rows = Vec::with_capacity(lines.len());
    for (position, (line, priced)) in (1_i64..).zip(lines.iter().zip(&pricing.lines)) {
        let row = OrderLineRow {
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
        };
        tx.insert_order_line(order_id, &row).await?;
        line_rows.push(row);
    }
    let mut tax_rows = Vec::with_capacity(pricing.taxes.len());
    for tax in &pricing.taxes {
        let row = OrderTaxRow {
            tax_code: tax.rate.code.clone(),
            label: tax.rate.label.clone(),
            percent: tax.rate.percent.normalize().to_string(),
            base_minor: minor(currency, tax.base)?,
            tax_minor: minor(currency, tax.tax)?,
        };
        tx.insert_order_tax(order_id, &row).await?;
        tax_rows.push(row);
    }
    let mut payment_rows = Vec::new();
    for payment in settlement
        .map(|s| s.payments.as_slice())
        .unwrap_or_default()
    {
        let row = PaymentRow {
            method: payment.method.code().to_owned(),
            amount_minor: minor(currency, payment.amount)?,
            tendered_minor: minor(currency, payment.tendered)?,
            change_minor: minor(currency, payment.change)?,
            reference: payment.reference.clone(),
        };
        tx.insert_payment(order_id, &row, now).await?;
        payment_rows.push(row);
    }
    // Test orders number their invoices in a series of their own, so that deleting one
    // never leaves a gap in the real series.
    let series = if order.is_test {
        &settings.test_invoice_series
    } else {
        &settings.invoice_series
    };
    let year = now.year();
    let invoice_sequence = tx
        .next_in_sequence(&format!("invoice:{series}:{year}"))
        .await?;
    let invoice = InvoiceRow {
        number: invoice_number(series, year, invoice_sequence),
        series: series.clone(),
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
    let first_change = StatusChangeRow {
        from_status: None,
        to_status: status.to_owned(),
        changed_by: order.placed_by.to_owned(),
        note: if settlement.is_some() {
            "Paid when placed"
        } else {
            "Placed, awaiting payment"
        }
        .to_owned(),
        created_at: now,
    };
    tx.insert_status_change(order_id, &first_change).await?;
    tx.index_order_for_search(order_id).await?;
    let payload =
        json!({ "order_uuid": order.uuid, "reference": reference, "invoice": invoice.number });
    tx.enqueue_outbox("sync", "order_created", order.uuid, &payload, now)
        .await?;
    tx.enqueue_outbox("mail", "new_order_notification", order.uuid, &payload, now)
        .await?;
    let status_row = tx.status(status).await?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::Internal,
            format!("The order status `{status}` is missing."),
        )
    })?;
    let customer = match order.customer_id {
        Some(id) => tx.customer(id).await?,
        None => None,
    };
    Ok(OrderRecord {
        order: OrderRow {
            id: order_id,
            uuid: order.uuid.to_owned(),
            reference,
            register_code: register_code.to_owned(),
            status: status.to_owned(),
            status_label: status_row.label,
            status_colour: status_row.colour,
            currency_code: currency.code.clone(),
            subtotal_net_minor: minor(currency, pricing.subtotal_net)?,
            tax_total_minor: minor(currency, pricing.tax_total)?,
            total_minor: invoice.total_minor,
            paid_minor: invoice.paid_minor,
            change_minor: minor(
                currency,
                settlement.map(|s| s.change_due).unwrap_or_default(),
            )?,
            invoice_number: Some(invoice.number.clone()),
            customer_name: customer.as_ref().map(|c| c.name.clone()),
            item_count: line_rows.iter().map(|line| line.quantity).sum(),
            created_at: now,
            customer_id: order.customer_id,
            customer_email: customer.and_then(|c| c.email),
            internal_reference: String::new(),
            tracking_code: String::new(),
            notes: String::new(),
            paid_at: None,
            refunded_minor: 0,
            is_test: order.is_test,
        },
        lines: line_rows,
        taxes: tax_rows,
        payments: payment_rows,
        invoice: Some(invoice),
        history: vec![first_change],
        credit_notes: Vec::new(),
    })
}
