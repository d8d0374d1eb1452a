// The order search and filters of the fake backend, as the core applies them: every word
// must start a word of the reference, customer name or e-mail, or a product name or SKU;
// status, payment method, register and UTC day range narrow the list further.
import type { ListOrdersRequest } from '../bindings/ListOrdersRequest';
import { BackendError } from '../errors';
import { minorOf, type FakeOrder } from './orders';

const WORD = /[\p{L}\p{N}]+/gu;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function searchWords(order: FakeOrder): string[] {
  const { detail } = order;
  return words(
    [
      detail.reference,
      detail.customer?.name ?? '',
      detail.customer?.email ?? '',
      ...detail.lines.flatMap((line) => [line.name, line.sku]),
    ].join(' '),
  );
}

function checkDay(value: string | undefined, what: string): void {
  if (value !== undefined && (!DAY.test(value) || Number.isNaN(Date.parse(value)))) {
    throw new BackendError('invalid_input', `The ${what} "${value}" is not a date (YYYY-MM-DD).`);
  }
}

/** Throws `invalid_input` for a filter the core would refuse. */
export function checkFilter(request: ListOrdersRequest): void {
  checkDay(request.date_from, 'start date');
  checkDay(request.date_to, 'end date');
  const methods = ['cash', 'card', 'gift_card', 'store_credit', 'check', 'wire_transfer', 'cash_on_delivery'];
  if (request.payment_method !== undefined && !methods.includes(request.payment_method)) {
    throw new BackendError('invalid_input', `There is no payment method "${request.payment_method}".`);
  }
}

export function matchesFilter(order: FakeOrder, request: ListOrdersRequest): boolean {
  const { detail } = order;
  if (request.status !== undefined && detail.status !== request.status) return false;
  if (request.register_code !== undefined && detail.register_code !== request.register_code) return false;
  if (
    request.payment_method !== undefined &&
    !detail.payments.some((p) => p.method === request.payment_method && minorOf(p.amount) > 0)
  ) {
    return false;
  }
  const day = detail.created_at.slice(0, 10);
  if (request.date_from !== undefined && day < request.date_from) return false;
  if (request.date_to !== undefined && day > request.date_to) return false;
  const wanted = words(request.search ?? '');
  if (wanted.length === 0) return true;
  const known = searchWords(order);
  return wanted.every((word) => known.some((candidate) => candidate.startsWith(word)));
}
