// Orders of the fake backend: turning priced lines and payments into an order detail
// (with invoice and history, coupons, delivery, addresses and gift cards), the document
// counters, and applying tenders as the core does (in full at the counter, with cash
// rounded to the smallest coin; in part when the rest is paid later or recorded later).
import type { AddressInput } from '../bindings/AddressInput';
import type { AppliedCouponView } from '../bindings/AppliedCouponView';
import type { HistoryEntry } from '../bindings/HistoryEntry';
import type { OrderDetail } from '../bindings/OrderDetail';
import type { OrderStatusView } from '../bindings/OrderStatusView';
import type { PaymentView } from '../bindings/PaymentView';
import type { TenderInput } from '../bindings/TenderInput';
import { BackendError } from '../errors';
import { parseMinor, roundToIncrement, toDecimal } from '../../money/money';
import { STORE, TAX_RATES, type FakeCustomer } from './catalog';
import { taxLines, totalsOf, type PricedLine, type ShippingLine } from './pricing';
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

type ExactTender = Exclude<TenderInput, { method: 'cash' }>;

/** The reference kept with an exact payment: terminal reference, check number, card code. */
function referenceOf(tender: ExactTender): string | null {
  const text =
    tender.method === 'card'
      ? tender.terminal_reference
      : tender.method === 'gift_card'
        ? tender.code
        : tender.method === 'check' || tender.method === 'wire_transfer'
          ? tender.reference
          : undefined;
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Any method but cash: charged exactly its amount, which must be more than zero. */
function exactPayment(tender: ExactTender): PaymentView {
  const amount = amountOf(tender.amount, `${tender.method.replaceAll('_', ' ')} amount`);
  if (amount === 0) throw new BackendError('payment_invalid', 'A payment amount must be more than zero.');
  const text = toDecimal(amount);
  return {
    method: tender.method,
    amount: text,
    tendered: text,
    change: '0.00',
    reference: referenceOf(tender),
  };
}

function cashPayment(tender: TenderInput & { method: 'cash' }, due: number): PaymentView {
  const tendered = amountOf(tender.tendered, 'cash tendered');
  if (tendered === 0) throw new BackendError('payment_invalid', 'A payment amount must be more than zero.');
  const applied = Math.min(tendered, due);
  return {
    method: 'cash',
    amount: toDecimal(applied),
    tendered: toDecimal(tendered),
    change: toDecimal(tendered - applied),
    reference: null,
  };
}

export interface Settlement {
  payments: PaymentView[];
  /** What rounding the cash part to the smallest coin added to the total (may be negative). */
  roundingMinor: number;
}

/**
 * Settles a total with tenders as the core does: exact methods first (never more than
 * the total), cash covers the rest rounded to `cashIncrement` and gives change.
 */
export function settle(tenders: TenderInput[], total: number, cashIncrement = 0): Settlement {
  if (tenders.length === 0 && total > 0) {
    throw new BackendError('payment_short', 'Add a payment to complete the sale.');
  }
  if (tenders.filter((t) => t.method === 'cash').length > 1) {
    throw new BackendError(
      'payment_invalid',
      'Payment not accepted: enter cash once, as the total handed over.',
    );
  }
  const exact = tenders.flatMap((t) => (t.method === 'cash' ? [] : [exactPayment(t)]));
  const exactTotal = exact.reduce((sum, p) => sum + minorOf(p.amount), 0);
  if (exactTotal > total) {
    throw new BackendError(
      'payment_invalid',
      `Payment not accepted: payments other than cash of ${euros(exactTotal)} exceed the ${euros(total)} due; only cash gives change.`,
    );
  }
  const cash = tenders.find((t) => t.method === 'cash');
  const exactCashDue = total - exactTotal;
  const cashDue = cash ? roundToIncrement(exactCashDue, cashIncrement) : exactCashDue;
  const given = cash ? amountOf(cash.tendered, 'cash tendered') : 0;
  if (given < cashDue) {
    const missing = cashDue - given;
    throw new BackendError(
      'payment_short',
      `The payment is ${euros(missing)} short of the ${euros(total + cashDue - exactCashDue)} due. Take the rest before confirming.`,
    );
  }
  let next = 0;
  const payments = tenders.map((tender) =>
    tender.method === 'cash' ? cashPayment(tender, cashDue) : (exact[next++] as PaymentView),
  );
  return { payments, roundingMinor: cashDue - exactCashDue };
}

/** Applies tenders to a total in full (no cash rounding): the seeded history and old callers. */
export function applyTenders(tenders: TenderInput[], total: number): PaymentView[] {
  return settle(tenders, total).payments;
}

/** One payment towards what is still due; less than the balance is a partial payment. */
export function applyPayment(tender: TenderInput, due: number): PaymentView {
  const payment = tender.method === 'cash' ? cashPayment(tender, due) : exactPayment(tender);
  if (minorOf(payment.amount) > due) {
    throw new BackendError(
      'payment_invalid',
      `A ${tender.method.replaceAll('_', ' ')} payment cannot exceed the ${euros(due)} still due.`,
    );
  }
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
  return `Paid by ${[...new Set(payments.map((p) => p.method.replaceAll('_', ' ')))].join(' and ')}`;
}

/** What an order holds besides its lines and payments (a counter sale has none of it). */
export interface OrderExtras {
  coupons: AppliedCouponView[];
  shipping: ShippingLine | null;
  carrierName: string | null;
  /** Cash rounding added to the total. */
  roundingMinor: number;
  /** The status of an order paid in full (its main method's initial status). */
  paidStatus: string;
  /** The status of an order not paid in full. */
  unpaidStatus: string;
  payLater: string | null;
  shippingAddress: AddressInput | null;
  invoiceAddress: AddressInput | null;
}

export const NO_EXTRAS: OrderExtras = {
  coupons: [],
  shipping: null,
  carrierName: null,
  roundingMinor: 0,
  paidStatus: PLACED_PAID,
  unpaidStatus: PLACED_UNPAID,
  payLater: null,
  shippingAddress: null,
  invoiceAddress: null,
};

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
  extras?: OrderExtras;
}

