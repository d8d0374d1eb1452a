// Tests saving an order's documents: busy while one is made, then the file or the error.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from '../api/fake/fakeBackend';
import { OrderDocuments, formatKilobytes } from './orderDocuments.svelte';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

describe('OrderDocuments', () => {
  it('shows sizes in whole kilobytes, at least 1', () => {
    expect(formatKilobytes(300)).toBe('1 KB');
    expect(formatKilobytes(24_576)).toBe('24 KB');
  });

  it('is busy while saving, then keeps the file written', async () => {
    const api = backend();
    const uuid = (await api.listOrders({ limit: 1 })).orders[0]?.uuid ?? '';
    const documents = new OrderDocuments(api, uuid);
    const saving = documents.save('receipt');
    expect(documents.busy).toBe('receipt');
    await saving;
    expect(documents.busy).toBeNull();
    expect(documents.saved?.path).toMatch(/-receipt\.pdf$/);
    expect(documents.error).toBeNull();
  });

  it('shows the error of an order that is gone', async () => {
    const documents = new OrderDocuments(backend(), crypto.randomUUID());
    await documents.save('invoice');
    expect(documents.saved).toBeNull();
    expect(documents.error).toMatch(/No order/);
  });
});
