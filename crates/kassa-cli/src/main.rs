//! `kassa`: the headless command over the same application API as the desktop app.
//!
//! ```text
//! kassa [--db PATH] demo [--if-empty] [--orders N] [--products N]
//!                                             load the demo store (and N past orders, N
//!                                             generated products)
//! kassa [--db PATH] orders [--limit N]        list orders, newest first
//! kassa [--db PATH] order REFERENCE           one order with everything on it, as JSON
//! kassa [--db PATH] gift-card CODE            a gift card and its ledger, as JSON
//! kassa [--db PATH] products import FILE [--preview]   import products from a CSV file
//! kassa [--db PATH] products export [--category ID]    export products to a CSV file
//! kassa [--db PATH] status                    what the app would show at start
//! ```
//! The database is `--db`, else `KASSA_DB`, else the OS app-data folder, as for the app.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use kassa_core::api::{
    BackupRequest, CashMovementRequest, CloseRegisterRequest, CountedAmount, ExportProductsRequest,
    GetOrderRequest, GiftCardRequest, ImportJobRequest, ImportState, ListOrdersRequest,
    MailLogRequest, OpenRegisterRequest, ProductImportRequest, RestoreRequest,
};
use kassa_core::paths::resolve_database_path;
use kassa_core::{Kassa, RegisterConfig, SystemClock};

