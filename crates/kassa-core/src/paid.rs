//! Becoming paid: what happens, exactly once, when an order is paid in full — stock leaves
//! the shelf, the customer's confirmation e-mail is queued and the referrer earns a
//! commission. Gift cards bought in the order will be issued here too (gift-card issue).
//!
//! `orders.paid_at` is the guard: it is set in the same transaction as the effects, and
//! the effects are skipped when it is already set, so recording a payment twice, or a
//! retried request, never repeats them.

use chrono::{DateTime, Utc};
use kassa_store::WriteTx;
use rust_decimal::Decimal;
use serde_json::json;

use crate::checkout::minor;
use crate::settings::StoreSettings;
use crate::{ApiError, ApiResult, ErrorCode};

pub(crate) async fn becoming_paid_in_tx(
    tx: &mut WriteTx,
    settings: &StoreSettings,
    order_id: i64,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let order = tx.order_state_by_id(order_id).await?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::NotFound,
            format!("Order {order_id} does not exist."),
        )
    })?;
    if order.paid_at.is_some() {
        return Ok(());
    }
    tx.set_order_paid(order_id, order.paid_minor, Some(now))
        .await?;
    tx.take_order_stock(order_id, now).await?;
    if let Some(customer_id) = order.customer_id {
        let payload = json!({ "order_uuid": order.uuid, "reference": order.reference, "customer_id": customer_id });
        tx.enqueue_outbox("mail", "order_confirmation", &order.uuid, &payload, now)
            .await?;
        if let Some(referrer_id) = tx.referrer_of(customer_id).await? {
            let currency = &settings.pricing.currency;
            let percent = settings.referral_commission_percent;
            let total = currency.from_minor_units(order.total_minor);
            let commission = currency.round(total * percent / Decimal::ONE_HUNDRED);
            tx.insert_referral_commission(
                order_id,
                referrer_id,
                &percent.normalize().to_string(),
                minor(currency, commission)?,
                now,
            )
            .await?;
        }
    }
    Ok(())
}
