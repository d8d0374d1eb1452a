//! Register sessions: open with a counted float, cash in and out with a reason, an X report
//! at any time, and the close: counted amounts per payment method against what should be
//! there, frozen as the Z report (journaled, saved as a PDF, printable on the receipt
//! printer and reprintable).
//!
//! Orders rung up while a session is open are filed under it in the checkout transaction,
//! so a report is a few indexed `GROUP BY`s: closing a session of 10,000 orders takes
//! milliseconds (`benches/registers.rs`).

use chrono::{DateTime, Utc};
use kassa_documents::model::Currency as DocCurrency;
use kassa_documents::{
    DrawerKick, ReceiptCodePage, ReceiptPrintOptions, ReportDocument, ReportRow, ReportSection,
};
use kassa_domain::staff::Permission;
use kassa_store::registers::{SessionFigures, SessionRow};
use rust_decimal::Decimal;

use crate::api::{
    CashMovementRequest, CashMovementView, CloseRegisterRequest, OpenRegisterRequest, PrintOutcome,
    RegisterReport, RegisterSessionRequest, RegisterSessionView, ReportMethodLine, ReportTaxLine,
    SavedReport,
};
use crate::checkout::minor;
use crate::settings::StoreSettings;
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// The payment method whose expected amount includes the float and the cash movements.
const CASH: &str = "cash";
/// The longest reason of a cash movement.
const MAX_REASON: usize = 200;

fn not_open(register: &str) -> ApiError {
    ApiError::new(
        ErrorCode::RegisterNotOpen,
        format!("Register {register} is not open: open it with a counted float first."),
    )
}

fn session_view(settings: &StoreSettings, row: &SessionRow) -> RegisterSessionView {
    RegisterSessionView {
        id: row.id,
        register_code: row.register_code.clone(),
        number: row.number,
        opened_at: row.opened_at,
        opened_by: row.opened_by.clone(),
        opening_float: settings
            .pricing
            .currency
            .from_minor_units(row.opening_float_minor),
        closed_at: row.closed_at,
        closed_by: row.closed_by.clone(),
    }
}

/// Makes an X report (no counts) or a Z report (with counts) from a session's figures.
fn report(
    settings: &StoreSettings,
    figures: &SessionFigures,
    counted: Option<&[crate::api::CountedAmount]>,
    made_at: DateTime<Utc>,
) -> RegisterReport {
    let currency = &settings.pricing.currency;
    let money = |minor: i64| currency.from_minor_units(minor);
    let cash_in: i64 = figures
        .movements
        .iter()
        .filter(|movement| movement.kind == "in")
        .map(|movement| movement.amount_minor)
        .sum();
    let cash_out: i64 = figures
        .movements
        .iter()
        .filter(|movement| movement.kind == "out")
        .map(|movement| movement.amount_minor)
        .sum();
    let mut methods: Vec<ReportMethodLine> = figures
        .methods
        .iter()
        .map(|method| ReportMethodLine {
            expected: money(if method.method == CASH {
                figures.session.opening_float_minor + method.amount_minor + cash_in - cash_out
            } else {
                method.amount_minor
            }),
            method: method.method.clone(),
            label: method.label.clone(),
            count: method.count,
            taken: money(method.amount_minor),
            counted: None,
            difference: None,
        })
        .collect();
    if !methods.iter().any(|line| line.method == CASH) {
        // The drawer holds the float (and movements) even without a cash sale.
        methods.insert(
            0,
            ReportMethodLine {
                method: CASH.to_owned(),
                label: "Cash".to_owned(),
                count: 0,
                taken: Decimal::ZERO,
                expected: money(figures.session.opening_float_minor + cash_in - cash_out),
                counted: None,
                difference: None,
            },
        );
    }
    let mut difference = None;
    if let Some(counted) = counted {
        let mut total = Decimal::ZERO;
        for line in &mut methods {
            if let Some(count) = counted.iter().find(|count| count.method == line.method) {
                let gap = count.amount - line.expected;
                line.counted = Some(count.amount);
                line.difference = Some(gap);
                total += gap;
            }
        }
        difference = Some(total);
    }
    RegisterReport {
        kind: if counted.is_some() { "z" } else { "x" }.to_owned(),
        session: session_view(settings, &figures.session),
        made_at,
        currency_code: currency.code.clone(),
        order_count: figures.sales.order_count,
        sales_total: money(figures.sales.total_minor),
        tax_total: money(figures.sales.tax_total_minor),
        refunded: money(figures.sales.refunded_minor),
        methods,
        taxes: figures
            .taxes
            .iter()
            .map(|tax| ReportTaxLine {
                label: tax.label.clone(),
                base: money(tax.base_minor),
                tax: money(tax.tax_minor),
            })
            .collect(),
        cash_in: money(cash_in),
        cash_out: money(cash_out),
        movements: figures
            .movements
            .iter()
            .map(|movement| CashMovementView {
                kind: movement.kind.clone(),
                amount: money(movement.amount_minor),
                reason: movement.reason.clone(),
                staff: movement.staff.clone(),
                at: movement.created_at,
            })
            .collect(),
        difference,
    }
}

