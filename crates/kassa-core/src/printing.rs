//! Receipt printing: ESC/POS receipts made by `kassa-documents` from the stored order and
//! sent to the printer set in the settings (TCP port 9100, a serial/USB device or a file).
//!
//! A failed print never loses the sale: the order is committed before anything is sent,
//! and the receipt can be printed again from the order (`reprint_last_receipt`, or
//! `print_receipt` with `open_drawer: false`). Sending blocks on the network or device, so
//! it runs on the blocking pool with the printer timeouts of `kassa-documents`.

use kassa_documents::{
    DrawerKick, PaperWidth, PrinterAddress, PrinterTimeouts, ReceiptCodePage, ReceiptPrintOptions,
    render_receipt, render_test_page, send_to_printer,
};
use kassa_domain::staff::Permission;

use crate::api::{
    GetOrderRequest, ListOrdersRequest, PrintOutcome, PrintReceiptRequest, PrinterSettings,
};
use crate::documents::{document_order, shop_details};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// Parses a printer address as staff type it; `None` for "no printer".
pub(crate) fn printer_address(text: &str) -> ApiResult<Option<PrinterAddress>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let invalid = || {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "`{text}` is not a printer address: use tcp:HOST[:PORT], device:/dev/… or file:PATH."
            ),
        )
    };
    let (kind, rest) = text.split_once(':').ok_or_else(invalid)?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Err(invalid());
    }
    match kind {
        "tcp" => Ok(Some(PrinterAddress::network(rest))),
        "device" => Ok(Some(PrinterAddress::Device(rest.into()))),
        "file" => Ok(Some(PrinterAddress::File(rest.into()))),
        _ => Err(invalid()),
    }
}

pub(crate) fn paper(millimetres: u32) -> ApiResult<PaperWidth> {
    match millimetres {
        58 => Ok(PaperWidth::Mm58),
        80 => Ok(PaperWidth::Mm80),
        other => Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("Receipt paper is 58 or 80 mm wide, not {other}."),
        )),
    }
}

/// Sends bytes to the printer on the blocking pool; returns how many were sent.
pub(crate) async fn send(
    address: PrinterAddress,
    bytes: Vec<u8>,
    failure: impl FnOnce(kassa_documents::PrintError) -> String,
) -> ApiResult<i64> {
    let length = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    tokio::task::spawn_blocking(move || {
        send_to_printer(&address, &bytes, PrinterTimeouts::default())
    })
    .await
    .map_err(|error| ApiError::new(ErrorCode::Internal, format!("Printing stopped: {error}")))?
    .map_err(|error| ApiError::new(ErrorCode::PrinterFailed, failure(error)))?;
    Ok(length)
}

impl Kassa {
    /// The receipt printer settings.
    pub async fn printer_settings(&self) -> ApiResult<PrinterSettings> {
        let settings = self.store.settings().await?;
        Ok(PrinterSettings {
            address: settings.get("receipt_printer").cloned().unwrap_or_default(),
            paper_mm: settings
                .get("receipt_paper_mm")
                .and_then(|value| value.parse().ok())
                .unwrap_or(80),
        })
    }

    /// Saves the receipt printer settings after checking them.
    pub async fn save_printer_settings(
        &self,
        request: PrinterSettings,
    ) -> ApiResult<PrinterSettings> {
        self.authorize(Permission::Settings).await?;
        printer_address(&request.address)?;
        paper(request.paper_mm)?;
        let mut tx = self.store.begin_write().await?;
        tx.set_setting("receipt_printer", request.address.trim())
            .await?;
        tx.set_setting("receipt_paper_mm", &request.paper_mm.to_string())
            .await?;
        tx.commit().await?;
        self.printer_settings().await
    }

