//! Mass actions as background jobs: fulfil, cancel, return or export the selected orders
//! (or every order matching a filter). A job is stored with one item per order before any
//! work starts, so it survives a restart; each order is its own transaction with its own
//! outcome, so one failure ("order S1-R1-000042 is not paid…") never stops the rest.

use kassa_domain::staff::Permission;
use uuid::Uuid;

use crate::api::{
    JobFailure, JobRequest, JobView, ListOrdersRequest, MassActionKind, MassActionRequest,
};
use crate::documents::write_file;
use crate::order_flow::{BACK_OFFICE, change_status_in_tx, order_state};
use crate::orders::order_filter;
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// The largest job: more is a mistake, not a selection.
const MAX_JOB_ORDERS: usize = 100_000;

fn kind_code(kind: MassActionKind) -> &'static str {
    match kind {
        MassActionKind::Fulfil => "fulfil",
        MassActionKind::Cancel => "cancel",
        MassActionKind::Return => "return",
        MassActionKind::ExportCsv => "export_csv",
        MassActionKind::PackingSlips => "packing_slips",
        MassActionKind::PickList => "pick_list",
    }
}

fn kind_from_code(code: &str) -> ApiResult<MassActionKind> {
    match code {
        "fulfil" => Ok(MassActionKind::Fulfil),
        "cancel" => Ok(MassActionKind::Cancel),
        "return" => Ok(MassActionKind::Return),
        "export_csv" => Ok(MassActionKind::ExportCsv),
        "packing_slips" => Ok(MassActionKind::PackingSlips),
        "pick_list" => Ok(MassActionKind::PickList),
        other => Err(ApiError::new(
            ErrorCode::Internal,
            format!("Unknown job kind `{other}`."),
        )),
    }
}

