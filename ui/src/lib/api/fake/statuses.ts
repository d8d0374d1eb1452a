// Order statuses of the fake backend: the default table of the Rust core (codes, flags,
// colours), lookups in the store's current table (kept in display order) and the
// transition rules, which speak of flags rather than names.
import type { OrderStatusView } from '../bindings/OrderStatusView';
import { BackendError } from '../errors';

type Flags = Pick<OrderStatusView, 'paid' | 'shipped' | 'delivered' | 'canceled' | 'refunded'>;

function status(
  code: string,
  label: string,
  position: number,
  flags: string,
  notify: boolean,
  colour: string,
): OrderStatusView {
  const has = (flag: string): boolean => flags.split(' ').includes(flag);
  return {
    code,
    label,
    position,
    paid: has('paid'),
    shipped: has('shipped'),
    delivered: has('delivered'),
    canceled: has('canceled'),
    refunded: has('refunded'),
    notify_customer: notify,
    colour,
  };
}

export const STATUSES: readonly OrderStatusView[] = [
  status('awaiting_payment', 'Awaiting payment', 1, '', true, '#b7791f'),
  status('payment_accepted', 'Payment accepted', 2, 'paid', true, '#2f855a'),
  status('processing', 'Processing', 3, 'paid', false, '#2b6cb0'),
  status('shipped', 'Shipped', 4, 'paid shipped', true, '#6b46c1'),
  status('delivered', 'Delivered', 5, 'paid shipped delivered', false, '#276749'),
  status('canceled', 'Canceled', 6, 'canceled', true, '#718096'),
  status('refunded', 'Refunded', 7, 'paid refunded', true, '#c53030'),
  status('returned', 'Returned', 8, 'paid shipped delivered refunded', true, '#9c4221'),
  status('awaiting_check', 'Awaiting check payment', 9, '', true, '#b7791f'),
  status('awaiting_wire', 'Awaiting wire payment', 10, '', true, '#b7791f'),
  status('awaiting_cod', 'Awaiting cash on delivery', 11, '', true, '#b7791f'),
];

/** A fresh copy of the default table (the fake's state starts with it). */
export function defaultStatuses(): OrderStatusView[] {
  return structuredClone([...STATUSES]);
}

export function findStatus(table: readonly OrderStatusView[], code: string): OrderStatusView | undefined {
  return table.find((s) => s.code === code);
}

/** The status of a stored order (always one of the table). */
export function statusOf(table: readonly OrderStatusView[], code: string): OrderStatusView {
  const found = findStatus(table, code);
  if (!found) throw new BackendError('invalid_input', `There is no order status "${code}".`);
  return found;
}

/** The first status (in display order) that matches `test`. */
export function firstStatus(
  table: readonly OrderStatusView[],
  test: (flags: Flags) => boolean,
): OrderStatusView {
  const found = table.find(test);
  if (!found) throw new BackendError('internal', 'The status table has no such status.');
  return found;
}

/** The two statuses the core places new orders in (by code: codes are stable). */
export const PLACED_UNPAID = 'awaiting_payment';
export const PLACED_PAID = 'payment_accepted';

/** Where an order goes once a recorded payment completes it: the first status that is only paid. */
export function paymentAccepted(table: readonly OrderStatusView[]): OrderStatusView {
  return firstStatus(table, (s) => s.paid && !s.shipped && !s.delivered && !s.canceled && !s.refunded);
}

export interface TransitionEffects {
  /** Issue a credit note for what was paid, and record the refund. */
  refund: boolean;
  /** Put the sold units back in stock. */
  restock: boolean;
  /** Void the unpaid invoice. */
  voidInvoice: boolean;
}

const NONE: TransitionEffects = { refund: false, restock: false, voidInvoice: false };
const REFUND: TransitionEffects = { refund: true, restock: true, voidInvoice: false };

function forbidden(rule: string): never {
  throw new BackendError('transition_forbidden', `This status change is not allowed: ${rule}.`);
}

const isFinal = (s: Flags): boolean => s.canceled || s.refunded;
const isFulfilled = (s: Flags): boolean => s.shipped || s.delivered;

/** Whether an order in `from` may move to `to`, and what that sets off (as the core decides). */
export function planTransition(from: OrderStatusView, to: OrderStatusView): TransitionEffects {
  if (from.code === to.code) forbidden('the order already has this status');
  if (isFinal(from)) forbidden('a canceled or refunded order is final and cannot change status');
  if (to.refunded && to.shipped) {
    if (!isFulfilled(from)) forbidden('only fulfilled or delivered orders can be returned');
    return REFUND;
  }
  if (to.canceled) {
    if (isFulfilled(from)) forbidden('a fulfilled order cannot be canceled; return it instead');
    return from.paid ? REFUND : { refund: false, restock: false, voidInvoice: true };
  }
  if (to.refunded) {
    if (!from.paid) forbidden('only paid orders can be refunded');
    if (isFulfilled(from)) forbidden('a fulfilled order cannot be canceled; return it instead');
    return REFUND;
  }
  if (isFulfilled(to) && !from.paid) forbidden('only paid orders can be fulfilled or shipped');
  if (to.paid && !from.paid) {
    forbidden('an order becomes paid when its payment is recorded, not by choosing a paid status');
  }
  return NONE;
}
