//! The request and response types of the application API: what crosses into the UI.
//!
//! Every type here derives `ts_rs::TS`; `cargo test -p kassa-core` writes them to
//! `ui/src/lib/api/bindings/`, and the test command fails when the committed bindings are
//! stale. Money is a decimal string in JSON (`"12.50"`), never a float.

mod backups;
mod catalog;
mod mail;
mod registers;
mod reports;
mod staff;

pub use backups::*;
pub use catalog::*;
pub use mail::*;
pub use registers::*;
pub use reports::*;
pub use staff::*;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// What the app shows before anything else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AppStatus {
    /// Store name for the title bar and receipts.
    pub store_name: String,
    /// This register's code, e.g. `R1`.
    pub register_code: String,
    /// ISO currency code.
    pub currency_code: String,
    /// Products in the catalog; zero means the demo offer is shown.
    pub product_count: i64,
    /// Orders so far.
    pub order_count: i64,
    /// The SQLite file in use.
    pub database_path: String,
}

/// What `load_demo` created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DemoSummary {
    /// Products created.
    pub products: i64,
    /// Categories created.
    pub categories: i64,
    /// Customers created.
    pub customers: i64,
    /// Tax rates created.
    pub tax_rates: i64,
}

/// A product in search results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProductSummary {
    /// Id.
    pub id: i64,
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Category.
    pub category: Option<String>,
    /// First barcode.
    pub barcode: Option<String>,
    /// Shelf price in the store's price mode.
    #[ts(type = "string")]
    pub price: Decimal,
    /// Tax label, e.g. `VAT 21%`.
    pub tax_label: String,
    /// Whether stock is counted.
    pub stock_tracked: bool,
    /// Units on hand.
    pub stock_on_hand: i64,
    /// Whether the product has variations: it is not sold itself, the counter asks which
    /// one (`product_variants`).
    #[ts(optional)]
    pub has_variations: Option<bool>,
    /// For a variation: the product it is a variation of.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub parent_id: Option<i64>,
    /// For a variation: its attribute values, e.g. `L / Red`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub variation: Option<String>,
    /// Whether the product is switched on (the counter shows only those; the owner's list
    /// shows all).
    #[ts(optional)]
    pub active: Option<bool>,
    /// Item or gift card.
    #[ts(optional)]
    pub kind: Option<ProductKind>,
}

/// Search the catalog by name, SKU, barcode or attribute values: every word as a prefix
/// ("dark choc", a partial SKU). Only products switched on; parents with variations
/// included (`has_variations`). With a category filter: `search_catalog`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct SearchProductsRequest {
    /// What the clerk typed.
    pub query: String,
    /// Most results to return (default 20, at most 100).
    #[ts(optional)]
    pub limit: Option<u32>,
}

/// A scanned barcode: adds one unit of its product to the open cart.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ScanRequest {
    /// The barcode as the scanner typed it.
    pub barcode: String,
}

/// Adds units of a product to the open cart.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct AddToCartRequest {
    /// Product id.
    pub product_id: i64,
    /// Units to add (1 to 9999).
    pub quantity: u32,
}

/// Sets the quantity of a cart line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct SetQuantityRequest {
    /// Line id.
    pub line_id: i64,
    /// New quantity (0 to 9999; 0 keeps the line).
    pub quantity: u32,
}

/// Removes a cart line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct RemoveLineRequest {
    /// Line id.
    pub line_id: i64,
}

/// One line of the open cart, priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CartLineView {
    /// Line id.
    pub line_id: i64,
    /// Product id.
    pub product_id: i64,
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Units.
    pub quantity: u32,
    /// Unit price (store's price mode).
    #[ts(type = "string")]
    pub unit_price: Decimal,
    /// Tax of the line.
    #[ts(type = "string")]
    pub tax: Decimal,
    /// What the customer pays for the line.
    #[ts(type = "string")]
    pub total: Decimal,
    /// Tax label.
    pub tax_label: String,
    /// Set when the line asks for more than is in stock.
    pub stock_warning: Option<String>,
    /// What coupons take off this line (store's price mode); `total` is after it.
    #[ts(type = "string")]
    pub discount: Decimal,
}

/// The tax of one rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TaxLineView {
    /// Rate code.
    pub code: String,
    /// Label, e.g. `VAT 21%`.
    pub label: String,
    /// Rate in percent.
    #[ts(type = "string")]
    pub percent: Decimal,
    /// Net amount taxed at this rate.
    #[ts(type = "string")]
    pub base: Decimal,
    /// Tax at this rate.
    #[ts(type = "string")]
    pub tax: Decimal,
}

