// One payment attempt at the counter, from the dialog opening until the sale is done.
// The order UUID is made once, when the dialog opens, and sent with every retry, so a
// double click or a retry after an error can never create a second order.
//
// The sale is paid by cash or by card as the dialog was opened, optionally split: gift
// card parts (their balance checked on request), store credit when the cart's customer has
// some, and, when paying cash, a card part are charged exactly; the chosen method pays
// what remains. A store credit refusal (`store_credit_insufficient`) shows at its part.
// Cash due is the cart's cash total (rounded to the smallest coin) when cash pays
// everything, else the remainder rounded the same way. One checkout call carries every
// tender.
import type { Backend } from '../api/backend';
import type { CartView } from '../api/bindings/CartView';
import type { CheckoutReceipt } from '../api/bindings/CheckoutReceipt';
import type { TenderInput } from '../api/bindings/TenderInput';
import { problemOf, type Problem } from '../api/errors';
import { currencyDigits } from '../money/format';
import { cashBalance, parseMinor, quickTenders, toDecimal, toMinor, type CashBalance } from '../money/money';
import { cashDueAfter, partTender, remainingAfter, type SplitPart } from './split';
import { SplitEditor } from './splitEditor.svelte';

export type PaymentMethod = 'cash' | 'card';

/** A problem shown in a payment dialog (the backend's code, or null when found before calling it). */
export type PaymentProblem = Problem;

/** What the cash tender panel needs: a sale's payment or a payment recorded later. */
export interface CashTenderSession {
  readonly digits: number;
  readonly currency: string;
  /** What is due now in cash, in minor units. */
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
  /** The sale's total as the backend sent it, and in minor units. */
  readonly total: string;
  readonly saleMinor: number;
  /** What is due when cash pays it all (the total rounded to the smallest coin). */
  readonly cashTotal: string;
  readonly cashTotalMinor: number;
  /** The smallest coin in minor units (0: cash to the cent). */
  readonly incrementMinor: number;
  /** The store credit of the cart's customer (0 without a customer or credit). */
  readonly storeCreditMinor: number;

  tendered = $state('');
  reference = $state('');
  busy = $state(false);
  problem = $state<PaymentProblem | null>(null);

  /** Parts charged exactly (gift cards, store credit, a card) before the chosen method pays the rest. */
  readonly split: SplitEditor;

  readonly #backend: Backend;

  constructor(
    backend: Backend,
    cart: CartView & { cart_id: number },
    method: PaymentMethod,
    incrementMinor = 0,
  ) {
    this.#backend = backend;
    this.method = method;
    this.cartId = cart.cart_id;
    this.currency = cart.currency_code;
    this.digits = currencyDigits(cart.currency_code);
    this.total = cart.total;
    this.saleMinor = toMinor(cart.total, this.digits);
    this.cashTotal = cart.cash_total;
    this.cashTotalMinor = toMinor(cart.cash_total, this.digits);
    this.incrementMinor = incrementMinor;
    this.storeCreditMinor = cart.customer ? Math.max(0, toMinor(cart.customer.store_credit, this.digits)) : 0;
    this.split = new SplitEditor(
      backend,
      this.digits,
      () => this.saleMinor,
      (apply) => this.#changeParts(apply),
    );
    this.tendered = toDecimal(this.totalMinor, this.digits);
  }

  /** The exact parts entered so far. */
  get parts(): SplitPart[] {
    return this.split.parts;
  }

  /** Whether the payment is split over several tenders. */
  get isSplit(): boolean {
    return this.parts.length > 0;
  }

  /** What the sale still needs after the parts. */
  get remainingMinor(): number {
    return remainingAfter(this.saleMinor, this.parts);
  }

  /** What the customer hands over in cash when cash pays the rest. */
  get cashDueMinor(): number {
    return cashDueAfter(this.saleMinor, this.cashTotalMinor, this.parts, this.incrementMinor);
  }

  /** What the chosen method pays now: the cash due, or what the card is charged. */
  get totalMinor(): number {
    return this.method === 'cash' ? this.cashDueMinor : this.remainingMinor;
  }

  /** Round cash amounts to offer as buttons (minor units). */
  get quickAmounts(): number[] {
    return quickTenders(this.totalMinor, this.digits);
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
    const tenders = this.#tenders();
    if (!tenders) return null;
    this.busy = true;
    this.problem = null;
    try {
      return await this.#backend.checkout({
        order_uuid: this.orderUuid,
        cart_id: this.cartId,
        tenders,
      });
    } catch (error) {
      const problem = problemOf(error);
      if (!this.split.placeRefusal(problem)) this.problem = problem;
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Changes the parts; a tendered amount the clerk left at the amount due follows it. */
  #changeParts(apply: () => void): void {
    const followed = this.tendered.trim() === '' || this.tenderedMinor === this.totalMinor;
    apply();
    this.problem = null;
    if (followed) this.tendered = toDecimal(this.totalMinor, this.digits);
  }

  #tenders(): TenderInput[] | null {
    const tenders = this.parts.map((part) => partTender(part, this.digits));
    if (this.isSplit && this.remainingMinor === 0) return tenders;
    if (this.method === 'card') {
      const reference = this.reference.trim();
      const amount = toDecimal(this.remainingMinor, this.digits);
      tenders.push(
        reference === ''
          ? { method: 'card', amount }
          : { method: 'card', amount, terminal_reference: reference },
      );
      return tenders;
    }
    const minor = this.tenderedMinor;
    if (minor === null || minor < 0) {
      const example = toDecimal(this.quickAmounts[0] ?? this.totalMinor, this.digits);
      this.problem = { code: null, message: `Enter the amount handed over, for example ${example}.` };
      return null;
    }
    tenders.push({ method: 'cash', tendered: toDecimal(minor, this.digits) });
    return tenders;
  }
}
