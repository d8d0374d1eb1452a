//! The owner's dashboard: sales today, this week and this month, the last 30 days for the
//! chart, and for a chosen range the best sellers, the payment-method split and the tax
//! summary per rate; each list can be exported as CSV (cells that would start a formula are
//! defused). Days are UTC days; test orders are left out.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc};
use kassa_domain::staff::Permission;
use kassa_store::reports::DaySalesRow;

use crate::api::{
    Dashboard, DashboardRequest, DaySales, MethodSales, PeriodSales, ProductSales, ReportExport,
    ReportExportRequest, TaxSummary,
};
use crate::documents::write_file;
use crate::jobs::spreadsheet_safe;
use crate::settings::StoreSettings;
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// Days on the chart.
const CHART_DAYS: u64 = 30;
/// Best sellers shown.
const TOP: i64 = 10;
/// Best sellers exported.
const TOP_EXPORT: i64 = 10_000;
/// The longest range a dashboard list covers.
const MAX_RANGE_DAYS: i64 = 3_660;

fn start_of(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_time(chrono::NaiveTime::MIN))
}

fn invalid(message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

/// The range `[from, to]` as instants `[start of from, start of the day after to)`.
fn range(request: &DashboardRequest, today: NaiveDate) -> ApiResult<(NaiveDate, NaiveDate)> {
    let first_of_month = today.with_day(1).unwrap_or(today);
    let from = request.from.unwrap_or(first_of_month);
    let to = request.to.unwrap_or(today);
    if from > to {
        return Err(invalid(format!(
            "from: the range starts on {from}, after it ends ({to})."
        )));
    }
    if (to - from).num_days() > MAX_RANGE_DAYS {
        return Err(invalid(format!(
            "to: a range covers at most {MAX_RANGE_DAYS} days."
        )));
    }
    Ok((from, to))
}

fn period(settings: &StoreSettings, days: &[DaySalesRow], from: NaiveDate) -> PeriodSales {
    let currency = &settings.pricing.currency;
    let since = from.format("%Y-%m-%d").to_string();
    let rows = days.iter().filter(|row| row.day >= since);
    let (mut orders, mut total, mut tax, mut refunded) = (0, 0, 0, 0);
    for row in rows {
        orders += row.orders;
        total += row.total_minor;
        tax += row.tax_minor;
        refunded += row.refunded_minor;
    }
    PeriodSales {
        orders,
        total: currency.from_minor_units(total),
        tax: currency.from_minor_units(tax),
        refunded: currency.from_minor_units(refunded),
    }
}

fn csv_error(error: impl std::fmt::Display) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        format!("The CSV file could not be written: {error}"),
    )
}

impl Kassa {
    /// The dashboard for today, this week, this month and the chosen range.
    pub async fn dashboard(&self, request: DashboardRequest) -> ApiResult<Dashboard> {
        self.authorize(Permission::Reports).await?;
        let settings = self.settings().await?;
        let currency = &settings.pricing.currency;
        let today = self.clock.now().date_naive();
        let (from, to) = range(&request, today)?;
        let tomorrow = today + Days::new(1);
        let chart_start = today - Days::new(CHART_DAYS - 1);
        let week_start = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
        let month_start = today.with_day(1).unwrap_or(today);
        // One pass over the days since the earliest period start feeds all three periods
        // and the chart.
        let earliest = chart_start.min(week_start).min(month_start);
        let days = self
            .store
            .sales_by_day(start_of(earliest), start_of(tomorrow))
            .await?;
        let mut chart = Vec::new();
        let mut day = chart_start;
        while day <= today {
            let key = day.format("%Y-%m-%d").to_string();
            let row = days.iter().find(|row| row.day == key);
            chart.push(DaySales {
                day,
                orders: row.map_or(0, |row| row.orders),
                total: currency.from_minor_units(row.map_or(0, |row| row.total_minor)),
            });
            day = day + Days::new(1);
        }
        let (start, end) = (start_of(from), start_of(to + Days::new(1)));
        Ok(Dashboard {
            currency_code: currency.code.clone(),
            today: period(&settings, &days, today),
            week: period(&settings, &days, week_start),
            month: period(&settings, &days, month_start),
            days: chart,
            from,
            to,
            top_products: self
                .store
                .top_products(start, end, TOP)
                .await?
                .into_iter()
                .map(|row| ProductSales {
                    sku: row.sku,
                    name: row.name,
                    quantity: row.quantity,
                    total: currency.from_minor_units(row.total_minor),
                })
                .collect(),
            payment_methods: self
                .store
                .payment_split(start, end)
                .await?
                .into_iter()
                .map(|row| MethodSales {
                    method: row.method,
                    label: row.label,
                    count: row.count,
                    amount: currency.from_minor_units(row.amount_minor),
                })
                .collect(),
            taxes: self
                .store
                .tax_summary(start, end)
                .await?
                .into_iter()
                .map(|row| TaxSummary {
                    label: row.label,
                    percent: row.percent,
                    base: currency.from_minor_units(row.base_minor),
                    tax: currency.from_minor_units(row.tax_minor),
                })
                .collect(),
        })
    }