/// The register's open cart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CartView {
    /// The stored cart; `null` until the first item is added.
    pub cart_id: Option<i64>,
    /// Lines in the order they were added.
    pub lines: Vec<CartLineView>,
    /// Tax per rate.
    pub taxes: Vec<TaxLineView>,
    /// Σ net.
    #[ts(type = "string")]
    pub subtotal_net: Decimal,
    /// Σ tax.
    #[ts(type = "string")]
    pub tax_total: Decimal,
    /// What the customer pays.
    #[ts(type = "string")]
    pub total: Decimal,
    /// Σ quantities.
    pub item_count: u32,
    /// ISO currency code.
    pub currency_code: String,
    /// Coupons entered on the cart, in the order entered.
    pub coupons: Vec<AppliedCouponView>,
    /// Σ line totals before coupons.
    #[ts(type = "string")]
    pub items_total: Decimal,
    /// What coupons take off (`total = items_total − discount_total`).
    #[ts(type = "string")]
    pub discount_total: Decimal,
    /// What is due when paid all in cash: the total rounded to the smallest coin when
    /// the store rounds cash (Settings → Taxes), else the total.
    #[ts(type = "string")]
    pub cash_total: Decimal,
    /// What the clerk called the cart when parking it (empty for a fresh cart).
    pub name: String,
    /// The customer the cart is for, if one is attached.
    pub customer: Option<CustomerSummary>,
    /// Set when a coupon on the cart no longer applies (it expired, the cart fell below
    /// its minimum …): the cart is priced without coupons and this says why; checkout
    /// refuses until the coupon is removed.
    pub coupon_notice: Option<String>,
}

/// The result of a scan: the cart after it, and what was added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ScanResult {
    /// The cart after the scan.
    pub cart: CartView,
    /// The product added.
    pub product: ProductSummary,
}

/// One payment as entered at the counter.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "method", rename_all = "snake_case")]
#[ts(export)]
pub enum TenderInput {
    /// Cash handed over (may exceed the total: change is given).
    Cash {
        /// Amount handed over.
        #[ts(type = "string")]
        tendered: Decimal,
    },
    /// A card charged on the external terminal.
    Card {
        /// Amount charged.
        #[ts(type = "string")]
        amount: Decimal,
        /// The terminal's transaction reference.
        #[ts(optional)]
        terminal_reference: Option<String>,
    },
    /// Part or all of a gift card's balance.
    GiftCard {
        /// The card's code as typed or scanned (case, spaces and dashes do not matter).
        code: String,
        /// Amount to take from the card.
        #[ts(type = "string")]
        amount: Decimal,
    },
    /// The customer's store credit (the order needs a customer).
    StoreCredit {
        /// Amount to use.
        #[ts(type = "string")]
        amount: Decimal,
    },
    /// A check.
    Check {
        /// Amount of the check.
        #[ts(type = "string")]
        amount: Decimal,
        /// Check number.
        #[ts(optional)]
        reference: Option<String>,
    },
    /// A bank transfer received.
    WireTransfer {
        /// Amount received.
        #[ts(type = "string")]
        amount: Decimal,
        /// Bank reference.
        #[ts(optional)]
        reference: Option<String>,
    },
    /// Cash collected by the carrier on delivery.
    CashOnDelivery {
        /// Amount collected.
        #[ts(type = "string")]
        amount: Decimal,
    },
}

/// Turns the open cart into a paid order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct CheckoutRequest {
    /// Made by the caller before the first attempt and reused on every retry: the same
    /// UUID always yields the same order, never a second one.
    pub order_uuid: Uuid,
    /// The cart to check out.
    pub cart_id: i64,
    /// Payments.
    pub tenders: Vec<TenderInput>,
}

/// A line of a placed order (snapshot).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OrderLineView {
    /// The product sold, while it still exists (for reordering).
    pub product_id: Option<i64>,
    /// SKU at the time of sale.
    pub sku: String,
    /// Name at the time of sale.
    pub name: String,
    /// Units.
    pub quantity: i64,
    /// Unit price.
    #[ts(type = "string")]
    pub unit_price: Decimal,
    /// Tax label.
    pub tax_label: String,
    /// Tax.
    #[ts(type = "string")]
    pub tax: Decimal,
    /// Line total.
    #[ts(type = "string")]
    pub total: Decimal,
    /// What coupons took off the line (store's price mode).
    #[ts(type = "string")]
    pub discount: Decimal,
}

/// A payment of a placed order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PaymentView {
    /// `cash` or `card`.
    pub method: String,
    /// Applied amount.
    #[ts(type = "string")]
    pub amount: Decimal,
    /// Handed over.
    #[ts(type = "string")]
    pub tendered: Decimal,
    /// Change given.
    #[ts(type = "string")]
    pub change: Decimal,
    /// Terminal reference.
    pub reference: Option<String>,
}

/// The invoice of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct InvoiceView {
    /// Number.
    pub number: String,
    /// `unpaid`, `partially_paid`, `paid` or `void`.
    pub status: String,
    /// Issue time.
    pub issued_at: DateTime<Utc>,
}

