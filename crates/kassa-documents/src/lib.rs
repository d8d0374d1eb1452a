//! Kassa's shop documents.
//!
//! - **PDFs** through [`DocumentMaker`]: invoice, credit note, packing slip (single or a
//!   batch), pick list and the 80 mm till receipt. Fonts (DejaVu Sans, embedded and
//!   subset) are parsed once per maker; Latin, Greek and Cyrillic print and can be
//!   searched and copied.
//! - **ESC/POS receipts** for thermal printers: [`render_receipt`] turns an order into
//!   printer bytes for 58 or 80 mm paper, and [`send_to_printer`] delivers them over TCP,
//!   to a device file or to a plain file.
//!
//! **Invariant:** the crate knows nothing of the database, the UI or the application: it
//! takes the snapshot types of [`model`] and returns bytes. Making documents does no IO, no
//! clock and no randomness; only [`send_to_printer`] touches the outside world.
//! **Invariant:** money is `rust_decimal::Decimal` and is formatted exactly
//! ([`NumberStyle::format_amount`]); floats appear only as layout coordinates.
//!
//! How a PDF is made: a document lays itself out on `canvas` pages (top-down points,
//! `pages`/`table`/`blocks` for flow, repeated headers and "Page n of m"); `pdf_file` hands
//! the pages to printpdf and replaces the font programs with subsets made by `font_subset`
//! from faces renumbered once by `font_compact`. That is why one invoice takes well under
//! a millisecond (see `cargo bench -p kassa-documents`).

mod barcode;
mod blocks;
mod canvas;
mod error;
mod escpos_receipt;
mod font_compact;
mod font_subset;
mod fonts;
mod invoice;
mod locale;
mod maker;
pub mod model;
mod packing;
mod pages;
mod pdf_file;
mod printer;
mod receipt_pdf;
mod table;
mod validate;

pub use error::{DocumentError, PrintError};
pub use escpos_receipt::{
    DrawerKick, PaperWidth, ReceiptCodePage, ReceiptPrintOptions, render_receipt, render_report,
    render_test_page,
};
pub use locale::{DateStyle, DocumentLocale, NumberStyle, Paper};
pub use maker::DocumentMaker;
pub use model::{
    CreditNote, Currency, CustomerDetails, DocumentAdjustment, DocumentLine, DocumentOrder,
    DocumentPayment, InvoiceDetails, InvoiceStatus, IssuedGiftCard, PaymentMethod, PostalAddress,
    ReportDocument, ReportRow, ReportSection, ShopDetails, TaxBreakdownRow,
};
pub use printer::{DEFAULT_PRINTER_PORT, PrinterAddress, PrinterTimeouts, send_to_printer};
