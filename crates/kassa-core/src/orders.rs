//! Placed orders: the list (newest first, keyset pages) and one order in full.

use kassa_domain::money::Currency;
use kassa_store::order_list::OrderFilter;
use kassa_store::orders::{OrderRecord, OrderRow};
use uuid::Uuid;

use crate::api::{
    AddressInput, AppliedCouponView, CreditNoteView, CustomerRef, GetOrderRequest, HistoryEntry,
    InvoiceView, ListOrdersRequest, OrderDetail, OrderLineView, OrderPage, OrderSummary,
    PaymentView, TaxLineView,
};
use crate::settings::parse_decimal;
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

const DEFAULT_PAGE: u32 = 50;
const MAX_PAGE: u32 = 200;

fn day(field: &str, text: &str) -> ApiResult<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("The {field} `{text}` is not a date like 2026-11-23."),
        )
    })
}

fn non_empty(value: Option<&String>) -> Option<String> {
    value
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

/// Validates a list request into the store's filter.
pub(crate) fn order_filter(request: &ListOrdersRequest) -> ApiResult<OrderFilter> {
    let before_id = match request.cursor.as_deref() {
        None | Some("") => None,
        Some(cursor) => Some(cursor.parse::<i64>().map_err(|_| {
            ApiError::new(
                ErrorCode::InvalidInput,
                format!("`{cursor}` is not a cursor from a previous page."),
            )
        })?),
    };
    let from = non_empty(request.date_from.as_ref())
        .map(|text| day("start date", &text))
        .transpose()?;
    let to = non_empty(request.date_to.as_ref())
        .map(|text| day("end date", &text))
        .transpose()?;
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("The start date {from} is after the end date {to}."),
        ));
    }
    Ok(OrderFilter {
        search: non_empty(request.search.as_ref()),
        status: non_empty(request.status.as_ref()),
        payment_method: non_empty(request.payment_method.as_ref()),
        register_code: non_empty(request.register_code.as_ref()),
        from: from.map(|day| day.and_time(chrono::NaiveTime::MIN).and_utc()),
        until: to
            .and_then(|day| day.succ_opt())
            .map(|day| day.and_time(chrono::NaiveTime::MIN).and_utc()),
        before_id,
    })
}

fn stored_uuid(text: &str) -> ApiResult<Uuid> {
    Uuid::parse_str(text).map_err(|_| {
        ApiError::new(
            ErrorCode::Internal,
            format!("Stored order UUID `{text}` is invalid."),
        )
    })
}

pub(crate) fn summary(currency: &Currency, row: OrderRow) -> ApiResult<OrderSummary> {
    Ok(OrderSummary {
        uuid: stored_uuid(&row.uuid)?,
        reference: row.reference,
        status: row.status,
        status_label: row.status_label,
        status_colour: row.status_colour,
        total: currency.from_minor_units(row.total_minor),
        currency_code: row.currency_code,
        invoice_number: row.invoice_number,
        customer_name: row.customer_name,
        item_count: row.item_count,
        created_at: row.created_at,
    })
}

impl Kassa {
    /// Orders newest first, one page at a time.
    pub async fn list_orders(&self, request: ListOrdersRequest) -> ApiResult<OrderPage> {
        let limit = request.limit.unwrap_or(DEFAULT_PAGE);
        if limit == 0 || limit > MAX_PAGE {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("The page size must be between 1 and {MAX_PAGE}, not {limit}."),
            ));
        }
        let filter = order_filter(&request)?;
        let currency = self.settings().await?.pricing.currency;
        let mut rows = self
            .store
            .search_orders(&filter, i64::from(limit) + 1)
            .await?;
        let more = rows.len() > usize::try_from(limit).unwrap_or(usize::MAX);
        rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        let next_cursor = if more {
            rows.last().map(|row| row.id.to_string())
        } else {
            None
        };
        let orders = rows
            .into_iter()
            .map(|row| summary(&currency, row))
            .collect::<ApiResult<_>>()?;
        Ok(OrderPage {
            orders,
            next_cursor,
        })
    }

    /// One order in full.
    pub async fn get_order(&self, request: GetOrderRequest) -> ApiResult<OrderDetail> {
        let not_found = || {
            ApiError::new(
                ErrorCode::NotFound,
                format!("No order has the id {}.", request.uuid),
            )
        };
        let order_id = self
            .store
            .order_id_by_uuid(&request.uuid.to_string())
            .await?
            .ok_or_else(not_found)?;
        self.order_detail(order_id).await
    }

    pub(crate) async fn order_detail(&self, order_id: i64) -> ApiResult<OrderDetail> {
        let settings = self.settings().await?;
        let record = self.store.order_record(order_id).await?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("Order {order_id} does not exist."),
            )
        })?;
        detail(&settings.pricing.currency, settings.store, record)
    }
}