/// A status change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HistoryEntry {
    /// From (none for the first).
    pub from_status: Option<String>,
    /// To.
    pub to_status: String,
    /// Who.
    pub changed_by: String,
    /// Note.
    pub note: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// The store's legal details, printed on receipts and invoices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StoreDetails {
    /// Name.
    pub name: String,
    /// Postal address.
    pub address: String,
    /// VAT / tax id.
    pub tax_id: String,
}

/// A placed order with everything a receipt or the order page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OrderDetail {
    /// UUID.
    pub uuid: Uuid,
    /// Reference.
    pub reference: String,
    /// Status code.
    pub status: String,
    /// Status label.
    pub status_label: String,
    /// Status colour (CSS).
    pub status_colour: String,
    /// Placed at.
    pub created_at: DateTime<Utc>,
    /// Register.
    pub register_code: String,
    /// ISO currency code.
    pub currency_code: String,
    /// Lines.
    pub lines: Vec<OrderLineView>,
    /// Tax per rate.
    pub taxes: Vec<TaxLineView>,
    /// Σ net.
    #[ts(type = "string")]
    pub subtotal_net: Decimal,
    /// Σ tax.
    #[ts(type = "string")]
    pub tax_total: Decimal,
    /// Total.
    #[ts(type = "string")]
    pub total: Decimal,
    /// Paid.
    #[ts(type = "string")]
    pub paid: Decimal,
    /// Change handed back.
    #[ts(type = "string")]
    pub change_due: Decimal,
    /// Payments.
    pub payments: Vec<PaymentView>,
    /// Invoice.
    pub invoice: Option<InvoiceView>,
    /// Status history.
    pub history: Vec<HistoryEntry>,
    /// Store details.
    pub store: StoreDetails,
    /// Staff's own reference (editable).
    pub internal_reference: String,
    /// Carrier tracking code (editable).
    pub tracking_code: String,
    /// Internal notes (editable).
    pub notes: String,
    /// Refunded so far.
    #[ts(type = "string")]
    pub refunded: Decimal,
    /// Credit notes issued against the invoice.
    pub credit_notes: Vec<CreditNoteView>,
    /// Whether this is a test order (only those can be deleted).
    pub is_test: bool,
    /// Customer name and e-mail, when the order has a customer.
    pub customer: Option<CustomerRef>,
    /// Σ line totals before coupons.
    #[ts(type = "string")]
    pub items_total: Decimal,
    /// What coupons took off.
    #[ts(type = "string")]
    pub discount_total: Decimal,
    /// Shipping.
    #[ts(type = "string")]
    pub shipping_total: Decimal,
    /// Cash rounding added to the total when paid in cash (negative: rounded down).
    #[ts(type = "string")]
    pub cash_rounding: Decimal,
    /// The coupons used.
    pub coupons: Vec<AppliedCouponView>,
    /// Carrier (in-store pickup included).
    pub carrier_name: Option<String>,
    /// How the rest is to be paid (`check`, `wire_transfer`, `cash_on_delivery`).
    pub pay_later_method: Option<String>,
    /// Delivery address.
    pub shipping_address: Option<AddressInput>,
    /// Invoice address.
    pub invoice_address: Option<AddressInput>,
    /// Gift cards this order issued (when paid).
    pub gift_cards: Vec<GiftCardView>,
}

/// A credit note on the order page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CreditNoteView {
    /// Number, e.g. `CN-2026-000001`.
    pub number: String,
    /// The invoice it refunds.
    pub invoice_number: String,
    /// Why.
    pub reason: String,
    /// Amount refunded.
    #[ts(type = "string")]
    pub total: Decimal,
    /// When.
    pub issued_at: DateTime<Utc>,
}

/// Who an order is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CustomerRef {
    /// Customer id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: Option<String>,
}

/// A configurable order status with its flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderStatusView {
    /// Stable code.
    pub code: String,
    /// Label shown to staff.
    pub label: String,
    /// Display order.
    pub position: i64,
    /// Orders in it are paid.
    pub paid: bool,
    /// Goods have left (fulfilled).
    pub shipped: bool,
    /// The customer has the goods.
    pub delivered: bool,
    /// Canceled.
    pub canceled: bool,
    /// Money went back.
    pub refunded: bool,
    /// Moving an order here e-mails the customer by default.
    pub notify_customer: bool,
    /// CSS colour of the pill.
    pub colour: String,
}

/// Moves an order to another status.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ChangeStatusRequest {
    /// The order.
    pub uuid: Uuid,
    /// Target status code.
    pub status: String,
    /// Note kept in the history.
    #[ts(optional)]
    pub note: Option<String>,
    /// Queue a status e-mail to the customer.
    #[ts(optional)]
    pub notify_customer: Option<bool>,
}

/// Records a payment on an order that awaits payment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct RecordPaymentRequest {
    /// The order.
    pub uuid: Uuid,
    /// What was received.
    pub tender: TenderInput,
}

