//! Payment methods: what the clerk entered as domain tenders, which methods an order may
//! use, and the balances that gift-card and store-credit payments move (and give back on a
//! refund). Every balance change is written in the caller's transaction with its ledger
//! row; the balance columns' CHECK constraints keep them from going below zero even if
//! two registers redeem the same card at once (the second waits for the write lock and
//! then sees the lower balance).

use chrono::{DateTime, Utc};
use kassa_domain::gift_card::{
    GiftCardRejection, GiftCardState, check_redemption, normalize_gift_card_code,
};
use kassa_domain::methods::{PaymentContext, PaymentMethodRule, check_method};
use kassa_domain::tender::{PaymentMethod, SettledPayment, Tender, TenderError};
use kassa_store::WriteTx;
use kassa_store::shipping::PaymentMethodRow;
use rust_decimal::Decimal;

use crate::api::TenderInput;
use crate::checkout::minor;
use crate::draft::code_list;
use crate::settings::StoreSettings;
use crate::{ApiError, ApiResult, ErrorCode};

fn trimmed(reference: Option<&String>) -> Option<String> {
    reference
        .map(|reference| reference.trim().to_owned())
        .filter(|reference| !reference.is_empty())
}

fn exact(method: PaymentMethod, amount: Decimal, reference: Option<String>) -> Tender {
    Tender::Exact {
        method,
        amount,
        reference,
    }
}

/// The domain tender of what the clerk entered. A gift card code that cannot be a code
/// is refused here.
pub(crate) fn tender(input: &TenderInput) -> ApiResult<Tender> {
    Ok(match input {
        TenderInput::Cash { tendered } => Tender::Cash {
            tendered: *tendered,
        },
        TenderInput::Card {
            amount,
            terminal_reference,
        } => exact(
            PaymentMethod::Card,
            *amount,
            trimmed(terminal_reference.as_ref()),
        ),
        TenderInput::GiftCard { code, amount } => {
            let code = normalize_gift_card_code(code).ok_or_else(|| unknown_gift_card(code))?;
            exact(PaymentMethod::GiftCard, *amount, Some(code))
        }
        TenderInput::StoreCredit { amount } => exact(PaymentMethod::StoreCredit, *amount, None),
        TenderInput::Check { amount, reference } => {
            exact(PaymentMethod::Check, *amount, trimmed(reference.as_ref()))
        }
        TenderInput::WireTransfer { amount, reference } => exact(
            PaymentMethod::WireTransfer,
            *amount,
            trimmed(reference.as_ref()),
        ),
        TenderInput::CashOnDelivery { amount } => {
            exact(PaymentMethod::CashOnDelivery, *amount, None)
        }
    })
}

pub(crate) fn unknown_gift_card(code: &str) -> ApiError {
    ApiError::new(
        ErrorCode::GiftCardUnknown,
        format!(
            "No gift card has the code {}. Check the code printed on the card.",
            code.trim()
        ),
    )
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

/// The store's payment methods (each knows whether it takes the money now).
pub(crate) struct MethodTable {
    methods: Vec<PaymentMethodRow>,
}

impl MethodTable {
    pub(crate) async fn load(tx: &mut WriteTx) -> ApiResult<Self> {
        Ok(Self {
            methods: tx.payment_methods().await?,
        })
    }

    /// The methods offered in this context.
    pub(crate) fn available<'a>(
        &'a self,
        context: &'a PaymentContext<'a>,
    ) -> impl Iterator<Item = &'a PaymentMethodRow> + 'a {
        self.methods
            .iter()
            .filter(move |row| check_method(&rule(row), context).is_ok())
    }

    /// The method with this code if it is offered in this context, else a clear error.
    pub(crate) fn check(
        &self,
        code: &str,
        context: &PaymentContext<'_>,
    ) -> ApiResult<&PaymentMethodRow> {
        let entry = self
            .methods
            .iter()
            .find(|row| row.code == code)
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::PaymentMethodUnavailable,
                    format!("There is no payment method {code}."),
                )
            })?;
        check_method(&rule(entry), context).map_err(|reason| {
            ApiError::new(
                ErrorCode::PaymentMethodUnavailable,
                format!("{} cannot be used for this order: {reason}.", entry.label),
            )
        })?;
        Ok(entry)
    }
}

pub(crate) fn rule(row: &PaymentMethodRow) -> PaymentMethodRule {
    PaymentMethodRule {
        code: row.code.clone(),
        label: row.label.clone(),
        active: row.active,
        initial_status: row.initial_status.clone(),
        currencies: code_list(&row.currencies),
        countries: code_list(&row.countries),
        customer_groups: code_list(&row.customer_groups),
        carriers: code_list(&row.carriers),
    }
}

fn gift_card_error(code: &str, rejection: &GiftCardRejection) -> ApiError {
    let error_code = match rejection {
        GiftCardRejection::InsufficientBalance { .. } => ErrorCode::GiftCardInsufficient,
        GiftCardRejection::NotPositive(_) => ErrorCode::PaymentInvalid,
        _ => ErrorCode::GiftCardNotUsable,
    };
    ApiError::new(
        error_code,
        format!("Gift card {code} not accepted: {rejection}. Nothing was charged or saved."),
    )
}

