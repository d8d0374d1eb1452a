//! The owner's checkout settings: coupons, carriers, payment methods, taxes and rounding.
//! Every save checks its input and says exactly what is wrong; nothing is half-saved.

use kassa_domain::staff::Permission;
use std::collections::BTreeSet;

use kassa_domain::money::Currency;
use kassa_store::coupons::{CouponRow, CouponWrite};
use kassa_store::shipping::{CarrierRangeRow, CarrierRow, PaymentMethodRow, TaxRateRow};
use rust_decimal::Decimal;

use crate::api::{
    CarrierInput, CarrierRangeInput, CouponInput, CouponKind, CouponScope, CouponView,
    PaymentMethodInput, RangeBasis, TaxRateInput, TaxSettingsInput, TaxSettingsView,
};
use crate::checkout::minor;
use crate::draft::code_list;
use crate::settings::{StoreSettings, parse_decimal};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

fn code(name: &str, value: &str) -> ApiResult<String> {
    let value = value.trim();
    if value.is_empty()
        || value.len() > 40
        || !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(invalid(format!(
            "The {name} “{value}” must be 1 to 40 letters, digits, '-' or '_'."
        )));
    }
    Ok(value.to_owned())
}

fn money(currency: &Currency, name: &str, amount: Decimal) -> ApiResult<i64> {
    if amount < Decimal::ZERO || !currency.is_rounded(amount) {
        return Err(invalid(format!(
            "The {name} must be zero or more in whole cents, not {amount}."
        )));
    }
    minor(currency, amount)
}