/** A new order: paid in full (payment accepted) or still awaiting (part of) its payment. */
export function buildOrder(input: OrderInput): FakeOrder {
  const { lines, payments, at, counters } = input;
  const extras = input.extras ?? NO_EXTRAS;
  const totals = totalsOf(lines, extras.shipping);
  const paid = payments.reduce((sum, p) => sum + minorOf(p.amount), 0);
  const change = payments.reduce((sum, p) => sum + minorOf(p.change), 0);
  const fullyPaid = paid >= totals.total + extras.roundingMinor;
  const status = statusOf(input.statuses, fullyPaid ? extras.paidStatus : extras.unpaidStatus);
  const placed = fullyPaid ? PLACED_UNPAID : status.code;
  const history = [historyEntry(null, placed, input.origin, at)];
  const paidAt = new Date(at.getTime() + 20_000);
  if (fullyPaid) history.push(historyEntry(placed, status.code, paymentNote(payments), paidAt));
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
      discount: toDecimal(line.discountMinor),
    })),
    taxes: taxLines(lines, extras.shipping),
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
    items_total: toDecimal(totals.itemsTotal),
    discount_total: toDecimal(totals.discountTotal),
    shipping_total: toDecimal(totals.shippingTotal),
    cash_rounding: toDecimal(extras.roundingMinor),
    coupons: extras.coupons,
    carrier_name: extras.carrierName,
    pay_later_method: fullyPaid ? null : extras.payLater,
    shipping_address: extras.shippingAddress,
    invoice_address: extras.invoiceAddress ?? extras.shippingAddress,
    gift_cards: [],
  };
  return { detail, itemCount: totals.itemCount, restocked: false };
}
