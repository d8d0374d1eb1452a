//! CSV import and export of products.
//!
//! An import reads the file on the blocking pool (never on the async threads that serve the
//! counter): a UTF-8 byte-order mark is skipped, a file that is not UTF-8 is refused with
//! the line of the first bad byte, the delimiter (`,`, `;` or tab) is taken from the header
//! line, and every cell is checked with the same rules as the product form
//! (`products.rs`). The good rows are then matched with the catalog by the store
//! (`kassa_store::catalog_import`) and written in ONE transaction: any refused row means
//! nothing is imported, and importing the same file again updates the products by SKU.
//!
//! `preview_product_import` answers what would happen (creates, updates, refused rows with
//! line, column and reason). `start_product_import` runs the import as a background task
//! and returns a job id; `product_import_status` reports its progress from memory while it
//! runs and its recorded outcome afterwards.
//!
//! The export writes every product (or a category's) to `exports/` beside the database, in
//! the import's columns, so that export → edit → import is a round trip: UTF-8 with a
//! byte-order mark, every field quoted, cells that would start a formula prefixed with an
//! apostrophe (which the import removes again).

use kassa_domain::staff::Permission;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::atomic::{AtomicI64, AtomicU8, Ordering};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use kassa_domain::money::Currency;
use kassa_store::catalog_import::{
    ImportColumns, ImportFailure, ImportRow, StagedProblem, StagedRowProblem,
};
use rust_decimal::Decimal;

use crate::api::{
    ExportProductsRequest, ImportJobRequest, ImportPreview, ImportProblem, ImportState,
    ProductExport, ProductImportRequest, ProductImportStatus,
};
use crate::documents::write_file;
use crate::jobs::spreadsheet_safe;
use crate::products::{
    FieldError, attribute_key, check_attributes, check_barcodes, check_bin, check_category_name,
    check_description, check_name, check_price, check_sku, check_stock, check_weight,
};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// The columns, in the export's order.
pub const PRODUCT_COLUMNS: [&str; 15] = [
    "sku",
    "name",
    "description",
    "parent_sku",
    "attributes",
    "category",
    "price",
    "tax_class",
    "barcodes",
    "stock",
    "weight_grams",
    "shippable",
    "kind",
    "active",
    "bin_location",
];

/// The most rows one file may have.
const MAX_ROWS: usize = 2_000_000;
/// Refused rows listed in a preview or status (all are counted).
const LISTED_PROBLEMS: usize = 500;
/// Products per page of the export.
const EXPORT_PAGE: i64 = 5_000;

/// A recognised column: its index in [`PRODUCT_COLUMNS`].
fn column_of(header: &str) -> Option<usize> {
    let normal: String = header
        .trim()
        .to_lowercase()
        .chars()
        .map(|character| match character {
            ' ' | '-' => '_',
            other => other,
        })
        .collect();
    let canonical = match normal.as_str() {
        "product_name" => "name",
        "parent" => "parent_sku",
        "attribute" => "attributes",
        "category_path" | "categories" => "category",
        "tax" => "tax_class",
        "barcode" | "ean" => "barcodes",
        "stock_on_hand" | "quantity" => "stock",
        "weight" => "weight_grams",
        "type" => "kind",
        "bin" => "bin_location",
        other => other,
    };
    PRODUCT_COLUMNS
        .iter()
        .position(|column| *column == canonical)
}

/// The rows of a file, checked cell by cell.
#[derive(Debug, Default)]
struct ParsedFile {
    rows: Vec<ImportRow>,
    columns: ImportColumns,
    header: Vec<String>,
    ignored: Vec<String>,
    problems: Vec<ImportProblem>,
    total_rows: u64,
}

fn file_error(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::ImportFileInvalid, message)
}

/// The text of the file: without a UTF-8 byte-order mark; refused when it is not UTF-8.
fn decode(mut bytes: Vec<u8>) -> ApiResult<String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        let line = error
            .as_bytes()
            .get(..at)
            .map_or(0, |before| before.iter().filter(|byte| **byte == b'\n').count())
            + 1;
        file_error(format!(
            "The file is not UTF-8 text (line {line} has a character in another encoding). Save it as “CSV UTF-8” and import it again."
        ))
    })
}