    /// Writes one of the dashboard's lists for a range to `exports/` as CSV (UTF-8 with a
    /// byte-order mark; formula-like cells defused).
    pub async fn export_report(&self, request: ReportExportRequest) -> ApiResult<ReportExport> {
        self.authorize(Permission::Reports).await?;
        let settings = self.settings().await?;
        let currency = &settings.pricing.currency;
        let today = self.clock.now().date_naive();
        let (from, to) = range(&request.range, today)?;
        let (start, end) = (start_of(from), start_of(to + Days::new(1)));
        let money = |minor: i64| currency.from_minor_units(minor).to_string();
        let (header, rows): (Vec<&str>, Vec<Vec<String>>) = match request.kind.as_str() {
            "days" => (
                vec!["day", "orders", "total", "tax", "refunded"],
                self.store
                    .sales_by_day(start, end)
                    .await?
                    .into_iter()
                    .map(|row| {
                        vec![
                            row.day,
                            row.orders.to_string(),
                            money(row.total_minor),
                            money(row.tax_minor),
                            money(row.refunded_minor),
                        ]
                    })
                    .collect(),
            ),
            "products" => (
                vec!["sku", "name", "quantity", "total"],
                self.store
                    .top_products(start, end, TOP_EXPORT)
                    .await?
                    .into_iter()
                    .map(|row| {
                        vec![
                            row.sku,
                            row.name,
                            row.quantity.to_string(),
                            money(row.total_minor),
                        ]
                    })
                    .collect(),
            ),
            "payments" => (
                vec!["method", "label", "payments", "amount"],
                self.store
                    .payment_split(start, end)
                    .await?
                    .into_iter()
                    .map(|row| {
                        vec![
                            row.method,
                            row.label,
                            row.count.to_string(),
                            money(row.amount_minor),
                        ]
                    })
                    .collect(),
            ),
            "taxes" => (
                vec!["rate", "percent", "net", "tax"],
                self.store
                    .tax_summary(start, end)
                    .await?
                    .into_iter()
                    .map(|row| {
                        vec![
                            row.label,
                            row.percent,
                            money(row.base_minor),
                            money(row.tax_minor),
                        ]
                    })
                    .collect(),
            ),
            other => {
                return Err(invalid(format!(
                    "kind: the dashboard exports days, products, payments or taxes, not “{other}”."
                )));
            }
        };
        let mut writer = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Always)
            .from_writer(b"\xEF\xBB\xBF".to_vec());
        writer.write_record(&header).map_err(csv_error)?;
        for row in &rows {
            writer
                .write_record(row.iter().map(|cell| spreadsheet_safe(cell)))
                .map_err(csv_error)?;
        }
        let bytes = writer.into_inner().map_err(csv_error)?;
        let path = self
            .data_folder("exports")
            .join(format!("{}-{from}-{to}.csv", request.kind));
        write_file(&path, &bytes)?;
        Ok(ReportExport {
            path: path.display().to_string(),
            rows: i64::try_from(rows.len()).unwrap_or(i64::MAX),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Months;

    #[test]
    fn the_default_range_is_this_month_and_a_reversed_one_is_refused() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let month = range(&DashboardRequest::default(), today);
        assert_eq!(
            month.ok(),
            Some((
                NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default(),
                today
            ))
        );
        let reversed = DashboardRequest {
            from: Some(today),
            to: today.checked_sub_months(Months::new(1)),
        };
        assert_eq!(
            range(&reversed, today).map_err(|error| error.code),
            Err(ErrorCode::InvalidInput)
        );
    }
}