/// Edits the order's staff fields (documents and lines are never edited).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct UpdateOrderRequest {
    /// The order.
    pub uuid: Uuid,
    /// Staff's own reference.
    pub internal_reference: String,
    /// Carrier tracking code.
    pub tracking_code: String,
    /// Internal notes.
    pub notes: String,
}

/// One product and quantity of a staff order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct StaffOrderLine {
    /// Product id.
    pub product_id: i64,
    /// Units (1 to 9999).
    pub quantity: u32,
}

/// A back-office order for a customer (phone or e-mail orders): the full checkout.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct StaffOrderRequest {
    /// Made by the caller before the first attempt; retries return the same order.
    pub order_uuid: Uuid,
    /// Customer, products, coupons, addresses and carrier.
    #[serde(flatten)]
    #[ts(flatten)]
    pub draft: CheckoutDraft,
    /// Payments taken now (methods that pay at once: cash, card, gift card, store credit).
    pub tenders: Vec<TenderInput>,
    /// How the rest will be paid (`check`, `wire_transfer`, `cash_on_delivery`, …): the
    /// order starts in that method's status. Without it and without tenders covering the
    /// total, the order awaits payment.
    #[ts(optional)]
    pub pay_later: Option<String>,
    /// The customer's newsletter opt-in, saved with the order.
    #[ts(optional)]
    pub newsletter: Option<bool>,
    /// A test order: its own invoice series, and it can be deleted.
    #[ts(optional)]
    pub is_test: Option<bool>,
}

/// What a back-office order will hold: priced by `quote_checkout`, placed by
/// `create_staff_order`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, TS)]
#[ts(export)]
pub struct CheckoutDraft {
    /// An existing customer.
    #[ts(optional)]
    pub customer_id: Option<i64>,
    /// Or a new one (guest or account), created with the order.
    #[ts(optional)]
    pub new_customer: Option<NewCustomerInput>,
    /// What to sell.
    pub lines: Vec<StaffOrderLine>,
    /// Coupon codes, in the order entered.
    #[serde(default)]
    pub coupon_codes: Vec<String>,
    /// Where to deliver (needed unless every item is virtual or the carrier is pickup).
    #[ts(optional)]
    pub shipping_address: Option<AddressInput>,
    /// Where to send the invoice; none: the shipping address.
    #[ts(optional)]
    pub invoice_address: Option<AddressInput>,
    /// Carrier code; none: in-store pickup.
    #[ts(optional)]
    pub carrier_code: Option<String>,
    /// The customer's own cart the order was made from (one of `customer_page`'s carts):
    /// it becomes ordered with the order, so it is never ordered twice.
    #[ts(optional)]
    pub source_cart_id: Option<i64>,
}

/// A postal address as entered.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct AddressInput {
    /// Addressee.
    pub name: String,
    /// Street and number.
    pub line1: String,
    /// More (floor, company …); may be empty.
    #[serde(default)]
    pub line2: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// ISO 3166 alpha-2 country code, e.g. `BE`.
    pub country_code: String,
}

/// A stored address of a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AddressView {
    /// Id.
    pub id: i64,
    /// The address.
    pub address: AddressInput,
    /// Used for shipping unless another is chosen.
    pub is_default_shipping: bool,
    /// Used for invoices unless another is chosen.
    pub is_default_invoice: bool,
}

/// Guest (no account, just the details for this order) or account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CustomerKind {
    /// Details kept for the order only.
    Guest,
    /// A customer account.
    Account,
}

/// A customer to create.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct NewCustomerInput {
    /// Guest or account.
    pub kind: CustomerKind,
    /// Name.
    pub name: String,
    /// E-mail.
    #[ts(optional)]
    pub email: Option<String>,
    /// Phone.
    #[ts(optional)]
    pub phone: Option<String>,
    /// Group (default `retail`).
    #[ts(optional)]
    pub customer_group: Option<String>,
    /// Newsletter opt-in.
    #[ts(optional)]
    pub newsletter: Option<bool>,
}

/// Creates a customer (from the counter or the checkout), with an optional first address
/// that becomes the default for shipping and invoices.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct CreateCustomerRequest {
    /// The customer.
    pub customer: NewCustomerInput,
    /// First address.
    #[ts(optional)]
    pub address: Option<AddressInput>,
}

/// A customer's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct CustomerRequest {
    /// Id.
    pub customer_id: i64,
}

/// Gives a customer store credit (a goodwill gesture or a return paid out as credit).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct GrantStoreCreditRequest {
    /// Customer.
    pub customer_id: i64,
    /// Amount (positive).
    #[ts(type = "string")]
    pub amount: Decimal,
    /// Why (kept in the ledger).
    pub note: String,
}

