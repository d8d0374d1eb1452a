// Tests saving an order's documents: busy while one is made, then the file or the error
// with its code; credit notes by number; opening the saved file in the system viewer.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from '../api/fake/fakeBackend';
import { documentKey, OrderDocuments, formatKilobytes } from './orderDocuments.svelte';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

async function paidOrder(api: FakeBackend): Promise<string> {
  const uuid = (await api.listOrders({ status: 'payment_accepted', limit: 1 })).orders[0]?.uuid;
  if (!uuid) throw new Error('no paid demo order');
  return uuid;
}

describe('OrderDocuments', () => {
  it('shows sizes in whole kilobytes, at least 1', () => {
    expect(formatKilobytes(300)).toBe('1 KB');
    expect(formatKilobytes(24_576)).toBe('24 KB');
  });

  it('names a credit note being made by its number', () => {
    expect(documentKey('invoice')).toBe('invoice');
    expect(documentKey('credit_note', 'CN-2026-000001')).toBe('credit_note:CN-2026-000001');
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
    expect(documents.problem).toBeNull();
  });

  it('shows the error of an order that is gone with its code', async () => {
    const documents = new OrderDocuments(backend(), crypto.randomUUID());
    await documents.save('invoice');
    expect(documents.saved).toBeNull();
    expect(documents.problem?.code).toBe('not_found');
  });

  it('saves a credit note by its number, and refuses one the order does not have', async () => {
    const api = backend();
    const uuid = await paidOrder(api);
    const documents = new OrderDocuments(api, uuid);
    await documents.save('credit_note');
    expect(documents.problem?.code).toBe('not_found');

    const canceled = await api.changeOrderStatus({ uuid, status: 'canceled' });
    const number = canceled.credit_notes[0]?.number ?? '';
    const saving = documents.save('credit_note', number);
    expect(documents.busy).toBe(`credit_note:${number}`);
    expect(documents.problem).toBeNull();
    await saving;
    expect(documents.saved?.path).toBe(`documents/${canceled.reference}-credit-note-${number}.pdf`);

    await documents.save('credit_note', 'CN-1999-000001');
    expect(documents.saved).toBeNull();
    expect(documents.problem?.code).toBe('not_found');
  });

  it('opens the saved document in the system viewer', async () => {
    const api = backend();
    const documents = new OrderDocuments(api, await paidOrder(api));
    await documents.save('invoice');
    const path = documents.saved?.path ?? '';
    const opening = documents.open();
    expect(documents.opener.opening).toBe(path);
    await opening;
    expect(documents.opener.opening).toBeNull();
    expect(documents.opener.opened).toBe(path);
    expect(documents.opener.problem).toBeNull();
    expect(api.opened).toEqual([path]);

    // Saving another document forgets how opening the last one went.
    await documents.save('packing_slip');
    expect(documents.opener.opened).toBeNull();
  });

  it('forgets a saved file the viewer cannot find', async () => {
    const api = backend();
    const documents = new OrderDocuments(api, await paidOrder(api));
    documents.saved = { path: '/tmp/elsewhere.pdf', bytes: 1 };
    await documents.open();
    expect(documents.opener.problem?.code).toBe('not_found');
    expect(documents.opener.gone).toBe(true);
    expect(documents.saved).toBeNull();
    expect(api.opened).toEqual([]);
  });
});
