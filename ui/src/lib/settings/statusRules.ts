// What an order status's flags mean for the core's transition rules, in plain words for
// the owner: the rules as a list, and a one-line summary of the flags being edited (or the
// core's objection to them). Also the defaults of a new status.
import type { OrderStatusView } from '../api/bindings/OrderStatusView';

export type StatusFlags = Pick<OrderStatusView, 'paid' | 'shipped' | 'delivered' | 'canceled' | 'refunded'>;

/** The rules the flags decide, as shown under the checkboxes. */
export const FLAG_RULES: readonly string[] = [
  'Canceled and refunded statuses are final: an order in one can no longer change.',
  'An order becomes paid only by recording a payment, which moves it to the first status that is only paid. An unpaid order cannot be moved to a paid status.',
  'Only paid orders can move to a shipped (fulfilled) or delivered status.',
  'A status both refunded and shipped is a return: only fulfilled orders can move to it, and it refunds them with a credit note and restocks.',
  'Canceling a paid order refunds it with a credit note and restocks; canceling an unpaid one voids its invoice. Fulfilled orders cannot be canceled, only returned.',
];

export interface FlagSummary {
  /** `problem`: the core will refuse these flags. */
  kind: 'ok' | 'problem';
  text: string;
}

/** What a status with these flags does, or why the core refuses it. */
export function summarizeFlags(flags: StatusFlags): FlagSummary {
  const ok = (text: string): FlagSummary => ({ kind: 'ok', text });
  if (flags.canceled && (flags.paid || flags.shipped || flags.delivered)) {
    return { kind: 'problem', text: 'A canceled status cannot also be paid, shipped or delivered.' };
  }
  if (flags.delivered && !flags.shipped) {
    return { kind: 'problem', text: 'A delivered status must also be shipped.' };
  }
  if (flags.canceled) {
    return ok('A cancellation (final): paid orders are refunded and restocked, unpaid ones voided.');
  }
  if (flags.refunded && flags.shipped) {
    return ok('A return (final): only for fulfilled orders, which are refunded and restocked.');
  }
  if (flags.refunded) {
    return ok('A refund (final): only for paid orders not yet fulfilled, which are refunded and restocked.');
  }
  if (flags.shipped) {
    return ok(`${flags.delivered ? 'Delivered' : 'Fulfilled'}: only paid orders can move here.`);
  }
  if (flags.paid) return ok('Paid: an unpaid order gets here only by recording its payment.');
  return ok('Open: any order that is not final can move here.');
}

/** A stable code suggested from a label: `Ready for pick-up` → `ready_for_pick_up`. */
export function suggestCode(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
}

/** A new status: no flags, placed after the last one, in a neutral colour. */
export function blankStatus(statuses: readonly OrderStatusView[]): OrderStatusView {
  const last = statuses.reduce((max, status) => Math.max(max, status.position), 0);
  return {
    code: '',
    label: '',
    position: last + 1,
    paid: false,
    shipped: false,
    delivered: false,
    canceled: false,
    refunded: false,
    notify_customer: false,
    colour: '#4a5568',
  };
}
