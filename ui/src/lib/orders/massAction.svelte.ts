// Mass actions on orders: which action waits for confirmation, starting it, and the job
// that follows. The job runs in the backend; this only polls it, so the counter stays
// usable and the polling goes on while another view is shown. `onDone` refreshes lists.
// A finished job's file (CSV export, packing slips, pick list) opens in the system viewer.
import type { Backend } from '../api/backend';
import type { JobView } from '../api/bindings/JobView';
import type { MassActionKind } from '../api/bindings/MassActionKind';
import type { MassActionRequest } from '../api/bindings/MassActionRequest';
import { errorMessage } from '../api/errors';
import { DocumentOpener } from './documentOpener.svelte';
import { pollJob } from './jobs';

/** Actions that change money or stock are confirmed first. */
export const CONFIRMED_ACTIONS: readonly MassActionKind[] = ['cancel', 'return'];

export class MassActionStore {
  /** The job being followed (or the last one, until dismissed). */
  job = $state<JobView | null>(null);
  starting = $state(false);
  error = $state<string | null>(null);
  /** The action waiting for the clerk's confirmation, with what it applies to. */
  pending = $state<MassActionRequest | null>(null);

  /** A job is being started or followed (a lost connection to it ends the following). */
  readonly running: boolean = $derived(
    this.starting || (this.job !== null && this.job.status !== 'done' && this.error === null),
  );

  /** Opening the finished job's file in the system viewer. */
  readonly opener: DocumentOpener;

  readonly #backend: Backend;
  readonly #onDone: (job: JobView) => void;
  #follow = 0;

  constructor(backend: Backend, onDone: (job: JobView) => void) {
    this.#backend = backend;
    this.#onDone = onDone;
    this.opener = new DocumentOpener(backend);
  }

  /** Starts `request`, or asks for confirmation first when the action needs it. */
  request(request: MassActionRequest): void {
    if (this.running) return;
    if (CONFIRMED_ACTIONS.includes(request.kind)) this.pending = request;
    else void this.start(request);
  }

  async confirm(): Promise<void> {
    const request = this.pending;
    this.pending = null;
    if (request) await this.start(request);
  }

  cancelPending(): void {
    this.pending = null;
  }

  async start(request: MassActionRequest): Promise<void> {
    if (this.running) return;
    const follow = ++this.#follow;
    this.starting = true;
    this.error = null;
    this.job = null;
    this.opener.reset();
    try {
      const first = await this.#backend.startMassAction(request);
      this.starting = false;
      const last = await pollJob((job_id) => this.#backend.jobStatus({ job_id }), first, {
        onUpdate: (job) => {
          if (follow === this.#follow) this.job = job;
        },
        stopped: () => follow !== this.#follow,
      });
      if (last) this.#onDone(last);
    } catch (error) {
      if (follow === this.#follow) this.error = errorMessage(error);
    } finally {
      if (follow === this.#follow) this.starting = false;
    }
  }

  /** Hides a finished job's report (a job still being followed stays). */
  dismiss(): void {
    if (this.running) return;
    this.#follow += 1;
    this.job = null;
    this.error = null;
    this.opener.reset();
  }

  /** Opens the finished job's file (CSV or PDF) in the system viewer. */
  async openOutput(): Promise<void> {
    const path = this.job?.status === 'done' ? this.job.output_path : null;
    if (path) await this.opener.open(path);
  }
}
