// A few days of believable past orders for the demo store, made through the same rules as
// live changes: counter sales and phone orders on two registers, some awaiting payment,
// fulfilled, canceled, refunded (with credit notes) or returned, and one test order.
import type { TenderInput } from '../bindings/TenderInput';
import { toDecimal } from '../../money/money';
import { CUSTOMERS, STORE, type FakeCustomer, type FakeProduct } from './catalog';
import { changeStatus, recordPayment, type Ledger } from './orderChanges';
import { applyTenders, buildOrder, type FakeOrder } from './orders';
import { priceLine, totalsOf, type PricedLine } from './pricing';

/** A small deterministic random generator, so the demo history is the same every time. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The status changes that lead from "payment accepted" to each seeded outcome. */
const PATHS: Record<string, string[]> = {
  accepted: [],
  processing: ['processing'],
  shipped: ['processing', 'shipped'],
  delivered: ['shipped', 'delivered'],
  canceled: ['canceled'],
  refunded: ['refunded'],
  returned: ['shipped', 'delivered', 'returned'],
  unpaid: [],
  partial: [],
  unpaid_canceled: ['canceled'],
};

const OUTCOMES = [
  'accepted',
  'accepted',
  'accepted',
  'processing',
  'shipped',
  'delivered',
  'delivered',
  'canceled',
  'refunded',
  'returned',
  'unpaid',
  'partial',
  'unpaid_canceled',
];

const NOTES: Record<string, string> = {
  processing: 'Picking the items',
  shipped: 'Handed to the courier',
  delivered: 'Delivered to the customer',
  canceled: 'Customer changed their mind',
  refunded: 'Damaged item, refunded at the counter',
  returned: 'Parcel came back unopened',
};

/** Past orders over the last days, oldest first; `ledger` takes their documents and stock. */
export function seedOrders(ledger: Ledger, count: number, now: Date): FakeOrder[] {
  const next = random(20_261_123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const orders: FakeOrder[] = [];
  // Gift cards are sold live only: a seeded order never issues one.
  const goods = ledger.products.filter((product) => product.kind === 'goods');
  for (let i = 0; i < count; i += 1) {
    const at = new Date(now.getTime() - (count - i) * 5_400_000 - Math.floor(next() * 2_400_000));
    const chosen = new Map<number, PricedLine>();
    const lineCount = 1 + Math.floor(next() * 5);
    for (let l = 0; l < lineCount; l += 1) {
      const product: FakeProduct = pick(goods);
      chosen.set(product.id, priceLine(l + 1, product, 1 + Math.floor(next() * 3)));
    }
    const lines = [...chosen.values()];
    const total = totalsOf(lines).total;
    const isTest = i === count - 6;
    const outcome = i >= count - 4 || isTest ? 'accepted' : pick(OUTCOMES);
    const awaiting = outcome === 'unpaid' || outcome === 'partial' || outcome === 'unpaid_canceled';
    const customer: FakeCustomer | null = awaiting || isTest || next() < 0.35 ? pick(CUSTOMERS) : null;
    const byCard = next() < 0.45;
    const tender: TenderInput = byCard
      ? { method: 'card', amount: toDecimal(total), terminal_reference: `TRM-${40_112 + i * 37}` }
      : { method: 'cash', tendered: toDecimal(Math.ceil(total / 1000) * 1000) };
    const order = buildOrder({
      uuid: crypto.randomUUID(),
      counters: ledger.counters,
      statuses: ledger.statuses,
      lines,
      payments: awaiting ? [] : applyTenders([tender], total),
      at,
      customer,
      registerCode:
        customer === null && next() < 0.3 ? (STORE.registers[1] ?? STORE.register) : STORE.register,
      isTest,
      origin: isTest
        ? 'Test order to check the invoice layout'
        : awaiting
          ? 'Phone order taken by staff'
          : 'Sale rung up at the counter',
    });
    if (outcome === 'partial') {
      const half = toDecimal(Math.floor(total / 200) * 100);
      recordPayment(ledger, order, { method: 'cash', tendered: half }, new Date(at.getTime() + 60_000));
    }
    let when = at.getTime() + 3_600_000;
    for (const step of PATHS[outcome] ?? []) {
      changeStatus(ledger, order, step, NOTES[step] ?? '', new Date(when));
      when += 5_400_000;
    }
    if (outcome === 'shipped' || outcome === 'delivered') {
      order.detail.tracking_code = `3SKAS${String(1_204_557 + i * 13)}`;
    }
    orders.push(order);
  }
  return orders;
}
