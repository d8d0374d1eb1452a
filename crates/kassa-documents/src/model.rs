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
    /// What the line costs in total, after [`discount`](Self::discount).
    pub line_total: Decimal,
    /// What was taken off this line alone (a line discount or price reduction), as a
    /// positive amount already deducted from `line_total`; zero when there is none.
    /// Order-wide coupons are [`DocumentOrder::adjustments`] instead. Printed under the
    /// line as `Discount -1.00` on invoices, credit notes and receipts when non-zero.
    pub discount: Decimal,
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
    /// A paper or promotional voucher.
    Voucher,
    /// Bank transfer.
    BankTransfer,
    /// Cheque.
    Check,
    /// Wire transfer.
    WireTransfer,
    /// Cash collected by the carrier on delivery (never opens the till's drawer).
    CashOnDelivery,
    /// A gift card redeemed towards the order.
    GiftCard,
    /// The customer's store credit.
    StoreCredit,
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
            Self::Check => "Check",
            Self::WireTransfer => "Wire transfer",
            Self::CashOnDelivery => "Cash on delivery",
            Self::GiftCard => "Gift card",
            Self::StoreCredit => "Store credit",
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

/// An order-wide amount between the lines and the grand total: a coupon (negative),
/// shipping (positive), a surcharge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentAdjustment {
    /// What it is, printed as given, e.g. `Coupon SPRING10` or `Shipping — Standard post`.
    pub label: String,
    /// Signed amount with tax as the customer sees it: `-2.00` for a coupon, `4.90` for
    /// shipping.
    pub amount: Decimal,
}

/// A gift card issued with the order (sold, or given as a refund), printed in a boxed
/// section of the invoice and the receipts so the customer can keep the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedGiftCard {
    /// The code to redeem it with, printed large, e.g. `GC-7Q4M-K2XD-93PL`.
    pub code: String,
    /// Its value when issued.
    pub amount: Decimal,
    /// Last day it can be redeemed; `None` when it does not expire.
    pub expires_on: Option<NaiveDate>,
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
    /// Σ of the lines' `line_total`s, before order-wide adjustments. Printed (as
    /// `Items total`) only when there are [`adjustments`](Self::adjustments).
    pub items_total: Decimal,
    /// Order-wide coupons, shipping and surcharges, in the order they are printed between
    /// the items total and the grand total; empty for a plain sale. With them,
    /// `total = items_total + Σ adjustment amounts`.
    pub adjustments: Vec<DocumentAdjustment>,
    /// Tax per rate (of the lines and the adjustments).
    pub tax_breakdown: Vec<TaxBreakdownRow>,
    /// Sum of the lines before tax (with adjustments: of the lines and the adjustments).
    pub subtotal: Decimal,
    /// Sum of all taxes.
    pub tax_total: Decimal,
    /// What the customer pays, before cash rounding: `subtotal + tax_total`.
    pub total: Decimal,
    /// Signed amount the total was rounded by for payment in cash (e.g. `0.02` or
    /// `-0.02` where the smallest coins are 5 cents); zero when not rounded. When non-zero
    /// the documents print it after the total with the amount paid in cash,
    /// `total + cash_rounding`.
    pub cash_rounding: Decimal,
    /// Payments received.
    pub payments: Vec<DocumentPayment>,
    /// Change handed back in cash.
    pub change_due: Decimal,
    /// Gift cards issued with this order, printed in a boxed section of the invoice and
    /// the receipts; empty for most orders.
    pub gift_cards: Vec<IssuedGiftCard>,
    /// Carrier or delivery service, e.g. `Standard post`; printed as `Delivery: …` on the
    /// invoice and the packing slip. `None` for orders taken away at the counter.
    pub carrier: Option<String>,
    /// The invoice, once issued.
    pub invoice: Option<InvoiceDetails>,
    /// Currency of every amount in the order.
    pub currency: Currency,
}

impl DocumentOrder {
    /// Whether any payment was made in cash (the receipt printer then opens the drawer).
    /// Cash on delivery does not count: the carrier collects it, not the till.
    pub fn has_cash_payment(&self) -> bool {
        self.payments
            .iter()
            .any(|payment| payment.method == PaymentMethod::Cash)
    }

    /// What the customer settles: the total plus the cash rounding.
    pub fn amount_payable(&self) -> Decimal {
        self.total + self.cash_rounding
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payment_methods_print_their_names() {
        let labels: Vec<&str> = [
            PaymentMethod::Cash,
            PaymentMethod::Card,
            PaymentMethod::Voucher,
            PaymentMethod::BankTransfer,
            PaymentMethod::Check,
            PaymentMethod::WireTransfer,
            PaymentMethod::CashOnDelivery,
            PaymentMethod::GiftCard,
            PaymentMethod::StoreCredit,
        ]
        .iter()
        .map(PaymentMethod::label)
        .collect();
        assert_eq!(
            labels,
            [
                "Cash",
                "Card",
                "Voucher",
                "Bank transfer",
                "Check",
                "Wire transfer",
                "Cash on delivery",
                "Gift card",
                "Store credit"
            ]
        );
        assert_eq!(PaymentMethod::Other("Twint".to_owned()).label(), "Twint");
    }
}

/// A report of figures (a register's X or Z report): a title, a few header lines, then
/// sections of label/value rows. Values arrive formatted; the documents only place them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportDocument {
    /// E.g. `Z report 12`.
    pub title: String,
    /// E.g. `Register R1`, `Opened 23.11.2026 08:00 by Ann`.
    pub lines: Vec<String>,
    /// The sections in order.
    pub sections: Vec<ReportSection>,
}

/// A headed group of rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSection {
    /// E.g. `Payment methods`.
    pub heading: String,
    /// Its rows.
    pub rows: Vec<ReportRow>,
}

/// A label with its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    /// E.g. `Cash expected`.
    pub label: String,
    /// E.g. `1,234.50 EUR`.
    pub value: String,
    /// Bold (totals, differences).
    pub emphasis: bool,
}