/// The delimiter the header line uses most: `,`, `;` or tab.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut quoted = false;
    let mut counts = [0_usize; 3];
    for character in header.chars() {
        match character {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let [comma, semicolon, tab] = counts;
    if tab > comma && tab >= semicolon {
        b'\t'
    } else if semicolon > comma {
        b';'
    } else {
        b','
    }
}

/// A cell as typed, without the apostrophe the export puts before a formula-like cell.
fn cell(value: &str) -> &str {
    let value = value.trim();
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => value,
    }
}

fn parse_bool(column: &'static str, value: &str) -> Result<bool, FieldError> {
    match value.to_lowercase().as_str() {
        "1" | "true" | "yes" | "y" | "on" | "x" => Ok(true),
        "0" | "false" | "no" | "n" | "off" => Ok(false),
        _ => Err(FieldError::new(
            column,
            format!("“{value}” is not yes or no (write yes, no, true, false, 1 or 0)."),
        )),
    }
}

fn parse_integer(column: &'static str, label: &str, value: &str) -> Result<i64, FieldError> {
    value.parse::<i64>().map_err(|_| {
        FieldError::new(
            column,
            format!("The {label} “{value}” is not a whole number."),
        )
    })
}

fn parse_decimal(value: &str) -> Result<Decimal, FieldError> {
    Decimal::from_str(value)
        .or_else(|error| {
            // A decimal comma, as spreadsheets in much of Europe write prices.
            if value.contains(',') && !value.contains('.') {
                Decimal::from_str(&value.replace(',', "."))
            } else {
                Err(error)
            }
        })
        .map_err(|_| {
            FieldError::new(
                "price",
                format!("The price “{value}” is not a number (write it like 12.50)."),
            )
        })
}

/// `Drinks > Juice` with each level checked, as one canonical path.
fn parse_category(value: &str) -> Result<String, FieldError> {
    let mut names = Vec::new();
    for name in value.split('>') {
        names.push(check_category_name("category", name)?);
    }
    Ok(names.join(" > "))
}

/// `Size=L;Colour=Red`.
fn parse_attributes(value: &str) -> Result<Vec<(String, String)>, FieldError> {
    let mut attributes = Vec::new();
    for pair in value
        .split(';')
        .map(str::trim)
        .filter(|pair| !pair.is_empty())
    {
        let Some((name, value)) = pair.split_once('=') else {
            return Err(FieldError::new(
                "attributes",
                format!(
                    "“{pair}” is not an attribute value: write Name=Value, several separated by ';' (Size=L;Colour=Red)."
                ),
            ));
        };
        attributes.push(crate::api::ProductAttribute {
            name: name.to_owned(),
            value: value.to_owned(),
        });
    }
    check_attributes(&attributes)
}