/// Kassa's command line.
#[derive(Debug, Parser)]
#[command(
    name = "kassa",
    version,
    about = "Kassa point of sale: headless commands"
)]
struct Arguments {
    /// The SQLite database file (default: KASSA_DB, else the OS app-data folder).
    #[arg(long = "db", value_name = "PATH", global = true)]
    database: Option<PathBuf>,
    /// The register code used for new orders.
    #[arg(long, default_value = "R1", global = true)]
    register: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Load the demo store (products, tax rates, customers) into an empty database.
    Demo {
        /// Do nothing (and succeed) when the store already has products.
        #[arg(long)]
        if_empty: bool,
        /// Also generate this many past orders (into a store without orders).
        #[arg(long, value_name = "N")]
        orders: Option<u32>,
        /// Also generate a catalog of this many products (categories, variations, EAN-13
        /// barcodes), after the products the store has.
        #[arg(long, value_name = "N")]
        products: Option<u32>,
    },
    /// Import or export products as CSV.
    Products {
        #[command(subcommand)]
        action: ProductsCommand,
    },
    /// List orders, newest first.
    Orders {
        /// How many orders to show.
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one order with its lines, taxes, payments, delivery and history, as JSON.
    Order {
        /// The order's reference, e.g. S1-R1-000001.
        reference: String,
    },
    /// Show a gift card with its balance and ledger, as JSON.
    GiftCard {
        /// The code printed on the card.
        code: String,
    },
    /// Show the store's status.
    Status,
    /// Write a consistent copy of the database (safe while the app runs).
    Backup {
        /// The new file; default: `backups/` beside the database.
        path: Option<PathBuf>,
    },
    /// Replace the database with a backup the next time it is opened (a safety copy of the
    /// current one is kept in `backups/`).
    Restore {
        /// The backup file.
        path: PathBuf,
        /// Confirm that everything recorded since the backup is replaced.
        #[arg(long)]
        yes: bool,
    },
    /// Check the journal: every link of the hash chain, and every entry against the rows it
    /// describes. Exits with status 1 and names the first broken link when it is not intact.
    Verify,
    /// The register's session: open, cash in/out, X report, close (Z report).
    Register {
        #[command(subcommand)]
        action: RegisterCommand,
    },
    /// The mail outbox: send what is due now, or show the sent log.
    Mail {
        #[command(subcommand)]
        action: MailCommand,
    },
}

#[derive(Debug, Subcommand)]
enum RegisterCommand {
    /// Open the register with a counted float.
    Open {
        /// Cash in the drawer, e.g. 150.00.
        float: rust_decimal::Decimal,
    },
    /// Put cash into the drawer.
    CashIn {
        /// Amount.
        amount: rust_decimal::Decimal,
        /// Why.
        reason: String,
    },
    /// Take cash out of the drawer.
    CashOut {
        /// Amount.
        amount: rust_decimal::Decimal,
        /// Why.
        reason: String,
    },
    /// The X report (the session so far), as JSON.
    X,
    /// Close with the counted amounts (`cash=412.50 card=980.00`); prints the Z report as
    /// JSON and saves its PDF.
    Close {
        /// `method=amount` pairs; cash is required.
        counted: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
enum MailCommand {
    /// Send every mail that is due now (once; the desktop app does this in the background).
    Send,
    /// Show the sent log, newest first, one JSON object per line.
    Log {
        /// How many mails to show.
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
}

#[derive(Debug, Subcommand)]
enum ProductsCommand {
    /// Import products from a CSV file (one transaction: a refused row imports nothing).
    Import {
        /// The CSV file.
        file: PathBuf,
        /// Only say what the import would do.
        #[arg(long)]
        preview: bool,
    },
    /// Export products to a CSV file in the exports folder beside the database.
    Export {
        /// Only this category and its subcategories.
        #[arg(long, value_name = "ID")]
        category: Option<i64>,
    },
}

#[tokio::main]
async fn main() -> Result<()> {
    let arguments = Arguments::parse();
    let path = resolve_database_path(arguments.database)
        .context("no app-data folder on this system; pass --db PATH or set KASSA_DB")?;
    let kassa = Kassa::open(
        &path,
        RegisterConfig {
            register_code: arguments.register,
        },
        Arc::new(SystemClock),
    )
    .await?
    .with_secrets(kassa_core::secrets_from_env());
    let result = run(&kassa, arguments.command).await;
    kassa.close().await;
    result
}

async fn run(kassa: &Kassa, command: Command) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match command {
        Command::Demo {
            if_empty,
            orders,
            products,
        } => {
            if kassa.app_status().await?.product_count == 0 {
                let summary = kassa.load_demo().await?;
                writeln!(
                    out,
                    "Loaded the demo store: {} products in {} categories, {} tax rates, {} customers.",
                    summary.products, summary.categories, summary.tax_rates, summary.customers
                )?;
            } else if orders.is_none() && products.is_none() && !if_empty {
                // Say why nothing happened, with the application's own error.
                kassa.load_demo().await?;
            }
            if let Some(count) = products {
                let started = std::time::Instant::now();
                let made = kassa.generate_catalog(count).await?;
                writeln!(
                    out,
                    "Generated {} products ({} variations) in {} categories in {:.1?}.",
                    made.products,
                    made.variations,
                    made.categories,
                    started.elapsed()
                )?;
            }
            if let Some(count) = orders {
                let started = std::time::Instant::now();
                let made = kassa.generate_order_history(count).await?;
                writeln!(
                    out,
                    "Generated {made} past orders in {:.1?}.",
                    started.elapsed()
                )?;
            }
        }
        Command::Orders { limit, json } => {
            let mut cursor = None;
            let mut left = limit;
            while left > 0 {
                let page = kassa
                    .list_orders(ListOrdersRequest {
                        cursor,
                        limit: Some(left.min(200)),
                        ..Default::default()
                    })
                    .await?;
                left = left.saturating_sub(u32::try_from(page.orders.len()).unwrap_or(u32::MAX));
                for order in &page.orders {
                    if json {
                        writeln!(out, "{}", serde_json::to_string(order)?)?;
                    } else {
                        writeln!(
                            out,
                            "{:<14} {}  {:<16} {:<18} {:>4} items  {:>10} {}",
                            order.reference,
                            order.created_at.format("%Y-%m-%d %H:%M"),
                            order.invoice_number.as_deref().unwrap_or("-"),
                            order.status_label,
                            order.item_count,
                            order.total,
                            order.currency_code
                        )?;
                    }
                }
                match page.next_cursor {
                    Some(next) => cursor = Some(next),
                    None => break,
                }
            }
        }
        Command::Order { reference } => {
            let page = kassa
                .list_orders(ListOrdersRequest {
                    search: Some(reference.clone()),
                    limit: Some(10),
                    ..Default::default()
                })
                .await?;
            let summary = page
                .orders
                .iter()
                .find(|order| order.reference == reference)
                .with_context(|| format!("no order has the reference {reference}"))?;
            let order = kassa
                .get_order(GetOrderRequest { uuid: summary.uuid })
                .await?;
            writeln!(out, "{}", serde_json::to_string_pretty(&order)?)?;
        }
        Command::GiftCard { code } => {
            let card = kassa.gift_card(GiftCardRequest { code }).await?;
            writeln!(out, "{}", serde_json::to_string_pretty(&card)?)?;
        }
        Command::Products { action } => products(kassa, action, &mut out).await?,
        Command::Status => {
            let status = kassa.app_status().await?;
            writeln!(out, "{}", serde_json::to_string_pretty(&status)?)?;
        }
        Command::Backup { path } => {
            let backup = kassa
                .backup(BackupRequest {
                    path: path.map(|path| path.display().to_string()),
                })
                .await?;
            writeln!(out, "{}", serde_json::to_string_pretty(&backup)?)?;
        }
        Command::Restore { path, yes } => {
            let plan = kassa
                .schedule_restore(RestoreRequest {
                    path: path.display().to_string(),
                    confirm: yes,
                })
                .await?;
            writeln!(out, "{}", serde_json::to_string_pretty(&plan)?)?;
        }
        Command::Verify => {
            let verification = kassa.verify_journal().await?;
            writeln!(out, "{}", serde_json::to_string_pretty(&verification)?)?;
            if let Some(problem) = verification.problem {
                anyhow::bail!(
                    "the journal is broken at entry {} ({} {}): {}",
                    problem.seq,
                    problem.kind,
                    problem.reference,
                    problem.problem
                );
            }
        }
        Command::Register { action } => register(kassa, action, &mut out).await?,
        Command::Mail {
            action: MailCommand::Send,
        } => {
            let summary = kassa.run_mail_outbox().await?;
            writeln!(out, "{}", serde_json::to_string_pretty(&summary)?)?;
        }
        Command::Mail {
            action: MailCommand::Log { limit },
        } => {
            let log = kassa
                .mail_log(MailLogRequest {
                    before: None,
                    limit: Some(limit),
                })
                .await?;
            for entry in &log {
                writeln!(out, "{}", serde_json::to_string(entry)?)?;
            }
        }
    }
    Ok(())
}

async fn register(kassa: &Kassa, action: RegisterCommand, out: &mut impl Write) -> Result<()> {
    let json = match action {
        RegisterCommand::Open { float } => serde_json::to_string_pretty(
            &kassa
                .open_register(OpenRegisterRequest {
                    opening_float: float,
                })
                .await?,
        )?,
        RegisterCommand::CashIn { amount, reason } => serde_json::to_string_pretty(
            &kassa
                .cash_movement(CashMovementRequest {
                    kind: "in".to_owned(),
                    amount,
                    reason,
                })
                .await?,
        )?,
        RegisterCommand::CashOut { amount, reason } => serde_json::to_string_pretty(
            &kassa
                .cash_movement(CashMovementRequest {
                    kind: "out".to_owned(),
                    amount,
                    reason,
                })
                .await?,
        )?,
        RegisterCommand::X => serde_json::to_string_pretty(&kassa.x_report().await?)?,
        RegisterCommand::Close { counted } => {
            let counted = counted
                .iter()
                .map(|pair| {
                    let (method, amount) = pair
                        .split_once('=')
                        .ok_or_else(|| anyhow::anyhow!("“{pair}” is not method=amount"))?;
                    Ok(CountedAmount {
                        method: method.trim().to_owned(),
                        amount: amount.trim().parse().map_err(|error| {
                            anyhow::anyhow!("“{amount}” is not an amount: {error}")
                        })?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            serde_json::to_string_pretty(
                &kassa
                    .close_register(CloseRegisterRequest { counted })
                    .await?,
            )?
        }
    };
    writeln!(out, "{json}")?;
    Ok(())
}

async fn products(kassa: &Kassa, action: ProductsCommand, out: &mut impl Write) -> Result<()> {
    match action {
        ProductsCommand::Import { file, preview } => {
            let request = ProductImportRequest {
                path: Some(file.display().to_string()),
                ..ProductImportRequest::default()
            };
            if preview {
                let preview = kassa.preview_product_import(request).await?;
                writeln!(
                    out,
                    "{} rows: {} to create, {} to update, {} refused.",
                    preview.total_rows, preview.creates, preview.updates, preview.rejected_rows
                )?;
                for problem in &preview.rejected {
                    writeln!(
                        out,
                        "line {} {}: {}",
                        problem.line, problem.column, problem.reason
                    )?;
                }
                return Ok(());
            }
            let mut status = kassa.start_product_import(request).await?;
            while !matches!(status.state, ImportState::Done | ImportState::Failed) {
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                status = kassa
                    .product_import_status(ImportJobRequest {
                        job_id: status.job_id,
                    })
                    .await?;
            }
            for problem in &status.rejected {
                writeln!(
                    out,
                    "line {} {}: {}",
                    problem.line, problem.column, problem.reason
                )?;
            }
            if let Some(error) = status.error {
                return Err(error.into());
            }
            writeln!(
                out,
                "Imported {}: {} created, {} updated.",
                status.file_name, status.created, status.updated
            )?;
        }
        ProductsCommand::Export { category } => {
            let export = kassa
                .export_products(ExportProductsRequest {
                    category_id: category,
                    ..ExportProductsRequest::default()
                })
                .await?;
            writeln!(out, "Exported {} products to {}.", export.rows, export.path)?;
        }
    }
    Ok(())
}
