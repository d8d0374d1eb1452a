// Background jobs of the fake backend: a mass action works through its orders a few at a
// time on a timer (a few hundred milliseconds in all), so the UI has real progress to poll
// while the counter stays usable. Failures are kept per order with the rule they broke.
import type { JobView } from '../bindings/JobView';
import type { MassActionKind } from '../bindings/MassActionKind';
import { BackendError, errorMessage } from '../errors';

/** One order of a job: `run` applies the action and throws when it is not allowed. */
export interface JobStep {
  reference: string;
  run: () => void;
}

const TICK_MS = 40;

export class FakeJobs {
  readonly #jobs = new Map<number, JobView>();
  #nextId = 1;

  /**
   * Starts a job over `steps`; `afterEach` runs after every order (to save), `finish`
   * once at the end and may return the file written.
   */
  start(
    kind: MassActionKind,
    steps: JobStep[],
    afterEach: () => void,
    finish: () => string | null = () => null,
  ): JobView {
    const job: JobView = {
      job_id: this.#nextId++,
      kind,
      status: 'queued',
      total: steps.length,
      processed: 0,
      succeeded: 0,
      failures: [],
      output_path: null,
    };
    this.#jobs.set(job.job_id, job);
    const duration = Math.min(300 + steps.length * 30, 2500);
    const perTick = Math.max(1, Math.ceil(steps.length / (duration / TICK_MS)));
    const queue = [...steps];
    const tick = (): void => {
      job.status = 'running';
      for (const step of queue.splice(0, perTick)) {
        try {
          step.run();
          job.succeeded += 1;
        } catch (error) {
          job.failures.push({ reference: step.reference, error: errorMessage(error) });
        }
        job.processed += 1;
      }
      afterEach();
      if (queue.length > 0) {
        setTimeout(tick, TICK_MS);
      } else {
        job.output_path = finish();
        job.status = 'done';
      }
    };
    setTimeout(tick, TICK_MS);
    return structuredClone(job);
  }

  view(jobId: number): JobView {
    const job = this.#jobs.get(jobId);
    if (!job) throw new BackendError('not_found', `There is no job ${jobId}.`);
    return structuredClone(job);
  }
}
