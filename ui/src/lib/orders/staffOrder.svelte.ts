// A new order taken by staff (phone or e-mail orders), as a step-by-step checkout:
// customer (an existing one, a guest or a new account) → products and coupon codes →
// delivery and invoice address (skipped when nothing ships) → carrier → payment (taken now,
// split over several methods; or a pay-later method; or awaiting payment) with the
// newsletter opt-in → place. Every change of the draft is priced again by the backend
// (`quote_checkout`, debounced, late answers dropped), which also says which carriers and
// payment methods are on offer. The order UUID is made once, when the dialog opens, and
// sent with every attempt, so a retry never creates a second order. A draft can be
// prefilled from a past order ("Reorder"): its customer, lines at today's prices and
// delivery address. Once an existing customer is picked, their carts (left at the register
// or online) are offered: the order can be made from one of them (its lines replace the
// draft's, and the cart becomes ordered with the order), or from a new cart.
import type { Backend } from '../api/backend';
import type { AddressInput } from '../api/bindings/AddressInput';
import type { AddressView } from '../api/bindings/AddressView';
import type { CartLineView } from '../api/bindings/CartLineView';
import type { CartSummary } from '../api/bindings/CartSummary';
import type { CheckoutDraft } from '../api/bindings/CheckoutDraft';
import type { CheckoutQuote } from '../api/bindings/CheckoutQuote';
import type { CheckoutReceipt } from '../api/bindings/CheckoutReceipt';
import type { CustomerSummary } from '../api/bindings/CustomerSummary';
import type { OrderDetail } from '../api/bindings/OrderDetail';
import type { PaymentMethodOption } from '../api/bindings/PaymentMethodOption';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import { errorMessage, problemOf, type Problem } from '../api/errors';
import { isCouponRefusal } from '../checkout/coupons';
import { SplitEditor } from '../checkout/splitEditor.svelte';
import { currencyDigits } from '../money/format';
import { toMinor } from '../money/money';
import { blankAddress, defaultAddresses, isBlank, sameAddress } from './address';
import {
  isLastStep,
  nextStep,
  previousStep,
  shownStep,
  stepOfError,
  visibleSteps,
  type CheckoutStep,
} from './checkoutSteps';
import { lookupSkus, planReorder, type PriceChange } from './reorder';
import {
  addLine,
  checkoutDraft,
  clampQuantity,
  draftProblem,
  draftTotalMinor,
  removeLine,
  setLineQuantity,
  staffCashDue,
  staffOrderRequest,
  type CustomerMode,
  type DraftInput,
  type DraftLine,
  type PaymentInput,
  type PaymentMode,
  type RestMethod,
} from './staffLines';

export const PICKER_DEBOUNCE_MS = 150;
export const QUOTE_DEBOUNCE_MS = 200;
const PRODUCT_LIMIT = 12;
/** The store's own country, prefilled in a new address. */
const HOME_COUNTRY = 'BE';

