//! Locale: paper size, number and date style, and exact money formatting.
//!
//! Money is formatted from the `Decimal` itself (digits of its string form, grouped and
//! padded to the currency's minor unit), never through a float, so what is printed is
//! exactly what was stored. Amounts with more decimals than the currency allows are
//! refused before any document is drawn (see `validate`), so the padding here never
//! has to round.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::Currency;

/// Paper for page documents (invoices, credit notes, packing slips, pick lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm: everywhere except North America.
    A4,
    /// US Letter, 8.5 × 11 in: the United States and Canada.
    Letter,
}

impl Paper {
    /// The paper offices in `country` (ISO 3166-1 alpha-2) have in their printers.
    pub fn for_country(country: &str) -> Self {
        if is_one_of(country, &["US", "CA"]) {
            Self::Letter
        } else {
            Self::A4
        }
    }
}

/// How numbers are written: decimal mark and thousands separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// `1,234.50` (US, UK, Ireland, Australia, Japan, …).
    PointDecimal,
    /// `1.234,50` (Germany, Greece, Spain, Italy, the Netherlands, …).
    CommaDecimal,
    /// `1 234,50` with a narrow no-break space (France, Russia, Poland, Sweden, …).
    CommaDecimalSpaceGroups,
}

impl NumberStyle {
    /// The style customers in `country` (ISO 3166-1 alpha-2) expect.
    pub fn for_country(country: &str) -> Self {
        const POINT: &[&str] = &[
            "US", "CA", "GB", "IE", "AU", "NZ", "JP", "CN", "IN", "MX", "SG", "HK", "MY", "PH",
            "IL", "KR", "TH", "ZA", "CH",
        ];
        const SPACE: &[&str] = &[
            "FR", "RU", "UA", "BY", "KZ", "PL", "CZ", "SK", "SE", "NO", "FI", "HU", "BG", "LT",
            "LV", "EE", "PT",
        ];
        if is_one_of(country, POINT) {
            Self::PointDecimal
        } else if is_one_of(country, SPACE) {
            Self::CommaDecimalSpaceGroups
        } else {
            Self::CommaDecimal
        }
    }

    fn separators(self) -> (char, char) {
        match self {
            Self::PointDecimal => ('.', ','),
            Self::CommaDecimal => (',', '.'),
            Self::CommaDecimalSpaceGroups => (',', '\u{202f}'),
        }
    }

    /// `amount` with exactly the currency's minor digits, grouped: `1,234.50`.
    pub fn format_amount(self, amount: Decimal, currency: &Currency) -> String {
        // Rounding is a no-op for validated input; it only guards against padding an
        // over-precise amount by cutting digits off.
        let mut fixed = amount.round_dp_with_strategy(
            currency.minor_digits,
            RoundingStrategy::MidpointAwayFromZero,
        );
        fixed.rescale(currency.minor_digits);
        self.format_plain(fixed)
    }

    /// `amount` followed by the currency code: `1,234.50 EUR`.
    pub fn format_money(self, amount: Decimal, currency: &Currency) -> String {
        format!("{} {}", self.format_amount(amount, currency), currency.code)
    }

    /// A quantity without trailing zeros: `2`, `0,75`.
    pub fn format_quantity(self, quantity: Decimal) -> String {
        self.format_plain(quantity.normalize())
    }

    fn format_plain(self, value: Decimal) -> String {
        let (decimal_mark, group_separator) = self.separators();
        let digits = value.abs().to_string();
        let (whole, fraction) = match digits.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (digits.as_str(), None),
        };
        let mut out = String::with_capacity(digits.len() + 8);
        if value.is_sign_negative() && !value.is_zero() {
            out.push('-');
        }
        let whole_len = whole.chars().count();
        for (index, digit) in whole.chars().enumerate() {
            if index > 0 && (whole_len - index) % 3 == 0 {
                out.push(group_separator);
            }
            out.push(digit);
        }
        if let Some(fraction) = fraction {
            out.push(decimal_mark);
            out.push_str(fraction);
        }
        out
    }
}

/// How dates are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// `03/14/2025` (United States).
    MonthDayYear,
    /// `2025-03-14` (ISO 8601; understood everywhere else).
    Iso,
}

