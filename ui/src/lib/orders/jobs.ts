// Following a background job: poll `job_status` every ~300 ms until it is done, riding
// out a few failed polls (the job itself keeps running in the backend), and the words and
// numbers the job panel shows.
import type { JobView } from '../api/bindings/JobView';
import type { MassActionKind } from '../api/bindings/MassActionKind';

export const JOB_POLL_MS = 300;
/** Consecutive failed polls before giving up on following the job. */
export const JOB_POLL_RETRIES = 3;

export interface PollOptions {
  intervalMs?: number;
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Every state seen, the first one included. */
  onUpdate?: (job: JobView) => void;
  /** Checked before each poll: true stops following (resolves with null). */
  stopped?: () => boolean;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls a job from its first state until `status` is `done`. Resolves with the final
 * state, or null when stopped; rejects with the last error after `retries` failed polls
 * in a row.
 */
export async function pollJob(
  fetch: (jobId: number) => Promise<JobView>,
  first: JobView,
  options: PollOptions = {},
): Promise<JobView | null> {
  const { intervalMs = JOB_POLL_MS, retries = JOB_POLL_RETRIES, sleep = wait, onUpdate, stopped } = options;
  let job = first;
  onUpdate?.(job);
  let failures = 0;
  while (job.status !== 'done') {
    await sleep(intervalMs);
    if (stopped?.()) return null;
    try {
      job = await fetch(job.job_id);
      failures = 0;
    } catch (error) {
      failures += 1;
      if (failures > retries) throw error;
      continue;
    }
    if (stopped?.()) return null;
    onUpdate?.(job);
  }
  return job;
}

/** Progress in whole percent (0–100). */
export function jobPercent(job: JobView): number {
  if (job.total <= 0) return job.status === 'done' ? 100 : 0;
  return Math.min(100, Math.floor((job.processed * 100) / job.total));
}

/** "3 succeeded, 1 failed". */
export function jobSummary(job: JobView): string {
  return `${job.succeeded} succeeded, ${job.failures.length} failed`;
}

const VERBS: Record<MassActionKind, { doing: string; label: string }> = {
  fulfil: { doing: 'Fulfilling', label: 'Fulfil' },
  cancel: { doing: 'Canceling', label: 'Cancel' },
  return: { doing: 'Returning', label: 'Return' },
  export_csv: { doing: 'Exporting', label: 'Export CSV' },
  packing_slips: { doing: 'Making packing slips for', label: 'Packing slips' },
  pick_list: { doing: 'Making a pick list for', label: 'Pick list' },
};

export function actionLabel(kind: MassActionKind): string {
  return VERBS[kind].label;
}

/** "Fulfilling 12 orders…" while running, "Fulfil finished · 12 orders" when done. */
export function jobTitle(job: JobView): string {
  const verbs = VERBS[job.kind];
  const count = `${job.total} order${job.total === 1 ? '' : 's'}`;
  return job.status === 'done' ? `${verbs.label} finished · ${count}` : `${verbs.doing} ${count}…`;
}
