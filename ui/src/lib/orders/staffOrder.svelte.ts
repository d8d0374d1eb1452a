// A new order taken by staff for a customer (phone or e-mail orders): the customer and
// product pickers (debounced searches, late answers dropped), the lines, how it is paid
// and a test-order switch. The order UUID is made once, when the dialog opens, and sent
// with every attempt, so a retry never creates a second order. A draft can be prefilled
// from a past order ("Reorder"): its customer and its lines at today's prices.
import type { Backend } from '../api/backend';
import type { CheckoutReceipt } from '../api/bindings/CheckoutReceipt';
import type { CustomerSummary } from '../api/bindings/CustomerSummary';
import type { OrderDetail } from '../api/bindings/OrderDetail';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import { errorMessage, toBackendError } from '../api/errors';
import { currencyDigits } from '../money/format';
import { lookupSkus, planReorder, type PriceChange } from './reorder';
import {
  addLine,
  clampQuantity,
  draftTotalMinor,
  removeLine,
  setLineQuantity,
  staffOrderRequest,
  type DraftLine,
  type PaymentTiming,
  type TenderMethod,
} from './staffLines';

export const PICKER_DEBOUNCE_MS = 150;
const PRODUCT_LIMIT = 12;

/** A debounced search whose outdated answers are ignored. */
class Lookup<T> {
  query = $state('');
  results = $state<T[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sequence = 0;
  readonly #search: (query: string) => Promise<T[]>;

  constructor(search: (query: string) => Promise<T[]>) {
    this.#search = search;
  }

  input(query: string): void {
    this.query = query;
    this.cancel();
    const sequence = ++this.#sequence;
    if (query.trim() === '') {
      this.results = [];
      this.loading = false;
      this.error = null;
      return;
    }
    this.loading = true;
    this.#timer = setTimeout(() => void this.#run(sequence, query.trim()), PICKER_DEBOUNCE_MS);
  }

  clear(): void {
    this.input('');
  }

  cancel(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #run(sequence: number, query: string): Promise<void> {
    try {
      const results = await this.#search(query);
      if (sequence !== this.#sequence) return;
      this.results = results;
      this.error = null;
    } catch (error) {
      if (sequence === this.#sequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.#sequence) this.loading = false;
    }
  }
}

export class StaffOrderDraft {
  readonly orderUuid: string = crypto.randomUUID();
  readonly customers: Lookup<CustomerSummary>;
  readonly products: Lookup<ProductSummary>;

  customer = $state<CustomerSummary | null>(null);
  lines = $state<DraftLine[]>([]);
  /** Units added when a product is picked. */
  addQuantity = $state(1);
  timing = $state<PaymentTiming>('paid');
  method = $state<TenderMethod>('cash');
  tendered = $state('');
  terminalReference = $state('');
  isTest = $state(false);
  busy = $state(false);
  problem = $state<string | null>(null);

  /** Reorder: the past order's reference while its products are looked up. */
  prefilling = $state<string | null>(null);
  /** Reorder: unit prices that changed since the past order. */
  priceChanges = $state<PriceChange[]>([]);
  /** Reorder: names of past lines whose product no longer exists. */
  unavailable = $state<string[]>([]);

  readonly currency: string;
  readonly digits: number;
  readonly #backend: Backend;
  #disposed = false;

  constructor(backend: Backend, currency: string) {
    this.#backend = backend;
    this.currency = currency;
    this.digits = currencyDigits(currency);
    this.customers = new Lookup((query) => backend.searchCustomers({ query }));
    this.products = new Lookup((query) => backend.searchProducts({ query, limit: PRODUCT_LIMIT }));
  }

  get estimateMinor(): number {
    return draftTotalMinor(this.lines, this.digits);
  }

  get itemCount(): number {
    return this.lines.reduce((sum, line) => sum + line.quantity, 0);
  }

  /** The price change of a line taken from the past order, if its price changed. */
  priceChangeOf(productId: number): PriceChange | null {
    return this.priceChanges.find((change) => change.productId === productId) ?? null;
  }

  /** Takes the customer and the still-existing products of a past order, at today's prices. */
  async prefill(order: OrderDetail): Promise<void> {
    if (order.customer) this.customer = { ...order.customer, phone: null };
    this.prefilling = order.reference;
    try {
      const skus = lookupSkus(order.lines);
      const found = await Promise.all(
        skus.map((sku) => this.#backend.searchProducts({ query: sku, limit: PRODUCT_LIMIT })),
      );
      if (this.#disposed) return;
      const plan = planReorder(
        order.lines,
        Object.fromEntries(skus.map((sku, i) => [sku, found[i] ?? []])),
        this.digits,
      );
      for (const line of plan.lines) this.lines = addLine(this.lines, line.product, line.quantity);
      this.priceChanges = plan.changes;
      this.unavailable = plan.unavailable;
    } catch (error) {
      if (!this.#disposed) this.problem = errorMessage(error);
    } finally {
      this.prefilling = null;
    }
  }

  pickCustomer(customer: CustomerSummary): void {
    this.customer = customer;
    this.customers.clear();
    this.problem = null;
  }

  changeCustomer(): void {
    this.customer = null;
  }

  add(product: ProductSummary): void {
    this.lines = addLine(this.lines, product, clampQuantity(this.addQuantity));
    this.addQuantity = 1;
    this.products.clear();
    this.problem = null;
  }

  setQuantity(productId: number, quantity: number): void {
    this.lines = setLineQuantity(this.lines, productId, quantity);
  }

  remove(productId: number): void {
    this.lines = removeLine(this.lines, productId);
  }

  /** Creates the order; resolves with it, or null when it failed (`problem` says why). */
  async create(): Promise<CheckoutReceipt | null> {
    if (this.busy || this.prefilling !== null) return null;
    const result = staffOrderRequest({
      orderUuid: this.orderUuid,
      customerId: this.customer?.id ?? null,
      lines: this.lines,
      timing: this.timing,
      method: this.method,
      tendered: this.tendered,
      terminalReference: this.terminalReference,
      isTest: this.isTest,
      digits: this.digits,
    });
    if ('problem' in result) {
      this.problem = result.problem;
      return null;
    }
    this.busy = true;
    this.problem = null;
    try {
      return await this.#backend.createStaffOrder(result.request);
    } catch (error) {
      this.problem = toBackendError(error).message;
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Stops pending searches when the dialog closes. */
  dispose(): void {
    this.#disposed = true;
    this.customers.cancel();
    this.products.cancel();
  }
}
