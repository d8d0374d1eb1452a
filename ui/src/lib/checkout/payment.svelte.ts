// One payment attempt at the counter, from the dialog opening until the sale is done.
// The order UUID is made once, when the dialog opens, and sent with every retry, so a
// double click or a retry after an error can never create a second order.
import type { Backend } from '../api/backend';
import type { CartView } from '../api/bindings/CartView';
import type { CheckoutReceipt } from '../api/bindings/CheckoutReceipt';
import type { ErrorCode } from '../api/bindings/ErrorCode';
import type { TenderInput } from '../api/bindings/TenderInput';
import { toBackendError } from '../api/errors';
import { currencyDigits } from '../money/format';
import { cashBalance, parseMinor, quickTenders, toDecimal, toMinor, type CashBalance } from '../money/money';

export type PaymentMethod = 'cash' | 'card';

export interface PaymentProblem {
  /** The backend's code, or null for a problem found before calling it. */
  code: ErrorCode | null;
  message: string;
}

/** What the cash tender panel needs: a sale's payment or a payment recorded later. */
export interface CashTenderSession {
  readonly digits: number;
  readonly currency: string;
  /** What is due now, in minor units. */
  readonly totalMinor: number;
  readonly quickAmounts: number[];
  tendered: string;
  problem: PaymentProblem | null;
  readonly balance: CashBalance | null;
  setTendered(minor: number): void;
}

export class PaymentSession implements CashTenderSession {
  readonly orderUuid: string = crypto.randomUUID();
  readonly method: PaymentMethod;
  readonly cartId: number;
  readonly currency: string;
  readonly digits: number;
  readonly totalMinor: number;
  /** The total as the backend sent it. */
  readonly total: string;
  /** Round cash amounts to offer as buttons (minor units). */
  readonly quickAmounts: number[];

  tendered = $state('');
  reference = $state('');
  busy = $state(false);
  problem = $state<PaymentProblem | null>(null);

  readonly #backend: Backend;

  constructor(backend: Backend, cart: CartView & { cart_id: number }, method: PaymentMethod) {
    this.#backend = backend;
    this.method = method;
    this.cartId = cart.cart_id;
    this.currency = cart.currency_code;
    this.digits = currencyDigits(cart.currency_code);
    this.total = cart.total;
    this.totalMinor = toMinor(cart.total, this.digits);
    this.quickAmounts = quickTenders(this.totalMinor, this.digits);
    this.tendered = toDecimal(this.totalMinor, this.digits);
  }

  /** What the clerk typed as cash received, in minor units (null while not an amount). */
  get tenderedMinor(): number | null {
    return parseMinor(this.tendered, this.digits);
  }

  /** Change due or amount still missing; null while the input is not a valid amount. */
  get balance(): CashBalance | null {
    const tendered = this.tenderedMinor;
    return tendered === null || tendered < 0 ? null : cashBalance(tendered, this.totalMinor);
  }

  /** Writes an amount in minor units into the tendered box. */
  setTendered(minor: number): void {
    this.tendered = toDecimal(minor, this.digits);
    this.problem = null;
  }

  /**
   * Sends the payment. Resolves with the receipt, or with null when it failed (then
   * `problem` says why) or while an attempt is still in flight.
   */
  async confirm(): Promise<CheckoutReceipt | null> {
    if (this.busy) return null;
    const tender = this.#tender();
    if (!tender) return null;
    this.busy = true;
    this.problem = null;
    try {
      return await this.#backend.checkout({
        order_uuid: this.orderUuid,
        cart_id: this.cartId,
        tenders: [tender],
      });
    } catch (error) {
      const { code, message } = toBackendError(error);
      this.problem = { code, message };
      return null;
    } finally {
      this.busy = false;
    }
  }

  #tender(): TenderInput | null {
    if (this.method === 'card') {
      const reference = this.reference.trim();
      const amount = toDecimal(this.totalMinor, this.digits);
      return reference === ''
        ? { method: 'card', amount }
        : { method: 'card', amount, terminal_reference: reference };
    }
    const minor = this.tenderedMinor;
    if (minor === null || minor < 0) {
      const example = toDecimal(this.quickAmounts[0] ?? this.totalMinor, this.digits);
      this.problem = { code: null, message: `Enter the amount handed over, for example ${example}.` };
      return null;
    }
    return { method: 'cash', tendered: toDecimal(minor, this.digits) };
  }
}
