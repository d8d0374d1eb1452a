//! Placing orders: the counter checkout and back-office staff orders, each ONE transaction.
//!
//! Order, snapshot lines, taxes, payments, invoice, status history, search index and outbox
//! rows are written between one `BEGIN IMMEDIATE` and one `COMMIT`: all or nothing. The
//! order UUID comes from the caller; a retry with the same UUID returns the order the first
//! attempt made instead of making a second one. A paid order also gets the becoming-paid
//! effects (`paid.rs`) in the same transaction.

use chrono::{DateTime, Datelike, Utc};
use kassa_domain::document::{InvoiceStatus, invoice_number, order_reference};
use kassa_domain::methods::PaymentContext;
use kassa_domain::money::Currency;
use kassa_domain::staff::Permission;
use kassa_domain::stock::{StockVerdict, check_stock};
use kassa_domain::tender::{SettledPayment, Tender, apply_tender, settle};
use kassa_store::WriteTx;
use kassa_store::carts::CartLineRow;
use kassa_store::orders::{
    InvoiceRow, NewOrder, OrderDiscountRow, OrderLineRow, OrderRecord, OrderRow, OrderTaxRow,
    PaymentRow, StatusChangeRow,
};
use rust_decimal::Decimal;
use serde_json::json;

use crate::api::{AddressInput, CheckoutReceipt, CheckoutRequest, TenderInput};
use crate::cart::sellable;
use crate::draft::{DraftInput, PricedDraft, price_draft};
use crate::payments::{MethodTable, check_balances_in_tx, redeem_in_tx, tender, tender_error};
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
    pub tenders: &'a [TenderInput],
    /// The method that pays the rest later (check, wire transfer, cash on delivery).
    pub pay_later: Option<&'a str>,
    /// `None`: in-store pickup.
    pub carrier_code: Option<&'a str>,
    pub shipping_address: Option<&'a AddressInput>,
    pub invoice_address: Option<&'a AddressInput>,
    pub is_test: bool,
    pub placed_by: &'a str,
    pub now: DateTime<Utc>,
}

