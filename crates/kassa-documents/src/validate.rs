//! Input checks made before anything is drawn: every amount must fit its currency's minor
//! unit, so that printing never has to round (a rounded amount on an invoice is a legal
//! problem, not a cosmetic one).

use rust_decimal::Decimal;

use crate::error::DocumentError;
use crate::model::{CreditNote, Currency, DocumentLine, DocumentOrder, TaxBreakdownRow};

/// Checks every amount of an order.
pub(crate) fn check_order(order: &DocumentOrder) -> Result<(), DocumentError> {
    let currency = &order.currency;
    check_lines(&order.lines, currency)?;
    check_amount("items total", order.items_total, currency)?;
    for adjustment in &order.adjustments {
        check_amount(&adjustment.label, adjustment.amount, currency)?;
    }
    check_taxes(&order.tax_breakdown, currency)?;
    check_amount("subtotal", order.subtotal, currency)?;
    check_amount("tax total", order.tax_total, currency)?;
    check_amount("total", order.total, currency)?;
    check_amount("cash rounding", order.cash_rounding, currency)?;
    check_amount("change due", order.change_due, currency)?;
    for (index, payment) in order.payments.iter().enumerate() {
        check_amount(&format!("payment {}", index + 1), payment.amount, currency)?;
    }
    for card in &order.gift_cards {
        check_amount(&format!("gift card {}", card.code), card.amount, currency)?;
    }
    Ok(())
}

/// Checks every amount of a credit note.
pub(crate) fn check_credit_note(note: &CreditNote) -> Result<(), DocumentError> {
    let currency = &note.currency;
    check_lines(&note.lines, currency)?;
    check_taxes(&note.tax_breakdown, currency)?;
    check_amount("subtotal", note.subtotal, currency)?;
    check_amount("tax total", note.tax_total, currency)?;
    check_amount("total", note.total, currency)
}

fn check_lines(lines: &[DocumentLine], currency: &Currency) -> Result<(), DocumentError> {
    for (index, line) in lines.iter().enumerate() {
        let number = index + 1;
        check_amount(
            &format!("line {number} unit price"),
            line.unit_price,
            currency,
        )?;
        check_amount(&format!("line {number} tax"), line.tax_amount, currency)?;
        check_amount(&format!("line {number} total"), line.line_total, currency)?;
        check_amount(&format!("line {number} discount"), line.discount, currency)?;
    }
    Ok(())
}

fn check_taxes(rows: &[TaxBreakdownRow], currency: &Currency) -> Result<(), DocumentError> {
    for row in rows {
        check_amount(&format!("{} base", row.label), row.base, currency)?;
        check_amount(&format!("{} tax", row.label), row.tax, currency)?;
    }
    Ok(())
}

fn check_amount(what: &str, amount: Decimal, currency: &Currency) -> Result<(), DocumentError> {
    if amount.normalize().scale() > currency.minor_digits {
        return Err(DocumentError::AmountTooPrecise {
            what: what.to_owned(),
            amount,
            currency: currency.code.clone(),
            digits: currency.minor_digits,
        });
    }
    Ok(())
}
