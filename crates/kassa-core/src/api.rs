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

/// A back-office order for a customer (phone or e-mail orders).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct StaffOrderRequest {
    /// Made by the caller before the first attempt; retries return the same order.
    pub order_uuid: Uuid,
    /// The customer.
    pub customer_id: i64,
    /// What to sell.
    pub lines: Vec<StaffOrderLine>,
    /// Payments taken now; none leaves the order awaiting payment.
    pub tenders: Vec<TenderInput>,
    /// A test order: its own invoice series, and it can be deleted.
    #[ts(optional)]
    pub is_test: Option<bool>,
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
}

/// Makes one document of an order as a PDF file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct SaveDocumentRequest {
    /// The order.
    pub uuid: Uuid,
    /// Which document.
    pub kind: DocumentKind,
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
