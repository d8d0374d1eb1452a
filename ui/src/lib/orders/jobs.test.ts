// Tests the job polling: it follows a job to the end, rides out a few failed polls, can be
// stopped, and words the report.
import { describe, expect, it } from 'vitest';
import type { JobView } from '../api/bindings/JobView';
import { jobPercent, jobSummary, jobTitle, pollJob } from './jobs';

function job(patch: Partial<JobView> = {}): JobView {
  return {
    job_id: 7,
    kind: 'fulfil',
    status: 'running',
    total: 4,
    processed: 0,
    succeeded: 0,
    failures: [],
    output_path: null,
    ...patch,
  };
}

/** A fake `job_status` that answers from a script: states, or errors to throw. */
function scripted(answers: (JobView | Error)[]): {
  fetch: (id: number) => Promise<JobView>;
  calls: number[];
} {
  const calls: number[] = [];
  return {
    calls,
    fetch: (id) => {
      calls.push(id);
      const next = answers.shift();
      if (!next) return Promise.reject(new Error('no more answers'));
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  };
}

const noWait = (): Promise<void> => Promise.resolve();

describe('pollJob', () => {
  it('polls until the job is done and reports every state', async () => {
    const { fetch, calls } = scripted([
      job({ processed: 2, succeeded: 2 }),
      job({
        status: 'done',
        processed: 4,
        succeeded: 3,
        failures: [{ reference: 'S1-R1-000004', error: 'no' }],
      }),
    ]);
    const seen: number[] = [];
    const waits: number[] = [];
    const last = await pollJob(fetch, job({ status: 'queued' }), {
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      onUpdate: (state) => seen.push(state.processed),
    });
    expect(last?.status).toBe('done');
    expect(seen).toEqual([0, 2, 4]);
    expect(calls).toEqual([7, 7]);
    expect(waits).toEqual([300, 300]);
  });

  it('does not poll a job that is already done', async () => {
    const { fetch, calls } = scripted([]);
    const last = await pollJob(fetch, job({ status: 'done', processed: 4 }), { sleep: noWait });
    expect(last?.processed).toBe(4);
    expect(calls).toEqual([]);
  });

  it('rides out a few failed polls, then gives up', async () => {
    const flaky = scripted([new Error('busy'), new Error('busy'), job({ status: 'done', processed: 4 })]);
    expect((await pollJob(flaky.fetch, job(), { sleep: noWait, retries: 2 }))?.status).toBe('done');

    const broken = scripted([new Error('gone'), new Error('gone'), new Error('gone')]);
    await expect(pollJob(broken.fetch, job(), { sleep: noWait, retries: 2 })).rejects.toThrow('gone');
  });

  it('stops following when asked', async () => {
    const { fetch, calls } = scripted([job({ processed: 1 }), job({ processed: 2 })]);
    let stop = false;
    const last = await pollJob(fetch, job(), {
      sleep: noWait,
      onUpdate: (state) => {
        if (state.processed === 1) stop = true;
      },
      stopped: () => stop,
    });
    expect(last).toBeNull();
    expect(calls).toHaveLength(1);
  });
});

describe('job report', () => {
  it('counts progress in whole percent', () => {
    expect(jobPercent(job({ processed: 1, total: 3 }))).toBe(33);
    expect(jobPercent(job({ processed: 0, total: 0, status: 'done' }))).toBe(100);
    expect(jobPercent(job({ processed: 0, total: 0 }))).toBe(0);
  });

  it('summarises successes and failures and names the action', () => {
    const done = job({
      status: 'done',
      kind: 'cancel',
      total: 1,
      succeeded: 0,
      failures: [{ reference: 'A', error: 'x' }],
    });
    expect(jobSummary(done)).toBe('0 succeeded, 1 failed');
    expect(jobTitle(done)).toBe('Cancel finished · 1 order');
    expect(jobTitle(job({ kind: 'export_csv', total: 12 }))).toBe('Exporting 12 orders…');
    expect(jobTitle(job({ kind: 'pick_list', total: 3 }))).toBe('Making a pick list for 3 orders…');
  });
});
