//! Order and invoice identity and state: human-readable references, gap-free invoice
//! numbers and the statuses an order and its invoice move through.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An order reference unique per store *and* register, so that registers that were offline
/// at the same time never hand out the same reference: `S1-R2-000123`.
pub fn order_reference(store_code: &str, register_code: &str, sequence: i64) -> String {
    format!("{store_code}-{register_code}-{sequence:06}")
}

/// An invoice number in a gap-free series per year: `INV-2026-000123`.
pub fn invoice_number(series: &str, year: i32, sequence: i64) -> String {
    format!("{series}-{year}-{sequence:06}")
}

/// Where an order stands. The list is configurable later (SPEC §6); these are the
/// defaults every store starts with, and their codes are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Waiting for a check, a wire or cash on delivery.
    AwaitingPayment,
    /// Paid in full.
    PaymentAccepted,
    /// Being prepared.
    Processing,
    /// Handed to the carrier.
    Shipped,
    /// Received by the customer.
    Delivered,
    /// Canceled before fulfilment.
    Canceled,
    /// Money given back.
    Refunded,
    /// Goods came back.
    Returned,
}

impl OrderStatus {
    /// Every default status, in display order.
    pub const ALL: [Self; 8] = [
        Self::AwaitingPayment,
        Self::PaymentAccepted,
        Self::Processing,
        Self::Shipped,
        Self::Delivered,
        Self::Canceled,
        Self::Refunded,
        Self::Returned,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::AwaitingPayment => "awaiting_payment",
            Self::PaymentAccepted => "payment_accepted",
            Self::Processing => "processing",
            Self::Shipped => "shipped",
            Self::Delivered => "delivered",
            Self::Canceled => "canceled",
            Self::Refunded => "refunded",
            Self::Returned => "returned",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.code() == code)
    }
}

/// The payment state of an invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Unpaid => "unpaid",
            Self::PartiallyPaid => "partially_paid",
            Self::Paid => "paid",
            Self::Void => "void",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Unpaid, Self::PartiallyPaid, Self::Paid, Self::Void]
            .into_iter()
            .find(|status| status.code() == code)
    }

    /// The status an invoice of `total` has after `paid` was received.
    pub fn for_payment(total: Decimal, paid: Decimal) -> Self {
        if paid >= total {
            Self::Paid
        } else if paid > Decimal::ZERO {
            Self::PartiallyPaid
        } else {
            Self::Unpaid
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn references_name_store_and_register_and_pad_the_sequence() {
        assert_eq!(order_reference("S1", "R2", 123), "S1-R2-000123");
        assert_eq!(invoice_number("INV", 2026, 7), "INV-2026-000007");
    }

    #[test]
    fn status_codes_round_trip() {
        for status in OrderStatus::ALL {
            assert_eq!(OrderStatus::from_code(status.code()), Some(status));
        }
    }

    #[test]
    fn invoice_status_follows_what_was_paid() {
        assert_eq!(
            InvoiceStatus::for_payment(dec!(10), dec!(0)),
            InvoiceStatus::Unpaid
        );
        assert_eq!(
            InvoiceStatus::for_payment(dec!(10), dec!(4)),
            InvoiceStatus::PartiallyPaid
        );
        assert_eq!(
            InvoiceStatus::for_payment(dec!(10), dec!(10)),
            InvoiceStatus::Paid
        );
        assert_eq!(
            InvoiceStatus::for_payment(Decimal::ZERO, Decimal::ZERO),
            InvoiceStatus::Paid
        );
    }
}
