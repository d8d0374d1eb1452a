// Tests the fake backend's receipt printer: settings are checked and kept, and printing
// needs an address.
import { describe, expect, it } from 'vitest';
import { BackendError } from '../errors';
import { FakeBackend } from './fakeBackend';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof BackendError ? error.code : null;
}

describe('FakeBackend printer', () => {
  it('starts without a printer and refuses to print', async () => {
    const api = backend();
    expect(await api.printerSettings()).toEqual({ address: '', paper_mm: 80 });
    expect(await codeOf(api.reprintLastReceipt())).toBe('printer_not_configured');
  });

  it('checks the address and the paper width', async () => {
    const api = backend();
    expect(await codeOf(api.savePrinterSettings({ address: 'lpt1', paper_mm: 80 }))).toBe('invalid_input');
    expect(await codeOf(api.savePrinterSettings({ address: '', paper_mm: 72 }))).toBe('invalid_input');
    const saved = await api.savePrinterSettings({ address: ' tcp:printer:9100 ', paper_mm: 58 });
    expect(saved).toEqual({ address: 'tcp:printer:9100', paper_mm: 58 });
    expect(await api.printerSettings()).toEqual(saved);
  });

  it('prints a receipt only once a printer is set', async () => {
    const api = backend();
    const [product] = await api.searchProducts({ query: 'a', limit: 1 });
    if (!product) throw new Error('no demo product');
    const cart = await api.addToCart({ product_id: product.id, quantity: 1 });
    const { order } = await api.checkout({
      order_uuid: crypto.randomUUID(),
      cart_id: cart.cart_id ?? 0,
      tenders: [{ method: 'card', amount: cart.total }],
    });
    expect(await codeOf(api.printReceipt({ uuid: order.uuid, open_drawer: true }))).toBe(
      'printer_not_configured',
    );
    await api.savePrinterSettings({ address: 'file:receipts.bin', paper_mm: 80 });
    expect((await api.printReceipt({ uuid: order.uuid, open_drawer: true })).reference).toBe(order.reference);
    expect((await api.reprintLastReceipt()).reference).toBe(order.reference);
  });
});

describe('FakeBackend test page', () => {
  it('prints a test page only once a printer is set', async () => {
    const api = backend();
    expect(await codeOf(api.printTestPage())).toBe('printer_not_configured');
    await api.savePrinterSettings({ address: 'tcp:printer', paper_mm: 80 });
    const outcome = await api.printTestPage();
    expect(outcome.reference).toBeNull();
    expect(outcome.bytes).toBeGreaterThan(0);
  });
});
