//! Errors of making documents and of printing receipts. Each one says what failed and,
//! where there is something to do about it, what to do.

use std::path::PathBuf;

use rust_decimal::Decimal;

/// Why a PDF could not be made. All of these are problems of the input or of the build,
/// never of the machine: making a PDF does no IO.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// An amount has more decimals than its currency's minor unit, so printing it would
    /// silently round.
    #[error("{what} is {amount}, which has more decimals than {currency} allows ({digits})")]
    AmountTooPrecise {
        /// Which amount, e.g. `line 3 unit price`.
        what: String,
        /// The amount as given.
        amount: Decimal,
        /// Currency code.
        currency: String,
        /// Decimals the currency allows.
        digits: u32,
    },
    /// An invoice was asked for an order that has no invoice yet.
    #[error("order {reference} has no invoice yet; issue the invoice before printing it")]
    NotInvoiced {
        /// The order reference.
        reference: String,
    },
    /// A batch document (pick list, packing slips) was asked for no orders.
    #[error("a {document} needs at least one order")]
    NoOrders {
        /// Which document.
        document: &'static str,
    },
    /// The order reference has characters Code128 cannot carry (it takes printable ASCII).
    #[error("order reference {reference:?} cannot be drawn as a Code128 barcode: {reason}")]
    Barcode {
        /// The reference.
        reference: String,
        /// What the encoder said.
        reason: String,
    },
    /// A report was asked for without a title.
    #[error("a report needs a title")]
    UntitledReport,
    /// One of the fonts built into the crate did not parse: the build is broken.
    #[error("the built-in font {name} could not be read")]
    FontUnreadable {
        /// File name of the font.
        name: &'static str,
    },
}

/// Why a receipt did not reach the printer.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// The printer's host name did not resolve.
    #[error(
        "printer {printer}: the host name did not resolve ({source}); check the address in the settings"
    )]
    Resolve {
        /// `host:port` as configured.
        printer: String,
        /// The resolver's error.
        source: std::io::Error,
    },
    /// Nothing answered at the printer's address in time.
    #[error(
        "printer {printer} did not answer within {seconds} s; is it switched on and on the network?"
    )]
    ConnectTimeout {
        /// `host:port` as configured.
        printer: String,
        /// The connect timeout.
        seconds: u64,
    },
    /// The printer refused or dropped the connection.
    #[error("printer {printer} could not be reached: {source}")]
    Connect {
        /// `host:port` as configured.
        printer: String,
        /// The socket error.
        source: std::io::Error,
    },
    /// The printer took the connection but did not take the receipt in time.
    #[error("printer {printer} stopped taking data for {seconds} s (out of paper or cover open?)")]
    WriteTimeout {
        /// `host:port` as configured.
        printer: String,
        /// The write timeout.
        seconds: u64,
    },
    /// Writing to the printer failed.
    #[error("writing the receipt to printer {printer} failed: {source}")]
    Write {
        /// `host:port` or the device path.
        printer: String,
        /// The IO error.
        source: std::io::Error,
    },
    /// The device or file could not be opened.
    #[error(
        "printer device {path} could not be opened: {source}; check the path and its permissions"
    )]
    Open {
        /// The device or file path.
        path: PathBuf,
        /// The IO error.
        source: std::io::Error,
    },
    /// The ESC/POS encoder refused the receipt.
    #[error("the receipt could not be encoded for the printer: {0}")]
    Encode(String),
}
