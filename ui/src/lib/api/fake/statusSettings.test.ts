// Tests that the fake backend saves order statuses as the core does: the same checks with
// `invalid_input` messages, create or update by code, display order, and that the saved
// flags (not the names) drive the transition rules.
import { describe, expect, it } from 'vitest';
import type { OrderStatusView } from '../bindings/OrderStatusView';
import { FakeBackend } from './fakeBackend';
import { STATUSES } from './statuses';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

function status(changes: Partial<OrderStatusView>): OrderStatusView {
  const processing = STATUSES.find((s) => s.code === 'processing');
  if (!processing) throw new Error('no processing status');
  return { ...processing, ...changes };
}

const rejects = (changes: Partial<OrderStatusView>, message: RegExp) =>
  expect(backend().saveOrderStatus(status(changes))).rejects.toMatchObject({
    code: 'invalid_input',
    message: expect.stringMatching(message) as unknown,
  });

describe('saveOrderStatus in the fake', () => {
  it('checks the code', async () => {
    await rejects({ code: 'Bad Code' }, /1–40 lowercase letters, digits or underscores/);
    await rejects({ code: '' }, /status code/);
    await rejects({ code: 'a'.repeat(41) }, /status code/);
    await rejects({ code: 'ready-for-pickup' }, /status code/);
  });

  it('checks the label and the colour', async () => {
    await rejects({ label: '   ' }, /label must be 1–60 characters/);
    await rejects({ label: 'x'.repeat(61) }, /label must be 1–60 characters/);
    await rejects({ colour: 'green' }, /must look like #2f855a/);
    await rejects({ colour: '#2f855' }, /must look like #2f855a/);
    await rejects({ position: 2.5 }, /whole number/);
  });

  it('refuses incoherent flags', async () => {
    await rejects({ canceled: true, paid: true }, /canceled status cannot also be paid/);
    await rejects({ canceled: true, paid: false, shipped: true }, /canceled status/);
    await rejects({ paid: true, delivered: true, shipped: false }, /delivered status must also be shipped/);
  });

  it('adds a new code in display order and returns the whole list', async () => {
    const statuses = await backend().saveOrderStatus(
      status({ code: ' ready_for_pickup ', label: ' Ready for pick-up ', position: 3, colour: '#0E7490' }),
    );
    expect(statuses).toHaveLength(STATUSES.length + 1);
    expect(statuses.map((s) => s.code).slice(2, 4)).toEqual(['processing', 'ready_for_pickup']);
    expect(statuses[3]).toMatchObject({ label: 'Ready for pick-up', colour: '#0e7490', paid: true });
  });

  it('updates a known code, also on the orders in it', async () => {
    const api = backend();
    const statuses = await api.saveOrderStatus(
      status({ code: 'canceled', label: 'Called off', position: 99, paid: false, canceled: true }),
    );
    expect(statuses).toHaveLength(STATUSES.length);
    expect(statuses.at(-1)).toMatchObject({ code: 'canceled', label: 'Called off', position: 99 });
    expect(await api.listStatuses()).toEqual(statuses);
    const page = await api.listOrders({ status: 'canceled', limit: 200 });
    expect(page.orders.length).toBeGreaterThan(0);
    expect(page.orders.every((o) => o.status_label === 'Called off')).toBe(true);
  });

  it('lets the flags of a new status drive the transition rules', async () => {
    const api = backend();
    await api.saveOrderStatus(status({ code: 'ready_for_pickup', label: 'Ready for pick-up', position: 35 }));
    const unpaid = (await api.listOrders({ status: 'awaiting_payment', limit: 1 })).orders[0];
    const paid = (await api.listOrders({ status: 'payment_accepted', limit: 1 })).orders[0];
    if (!unpaid || !paid) throw new Error('the demo store has no such orders');
    await expect(
      api.changeOrderStatus({ uuid: unpaid.uuid, status: 'ready_for_pickup' }),
    ).rejects.toMatchObject({ code: 'transition_forbidden' });
    const moved = await api.changeOrderStatus({ uuid: paid.uuid, status: 'ready_for_pickup' });
    expect(moved.status_label).toBe('Ready for pick-up');
  });
});