/// A priced checkout draft: what the order will cost and how it can be delivered and paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CheckoutQuote {
    /// False when every item is virtual: no address, no carrier.
    pub needs_shipping: bool,
    /// Weight of the shippable items in grams.
    pub weight_grams: i64,
    /// The lines, priced with their discounts.
    pub lines: Vec<QuoteLineView>,
    /// The coupons and what each takes off.
    pub coupons: Vec<AppliedCouponView>,
    /// Carriers available for the destination, weight, total and customer group.
    pub carriers: Vec<ShippingOptionView>,
    /// The carrier priced in (the draft's, else in-store pickup).
    pub carrier_code: Option<String>,
    /// Payment methods available for this currency, country, customer group and carrier.
    pub payment_methods: Vec<PaymentMethodOption>,
    /// Tax per rate, shipping included.
    pub taxes: Vec<TaxLineView>,
    /// Σ line totals before coupons.
    #[ts(type = "string")]
    pub items_total: Decimal,
    /// What coupons take off.
    #[ts(type = "string")]
    pub discount_total: Decimal,
    /// Shipping.
    #[ts(type = "string")]
    pub shipping_total: Decimal,
    /// Σ net.
    #[ts(type = "string")]
    pub subtotal_net: Decimal,
    /// Σ tax.
    #[ts(type = "string")]
    pub tax_total: Decimal,
    /// `items_total − discount_total + shipping_total`.
    #[ts(type = "string")]
    pub total: Decimal,
    /// The customer's store credit, when a customer is chosen.
    #[ts(type = "string | null")]
    pub store_credit: Option<Decimal>,
    /// ISO currency code.
    pub currency_code: String,
}

/// A priced line of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct QuoteLineView {
    /// Product id.
    pub product_id: i64,
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Units.
    pub quantity: u32,
    /// Unit price (store's price mode).
    #[ts(type = "string")]
    pub unit_price: Decimal,
    /// Taken off by coupons.
    #[ts(type = "string")]
    pub discount: Decimal,
    /// Tax.
    #[ts(type = "string")]
    pub tax: Decimal,
    /// Total after discount.
    #[ts(type = "string")]
    pub total: Decimal,
    /// Tax label.
    pub tax_label: String,
    /// Delivered (false: virtual).
    pub shippable: bool,
    /// Set when the product is gone or short: the line is priced at what can be sold.
    pub stock_warning: Option<String>,
}

/// A coupon applied to a cart or an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AppliedCouponView {
    /// Code.
    pub code: String,
    /// What it is for.
    pub description: String,
    /// What it takes off (store's price mode).
    #[ts(type = "string")]
    pub amount: Decimal,
    /// It makes shipping free.
    pub free_shipping: bool,
}

/// A carrier that can deliver this order, and its price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ShippingOptionView {
    /// Carrier code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Price (store's price mode).
    #[ts(type = "string")]
    pub price: Decimal,
    /// In-store pickup.
    pub is_pickup: bool,
}

/// A payment method offered at checkout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PaymentMethodOption {
    /// Code (`cash`, `card`, `check`, `wire_transfer`, `cash_on_delivery`, `gift_card`,
    /// `store_credit`).
    pub code: String,
    /// Label.
    pub label: String,
    /// Taken now (its initial status is a paid one); otherwise it pays later and the
    /// order waits in `initial_status`.
    pub pays_now: bool,
    /// The status an order starts in with this method.
    pub initial_status: String,
}

/// Enters a coupon code on the register's open cart.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct CouponCodeRequest {
    /// The code (any case).
    pub code: String,
}

/// A gift card by its code.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct GiftCardRequest {
    /// The code as typed or scanned.
    pub code: String,
}

/// Lists gift cards.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ListGiftCardsRequest {
    /// Start of a code or of the order reference that bought it.
    #[ts(optional)]
    pub search: Option<String>,
}

/// A gift card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct GiftCardView {
    /// Code.
    pub code: String,
    /// ISO currency code.
    pub currency_code: String,
    /// Value when issued.
    #[ts(type = "string")]
    pub initial: Decimal,
    /// What is left.
    #[ts(type = "string")]
    pub balance: Decimal,
    /// Not usable after this.
    pub expires_at: Option<DateTime<Utc>>,
    /// Enabled.
    pub active: bool,
    /// The order that bought it.
    pub order_reference: Option<String>,
    /// Issued at.
    pub created_at: DateTime<Utc>,
}

/// One change of a balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LedgerEntryView {
    /// `issued`, `granted`, `redeemed` or `refunded`.
    pub kind: String,
    /// Signed change.
    #[ts(type = "string")]
    pub amount: Decimal,
    /// Balance after it.
    #[ts(type = "string")]
    pub balance_after: Decimal,
    /// The order that caused it.
    pub order_reference: Option<String>,
    /// Note.
    pub note: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// A gift card and every change of its balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct GiftCardDetail {
    /// The card.
    pub card: GiftCardView,
    /// Oldest first.
    pub ledger: Vec<LedgerEntryView>,
}

