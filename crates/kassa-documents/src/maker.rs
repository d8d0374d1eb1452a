//! `DocumentMaker`: the one entry point for PDFs.
//!
//! Make it once (it parses the two embedded fonts, a few milliseconds) and keep it for the
//! life of the program; every document after that reuses the parsed fonts and only pays for
//! its own layout, subsetting and compression. It is `Send + Sync`, so one maker serves
//! every thread. Making a PDF does no IO: the caller decides where the bytes go.

use chrono::NaiveDateTime;

use crate::error::DocumentError;
use crate::fonts::Fonts;
use crate::invoice;
use crate::locale::DocumentLocale;
use crate::model::{CreditNote, DocumentOrder, ReportDocument, ShopDetails};
use crate::packing;
use crate::pages::SizedPage;
use crate::pdf_file;
use crate::receipt_pdf;
use crate::validate;

/// Makes the shop's PDF documents with embedded, subset DejaVu fonts.
pub struct DocumentMaker {
    fonts: Fonts,
}

impl DocumentMaker {
    /// Parses the embedded fonts. Fails only if the build shipped broken font files.
    pub fn new() -> Result<Self, DocumentError> {
        Ok(Self {
            fonts: Fonts::load()?,
        })
    }

    /// The invoice for an order that has one (`order.invoice`).
    pub fn invoice(
        &self,
        shop: &ShopDetails,
        order: &DocumentOrder,
        locale: DocumentLocale,
    ) -> Result<Vec<u8>, DocumentError> {
        validate::check_order(order)?;
        let pages = invoice::invoice_pages(&self.fonts, locale, shop, order)?;
        Ok(self.write(
            &title("Invoice", order.invoice.as_ref().map(|i| i.number.as_str())),
            pages,
        ))
    }

    /// A credit note.
    pub fn credit_note(
        &self,
        shop: &ShopDetails,
        note: &CreditNote,
        locale: DocumentLocale,
    ) -> Result<Vec<u8>, DocumentError> {
        validate::check_credit_note(note)?;
        let pages = invoice::credit_note_pages(&self.fonts, locale, shop, note);
        Ok(self.write(&title("Credit note", Some(&note.number)), pages))
    }

    /// The packing slip of one order: ship-to address, lines with bin, SKU and quantity,
    /// and the order reference as a barcode. Shows no prices.
    pub fn packing_slip(
        &self,
        shop: &ShopDetails,
        order: &DocumentOrder,
        locale: DocumentLocale,
    ) -> Result<Vec<u8>, DocumentError> {
        let pages = packing::packing_slip_pages(&self.fonts, locale, shop, order)?;
        Ok(self.write(&title("Packing slip", Some(&order.reference)), pages))
    }

    /// Packing slips for a batch of orders in one PDF (one print job for the warehouse);
    /// each slip starts on a new page and numbers its own pages.
    pub fn packing_slips(
        &self,
        shop: &ShopDetails,
        orders: &[DocumentOrder],
        locale: DocumentLocale,
    ) -> Result<Vec<u8>, DocumentError> {
        if orders.is_empty() {
            return Err(DocumentError::NoOrders {
                document: "batch of packing slips",
            });
        }
        let mut pages = Vec::with_capacity(orders.len());
        for order in orders {
            pages.extend(packing::packing_slip_pages(
                &self.fonts,
                locale,
                shop,
                order,
            )?);
        }
        Ok(self.write("Packing slips", pages))
    }

    /// The pick list for a batch of orders: quantities summed per product and bin, sorted
    /// by bin location. `created_at` is printed as the batch's time (the crate reads no
    /// clock).
    pub fn pick_list(
        &self,
        shop: &ShopDetails,
        orders: &[DocumentOrder],
        created_at: NaiveDateTime,
        locale: DocumentLocale,
    ) -> Result<Vec<u8>, DocumentError> {
        let pages = packing::pick_list_pages(&self.fonts, locale, shop, orders, created_at)?;
        Ok(self.write("Pick list", pages))
    }

    /// The till receipt on an 80 mm wide page whose height fits the content.
    pub fn receipt(
        &self,
        shop: &ShopDetails,
        order: &DocumentOrder,
        locale: DocumentLocale,
    ) -> Result<Vec<u8>, DocumentError> {
        validate::check_order(order)?;
        let page = receipt_pdf::receipt_page(&self.fonts, locale, shop, order);
        Ok(self.write(&title("Receipt", Some(&order.reference)), vec![page]))
    }

    /// A report of figures (a register's X or Z report) on an 80 mm wide page whose height
    /// fits the content.
    pub fn report(
        &self,
        shop: &ShopDetails,
        report: &ReportDocument,
        _locale: DocumentLocale,
    ) -> Result<Vec<u8>, DocumentError> {
        if report.title.trim().is_empty() {
            return Err(DocumentError::UntitledReport);
        }
        let page = receipt_pdf::report_page(&self.fonts, shop, report);
        Ok(self.write(&report.title, vec![page]))
    }

    fn write(&self, title: &str, pages: Vec<SizedPage<'_>>) -> Vec<u8> {
        pdf_file::write_pdf(&self.fonts, title, pages)
    }
}

fn title(kind: &str, number: Option<&str>) -> String {
    match number {
        Some(number) => format!("{kind} {number}"),
        None => kind.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_maker_can_serve_every_thread() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<DocumentMaker>();
    }
}
