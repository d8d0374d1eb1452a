// Tests the register's state machine on the fake backend: unknown → closed → open (cash
// in and out, X report) → counting → closed with the Z report, and back open; refusals at
// their fields; a register opened or closed elsewhere reloads the state; the Z report's
// PDF, viewer and printer; past sessions.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from '../api/fake/fakeBackend';
import { RegisterStore, readAmount } from './register.svelte';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

async function cashSale(api: FakeBackend): Promise<string> {
  const [product] = await api.searchProducts({ query: 'a', limit: 1 });
  if (!product) throw new Error('no demo product');
  const cart = await api.addToCart({ product_id: product.id, quantity: 1 });
  const { order } = await api.checkout({
    order_uuid: crypto.randomUUID(),
    cart_id: cart.cart_id ?? 0,
    tenders: [{ method: 'cash', tendered: '200.00' }],
  });
  return order.total;
}

describe('readAmount', () => {
  it('normalises what was typed, or refuses it', () => {
    expect(readAmount(' 100 ', 2, true)).toBe('100.00');
    expect(readAmount('0', 2, true)).toBe('0.00');
    expect(readAmount('0', 2, false)).toBeNull();
    expect(readAmount('-5', 2, true)).toBeNull();
    expect(readAmount('1.999', 2, true)).toBeNull();
    expect(readAmount('4,5', 2, false)).toBe('4.50');
  });
});

describe('RegisterStore', () => {
  it('goes closed → open → counting → closed with a Z report, and opens again', async () => {
    const api = backend();
    const register = new RegisterStore(api);
    expect(register.state).toBe('unknown');
    await register.refresh();
    expect(register.state).toBe('closed');
    expect(register.report).toBeNull();

    // A float that is not an amount never reaches the backend.
    register.float = 'a hundred';
    expect(await register.open()).toBe(false);
    expect(register.floatProblem?.code).toBeNull();
    expect(register.state).toBe('closed');

    register.float = '100';
    expect(await register.open()).toBe(true);
    expect(register.state).toBe('open');
    expect(register.float).toBe('');
    expect(register.session?.opening_float).toBe('100.00');
    expect(register.report?.kind).toBe('x');

    const total = await cashSale(api);
    await register.refreshReport();
    expect(register.report?.order_count).toBe(1);

    register.startMovement('out');
    expect(register.modalOpen).toBe(true);
    const movement = register.movement;
    if (!movement) throw new Error('movement form');
    movement.amount = '5';
    expect(await register.submitMovement()).toBe(false);
    expect(movement.reasonProblem).not.toBeNull();
    movement.reason = 'Window cleaner';
    expect(await register.submitMovement()).toBe(true);
    expect(register.movement).toBeNull();
    expect(register.report?.cash_out).toBe('5.00');

    await register.startClose();
    const count = register.count;
    if (!count) throw new Error('count form');
    expect(register.modalOpen).toBe(true);
    expect(count.lines[0]?.method).toBe('cash');
    expect(count.total).toBeNull();
    // Cash is required: nothing is sent without it.
    expect(await register.confirmClose()).toBe(false);
    expect(count.problems['cash']).toMatch(/Count the cash/);
    expect(register.state).toBe('open');

    const expected = count.lines[0]?.expected ?? '';
    const [whole = '0', fraction = '00'] = expected.split('.');
    const shortCents = Number(whole) * 100 + Number(fraction) - 50;
    const cash = count.lines[0];
    if (!cash) throw new Error('cash line');
    cash.text = `${Math.floor(shortCents / 100)}.${String(shortCents % 100).padStart(2, '0')}`;
    count.edited('cash');
    expect(count.problems).toEqual({});
    expect(count.difference(cash)).toBe(-50);
    expect(count.total).toBe(-50);
    expect(await register.confirmClose()).toBe(true);

    expect(register.state).toBe('closed');
    expect(register.count).toBeNull();
    expect(register.report).toBeNull();
    const closed = register.closed;
    expect(closed?.report?.kind).toBe('z');
    expect(closed?.report?.difference).toBe('-0.50');
    expect(closed?.report?.sales_total).toBe(total);
    expect(closed?.path).toBe('documents/R1-z-report-1.pdf');
    await register.history.load();
    expect(register.history.sessions.map((s) => s.number)).toEqual([1]);

    register.float = '50.00';
    expect(await register.open()).toBe(true);
    expect(register.session?.number).toBe(2);
    expect(register.closed).toBeNull();
  });

  it('puts field refusals of a cash movement at their field', async () => {
    const api = backend();
    const register = new RegisterStore(api);
    register.float = '0';
    await register.open();
    register.startMovement('in');
    const movement = register.movement;
    if (!movement) throw new Error('movement form');
    movement.amount = '5';
    movement.reason = 'r'.repeat(201); // longer than the core takes
    expect(await register.submitMovement()).toBe(false);
    expect(movement.reasonProblem?.code).toBe('invalid_input');
    expect(movement.reasonProblem?.message).not.toMatch(/^reason:/);
    expect(movement.amountProblem).toBeNull();
  });

  it('follows a register opened or closed elsewhere', async () => {
    const api = backend();
    const here = new RegisterStore(api);
    const there = new RegisterStore(api);
    await here.refresh();
    there.float = '10';
    await there.open();

    here.float = '20';
    expect(await here.open()).toBe(false);
    expect(here.state).toBe('open');
    expect(here.session?.opening_float).toBe('10.00');
    expect(here.notice).toMatch(/already open/);

    await here.startClose();
    const count = here.count;
    if (!count) throw new Error('count form');
    const cash = count.lines[0];
    if (!cash) throw new Error('cash line');
    cash.text = '10';
    await there.startClose();
    const other = there.count;
    if (!other?.lines[0]) throw new Error('count form');
    other.lines[0].text = '10';
    expect(await there.confirmClose()).toBe(true);

    expect(await here.confirmClose()).toBe(false);
    expect(here.state).toBe('closed');
    expect(here.count).toBeNull();
    expect(here.notice).toMatch(/not open/);
  });

  it('saves, opens and prints a past Z report', async () => {
    const api = backend();
    const register = new RegisterStore(api);
    register.float = '10';
    await register.open();
    await register.startClose();
    const cash = register.count?.lines[0];
    if (!cash) throw new Error('cash line');
    cash.text = '10';
    await register.confirmClose();

    const history = register.history;
    await history.load();
    const [session] = history.sessions;
    if (!session) throw new Error('one session');
    const document = history.documents[session.id];
    if (!document) throw new Error('documents of the closed session');
    await history.view(session.id);
    expect(history.viewing).toBe(document);
    expect(register.modalOpen).toBe(true);
    expect(document.report?.difference).toBe('0.00');
    history.closeView();

    await document.open();
    expect(document.path).toBe('documents/R1-z-report-1.pdf');
    expect(api.opened).toEqual(['documents/R1-z-report-1.pdf']);

    await document.print();
    expect(document.printProblem?.code).toBe('printer_not_configured');
    await api.savePrinterSettings({ address: 'tcp:printer', paper_mm: 80 });
    await document.print();
    expect(document.printProblem).toBeNull();
    expect(document.printed?.reference).toBe('Z 1');
  });
});
