// Recording a payment on an order that awaits (part of) its payment: cash with change, or
// card for any amount up to the balance. Less than the balance is a partial payment; the
// order becomes paid when the last cent arrives.
import type { Backend } from '../api/backend';
import type { OrderDetail } from '../api/bindings/OrderDetail';
import type { TenderInput } from '../api/bindings/TenderInput';
import { problemOf } from '../api/errors';
import { currencyDigits } from '../money/format';
import { cashBalance, parseMinor, quickTenders, toDecimal, toMinor, type CashBalance } from '../money/money';
import type { CashTenderSession, PaymentMethod, PaymentProblem } from './payment.svelte';

/**
 * What is still due on an order, in minor units (never negative). Cash rounding counts:
 * a total rounded down to the smallest coin when paid in cash is paid in full.
 */
export function balanceDue(order: OrderDetail, digits = currencyDigits(order.currency_code)): number {
  const owed = toMinor(order.total, digits) + toMinor(order.cash_rounding, digits);
  return Math.max(0, owed - toMinor(order.paid, digits));
}

export class OrderPaymentSession implements CashTenderSession {
  readonly orderUuid: string;
  readonly reference: string;
  readonly currency: string;
  readonly digits: number;
  /** The balance due. */
  readonly totalMinor: number;
  readonly quickAmounts: number[];

  method = $state<PaymentMethod>('cash');
  tendered = $state('');
  cardAmount = $state('');
  terminalReference = $state('');
  busy = $state(false);
  problem = $state<PaymentProblem | null>(null);

  readonly #backend: Backend;

  constructor(backend: Backend, order: OrderDetail, method: PaymentMethod = 'cash') {
    this.#backend = backend;
    this.orderUuid = order.uuid;
    this.reference = order.reference;
    this.currency = order.currency_code;
    this.digits = currencyDigits(order.currency_code);
    this.totalMinor = balanceDue(order, this.digits);
    this.quickAmounts = quickTenders(this.totalMinor, this.digits);
    this.method = method;
    this.tendered = toDecimal(this.totalMinor, this.digits);
    this.cardAmount = this.tendered;
  }

  get balance(): CashBalance | null {
    const tendered = parseMinor(this.tendered, this.digits);
    return tendered === null || tendered < 0 ? null : cashBalance(tendered, this.totalMinor);
  }

  /** What this payment takes off the balance, in minor units (null while not an amount). */
  get appliedMinor(): number | null {
    const text = this.method === 'cash' ? this.tendered : this.cardAmount;
    const minor = parseMinor(text, this.digits);
    if (minor === null || minor < 0) return null;
    return Math.min(minor, this.totalMinor);
  }

  setTendered(minor: number): void {
    this.tendered = toDecimal(minor, this.digits);
    this.problem = null;
  }

  setMethod(method: PaymentMethod): void {
    this.method = method;
    this.problem = null;
  }

  /** Sends the payment; resolves with the updated order, or null when it failed. */
  async confirm(): Promise<OrderDetail | null> {
    if (this.busy) return null;
    const tender = this.#tender();
    if (!tender) return null;
    this.busy = true;
    this.problem = null;
    try {
      return await this.#backend.recordPayment({ uuid: this.orderUuid, tender });
    } catch (error) {
      this.problem = problemOf(error);
      return null;
    } finally {
      this.busy = false;
    }
  }

  #tender(): TenderInput | null {
    const text = this.method === 'cash' ? this.tendered : this.cardAmount;
    const minor = parseMinor(text, this.digits);
    if (minor === null || minor <= 0) {
      const example = toDecimal(this.totalMinor, this.digits);
      this.problem = { code: null, message: `Enter an amount above zero, for example ${example}.` };
      return null;
    }
    const amount = toDecimal(minor, this.digits);
    if (this.method === 'cash') return { method: 'cash', tendered: amount };
    const reference = this.terminalReference.trim();
    return reference === ''
      ? { method: 'card', amount }
      : { method: 'card', amount, terminal_reference: reference };
  }
}
