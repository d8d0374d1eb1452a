// The order list's filter bar as plain data, and how it becomes a `list_orders` request:
// blank fields are left out, text is trimmed, the register upper-cased and a reversed
// date range put the right way round. Mass actions "on everything matching" use the same.
import type { ListOrdersRequest } from '../api/bindings/ListOrdersRequest';

/** Payment methods the list can be filtered by (every method an order can be paid with). */
export const PAYMENT_FILTERS = [
  'cash',
  'card',
  'gift_card',
  'store_credit',
  'check',
  'wire_transfer',
  'cash_on_delivery',
] as const;

export type PaymentFilter = '' | (typeof PAYMENT_FILTERS)[number];

/** A select's value as a payment filter ('' for anything else). */
export function paymentFilter(value: string): PaymentFilter {
  return PAYMENT_FILTERS.find((method) => method === value) ?? '';
}

export interface OrderFilters {
  /** Words to find in the reference, customer name or e-mail, or a product. */
  search: string;
  /** A status code, or '' for any. */
  status: string;
  paymentMethod: PaymentFilter;
  /** A register code, or '' for any. */
  register: string;
  /** `YYYY-MM-DD` or ''. */
  dateFrom: string;
  /** `YYYY-MM-DD` or ''. */
  dateTo: string;
}

export const NO_FILTERS: Readonly<OrderFilters> = Object.freeze({
  search: '',
  status: '',
  paymentMethod: '',
  register: '',
  dateFrom: '',
  dateTo: '',
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` day (what a date input gives), or null for anything else. */
export function dayOrNull(text: string): string | null {
  const day = text.trim();
  if (!DAY.test(day)) return null;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : null;
}

/** The filter part of a `list_orders` request (no cursor, no limit). */
export function filterRequest(filters: OrderFilters): ListOrdersRequest {
  const request: ListOrdersRequest = {};
  const search = filters.search.trim().replace(/\s+/g, ' ');
  if (search !== '') request.search = search;
  if (filters.status !== '') request.status = filters.status;
  if (filters.paymentMethod !== '') request.payment_method = filters.paymentMethod;
  const register = filters.register.trim().toUpperCase();
  if (register !== '') request.register_code = register;
  let from = dayOrNull(filters.dateFrom);
  let to = dayOrNull(filters.dateTo);
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  if (from !== null) request.date_from = from;
  if (to !== null) request.date_to = to;
  return request;
}

/** One page of the filtered list. */
export function pageRequest(filters: OrderFilters, cursor: string | null, limit: number): ListOrdersRequest {
  const request = filterRequest(filters);
  if (cursor !== null) request.cursor = cursor;
  request.limit = limit;
  return request;
}

/** Whether any filter narrows the list. */
export function isFiltered(filters: OrderFilters): boolean {
  return Object.keys(filterRequest(filters)).length > 0;
}

/** Whether two filter states ask the backend the same thing. */
export function sameRequest(a: OrderFilters, b: OrderFilters): boolean {
  return JSON.stringify(filterRequest(a)) === JSON.stringify(filterRequest(b));
}
