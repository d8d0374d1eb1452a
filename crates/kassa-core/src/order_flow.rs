//! The back office's changes to placed orders: status transitions with their refunds and
//! restocking, payments recorded later, staff fields, test-order deletion, and staff orders
//! placed for a customer. Each change is one write transaction.

use chrono::{DateTime, Datelike, Utc};
use kassa_domain::document::{InvoiceStatus, invoice_number};
use kassa_domain::staff::Permission;
use kassa_domain::tender::apply_tender;
use kassa_domain::transition::{StatusFlags, plan_transition};
use kassa_store::WriteTx;
use kassa_store::order_changes::{NewCreditNote, OrderState};
use kassa_store::orders::{PaymentRow, StatusChangeRow};
use kassa_store::statuses::StatusRow;
use serde_json::json;
use uuid::Uuid;

use crate::api::{
    ChangeStatusRequest, GetOrderRequest, OrderDetail, OrderStatusView, RecordPaymentRequest,
    UpdateOrderRequest,
};
use crate::checkout::minor;
use crate::payments::{tender, tender_error};
use crate::settings::StoreSettings;
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// Who the back office acts as until staff accounts exist (staff issue).
pub(crate) const BACK_OFFICE: &str = "Back office";
/// The register code of orders placed from the back office.
pub(crate) const BACK_OFFICE_REGISTER: &str = "BO";
const MAX_TEXT: usize = 2_000;

fn flags(status: &StatusRow) -> StatusFlags {
    StatusFlags {
        paid: status.paid,
        shipped: status.shipped,
        delivered: status.delivered,
        canceled: status.canceled,
        refunded: status.refunded,
    }
}

pub(crate) fn status_view(row: StatusRow) -> OrderStatusView {
    OrderStatusView {
        code: row.code,
        label: row.label,
        position: row.position,
        paid: row.paid,
        shipped: row.shipped,
        delivered: row.delivered,
        canceled: row.canceled,
        refunded: row.refunded,
        notify_customer: row.notify_customer,
        colour: row.colour,
    }
}

pub(crate) async fn order_state(tx: &mut WriteTx, uuid: Uuid) -> ApiResult<OrderState> {
    tx.order_state(&uuid.to_string())
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("No order has the id {uuid}.")))
}

fn long_text(field: &str, value: &str) -> ApiResult<()> {
    if value.chars().count() > MAX_TEXT {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("The {field} is longer than {MAX_TEXT} characters."),
        ));
    }
    Ok(())
}

/// Moves one order to `target` inside the caller's transaction, applying the rules of
/// `kassa_domain::transition` and the effects they call for.
#[expect(
    clippy::too_many_arguments,
    reason = "the transaction, the order, the change and who and when: each is needed"
)]
pub(crate) async fn change_status_in_tx(
    tx: &mut WriteTx,
    settings: &StoreSettings,
    order: &OrderState,
    target: &str,
    note: &str,
    notify_customer: bool,
    by: &str,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let unknown = |code: &str| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("There is no order status `{code}`."),
        )
    };
    let from = tx
        .status(&order.status)
        .await?
        .ok_or_else(|| unknown(&order.status))?;
    let to = tx.status(target).await?.ok_or_else(|| unknown(target))?;
    let effects =
        plan_transition(flags(&from), flags(&to), from.code == to.code).map_err(|rule| {
            ApiError::new(
                ErrorCode::TransitionForbidden,
                format!(
                    "Order {} cannot go from “{}” to “{}”: {rule}.",
                    order.reference, from.label, to.label
                ),
            )
        })?;
    let invoice = tx.invoice_of(order.id).await?;
    if effects.refund {
        let amount = order.paid_minor - order.refunded_minor;
        if let (Some(invoice), true) = (&invoice, amount > 0) {
            let year = now.year();
            let sequence = tx
                .next_in_sequence(&format!(
                    "credit_note:{}:{year}",
                    settings.credit_note_series
                ))
                .await?;
            let number = invoice_number(&settings.credit_note_series, year, sequence);
            let lines = tx.order_lines_with_shipping(order.id).await?;
            let full = amount == order.total_minor;
            tx.insert_credit_note(
                &NewCreditNote {
                    number: &number,
                    series: &settings.credit_note_series,
                    year: i64::from(year),
                    sequence,
                    invoice_id: invoice.id,
                    order_id: order.id,
                    reason: &format!("{} of order {}", to.label, order.reference),
                    subtotal_net_minor: if full {
                        order.subtotal_net_minor
                    } else {
                        amount
                    },
                    tax_total_minor: if full { order.tax_total_minor } else { 0 },
                    total_minor: amount,
                    issued_by: by,
                    issued_at: now,
                },
                if full { &lines } else { &[] },
            )
            .await?;
            if !order.is_test {
                crate::journal::journal_credit_note_in_tx(tx, &number, now).await?;
            }
            // What came from gift cards and store credit goes back there; the rest is
            // paid back in cash or to the card.
            let returned = crate::payments::return_balances_in_tx(
                tx,
                order.id,
                order.customer_id,
                amount,
                now,
            )
            .await?;
            let rest = amount - returned.iter().map(|(_, _, back)| back).sum::<i64>();
            let mut refunds: Vec<(&str, Option<String>, i64)> = returned;
            if rest > 0 {
                refunds.push(("refund", Some(number.clone()), rest));
            }
            for (method, reference, back) in refunds {
                tx.insert_payment(
                    order.id,
                    &PaymentRow {
                        method: method.to_owned(),
                        amount_minor: -back,
                        tendered_minor: -back,
                        change_minor: 0,
                        reference: reference.or_else(|| Some(number.clone())),
                    },
                    now,
                )
                .await?;
            }
            tx.add_order_refund(order.id, amount).await?;
            tx.block_gift_cards_of_order(order.id).await?;
        }
    }
    if effects.restock {
        for (product_id, quantity) in tx.sold_stock(order.id).await? {
            tx.move_stock(product_id, Some(order.id), quantity, "return", now)
                .await?;
        }
    }
    if let (true, Some(invoice)) = (effects.void_invoice, &invoice) {
        tx.set_invoice_payment(invoice.id, InvoiceStatus::Void.code(), invoice.paid_minor)
            .await?;
    }
    tx.set_order_status(order.id, &to.code).await?;
    tx.insert_status_change(
        order.id,
        &StatusChangeRow {
            from_status: Some(from.code.clone()),
            to_status: to.code.clone(),
            changed_by: by.to_owned(),
            note: note.to_owned(),
            created_at: now,
        },
    )
    .await?;
    let payload = json!({ "order_uuid": order.uuid, "reference": order.reference, "from": from.code, "to": to.code, "by": by });
    tx.enqueue_outbox(
        "sync",
        &format!("status_changed:{}", to.code),
        &order.uuid,
        &payload,
        now,
    )
    .await?;
    if notify_customer && order.customer_id.is_some() {
        tx.enqueue_outbox(
            "mail",
            &format!("status_changed:{}", to.code),
            &order.uuid,
            &payload,
            now,
        )
        .await?;
    }
    Ok(())
}

