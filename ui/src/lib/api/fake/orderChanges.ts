// Changes to placed orders in the fake backend, with the core's effects: a status change
// follows the transition rules and may refund (credit note), restock or void the invoice;
// a recorded payment may complete the order's payment and accept it.
import type { OrderStatusView } from '../bindings/OrderStatusView';
import type { TenderInput } from '../bindings/TenderInput';
import { BackendError } from '../errors';
import { toDecimal } from '../../money/money';
import type { FakeProduct } from './catalog';
import {
  applyPayment,
  documentNumber,
  historyEntry,
  minorOf,
  paymentNote,
  type Counters,
  type FakeOrder,
} from './orders';
import { paymentAccepted, planTransition, statusOf } from './statuses';

/** What changes touch besides the order itself. */
export interface Ledger {
  products: FakeProduct[];
  counters: Counters;
  /** The status table, in display order. */
  statuses: readonly OrderStatusView[];
}

/** Puts the order's units back on the shelf (once). */
export function restock(ledger: Ledger, order: FakeOrder): void {
  if (order.restocked) return;
  for (const line of order.detail.lines) {
    const product = ledger.products.find((p) => p.sku === line.sku);
    if (product?.stockTracked) product.stock += line.quantity;
  }
  order.restocked = true;
}

function refund(ledger: Ledger, order: FakeOrder, reason: string, at: Date): void {
  const detail = order.detail;
  const amount = minorOf(detail.paid) - minorOf(detail.refunded);
  if (amount <= 0 || !detail.invoice) return;
  detail.credit_notes.push({
    number: documentNumber('CN', at, ledger.counters.creditNote++),
    invoice_number: detail.invoice.number,
    reason,
    total: toDecimal(amount),
    issued_at: at.toISOString(),
  });
  detail.refunded = toDecimal(minorOf(detail.refunded) + amount);
}

function moveTo(order: FakeOrder, target: OrderStatusView, note: string, at: Date): void {
  const detail = order.detail;
  detail.history.push(historyEntry(detail.status, target.code, note, at));
  detail.status = target.code;
  detail.status_label = target.label;
  detail.status_colour = target.colour;
}

/** Moves an order to another status, or throws `transition_forbidden` naming the rule. */
export function changeStatus(ledger: Ledger, order: FakeOrder, code: string, note: string, at: Date): void {
  const from = statusOf(ledger.statuses, order.detail.status);
  const to = statusOf(ledger.statuses, code);
  const effects = planTransition(from, to);
  if (effects.refund) {
    const reason = to.canceled ? 'Order canceled' : to.shipped ? 'Goods returned' : 'Refund';
    refund(ledger, order, reason, at);
  }
  if (effects.restock) restock(ledger, order);
  if (effects.voidInvoice && order.detail.invoice) order.detail.invoice.status = 'void';
  moveTo(order, to, note, at);
}

/** Records a (partial) payment on an order awaiting payment. */
export function recordPayment(ledger: Ledger, order: FakeOrder, tender: TenderInput, at: Date): void {
  const detail = order.detail;
  const status = statusOf(ledger.statuses, detail.status);
  if (status.canceled || status.refunded) {
    throw new BackendError('invalid_input', `Order ${detail.reference} is ${status.label.toLowerCase()}.`);
  }
  const owed = minorOf(detail.total) + minorOf(detail.cash_rounding);
  const due = owed - minorOf(detail.paid);
  if (status.paid || due <= 0) {
    throw new BackendError('invalid_input', `Order ${detail.reference} is already paid in full.`);
  }
  const payment = applyPayment(tender, due);
  detail.payments.push(payment);
  const paid = minorOf(detail.paid) + minorOf(payment.amount);
  detail.paid = toDecimal(paid);
  detail.change_due = toDecimal(minorOf(detail.change_due) + minorOf(payment.change));
  const complete = paid >= owed;
  if (detail.invoice) detail.invoice.status = complete ? 'paid' : 'partially_paid';
  if (complete) moveTo(order, paymentAccepted(ledger.statuses), paymentNote(detail.payments), at);
}