/// Reads one row into `row`; the problems go to `problems`.
fn read_row(
    record: &csv::StringRecord,
    map: &[Option<usize>],
    currency: &Currency,
    row: &mut ImportRow,
    problems: &mut Vec<FieldError>,
) {
    for (index, value) in record.iter().enumerate() {
        let Some(Some(column)) = map.get(index) else {
            continue;
        };
        let value = cell(value);
        let empty = value.is_empty();
        let outcome: Result<(), FieldError> = match PRODUCT_COLUMNS.get(*column).copied() {
            Some("sku") => check_sku("sku", value).map(|sku| row.sku = sku),
            Some("name") if !empty => check_name(value).map(|name| row.name = Some(name)),
            Some("description") => {
                check_description(value).map(|text| row.description = Some(text))
            }
            Some("parent_sku") if !empty => {
                check_sku("parent_sku", value).map(|sku| row.parent_sku = Some(sku))
            }
            Some("attributes") => parse_attributes(value).map(|list| row.attributes = list),
            Some("category") if !empty => {
                parse_category(value).map(|path| row.category_path = Some(path))
            }
            Some("price") if !empty => parse_decimal(value)
                .and_then(|price| check_price(currency, price))
                .map(|minor| row.price_minor = Some(minor)),
            Some("tax_class") if !empty => {
                row.tax_class = Some(value.to_owned());
                Ok(())
            }
            Some("barcodes") => {
                let list: Vec<String> = value
                    .split(';')
                    .map(str::trim)
                    .filter(|code| !code.is_empty())
                    .map(str::to_owned)
                    .collect();
                check_barcodes("barcodes", &list).map(|list| row.barcodes = list)
            }
            Some("stock") if !empty => parse_integer("stock", "stock", value)
                .and_then(check_stock)
                .map(|stock| row.stock = Some(stock)),
            Some("weight_grams") if !empty => parse_integer("weight_grams", "weight", value)
                .and_then(check_weight)
                .map(|weight| row.weight_grams = Some(weight)),
            Some("shippable") if !empty => {
                parse_bool("shippable", value).map(|flag| row.shippable = Some(flag))
            }
            Some("active") if !empty => {
                parse_bool("active", value).map(|flag| row.active = Some(flag))
            }
            Some("kind") if !empty => {
                match value.to_lowercase().replace([' ', '-'], "_").as_str() {
                    "normal" | "item" | "product" => {
                        row.kind = Some("normal".to_owned());
                        Ok(())
                    }
                    "gift_card" | "giftcard" => {
                        row.kind = Some("gift_card".to_owned());
                        Ok(())
                    }
                    _ => Err(FieldError::new(
                        "kind",
                        format!("The kind “{value}” is unknown: write normal or gift_card."),
                    )),
                }
            }
            Some("bin_location") => check_bin(Some(value)).map(|bin| row.bin_location = bin),
            _ => Ok(()),
        };
        if let Err(problem) = outcome {
            problems.push(problem);
        }
    }
}