impl Kassa {
    /// The configurable order statuses in display order.
    pub async fn list_statuses(&self) -> ApiResult<Vec<OrderStatusView>> {
        Ok(self
            .store
            .statuses()
            .await?
            .into_iter()
            .map(status_view)
            .collect())
    }

    /// Creates or changes an order status (label, position, flags, colour). Codes are
    /// stable once used; the flags decide what the transition rules allow.
    pub async fn save_order_status(
        &self,
        status: OrderStatusView,
    ) -> ApiResult<Vec<OrderStatusView>> {
        self.authorize(Permission::Settings).await?;
        let code = status.code.trim();
        let code_ok = !code.is_empty()
            && code.len() <= 40
            && code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !code_ok {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "The status code `{code}` must be 1–40 lowercase letters, digits or underscores."
                ),
            ));
        }
        let label = status.label.trim();
        if label.is_empty() || label.chars().count() > 60 {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "The status label must be 1–60 characters.",
            ));
        }
        let colour = status.colour.trim();
        let colour_ok = colour.len() == 7
            && colour.starts_with('#')
            && colour.chars().skip(1).all(|c| c.is_ascii_hexdigit());
        if !colour_ok {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("The colour `{colour}` must look like #2f855a."),
            ));
        }
        if status.canceled && (status.paid || status.shipped || status.delivered) {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "A canceled status cannot also be paid, shipped or delivered.",
            ));
        }
        if status.delivered && !status.shipped {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "A delivered status must also be shipped.",
            ));
        }
        let mut tx = self.store.begin_write().await?;
        tx.save_status(&StatusRow {
            code: code.to_owned(),
            label: label.to_owned(),
            position: status.position,
            paid: status.paid,
            shipped: status.shipped,
            delivered: status.delivered,
            canceled: status.canceled,
            refunded: status.refunded,
            notify_customer: status.notify_customer,
            colour: colour.to_lowercase(),
        })
        .await?;
        tx.commit().await?;
        self.list_statuses().await
    }

    /// Moves an order to another status, enforcing the transition rules.
    pub async fn change_order_status(
        &self,
        request: ChangeStatusRequest,
    ) -> ApiResult<OrderDetail> {
        let note = request.note.unwrap_or_default();
        long_text("note", &note)?;
        let settings = self.settings().await?;
        // Refunding (cancel or return of a paid order) needs a manager; canceling an unpaid
        // order the cancel permission; any other move is fulfilment.
        let target = self
            .list_statuses()
            .await?
            .into_iter()
            .find(|status| status.code == request.status);
        let mut tx = self.store.begin_write().await?;
        let order = order_state(&mut tx, request.uuid).await?;
        let needed = match &target {
            Some(to) if (to.canceled || to.refunded) && order.paid_minor > order.refunded_minor => {
                Permission::Refund
            }
            Some(to) if to.canceled || to.refunded => Permission::Cancel,
            _ => Permission::Fulfil,
        };
        self.authorize(needed).await?;
        let notify = request.notify_customer.unwrap_or(false);
        change_status_in_tx(
            &mut tx,
            &settings,
            &order,
            &request.status,
            note.trim(),
            notify,
            &self.acting_staff(),
            self.clock.now(),
        )
        .await?;
        tx.commit().await?;
        self.order_detail(order.id).await
    }

    /// Records a payment on an order that is not fully paid; paying it in full makes it
    /// paid (once) with all the effects of becoming paid.
    pub async fn record_payment(&self, request: RecordPaymentRequest) -> ApiResult<OrderDetail> {
        self.authorize(Permission::Sell).await?;
        let settings = self.settings().await?;
        let currency = &settings.pricing.currency;
        let now = self.clock.now();
        let mut tx = self.store.begin_write().await?;
        let order = order_state(&mut tx, request.uuid).await?;
        let status = tx.status(&order.status).await?;
        if status
            .as_ref()
            .is_some_and(|status| status.canceled || status.refunded)
        {
            return Err(ApiError::new(
                ErrorCode::TransitionForbidden,
                format!(
                    "Order {} is canceled or refunded: it takes no payment.",
                    order.reference
                ),
            ));
        }
        let balance_minor = order.total_minor + order.cash_rounding_minor - order.paid_minor;
        if balance_minor <= 0 {
            return Err(ApiError::new(
                ErrorCode::PaymentInvalid,
                format!("Order {} is already paid in full.", order.reference),
            ));
        }
        let balance = currency.from_minor_units(balance_minor);
        let payment =
            apply_tender(currency, balance, &tender(&request.tender)?).map_err(tender_error)?;
        crate::payments::redeem_in_tx(
            &mut tx,
            &settings,
            order.id,
            order.customer_id,
            &payment,
            now,
        )
        .await?;
        let applied = minor(currency, payment.amount)?;
        tx.insert_payment(
            order.id,
            &PaymentRow {
                method: payment.method.code().to_owned(),
                amount_minor: applied,
                tendered_minor: minor(currency, payment.tendered)?,
                change_minor: minor(currency, payment.change)?,
                reference: payment.reference.clone(),
            },
            now,
        )
        .await?;
        let paid_minor = order.paid_minor + applied;
        tx.set_order_paid(order.id, paid_minor, None).await?;
        if let Some(invoice) = tx.invoice_of(order.id).await? {
            let status = InvoiceStatus::for_payment(
                currency.from_minor_units(invoice.total_minor),
                currency.from_minor_units(paid_minor),
            );
            tx.set_invoice_payment(invoice.id, status.code(), paid_minor)
                .await?;
        }
        if paid_minor >= order.total_minor + order.cash_rounding_minor {
            let paid_status = tx
                .first_status_with(true, false, false, false, false)
                .await?
                .ok_or_else(|| {
                    ApiError::new(ErrorCode::Internal, "No order status is marked paid.")
                })?;
            if order.status != paid_status.code {
                tx.set_order_status(order.id, &paid_status.code).await?;
                tx.insert_status_change(
                    order.id,
                    &StatusChangeRow {
                        from_status: Some(order.status.clone()),
                        to_status: paid_status.code.clone(),
                        changed_by: self.acting_staff(),
                        note: "Paid in full".to_owned(),
                        created_at: now,
                    },
                )
                .await?;
            }
            crate::paid::becoming_paid_in_tx(&mut tx, &settings, order.id, now).await?;
        }
        tx.commit().await?;
        self.order_detail(order.id).await
    }

    /// Edits the staff fields of an order (its documents and lines never change).
    pub async fn update_order(&self, request: UpdateOrderRequest) -> ApiResult<OrderDetail> {
        self.authorize(Permission::Fulfil).await?;
        long_text("internal reference", &request.internal_reference)?;
        long_text("tracking code", &request.tracking_code)?;
        long_text("notes", &request.notes)?;
        let mut tx = self.store.begin_write().await?;
        let order = order_state(&mut tx, request.uuid).await?;
        tx.update_order_fields(
            order.id,
            request.internal_reference.trim(),
            request.tracking_code.trim(),
            request.notes.trim(),
        )
        .await?;
        tx.commit().await?;
        self.order_detail(order.id).await
    }

    /// Deletes a test order; real orders are canceled, never erased.
    pub async fn delete_test_order(&self, request: GetOrderRequest) -> ApiResult<()> {
        self.authorize(Permission::DeleteTestOrder).await?;
        let mut tx = self.store.begin_write().await?;
        let order = order_state(&mut tx, request.uuid).await?;
        if !tx.delete_test_order(order.id).await? {
            return Err(ApiError::new(
                ErrorCode::NotATestOrder,
                format!(
                    "Order {} is a real order: it can be canceled, but never deleted.",
                    order.reference
                ),
            ));
        }
        tx.commit().await?;
        Ok(())
    }
}