/// The gift card with this code if it may pay `amount` now, else the refusal.
async fn redeemable_card(
    tx: &mut WriteTx,
    settings: &StoreSettings,
    code: &str,
    amount: Decimal,
    now: DateTime<Utc>,
) -> ApiResult<i64> {
    let currency = &settings.pricing.currency;
    let card = tx
        .gift_card_by_code(code)
        .await?
        .ok_or_else(|| unknown_gift_card(code))?;
    check_redemption(
        &GiftCardState {
            balance: currency.from_minor_units(card.balance_minor),
            currency: card.currency_code.clone(),
            expires_at: card.expires_at,
            active: card.active,
        },
        amount,
        &currency.code,
        now,
    )
    .map_err(|rejection| gift_card_error(code, &rejection))?;
    Ok(card.id)
}

/// The customer whose store credit covers `amount`, else the refusal.
async fn credit_customer(
    tx: &mut WriteTx,
    settings: &StoreSettings,
    customer_id: Option<i64>,
    amount: Decimal,
) -> ApiResult<i64> {
    let currency = &settings.pricing.currency;
    let Some(customer_id) = customer_id else {
        return Err(ApiError::new(
            ErrorCode::StoreCreditInsufficient,
            "Store credit needs a customer on the order.",
        ));
    };
    let balance = tx.store_credit(customer_id).await?.unwrap_or(0);
    if minor(currency, amount)? > balance {
        return Err(ApiError::new(
            ErrorCode::StoreCreditInsufficient,
            format!(
                "The customer has {} store credit, less than the {amount} asked. Nothing was charged or saved.",
                currency.from_minor_units(balance)
            ),
        ));
    }
    Ok(customer_id)
}

/// Checks, before anything is written, that the gift cards exist and hold the amounts
/// asked and that the customer has the store credit asked: these refusals come first,
/// with their own codes, whatever else is wrong with the payment.
pub(crate) async fn check_balances_in_tx(
    tx: &mut WriteTx,
    settings: &StoreSettings,
    customer_id: Option<i64>,
    tenders: &[Tender],
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let mut credit_asked = Decimal::ZERO;
    for tender in tenders {
        if let Tender::Exact {
            method,
            amount,
            reference,
        } = tender
        {
            match method {
                PaymentMethod::GiftCard => {
                    let code = reference.clone().unwrap_or_default();
                    redeemable_card(tx, settings, &code, *amount, now).await?;
                }
                PaymentMethod::StoreCredit => credit_asked += *amount,
                _ => {}
            }
        }
    }
    if credit_asked > Decimal::ZERO {
        credit_customer(tx, settings, customer_id, credit_asked).await?;
    }
    Ok(())
}

/// Moves the balance a gift-card or store-credit payment uses (other methods move none).
pub(crate) async fn redeem_in_tx(
    tx: &mut WriteTx,
    settings: &StoreSettings,
    order_id: i64,
    customer_id: Option<i64>,
    payment: &SettledPayment,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let amount = minor(&settings.pricing.currency, payment.amount)?;
    match payment.method {
        PaymentMethod::GiftCard => {
            let code = payment.reference.clone().unwrap_or_default();
            let card = redeemable_card(tx, settings, &code, payment.amount, now).await?;
            tx.change_gift_card_balance(card, "redeemed", -amount, Some(order_id), now)
                .await?;
        }
        PaymentMethod::StoreCredit => {
            let customer = credit_customer(tx, settings, customer_id, payment.amount).await?;
            tx.change_store_credit(customer, "redeemed", -amount, Some(order_id), "", now)
                .await?;
        }
        _ => {}
    }
    Ok(())
}

/// On a refund: gives gift cards and store credit back what the order took from them, up
/// to `amount`; returns the part given back to each (method code, card code, minor units)
/// so that only the rest goes back in cash or to the card.
pub(crate) async fn return_balances_in_tx(
    tx: &mut WriteTx,
    order_id: i64,
    customer_id: Option<i64>,
    mut amount: i64,
    now: DateTime<Utc>,
) -> ApiResult<Vec<(&'static str, Option<String>, i64)>> {
    let mut returned = Vec::new();
    for (card_id, code, taken) in tx.gift_card_redemptions(order_id).await? {
        let back = taken.min(amount);
        if back > 0 {
            tx.change_gift_card_balance(card_id, "refunded", back, Some(order_id), now)
                .await?;
            returned.push(("refund_gift_card", Some(code), back));
            amount -= back;
        }
    }
    if let Some(customer_id) = customer_id {
        let taken = tx.store_credit_redeemed(order_id).await?;
        let back = taken.min(amount);
        if back > 0 {
            tx.change_store_credit(customer_id, "refunded", back, Some(order_id), "Refund", now)
                .await?;
            returned.push(("refund_store_credit", None, back));
        }
    }
    Ok(returned)
}
