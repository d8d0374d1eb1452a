//! `kassa`: the headless command over the same application API as the desktop app.
//!
//! ```text
//! kassa [--db PATH] demo [--if-empty] [--orders N]   load the demo store (and N past orders)
//! kassa [--db PATH] orders [--limit N]        list orders, newest first
//! kassa [--db PATH] status                    what the app would show at start
//! ```
//! The database is `--db`, else `KASSA_DB`, else the OS app-data folder, as for the app.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use kassa_core::api::ListOrdersRequest;
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
    /// Show the store's status.
    Status,
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
    .await?;
    let result = run(&kassa, arguments.command).await;
    kassa.close().await;
    result
}

async fn run(kassa: &Kassa, command: Command) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match command {
        Command::Demo { if_empty, orders } => {
            if kassa.app_status().await?.product_count == 0 {
                let summary = kassa.load_demo().await?;
                writeln!(
                    out,
                    "Loaded the demo store: {} products in {} categories, {} tax rates, {} customers.",
                    summary.products, summary.categories, summary.tax_rates, summary.customers
                )?;
            } else if orders.is_none() && !if_empty {
                // Say why nothing happened, with the application's own error.
                kassa.load_demo().await?;
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
        Command::Status => {
            let status = kassa.app_status().await?;
            writeln!(out, "{}", serde_json::to_string_pretty(&status)?)?;
        }
    }
    Ok(())
}
