// Orders of the fake backend: turning priced lines and payments into an order detail
// (with invoice and history), the document counters, and applying tenders as the core
// does (in full at the counter, in part when recording a payment later).
import type { HistoryEntry } from '../bindings/HistoryEntry';
import type { OrderDetail } from '../bindings/OrderDetail';
import type { OrderStatusView } from '../bindings/OrderStatusView';
import type { PaymentView } from '../bindings/PaymentView';
import type { TenderInput } from '../bindings/TenderInput';
import { BackendError } from '../errors';
import { parseMinor, toDecimal } from '../../money/money';
import { STORE, TAX_RATES, type FakeCustomer } from './catalog';
import { taxLines, totalsOf, type PricedLine } from './pricing';
import { PLACED_PAID, PLACED_UNPAID, statusOf } from './statuses';

export interface FakeOrder {
  detail: OrderDetail;
  itemCount: number;
  /** Whether the sold units went back to stock (cancel of a paid order, refund, return). */
  restocked: boolean;
}

/** The next numbers of the document series. */
export interface Counters {
  order: number;
  invoice: number;
  testInvoice: number;
  creditNote: number;
}

export function newCounters(): Counters {
  return { order: 1, invoice: 1, testInvoice: 1, creditNote: 1 };
}

/** `INV-2026-000042`. */
export function documentNumber(series: string, at: Date, sequence: number): string {
  return `${series}-${at.getUTCFullYear()}-${String(sequence).padStart(6, '0')}`;
}

export function euros(minor: number): string {
  return `${toDecimal(minor)} ${STORE.currency}`;
}

/** Minor units of an amount the core sent (always well formed). */
export function minorOf(amount: string): number {
  return parseMinor(amount) ?? 0;
}

function amountOf(text: string, what: string): number {
  const minor = parseMinor(text);
  if (minor === null || minor < 0) {
    throw new BackendError('payment_invalid', `The ${what} "${text}" is not a valid amount.`);
  }
  return minor;
}

function cardPayment(tender: TenderInput & { method: 'card' }, remaining: number): PaymentView {
  const amount = amountOf(tender.amount, 'card amount');
  if (amount === 0) throw new BackendError('payment_invalid', 'A card payment must be more than zero.');
  if (amount > remaining) {
    throw new BackendError(
      'payment_invalid',
      `A card payment cannot exceed the ${euros(remaining)} still due.`,
    );
  }
  const text = toDecimal(amount);
  const reference = tender.terminal_reference?.trim() ?? '';
  return { method: 'card', amount: text, tendered: text, change: '0.00', reference: reference || null };
}

function cashPayment(tender: TenderInput & { method: 'cash' }, remaining: number): PaymentView {
  const tendered = amountOf(tender.tendered, 'cash tendered');
  const applied = Math.min(tendered, remaining);
  return {
    method: 'cash',
    amount: toDecimal(applied),
    tendered: toDecimal(tendered),
    change: toDecimal(tendered - applied),
    reference: null,
  };
}

/** Applies tenders to a total: card amounts first, cash covers the rest and gives change. */
export function applyTenders(tenders: TenderInput[], total: number): PaymentView[] {
  if (tenders.length === 0) throw new BackendError('payment_short', 'Add a payment to complete the sale.');
  let remaining = total;
  const payments: PaymentView[] = [];
  for (const tender of tenders) {
    if (tender.method !== 'card') continue;
    const payment = cardPayment(tender, remaining);
    remaining -= minorOf(payment.amount);
    payments.push(payment);
  }
  for (const tender of tenders) {
    if (tender.method !== 'cash') continue;
    const payment = cashPayment(tender, remaining);
    remaining -= minorOf(payment.amount);
    payments.push(payment);
  }
  if (remaining > 0) {
    throw new BackendError(
      'payment_short',
      `The payment is ${euros(remaining)} short of the ${euros(total)} total. Take the rest before confirming.`,
    );
  }
  return payments;
}

/** One payment towards what is still due; less than the balance is a partial payment. */
export function applyPayment(tender: TenderInput, due: number): PaymentView {
  const payment = tender.method === 'card' ? cardPayment(tender, due) : cashPayment(tender, due);
  if (minorOf(payment.amount) === 0) {
    throw new BackendError('payment_invalid', 'A payment must be more than zero.');
  }
  return payment;
}

export function historyEntry(from: string | null, to: string, note: string, at: Date): HistoryEntry {
  return {
    from_status: from,
    to_status: to,
    changed_by: `${STORE.register} clerk`,
    note,
    at: at.toISOString(),
  };
}

export function paymentNote(payments: PaymentView[]): string {
  return `Paid by ${[...new Set(payments.map((p) => p.method))].join(' and ')}`;
}

export interface OrderInput {
  uuid: string;
  counters: Counters;
  /** The store's status table. */
  statuses: readonly OrderStatusView[];
  lines: PricedLine[];
  payments: PaymentView[];
  at: Date;
  customer: FakeCustomer | null;
  registerCode: string;
  isTest: boolean;
  /** First history note: where the order came from. */
  origin: string;
}

/** A new order: paid in full (payment accepted) or still awaiting (part of) its payment. */
export function buildOrder(input: OrderInput): FakeOrder {
  const { lines, payments, at, counters } = input;
  const totals = totalsOf(lines);
  const paid = payments.reduce((sum, p) => sum + minorOf(p.amount), 0);
  const change = payments.reduce((sum, p) => sum + minorOf(p.change), 0);
  const fullyPaid = paid >= totals.total;
  const status = statusOf(input.statuses, fullyPaid ? PLACED_PAID : PLACED_UNPAID);
  const history = [historyEntry(null, PLACED_UNPAID, input.origin, at)];
  const paidAt = new Date(at.getTime() + 20_000);
  if (fullyPaid) history.push(historyEntry(PLACED_UNPAID, PLACED_PAID, paymentNote(payments), paidAt));
  const invoiceNumber = input.isTest
    ? documentNumber('TEST', at, counters.testInvoice++)
    : documentNumber('INV', at, counters.invoice++);
  const detail: OrderDetail = {
    uuid: input.uuid,
    reference: `${STORE.code}-${input.registerCode}-${String(counters.order++).padStart(6, '0')}`,
    status: status.code,
    status_label: status.label,
    status_colour: status.colour,
    created_at: at.toISOString(),
    register_code: input.registerCode,
    currency_code: STORE.currency,
    lines: lines.map((line) => ({
      product_id: line.product.id,
      sku: line.product.sku,
      name: line.product.name,
      quantity: line.quantity,
      unit_price: toDecimal(line.product.priceMinor),
      tax_label: TAX_RATES[line.product.tax].label,
      tax: toDecimal(line.taxMinor),
      total: toDecimal(line.totalMinor),
    })),
    taxes: taxLines(lines),
    subtotal_net: toDecimal(totals.subtotalNet),
    tax_total: toDecimal(totals.taxTotal),
    total: toDecimal(totals.total),
    paid: toDecimal(paid),
    change_due: toDecimal(change),
    payments,
    invoice: {
      number: invoiceNumber,
      status: fullyPaid ? 'paid' : paid > 0 ? 'partially_paid' : 'unpaid',
      issued_at: at.toISOString(),
    },
    history,
    store: { name: STORE.name, address: STORE.address, tax_id: STORE.taxId },
    internal_reference: '',
    tracking_code: '',
    notes: '',
    refunded: '0.00',
    credit_notes: [],
    is_test: input.isTest,
    customer: input.customer
      ? { id: input.customer.id, name: input.customer.name, email: input.customer.email }
      : null,
  };
  return { detail, itemCount: totals.itemCount, restocked: false };
}