/// A customer's store credit and its ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StoreCreditView {
    /// Balance.
    #[ts(type = "string")]
    pub balance: Decimal,
    /// Oldest first.
    pub ledger: Vec<LedgerEntryView>,
}

/// Percent off, an amount off, or nothing off (a free-shipping coupon).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CouponKind {
    /// `percent` % off.
    Percent,
    /// `amount` off.
    Fixed,
    /// Nothing off (free shipping only).
    None,
}

/// What a coupon applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CouponScope {
    /// The whole cart.
    Cart,
    /// The products in `targets`.
    Products,
    /// The products in the categories in `targets` (and their subcategories).
    Categories,
}

/// A coupon as the owner edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CouponInput {
    /// Code customers type (matched in any case).
    pub code: String,
    /// What it is for.
    #[serde(default)]
    pub description: String,
    /// Percent, fixed or none.
    pub kind: CouponKind,
    /// For `percent`: 0 < percent ≤ 100.
    #[ts(type = "string | null")]
    pub percent: Option<Decimal>,
    /// For `fixed`: the amount off (store's price mode).
    #[ts(type = "string | null")]
    pub amount: Option<Decimal>,
    /// Cart, products or categories.
    pub scope: CouponScope,
    /// Product or category ids for those scopes.
    #[serde(default)]
    pub targets: Vec<i64>,
    /// Makes shipping free.
    pub free_shipping: bool,
    /// Smallest cart subtotal (before coupons) it applies to; 0 for none.
    #[ts(type = "string")]
    pub minimum_subtotal: Decimal,
    /// Valid from.
    pub valid_from: Option<DateTime<Utc>>,
    /// Valid until (inclusive).
    pub valid_to: Option<DateTime<Utc>>,
    /// Uses over all customers.
    pub usage_limit: Option<u32>,
    /// Uses per customer.
    pub per_customer_limit: Option<u32>,
    /// Only this customer.
    pub customer_id: Option<i64>,
    /// Only this customer group.
    pub customer_group: Option<String>,
    /// Can be used with other coupons.
    pub combinable: bool,
    /// Enabled.
    pub active: bool,
}

/// A coupon and how often it was used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CouponView {
    /// The coupon.
    pub coupon: CouponInput,
    /// Orders that used it.
    pub times_used: i64,
}

/// What a carrier's ranges are measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RangeBasis {
    /// Weight in grams.
    Weight,
    /// Items total (after coupons).
    Price,
}

/// A price range of a carrier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CarrierRangeInput {
    /// From (inclusive): grams, or an amount.
    #[ts(type = "string")]
    pub from: Decimal,
    /// To (exclusive); none: no upper end.
    #[ts(type = "string | null")]
    pub to: Option<Decimal>,
    /// Price (store's price mode).
    #[ts(type = "string")]
    pub price: Decimal,
}

/// A carrier as the owner edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CarrierInput {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Enabled.
    pub active: bool,
    /// In-store pickup (free, no address).
    pub is_pickup: bool,
    /// Weight or price ranges.
    pub basis: RangeBasis,
    /// Ranges, non-overlapping.
    pub ranges: Vec<CarrierRangeInput>,
    /// ISO country codes it delivers to; empty: everywhere.
    pub countries: Vec<String>,
    /// Customer groups it is offered to; empty: everyone.
    pub customer_groups: Vec<String>,
    /// Free at or above this items total.
    #[ts(type = "string | null")]
    pub free_over: Option<Decimal>,
    /// Tax class code of the shipping price (none: not taxed).
    pub tax_class: Option<String>,
}

/// A payment method as the owner edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PaymentMethodInput {
    /// Code (fixed set).
    pub code: String,
    /// Label.
    pub label: String,
    /// Offered.
    pub active: bool,
    /// The status an order starts in; a paid status means the money is taken now.
    pub initial_status: String,
    /// Currency codes; empty: any.
    pub currencies: Vec<String>,
    /// Country codes (destination, or the store's country at the counter); empty: any.
    pub countries: Vec<String>,
    /// Customer groups; empty: any.
    pub customer_groups: Vec<String>,
    /// Carrier codes; empty: any.
    pub carriers: Vec<String>,
}

/// The store's tax and rounding settings, and its tax rates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TaxSettingsView {
    /// The settings.
    pub settings: TaxSettingsInput,
    /// Every rate, by class and country.
    pub rates: Vec<TaxRateInput>,
}

/// How carts behave: reloading a customer's cart and when a cart counts as abandoned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CartSettings {
    /// Picking a customer for an empty sale reloads their most recent open cart.
    pub reload_customer_cart: bool,
    /// A cart with items and a customer and no order after this many hours is abandoned
    /// (1 to 720).
    pub abandoned_cart_hours: u32,
}

