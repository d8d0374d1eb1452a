// Tests the mass action store's file: a finished export opens in the system viewer, and
// closing the report forgets how that went.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from '../api/fake/fakeBackend';
import { MassActionStore } from './massAction.svelte';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

describe('MassActionStore', () => {
  it('opens the file a finished export wrote', async () => {
    const api = backend();
    const orders = (await api.listOrders({ limit: 3 })).orders.map((order) => order.uuid);
    const jobs = new MassActionStore(api, () => {});
    await jobs.openOutput();
    expect(api.opened).toEqual([]);

    await jobs.start({ kind: 'export_csv', orders });
    const path = jobs.job?.output_path ?? '';
    expect(jobs.job?.status).toBe('done');
    expect(path).toMatch(/^exports\/orders-.*\.csv$/);
    await jobs.openOutput();
    expect(api.opened).toEqual([path]);
    expect(jobs.opener.opened).toBe(path);

    jobs.dismiss();
    expect(jobs.opener.opened).toBeNull();
  });
});