fn checked_amount(settings: &StoreSettings, field: &str, amount: Decimal) -> ApiResult<i64> {
    if amount < Decimal::ZERO {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("{field}: an amount of money is not negative, not {amount}."),
        ));
    }
    if !settings.pricing.currency.is_rounded(amount) {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "{field}: {amount} has more decimals than {} has.",
                settings.pricing.currency.code
            ),
        ));
    }
    minor(&settings.pricing.currency, amount)
}

impl Kassa {
    /// The register's open session, if any.
    pub async fn current_register_session(&self) -> ApiResult<Option<RegisterSessionView>> {
        let settings = self.settings().await?;
        Ok(self
            .store
            .open_register_session(&self.register.register_code)
            .await?
            .map(|row| session_view(&settings, &row)))
    }

    /// Opens the register with a counted float; refused while a session is open.
    pub async fn open_register(
        &self,
        request: OpenRegisterRequest,
    ) -> ApiResult<RegisterSessionView> {
        self.authorize(Permission::CashDrawer).await?;
        let settings = self.settings().await?;
        let float = checked_amount(&settings, "opening_float", request.opening_float)?;
        let code = &self.register.register_code;
        let mut tx = self.store.begin_write().await?;
        if let Some(open) = tx.open_register_session(code).await? {
            return Err(ApiError::new(
                ErrorCode::RegisterAlreadyOpen,
                format!(
                    "Register {code} is already open (session {} since {}): close it before opening a new one.",
                    open.number,
                    open.opened_at.format("%Y-%m-%d %H:%M")
                ),
            ));
        }
        let id = tx
            .start_register_session(code, &self.acting_staff(), float, self.clock.now())
            .await?;
        tx.commit().await?;
        let row = self
            .store
            .register_session(id)
            .await?
            .ok_or_else(|| not_open(code))?;
        Ok(session_view(&settings, &row))
    }

