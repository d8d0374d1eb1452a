// Tests the status bar's mail state: nothing while mail is set up and nothing waits, the
// waiting and failed counts in words, "E-mail not set up" when mails wait without a server,
// and the store looking again every interval until stopped.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBackend } from '../api/fake/fakeBackend';
import { MailStatusStore, mailIndicators } from './mailStatus.svelte';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

const texts = (configured: boolean, pending: number, failed: number): string[] =>
  mailIndicators({ configured, pending, failed }).map((indicator) => indicator.text);

describe('mail status words', () => {
  it('shows nothing until known, and nothing when all is sent', () => {
    expect(mailIndicators(null)).toEqual([]);
    expect(texts(true, 0, 0)).toEqual([]);
    expect(texts(false, 0, 0)).toEqual([]);
  });

  it('counts waiting and failed mails', () => {
    expect(texts(true, 1, 0)).toEqual(['1 mail waiting']);
    expect(texts(true, 3, 0)).toEqual(['3 mails waiting']);
    expect(texts(true, 0, 2)).toEqual(['2 mails failed']);
    expect(texts(true, 4, 1)).toEqual(['4 mails waiting', '1 mail failed']);
    const [failed] = mailIndicators({ configured: true, pending: 0, failed: 2 });
    expect(failed).toMatchObject({ kind: 'failed', tone: 'warning' });
  });

  it('says e-mail is not set up when mails wait without a server', () => {
    const [indicator] = mailIndicators({ configured: false, pending: 3, failed: 0 });
    expect(indicator).toMatchObject({ kind: 'not_set_up', text: 'E-mail not set up', tone: 'muted' });
    expect(indicator?.title).toMatch(/^3 mails waiting/);
    expect(texts(false, 2, 1)).toEqual(['E-mail not set up', '1 mail failed']);
  });
});

describe('MailStatusStore', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('looks at once, then every interval until stopped', async () => {
    vi.useFakeTimers();
    const api = backend();
    const calls = vi.spyOn(api, 'mailStatus');
    const status = new MailStatusStore(api);
    const stop = status.start(15_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveBeenCalledTimes(1);
    expect(status.indicators).toEqual([]);

    const product = (await api.searchProducts({ query: 'milk', limit: 1 }))[0];
    await api.addToCart({ product_id: product?.id ?? 0, quantity: 1 });
    const cart = await api.currentCart();
    await api.checkout({
      order_uuid: crypto.randomUUID(),
      cart_id: cart.cart_id ?? 0,
      tenders: [{ method: 'cash', tendered: '20.00' }],
    });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(calls).toHaveBeenCalledTimes(2);
    expect(status.status).toEqual({ configured: false, pending: 1, failed: 0 });
    expect(status.indicators.map((indicator) => indicator.text)).toEqual(['E-mail not set up']);

    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveBeenCalledTimes(2);
  });

  it('keeps the last answer when a look fails', async () => {
    const api = backend();
    const status = new MailStatusStore(api);
    await status.refresh();
    expect(status.status).toEqual({ configured: false, pending: 0, failed: 0 });
    api.mailStatus = (): Promise<never> => Promise.reject(new Error('gone'));
    await status.refresh();
    expect(status.status).toEqual({ configured: false, pending: 0, failed: 0 });
  });
});
