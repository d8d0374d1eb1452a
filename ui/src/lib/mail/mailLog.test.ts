// Tests the sent log against the fake backend: keyset pages ("Load more" asks for the
// mails before the last one shown and stops after a short page), the chips, kinds and
// states in words, and "Send again" replacing the failed row with the queued one (or
// keeping the refusal on that row).
import { describe, expect, it } from 'vitest';
import type { MailLogEntry } from '../api/bindings/MailLogEntry';
import type { MailSettingsInput } from '../api/bindings/MailSettingsInput';
import { FakeBackend } from '../api/fake/fakeBackend';
import { MailLogStore, isWaiting, kindLabel, matchesFilter, stateColour, stateLabel } from './mailLog.svelte';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

const SERVER: MailSettingsInput = {
  host: 'smtp.example.com',
  port: 25,
  security: 'none',
  user: '',
  password: null,
  from_address: 'shop@example.com',
  from_name: '',
  admin_addresses: [],
  language: 'en',
  pay_link_template: '',
};

async function sales(api: FakeBackend, count: number): Promise<void> {
  const product = (await api.searchProducts({ query: 'milk', limit: 1 }))[0];
  for (let sale = 0; sale < count; sale += 1) {
    await api.addToCart({ product_id: product?.id ?? 0, quantity: 1 });
    const cart = await api.currentCart();
    await api.checkout({
      order_uuid: crypto.randomUUID(),
      cart_id: cart.cart_id ?? 0,
      tenders: [{ method: 'cash', tendered: '20.00' }],
    });
  }
}

function entry(change: Partial<MailLogEntry>): MailLogEntry {
  return {
    id: 1,
    kind: 'new_order_notification',
    status: null,
    order_reference: 'S1-R1-000001',
    order_uuid: 'u',
    state: 'queued',
    recipients: '',
    subject: '',
    attempts: 0,
    error: null,
    created_at: '2026-11-23T10:00:00Z',
    sent_at: null,
    next_attempt_at: null,
    caused_by: null,
    ...change,
  };
}

describe('sent log words', () => {
  it('names kinds and states', () => {
    expect(kindLabel(entry({ kind: 'order_confirmation' }))).toBe('Order confirmation');
    expect(kindLabel(entry({ kind: 'cart_recovery' }))).toBe('Cart recovery');
    expect(kindLabel(entry({}))).toBe('New order (to the shop)');
    expect(kindLabel(entry({ kind: 'status_changed', status: 'shipped' }))).toBe('Status change: Shipped');
    expect(kindLabel(entry({ kind: 'status_changed', status: 'shipped' }), () => 'On its way')).toBe(
      'Status change: On its way',
    );
    expect(stateLabel('retrying')).toBe('Retrying');
    expect(stateColour('failed')).not.toBe(stateColour('sent'));
    expect(['queued', 'sending', 'retrying'].every(isWaiting)).toBe(true);
    expect(['sent', 'failed', 'skipped'].some(isWaiting)).toBe(false);
  });

  it('lets the chips through the failed or the waiting mails', () => {
    const failed = entry({ state: 'failed' });
    const retrying = entry({ state: 'retrying' });
    const sent = entry({ state: 'sent' });
    expect([failed, retrying, sent].filter((e) => matchesFilter(e, 'failed'))).toEqual([failed]);
    expect([failed, retrying, sent].filter((e) => matchesFilter(e, 'waiting'))).toEqual([retrying]);
    expect([failed, retrying, sent].filter((e) => matchesFilter(e, 'all'))).toHaveLength(3);
  });
});

describe('MailLogStore', () => {
  it('pages by the last id and stops after a short page', async () => {
    const api = backend();
    await sales(api, 5);
    const log = new MailLogStore(api, { pageSize: 2 });
    await log.refresh();
    expect(log.entries.map((e) => e.id)).toEqual([5, 4]);
    expect(log.hasMore).toBe(true);
    await log.loadMore();
    expect(log.entries.map((e) => e.id)).toEqual([5, 4, 3, 2]);
    expect(log.hasMore).toBe(true);
    await log.loadMore();
    expect(log.entries.map((e) => e.id)).toEqual([5, 4, 3, 2, 1]);
    expect(log.hasMore).toBe(false);
    await log.loadMore();
    expect(log.entries).toHaveLength(5);

    // Refresh starts again from the newest page.
    await sales(api, 1);
    await log.refresh();
    expect(log.entries.map((e) => e.id)).toEqual([6, 5]);
    expect(log.loaded).toBe(true);
  });

  it('filters the loaded mails with the chips', async () => {
    const api = backend();
    await sales(api, 1);
    await api.saveMailSettings({ ...SERVER, host: 'fail.example.com' });
    await sales(api, 1);
    expect(api.runMailOutbox()).toBe(2);
    await api.saveMailSettings({ ...SERVER, host: '' });
    await sales(api, 1);
    const log = new MailLogStore(api);
    await log.refresh();
    expect(log.entries.map((e) => e.state)).toEqual(['queued', 'failed', 'failed']);
    log.filter = 'waiting';
    expect(log.shown.map((e) => e.id)).toEqual([3]);
    log.filter = 'failed';
    expect(log.shown.map((e) => e.id)).toEqual([2, 1]);
  });

  it('sends a failed mail again and shows its row as queued', async () => {
    const api = backend();
    await api.saveMailSettings({ ...SERVER, host: 'fail.example.com' });
    await sales(api, 2);
    let changed = 0;
    const log = new MailLogStore(api, { changed: () => (changed += 1) });
    await log.refresh();
    expect(log.entries.map((e) => e.state)).toEqual(['failed', 'failed']);

    const retrying = log.retry(1);
    expect(log.retrying).toBe(1);
    expect(await retrying).toBe(true);
    expect(log.retrying).toBeNull();
    expect(log.entries.map((e) => [e.id, e.state])).toEqual([
      [2, 'failed'],
      [1, 'queued'],
    ]);
    expect(changed).toBe(1);
    // Under "Failed" the row sent again stays in sight until the next refresh.
    log.filter = 'failed';
    expect(log.shown.map((e) => [e.id, e.state])).toEqual([
      [2, 'failed'],
      [1, 'queued'],
    ]);

    // Not failed any more: the refusal stays on that row only.
    expect(await log.retry(1)).toBe(false);
    expect(log.rowProblems[1]?.code).toBe('not_found');
    expect(log.rowProblems[2]).toBeUndefined();
    expect(log.entries.find((e) => e.id === 1)?.state).toBe('queued');
  });
});