    /// Puts cash into (`in`) or takes it out of (`out`) the drawer, with a reason; returns
    /// the X report after it.
    pub async fn cash_movement(&self, request: CashMovementRequest) -> ApiResult<RegisterReport> {
        self.authorize(Permission::CashDrawer).await?;
        let settings = self.settings().await?;
        if !matches!(request.kind.as_str(), "in" | "out") {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("kind: cash goes in or out, not “{}”.", request.kind),
            ));
        }
        let amount = checked_amount(&settings, "amount", request.amount)?;
        if amount == 0 {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "amount: a cash movement is more than zero.",
            ));
        }
        let reason = request.reason.trim();
        if reason.is_empty() || reason.chars().count() > MAX_REASON {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("reason: say why the cash moves (1 to {MAX_REASON} characters)."),
            ));
        }
        let code = &self.register.register_code;
        let mut tx = self.store.begin_write().await?;
        let session = tx
            .open_register_session(code)
            .await?
            .ok_or_else(|| not_open(code))?;
        tx.add_cash_movement(
            session.id,
            &request.kind,
            amount,
            reason,
            &self.acting_staff(),
            self.clock.now(),
        )
        .await?;
        tx.commit().await?;
        self.x_report().await
    }

    /// The X report: the open session so far.
    pub async fn x_report(&self) -> ApiResult<RegisterReport> {
        self.authorize(Permission::CashDrawer).await?;
        let settings = self.settings().await?;
        let code = &self.register.register_code;
        let session = self
            .store
            .open_register_session(code)
            .await?
            .ok_or_else(|| not_open(code))?;
        let figures = self.store.session_figures(session).await?;
        Ok(report(&settings, &figures, None, self.clock.now()))
    }

    /// Closes the register: the counted amounts against what should be there, frozen as the
    /// Z report in the same transaction as the journal entry; then saves its PDF.
    pub async fn close_register(&self, request: CloseRegisterRequest) -> ApiResult<SavedReport> {
        self.authorize(Permission::CashDrawer).await?;
        let settings = self.settings().await?;
        for (index, count) in request.counted.iter().enumerate() {
            checked_amount(&settings, &format!("counted[{index}]"), count.amount)?;
        }
        if !request.counted.iter().any(|count| count.method == CASH) {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "counted: count the cash in the drawer before closing.",
            ));
        }
        let code = &self.register.register_code;
        let now = self.clock.now();
        let mut tx = self.store.begin_write().await?;
        let session = tx
            .open_register_session(code)
            .await?
            .ok_or_else(|| not_open(code))?;
        let mut figures = tx.session_figures(session).await?;
        figures.session.closed_at = Some(now);
        figures.session.closed_by = Some(self.acting_staff());
        let z = report(&settings, &figures, Some(&request.counted), now);
        let frozen = serde_json::to_string(&z).map_err(|error| {
            ApiError::new(
                ErrorCode::Internal,
                format!("The Z report cannot be stored: {error}"),
            )
        })?;
        if !tx
            .close_register_session(figures.session.id, &self.acting_staff(), &frozen, now)
            .await?
        {
            return Err(not_open(code));
        }
        crate::journal::journal_close_in_tx(&mut tx, figures.session.id, &frozen, now).await?;
        tx.commit().await?;
        let path = self.save_report_pdf(&z).await?;
        Ok(SavedReport { path, report: z })
    }

    /// The register's sessions, newest first.
    pub async fn register_sessions(&self) -> ApiResult<Vec<RegisterSessionView>> {
        let settings = self.settings().await?;
        Ok(self
            .store
            .register_sessions(&self.register.register_code, 100)
            .await?
            .iter()
            .map(|row| session_view(&settings, row))
            .collect())
    }

    /// A closed session's Z report exactly as it was closed.
    pub async fn z_report(&self, request: RegisterSessionRequest) -> ApiResult<RegisterReport> {
        self.authorize(Permission::CashDrawer).await?;
        let row = self
            .store
            .register_session(request.session_id)
            .await?
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("Register session {} does not exist.", request.session_id),
                )
            })?;
        let frozen = row.report.ok_or_else(|| {
            ApiError::new(
                ErrorCode::RegisterNotOpen,
                format!(
                    "Session {} is still open: its X report shows it so far.",
                    row.number
                ),
            )
        })?;
        serde_json::from_str(&frozen).map_err(|error| {
            ApiError::new(
                ErrorCode::Internal,
                format!("The stored Z report cannot be read: {error}"),
            )
        })
    }

    /// Saves a closed session's Z report as a PDF again (a reprint).
    pub async fn save_z_report(&self, request: RegisterSessionRequest) -> ApiResult<SavedReport> {
        self.authorize(Permission::CashDrawer).await?;
        let z = self.z_report(request).await?;
        let path = self.save_report_pdf(&z).await?;
        Ok(SavedReport { path, report: z })
    }

    /// Prints a closed session's Z report on the receipt printer (no drawer kick).
    pub async fn print_z_report(&self, request: RegisterSessionRequest) -> ApiResult<PrintOutcome> {
        self.authorize(Permission::CashDrawer).await?;
        let z = self.z_report(request).await?;
        let settings = self.settings().await?;
        let document = self.report_document(&z).await?;
        let printer = self.printer_settings().await?;
        let address = crate::printing::printer_address(&printer.address)?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::PrinterNotConfigured,
                "No receipt printer is set up (Settings → Receipt printer).",
            )
        })?;
        let options = ReceiptPrintOptions {
            paper: crate::printing::paper(printer.paper_mm)?,
            code_page: ReceiptCodePage::Western,
            drawer: DrawerKick::Never,
        };
        let bytes = kassa_documents::render_report(
            &crate::documents::shop_details(&settings.store),
            &document,
            &options,
        )
        .map_err(|error| {
            ApiError::new(
                ErrorCode::PrinterFailed,
                format!("The report could not be made: {error}"),
            )
        })?;
        let length = crate::printing::send(address, bytes, |error| {
            format!("The printer did not take the Z report ({error}). It is saved: print it again later.")
        })
        .await?;
        Ok(PrintOutcome {
            reference: Some(format!("Z {}", z.session.number)),
            bytes: length,
        })
    }
}