/// Parses and checks the whole file (CPU work: run it on the blocking pool).
fn parse(text: &str, currency: &Currency, processed: &AtomicI64) -> ApiResult<ParsedFile> {
    if text.trim().is_empty() {
        return Err(file_error(
            "The file is empty: it needs a header line and a row per product.",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(error)) => {
            return Err(file_error(format!(
                "The header line cannot be read: {error}"
            )));
        }
        None => return Err(file_error("The file has no header line.")),
    };
    let mut parsed = ParsedFile::default();
    let mut map: Vec<Option<usize>> = Vec::with_capacity(header.len());
    let mut seen = [false; PRODUCT_COLUMNS.len()];
    for name in header.iter() {
        let column = column_of(name);
        match column {
            Some(index) => {
                let Some(already) = seen.get_mut(index) else {
                    continue;
                };
                if *already {
                    return Err(file_error(format!(
                        "The column {} appears twice in the header: keep one.",
                        PRODUCT_COLUMNS.get(index).copied().unwrap_or_default()
                    )));
                }
                *already = true;
                parsed.header.push(
                    PRODUCT_COLUMNS
                        .get(index)
                        .copied()
                        .unwrap_or_default()
                        .to_owned(),
                );
            }
            None if name.trim().is_empty() => {}
            None => parsed.ignored.push(name.trim().to_owned()),
        }
        map.push(column);
    }
    let has = |name: &str| parsed.header.iter().any(|column| column == name);
    if !has("sku") {
        return Err(file_error(format!(
            "The file has no sku column (its header is: {}). Products are matched by SKU.",
            header.iter().collect::<Vec<_>>().join(", ")
        )));
    }
    parsed.columns = ImportColumns {
        name: has("name"),
        description: has("description"),
        parent_sku: has("parent_sku"),
        attributes: has("attributes"),
        category: has("category"),
        price: has("price"),
        tax_class: has("tax_class"),
        barcodes: has("barcodes"),
        stock: has("stock"),
        weight_grams: has("weight_grams"),
        shippable: has("shippable"),
        kind: has("kind"),
        active: has("active"),
        bin_location: has("bin_location"),
    };
    let mut skus: HashMap<String, u64> = HashMap::new();
    let mut barcodes: HashMap<String, u64> = HashMap::new();
    let mut variations: HashMap<(String, String), u64> = HashMap::new();
    let mut problems: Vec<FieldError> = Vec::new();
    for record in records {
        let record = record.map_err(|error| {
            let line = error.position().map_or(0, csv::Position::line);
            file_error(format!("Line {line} cannot be read: {error}"))
        })?;
        if record.iter().all(|value| value.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, csv::Position::line);
        parsed.total_rows += 1;
        if parsed.rows.len() >= MAX_ROWS {
            return Err(file_error(format!(
                "The file has more than {MAX_ROWS} rows: split it into smaller files."
            )));
        }
        problems.clear();
        if record.len() > map.len()
            && record
                .iter()
                .skip(map.len())
                .any(|value| !value.trim().is_empty())
        {
            problems.push(FieldError::new(
                "",
                format!(
                    "The row has {} fields but the header has {}: check for a missing quote or a ',' inside a value.",
                    record.len(),
                    map.len()
                ),
            ));
        }
        let mut row = ImportRow {
            line: i64::try_from(line).unwrap_or(i64::MAX),
            ..ImportRow::default()
        };
        read_row(&record, &map, currency, &mut row, &mut problems);
        if !row.sku.is_empty() {
            if let Some(first) = skus.get(&row.sku) {
                problems.push(FieldError::new(
                    "sku",
                    format!(
                        "The SKU {} is also on line {first}: each product once per file.",
                        row.sku
                    ),
                ));
            } else {
                skus.insert(row.sku.clone(), line);
            }
        }
        for barcode in &row.barcodes {
            if let Some(first) = barcodes.get(barcode) {
                problems.push(
                    FieldError::new(
                        "barcodes",
                        format!("The barcode {barcode} is also on line {first}: a barcode names one product."),
                    ),
                );
            } else {
                barcodes.insert(barcode.clone(), line);
            }
        }
        if parsed.columns.parent_sku && row.parent_sku.is_none() && !row.attributes.is_empty() {
            problems.push(FieldError::new(
                "attributes",
                "Attribute values are for variations: give the parent_sku, or leave attributes empty.",
            ));
        }
        if let Some(parent) = &row.parent_sku
            && !row.attributes.is_empty()
        {
            let key = (parent.clone(), attribute_key(&row.attributes));
            if let Some(first) = variations.get(&key) {
                problems.push(FieldError::new(
                    "attributes",
                    format!("The variation on line {first} of {parent} has the same attribute values: each variation needs its own."),
                ));
            } else {
                variations.insert(key, line);
            }
        }
        if problems.is_empty() {
            parsed.rows.push(row);
        } else {
            parsed
                .problems
                .extend(problems.drain(..).map(|problem| ImportProblem {
                    line,
                    column: problem.field.to_owned(),
                    reason: problem.message,
                }));
        }
        if parsed.total_rows % 1_000 == 0 {
            processed.store(
                i64::try_from(parsed.total_rows).unwrap_or(i64::MAX),
                Ordering::Relaxed,
            );
        }
    }
    if parsed.total_rows == 0 {
        return Err(file_error("The file has a header but no product rows."));
    }
    Ok(parsed)
}

/// What the store found wrong, as a row problem for people.
fn staged_problem(problem: StagedRowProblem, tax_classes: &str) -> ImportProblem {
    let (column, reason) = match problem.problem {
        StagedProblem::MissingForNew(column) => (
            column,
            format!("This SKU is new, so the row creates a product, which needs a {}.", column.replace('_', " ")),
        ),
        StagedProblem::UnknownTaxClass(code) => (
            "tax_class",
            format!("The tax class “{code}” does not exist; use one of: {tax_classes}."),
        ),
        StagedProblem::BarcodeTaken { barcode, owner_sku } => (
            "barcodes",
            format!("The barcode {barcode} is already on product {owner_sku}, which this file does not change: a barcode names one product."),
        ),
        StagedProblem::UnknownParent(sku) => (
            "parent_sku",
            format!("No product has the SKU {sku}, in this file or in the catalog."),
        ),
        StagedProblem::ParentIsVariation(sku) => (
            "parent_sku",
            format!("{sku} is itself a variation: give its parent's SKU."),
        ),
        StagedProblem::HasVariations => (
            "parent_sku",
            "This product has variations of its own, so it cannot be a variation.".to_owned(),
        ),
        StagedProblem::MissingAttributes => (
            "attributes",
            "A variation needs attribute values (like Size=L;Colour=Red) to tell it from the others.".to_owned(),
        ),
        StagedProblem::DuplicateVariation(key) => (
            "attributes",
            format!("Another variation of the same parent has the same attribute values ({key}): each variation needs its own."),
        ),
        StagedProblem::OwnParent => (
            "parent_sku",
            "A product cannot be a variation of itself.".to_owned(),
        ),
    };
    ImportProblem {
        line: u64::try_from(problem.line).unwrap_or(0),
        column: column.to_owned(),
        reason,
    }
}

/// Progress of a running import, shared between the task and status polls.
#[derive(Debug, Default)]
struct LiveImport {
    /// 0 reading, 1 checking, 2 importing.
    phase: AtomicU8,
    total: AtomicI64,
    processed: AtomicI64,
}

/// The imports running in this process, by database and job id.
type Registry = Mutex<HashMap<(PathBuf, i64), Arc<LiveImport>>>;

static RUNNING: LazyLock<Registry> = LazyLock::new(Registry::default);

fn running(key: &(PathBuf, i64)) -> Option<Arc<LiveImport>> {
    RUNNING
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(key)
        .cloned()
}

/// Why an import changed nothing.
#[derive(Debug)]
struct Refusal {
    error: ApiError,
    problems: Vec<ImportProblem>,
    total_rows: u64,
}

impl From<ApiError> for Refusal {
    fn from(error: ApiError) -> Self {
        Self {
            error,
            problems: Vec::new(),
            total_rows: 0,
        }
    }
}

/// The stored code of an error an import failed with.
fn error_code_name(code: ErrorCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_else(|| "internal".to_owned())
}

/// The error code of a stored name (those an import fails with).
fn error_code_of(name: &str) -> ErrorCode {
    match name {
        "import_file_invalid" => ErrorCode::ImportFileInvalid,
        "import_rejected" => ErrorCode::ImportRejected,
        "invalid_input" => ErrorCode::InvalidInput,
        "not_found" => ErrorCode::NotFound,
        "database" => ErrorCode::Database,
        "store_busy" => ErrorCode::StoreBusy,
        _ => ErrorCode::Internal,
    }
}

fn rejected_rows(problems: &[ImportProblem]) -> u64 {
    let lines: BTreeSet<u64> = problems.iter().map(|problem| problem.line).collect();
    u64::try_from(lines.len()).unwrap_or(u64::MAX)
}

fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

impl Kassa {
    /// The file's bytes and name.
    async fn import_source(request: &ProductImportRequest) -> ApiResult<(Vec<u8>, String)> {
        match (&request.path, &request.content) {
            (Some(path), _) => {
                let path = PathBuf::from(path);
                let name = request.file_name.clone().unwrap_or_else(|| {
                    path.file_name().map_or_else(
                        || path.display().to_string(),
                        |name| name.to_string_lossy().into_owned(),
                    )
                });
                let shown = path.display().to_string();
                let bytes = tokio::task::spawn_blocking(move || std::fs::read(&path))
                    .await
                    .map_err(|error| {
                        ApiError::new(
                            ErrorCode::Internal,
                            format!("The file could not be read: {error}"),
                        )
                    })?
                    .map_err(|error| {
                        ApiError::new(
                            ErrorCode::NotFound,
                            format!("The file {shown} cannot be read: {error}"),
                        )
                    })?;
                Ok((bytes, name))
            }
            (None, Some(content)) => Ok((
                content.clone().into_bytes(),
                request
                    .file_name
                    .clone()
                    .unwrap_or_else(|| "products.csv".to_owned()),
            )),
            (None, None) => Err(ApiError::new(
                ErrorCode::InvalidInput,
                "Choose a CSV file to import.",
            )),
        }
    }

    /// Decodes and parses the file on the blocking pool.
    async fn parse_import(&self, bytes: Vec<u8>, live: Arc<LiveImport>) -> ApiResult<ParsedFile> {
        let currency = self.settings().await?.pricing.currency;
        tokio::task::spawn_blocking(move || {
            let text = decode(bytes)?;
            let parsed = parse(&text, &currency, &live.processed)?;
            live.total.store(
                i64::try_from(parsed.total_rows).unwrap_or(i64::MAX),
                Ordering::Relaxed,
            );
            Ok(parsed)
        })
        .await
        .map_err(|error| {
            ApiError::new(
                ErrorCode::Internal,
                format!("The file could not be read: {error}"),
            )
        })?
    }

    async fn staged_problems(
        &self,
        parsed: &mut ParsedFile,
        staged: Vec<StagedRowProblem>,
    ) -> ApiResult<Vec<ImportProblem>> {
        let tax_classes = if staged.is_empty() {
            String::new()
        } else {
            self.store.tax_class_codes().await?.join(", ")
        };
        let mut problems = std::mem::take(&mut parsed.problems);
        problems.extend(
            staged
                .into_iter()
                .map(|problem| staged_problem(problem, &tax_classes)),
        );
        problems.sort_by_key(|problem| problem.line);
        Ok(problems)
    }

    /// What importing the file would do, without doing it: rows in the file, products it
    /// would create and update, and every refused row with its line, column and reason.
    pub async fn preview_product_import(
        &self,
        request: ProductImportRequest,
    ) -> ApiResult<ImportPreview> {
        let (bytes, _) = Self::import_source(&request).await?;
        let live = Arc::new(LiveImport::default());
        let mut parsed = self.parse_import(bytes, Arc::clone(&live)).await?;
        let mut staged = self
            .store
            .stage_import(&parsed.rows, parsed.columns, &live.processed)
            .await?;
        let plan = staged.check().await;
        staged.discard().await?;
        let plan = plan?;
        let mut problems = self.staged_problems(&mut parsed, plan.problems).await?;
        let rejected = rejected_rows(&problems);
        problems.truncate(LISTED_PROBLEMS);
        Ok(ImportPreview {
            total_rows: parsed.total_rows,
            creates: count(plan.creates),
            updates: count(plan.updates),
            rejected: problems,
            rejected_rows: rejected,
            columns: parsed.header,
            ignored_columns: parsed.ignored,
        })
    }

    /// Starts importing a CSV file in the background and returns its job at once; poll
    /// `product_import_status`. The import is one transaction: a refused row (or any error)
    /// means nothing changes.
    pub async fn start_product_import(
        &self,
        request: ProductImportRequest,
    ) -> ApiResult<ProductImportStatus> {
        self.authorize(Permission::Catalog).await?;
        if request.path.is_none() && request.content.is_none() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "Choose a CSV file to import.",
            ));
        }
        let file_name = request.file_name.clone().unwrap_or_else(|| {
            request.path.as_deref().map_or_else(
                || "products.csv".to_owned(),
                |path| {
                    PathBuf::from(path).file_name().map_or_else(
                        || path.to_owned(),
                        |name| name.to_string_lossy().into_owned(),
                    )
                },
            )
        });
        let job_id = self
            .store
            .create_product_import(&file_name, self.clock.now())
            .await?;
        let key = (self.database_path.clone(), job_id);
        let live = Arc::new(LiveImport::default());
        RUNNING
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key.clone(), Arc::clone(&live));
        let kassa = self.clone();
        tokio::spawn(async move {
            let outcome = kassa.run_import(job_id, request, &live).await;
            if let Err(refusal) = outcome {
                let problems =
                    serde_json::to_string(&refusal.problems).unwrap_or_else(|_| "[]".to_owned());
                // When even this cannot be written, the status reports the import as
                // interrupted: nothing was imported either way.
                let _recorded = kassa
                    .store
                    .fail_product_import(
                        job_id,
                        ImportFailure {
                            total_rows: i64::try_from(refusal.total_rows).unwrap_or(i64::MAX),
                            error_code: &error_code_name(refusal.error.code),
                            error: &refusal.error.message,
                            problems: &problems,
                        },
                        kassa.clock.now(),
                    )
                    .await;
            }
            RUNNING
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .remove(&key);
        });
        self.product_import_status(ImportJobRequest { job_id })
            .await
    }

    async fn run_import(
        &self,
        job_id: i64,
        request: ProductImportRequest,
        live: &Arc<LiveImport>,
    ) -> Result<(), Refusal> {
        let (bytes, _) = Self::import_source(&request).await?;
        let mut parsed = self.parse_import(bytes, Arc::clone(live)).await?;
        live.phase.store(1, Ordering::Relaxed);
        live.processed.store(0, Ordering::Relaxed);
        let mut staged = self
            .store
            .stage_import(&parsed.rows, parsed.columns, &live.processed)
            .await
            .map_err(ApiError::from)?;
        let refused = |problems: Vec<ImportProblem>, total_rows: u64| {
            let rows = rejected_rows(&problems);
            let mut listed = problems;
            listed.truncate(LISTED_PROBLEMS);
            Refusal {
                error: ApiError::new(
                    ErrorCode::ImportRejected,
                    format!(
                        "{rows} rows cannot be imported, so nothing was imported. Correct them and import the file again."
                    ),
                ),
                problems: listed,
                total_rows,
            }
        };
        if !parsed.problems.is_empty() {
            let plan = staged.check().await.map_err(ApiError::from);
            staged.discard().await.map_err(ApiError::from)?;
            let problems = self.staged_problems(&mut parsed, plan?.problems).await?;
            return Err(refused(problems, parsed.total_rows));
        }
        live.phase.store(2, Ordering::Relaxed);
        match staged
            .apply(self.clock.now(), &live.processed, Some(job_id))
            .await
            .map_err(ApiError::from)?
        {
            Ok(_plan) => Ok(()),
            Err(staged_problems) => {
                let problems = self.staged_problems(&mut parsed, staged_problems).await?;
                Err(refused(problems, parsed.total_rows))
            }
        }
    }

    /// A background import's progress while it runs, and its outcome afterwards.
    pub async fn product_import_status(
        &self,
        request: ImportJobRequest,
    ) -> ApiResult<ProductImportStatus> {
        let job_id = request.job_id;
        let live = running(&(self.database_path.clone(), job_id));
        let row = self.store.product_import(job_id).await?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("Import {job_id} does not exist."),
            )
        })?;
        let mut status = ProductImportStatus {
            job_id,
            file_name: row.file_name,
            state: ImportState::Failed,
            total: count(row.total_rows),
            processed: count(row.total_rows),
            created: count(row.created),
            updated: count(row.updated),
            rejected: Vec::new(),
            rejected_rows: 0,
            error: None,
        };
        match (row.status.as_str(), live) {
            ("running", Some(live)) => {
                status.state = match live.phase.load(Ordering::Relaxed) {
                    0 => ImportState::Reading,
                    1 => ImportState::Checking,
                    _ => ImportState::Importing,
                };
                status.total = count(live.total.load(Ordering::Relaxed));
                status.processed = count(live.processed.load(Ordering::Relaxed));
            }
            ("running", None) => {
                status.error = Some(ApiError::new(
                    ErrorCode::Internal,
                    "The import was interrupted (Kassa closed while it ran); nothing was imported. Import the file again.",
                ));
            }
            ("done", _) => status.state = ImportState::Done,
            _ => {
                let problems: Vec<ImportProblem> =
                    serde_json::from_str(&row.problems).unwrap_or_default();
                status.rejected_rows = rejected_rows(&problems);
                status.rejected = problems;
                status.error = Some(ApiError::new(
                    error_code_of(row.error_code.as_deref().unwrap_or_default()),
                    row.error.unwrap_or_default(),
                ));
            }
        }
        Ok(status)
    }

    /// Writes the products (all, or a category's with its subcategories) to a CSV file in
    /// `exports/` beside the database, in the import's columns.
    pub async fn export_products(
        &self,
        request: ExportProductsRequest,
    ) -> ApiResult<ProductExport> {
        self.authorize(Permission::Catalog).await?;
        let currency = self.settings().await?.pricing.currency;
        let paths: HashMap<i64, String> = self
            .store
            .categories()
            .await?
            .into_iter()
            .map(|row| (row.id, row.path))
            .collect();
        let now = self.clock.now();
        let path = self
            .data_folder("exports")
            .join(format!("products-{}.csv", now.format("%Y%m%d-%H%M%S")));
        let csv_error = |error: csv::Error| {
            ApiError::new(ErrorCode::Internal, format!("Cannot write CSV: {error}"))
        };
        let mut writer = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Always)
            .from_writer("\u{FEFF}".as_bytes().to_vec());
        writer.write_record(PRODUCT_COLUMNS).map_err(csv_error)?;
        let yes_no = |flag: bool| if flag { "yes" } else { "no" }.to_owned();
        let mut after = 0_i64;
        let mut rows = 0_u64;
        loop {
            let page = self
                .store
                .export_products(
                    after,
                    request.category_id,
                    request.include_inactive.unwrap_or(true),
                    EXPORT_PAGE,
                )
                .await?;
            let Some(last) = page.last().map(|row| row.id) else {
                break;
            };
            for row in page {
                let record = [
                    row.sku,
                    row.name,
                    row.description,
                    row.parent_sku.unwrap_or_default(),
                    row.attributes.unwrap_or_default(),
                    row.category_id
                        .and_then(|id| paths.get(&id).cloned())
                        .unwrap_or_default(),
                    currency.from_minor_units(row.price_minor).to_string(),
                    row.tax_class,
                    row.barcodes.unwrap_or_default(),
                    row.stock_on_hand.to_string(),
                    row.weight_grams
                        .map(|grams| grams.to_string())
                        .unwrap_or_default(),
                    yes_no(row.shippable),
                    row.kind,
                    yes_no(row.active),
                    row.bin_location.unwrap_or_default(),
                ];
                writer
                    .write_record(record.iter().map(|value| spreadsheet_safe(value)))
                    .map_err(csv_error)?;
                rows += 1;
            }
            after = last;
        }
        let bytes = writer.into_inner().map_err(|error| {
            ApiError::new(ErrorCode::Internal, format!("Cannot write CSV: {error}"))
        })?;
        write_file(&path, &bytes)?;
        Ok(ProductExport {
            path: path.display().to_string(),
            rows,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_cells_and_delimiters() {
        assert_eq!(column_of(" Category Path "), Some(5));
        assert_eq!(column_of("Tax-Class"), Some(7));
        assert_eq!(column_of("colour"), None);
        assert_eq!(delimiter("sku;name;price\n1;a;2"), b';');
        assert_eq!(delimiter("sku,name,\"a;b\"\n"), b',');
        assert_eq!(delimiter("sku\tname\n"), b'\t');
        assert_eq!(cell(" '-5 "), "-5");
        assert_eq!(cell("'quoted"), "'quoted");
        assert_eq!(decode(b"\xEF\xBB\xBFsku\n".to_vec()).unwrap(), "sku\n");
        let error = decode(b"sku,name\nA,Caf\xE9\n".to_vec()).unwrap_err();
        assert_eq!(error.code, ErrorCode::ImportFileInvalid);
        assert!(error.message.contains("line 2"), "{}", error.message);
    }

    #[test]
    fn error_codes_round_trip() {
        for code in [
            ErrorCode::ImportFileInvalid,
            ErrorCode::ImportRejected,
            ErrorCode::Database,
        ] {
            assert_eq!(error_code_of(&error_code_name(code)), code);
        }
    }
}