/// Tax and rounding settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TaxSettingsInput {
    /// `tax_inclusive` or `tax_exclusive` catalog prices.
    pub price_mode: String,
    /// `per_line` or `per_total`.
    pub tax_rounding: String,
    /// Cash is rounded to this step (0.05); 0: to the cent.
    #[ts(type = "string")]
    pub cash_rounding_increment: Decimal,
}

/// A tax rate of a class, for every destination or for one country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TaxRateInput {
    /// Tax class code, e.g. `standard`.
    pub class_code: String,
    /// Destination country; none: the default rate.
    pub country_code: Option<String>,
    /// Label on receipts, e.g. `VAT 21%`.
    pub label: String,
    /// Percent.
    #[ts(type = "string")]
    pub percent: Decimal,
}

/// A customer in search results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CustomerSummary {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Guest or account.
    pub kind: CustomerKind,
    /// Group.
    pub customer_group: String,
    /// Newsletter opt-in.
    pub newsletter: bool,
    /// Store credit.
    #[ts(type = "string")]
    pub store_credit: Decimal,
}

/// Searches customers by name, e-mail or phone.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct SearchCustomersRequest {
    /// What staff typed.
    pub query: String,
}

/// What a mass action does to each selected order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MassActionKind {
    /// Move to the first shipped status.
    Fulfil,
    /// Cancel (refunds paid orders).
    Cancel,
    /// Return (refunds and restocks fulfilled orders).
    Return,
    /// Write the orders to a CSV file.
    ExportCsv,
    /// One PDF with a packing slip per order (for the warehouse printer).
    PackingSlips,
    /// One PDF pick list: quantities summed per product across the orders.
    PickList,
}

/// Which document of an order to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DocumentKind {
    /// The invoice.
    Invoice,
    /// The packing slip (no prices, with the reference as a barcode).
    PackingSlip,
    /// The 80 mm till receipt.
    Receipt,
    /// A credit note of the order (`credit_note` names which; the latest by default).
    CreditNote,
}

/// Makes one document of an order as a PDF file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct SaveDocumentRequest {
    /// The order.
    pub uuid: Uuid,
    /// Which document.
    pub kind: DocumentKind,
    /// For a credit note: its number (default: the order's latest).
    #[ts(optional)]
    pub credit_note: Option<String>,
}

/// Opens a saved document in the system's viewer (to print it).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct OpenDocumentRequest {
    /// The path `save_order_document` or a mass action returned.
    pub path: String,
}

/// A document written to disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SavedDocument {
    /// Where the PDF was written (the `documents` folder beside the database).
    pub path: String,
    /// Its size in bytes.
    pub bytes: i64,
}

/// Starts a mass action on the given orders, or on every order that matches a filter.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct MassActionRequest {
    /// What to do.
    pub kind: MassActionKind,
    /// The selected orders; empty to use `filter`.
    pub orders: Vec<Uuid>,
    /// Every order matching this filter (cursor and limit ignored), when `orders` is empty.
    #[ts(optional)]
    pub filter: Option<ListOrdersRequest>,
}

/// Asks for a job's progress.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct JobRequest {
    /// Job id.
    pub job_id: i64,
}

/// One order's outcome in a job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct JobFailure {
    /// Order reference.
    pub reference: String,
    /// Why it failed, naming the rule.
    pub error: String,
}

/// A background job and its progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct JobView {
    /// Id.
    pub job_id: i64,
    /// What it does.
    pub kind: MassActionKind,
    /// `queued`, `running` or `done`.
    pub status: String,
    /// Orders in the job.
    pub total: i64,
    /// Orders handled so far (succeeded or failed).
    pub processed: i64,
    /// Orders that succeeded.
    pub succeeded: i64,
    /// Orders that failed, with why.
    pub failures: Vec<JobFailure>,
    /// For exports: the file written.
    pub output_path: Option<String>,
}

/// The result of checkout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CheckoutReceipt {
    /// The order (the existing one when the UUID was already used).
    pub order: OrderDetail,
    /// Products sold beyond recorded stock (the default policy sells and warns).
    pub stock_warnings: Vec<String>,
}

/// Lists orders newest first, optionally searched and filtered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ListOrdersRequest {
    /// Cursor from the previous page's `next_cursor`.
    #[ts(optional)]
    pub cursor: Option<String>,
    /// Page size (default 50, at most 200).
    #[ts(optional)]
    pub limit: Option<u32>,
    /// Words that must all appear in the reference, customer name or e-mail, or a product
    /// name or SKU of the order (prefixes match).
    #[ts(optional)]
    pub search: Option<String>,
    /// Only orders with this status code.
    #[ts(optional)]
    pub status: Option<String>,
    /// Only orders paid (in part) with this method code.
    #[ts(optional)]
    pub payment_method: Option<String>,
    /// Only orders of this register.
    #[ts(optional)]
    pub register_code: Option<String>,
    /// Only orders placed on or after this day (`YYYY-MM-DD`, UTC).
    #[ts(optional)]
    pub date_from: Option<String>,
    /// Only orders placed on or before this day (`YYYY-MM-DD`, UTC).
    #[ts(optional)]
    pub date_to: Option<String>,
}