impl Kassa {
    /// A report as the documents crate lays it out: figures formatted the store's way.
    async fn report_document(&self, z: &RegisterReport) -> ApiResult<ReportDocument> {
        let locale = self.document_locale().await?;
        let currency = DocCurrency::new(
            &z.currency_code,
            self.settings().await?.pricing.currency.minor_unit_digits,
        );
        let money = |amount: Decimal| locale.numbers.format_money(amount, &currency);
        let when = |at: DateTime<Utc>| locale.dates.format_date_time(at.naive_utc());
        let row = |label: &str, value: String, emphasis: bool| ReportRow {
            label: label.to_owned(),
            value,
            emphasis,
        };
        let session = &z.session;
        let mut lines = vec![
            format!("Register {}", session.register_code),
            format!(
                "Opened {} by {}",
                when(session.opened_at),
                session.opened_by
            ),
        ];
        match (session.closed_at, &session.closed_by) {
            (Some(at), Some(by)) => lines.push(format!("Closed {} by {by}", when(at))),
            _ => lines.push(format!("So far, at {}", when(z.made_at))),
        }
        let mut methods = Vec::new();
        for line in &z.methods {
            methods.push(row(
                &format!("{} ({}×)", line.label, line.count),
                money(line.taken),
                false,
            ));
            methods.push(row(
                &format!("{} expected", line.label),
                money(line.expected),
                false,
            ));
            if let (Some(counted), Some(difference)) = (line.counted, line.difference) {
                methods.push(row(
                    &format!("{} counted", line.label),
                    money(counted),
                    false,
                ));
                methods.push(row(
                    &format!("{} difference", line.label),
                    money(difference),
                    true,
                ));
            }
        }
        let mut drawer = vec![
            row("Opening float", money(session.opening_float), false),
            row("Cash in", money(z.cash_in), false),
            row("Cash out", money(z.cash_out), false),
        ];
        for movement in &z.movements {
            drawer.push(row(
                &format!(
                    "{} {}: {}",
                    if movement.kind == "in" { "In" } else { "Out" },
                    when(movement.at),
                    movement.reason
                ),
                money(movement.amount),
                false,
            ));
        }
        let mut sections = vec![
            ReportSection {
                heading: "Sales".to_owned(),
                rows: vec![
                    row("Orders", z.order_count.to_string(), false),
                    row("Sales total", money(z.sales_total), true),
                    row("Tax", money(z.tax_total), false),
                    row("Refunded", money(z.refunded), false),
                ],
            },
            ReportSection {
                heading: "Payment methods".to_owned(),
                rows: methods,
            },
            ReportSection {
                heading: "Cash drawer".to_owned(),
                rows: drawer,
            },
            ReportSection {
                heading: "Taxes".to_owned(),
                rows: z
                    .taxes
                    .iter()
                    .map(|tax| {
                        row(
                            &tax.label,
                            format!("{} / {}", money(tax.base), money(tax.tax)),
                            false,
                        )
                    })
                    .collect(),
            },
        ];
        if let Some(difference) = z.difference {
            sections.push(ReportSection {
                heading: "Result".to_owned(),
                rows: vec![row("Counted − expected", money(difference), true)],
            });
        }
        Ok(ReportDocument {
            title: if z.kind == "z" {
                format!("Z report {}", session.number)
            } else {
                format!("X report (session {})", session.number)
            },
            lines,
            sections,
        })
    }

    /// Writes a report's PDF to `documents/` beside the database; returns its path.
    async fn save_report_pdf(&self, z: &RegisterReport) -> ApiResult<String> {
        let settings = self.settings().await?;
        let shop = crate::documents::shop_details(&settings.store);
        let locale = self.document_locale().await?;
        let maker = self.document_maker().await?;
        let document = self.report_document(z).await?;
        let bytes = tokio::task::spawn_blocking(move || maker.report(&shop, &document, locale))
            .await
            .map_err(crate::documents::document_error)?
            .map_err(crate::documents::document_error)?;
        let name = format!(
            "{}-{}-report-{}.pdf",
            z.session.register_code, z.kind, z.session.number
        );
        let path = self.data_folder("documents").join(name);
        crate::documents::write_file(&path, &bytes)?;
        Ok(path.display().to_string())
    }
}
