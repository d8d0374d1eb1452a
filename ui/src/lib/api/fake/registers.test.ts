// Tests the fake backend's register sessions and journal: the core's codes and field
// prefixes in the core's order, the X report from the orders rung up while the session is
// open (float + cash taken + in − out expected in the drawer), the Z report frozen at
// closing, the sessions newest first, and the journal's count of sales and closings.
import { describe, expect, it } from 'vitest';
import { BackendError } from '../errors';
import { FakeBackend } from './fakeBackend';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string } | null> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof BackendError ? { code: error.code, message: error.message } : null;
}

/** One cash sale of the first demo product; returns its total. */
async function cashSale(api: FakeBackend): Promise<string> {
  const [product] = await api.searchProducts({ query: 'a', limit: 1 });
  if (!product) throw new Error('no demo product');
  const cart = await api.addToCart({ product_id: product.id, quantity: 2 });
  const { order } = await api.checkout({
    order_uuid: crypto.randomUUID(),
    cart_id: cart.cart_id ?? 0,
    tenders: [{ method: 'cash', tendered: '500.00' }],
  });
  return order.total;
}

function cents(amount: string): number {
  const [whole = '0', fraction = '00'] = amount.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return amount.startsWith('-') ? -value : value;
}

describe('FakeBackend register validation', () => {
  it('refuses a bad opening float with the opening_float: prefix, and a second opening', async () => {
    const api = backend();
    expect(await api.currentRegisterSession()).toBeNull();
    for (const float of ['-1.00', '1.005', 'abc']) {
      const problem = await refusal(api.openRegister({ opening_float: float }));
      expect(problem?.code).toBe('invalid_input');
      expect(problem?.message).toMatch(/^opening_float: /);
    }
    const session = await api.openRegister({ opening_float: '100' });
    expect(session).toMatchObject({
      number: 1,
      opening_float: '100.00',
      closed_at: null,
      opened_by: 'Register R1',
    });
    expect(await api.currentRegisterSession()).toEqual(session);
    expect((await refusal(api.openRegister({ opening_float: '50.00' })))?.code).toBe('register_already_open');
    // The float is checked before the open session is looked for, as in the core.
    expect((await refusal(api.openRegister({ opening_float: '-5' })))?.code).toBe('invalid_input');
  });

  it('checks cash movements field by field, then whether the register is open', async () => {
    const api = backend();
    const prefix = async (kind: string, amount: string, reason: string): Promise<string | null> =>
      (await refusal(api.cashMovement({ kind, amount, reason })))?.message.split(':')[0] ?? null;
    expect(await prefix('sideways', '5.00', 'x')).toBe('kind');
    expect(await prefix('out', '0.00', 'x')).toBe('amount');
    expect(await prefix('out', '-5.00', 'x')).toBe('amount');
    expect(await prefix('out', '5.001', 'x')).toBe('amount');
    expect(await prefix('out', '5.00', '   ')).toBe('reason');
    expect(await prefix('out', '5.00', 'r'.repeat(201))).toBe('reason');
    expect((await refusal(api.cashMovement({ kind: 'out', amount: '5.00', reason: 'Bank' })))?.code).toBe(
      'register_not_open',
    );
    expect((await refusal(api.xReport()))?.code).toBe('register_not_open');
  });

  it('requires the cash to be counted at closing, and an open register', async () => {
    const api = backend();
    const noCash = await refusal(api.closeRegister({ counted: [{ method: 'card', amount: '0.00' }] }));
    expect(noCash?.code).toBe('invalid_input');
    expect(noCash?.message).toMatch(/^counted: /);
    const negative = await refusal(api.closeRegister({ counted: [{ method: 'cash', amount: '-1.00' }] }));
    expect(negative?.message).toMatch(/^counted\[0\]: /);
    expect((await refusal(api.closeRegister({ counted: [{ method: 'cash', amount: '0.00' }] })))?.code).toBe(
      'register_not_open',
    );
  });
});