/** A line of a customer's cart as a draft line (the product as the cart prices it today). */
export function cartDraftLines(lines: readonly CartLineView[]): DraftLine[] {
  let draft: DraftLine[] = [];
  for (const line of lines) {
    if (line.quantity <= 0) continue;
    const product: ProductSummary = {
      id: line.product_id,
      sku: line.sku,
      name: line.name,
      category: null,
      barcode: null,
      price: line.unit_price,
      tax_label: line.tax_label,
      stock_tracked: false,
      stock_on_hand: 0,
    };
    draft = addLine(draft, product, line.quantity);
  }
  return draft;
}

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

  /** The step on screen. */
  step = $state<CheckoutStep>('customer');

  customerMode = $state<CustomerMode>('existing');
  customer = $state<CustomerSummary | null>(null);
  newName = $state('');
  newEmail = $state('');
  newPhone = $state('');
  newGroup = $state('retail');

  lines = $state<DraftLine[]>([]);
  /** Units added when a product is picked. */
  addQuantity = $state(1);
  couponCodes = $state<string[]>([]);
  couponInput = $state('');
  couponProblem = $state<Problem | null>(null);
  couponChecking = $state(false);

  /** The picked customer's carts that did not become orders. */
  customerCarts = $state<CartSummary[]>([]);
  cartsLoading = $state(false);
  cartsError = $state<string | null>(null);
  /** The customer's cart the order is made from; null: a new cart. */
  sourceCart = $state<CartSummary | null>(null);
  /** A cart's lines being loaded (its id). */
  cartLoading = $state<number | null>(null);

  /** The picked customer's stored addresses. */
  savedAddresses = $state<AddressView[]>([]);
  shipping = $state<AddressInput>(blankAddress(HOME_COUNTRY));
  invoiceSame = $state(true);
  invoice = $state<AddressInput>(blankAddress(HOME_COUNTRY));

  /** None: in-store pickup. */
  carrierCode = $state<string | null>(null);
  /** Why the chosen carrier was dropped (it no longer delivers this order). */
  carrierNotice = $state<string | null>(null);

  paymentMode = $state<PaymentMode>('now');
  payLater = $state<string | null>(null);
  rest = $state<RestMethod>('cash');
  tendered = $state('');
  terminalReference = $state('');
  /** Exact parts taken now (gift cards, store credit, a card) before the rest. */
  readonly split: SplitEditor;
  newsletter = $state(false);
  isTest = $state(false);

  /** The last quote, for the draft `quotedKey` describes. */
  quote = $state<CheckoutQuote | null>(null);
  quotedKey = $state<string | null>(null);
  quoting = $state(false);
  quoteProblem = $state<Problem | null>(null);

  busy = $state(false);
  problem = $state<Problem | null>(null);

  /** Reorder: the past order's reference while its products are looked up. */
  prefilling = $state<string | null>(null);
  /** Reorder: unit prices that changed since the past order. */
  priceChanges = $state<PriceChange[]>([]);
  /** Reorder: names of past lines whose product no longer exists. */
  unavailable = $state<string[]>([]);

  readonly currency: string;
  readonly digits: number;
  readonly #backend: Backend;
  readonly #incrementMinor: () => number;
  #disposed = false;
  #quoteTimer: ReturnType<typeof setTimeout> | undefined;
  #quoteSequence = 0;
  #cartSequence = 0;
  /** Addresses filled in from a customer, to replace when another customer is picked. */
  #prefilled: { shipping: AddressInput | null; invoice: AddressInput | null } = {
    shipping: null,
    invoice: null,
  };

  constructor(backend: Backend, currency: string, incrementMinor: () => number = () => 0) {
    this.#backend = backend;
    this.currency = currency;
    this.digits = currencyDigits(currency);
    this.#incrementMinor = incrementMinor;
    this.customers = new Lookup((query) => backend.searchCustomers({ query }));
    this.products = new Lookup((query) => backend.searchProducts({ query, limit: PRODUCT_LIMIT }));
    this.split = new SplitEditor(
      backend,
      this.digits,
      () => this.totalMinor,
      (apply) => {
        apply();
        this.problem = null;
      },
    );
  }

  // ——— Steps ———

  /** Whether anything ships, as the last quote says (null before the first quote). */
  get needsShipping(): boolean | null {
    return this.quote?.needs_shipping ?? null;
  }

  get steps(): CheckoutStep[] {
    return visibleSteps(this.needsShipping);
  }

  /** The step on screen, moved on when it is skipped. */
  get current(): CheckoutStep {
    return shownStep(this.step, this.needsShipping);
  }

  get onLastStep(): boolean {
    return isLastStep(this.current, this.needsShipping);
  }

  /** Goes to a step; moving forward checks the steps in between first. */
  goTo(step: CheckoutStep): void {
    const steps = this.steps;
    if (steps.indexOf(step) > steps.indexOf(this.current)) {
      const missing = draftProblem(this.#draftInput(), previousStep(step, this.needsShipping));
      if (missing) {
        this.step = missing.step;
        this.problem = { code: null, message: missing.problem };
        return;
      }
    }
    this.problem = null;
    this.step = step;
  }

  next(): void {
    this.goTo(nextStep(this.current, this.needsShipping));
  }

  back(): void {
    this.problem = null;
    this.step = previousStep(this.current, this.needsShipping);
  }

  // ——— Customer ———

  setCustomerMode(mode: CustomerMode): void {
    this.customerMode = mode;
    this.problem = null;
    if (mode !== 'existing') {
      this.customer = null;
      this.savedAddresses = [];
      this.#forgetCarts();
      this.#fillAddresses(null, null);
    }
  }

  pickCustomer(customer: CustomerSummary): void {
    if (this.customer?.id !== customer.id) this.#forgetCarts();
    this.customerMode = 'existing';
    this.customer = customer;
    this.newsletter = customer.newsletter;
    this.customers.clear();
    this.problem = null;
    this.split.dropStoreCredit();
    void this.#loadAddresses(customer.id);
    void this.#loadCarts(customer.id);
  }

  changeCustomer(): void {
    this.customer = null;
    this.savedAddresses = [];
    this.#forgetCarts();
  }

  // ——— The customer's carts ———

  /**
   * Makes the order from one of the customer's carts: its lines replace the draft's and
   * the cart becomes ordered with the order. Null: a new cart (the cart's lines go).
   * Resolves with whether the cart was taken.
   */
  async chooseCart(cart: CartSummary | null): Promise<boolean> {
    const sequence = ++this.#cartSequence;
    this.problem = null;
    if (cart === null) {
      this.cartLoading = null;
      if (this.sourceCart !== null) this.#dropSourceCart();
      return true;
    }
    const customerId = this.customer?.id ?? null;
    this.cartLoading = cart.cart_id;
    try {
      const view = await this.#backend.cartById({ cart_id: cart.cart_id });
      if (this.#disposed || sequence !== this.#cartSequence || this.customer?.id !== customerId) return false;
      this.lines = cartDraftLines(view.lines);
      this.sourceCart = cart;
      this.priceChanges = [];
      this.unavailable = [];
      return true;
    } catch (error) {
      if (!this.#disposed && sequence === this.#cartSequence) this.problem = problemOf(error);
      return false;
    } finally {
      if (sequence === this.#cartSequence) this.cartLoading = null;
    }
  }

  /** The customer changed: their carts (and the lines taken from one) go. */
  #forgetCarts(): void {
    ++this.#cartSequence;
    this.customerCarts = [];
    this.cartsLoading = false;
    this.cartsError = null;
    this.cartLoading = null;
    if (this.sourceCart !== null) this.#dropSourceCart();
  }

  #dropSourceCart(): void {
    this.sourceCart = null;
    this.lines = [];
  }

  async #loadCarts(customerId: number): Promise<void> {
    this.cartsLoading = true;
    this.cartsError = null;
    try {
      const page = await this.#backend.customerPage({ customer_id: customerId });
      if (this.#disposed || this.customer?.id !== customerId) return;
      this.customerCarts = page.carts;
    } catch (error) {
      if (!this.#disposed && this.customer?.id === customerId) this.cartsError = errorMessage(error);
    } finally {
      if (this.customer?.id === customerId) this.cartsLoading = false;
    }
  }

  /** The store credit the customer can use (minor units). */
  get storeCreditMinor(): number {
    const credit = this.quote?.store_credit ?? this.customer?.store_credit ?? null;
    return credit === null ? 0 : toMinor(credit, this.digits);
  }

  // ——— Products and coupons ———

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

  /** Adds the typed coupon code once the backend prices the draft with it; else says why not. */
  async addCoupon(): Promise<boolean> {
    const code = this.couponInput.trim().toUpperCase();
    if (code === '' || this.couponChecking) return false;
    if (this.couponCodes.includes(code)) {
      this.couponInput = '';
      return true;
    }
    if (this.lines.length === 0) {
      this.couponProblem = {
        code: 'empty_cart',
        message: 'Add the products first: a coupon applies to them.',
      };
      return false;
    }
    this.couponChecking = true;
    this.couponProblem = null;
    try {
      const draft = checkoutDraft({ ...this.#draftInput(), couponCodes: [...this.couponCodes, code] }, true);
      const quote = await this.#backend.quoteCheckout(draft);
      if (this.#disposed) return false;
      this.couponCodes = [...this.couponCodes, code];
      this.couponInput = '';
      this.#takeQuote(quote, this.quoteKey);
      return true;
    } catch (error) {
      this.couponProblem = problemOf(error);
      return false;
    } finally {
      this.couponChecking = false;
    }
  }

  removeCoupon(code: string): void {
    this.couponCodes = this.couponCodes.filter((c) => c !== code);
    this.couponProblem = null;
  }

  // ——— Address and carrier ———

  /** Fills the delivery (or invoice) address with a stored one. */
  useAddress(id: number, which: 'shipping' | 'invoice'): void {
    const saved = this.savedAddresses.find((a) => a.id === id);
    if (!saved) return;
    if (which === 'shipping') this.shipping = { ...saved.address };
    else this.invoice = { ...saved.address };
  }

  clearShipping(): void {
    this.shipping = blankAddress(HOME_COUNTRY);
  }

  chooseCarrier(code: string | null): void {
    this.carrierCode = code;
    this.carrierNotice = null;
    this.problem = null;
  }

  /** The carrier priced in: the chosen one, else in-store pickup. */
  get selectedCarrier(): string | null {
    return this.carrierCode ?? this.quote?.carrier_code ?? null;
  }

  // ——— Payment ———

  get payNowMethods(): PaymentMethodOption[] {
    return (this.quote?.payment_methods ?? []).filter((m) => m.pays_now);
  }

  get payLaterMethods(): PaymentMethodOption[] {
    return (this.quote?.payment_methods ?? []).filter((m) => !m.pays_now);
  }

  offers(code: string): boolean {
    return this.payNowMethods.some((m) => m.code === code);
  }

  /** The order's total: the quote's, or the shelf-price estimate before the first quote. */
  get totalMinor(): number {
    return this.quote ? toMinor(this.quote.total, this.digits) : this.estimateMinor;
  }

  /** What the rest costs in cash (rounded to the smallest coin). */
  get cashDueMinor(): number {
    return staffCashDue(this.#paymentInput());
  }

  setPaymentMode(mode: PaymentMode, payLater: string | null = null): void {
    this.paymentMode = mode;
    this.payLater = mode === 'later' ? payLater : null;
    this.problem = null;
  }

  // ——— Quote ———

  /** The draft as last typed, as a key: a new key means a new quote is due. */
  get quoteKey(): string | null {
    if (this.lines.length === 0) return null;
    return JSON.stringify(checkoutDraft(this.#draftInput(), true));
  }

  /** Whether the quote shown is for the draft as it is now. */
  get quoteFresh(): boolean {
    return this.quote !== null && this.quotedKey === this.quoteKey;
  }

  /** The draft changed: prices it again after a short pause (the dialog calls this on every change). */
  scheduleQuote(key: string | null): void {
    if (key === this.quotedKey && this.quote !== null) return;
    if (this.#quoteTimer !== undefined) clearTimeout(this.#quoteTimer);
    if (key === null) {
      ++this.#quoteSequence;
      this.quote = null;
      this.quotedKey = null;
      this.quoting = false;
      this.quoteProblem = null;
      return;
    }
    this.quoting = true;
    this.#quoteTimer = setTimeout(() => void this.refreshQuote(), QUOTE_DEBOUNCE_MS);
  }

  /** Prices the draft now; resolves once the answer (or the refusal) is shown. */
  async refreshQuote(): Promise<void> {
    if (this.#quoteTimer !== undefined) clearTimeout(this.#quoteTimer);
    this.#quoteTimer = undefined;
    const key = this.quoteKey;
    const sequence = ++this.#quoteSequence;
    if (key === null) {
      this.quoting = false;
      return;
    }
    this.quoting = true;
    try {
      const quote = await this.#backend.quoteCheckout(JSON.parse(key) as CheckoutDraft);
      if (sequence !== this.#quoteSequence || this.#disposed) return;
      this.#takeQuote(quote, key);
    } catch (error) {
      if (sequence !== this.#quoteSequence || this.#disposed) return;
      const problem = problemOf(error);
      if (
        (problem.code === 'carrier_unavailable' || problem.code === 'address_required') &&
        this.carrierCode !== null
      ) {
        // The chosen carrier no longer takes this order (another address, more weight …).
        this.carrierCode = null;
        this.carrierNotice = problem.message;
        await this.refreshQuote();
        return;
      }
      this.quoteProblem = problem;
    } finally {
      if (sequence === this.#quoteSequence) this.quoting = false;
    }
  }

  // ——— Placing ———

  /** Places the order; resolves with it, or null when it failed (`problem` says why). */
  async create(): Promise<CheckoutReceipt | null> {
    if (this.busy || this.prefilling !== null) return null;
    if (!this.quoteFresh && this.quoteKey !== null) await this.refreshQuote();
    const result = staffOrderRequest({
      orderUuid: this.orderUuid,
      draft: this.#draftInput(),
      payment: this.#paymentInput(),
      newsletter: this.newsletter,
      isTest: this.isTest,
    });
    if ('problem' in result) {
      this.problem = { code: null, message: result.problem };
      this.step = result.step;
      return null;
    }
    this.busy = true;
    this.problem = null;
    try {
      return await this.#backend.createStaffOrder(result.request);
    } catch (error) {
      const problem = problemOf(error);
      this.problem = problem;
      const step = stepOfError(problem.code);
      if (step !== null && this.steps.includes(step)) this.step = step;
      if (isCouponRefusal(problem.code)) this.couponProblem = problem;
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Takes the customer, the still-existing products and the address of a past order. */
  async prefill(order: OrderDetail): Promise<void> {
    this.prefilling = order.reference;
    try {
      if (order.shipping_address) this.shipping = { ...order.shipping_address };
      if (
        order.invoice_address &&
        order.shipping_address &&
        !sameAddress(order.invoice_address, order.shipping_address)
      ) {
        this.invoiceSame = false;
        this.invoice = { ...order.invoice_address };
      }
      const skus = lookupSkus(order.lines);
      const [found, customer] = await Promise.all([
        Promise.all(skus.map((sku) => this.#backend.searchProducts({ query: sku, limit: PRODUCT_LIMIT }))),
        order.customer
          ? this.#findCustomer(order.customer.id, order.customer.email ?? order.customer.name)
          : null,
      ]);
      if (this.#disposed) return;
      if (customer) {
        this.customer = customer;
        this.newsletter = customer.newsletter;
        void this.#loadAddresses(customer.id);
        void this.#loadCarts(customer.id);
      }
      const plan = planReorder(
        order.lines,
        Object.fromEntries(skus.map((sku, i) => [sku, found[i] ?? []])),
        this.digits,
      );
      for (const line of plan.lines) this.lines = addLine(this.lines, line.product, line.quantity);
      this.priceChanges = plan.changes;
      this.unavailable = plan.unavailable;
      if (this.customer) this.step = 'products';
    } catch (error) {
      if (!this.#disposed) this.problem = problemOf(error);
    } finally {
      this.prefilling = null;
    }
  }

  /** Stops pending searches and quotes when the dialog closes. */
  dispose(): void {
    this.#disposed = true;
    this.customers.cancel();
    this.products.cancel();
    if (this.#quoteTimer !== undefined) clearTimeout(this.#quoteTimer);
  }

  #takeQuote(quote: CheckoutQuote, key: string | null): void {
    this.quote = quote;
    this.quotedKey = key;
    this.quoteProblem = null;
    if (this.carrierCode !== null && !quote.carriers.some((c) => c.code === this.carrierCode)) {
      this.carrierCode = null;
    }
    if (this.payLater !== null && !quote.payment_methods.some((m) => m.code === this.payLater)) {
      this.payLater = null;
    }
    const cash = quote.payment_methods.some((m) => m.code === 'cash' && m.pays_now);
    const card = quote.payment_methods.some((m) => m.code === 'card' && m.pays_now);
    if (this.rest === 'cash' && !cash && card) this.rest = 'card';
    if (this.rest === 'card' && !card && cash) this.rest = 'cash';
  }

  async #loadAddresses(customerId: number): Promise<void> {
    try {
      const saved = await this.#backend.customerAddresses({ customer_id: customerId });
      if (this.#disposed || this.customer?.id !== customerId) return;
      this.savedAddresses = saved;
      const { shipping, invoice } = defaultAddresses(saved);
      this.#fillAddresses(shipping, invoice);
    } catch (error) {
      if (!this.#disposed) this.problem = problemOf(error);
    }
  }

  /** Puts a customer's addresses in the form unless the clerk typed one of their own. */
  #fillAddresses(shipping: AddressInput | null, invoice: AddressInput | null): void {
    const untouched = (current: AddressInput, filled: AddressInput | null): boolean =>
      isBlank(current) || (filled !== null && sameAddress(current, filled));
    if (untouched(this.shipping, this.#prefilled.shipping)) {
      this.shipping = shipping ? { ...shipping } : blankAddress(HOME_COUNTRY);
    }
    const separate = shipping !== null && invoice !== null && !sameAddress(shipping, invoice);
    if (untouched(this.invoice, this.#prefilled.invoice)) {
      this.invoiceSame = !separate;
      this.invoice = separate && invoice ? { ...invoice } : blankAddress(HOME_COUNTRY);
    }
    this.#prefilled = { shipping, invoice: separate ? invoice : null };
  }

  /** The customer of a past order, as a search finds them (with their group and credit). */
  async #findCustomer(id: number, query: string): Promise<CustomerSummary | null> {
    const found = await this.#backend.searchCustomers({ query });
    return found.find((c) => c.id === id) ?? null;
  }

  #draftInput(): DraftInput {
    return {
      customerMode: this.customerMode,
      customerId: this.customer?.id ?? null,
      newCustomer: { name: this.newName, email: this.newEmail, phone: this.newPhone, group: this.newGroup },
      lines: this.lines,
      couponCodes: this.couponCodes,
      needsShipping: this.needsShipping,
      shipping: this.shipping,
      invoiceSame: this.invoiceSame,
      invoice: this.invoice,
      carrierCode: this.carrierCode,
      sourceCartId: this.sourceCart?.cart_id ?? null,
    };
  }

  #paymentInput(): PaymentInput {
    return {
      mode: this.paymentMode,
      payLater: this.payLater,
      rest: this.rest,
      parts: this.split.parts,
      tendered: this.tendered,
      terminalReference: this.terminalReference,
      totalMinor: this.totalMinor,
      incrementMinor: this.#incrementMinor(),
      digits: this.digits,
    };
  }
}
