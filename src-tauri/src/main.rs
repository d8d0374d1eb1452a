//! The Kassa desktop app's entry point: parses `--db` / `--register` and starts the shell.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;

use clap::Parser;

/// Kassa: point of sale and back office.
#[derive(Debug, Parser)]
#[command(name = "kassa-desktop", version)]
struct Arguments {
    /// The SQLite database file (default: KASSA_DB, else the OS app-data folder).
    #[arg(long = "db", value_name = "PATH")]
    database: Option<PathBuf>,
    /// This register's code, part of every order reference.
    #[arg(long, default_value = "R1")]
    register: String,
}

fn main() {
    let arguments = Arguments::parse();
    kassa_desktop::run(arguments.database, arguments.register);
}
