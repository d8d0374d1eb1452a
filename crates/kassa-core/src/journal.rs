//! The tamper-evident journal: sales (with their invoice), credit notes and register
//! closings, each appended in the transaction of the change it records, hash-chained by
//! `kassa_domain::journal`.
//!
//! An entry's content is a fixed-order JSON of the facts that must never change (the
//! sale's reference, lines, taxes, totals and invoice number; the credit note's numbers and
//! amounts; the frozen Z report). [`Kassa::verify_journal`] (`kassa verify`) walks the chain
//! and also makes each entry's content again from the rows it describes: an edit of a
//! journal row breaks the chain, and an edit of an order, invoice or credit note row no
//! longer matches its entry. Test orders are not journaled (they can be deleted).

use chrono::{DateTime, Utc};
use kassa_domain::journal::{JournalEntry, check_entry, next_entry};
use kassa_domain::staff::Permission;
use kassa_store::WriteTx;
use kassa_store::journal::{CreditNoteFacts, JournalRow, SaleFacts};
use serde::Serialize;

use crate::api::{JournalProblem, JournalVerification};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// Entries read per page while verifying.
const PAGE: i64 = 1_000;

/// What a sale entry holds, in this order.
#[derive(Serialize)]
struct SaleContent<'a> {
    order: &'a str,
    reference: &'a str,
    register: &'a str,
    placed_at: String,
    currency: &'a str,
    total_minor: i64,
    tax_total_minor: i64,
    invoice: Option<&'a str>,
    invoice_total_minor: Option<i64>,
    lines: &'a str,
    taxes: &'a str,
}

fn sale_content(facts: &SaleFacts) -> ApiResult<String> {
    canonical(&SaleContent {
        order: &facts.uuid,
        reference: &facts.reference,
        register: &facts.register_code,
        placed_at: stamp(facts.created_at),
        currency: &facts.currency_code,
        total_minor: facts.total_minor,
        tax_total_minor: facts.tax_total_minor,
        invoice: facts.invoice_number.as_deref(),
        invoice_total_minor: facts.invoice_total_minor,
        lines: &facts.lines,
        taxes: &facts.taxes,
    })
}

/// What a credit note entry holds, in this order.
#[derive(Serialize)]
struct CreditNoteContent<'a> {
    number: &'a str,
    order: &'a str,
    invoice: &'a str,
    subtotal_net_minor: i64,
    tax_total_minor: i64,
    total_minor: i64,
    issued_at: String,
}

fn credit_note_content(facts: &CreditNoteFacts) -> ApiResult<String> {
    canonical(&CreditNoteContent {
        number: &facts.number,
        order: &facts.order_reference,
        invoice: &facts.invoice_number,
        subtotal_net_minor: facts.subtotal_net_minor,
        tax_total_minor: facts.tax_total_minor,
        total_minor: facts.total_minor,
        issued_at: stamp(facts.issued_at),
    })
}

fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// Struct fields serialise in declaration order, whatever JSON map features are on: the
/// same facts always give the same text.
fn canonical(content: &impl Serialize) -> ApiResult<String> {
    serde_json::to_string(content).map_err(|error| {
        ApiError::new(
            ErrorCode::Internal,
            format!("A journal entry cannot be written: {error}"),
        )
    })
}

fn missing(what: &str) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        format!("{what} was just written but cannot be read for the journal."),
    )
}

async fn append(
    tx: &mut WriteTx,
    kind: &str,
    reference: &str,
    content: String,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let last = tx.last_journal_link().await?;
    let entry = next_entry(
        last.as_ref().map(|(seq, hash)| (*seq, hash.as_str())),
        kind,
        reference,
        &stamp(now),
        content,
    );
    tx.insert_journal(&JournalRow {
        seq: entry.seq,
        kind: entry.kind,
        reference: entry.reference,
        created_at: entry.created_at,
        content: entry.content,
        content_hash: entry.content_hash,
        prev_hash: entry.prev_hash,
        hash: entry.hash,
    })
    .await?;
    Ok(())
}

