//! Integration tests of kassa-documents: every PDF is read back with poppler and zbar, and
//! the ESC/POS receipt is printed to a local TCP listener and decoded.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    reason = "tests"
)]

mod escpos_print;
mod hygiene;
mod pdfs;
mod samples;
mod tools;
