//! PDF documents of orders, made by `kassa-documents` from the stored order snapshot
//! (never from the current catalog) and written to the `documents` folder beside the
//! database: invoices, packing slips and receipts one at a time, and packing slips and pick
//! lists for a mass action's orders in one file each.
//!
//! Making PDFs is CPU work (≈1 ms a page): it runs on the blocking pool, never on the
//! async threads that serve the counter.

use kassa_domain::staff::Permission;
use std::path::PathBuf;
use std::sync::Arc;

use kassa_documents::model::{
    CreditNote, Currency as DocumentCurrency, CustomerDetails, DocumentAdjustment, DocumentLine,
    DocumentOrder, DocumentPayment, InvoiceDetails, InvoiceStatus as DocumentInvoiceStatus,
    IssuedGiftCard, PaymentMethod, PostalAddress, ShopDetails, TaxBreakdownRow,
};
use kassa_documents::{DocumentLocale, DocumentMaker};
use rust_decimal::Decimal;

use crate::api::{DocumentKind, OrderDetail, SaveDocumentRequest, SavedDocument};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

pub(crate) fn document_error(error: impl std::fmt::Display) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        format!("The document could not be made: {error}"),
    )
}

/// The shop's details as documents print them.
pub(crate) fn shop_details(store: &crate::api::StoreDetails) -> ShopDetails {
    ShopDetails {
        name: store.name.clone(),
        address_lines: store.address.split(", ").map(str::to_owned).collect(),
        tax_id: store.tax_id.clone(),
        email: None,
        phone: None,
    }
}

fn invoice_status(code: &str) -> DocumentInvoiceStatus {
    match code {
        "paid" => DocumentInvoiceStatus::Paid,
        "partially_paid" => DocumentInvoiceStatus::PartiallyPaid,
        "void" => DocumentInvoiceStatus::Void,
        _ => DocumentInvoiceStatus::Unpaid,
    }
}

/// The document model of a placed order (its immutable snapshot).
pub(crate) fn document_order(order: &OrderDetail, minor_digits: u32) -> DocumentOrder {
    DocumentOrder {
        reference: order.reference.clone(),
        id: order.uuid,
        ordered_at: order.created_at.naive_utc(),
        customer: order.customer.as_ref().map(|customer| CustomerDetails {
            name: customer.name.clone(),
            email: customer.email.clone(),
        }),
        ship_to: order.shipping_address.as_ref().map(postal_address),
        bill_to: order.invoice_address.as_ref().map(postal_address),
        lines: order
            .lines
            .iter()
            .map(|line| DocumentLine {
                sku: line.sku.clone(),
                name: line.name.clone(),
                quantity: Decimal::from(line.quantity),
                unit_price: line.unit_price,
                tax_label: line.tax_label.clone(),
                tax_amount: line.tax,
                line_total: line.total,
                bin_location: None,
                discount: line.discount,
            })
            .collect(),
        // Lines print after their coupon discounts; shipping is the one order-wide row.
        items_total: order.items_total - order.discount_total,
        adjustments: if order.shipping_total.is_zero() {
            Vec::new()
        } else {
            vec![DocumentAdjustment {
                label: format!(
                    "Shipping — {}",
                    order.carrier_name.as_deref().unwrap_or("delivery")
                ),
                amount: order.shipping_total,
            }]
        },
        cash_rounding: order.cash_rounding,
        gift_cards: order
            .gift_cards
            .iter()
            .map(|card| IssuedGiftCard {
                code: card.code.clone(),
                amount: card.initial,
                expires_on: card.expires_at.map(|at| at.date_naive()),
            })
            .collect(),
        carrier: order
            .carrier_name
            .clone()
            .filter(|_| order.shipping_address.is_some()),
        tax_breakdown: order
            .taxes
            .iter()
            .map(|tax| TaxBreakdownRow {
                label: tax.label.clone(),
                base: tax.base,
                tax: tax.tax,
            })
            .collect(),
        subtotal: order.subtotal_net,
        tax_total: order.tax_total,
        total: order.total,
        payments: order
            .payments
            .iter()
            .filter(|payment| payment.amount > Decimal::ZERO)
            .map(|payment| DocumentPayment {
                method: match payment.method.as_str() {
                    "cash" => PaymentMethod::Cash,
                    "card" => PaymentMethod::Card,
                    "check" => PaymentMethod::Check,
                    "wire_transfer" => PaymentMethod::WireTransfer,
                    "cash_on_delivery" => PaymentMethod::CashOnDelivery,
                    "gift_card" => PaymentMethod::GiftCard,
                    "store_credit" => PaymentMethod::StoreCredit,
                    other => PaymentMethod::Other(other.to_owned()),
                },
                amount: if payment.method == "cash" {
                    payment.tendered
                } else {
                    payment.amount
                },
                reference: payment.reference.clone(),
            })
            .collect(),
        change_due: order.change_due,
        invoice: order.invoice.as_ref().map(|invoice| InvoiceDetails {
            number: invoice.number.clone(),
            issued_on: invoice.issued_at.date_naive(),
            status: invoice_status(&invoice.status),
        }),
        currency: DocumentCurrency {
            code: order.currency_code.clone(),
            minor_digits,
        },
    }
}

