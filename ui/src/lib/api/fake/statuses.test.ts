// Tests that the fake backend's transition rules match the core's (by status flags).
import { describe, expect, it } from 'vitest';
import { STATUSES, planTransition, statusOf } from './statuses';

const plan = (from: string, to: string) => () =>
  planTransition(statusOf(STATUSES, from), statusOf(STATUSES, to));

describe('planTransition', () => {
  it('keeps canceled and refunded orders final', () => {
    expect(plan('canceled', 'processing')).toThrow(/final/);
    expect(plan('refunded', 'shipped')).toThrow(/final/);
    expect(plan('returned', 'delivered')).toThrow(/final/);
  });

  it('makes an order paid only through a recorded payment', () => {
    expect(plan('awaiting_payment', 'payment_accepted')).toThrow(/payment is recorded/);
    expect(plan('awaiting_payment', 'shipped')).toThrow(/only paid orders/);
  });

  it('returns only fulfilled orders, with a refund and restock', () => {
    expect(plan('payment_accepted', 'returned')).toThrow(/fulfilled/);
    expect(plan('delivered', 'returned')()).toEqual({ refund: true, restock: true, voidInvoice: false });
  });

  it('refunds a canceled paid order, voids an unpaid one and refuses a fulfilled one', () => {
    expect(plan('processing', 'canceled')()).toEqual({ refund: true, restock: true, voidInvoice: false });
    expect(plan('awaiting_payment', 'canceled')()).toEqual({
      refund: false,
      restock: false,
      voidInvoice: true,
    });
    expect(plan('shipped', 'canceled')).toThrow(/cannot be canceled/);
  });

  it('fails with transition_forbidden', () => {
    expect(plan('shipped', 'shipped')).toThrow(expect.objectContaining({ code: 'transition_forbidden' }));
  });
});