/// Journals a sale (and its invoice) inside the transaction that placed it.
pub(crate) async fn journal_sale_in_tx(
    tx: &mut WriteTx,
    order_uuid: &str,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let facts = tx
        .sale_facts(order_uuid)
        .await?
        .ok_or_else(|| missing("The order"))?;
    append(tx, "sale", order_uuid, sale_content(&facts)?, now).await
}

/// Journals a credit note inside the transaction that issued it.
pub(crate) async fn journal_credit_note_in_tx(
    tx: &mut WriteTx,
    number: &str,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let facts = tx
        .credit_note_facts(number)
        .await?
        .ok_or_else(|| missing("The credit note"))?;
    append(tx, "credit_note", number, credit_note_content(&facts)?, now).await
}

/// Journals a register closing (its frozen Z report) inside the closing transaction.
pub(crate) async fn journal_close_in_tx(
    tx: &mut WriteTx,
    session_id: i64,
    report: &str,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    append(
        tx,
        "register_close",
        &session_id.to_string(),
        report.to_owned(),
        now,
    )
    .await
}

fn entry(row: JournalRow) -> JournalEntry {
    JournalEntry {
        seq: row.seq,
        kind: row.kind,
        reference: row.reference,
        created_at: row.created_at,
        content: row.content,
        content_hash: row.content_hash,
        prev_hash: row.prev_hash,
        hash: row.hash,
    }
}

impl Kassa {
    /// What the rows an entry describes say now, as that entry's content (none: the rows
    /// are gone).
    async fn content_from_rows(&self, entry: &JournalEntry) -> ApiResult<Option<String>> {
        Ok(match entry.kind.as_str() {
            "sale" => match self.store.sale_facts(&entry.reference).await? {
                Some(facts) => Some(sale_content(&facts)?),
                None => None,
            },
            "credit_note" => match self.store.credit_note_facts(&entry.reference).await? {
                Some(facts) => Some(credit_note_content(&facts)?),
                None => None,
            },
            "register_close" => match entry.reference.parse::<i64>() {
                Ok(id) => self.store.closed_session_report(id).await?,
                Err(_) => None,
            },
            _ => None,
        })
    }

    /// Walks the journal from the first entry: checks every link of the hash chain and
    /// that every entry still matches the rows it describes. Reports the first problem.
    pub async fn verify_journal(&self) -> ApiResult<JournalVerification> {
        self.authorize(Permission::Reports).await?;
        let mut previous: Option<JournalEntry> = None;
        let mut checked = 0_i64;
        loop {
            let after = previous.as_ref().map_or(0, |entry| entry.seq);
            let page = self.store.journal_page(after, PAGE).await?;
            if page.is_empty() {
                break;
            }
            for row in page {
                let entry = entry(row);
                if let Err(broken) = check_entry(previous.as_ref(), &entry) {
                    return Ok(broken_at(
                        checked,
                        &entry,
                        &broken.to_string(),
                        broken.seq(),
                    ));
                }
                match self.content_from_rows(&entry).await? {
                    Some(content) if content == entry.content => {}
                    Some(_) => {
                        let problem = format!(
                            "the {} {} no longer matches its journal entry: its rows were changed after it was recorded",
                            kind_name(&entry.kind),
                            entry.reference
                        );
                        return Ok(broken_at(checked, &entry, &problem, entry.seq));
                    }
                    None => {
                        let problem = format!(
                            "the {} {} is in the journal but its rows are gone",
                            kind_name(&entry.kind),
                            entry.reference
                        );
                        return Ok(broken_at(checked, &entry, &problem, entry.seq));
                    }
                }
                checked += 1;
                previous = Some(entry);
            }
        }
        Ok(JournalVerification {
            entries: checked,
            last_hash: previous.map(|entry| entry.hash),
            problem: None,
        })
    }
}

fn kind_name(kind: &str) -> &str {
    match kind {
        "sale" => "sale",
        "credit_note" => "credit note",
        "register_close" => "register closing",
        other => other,
    }
}

fn broken_at(checked: i64, entry: &JournalEntry, problem: &str, seq: i64) -> JournalVerification {
    JournalVerification {
        entries: checked,
        last_hash: None,
        problem: Some(JournalProblem {
            seq,
            kind: entry.kind.clone(),
            reference: entry.reference.clone(),
            problem: problem.to_owned(),
        }),
    }
}