    /// Prints an order's receipt on the receipt printer.
    pub async fn print_receipt(&self, request: PrintReceiptRequest) -> ApiResult<PrintOutcome> {
        self.authorize(Permission::Documents).await?;
        let printer = self.printer_settings().await?;
        let address = printer_address(&printer.address)?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::PrinterNotConfigured,
                "No receipt printer is set up: add one under Settings → Receipt printer.",
            )
        })?;
        let order = self
            .get_order(GetOrderRequest { uuid: request.uuid })
            .await?;
        let settings = self.settings().await?;
        let model = document_order(&order, settings.pricing.currency.minor_unit_digits);
        let options = ReceiptPrintOptions {
            paper: paper(printer.paper_mm)?,
            code_page: ReceiptCodePage::Western,
            drawer: if request.open_drawer {
                DrawerKick::WhenPaidInCash
            } else {
                DrawerKick::Never
            },
        };
        let bytes = render_receipt(
            &shop_details(&settings.store),
            &model,
            self.document_locale().await?,
            &options,
        )
        .map_err(|error| {
            ApiError::new(
                ErrorCode::PrinterFailed,
                format!("The receipt could not be made: {error}"),
            )
        })?;
        let length = send(address, bytes, |error| {
            format!("The receipt was not printed ({error}). The sale is saved; print it again from the order.")
        })
        .await?;
        Ok(PrintOutcome {
            reference: Some(order.reference),
            bytes: length,
        })
    }

    /// Prints a test page on the receipt printer in the settings (Settings → Receipt
    /// printer → Test print): where it prints, the paper width with a ruler, accented
    /// letters, and the cut. Never opens the drawer.
    pub async fn print_test_page(&self) -> ApiResult<PrintOutcome> {
        self.authorize(Permission::Settings).await?;
        let printer = self.printer_settings().await?;
        let address = printer_address(&printer.address)?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::PrinterNotConfigured,
                "No receipt printer is set up: enter its address and save first.",
            )
        })?;
        let settings = self.settings().await?;
        let options = ReceiptPrintOptions {
            paper: paper(printer.paper_mm)?,
            code_page: ReceiptCodePage::Western,
            drawer: DrawerKick::Never,
        };
        let printed_at = self.clock.now().format("%Y-%m-%d %H:%M UTC").to_string();
        let bytes = render_test_page(
            &shop_details(&settings.store),
            printer.address.trim(),
            &printed_at,
            &options,
        )
        .map_err(|error| {
            ApiError::new(
                ErrorCode::PrinterFailed,
                format!("The test page could not be made: {error}"),
            )
        })?;
        let length = send(address, bytes, |error| {
            format!("The printer did not take the test page ({error}). Check its address, that it is on, and the cable or network.")
        })
        .await?;
        Ok(PrintOutcome {
            reference: None,
            bytes: length,
        })
    }

    /// Prints this register's last receipt again (no drawer kick).
    pub async fn reprint_last_receipt(&self) -> ApiResult<PrintOutcome> {
        self.authorize(Permission::Documents).await?;
        let last = self
            .list_orders(ListOrdersRequest {
                register_code: Some(self.register.register_code.clone()),
                limit: Some(1),
                ..ListOrdersRequest::default()
            })
            .await?
            .orders
            .into_iter()
            .next()
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    "This register has no sale to reprint yet.",
                )
            })?;
        self.print_receipt(PrintReceiptRequest {
            uuid: last.uuid,
            open_drawer: false,
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printer_addresses_name_their_kind() {
        assert!(printer_address("").unwrap().is_none());
        assert!(matches!(
            printer_address("tcp:10.0.0.5").unwrap(),
            Some(PrinterAddress::Network { port: 9100, .. })
        ));
        assert!(matches!(
            printer_address("device:/dev/usb/lp0").unwrap(),
            Some(PrinterAddress::Device(_))
        ));
        assert!(matches!(
            printer_address("file:/tmp/receipts.bin").unwrap(),
            Some(PrinterAddress::File(_))
        ));
        assert_eq!(
            printer_address("lp0").unwrap_err().code,
            ErrorCode::InvalidInput
        );
        assert_eq!(
            printer_address("usb:/dev/x").unwrap_err().code,
            ErrorCode::InvalidInput
        );
        assert_eq!(paper(70).unwrap_err().code, ErrorCode::InvalidInput);
    }
}
