//! The input model: everything a document shows, as a snapshot the caller fills in.
//!
//! The crate knows nothing about the database or the application: the caller copies the
//! order, the invoice and the shop's legal details into these types, and every document is
//! a pure function of them. Amounts are `Decimal`s in major units of the order's currency;
//! quantities are `Decimal`s too, so goods sold by weight print exactly.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use uuid::Uuid;

/// The shop's legal details, printed at the top of every document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopDetails {
    /// Legal name, e.g. `Kassa Demo GmbH`.
    pub name: String,
    /// Postal address, one line per entry.
    pub address_lines: Vec<String>,
    /// VAT or sales-tax registration, printed as given (e.g. `DE123456789`).
    pub tax_id: String,
    /// Contact e-mail, if the shop prints one.
    pub email: Option<String>,
    /// Contact phone number, if the shop prints one.
    pub phone: Option<String>,
}

/// A postal address as it is printed: a recipient name and lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalAddress {
    /// Person or company the parcel or invoice goes to.
    pub name: String,
    /// Street, town, postcode and country, one line per entry.
    pub lines: Vec<String>,
}

/// The customer of an order, when one was recorded at the counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerDetails {
    /// Name as the customer gave it.
    pub name: String,
    /// E-mail address, if known.
    pub email: Option<String>,
}

/// A currency: its ISO 4217 code and the decimals of its minor unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency {
    /// ISO 4217 code, e.g. `EUR`.
    pub code: String,
    /// Decimals of the minor unit: 2 for EUR and USD, 0 for JPY, 3 for KWD.
    pub minor_digits: u32,
}

impl Currency {
    /// A currency with the given code and minor-unit decimals.
    pub fn new(code: &str, minor_digits: u32) -> Self {
        Self {
            code: code.to_owned(),
            minor_digits,
        }
    }
}

/// One line of an order, invoice or credit note, copied from the order when it was sold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLine {
    /// Stock-keeping unit.
    pub sku: String,
    /// Product name as sold.
    pub name: String,
    /// Quantity sold (may be fractional for goods sold by weight).
    pub quantity: Decimal,
    /// Price of one unit as shown on the shelf.
    pub unit_price: Decimal,
    /// Short tax label, e.g. `VAT 19%`.
    pub tax_label: String,
    /// Tax contained in or added to this line.
    pub tax_amount: Decimal,
    /// What the line costs in total.
    pub line_total: Decimal,
    /// Where the product lies in the warehouse, e.g. `A-03-2`; used by packing slips and
    /// pick lists.
    pub bin_location: Option<String>,
}

/// Tax for one rate, as the tax office wants it listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxBreakdownRow {
    /// Label of the rate, e.g. `VAT 19%`.
    pub label: String,
    /// Net amount the rate applies to.
    pub base: Decimal,
    /// Tax at this rate.
    pub tax: Decimal,
}

/// How a payment was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaymentMethod {
    /// Notes and coins: the only method that opens the cash drawer.
    Cash,
    /// Debit or credit card.
    Card,
    /// Gift card or voucher.
    Voucher,
    /// Bank transfer.
    BankTransfer,
    /// Anything else, with the name the shop uses for it.
    Other(String),
}

impl PaymentMethod {
    /// The name printed on documents.
    pub fn label(&self) -> &str {
        match self {
            Self::Cash => "Cash",
            Self::Card => "Card",
            Self::Voucher => "Voucher",
            Self::BankTransfer => "Bank transfer",
            Self::Other(name) => name,
        }
    }
}

/// One payment (tender) towards an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentPayment {
    /// How it was paid.
    pub method: PaymentMethod,
    /// Amount tendered.
    pub amount: Decimal,
    /// Card terminal or transfer reference, if any.
    pub reference: Option<String>,
}

/// Where an invoice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvoiceStatus {
    /// Nothing paid yet.
    Unpaid,
    /// Some but not all paid.
    PartiallyPaid,
    /// Paid in full.
    Paid,
    /// Cancelled by a credit note.
    Void,
}

impl InvoiceStatus {
    /// The word printed on the invoice.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unpaid => "Unpaid",
            Self::PartiallyPaid => "Partially paid",
            Self::Paid => "Paid",
            Self::Void => "Void",
        }
    }
}

/// The invoice issued for an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceDetails {
    /// Invoice number from the gapless series, e.g. `INV-2025-000042`.
    pub number: String,
    /// Day the invoice was issued.
    pub issued_on: NaiveDate,
    /// Payment state.
    pub status: InvoiceStatus,
}

/// An order as documents show it: a snapshot taken when it was sold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentOrder {
    /// Human order reference, e.g. `S01-R01-000042`; the packing slip's barcode.
    pub reference: String,
    /// The order's UUID.
    pub id: Uuid,
    /// Local date and time of the sale at the shop.
    pub ordered_at: NaiveDateTime,
    /// The customer, if one was recorded.
    pub customer: Option<CustomerDetails>,
    /// Delivery address, for orders that are shipped.
    pub ship_to: Option<PostalAddress>,
    /// Invoice address, when it differs from the customer's name alone.
    pub bill_to: Option<PostalAddress>,
    /// The lines in the order they were sold.
    pub lines: Vec<DocumentLine>,
    /// Tax per rate.
    pub tax_breakdown: Vec<TaxBreakdownRow>,
    /// Sum of the lines before tax.
    pub subtotal: Decimal,
    /// Sum of all taxes.
    pub tax_total: Decimal,
    /// What the customer pays.
    pub total: Decimal,
    /// Payments received.
    pub payments: Vec<DocumentPayment>,
    /// Change handed back in cash.
    pub change_due: Decimal,
    /// The invoice, once issued.
    pub invoice: Option<InvoiceDetails>,
    /// Currency of every amount in the order.
    pub currency: Currency,
}

impl DocumentOrder {
    /// Whether any payment was made in cash (the receipt printer then opens the drawer).
    pub fn has_cash_payment(&self) -> bool {
        self.payments
            .iter()
            .any(|payment| payment.method == PaymentMethod::Cash)
    }
}

/// A credit note: cancels or refunds (part of) an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditNote {
    /// Credit-note number from its own gapless series, e.g. `CN-2025-000003`.
    pub number: String,
    /// Number of the invoice it corrects.
    pub invoice_number: String,
    /// Reference of the order the invoice was for.
    pub order_reference: String,
    /// Day the credit note was issued.
    pub issued_on: NaiveDate,
    /// Why the amount is credited, e.g. `Returned: wrong size`.
    pub reason: String,
    /// The customer, if one was recorded.
    pub customer: Option<CustomerDetails>,
    /// Invoice address of the original invoice.
    pub bill_to: Option<PostalAddress>,
    /// Credited lines, with positive quantities and amounts.
    pub lines: Vec<DocumentLine>,
    /// Credited tax per rate.
    pub tax_breakdown: Vec<TaxBreakdownRow>,
    /// Credited amount before tax.
    pub subtotal: Decimal,
    /// Credited tax.
    pub tax_total: Decimal,
    /// Credited total.
    pub total: Decimal,
    /// Currency of every amount.
    pub currency: Currency,
}
