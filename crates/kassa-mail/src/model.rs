//! What each kind of message says: plain data, ready to display. Money, quantities and
//! dates arrive formatted (`"12.50 EUR"`, `"23.11.2026"`): the application formats them
//! the way the store does, and this crate only places them.

use serde::{Deserialize, Serialize};

/// One message to compose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Mail {
    /// To the customer: the order is confirmed.
    OrderConfirmation(OrderConfirmation),
    /// To the owner (the sender's address) and every admin address: a new order.
    NewOrderNotification(NewOrderNotification),
    /// To the customer: the order's status changed.
    StatusChanged(StatusChanged),
    /// To the customer: a reminder of an abandoned cart.
    CartRecovery(CartRecovery),
    /// A test message that tells which server sent it.
    TestMail(TestMail),
}

/// A customer who receives a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct Customer {
    /// The name to greet and to show beside the address; `None` greets without a name.
    pub name: Option<String>,
    /// The e-mail address, checked with [`parse_address`](crate::parse_address).
    pub email: String,
}

/// One line of an order or a cart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct MailLine {
    /// The product's name.
    pub name: String,
    /// The SKU, if the product has one.
    pub sku: Option<String>,
    /// The quantity, formatted (`"2"`, `"0.5 kg"`).
    pub quantity: String,
    /// The price of one unit, formatted.
    pub unit_price: String,
    /// The line's total, formatted.
    pub line_total: String,
}

/// The totals of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct Totals {
    /// The sum of the lines.
    pub subtotal: String,
    /// The discount, formatted with its sign as it should show (`"-2.00 EUR"`); `None`
    /// shows no discount row.
    pub discount: Option<String>,
    /// The shipping cost; `None` shows no shipping row.
    pub shipping: Option<String>,
    /// What the customer pays.
    pub total: String,
}

/// One row of the tax breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct TaxRow {
    /// The rate's label (`"VAT 19 %"`).
    pub label: String,
    /// The net amount taxed at this rate.
    pub net: String,
    /// The tax.
    pub tax: String,
}

/// One payment of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct PaymentRow {
    /// The payment method's name (`"Cash"`, `"Gift card"`).
    pub method: String,
    /// The amount paid.
    pub amount: String,
}

/// A file attached to a message; always sent as `application/pdf`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct Attachment {
    /// The file name the recipient sees (`"Invoice RE-2026-00042.pdf"`).
    pub filename: String,
    /// The PDF's bytes.
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Attachment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Attachment")
            .field("filename", &self.filename)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// The customer's confirmation of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct OrderConfirmation {
    /// The store's name.
    pub store_name: String,
    /// Who receives the message.
    pub customer: Customer,
    /// The order's reference (`"K-000123"`).
    pub order_reference: String,
    /// When the order was placed, formatted.
    pub order_date: String,
    /// The order's lines.
    pub lines: Vec<MailLine>,
    /// The order's totals.
    pub totals: Totals,
    /// The taxes per rate.
    pub taxes: Vec<TaxRow>,
    /// The payments recorded so far.
    pub payments: Vec<PaymentRow>,
    /// Whether the order still awaits payment.
    pub awaits_payment: bool,
    /// Where to pay; shown only while the order awaits payment.
    pub pay_link: Option<String>,
    /// The invoice PDF, if one goes with the message.
    pub invoice: Option<Attachment>,
}

/// The owner's and admins' notice of a new order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct NewOrderNotification {
    /// The store's name.
    pub store_name: String,
    /// The order's reference.
    pub order_reference: String,
    /// When the order was placed, formatted.
    pub order_date: String,
    /// The customer, if the order has one.
    pub customer: Option<Customer>,
    /// What the customer pays.
    pub total: String,
    /// The order's lines.
    pub lines: Vec<MailLine>,
}

/// The customer's notice that an order's status changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct StatusChanged {
    /// The store's name.
    pub store_name: String,
    /// Who receives the message.
    pub customer: Customer,
    /// The order's reference.
    pub order_reference: String,
    /// The new status's label, in the message's language (`"Shipped"`).
    pub status: String,
    /// A note from the store, if any.
    pub note: Option<String>,
}

/// The customer's reminder of a cart left behind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct CartRecovery {
    /// The store's name.
    pub store_name: String,
    /// Who receives the message.
    pub customer: Customer,
    /// The cart's lines.
    pub lines: Vec<MailLine>,
    /// The cart's total.
    pub cart_total: String,
    /// The store's own words in place of the standard opening, if any.
    pub greeting: Option<String>,
    /// Where to complete the order, if the store has such a page.
    pub link: Option<String>,
}

/// A message that checks the settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct TestMail {
    /// Who receives it; `None` sends it to the sender's own address.
    pub to: Option<String>,
}
