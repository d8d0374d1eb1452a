// Orders of the fake backend: turning a priced cart and its tenders into an order detail
// (with payments, invoice and history), and a few weeks of believable past orders.
import type { HistoryEntry } from '../bindings/HistoryEntry';
import type { OrderDetail } from '../bindings/OrderDetail';
import type { PaymentView } from '../bindings/PaymentView';
import type { TenderInput } from '../bindings/TenderInput';
import { BackendError } from '../errors';
import { parseMinor, toDecimal } from '../../money/money';
import { CUSTOMERS, STORE, TAX_RATES, type FakeProduct } from './catalog';
import { priceLine, taxLines, totalsOf, type PricedLine } from './pricing';

export interface FakeOrder {
  detail: OrderDetail;
  customerName: string | null;
  itemCount: number;
}

const STATUSES: Record<string, { label: string; colour: string }> = {
  awaiting_payment: { label: 'Awaiting payment', colour: '#b7791f' },
  payment_accepted: { label: 'Payment accepted', colour: '#2f855a' },
  processing: { label: 'Processing', colour: '#2b6cb0' },
  shipped: { label: 'Shipped', colour: '#6b46c1' },
  delivered: { label: 'Delivered', colour: '#276749' },
  canceled: { label: 'Canceled', colour: '#718096' },
  refunded: { label: 'Refunded', colour: '#c53030' },
};

function euros(minor: number): string {
  return `${toDecimal(minor)} ${STORE.currency}`;
}

function amountOf(text: string, what: string): number {
  const minor = parseMinor(text);
  if (minor === null || minor < 0) {
    throw new BackendError('payment_invalid', `The ${what} "${text}" is not a valid amount.`);
  }
  return minor;
}

/** Applies tenders to a total: card amounts first, cash covers the rest and gives change. */
export function applyTenders(tenders: TenderInput[], total: number): PaymentView[] {
  if (tenders.length === 0) throw new BackendError('payment_short', 'Add a payment to complete the sale.');
  let remaining = total;
  const payments: PaymentView[] = [];
  for (const tender of tenders.filter((t) => t.method === 'card')) {
    const amount = amountOf(tender.amount, 'card amount');
    if (amount === 0) throw new BackendError('payment_invalid', 'A card payment must be more than zero.');
    if (amount > remaining) {
      throw new BackendError(
        'payment_invalid',
        `A card payment cannot exceed the ${euros(remaining)} still due.`,
      );
    }
    remaining -= amount;
    const reference = tender.terminal_reference?.trim() ?? '';
    const amountText = toDecimal(amount);
    payments.push({
      method: 'card',
      amount: amountText,
      tendered: amountText,
      change: '0.00',
      reference: reference || null,
    });
  }
  for (const tender of tenders.filter((t) => t.method === 'cash')) {
    const tendered = amountOf(tender.tendered, 'cash tendered');
    const applied = Math.min(tendered, remaining);
    remaining -= applied;
    payments.push({
      method: 'cash',
      amount: toDecimal(applied),
      tendered: toDecimal(tendered),
      change: toDecimal(tendered - applied),
      reference: null,
    });
  }
  if (remaining > 0) {
    throw new BackendError(
      'payment_short',
      `The payment is ${euros(remaining)} short of the ${euros(total)} total. Take the rest before confirming.`,
    );
  }
  return payments;
}

function entry(from: string | null, to: string, note: string, at: Date): HistoryEntry {
  return {
    from_status: from,
    to_status: to,
    changed_by: `${STORE.register} clerk`,
    note,
    at: at.toISOString(),
  };
}

export interface OrderInput {
  uuid: string;
  sequence: number;
  invoiceSequence: number;
  lines: PricedLine[];
  payments: PaymentView[];
  at: Date;
  status?: string;
}

export function buildOrder(input: OrderInput): OrderDetail {
  const { lines, payments, at } = input;
  const totals = totalsOf(lines);
  const status = input.status ?? 'payment_accepted';
  const history = [entry(null, 'awaiting_payment', 'Sale rung up at the counter', at)];
  const paidAt = new Date(at.getTime() + 20_000);
  history.push(
    entry(
      'awaiting_payment',
      'payment_accepted',
      `Paid by ${payments.map((p) => p.method).join(' and ')}`,
      paidAt,
    ),
  );
  if (status !== 'payment_accepted') {
    history.push(
      entry('payment_accepted', status, 'Updated from the back office', new Date(at.getTime() + 3_600_000)),
    );
  }
  const change = payments.reduce((sum, p) => sum + (parseMinor(p.change) ?? 0), 0);
  const meta = STATUSES[status] ?? { label: status, colour: '#718096' };
  return {
    uuid: input.uuid,
    reference: `${STORE.code}-${STORE.register}-${String(input.sequence).padStart(6, '0')}`,
    status,
    status_label: meta.label,
    status_colour: meta.colour,
    created_at: at.toISOString(),
    register_code: STORE.register,
    currency_code: STORE.currency,
    lines: lines.map((line) => ({
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
    paid: toDecimal(totals.total),
    change_due: toDecimal(change),
    payments,
    invoice: {
      number: `INV-${at.getUTCFullYear()}-${String(input.invoiceSequence).padStart(6, '0')}`,
      status: status === 'canceled' ? 'void' : 'paid',
      issued_at: paidAt.toISOString(),
    },
    history,
    store: { name: STORE.name, address: STORE.address, tax_id: STORE.taxId },
  };
}

/** A small deterministic random generator, so the demo history is the same every time. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const SEED_STATUSES = [
  'payment_accepted',
  'payment_accepted',
  'payment_accepted',
  'processing',
  'shipped',
  'delivered',
  'canceled',
  'refunded',
];

/** Past orders over the last days, oldest first. */
export function seedOrders(products: FakeProduct[], count: number, now: Date): FakeOrder[] {
  const next = random(20_261_123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const orders: FakeOrder[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = new Date(now.getTime() - (count - i) * 5_400_000 - Math.floor(next() * 2_400_000));
    const chosen = new Map<number, PricedLine>();
    const lineCount = 1 + Math.floor(next() * 5);
    for (let l = 0; l < lineCount; l += 1) {
      const product = pick(products);
      chosen.set(product.id, priceLine(l + 1, product, 1 + Math.floor(next() * 3)));
    }
    const lines = [...chosen.values()];
    const total = totalsOf(lines).total;
    const byCard = next() < 0.45;
    const tendered = Math.ceil(total / 1000) * 1000;
    const payments = applyTenders(
      [
        byCard
          ? { method: 'card', amount: toDecimal(total), terminal_reference: `TRM-${40_112 + i * 37}` }
          : { method: 'cash', tendered: toDecimal(tendered) },
      ],
      total,
    );
    const status = i >= count - 4 ? 'payment_accepted' : pick(SEED_STATUSES);
    const detail = buildOrder({
      uuid: crypto.randomUUID(),
      sequence: i + 1,
      invoiceSequence: i + 1,
      lines,
      payments,
      at,
      status,
    });
    orders.push({
      detail,
      customerName: next() < 0.3 ? pick(CUSTOMERS) : null,
      itemCount: totalsOf(lines).itemCount,
    });
  }
  return orders;
}