describe('FakeBackend register reports', () => {
  it('reports the session so far and freezes the Z report at closing', async () => {
    const api = backend();
    await cashSale(api); // before opening: filed under no session
    await api.openRegister({ opening_float: '100.00' });
    const empty = await api.xReport();
    expect(empty.kind).toBe('x');
    expect(empty.order_count).toBe(0);
    expect(empty.methods).toEqual([
      expect.objectContaining({ method: 'cash', count: 0, taken: '0.00', expected: '100.00' }),
    ]);

    const total = await cashSale(api);
    const afterOut = await api.cashMovement({ kind: 'out', amount: '5.00', reason: ' Window cleaner ' });
    expect(afterOut.movements).toEqual([
      expect.objectContaining({
        kind: 'out',
        amount: '5.00',
        reason: 'Window cleaner',
        staff: 'Register R1',
      }),
    ]);
    await api.cashMovement({ kind: 'in', amount: '20.00', reason: 'Change from the bank' });
    const x = await api.xReport();
    expect(x.order_count).toBe(1);
    expect(x.sales_total).toBe(total);
    expect(x.cash_out).toBe('5.00');
    expect(x.cash_in).toBe('20.00');
    const cash = x.methods.find((line) => line.method === 'cash');
    expect(cash?.taken).toBe(total);
    expect(cents(cash?.expected ?? '')).toBe(10000 + cents(total) + 2000 - 500);
    expect(x.taxes.length).toBeGreaterThan(0);
    expect(x.difference).toBeNull();

    const short = cents(cash?.expected ?? '') - 50;
    const saved = await api.closeRegister({
      counted: [
        { method: 'cash', amount: `${Math.floor(short / 100)}.${String(short % 100).padStart(2, '0')}` },
      ],
    });
    expect(saved.path).toBe('documents/R1-z-report-1.pdf');
    expect(saved.report.kind).toBe('z');
    expect(saved.report.difference).toBe('-0.50');
    expect(saved.report.methods[0]).toMatchObject({ method: 'cash', difference: '-0.50' });
    expect(saved.report.session.closed_at).not.toBeNull();
    expect(await api.currentRegisterSession()).toBeNull();

    // Sales after closing change nothing in the frozen report.
    await cashSale(api);
    expect(await api.zReport({ session_id: saved.report.session.id })).toEqual(saved.report);
    expect((await api.saveZReport({ session_id: saved.report.session.id })).path).toBe(saved.path);
  });

  it('lists sessions newest first and reprints only closed ones', async () => {
    const api = backend();
    const first = await api.openRegister({ opening_float: '10.00' });
    expect((await refusal(api.zReport({ session_id: first.id })))?.code).toBe('register_not_open');
    await api.closeRegister({ counted: [{ method: 'cash', amount: '10.00' }] });
    const second = await api.openRegister({ opening_float: '20.00' });
    expect(second.number).toBe(2);
    expect((await api.registerSessions()).map((s) => [s.number, s.closed_at === null])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect((await refusal(api.zReport({ session_id: 999 })))?.code).toBe('not_found');
    expect((await refusal(api.printZReport({ session_id: first.id })))?.code).toBe('printer_not_configured');
    await api.savePrinterSettings({ address: 'tcp:printer', paper_mm: 80 });
    expect((await api.printZReport({ session_id: first.id })).reference).toBe('Z 1');
  });
});

describe('FakeBackend journal', () => {
  it('counts sales and closings, chains a hash, and reports a tampered entry', async () => {
    const api = backend();
    const before = await api.verifyJournal();
    expect(before.problem).toBeNull();
    await api.openRegister({ opening_float: '0' });
    await cashSale(api);
    await api.closeRegister({ counted: [{ method: 'cash', amount: '0' }] });
    const after = await api.verifyJournal();
    expect(after.entries).toBe(before.entries + 2);
    expect(after.last_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(after.last_hash).not.toBe(before.last_hash);

    api.tamperJournal(2);
    const broken = await api.verifyJournal();
    expect(broken).toMatchObject({ entries: 1, last_hash: null, problem: { seq: 2 } });
    expect(broken.problem?.problem).toMatch(/no longer matches/);
  });
});