pub(crate) fn detail(
    currency: &Currency,
    store: crate::api::StoreDetails,
    record: OrderRecord,
) -> ApiResult<OrderDetail> {
    let OrderRecord {
        order,
        lines,
        taxes,
        payments,
        invoice,
        history,
        credit_notes,
        discounts,
        gift_cards,
    } = record;
    let money = |minor: i64| currency.from_minor_units(minor);
    Ok(OrderDetail {
        uuid: stored_uuid(&order.uuid)?,
        reference: order.reference,
        status: order.status,
        status_label: order.status_label,
        status_colour: order.status_colour,
        created_at: order.created_at,
        register_code: order.register_code,
        currency_code: order.currency_code,
        lines: lines
            .into_iter()
            .map(|line| OrderLineView {
                product_id: line.product_id,
                sku: line.sku,
                name: line.name,
                quantity: line.quantity,
                unit_price: money(line.unit_price_minor),
                tax_label: line.tax_label,
                tax: money(line.tax_minor),
                total: money(line.gross_minor),
                discount: money(line.discount_minor),
            })
            .collect(),
        taxes: taxes
            .into_iter()
            .map(|tax| {
                Ok(TaxLineView {
                    percent: parse_decimal(&tax.percent)?,
                    code: tax.tax_code,
                    label: tax.label,
                    base: money(tax.base_minor),
                    tax: money(tax.tax_minor),
                })
            })
            .collect::<ApiResult<_>>()?,
        subtotal_net: money(order.subtotal_net_minor),
        tax_total: money(order.tax_total_minor),
        total: money(order.total_minor),
        paid: money(order.paid_minor),
        change_due: money(order.change_minor),
        payments: payments
            .into_iter()
            .map(|payment| PaymentView {
                reference: if payment.method.contains("gift_card") {
                    payment.reference.as_deref().map(mask_gift_card)
                } else {
                    payment.reference
                },
                method: payment.method,
                amount: money(payment.amount_minor),
                tendered: money(payment.tendered_minor),
                change: money(payment.change_minor),
            })
            .collect(),
        invoice: invoice.map(|invoice| InvoiceView {
            number: invoice.number,
            status: invoice.status,
            issued_at: invoice.issued_at,
        }),
        history: history
            .into_iter()
            .map(|change| HistoryEntry {
                from_status: change.from_status,
                to_status: change.to_status,
                changed_by: change.changed_by,
                note: change.note,
                at: change.created_at,
            })
            .collect(),
        store,
        customer: order.customer_id.map(|id| CustomerRef {
            id,
            name: order.customer_name.clone().unwrap_or_default(),
            email: order.customer_email.clone(),
        }),
        internal_reference: order.internal_reference,
        tracking_code: order.tracking_code,
        notes: order.notes,
        refunded: money(order.refunded_minor),
        credit_notes: credit_notes
            .into_iter()
            .map(|note| CreditNoteView {
                number: note.number,
                invoice_number: note.invoice_number,
                reason: note.reason,
                total: money(note.total_minor),
                issued_at: note.issued_at,
            })
            .collect(),
        is_test: order.is_test,
        items_total: money(order.items_total_minor),
        discount_total: money(order.discount_total_minor),
        shipping_total: money(order.shipping_total_minor),
        cash_rounding: money(order.cash_rounding_minor),
        coupons: discounts
            .into_iter()
            .map(|discount| AppliedCouponView {
                code: discount.code,
                description: String::new(),
                amount: money(discount.amount_minor),
                free_shipping: false,
            })
            .collect(),
        carrier_name: order.carrier_name,
        pay_later_method: order.pay_later_method,
        shipping_address: stored_address(order.shipping_address.as_deref())?,
        invoice_address: stored_address(order.invoice_address.as_deref())?,
        gift_cards: gift_cards
            .into_iter()
            .map(|card| crate::gift_cards::gift_card_view(currency, card))
            .collect(),
    })
}

/// A gift card code as receipts and the order page show it: only its last group, so a
/// receipt left on the counter cannot be used to spend what is left on the card.
fn mask_gift_card(code: &str) -> String {
    let last: String = code
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("****-****-****-{last}")
}

fn stored_address(json: Option<&str>) -> ApiResult<Option<AddressInput>> {
    json.map(|json| {
        serde_json::from_str(json).map_err(|error| {
            ApiError::new(
                ErrorCode::Internal,
                format!("A stored address cannot be read: {error}"),
            )
        })
    })
    .transpose()
}
