//! The error every API call returns: a stable machine `code` the UI branches on and a
//! `message` for people that says what went wrong and what to do.

use serde::Serialize;
use ts_rs::TS;

/// Stable error codes. The UI branches on these, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// The request itself is malformed (quantity out of range, empty field …).
    InvalidInput,
    /// The thing asked for does not exist.
    NotFound,
    /// No active product has the scanned barcode.
    UnknownBarcode,
    /// Checkout of a cart without items.
    EmptyCart,
    /// The cart was already turned into an order or is not this register's open cart.
    CartNotOpen,
    /// The tenders do not cover the total.
    PaymentShort,
    /// A tender is not acceptable (negative, too precise, card over the total …).
    PaymentInvalid,
    /// The store refuses to sell more than is in stock.
    OutOfStock,
    /// Demo data cannot be loaded into a store that already has products.
    StoreNotEmpty,
    /// The status change breaks a rule (the message names it).
    TransitionForbidden,
    /// Only test orders can be deleted; real orders are canceled.
    NotATestOrder,
    /// No receipt printer is set up (Settings → Receipt printer).
    PrinterNotConfigured,
    /// The receipt printer did not take the receipt; the sale itself is saved.
    PrinterFailed,
    /// No coupon has this code.
    CouponUnknown,
    /// The coupon's end date has passed, or it is disabled.
    CouponExpired,
    /// The coupon's start date has not come yet.
    CouponNotYetValid,
    /// The cart is below the coupon's minimum subtotal.
    CouponMinimumNotReached,
    /// The coupon reached its total or per-customer usage limit.
    CouponUsedUp,
    /// The coupon cannot be combined with another coupon on the cart.
    CouponNotCombinable,
    /// The coupon is for another customer or group, or needs a customer on the cart.
    CouponNotForCustomer,
    /// No gift card has this code.
    GiftCardUnknown,
    /// The gift card has expired or is disabled, or is in another currency.
    GiftCardNotUsable,
    /// The gift card's balance is lower than the amount asked.
    GiftCardInsufficient,
    /// The customer's store credit is lower than the amount asked, or there is no customer.
    StoreCreditInsufficient,
    /// The carrier does not deliver this order (destination, group, weight or total).
    CarrierUnavailable,
    /// The payment method is not offered for this order (currency, country, group,
    /// carrier, or disabled).
    PaymentMethodUnavailable,
    /// A delivery address is needed for the chosen carrier.
    AddressRequired,
    /// Another task held the database for longer than a change may wait (for example a
    /// very large product import); nothing was written: try again in a moment.
    StoreBusy,
    /// The mail settings are missing or invalid (the message names the field).
    MailNotConfigured,
    /// An e-mail address is not valid (the message names the field).
    InvalidEmail,
    /// The mail server refused or could not be reached; the message is its exact answer.
    MailFailed,
    /// The OS keyring could not store or read a secret.
    SecretStore,
    /// The register has no open session (open it with a counted float first).
    RegisterNotOpen,
    /// The register already has an open session (close it first).
    RegisterAlreadyOpen,
    /// Nobody is signed in at this register (and the store has staff accounts).
    SignInRequired,
    /// The signed-in staff member's role may not do this (a manager can approve it).
    PermissionDenied,
    /// The name, password or PIN is wrong.
    WrongCredentials,
    /// Too many wrong PINs: the account is locked for a while.
    AccountLocked,
    /// The database failed; nothing was written.
    Database,
    /// A bug or an unexpected state; nothing was written.
    Internal,
    /// The product has variations and is not sold itself: ask which one
    /// (`product_variants`) and add that.
    ChooseVariation,
    /// The product is switched off: it cannot be scanned or sold until the owner switches
    /// it on again.
    ProductInactive,
    /// Another product already has this SKU.
    DuplicateSku,
    /// Another product already has this barcode (or the product lists it twice).
    DuplicateBarcode,
    /// The barcode is not valid: a wrong EAN-13, UPC-A or EAN-8 check digit, or characters
    /// a scanner cannot send.
    InvalidBarcode,
    /// A sibling category already has this name.
    DuplicateCategory,
    /// The CSV file cannot be read: not UTF-8, no header, no `sku` column, a repeated
    /// column, or a broken line.
    ImportFileInvalid,
    /// Rows of the CSV file are refused (each with its line, column and reason); nothing
    /// was imported.
    ImportRejected,
}

/// `{code, message}`: what the UI receives for every failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
#[ts(export)]
pub struct ApiError {
    /// Stable code.
    pub code: ErrorCode,
    /// Human explanation.
    pub message: String,
}

impl ErrorCode {
    /// Whether the error is a coupon's refusal.
    pub fn is_coupon(self) -> bool {
        matches!(
            self,
            Self::CouponUnknown
                | Self::CouponExpired
                | Self::CouponNotYetValid
                | Self::CouponMinimumNotReached
                | Self::CouponUsedUp
                | Self::CouponNotCombinable
                | Self::CouponNotForCustomer
        )
    }
}

impl ApiError {
    /// An error with a code and a message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl From<kassa_store::StoreError> for ApiError {
    fn from(error: kassa_store::StoreError) -> Self {
        match error {
            kassa_store::StoreError::Corrupt(detail) => Self::new(
                ErrorCode::Internal,
                format!("The database holds invalid data: {detail}"),
            ),
            busy if busy.is_busy() => Self::new(
                ErrorCode::StoreBusy,
                "Another task (such as a large product import) is still writing to the database; nothing was saved. Try again in a moment.",
            ),
            other => Self::new(
                ErrorCode::Database,
                format!(
                    "The database could not complete the operation; nothing was saved. ({other})"
                ),
            ),
        }
    }
}

/// Result alias of the API.
pub type ApiResult<T> = Result<T, ApiError>;