fn joined(codes: &[String], uppercase: bool) -> String {
    codes
        .iter()
        .map(|code| code.trim())
        .filter(|code| !code.is_empty())
        .map(|code| {
            if uppercase {
                code.to_uppercase()
            } else {
                code.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn limit(value: Option<u32>) -> Option<i64> {
    value.map(i64::from)
}

fn coupon_view(
    settings: &StoreSettings,
    row: CouponRow,
    targets: Vec<i64>,
    used: i64,
) -> ApiResult<CouponView> {
    let currency = &settings.pricing.currency;
    Ok(CouponView {
        coupon: CouponInput {
            code: row.code,
            description: row.description,
            kind: match row.kind.as_str() {
                "percent" => CouponKind::Percent,
                "fixed" => CouponKind::Fixed,
                _ => CouponKind::None,
            },
            percent: row.percent.as_deref().map(parse_decimal).transpose()?,
            amount: row
                .amount_minor
                .map(|amount| currency.from_minor_units(amount)),
            scope: match row.scope.as_str() {
                "products" => CouponScope::Products,
                "categories" => CouponScope::Categories,
                _ => CouponScope::Cart,
            },
            targets,
            free_shipping: row.free_shipping,
            minimum_subtotal: currency.from_minor_units(row.minimum_subtotal_minor),
            valid_from: row.valid_from,
            valid_to: row.valid_to,
            usage_limit: row.usage_limit.and_then(|value| u32::try_from(value).ok()),
            per_customer_limit: row
                .per_customer_limit
                .and_then(|value| u32::try_from(value).ok()),
            customer_id: row.customer_id,
            customer_group: row.customer_group,
            combinable: row.combinable,
            active: row.active,
        },
        times_used: used,
    })
}

fn carrier_input(
    settings: &StoreSettings,
    row: &CarrierRow,
    ranges: &[CarrierRangeRow],
    class: Option<String>,
) -> CarrierInput {
    let currency = &settings.pricing.currency;
    let basis = if row.basis == "price" {
        RangeBasis::Price
    } else {
        RangeBasis::Weight
    };
    let value = |raw: i64| match basis {
        RangeBasis::Price => currency.from_minor_units(raw),
        RangeBasis::Weight => Decimal::from(raw),
    };
    CarrierInput {
        code: row.code.clone(),
        name: row.name.clone(),
        active: row.active,
        is_pickup: row.is_pickup,
        basis,
        ranges: ranges
            .iter()
            .filter(|range| range.carrier_id == row.id)
            .map(|range| CarrierRangeInput {
                from: value(range.from_value),
                to: range.to_value.map(value),
                price: currency.from_minor_units(range.price_minor),
            })
            .collect(),
        countries: code_list(&row.countries),
        customer_groups: code_list(&row.customer_groups),
        free_over: row
            .free_over_minor
            .map(|free| currency.from_minor_units(free)),
        tax_class: class,
    }
}

fn range_value(currency: &Currency, basis: RangeBasis, value: Decimal) -> ApiResult<i64> {
    match basis {
        RangeBasis::Price => money(currency, "range limit", value),
        RangeBasis::Weight => {
            if value < Decimal::ZERO || value.fract() != Decimal::ZERO {
                return Err(invalid(format!(
                    "Weights are whole grams, zero or more, not {value}."
                )));
            }
            i64::try_from(value.mantissa() / 10_i128.pow(value.scale()))
                .map_err(|_| invalid(format!("The weight {value} is too large.")))
        }
    }
}

impl Kassa {
    /// Every coupon with how often it was used, newest first.
    pub async fn list_coupons(&self) -> ApiResult<Vec<CouponView>> {
        let settings = self.settings().await?;
        let mut views = Vec::new();
        for row in self.store.list_coupons().await? {
            let targets = self.store.coupon_targets(row.id).await?;
            let (used, _) = self.store.coupon_usage(row.id, None).await?;
            views.push(coupon_view(&settings, row, targets, used)?);
        }
        Ok(views)
    }

    /// Creates a coupon or updates the one with the same code.
    pub async fn save_coupon(&self, input: CouponInput) -> ApiResult<CouponView> {
        self.authorize(Permission::Settings).await?;
        let settings = self.settings().await?;
        let currency = &settings.pricing.currency;
        let code = code("coupon code", &input.code)?;
        let (percent, amount_minor) = match input.kind {
            CouponKind::Percent => {
                let percent = input
                    .percent
                    .filter(|p| *p > Decimal::ZERO && *p <= Decimal::ONE_HUNDRED)
                    .ok_or_else(|| {
                        invalid("A percent coupon needs a percent above 0 and at most 100.")
                    })?;
                (Some(percent.normalize().to_string()), None)
            }
            CouponKind::Fixed => {
                let amount = input
                    .amount
                    .filter(|amount| *amount > Decimal::ZERO)
                    .ok_or_else(|| invalid("A fixed coupon needs an amount above 0."))?;
                (None, Some(money(currency, "coupon amount", amount)?))
            }
            CouponKind::None => {
                if !input.free_shipping {
                    return Err(invalid(
                        "A coupon that takes nothing off must at least make shipping free.",
                    ));
                }
                (None, None)
            }
        };
        if input.scope != CouponScope::Cart && input.targets.is_empty() {
            return Err(invalid(
                "Choose the products or categories the coupon is for.",
            ));
        }
        if let (Some(from), Some(to)) = (input.valid_from, input.valid_to)
            && to < from
        {
            return Err(invalid("The coupon's end date is before its start date."));
        }
        if let Some(customer_id) = input.customer_id
            && self.store.customer(customer_id).await?.is_none()
        {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("Customer {customer_id} does not exist."),
            ));
        }
        let row = CouponRow {
            id: 0,
            code: code.clone(),
            description: input.description.trim().to_owned(),
            kind: match input.kind {
                CouponKind::Percent => "percent",
                CouponKind::Fixed => "fixed",
                CouponKind::None => "none",
            }
            .to_owned(),
            percent,
            amount_minor,
            scope: match input.scope {
                CouponScope::Cart => "cart",
                CouponScope::Products => "products",
                CouponScope::Categories => "categories",
            }
            .to_owned(),
            free_shipping: input.free_shipping,
            minimum_subtotal_minor: money(currency, "minimum subtotal", input.minimum_subtotal)?,
            valid_from: input.valid_from,
            valid_to: input.valid_to,
            usage_limit: limit(input.usage_limit),
            per_customer_limit: limit(input.per_customer_limit),
            customer_id: input.customer_id,
            customer_group: input
                .customer_group
                .as_deref()
                .map(str::trim)
                .filter(|group| !group.is_empty())
                .map(str::to_owned),
            combinable: input.combinable,
            active: input.active,
        };
        let targets: Vec<i64> = if input.scope == CouponScope::Cart {
            Vec::new()
        } else {
            input
                .targets
                .iter()
                .copied()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        };
        let mut tx = self.store.begin_write().await?;
        tx.save_coupon(
            &CouponWrite {
                coupon: &row,
                targets: &targets,
            },
            self.clock.now(),
        )
        .await?;
        tx.commit().await?;
        let saved =
            self.store.coupon_by_code(&code).await?.ok_or_else(|| {
                ApiError::new(ErrorCode::Internal, "The coupon cannot be read back.")
            })?;
        let (used, _) = self.store.coupon_usage(saved.id, None).await?;
        let targets = self.store.coupon_targets(saved.id).await?;
        coupon_view(&settings, saved, targets, used)
    }

    /// Every carrier with its ranges, in display order.
    pub async fn list_carriers(&self) -> ApiResult<Vec<CarrierInput>> {
        let settings = self.settings().await?;
        let rows = self.store.carriers().await?;
        let ranges = self.store.carrier_ranges().await?;
        let classes = self.store.tax_classes().await?;
        Ok(rows
            .iter()
            .map(|row| {
                let class = row.tax_class_id.and_then(|id| {
                    classes
                        .iter()
                        .find(|(class_id, _)| *class_id == id)
                        .map(|(_, code)| code.clone())
                });
                carrier_input(&settings, row, &ranges, class)
            })
            .collect())
    }

    /// Creates a carrier or updates the one with the same code, with its ranges.
    pub async fn save_carrier(&self, input: CarrierInput) -> ApiResult<CarrierInput> {
        self.authorize(Permission::Settings).await?;
        let settings = self.settings().await?;
        let currency = &settings.pricing.currency;
        let code = code("carrier code", &input.code)?;
        let name = input.name.trim();
        if name.is_empty() {
            return Err(invalid("The carrier needs a name."));
        }
        if !input.is_pickup && input.ranges.is_empty() {
            return Err(invalid(
                "A carrier needs at least one range with a price (e.g. from 0, no end, 5.90).",
            ));
        }
        let mut ranges = Vec::with_capacity(input.ranges.len());
        for (index, range) in (1_usize..).zip(&input.ranges) {
            let from = range_value(currency, input.basis, range.from)?;
            let to = range
                .to
                .map(|to| range_value(currency, input.basis, to))
                .transpose()?;
            if to.is_some_and(|to| to <= from) {
                return Err(invalid(format!(
                    "Range {index} ends at or before it starts ({} to {}).",
                    range.from,
                    range.to.unwrap_or_default()
                )));
            }
            ranges.push(CarrierRangeRow {
                carrier_id: 0,
                from_value: from,
                to_value: to,
                price_minor: money(currency, "range price", range.price)?,
            });
        }
        ranges.sort_by_key(|range| range.from_value);
        for pair in ranges.windows(2) {
            if let [first, second] = pair
                && first.to_value.is_none_or(|to| to > second.from_value)
            {
                return Err(invalid(
                    "Two ranges overlap: each range must end where or before the next starts.",
                ));
            }
        }
        let tax_class_id = match input
            .tax_class
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            Some(class) => Some(
                self.store
                    .tax_class_id(class)
                    .await?
                    .ok_or_else(|| invalid(format!("There is no tax class {class}.")))?,
            ),
            None => None,
        };
        let position = match self
            .store
            .carriers()
            .await?
            .iter()
            .find(|carrier| carrier.code == code)
        {
            Some(existing) => existing.position,
            None => i64::try_from(self.store.carriers().await?.len()).unwrap_or(i64::MAX),
        };
        let row = CarrierRow {
            id: 0,
            code: code.clone(),
            name: name.to_owned(),
            active: input.active,
            is_pickup: input.is_pickup,
            basis: match input.basis {
                RangeBasis::Weight => "weight",
                RangeBasis::Price => "price",
            }
            .to_owned(),
            countries: joined(&input.countries, true),
            customer_groups: joined(&input.customer_groups, false),
            free_over_minor: input
                .free_over
                .map(|free| money(currency, "free shipping threshold", free))
                .transpose()?,
            tax_class_id,
            position,
        };
        let mut tx = self.store.begin_write().await?;
        tx.save_carrier(&row, &ranges).await?;
        tx.commit().await?;
        self.list_carriers()
            .await?
            .into_iter()
            .find(|carrier| carrier.code == code)
            .ok_or_else(|| ApiError::new(ErrorCode::Internal, "The carrier cannot be read back."))
    }

    /// Every payment method with its initial status and restrictions.
    pub async fn list_payment_methods(&self) -> ApiResult<Vec<PaymentMethodInput>> {
        Ok(self
            .store
            .payment_methods()
            .await?
            .into_iter()
            .map(|row| PaymentMethodInput {
                code: row.code,
                label: row.label,
                active: row.active,
                initial_status: row.initial_status,
                currencies: code_list(&row.currencies),
                countries: code_list(&row.countries),
                customer_groups: code_list(&row.customer_groups),
                carriers: code_list(&row.carriers),
            })
            .collect())
    }

    /// Saves a payment method's label, initial status, restrictions and whether it is
    /// offered.
    pub async fn save_payment_method(
        &self,
        input: PaymentMethodInput,
    ) -> ApiResult<PaymentMethodInput> {
        self.authorize(Permission::Settings).await?;
        let label = input.label.trim();
        if label.is_empty() {
            return Err(invalid("The payment method needs a label."));
        }
        let Some(existing) = self
            .store
            .payment_methods()
            .await?
            .into_iter()
            .find(|method| method.code == input.code)
        else {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("There is no payment method {}.", input.code),
            ));
        };
        if !self
            .store
            .statuses()
            .await?
            .iter()
            .any(|status| status.code == input.initial_status)
        {
            return Err(invalid(format!(
                "There is no order status {}.",
                input.initial_status
            )));
        }
        let row = PaymentMethodRow {
            code: existing.code.clone(),
            label: label.to_owned(),
            active: input.active,
            initial_status: input.initial_status.clone(),
            currencies: joined(&input.currencies, true),
            countries: joined(&input.countries, true),
            customer_groups: joined(&input.customer_groups, false),
            carriers: joined(&input.carriers, false),
            position: existing.position,
            pays_now: existing.pays_now,
        };
        let mut tx = self.store.begin_write().await?;
        tx.save_payment_method(&row).await?;
        tx.commit().await?;
        self.list_payment_methods()
            .await?
            .into_iter()
            .find(|method| method.code == existing.code)
            .ok_or_else(|| ApiError::new(ErrorCode::Internal, "The method cannot be read back."))
    }

    /// The store's tax and rounding settings and its rates.
    pub async fn tax_settings(&self) -> ApiResult<TaxSettingsView> {
        let settings = self.store.settings().await?;
        let get = |key: &str| settings.get(key).cloned().unwrap_or_default();
        Ok(TaxSettingsView {
            settings: TaxSettingsInput {
                price_mode: get("price_mode"),
                tax_rounding: get("tax_rounding"),
                cash_rounding_increment: parse_decimal(&get("cash_rounding_increment"))?,
            },
            rates: self
                .store
                .tax_rates()
                .await?
                .into_iter()
                .map(|row| {
                    Ok(TaxRateInput {
                        percent: parse_decimal(&row.percent)?,
                        class_code: row.class_code,
                        country_code: row.country_code,
                        label: row.label,
                    })
                })
                .collect::<ApiResult<_>>()?,
        })
    }

    /// Saves the price mode, the tax rounding and the cash rounding.
    pub async fn save_tax_settings(&self, input: TaxSettingsInput) -> ApiResult<TaxSettingsView> {
        self.authorize(Permission::Settings).await?;
        if !matches!(input.price_mode.as_str(), "tax_inclusive" | "tax_exclusive") {
            return Err(invalid(format!(
                "Prices are either tax_inclusive or tax_exclusive, not “{}”.",
                input.price_mode
            )));
        }
        if !matches!(input.tax_rounding.as_str(), "per_line" | "per_total") {
            return Err(invalid(format!(
                "Tax is rounded per_line or per_total, not “{}”.",
                input.tax_rounding
            )));
        }
        let settings = self.settings().await?;
        let increment = input.cash_rounding_increment;
        if increment < Decimal::ZERO
            || !settings.pricing.currency.is_rounded(increment)
            || increment > Decimal::ONE
        {
            return Err(invalid(format!(
                "The cash rounding step must be between 0 and 1 in whole cents (e.g. 0.05), not {increment}."
            )));
        }
        let mut tx = self.store.begin_write().await?;
        tx.set_setting("price_mode", &input.price_mode).await?;
        tx.set_setting("tax_rounding", &input.tax_rounding).await?;
        tx.set_setting(
            "cash_rounding_increment",
            &increment.normalize().to_string(),
        )
        .await?;
        tx.commit().await?;
        self.tax_settings().await
    }

    /// Creates or replaces a tax rate of a class, for every destination or one country.
    pub async fn save_tax_rate(&self, input: TaxRateInput) -> ApiResult<TaxSettingsView> {
        self.authorize(Permission::Settings).await?;
        if input.percent < Decimal::ZERO || input.percent > Decimal::ONE_HUNDRED {
            return Err(invalid(format!(
                "A tax rate is between 0 and 100 %, not {}.",
                input.percent
            )));
        }
        let label = input.label.trim();
        if label.is_empty() {
            return Err(invalid("The tax rate needs a label, e.g. VAT 21%."));
        }
        let country = input
            .country_code
            .as_deref()
            .map(|country| country.trim().to_uppercase())
            .filter(|country| !country.is_empty());
        if let Some(country) = &country
            && (country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase()))
        {
            return Err(invalid(format!(
                "The country must be a two-letter code such as FR, not “{country}”."
            )));
        }
        let mut tx = self.store.begin_write().await?;
        let saved = tx
            .save_tax_rate(&TaxRateRow {
                class_code: input.class_code.trim().to_owned(),
                country_code: country,
                label: label.to_owned(),
                percent: input.percent.normalize().to_string(),
            })
            .await?;
        if !saved {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("There is no tax class {}.", input.class_code),
            ));
        }
        tx.commit().await?;
        self.tax_settings().await
    }
}
