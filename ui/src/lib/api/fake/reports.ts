// The owner's dashboard of the fake backend, made from its orders as the core makes it
// from the database: today, this week (from Monday) and this month, the last 30 days for
// the chart (days without sales included), and for a range (default this month) the ten
// best sellers by amount, the payment-method split and the taxes per rate. Days are UTC
// days; test orders are left out. Exports only say where the CSV would be written.
import type { Dashboard } from '../bindings/Dashboard';
import type { DashboardRequest } from '../bindings/DashboardRequest';
import type { DaySales } from '../bindings/DaySales';
import type { MethodSales } from '../bindings/MethodSales';
import type { PaymentMethodInput } from '../bindings/PaymentMethodInput';
import type { PeriodSales } from '../bindings/PeriodSales';
import type { ProductSales } from '../bindings/ProductSales';
import type { ReportExport } from '../bindings/ReportExport';
import type { ReportExportRequest } from '../bindings/ReportExportRequest';
import type { TaxSummary } from '../bindings/TaxSummary';
import { BackendError } from '../errors';
import { toDecimal } from '../../money/money';
import type { FakeOrder } from './orders';
import { minorOf } from './orders';

const CHART_DAYS = 30;
const TOP = 10;
const MAX_RANGE_DAYS = 3660;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant (UTC). */
function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** A `YYYY-MM-DD` that is a real day, or an `invalid_input` naming the field. */
function readDay(text: string, field: 'from' | 'to'): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || dayOf(day) !== text) {
    throw new BackendError('invalid_input', `${field}: “${text}” is not a day (YYYY-MM-DD).`);
  }
  return text;
}

/** The range `[from, to]` (days), as the core checks it. */
function range(request: DashboardRequest, today: string): [string, string] {
  const from = request.from === null ? `${today.slice(0, 8)}01` : readDay(request.from, 'from');
  const to = request.to === null ? today : readDay(request.to, 'to');
  if (from > to)
    throw new BackendError('invalid_input', `from: the range starts on ${from}, after it ends (${to}).`);
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS > MAX_RANGE_DAYS) {
    throw new BackendError('invalid_input', `to: a range covers at most ${MAX_RANGE_DAYS} days.`);
  }
  return [from, to];
}

function real(orders: readonly FakeOrder[], from: string, to: string): FakeOrder[] {
  return orders.filter(({ detail }) => {
    const day = detail.created_at.slice(0, 10);
    return !detail.is_test && day >= from && day <= to;
  });
}

interface DayRow {
  day: string;
  orders: number;
  total: number;
  tax: number;
  refunded: number;
}

