//! Money: currencies with their minor unit, named rounding and exact conversion to the
//! integer minor units the store keeps.
//!
//! Amounts are `Decimal`s in major units (`12.34` euros). The store persists them as
//! integer minor units (`1234` cents) so that SQLite's `SUM()` stays exact; conversion in
//! either direction is explicit and refuses to lose precision.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// How a half-way amount is rounded to the minor unit. Named, because the choice is a
/// legal one that differs between countries; never `Decimal::round_dp`'s implicit
/// banker's rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RoundingRule {
    /// 0.005 → 0.01 and -0.005 → -0.01: what shoppers and most tax offices expect.
    #[default]
    HalfAwayFromZero,
    /// 0.005 → 0.00, 0.015 → 0.02 (banker's rounding).
    HalfEven,
}

impl RoundingRule {
    fn strategy(self) -> RoundingStrategy {
        match self {
            Self::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
            Self::HalfEven => RoundingStrategy::MidpointNearestEven,
        }
    }
}

/// A currency as the shop uses it: ISO code, number of decimals of its minor unit and the
/// rounding rule applied to every amount in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Currency {
    /// ISO 4217 code, e.g. `EUR`.
    pub code: String,
    /// Decimals of the minor unit: 2 for EUR and USD, 0 for JPY, 3 for KWD.
    pub minor_unit_digits: u32,
    /// How amounts in this currency are rounded to the minor unit.
    pub rounding: RoundingRule,
}

/// Errors of money conversions. Each one says which amount could not be represented.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// The amount has more decimals than the currency's minor unit.
    #[error("{amount} has more decimals than {code} allows ({digits})")]
    TooPrecise {
        /// The amount that was given.
        amount: Decimal,
        /// Currency code.
        code: String,
        /// Decimals the currency allows.
        digits: u32,
    },
    /// The amount does not fit in a 64-bit count of minor units.
    #[error("{amount} is too large to store")]
    OutOfRange {
        /// The amount that was given.
        amount: Decimal,
    },
}

impl Currency {
    /// The euro: two decimals, half away from zero.
    pub fn eur() -> Self {
        Self {
            code: "EUR".to_owned(),
            minor_unit_digits: 2,
            rounding: RoundingRule::default(),
        }
    }

    /// Rounds an amount to this currency's minor unit with its rounding rule.
    pub fn round(&self, amount: Decimal) -> Decimal {
        amount.round_dp_with_strategy(self.minor_unit_digits, self.rounding.strategy())
    }

    /// Whether the amount is already a whole number of minor units.
    pub fn is_rounded(&self, amount: Decimal) -> bool {
        self.round(amount) == amount
    }

    /// The smallest positive amount in this currency (0.01 for EUR).
    pub fn minor_unit(&self) -> Decimal {
        Decimal::new(1, self.minor_unit_digits)
    }

    /// Converts an amount to integer minor units, refusing any rounding.
    pub fn to_minor_units(&self, amount: Decimal) -> Result<i64, MoneyError> {
        if !self.is_rounded(amount) {
            return Err(MoneyError::TooPrecise {
                amount,
                code: self.code.clone(),
                digits: self.minor_unit_digits,
            });
        }
        let mut scaled = amount;
        scaled.rescale(self.minor_unit_digits);
        i64::try_from(scaled.mantissa()).map_err(|_| MoneyError::OutOfRange { amount })
    }

    /// Rounds an amount to a multiple of `increment` (cash rounding to the smallest coin,
    /// e.g. 0.05) with the currency's rounding rule. An increment of zero or less, or one
    /// finer than the minor unit, rounds to the minor unit.
    pub fn round_to_increment(&self, amount: Decimal, increment: Decimal) -> Decimal {
        if increment <= self.minor_unit() {
            return self.round(amount);
        }
        let steps = (amount / increment).round_dp_with_strategy(0, self.rounding.strategy());
        self.round(steps * increment)
    }

    /// Converts integer minor units back to an amount with the currency's scale.
    pub fn from_minor_units(&self, minor_units: i64) -> Decimal {
        Decimal::new(minor_units, self.minor_unit_digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn cash_rounding_goes_to_the_nearest_increment() {
        let eur = Currency::eur();
        assert_eq!(eur.round_to_increment(dec!(17.32), dec!(0.05)), dec!(17.30));
        assert_eq!(eur.round_to_increment(dec!(17.33), dec!(0.05)), dec!(17.35));
        assert_eq!(
            eur.round_to_increment(dec!(17.325), dec!(0.05)),
            dec!(17.35)
        );
        assert_eq!(
            eur.round_to_increment(dec!(17.32), Decimal::ZERO),
            dec!(17.32)
        );
    }

    #[test]
    fn half_away_from_zero_rounds_midpoints_up_in_magnitude() {
        let eur = Currency::eur();
        assert_eq!(eur.round(dec!(0.005)), dec!(0.01));
        assert_eq!(eur.round(dec!(0.015)), dec!(0.02));
        assert_eq!(eur.round(dec!(-0.005)), dec!(-0.01));
    }

    #[test]
    fn half_even_is_bankers_rounding() {
        let eur = Currency {
            rounding: RoundingRule::HalfEven,
            ..Currency::eur()
        };
        assert_eq!(eur.round(dec!(0.005)), dec!(0.00));
        assert_eq!(eur.round(dec!(0.015)), dec!(0.02));
    }

    #[test]
    fn minor_units_round_trip_exactly() {
        let eur = Currency::eur();
        assert_eq!(eur.to_minor_units(dec!(12.34)), Ok(1234));
        assert_eq!(eur.to_minor_units(dec!(12.3)), Ok(1230));
        assert_eq!(eur.to_minor_units(dec!(-7)), Ok(-700));
        assert_eq!(eur.from_minor_units(1234), dec!(12.34));
    }

    #[test]
    fn conversion_refuses_to_drop_decimals() {
        let eur = Currency::eur();
        assert!(matches!(
            eur.to_minor_units(dec!(0.001)),
            Err(MoneyError::TooPrecise { .. })
        ));
    }

    #[test]
    fn zero_decimal_currencies_have_whole_minor_units() {
        let jpy = Currency {
            code: "JPY".into(),
            minor_unit_digits: 0,
            rounding: RoundingRule::default(),
        };
        assert_eq!(jpy.to_minor_units(dec!(500)), Ok(500));
        assert_eq!(jpy.round(dec!(2.5)), dec!(3));
    }
}
