//! Store settings parsed from the settings table into domain types.

use std::collections::BTreeMap;
use std::str::FromStr;

use kassa_domain::money::{Currency, RoundingRule};
use kassa_domain::pricing::PricingRules;
use kassa_domain::stock::OversellPolicy;
use kassa_domain::tax::{PriceMode, TaxRounding};
use rust_decimal::Decimal;

use crate::api::StoreDetails;
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// Everything checkout needs to know about the store.
#[derive(Debug, Clone)]
pub(crate) struct StoreSettings {
    pub store: StoreDetails,
    pub store_code: String,
    pub pricing: PricingRules,
    pub oversell: OversellPolicy,
    pub invoice_series: String,
    pub test_invoice_series: String,
    pub credit_note_series: String,
    pub referral_commission_percent: Decimal,
    /// Cash is rounded to this step; zero: to the minor unit.
    pub cash_rounding_increment: Decimal,
    /// The store's own country: the country of counter sales.
    pub store_country: String,
    /// How long an issued gift card is valid.
    pub gift_card_validity_days: i64,
}

fn get<'a>(settings: &'a BTreeMap<String, String>, key: &str) -> ApiResult<&'a str> {
    settings.get(key).map(String::as_str).ok_or_else(|| {
        ApiError::new(
            ErrorCode::Internal,
            format!("The setting `{key}` is missing."),
        )
    })
}

fn invalid(key: &str, value: &str) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        format!("The setting `{key}` has an invalid value `{value}`."),
    )
}

pub(crate) fn parse_settings(settings: &BTreeMap<String, String>) -> ApiResult<StoreSettings> {
    let digits = get(settings, "currency_minor_unit_digits")?;
    let rounding = match get(settings, "currency_rounding")? {
        "half_away_from_zero" => RoundingRule::HalfAwayFromZero,
        "half_even" => RoundingRule::HalfEven,
        other => return Err(invalid("currency_rounding", other)),
    };
    let price_mode = match get(settings, "price_mode")? {
        "tax_inclusive" => PriceMode::TaxInclusive,
        "tax_exclusive" => PriceMode::TaxExclusive,
        other => return Err(invalid("price_mode", other)),
    };
    let tax_rounding = match get(settings, "tax_rounding")? {
        "per_line" => TaxRounding::PerLine,
        "per_total" => TaxRounding::PerTotal,
        other => return Err(invalid("tax_rounding", other)),
    };
    let oversell_value = get(settings, "oversell_policy")?;
    Ok(StoreSettings {
        store: StoreDetails {
            name: get(settings, "store_name")?.to_owned(),
            address: get(settings, "store_address")?.to_owned(),
            tax_id: get(settings, "store_tax_id")?.to_owned(),
        },
        store_code: get(settings, "store_code")?.to_owned(),
        pricing: PricingRules {
            currency: Currency {
                code: get(settings, "currency_code")?.to_owned(),
                minor_unit_digits: digits
                    .parse()
                    .map_err(|_| invalid("currency_minor_unit_digits", digits))?,
                rounding,
            },
            price_mode,
            tax_rounding,
        },
        oversell: OversellPolicy::from_code(oversell_value)
            .ok_or_else(|| invalid("oversell_policy", oversell_value))?,
        invoice_series: get(settings, "invoice_series")?.to_owned(),
        test_invoice_series: get(settings, "test_invoice_series")?.to_owned(),
        credit_note_series: get(settings, "credit_note_series")?.to_owned(),
        referral_commission_percent: parse_decimal(get(settings, "referral_commission_percent")?)?,
        cash_rounding_increment: parse_decimal(get(settings, "cash_rounding_increment")?)?,
        store_country: get(settings, "store_country")?.to_owned(),
        gift_card_validity_days: {
            let days = get(settings, "gift_card_validity_days")?;
            days.parse()
                .map_err(|_| invalid("gift_card_validity_days", days))?
        },
    })
}

/// Parses a stored decimal text (a tax percent).
pub(crate) fn parse_decimal(text: &str) -> ApiResult<Decimal> {
    Decimal::from_str(text).map_err(|_| {
        ApiError::new(
            ErrorCode::Internal,
            format!("`{text}` stored as a number is not a decimal."),
        )
    })
}

/// The price mode's stored code.
pub(crate) fn price_mode_code(mode: PriceMode) -> &'static str {
    match mode {
        PriceMode::TaxInclusive => "tax_inclusive",
        PriceMode::TaxExclusive => "tax_exclusive",
    }
}

impl Kassa {
    pub(crate) async fn settings(&self) -> ApiResult<StoreSettings> {
        parse_settings(&self.store.settings().await?)
    }
}