fn postal_address(address: &crate::api::AddressInput) -> PostalAddress {
    PostalAddress {
        name: address.name.clone(),
        lines: [
            address.line1.clone(),
            address.line2.clone(),
            format!("{} {}", address.postal_code, address.city),
            address.country_code.clone(),
        ]
        .into_iter()
        .filter(|line| !line.trim().is_empty())
        .collect(),
    }
}

impl Kassa {
    /// The document maker, made (fonts parsed) on first use and shared afterwards.
    pub(crate) async fn document_maker(&self) -> ApiResult<Arc<DocumentMaker>> {
        self.documents
            .get_or_try_init(|| async {
                tokio::task::spawn_blocking(DocumentMaker::new)
                    .await
                    .map_err(document_error)?
                    .map(Arc::new)
                    .map_err(document_error)
            })
            .await
            .cloned()
    }

    pub(crate) fn data_folder(&self, name: &str) -> PathBuf {
        self.database_path
            .parent()
            .map_or_else(|| PathBuf::from(name), |dir| dir.join(name))
    }

    pub(crate) async fn document_locale(&self) -> ApiResult<DocumentLocale> {
        let settings = self.store.settings().await?;
        Ok(DocumentLocale::for_country(
            settings.get("store_country").map_or("BE", String::as_str),
        ))
    }

    /// An order's document model with the products' current bin locations (packing slips
    /// and pick lists are for picking now, so they show where the goods are now).
    async fn order_document(&self, order_id: i64, minor_digits: u32) -> ApiResult<DocumentOrder> {
        let mut model = document_order(&self.order_detail(order_id).await?, minor_digits);
        for (position, bin) in self.store.order_bin_locations(order_id).await? {
            if let Some(line) = usize::try_from(position - 1)
                .ok()
                .and_then(|index| model.lines.get_mut(index))
            {
                line.bin_location = Some(bin);
            }
        }
        Ok(model)
    }