function byDay(orders: readonly FakeOrder[]): DayRow[] {
  const days = new Map<string, DayRow>();
  for (const { detail } of orders) {
    const day = detail.created_at.slice(0, 10);
    const row = days.get(day) ?? { day, orders: 0, total: 0, tax: 0, refunded: 0 };
    row.orders += 1;
    row.total += minorOf(detail.total);
    row.tax += minorOf(detail.tax_total);
    row.refunded += minorOf(detail.refunded);
    days.set(day, row);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

function period(rows: readonly DayRow[], since: string): PeriodSales {
  let orders = 0;
  let total = 0;
  let tax = 0;
  let refunded = 0;
  for (const row of rows.filter((candidate) => candidate.day >= since)) {
    orders += row.orders;
    total += row.total;
    tax += row.tax;
    refunded += row.refunded;
  }
  return { orders, total: toDecimal(total), tax: toDecimal(tax), refunded: toDecimal(refunded) };
}

function topProducts(orders: readonly FakeOrder[], limit: number): ProductSales[] {
  const products = new Map<string, { name: string; quantity: number; total: number }>();
  for (const { detail } of orders) {
    for (const line of detail.lines) {
      const row = products.get(line.sku) ?? { name: line.name, quantity: 0, total: 0 };
      row.quantity += line.quantity;
      row.total += minorOf(line.total);
      products.set(line.sku, row);
    }
  }
  return [...products.entries()]
    .sort(([skuA, a], [skuB, b]) => b.total - a.total || skuA.localeCompare(skuB))
    .slice(0, limit)
    .map(([sku, row]) => ({ sku, name: row.name, quantity: row.quantity, total: toDecimal(row.total) }));
}

function paymentSplit(orders: readonly FakeOrder[], methods: readonly PaymentMethodInput[]): MethodSales[] {
  const split = new Map<string, { count: number; amount: number }>();
  for (const { detail } of orders) {
    for (const payment of detail.payments) {
      const row = split.get(payment.method) ?? { count: 0, amount: 0 };
      row.count += 1;
      row.amount += minorOf(payment.amount);
      split.set(payment.method, row);
    }
  }
  return [...split.entries()]
    .sort(([methodA, a], [methodB, b]) => b.amount - a.amount || methodA.localeCompare(methodB))
    .map(([method, row]) => ({
      method,
      label: methods.find((candidate) => candidate.code === method)?.label ?? method,
      count: row.count,
      amount: toDecimal(row.amount),
    }));
}

function taxSummary(orders: readonly FakeOrder[]): TaxSummary[] {
  const taxes = new Map<string, { label: string; percent: string; base: number; tax: number }>();
  for (const { detail } of orders) {
    for (const line of detail.taxes) {
      const key = `${line.label}\u0000${line.percent}`;
      const row = taxes.get(key) ?? { label: line.label, percent: line.percent, base: 0, tax: 0 };
      row.base += minorOf(line.base);
      row.tax += minorOf(line.tax);
      taxes.set(key, row);
    }
  }
  return [...taxes.values()]
    .sort((a, b) => a.label.localeCompare(b.label))
    .map((row) => ({
      label: row.label,
      percent: row.percent,
      base: toDecimal(row.base),
      tax: toDecimal(row.tax),
    }));
}

export function makeDashboard(
  orders: readonly FakeOrder[],
  methods: readonly PaymentMethodInput[],
  currency: string,
  request: DashboardRequest,
  now: Date,
): Dashboard {
  const today = dayOf(now);
  const [from, to] = range(request, today);
  const weekday = (now.getUTCDay() + 6) % 7;
  const weekStart = addDays(today, -weekday);
  const monthStart = `${today.slice(0, 8)}01`;
  const chartStart = addDays(today, -(CHART_DAYS - 1));
  const earliest = [weekStart, monthStart, chartStart].sort()[0] ?? chartStart;
  const rows = byDay(real(orders, earliest, today));
  const days: DaySales[] = [];
  for (let day = chartStart; day <= today; day = addDays(day, 1)) {
    const row = rows.find((candidate) => candidate.day === day);
    days.push({ day, orders: row?.orders ?? 0, total: toDecimal(row?.total ?? 0) });
  }
  const inRange = real(orders, from, to);
  return {
    currency_code: currency,
    today: period(rows, today),
    week: period(rows, weekStart),
    month: period(rows, monthStart),
    days,
    from,
    to,
    top_products: topProducts(inRange, TOP),
    payment_methods: paymentSplit(inRange, methods),
    taxes: taxSummary(inRange),
  };
}

export function exportReport(
  orders: readonly FakeOrder[],
  methods: readonly PaymentMethodInput[],
  { kind, range: request }: ReportExportRequest,
  now: Date,
): ReportExport {
  const [from, to] = range(request, dayOf(now));
  const inRange = real(orders, from, to);
  const rows =
    kind === 'days'
      ? byDay(inRange).length
      : kind === 'products'
        ? topProducts(inRange, 10_000).length
        : kind === 'payments'
          ? paymentSplit(inRange, methods).length
          : kind === 'taxes'
            ? taxSummary(inRange).length
            : null;
  if (rows === null) {
    throw new BackendError(
      'invalid_input',
      `kind: the dashboard exports days, products, payments or taxes, not “${kind}”.`,
    );
  }
  return { path: `exports/${kind}-${from}-${to}.csv`, rows };
}
