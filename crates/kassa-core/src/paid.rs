//! Becoming paid: what happens, exactly once, when an order is paid in full — stock leaves
//! the shelf, the customer's confirmation e-mail is queued and the referrer earns a
//! commission, and the gift cards bought in the order are issued (one per unit, worth what
//! the customer paid for it, valid for the store's validity period).
//!
//! `orders.paid_at` is the guard: it is set in the same transaction as the effects, and
//! the effects are skipped when it is already set, so recording a payment twice, or a
//! retried request, never repeats them.

use chrono::{DateTime, Duration, Utc};
use kassa_domain::gift_card::gift_card_code;
use kassa_store::WriteTx;
use kassa_store::gift_cards::NewGiftCard;
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
    issue_gift_cards(tx, settings, order_id, order.customer_id, now).await?;
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

/// A fresh, hard-to-guess gift card code: 80 random bits from the operating system's
/// generator (through UUID v4), written in Crockford base 32.
fn fresh_code() -> String {
    let random = uuid::Uuid::new_v4().into_bytes();
    let mut bytes = [0_u8; 10];
    for (target, source) in bytes.iter_mut().zip(random) {
        *target = source;
    }
    gift_card_code(bytes)
}

async fn issue_gift_cards(
    tx: &mut WriteTx,
    settings: &StoreSettings,
    order_id: i64,
    customer_id: Option<i64>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let expires_at = now + Duration::days(settings.gift_card_validity_days);
    for (quantity, gross_minor) in tx.gift_card_lines(order_id).await? {
        // Each card is worth its share of the line; the first cards take the odd cents.
        let base = gross_minor / quantity;
        let extra = gross_minor % quantity;
        for unit in 0..quantity {
            let value = base + i64::from(unit < extra);
            if value <= 0 {
                continue;
            }
            tx.issue_gift_card(
                &NewGiftCard {
                    code: &fresh_code(),
                    currency_code: &settings.pricing.currency.code,
                    initial_minor: value,
                    expires_at: Some(expires_at),
                    order_id: Some(order_id),
                    customer_id,
                },
                now,
            )
            .await?;
        }
    }
    Ok(())
}
