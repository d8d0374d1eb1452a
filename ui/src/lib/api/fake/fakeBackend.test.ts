// Tests that the fake backend keeps the core's contract the UI relies on: error codes,
// cart merging and idempotent checkout.
import { describe, expect, it } from 'vitest';
import { BackendError } from '../errors';
import { demoProducts } from './catalog';
import { FakeBackend } from './fakeBackend';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

const barcodeOf = (index: number): string => {
  const barcode = demoProducts().filter((p) => p.barcode !== null)[index]?.barcode;
  if (!barcode) throw new Error('no such demo product');
  return barcode;
};

describe('FakeBackend', () => {
  it('rejects an unknown barcode with its code', async () => {
    const error: unknown = await backend()
      .scanBarcode({ barcode: '00000000' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe('unknown_barcode');
  });

  it('merges repeated scans into one line', async () => {
    const api = backend();
    await api.scanBarcode({ barcode: barcodeOf(0) });
    const { cart } = await api.scanBarcode({ barcode: barcodeOf(0) });
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]?.quantity).toBe(2);
  });

  it('reports a short payment and keeps the cart open', async () => {
    const api = backend();
    const { cart } = await api.scanBarcode({ barcode: barcodeOf(1) });
    const request = { order_uuid: crypto.randomUUID(), cart_id: cart.cart_id ?? 0 };
    await expect(
      api.checkout({ ...request, tenders: [{ method: 'cash', tendered: '0.01' }] }),
    ).rejects.toMatchObject({
      code: 'payment_short',
    });
    expect((await api.currentCart()).lines).toHaveLength(1);
  });

  it('returns the same order for a retried UUID', async () => {
    const api = backend();
    const { cart } = await api.scanBarcode({ barcode: barcodeOf(2) });
    const request = {
      order_uuid: crypto.randomUUID(),
      cart_id: cart.cart_id ?? 0,
      tenders: [{ method: 'cash' as const, tendered: '100.00' }],
    };
    const first = await api.checkout(request);
    const again = await api.checkout(request);
    expect(again.order.reference).toBe(first.order.reference);
    expect((await api.currentCart()).lines).toHaveLength(0);
    const page = await api.listOrders({ limit: 200 });
    expect(page.orders.filter((o) => o.uuid === request.order_uuid)).toHaveLength(1);
  });
});