    /// Makes one document of an order and writes it to `documents/` beside the database.
    pub async fn save_order_document(
        &self,
        request: SaveDocumentRequest,
    ) -> ApiResult<SavedDocument> {
        self.authorize(Permission::Documents).await?;
        let order_id = self
            .store
            .order_id_by_uuid(&request.uuid.to_string())
            .await?
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("No order has the id {}.", request.uuid),
                )
            })?;
        let (name, bytes) = self
            .order_pdf(order_id, request.kind, request.credit_note.as_deref())
            .await?;
        let path = self.data_folder("documents").join(name);
        write_file(&path, &bytes)?;
        Ok(SavedDocument {
            path: path.display().to_string(),
            bytes: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        })
    }

    /// One document of an order as a file name and PDF bytes (also the invoice that goes
    /// with the order confirmation mail).
    pub(crate) async fn order_pdf(
        &self,
        order_id: i64,
        kind: DocumentKind,
        credit_note: Option<&str>,
    ) -> ApiResult<(String, Vec<u8>)> {
        let settings = self.settings().await?;
        let shop = shop_details(&settings.store);
        let locale = self.document_locale().await?;
        let maker = self.document_maker().await?;
        let digits = settings.pricing.currency.minor_unit_digits;
        let model = self.order_document(order_id, digits).await?;
        Ok(if kind == DocumentKind::CreditNote {
            let note = self
                .credit_note_model(order_id, &model, credit_note, digits)
                .await?;
            let name = format!("{}-credit-note-{}.pdf", model.reference, note.number);
            let bytes =
                tokio::task::spawn_blocking(move || maker.credit_note(&shop, &note, locale))
                    .await
                    .map_err(document_error)?
                    .map_err(document_error)?;
            (name, bytes)
        } else {
            let suffix = match kind {
                DocumentKind::Invoice => "invoice",
                DocumentKind::PackingSlip => "packing-slip",
                DocumentKind::Receipt | DocumentKind::CreditNote => "receipt",
            };
            let name = format!("{}-{suffix}.pdf", model.reference);
            let bytes = tokio::task::spawn_blocking(move || match kind {
                DocumentKind::Invoice => maker.invoice(&shop, &model, locale),
                DocumentKind::PackingSlip => maker.packing_slip(&shop, &model, locale),
                DocumentKind::Receipt | DocumentKind::CreditNote => {
                    maker.receipt(&shop, &model, locale)
                }
            })
            .await
            .map_err(document_error)?
            .map_err(document_error)?;
            (name, bytes)
        })
    }

    /// The credit note of an order to print: the one with this number, or its latest.
    async fn credit_note_model(
        &self,
        order_id: i64,
        order: &DocumentOrder,
        number: Option<&str>,
        minor_digits: u32,
    ) -> ApiResult<CreditNote> {
        let record = self.order_detail(order_id).await?;
        let number = match number {
            Some(number) => number.to_owned(),
            None => record
                .credit_notes
                .last()
                .map(|note| note.number.clone())
                .ok_or_else(|| {
                    ApiError::new(
                        ErrorCode::NotFound,
                        format!("Order {} has no credit note.", record.reference),
                    )
                })?,
        };
        let (note, lines) = self
            .store
            .credit_note_document(&number)
            .await?
            .filter(|(note, _)| note.order_reference == record.reference)
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("Order {} has no credit note {number}.", record.reference),
                )
            })?;
        let money = |minor: i64| Decimal::new(minor, minor_digits);
        let mut breakdown: Vec<TaxBreakdownRow> = Vec::new();
        for line in &lines {
            let base = money(line.gross_minor - line.tax_minor);
            let tax = money(line.tax_minor);
            match breakdown.iter_mut().find(|row| row.label == line.tax_label) {
                Some(row) => {
                    row.base += base;
                    row.tax += tax;
                }
                None => breakdown.push(TaxBreakdownRow {
                    label: line.tax_label.clone(),
                    base,
                    tax,
                }),
            }
        }
        Ok(CreditNote {
            number: note.number,
            invoice_number: note.invoice_number,
            order_reference: note.order_reference,
            issued_on: note.issued_at.date_naive(),
            reason: note.reason,
            customer: order.customer.clone(),
            bill_to: order.bill_to.clone(),
            lines: lines
                .iter()
                .map(|line| DocumentLine {
                    sku: line.sku.clone(),
                    name: line.name.clone(),
                    quantity: Decimal::from(line.quantity),
                    unit_price: money(line.unit_price_minor),
                    tax_label: line.tax_label.clone(),
                    tax_amount: money(line.tax_minor),
                    line_total: money(line.gross_minor),
                    bin_location: None,
                    discount: Decimal::ZERO,
                })
                .collect(),
            tax_breakdown: breakdown,
            subtotal: money(note.subtotal_net_minor),
            tax_total: money(note.tax_total_minor),
            total: money(note.total_minor),
            currency: order.currency.clone(),
        })
    }

    /// Checks that `path` is a document or export the app wrote (a PDF or CSV file in the
    /// `documents` or `exports` folder beside the database) before the shell hands it to
    /// the system's viewer to print: the window can open nothing else.
    pub fn document_to_open(&self, path: &str) -> ApiResult<PathBuf> {
        let refused = || {
            ApiError::new(
                ErrorCode::NotFound,
                format!("{path} is not a document Kassa made; save the document first."),
            )
        };
        let file = std::fs::canonicalize(path).map_err(|_| refused())?;
        let allowed = ["documents", "exports"].iter().any(|folder| {
            std::fs::canonicalize(self.data_folder(folder))
                .is_ok_and(|folder| file.starts_with(folder))
        });
        let extension = file.extension().and_then(|extension| extension.to_str());
        if !allowed || !file.is_file() || !matches!(extension, Some("pdf" | "csv")) {
            return Err(refused());
        }
        Ok(file)
    }

    /// Packing slips (or a pick list) for the given orders in one PDF; returns its path.
    pub(crate) async fn batch_document(
        &self,
        job_id: i64,
        uuids: &[String],
        pick_list: bool,
    ) -> ApiResult<String> {
        let settings = self.settings().await?;
        let digits = settings.pricing.currency.minor_unit_digits;
        let mut orders = Vec::with_capacity(uuids.len());
        for uuid in uuids {
            let Some(order_id) = self.store.order_id_by_uuid(uuid).await? else {
                continue;
            };
            orders.push(self.order_document(order_id, digits).await?);
        }
        let shop = shop_details(&settings.store);
        let locale = self.document_locale().await?;
        let maker = self.document_maker().await?;
        let now = self.clock.now().naive_utc();
        let bytes = tokio::task::spawn_blocking(move || {
            if pick_list {
                maker.pick_list(&shop, &orders, now, locale)
            } else {
                maker.packing_slips(&shop, &orders, locale)
            }
        })
        .await
        .map_err(document_error)?
        .map_err(document_error)?;
        let name = if pick_list {
            "pick-list"
        } else {
            "packing-slips"
        };
        let path = self
            .data_folder("exports")
            .join(format!("{name}-{job_id}.pdf"));
        write_file(&path, &bytes)?;
        Ok(path.display().to_string())
    }
}

/// Writes a file the app made (an export or a document), creating its folder.
pub(crate) fn write_file(path: &std::path::Path, bytes: &[u8]) -> ApiResult<()> {
    let io = |error: std::io::Error| {
        ApiError::new(
            ErrorCode::Internal,
            format!("Cannot write {}: {error}", path.display()),
        )
    };
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(io)?;
    }
    std::fs::write(path, bytes).map_err(io)
}
