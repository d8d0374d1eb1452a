//! The request and response types of the application API: what crosses into the UI.
//!
//! Every type here derives `ts_rs::TS`; `cargo test -p kassa-core` writes them to
//! `ui/src/lib/api/bindings/`, and the test command fails when the committed bindings are
//! stale. Money is a decimal string in JSON (`"12.50"`), never a float.

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
}

/// Search the catalog by name, SKU or barcode prefix.
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

/// Lists orders newest first.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ListOrdersRequest {
    /// Cursor from the previous page's `next_cursor`.
    #[ts(optional)]
    pub cursor: Option<String>,
    /// Page size (default 50, at most 200).
    #[ts(optional)]
    pub limit: Option<u32>,
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