/// A row of the order list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OrderSummary {
    /// UUID.
    pub uuid: Uuid,
    /// Reference.
    pub reference: String,
    /// Status code.
    pub status: String,
    /// Status label.
    pub status_label: String,
    /// Status colour.
    pub status_colour: String,
    /// Total.
    #[ts(type = "string")]
    pub total: Decimal,
    /// ISO currency code.
    pub currency_code: String,
    /// Invoice number.
    pub invoice_number: Option<String>,
    /// Customer name (none for walk-in sales).
    pub customer_name: Option<String>,
    /// Σ quantities.
    pub item_count: i64,
    /// Placed at.
    pub created_at: DateTime<Utc>,
}

/// A page of orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OrderPage {
    /// Orders, newest first.
    pub orders: Vec<OrderSummary>,
    /// Pass as `cursor` for the next page; none on the last page.
    pub next_cursor: Option<String>,
}

/// Opens one order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct GetOrderRequest {
    /// The order's UUID.
    pub uuid: Uuid,
}

/// Where receipts are printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PrinterSettings {
    /// `tcp:HOST[:PORT]` (port 9100 by default), `device:/dev/usb/lp0` (serial or USB),
    /// `file:PATH`, or empty for no printer.
    pub address: String,
    /// Paper roll width: 58 or 80.
    pub paper_mm: u32,
}

/// Prints the receipt of an order on the receipt printer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct PrintReceiptRequest {
    /// The order.
    pub uuid: Uuid,
    /// Kick the cash drawer open when the order was paid (in part) in cash: true right
    /// after a sale, false for a reprint.
    pub open_drawer: bool,
}

/// What was printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PrintOutcome {
    /// The order printed (none for a test print).
    pub reference: Option<String>,
    /// Bytes sent to the printer.
    pub bytes: i64,
}

/// Parks the register's open cart (the counter starts a fresh one).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ParkCartRequest {
    /// A name to find it by, e.g. "Lady in the red coat" (optional).
    #[ts(optional)]
    pub name: Option<String>,
}

/// A cart by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct CartRequest {
    /// Id.
    pub cart_id: i64,
}

/// Attaches a customer to the register's open cart, or detaches it (`null`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct SetCartCustomerRequest {
    /// The customer; none detaches.
    pub customer_id: Option<i64>,
}

/// A cart in a list (parked, a customer's, abandoned).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CartSummary {
    /// Id.
    pub cart_id: i64,
    /// Register.
    pub register_code: String,
    /// `open` or `parked`.
    pub status: String,
    /// Name given when parked.
    pub name: String,
    /// Customer.
    pub customer: Option<CustomerRef>,
    /// Units.
    pub item_count: i64,
    /// Σ price × quantity at today's prices, before coupons.
    #[ts(type = "string")]
    pub value: Decimal,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// When a recovery e-mail was sent (abandoned carts).
    pub recovery_sent_at: Option<DateTime<Utc>>,
}

/// Everything the customer page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CustomerPage {
    /// The customer.
    pub customer: CustomerSummary,
    /// Staff notes.
    pub notes: String,
    /// Addresses, defaults first.
    pub addresses: Vec<AddressView>,
    /// The 50 most recent orders.
    pub orders: Vec<OrderSummary>,
    /// Carts that did not become orders.
    pub carts: Vec<CartSummary>,
    /// Orders placed.
    pub order_count: i64,
    /// What the paid orders came to, less refunds.
    #[ts(type = "string")]
    pub total_spent: Decimal,
}

/// Edits a customer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct UpdateCustomerRequest {
    /// The customer.
    pub customer_id: i64,
    /// Name.
    pub name: String,
    /// E-mail.
    #[ts(optional)]
    pub email: Option<String>,
    /// Phone.
    #[ts(optional)]
    pub phone: Option<String>,
    /// Group.
    pub customer_group: String,
    /// Newsletter opt-in.
    pub newsletter: bool,
    /// Staff notes.
    pub notes: String,
}

/// Adds or changes one of a customer's addresses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct SaveAddressRequest {
    /// The customer.
    pub customer_id: i64,
    /// The address to change; none adds one.
    #[ts(optional)]
    pub address_id: Option<i64>,
    /// The address.
    pub address: AddressInput,
    /// Use it for shipping unless another is chosen.
    pub is_default_shipping: bool,
    /// Use it for invoices unless another is chosen.
    pub is_default_invoice: bool,
}

/// Deletes one of a customer's addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct DeleteAddressRequest {
    /// The customer.
    pub customer_id: i64,
    /// The address.
    pub address_id: i64,
}