/// A spreadsheet must show every cell as text: a leading `=`, `+`, `-`, `@`, tab or CR
/// would make it a formula (`=HYPERLINK(…)`), so such a cell gets a leading apostrophe.
pub(crate) fn spreadsheet_safe(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

impl Kassa {
    /// Queues a mass action and returns the job; `run_pending_jobs` does the work.
    pub async fn start_mass_action(&self, request: MassActionRequest) -> ApiResult<JobView> {
        self.authorize(match request.kind {
            MassActionKind::Fulfil => Permission::Fulfil,
            MassActionKind::Cancel | MassActionKind::Return => Permission::Refund,
            MassActionKind::ExportCsv => Permission::Reports,
            MassActionKind::PackingSlips | MassActionKind::PickList => Permission::Documents,
        })
        .await?;
        let uuids: Vec<String> = if request.orders.is_empty() {
            let filter = request.filter.clone().unwrap_or_default();
            self.matching_order_uuids(filter).await?
        } else {
            request.orders.iter().map(Uuid::to_string).collect()
        };
        if uuids.is_empty() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "Select at least one order.",
            ));
        }
        if uuids.len() > MAX_JOB_ORDERS {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "{} orders are selected; one job takes at most {MAX_JOB_ORDERS}.",
                    uuids.len()
                ),
            ));
        }
        let mut tx = self.store.begin_write().await?;
        let job_id = tx
            .create_job(
                kind_code(request.kind),
                &self.acting_staff(),
                &uuids,
                self.clock.now(),
            )
            .await?;
        tx.commit().await?;
        self.job_status(JobRequest { job_id }).await
    }

    async fn matching_order_uuids(&self, mut request: ListOrdersRequest) -> ApiResult<Vec<String>> {
        request.cursor = None;
        let mut filter = order_filter(&request)?;
        let mut uuids = Vec::new();
        loop {
            let page = self.store.search_orders(&filter, 1_000).await?;
            let Some(last) = page.last().map(|row| row.id) else {
                break;
            };
            uuids.extend(page.into_iter().map(|row| row.uuid));
            if uuids.len() > MAX_JOB_ORDERS {
                break;
            }
            filter.before_id = Some(last);
        }
        Ok(uuids)
    }

    /// A job's progress and its per-order failures.
    pub async fn job_status(&self, request: JobRequest) -> ApiResult<JobView> {
        let job = self.store.job(request.job_id).await?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("Job {} does not exist.", request.job_id),
            )
        })?;
        let failures = self
            .store
            .job_failures(job.id)
            .await?
            .into_iter()
            .map(|row| JobFailure {
                reference: row.reference,
                error: row.error,
            })
            .collect();
        Ok(JobView {
            job_id: job.id,
            kind: kind_from_code(&job.kind)?,
            status: job.status,
            total: job.total,
            processed: job.processed,
            succeeded: job.succeeded,
            failures,
            output_path: job.output,
        })
    }

    /// Works through every unfinished job, oldest first, including jobs a previous run left
    /// half done. Only one worker runs at a time; a second call waits, then finds no work.
    pub async fn run_pending_jobs(&self) -> ApiResult<()> {
        let _worker = self.job_worker.lock().await;
        for job_id in self.store.unfinished_jobs().await? {
            self.run_job(job_id).await?;
        }
        Ok(())
    }

    async fn run_job(&self, job_id: i64) -> ApiResult<()> {
        let job = self.job_status(JobRequest { job_id }).await?;
        let mut tx = self.store.begin_write().await?;
        tx.set_job_status(job_id, "running", None, self.clock.now())
            .await?;
        tx.commit().await?;
        // Files cover every order at once; status changes go order by order.
        let file = match job.kind {
            MassActionKind::ExportCsv => Some(self.export_job_csv(job_id).await?),
            MassActionKind::PackingSlips | MassActionKind::PickList => {
                let uuids = self.store.job_order_uuids(job_id).await?;
                Some(
                    self.batch_document(job_id, &uuids, job.kind == MassActionKind::PickList)
                        .await?,
                )
            }
            MassActionKind::Fulfil | MassActionKind::Cancel | MassActionKind::Return => None,
        };
        let output = if let Some(path) = file {
            let mut tx = self.store.begin_write().await?;
            tx.finish_job_items(job_id).await?;
            tx.commit().await?;
            Some(path)
        } else {
            let target = self.target_status(job.kind).await?;
            while let Some(item) = self.store.next_job_item(job_id).await? {
                let outcome = self.apply_to_one(&item.order_uuid, &target).await;
                let mut tx = self.store.begin_write().await?;
                match outcome {
                    Ok(()) => tx.set_job_item(job_id, item.position, "done", None).await?,
                    Err(error) => {
                        tx.set_job_item(job_id, item.position, "failed", Some(&error.message))
                            .await?
                    }
                }
                tx.commit().await?;
            }
            None
        };
        let mut tx = self.store.begin_write().await?;
        tx.set_job_status(job_id, "done", output.as_deref(), self.clock.now())
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn target_status(&self, kind: MassActionKind) -> ApiResult<String> {
        let statuses = self.store.statuses().await?;
        let found = statuses.into_iter().find(|status| match kind {
            MassActionKind::Fulfil => {
                status.paid && status.shipped && !status.delivered && !status.refunded
            }
            MassActionKind::Cancel => status.canceled,
            MassActionKind::Return => status.refunded && status.shipped,
            MassActionKind::ExportCsv | MassActionKind::PackingSlips | MassActionKind::PickList => {
                false
            }
        });
        found.map(|status| status.code).ok_or_else(|| {
            ApiError::new(
                ErrorCode::Internal,
                "No order status fits this mass action.",
            )
        })
    }

    async fn apply_to_one(&self, uuid: &str, target: &str) -> ApiResult<()> {
        let uuid = Uuid::parse_str(uuid)
            .map_err(|_| ApiError::new(ErrorCode::Internal, "A stored order id is invalid."))?;
        let settings = self.settings().await?;
        let mut tx = self.store.begin_write().await?;
        let order = order_state(&mut tx, uuid).await?;
        if order.status == target {
            // Already done: a job resumed after a crash between an order's change and its
            // outcome being recorded must not report that order as failed.
            return Ok(());
        }
        change_status_in_tx(
            &mut tx,
            &settings,
            &order,
            target,
            "Mass action",
            false,
            BACK_OFFICE,
            self.clock.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Writes the job's orders to `exports/orders-<job>.csv` beside the database: UTF-8
    /// with a byte-order mark (so spreadsheet programs pick the encoding), every field
    /// quoted, no cell a formula.
    async fn export_job_csv(&self, job_id: i64) -> ApiResult<String> {
        let path = self
            .data_folder("exports")
            .join(format!("orders-{job_id}.csv"));
        let mut bytes = "\u{FEFF}".as_bytes().to_vec();
        {
            let mut writer = csv::WriterBuilder::new()
                .quote_style(csv::QuoteStyle::Always)
                .from_writer(&mut bytes);
            let csv_error = |error: csv::Error| {
                ApiError::new(ErrorCode::Internal, format!("Cannot write CSV: {error}"))
            };
            writer
                .write_record([
                    "reference",
                    "date",
                    "customer",
                    "e-mail",
                    "invoice",
                    "status",
                    "items",
                    "total",
                    "currency",
                    "tracking code",
                ])
                .map_err(csv_error)?;
            // Reads only: the counter keeps selling while a large export runs.
            for uuid in self.store.job_order_uuids(job_id).await? {
                let Some(order_id) = self.store.order_id_by_uuid(&uuid).await? else {
                    continue;
                };
                let detail = self.order_detail(order_id).await?;
                let item_count: i64 = detail.lines.iter().map(|line| line.quantity).sum();
                let customer = detail.customer.as_ref();
                let record = [
                    detail.reference.clone(),
                    detail.created_at.format("%Y-%m-%d %H:%M").to_string(),
                    customer.map(|c| c.name.clone()).unwrap_or_default(),
                    customer.and_then(|c| c.email.clone()).unwrap_or_default(),
                    detail
                        .invoice
                        .as_ref()
                        .map(|i| i.number.clone())
                        .unwrap_or_default(),
                    detail.status_label.clone(),
                    item_count.to_string(),
                    detail.total.to_string(),
                    detail.currency_code.clone(),
                    detail.tracking_code.clone(),
                ];
                writer
                    .write_record(record.iter().map(|cell| spreadsheet_safe(cell)))
                    .map_err(csv_error)?;
            }
            writer.flush().map_err(|error| {
                ApiError::new(ErrorCode::Internal, format!("Cannot write CSV: {error}"))
            })?;
        }
        write_file(&path, &bytes)?;
        Ok(path.display().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_safe;

    #[test]
    fn formulas_become_text() {
        assert_eq!(
            spreadsheet_safe("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(spreadsheet_safe("+32 470"), "'+32 470");
        assert_eq!(spreadsheet_safe("-5"), "'-5");
        assert_eq!(spreadsheet_safe("@SUM"), "'@SUM");
        assert_eq!(spreadsheet_safe("Amélie"), "Amélie");
        assert_eq!(spreadsheet_safe(""), "");
    }
}