impl DateStyle {
    /// The style customers in `country` (ISO 3166-1 alpha-2) expect.
    pub fn for_country(country: &str) -> Self {
        if is_one_of(country, &["US"]) {
            Self::MonthDayYear
        } else {
            Self::Iso
        }
    }

    /// A day: `2025-03-14`.
    pub fn format_date(self, date: NaiveDate) -> String {
        match self {
            Self::MonthDayYear => date.format("%m/%d/%Y").to_string(),
            Self::Iso => date.format("%Y-%m-%d").to_string(),
        }
    }

    /// A day and time to the minute: `2025-03-14 16:05`.
    pub fn format_date_time(self, at: NaiveDateTime) -> String {
        format!("{} {}", self.format_date(at.date()), at.format("%H:%M"))
    }
}

/// Paper and writing conventions for one shop's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentLocale {
    /// Paper of page documents.
    pub paper: Paper,
    /// Decimal mark and grouping.
    pub numbers: NumberStyle,
    /// Date order.
    pub dates: DateStyle,
}

impl DocumentLocale {
    /// The conventions of `country` (ISO 3166-1 alpha-2, e.g. `DE`, `US`).
    pub fn for_country(country: &str) -> Self {
        Self {
            paper: Paper::for_country(country),
            numbers: NumberStyle::for_country(country),
            dates: DateStyle::for_country(country),
        }
    }
}

fn is_one_of(country: &str, codes: &[&str]) -> bool {
    codes
        .iter()
        .any(|code| code.eq_ignore_ascii_case(country.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn eur() -> Currency {
        Currency::new("EUR", 2)
    }

    #[test]
    fn amounts_are_padded_to_the_minor_unit_and_grouped() {
        let style = NumberStyle::PointDecimal;
        assert_eq!(style.format_amount(dec!(1234567.5), &eur()), "1,234,567.50");
        assert_eq!(style.format_amount(dec!(0), &eur()), "0.00");
        assert_eq!(style.format_amount(dec!(-12.3), &eur()), "-12.30");
        assert_eq!(style.format_amount(dec!(999.99), &eur()), "999.99");
    }

    #[test]
    fn comma_locales_swap_the_marks() {
        assert_eq!(
            NumberStyle::CommaDecimal.format_amount(dec!(1234.5), &eur()),
            "1.234,50"
        );
        assert_eq!(
            NumberStyle::CommaDecimalSpaceGroups.format_amount(dec!(1234.5), &eur()),
            "1\u{202f}234,50"
        );
    }

    #[test]
    fn currencies_without_or_with_three_minor_digits_print_exactly() {
        let yen = Currency::new("JPY", 0);
        let dinar = Currency::new("KWD", 3);
        assert_eq!(
            NumberStyle::PointDecimal.format_money(dec!(15000), &yen),
            "15,000 JPY"
        );
        assert_eq!(
            NumberStyle::PointDecimal.format_money(dec!(1.5), &dinar),
            "1.500 KWD"
        );
    }

    #[test]
    fn amounts_beyond_float_precision_stay_exact() {
        let amount = dec!(12345678901234567.89);
        assert_eq!(
            NumberStyle::PointDecimal.format_amount(amount, &eur()),
            "12,345,678,901,234,567.89",
            "a float hop would have lost the cents"
        );
    }

    #[test]
    fn quantities_drop_trailing_zeros() {
        assert_eq!(NumberStyle::PointDecimal.format_quantity(dec!(2.000)), "2");
        assert_eq!(
            NumberStyle::CommaDecimal.format_quantity(dec!(0.750)),
            "0,75"
        );
    }

    #[test]
    fn north_america_gets_letter_paper_and_the_rest_a4() {
        assert_eq!(Paper::for_country("US"), Paper::Letter);
        assert_eq!(Paper::for_country("ca"), Paper::Letter);
        assert_eq!(Paper::for_country("DE"), Paper::A4);
        assert_eq!(Paper::for_country("GR"), Paper::A4);
    }

    #[test]
    fn us_dates_put_the_month_first() {
        let day = NaiveDate::from_ymd_opt(2025, 3, 14).unwrap();
        assert_eq!(DateStyle::for_country("US").format_date(day), "03/14/2025");
        assert_eq!(DateStyle::for_country("DE").format_date(day), "2025-03-14");
    }
}
