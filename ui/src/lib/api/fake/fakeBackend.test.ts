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

describe('FakeBackend back office', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function firstOrder(api: FakeBackend, status: string): Promise<string> {
    const page = await api.listOrders({ status, limit: 1 });
    const uuid = page.orders[0]?.uuid;
    if (!uuid) throw new Error(`no demo order is ${status}`);
    return uuid;
  }

  it('filters by status, payment method and search words', async () => {
    const api = backend();
    const shipped = await api.listOrders({ status: 'shipped', limit: 200 });
    expect(shipped.orders.every((o) => o.status === 'shipped')).toBe(true);
    const card = await api.listOrders({ payment_method: 'card', limit: 200 });
    for (const summary of card.orders.slice(0, 5)) {
      const detail = await api.getOrder({ uuid: summary.uuid });
      expect(detail.payments.some((p) => p.method === 'card')).toBe(true);
    }
    const reference = shipped.orders[0]?.reference ?? '';
    const found = await api.listOrders({ search: reference });
    expect(found.orders.map((o) => o.reference)).toEqual([reference]);
    await expect(api.listOrders({ date_from: '23-11-2026' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('refunds a canceled paid order with a credit note and forbids changing it again', async () => {
    const api = backend();
    const uuid = await firstOrder(api, 'payment_accepted');
    const canceled = await api.changeOrderStatus({ uuid, status: 'canceled', note: 'Customer called' });
    expect(canceled.status).toBe('canceled');
    expect(canceled.credit_notes).toHaveLength(1);
    expect(canceled.credit_notes[0]?.number).toMatch(/^CN-\d{4}-\d{6}$/);
    expect(canceled.refunded).toBe(canceled.paid);
    expect(canceled.history.at(-1)).toMatchObject({
      from_status: 'payment_accepted',
      note: 'Customer called',
    });
    await expect(api.changeOrderStatus({ uuid, status: 'processing' })).rejects.toMatchObject({
      code: 'transition_forbidden',
    });
  });

  it('takes partial payments until the order is paid', async () => {
    const api = backend();
    const { order } = await api.createStaffOrder({
      order_uuid: crypto.randomUUID(),
      customer_id: 1,
      lines: [{ product_id: 1, quantity: 2 }],
      coupon_codes: [],
      tenders: [],
    });
    expect(order.status).toBe('awaiting_payment');
    expect(order.invoice?.status).toBe('unpaid');
    const half = await api.recordPayment({ uuid: order.uuid, tender: { method: 'card', amount: '3.00' } });
    expect(half.status).toBe('awaiting_payment');
    expect(half.invoice?.status).toBe('partially_paid');
    const paid = await api.recordPayment({ uuid: order.uuid, tender: { method: 'cash', tendered: '10.00' } });
    expect(paid.status).toBe('payment_accepted');
    expect(paid.paid).toBe(order.total);
    expect(paid.change_due).toBe('5.10');
  });

  it('deletes test orders only', async () => {
    const api = backend();
    const real = await firstOrder(api, 'payment_accepted');
    await expect(api.deleteTestOrder({ uuid: real })).rejects.toMatchObject({ code: 'not_a_test_order' });
    const { order } = await api.createStaffOrder({
      order_uuid: crypto.randomUUID(),
      customer_id: 2,
      lines: [{ product_id: 3, quantity: 1 }],
      coupon_codes: [],
      tenders: [{ method: 'cash', tendered: '5.00' }],
      is_test: true,
    });
    expect(order.invoice?.number).toMatch(/^TEST-/);
    await api.deleteTestOrder({ uuid: order.uuid });
    await expect(api.getOrder({ uuid: order.uuid })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('runs a mass action as a job that reports failures per order', async () => {
    const api = backend();
    const paid = await firstOrder(api, 'payment_accepted');
    const canceled = await firstOrder(api, 'canceled');
    const started = await api.startMassAction({ kind: 'fulfil', orders: [paid, canceled] });
    expect(started.total).toBe(2);
    expect(started.status).not.toBe('done');
    let job = started;
    for (let i = 0; i < 50 && job.status !== 'done'; i += 1) {
      await sleep(20);
      job = await api.jobStatus({ job_id: started.job_id });
    }
    expect(job).toMatchObject({ status: 'done', processed: 2, succeeded: 1 });
    expect(job.failures[0]?.error).toMatch(/final/);
    expect((await api.getOrder({ uuid: paid })).status).toBe('shipped');
  });

  it('exports every order matching a filter and names the file', async () => {
    const api = backend();
    const started = await api.startMassAction({
      kind: 'export_csv',
      orders: [],
      filter: { status: 'delivered' },
    });
    let job = started;
    for (let i = 0; i < 50 && job.status !== 'done'; i += 1) {
      await sleep(20);
      job = await api.jobStatus({ job_id: started.job_id });
    }
    const delivered = await api.listOrders({ status: 'delivered', limit: 200 });
    expect(job.total).toBe(delivered.orders.length);
    expect(job.output_path).toMatch(/\.csv$/);
  });

  it('saves an order document and says where and how big', async () => {
    const api = backend();
    const uuid = await firstOrder(api, 'payment_accepted');
    const { reference } = await api.getOrder({ uuid });
    const saved = await api.saveOrderDocument({ uuid, kind: 'packing_slip' });
    expect(saved.path).toBe(`documents/${reference}-packing-slip.pdf`);
    expect(saved.bytes).toBeGreaterThan(0);
    await expect(api.saveOrderDocument({ uuid: crypto.randomUUID(), kind: 'receipt' })).rejects.toMatchObject(
      { code: 'not_found' },
    );
  });

  it('writes packing slips as a PDF without changing the orders', async () => {
    const api = backend();
    const uuid = await firstOrder(api, 'payment_accepted');
    const started = await api.startMassAction({ kind: 'packing_slips', orders: [uuid] });
    let job = started;
    for (let i = 0; i < 50 && job.status !== 'done'; i += 1) {
      await sleep(20);
      job = await api.jobStatus({ job_id: started.job_id });
    }
    expect(job).toMatchObject({ status: 'done', succeeded: 1 });
    expect(job.output_path).toMatch(/\.pdf$/);
    expect((await api.getOrder({ uuid })).status).toBe('payment_accepted');
  });
});