/// How an order is paid when it is placed.
struct Payment {
    payments: Vec<SettledPayment>,
    change: Decimal,
    rounding: Decimal,
    paid: Decimal,
    fully_paid: bool,
    status: String,
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
        self.authorize(Permission::Sell).await?;
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
        let placed = place_order_in_tx(
            &mut tx,
            &settings,
            &OrderToPlace {
                uuid: &uuid,
                register_code: &self.register.register_code,
                cart_id: cart.id,
                customer_id: cart.customer_id,
                tenders: &request.tenders,
                pay_later: None,
                carrier_code: None,
                shipping_address: None,
                invoice_address: None,
                is_test: false,
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

fn address_json(address: Option<&AddressInput>) -> ApiResult<Option<String>> {
    address
        .map(|address| {
            serde_json::to_string(address).map_err(|error| {
                ApiError::new(
                    ErrorCode::Internal,
                    format!("The address cannot be stored: {error}"),
                )
            })
        })
        .transpose()
}

/// Takes the tenders for the order's total: all of it (the order is paid), or a part with
/// the rest paid later (`pay_later`), or nothing (the order awaits payment).
fn take_payment(
    settings: &StoreSettings,
    methods: &MethodTable,
    context: &PaymentContext<'_>,
    order: &OrderToPlace<'_>,
    tenders: &[Tender],
    total: Decimal,
) -> ApiResult<Payment> {
    let currency = &settings.pricing.currency;
    for tender in tenders {
        let row = methods.check(tender.method().code(), context)?;
        if !row.pays_now {
            return Err(ApiError::new(
                ErrorCode::PaymentInvalid,
                format!(
                    "{} is paid later: choose it as the way to pay the rest, not as a payment taken now.",
                    row.label
                ),
            ));
        }
    }
    let later = match order.pay_later {
        Some(code) => {
            let row = methods.check(code, context)?;
            if row.pays_now {
                return Err(ApiError::new(
                    ErrorCode::PaymentInvalid,
                    format!("{} is taken now: enter it as a payment.", row.label),
                ));
            }
            Some(row.initial_status.clone())
        }
        None => None,
    };
    let (payments, change, rounding) = match (&later, tenders.is_empty()) {
        (None, false) => {
            let settled = settle(currency, total, tenders, settings.cash_rounding_increment)
                .map_err(tender_error)?;
            (settled.payments, settled.change_due, settled.rounding)
        }
        (None, true) if total.is_zero() => (Vec::new(), Decimal::ZERO, Decimal::ZERO),
        _ => {
            // A part now, the rest later: each tender goes against what is still due.
            let mut balance = total;
            let mut payments = Vec::with_capacity(tenders.len());
            let mut change = Decimal::ZERO;
            for tender in tenders {
                if balance <= Decimal::ZERO {
                    return Err(ApiError::new(
                        ErrorCode::PaymentInvalid,
                        "The payments already cover the total; remove the last one.",
                    ));
                }
                let payment = apply_tender(currency, balance, tender).map_err(tender_error)?;
                balance -= payment.amount;
                change += payment.change;
                payments.push(payment);
            }
            (payments, change, Decimal::ZERO)
        }
    };
    let paid: Decimal = payments.iter().map(|payment| payment.amount).sum();
    let fully_paid = paid >= total + rounding;
    let status = if fully_paid {
        // The method that paid the most sets the status (the first on a tie).
        let mut best: Option<&SettledPayment> = None;
        for payment in &payments {
            if best.is_none_or(|best| payment.amount > best.amount) {
                best = Some(payment);
            }
        }
        match best {
            Some(payment) => methods
                .check(payment.method.code(), context)?
                .initial_status
                .clone(),
            None => "payment_accepted".to_owned(),
        }
    } else {
        later.unwrap_or_else(|| "awaiting_payment".to_owned())
    };
    Ok(Payment {
        payments,
        change,
        rounding,
        paid,
        fully_paid,
        status,
    })
}

/// Writes one order inside the caller's transaction: the register's cart with its
/// coupons, delivered by the chosen carrier (or picked up), paid with the tenders in
/// full, in part with the rest paid later, or not yet.
pub(crate) async fn place_order_in_tx(
    tx: &mut WriteTx,
    settings: &StoreSettings,
    order: &OrderToPlace<'_>,
) -> ApiResult<PlacedOrder> {
    let country = order
        .shipping_address
        .map(|address| address.country_code.trim().to_uppercase());
    let lines = tx.cart_lines(order.cart_id, country.as_deref()).await?;
    // What the cart shows at 0 (gone, or out of stock when the store refuses to oversell)
    // is not sold; it stays in the cart.
    let held_back = !lines.is_empty();
    let sold: Vec<CartLineRow> = sellable(settings.oversell, lines)
        .into_iter()
        .filter(|line| line.quantity > 0)
        .collect();
    if sold.is_empty() {
        return Err(ApiError::new(
            ErrorCode::EmptyCart,
            if held_back {
                "Nothing in the cart can be sold now: its lines are out of stock, no longer for sale or at quantity 0."
            } else {
                "The cart is empty: scan or add an item first."
            },
        ));
    }
    let coupons = tx.cart_coupons(order.cart_id).await?;
    let customer = match order.customer_id {
        Some(id) => tx.customer(id).await?,
        None => None,
    };
    let draft = price_draft(
        tx,
        settings,
        &DraftInput {
            lines: &sold,
            coupons: &coupons,
            customer: customer.as_ref(),
            carrier_code: order.carrier_code,
            country: country.as_deref(),
            now: order.now,
        },
    )
    .await?;
    let stock_warnings = stock_warnings(settings, &sold)?;
    let methods = MethodTable::load(tx).await?;
    let carrier_code = draft.carrier.as_ref().map(|carrier| carrier.code.clone());
    let context = PaymentContext {
        currency: &settings.pricing.currency.code,
        country: Some(country.as_deref().unwrap_or(&settings.store_country)),
        customer_group: customer.as_ref().map(|c| c.customer_group.as_str()),
        carrier: carrier_code.as_deref(),
    };
    let tenders = order
        .tenders
        .iter()
        .map(tender)
        .collect::<ApiResult<Vec<_>>>()?;
    check_balances_in_tx(tx, settings, order.customer_id, &tenders, order.now).await?;
    let payment = take_payment(
        settings,
        &methods,
        &context,
        order,
        &tenders,
        draft.pricing.total,
    )?;
    let mut record = write_order(tx, settings, order, &sold, &draft, &payment).await?;
    let order_id = record.order.id;
    for settled in &payment.payments {
        redeem_in_tx(
            tx,
            settings,
            order_id,
            order.customer_id,
            settled,
            order.now,
        )
        .await?;
    }
    tx.mark_cart_ordered(order.cart_id, order.now).await?;
    // Filed under the register's open session (its X and Z reports count it) and, unless
    // it is a test order, journaled with its invoice.
    tx.attach_order_to_session(order_id, order.register_code)
        .await?;
    if !order.is_test {
        crate::journal::journal_sale_in_tx(tx, order.uuid, order.now).await?;
    }
    if payment.fully_paid {
        crate::paid::becoming_paid_in_tx(tx, settings, order_id, order.now).await?;
        record.order.paid_at = Some(order.now);
        if sold.iter().any(|line| line.kind == "gift_card") {
            record.gift_cards = tx.gift_cards_of_order(order_id).await?;
        }
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
    draft: &PricedDraft,
    payment: &Payment,
) -> ApiResult<OrderRecord> {
    let currency = &settings.pricing.currency;
    let pricing = &draft.pricing;
    let now = order.now;
    let register_code = order.register_code;
    let sequence = tx
        .next_in_sequence(&format!("order:{}:{register_code}", settings.store_code))
        .await?;
    let reference = order_reference(&settings.store_code, register_code, sequence);
    let status = payment.status.as_str();
    let shipping_address = address_json(order.shipping_address)?;
    let invoice_address = address_json(order.invoice_address.or(order.shipping_address))?;
    let carrier = draft
        .carrier
        .as_ref()
        .map(|carrier| (carrier.code.as_str(), carrier.name.as_str()));
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
            paid_minor: minor(currency, payment.paid)?,
            change_minor: minor(currency, payment.change)?,
            created_at: now,
            items_total_minor: minor(currency, pricing.items_total)?,
            discount_total_minor: minor(currency, pricing.discount_total)?,
            shipping_total_minor: minor(currency, pricing.shipping_total)?,
            shipping_tax_minor: minor(
                currency,
                pricing
                    .shipping
                    .as_ref()
                    .map(|line| line.tax)
                    .unwrap_or_default(),
            )?,
            shipping_tax_label: pricing
                .shipping
                .as_ref()
                .map(|line| line.tax_rate.label.as_str()),
            cash_rounding_minor: minor(currency, payment.rounding)?,
            carrier,
            pay_later_method: if payment.fully_paid {
                None
            } else {
                order.pay_later
            },
            shipping_address: shipping_address.as_deref(),
            invoice_address: invoice_address.as_deref(),
        })
        .await?;
    if order.is_test {
        tx.mark_test_order(order_id).await?;
    }
    let mut line_rows = Vec::with_capacity(lines.len());
    for (position, ((line, priced), discount)) in (1_i64..).zip(
        lines
            .iter()
            .zip(&pricing.items.lines)
            .zip(&pricing.discounts),
    ) {
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
            discount_minor: minor(currency, *discount)?,
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
    let mut discount_rows = Vec::with_capacity(draft.coupons.len());
    for coupon in &draft.coupons {
        let row = OrderDiscountRow {
            code: coupon.row.code.clone(),
            amount_minor: minor(currency, coupon.amount)?,
        };
        tx.insert_order_discount(order_id, coupon.row.id, order.customer_id, &row, now)
            .await?;
        discount_rows.push(row);
    }
    let mut payment_rows = Vec::with_capacity(payment.payments.len());
    for settled in &payment.payments {
        let row = PaymentRow {
            method: settled.method.code().to_owned(),
            amount_minor: minor(currency, settled.amount)?,
            tendered_minor: minor(currency, settled.tendered)?,
            change_minor: minor(currency, settled.change)?,
            reference: settled.reference.clone(),
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
        status: InvoiceStatus::for_payment(pricing.total + payment.rounding, payment.paid)
            .code()
            .to_owned(),
        total_minor: minor(currency, pricing.total)?,
        paid_minor: minor(currency, payment.paid)?,
        issued_at: now,
    };
    tx.insert_invoice(order_id, &invoice).await?;
    let first_change = StatusChangeRow {
        from_status: None,
        to_status: status.to_owned(),
        changed_by: order.placed_by.to_owned(),
        note: if payment.fully_paid {
            "Paid when placed"
        } else if payment.paid > Decimal::ZERO {
            "Placed, partly paid"
        } else {
            "Placed, awaiting payment"
        }
        .to_owned(),
        created_at: now,
    };
    tx.insert_status_change(order_id, &first_change).await?;
    tx.index_order_for_search(order_id).await?;
    let payload = json!({ "order_uuid": order.uuid, "reference": reference, "invoice": invoice.number, "by": order.placed_by });
    tx.enqueue_outbox("sync", "order_created", order.uuid, &payload, now)
        .await?;
    tx.enqueue_outbox("mail", "new_order_notification", order.uuid, &payload, now)
        .await?;
    // The customer's confirmation (with the pay link while the order awaits payment); an
    // order paid now queues the same one (`paid.rs`), and the outbox keeps one of them.
    if order.customer_id.is_some() {
        tx.enqueue_outbox("mail", "order_confirmation", order.uuid, &payload, now)
            .await?;
    }
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
            change_minor: minor(currency, payment.change)?,
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
            items_total_minor: minor(currency, pricing.items_total)?,
            discount_total_minor: minor(currency, pricing.discount_total)?,
            shipping_total_minor: minor(currency, pricing.shipping_total)?,
            cash_rounding_minor: minor(currency, payment.rounding)?,
            carrier_name: draft.carrier.as_ref().map(|carrier| carrier.name.clone()),
            pay_later_method: if payment.fully_paid {
                None
            } else {
                order.pay_later.map(str::to_owned)
            },
            shipping_address,
            invoice_address,
        },
        lines: line_rows,
        taxes: tax_rows,
        payments: payment_rows,
        invoice: Some(invoice),
        history: vec![first_change],
        credit_notes: Vec::new(),
        discounts: discount_rows,
        gift_cards: Vec::new(),
    })
}
