//! Kassa's domain: the rules of selling, with no IO, no clock and no randomness.
//!
//! Everything here is a pure function of its inputs so that it can be unit- and
//! property-tested in isolation. Time, identifiers and stored state are passed in by the
//! application crate; money is always [`rust_decimal::Decimal`], never floating point.

pub mod barcode;
pub mod discount;
pub mod document;
pub mod gift_card;
pub mod journal;
pub mod methods;
pub mod money;
pub mod pricing;
pub mod shipping;
pub mod staff;
pub mod stock;
pub mod tax;
pub mod tender;
pub mod transition;

pub use rust_decimal::Decimal;
