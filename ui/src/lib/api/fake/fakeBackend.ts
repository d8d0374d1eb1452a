// An in-memory backend for developing and previewing the UI in a plain browser. It keeps
// the Rust core's rules that the UI depends on (error codes, idempotent checkout and staff
// orders, cart merging, stock warnings, status transitions with credit notes, editable
// order statuses, background jobs, document file names) and saves its state in
// localStorage so the cart survives a reload. URL switches: `?demo` starts with the demo
// store, `?fresh` ignores saved state, `?latency=300` slows every call down.
import type { Backend } from '../backend';
import type { AddToCartRequest } from '../bindings/AddToCartRequest';
import type { AppStatus } from '../bindings/AppStatus';
import type { CartView } from '../bindings/CartView';
import type { ChangeStatusRequest } from '../bindings/ChangeStatusRequest';
import type { CheckoutReceipt } from '../bindings/CheckoutReceipt';
import type { CheckoutRequest } from '../bindings/CheckoutRequest';
import type { CustomerSummary } from '../bindings/CustomerSummary';
import type { DemoSummary } from '../bindings/DemoSummary';
import type { GetOrderRequest } from '../bindings/GetOrderRequest';
import type { JobRequest } from '../bindings/JobRequest';
import type { JobView } from '../bindings/JobView';
import type { ListOrdersRequest } from '../bindings/ListOrdersRequest';
import type { MassActionRequest } from '../bindings/MassActionRequest';
import type { OrderDetail } from '../bindings/OrderDetail';
import type { OrderPage } from '../bindings/OrderPage';
import type { OrderStatusView } from '../bindings/OrderStatusView';
import type { PrintOutcome } from '../bindings/PrintOutcome';
import type { PrintReceiptRequest } from '../bindings/PrintReceiptRequest';
import type { PrinterSettings } from '../bindings/PrinterSettings';
import type { ProductSummary } from '../bindings/ProductSummary';
import type { RecordPaymentRequest } from '../bindings/RecordPaymentRequest';
import type { RemoveLineRequest } from '../bindings/RemoveLineRequest';
import type { SaveDocumentRequest } from '../bindings/SaveDocumentRequest';
import type { SavedDocument } from '../bindings/SavedDocument';
import type { ScanRequest } from '../bindings/ScanRequest';
import type { ScanResult } from '../bindings/ScanResult';
import type { SearchCustomersRequest } from '../bindings/SearchCustomersRequest';
import type { SearchProductsRequest } from '../bindings/SearchProductsRequest';
import type { SetQuantityRequest } from '../bindings/SetQuantityRequest';
import type { StaffOrderRequest } from '../bindings/StaffOrderRequest';
import type { UpdateOrderRequest } from '../bindings/UpdateOrderRequest';
import { BackendError } from '../errors';
import { CUSTOMERS, DEMO_CATEGORY_COUNT, STORE, TAX_RATES, demoProducts, type FakeProduct } from './catalog';
import { FakeJobs, type JobStep } from './jobs';
import { changeStatus, recordPayment, restock, type Ledger } from './orderChanges';
import { checkFilter, matchesFilter } from './orderFilter';
import { applyTenders, buildOrder, newCounters, type Counters, type FakeOrder } from './orders';
import { cartView, priceLine, productSummary, totalsOf, type PricedLine } from './pricing';
import { seedOrders } from './seed';
import { saveStatus } from './statusSettings';
import { defaultStatuses, findStatus, firstStatus } from './statuses';

const STORAGE_KEY = 'kassa.fake-backend.v2';
const MAX_TEXT = 2000;

interface FakeLine {
  lineId: number;
  productId: number;
  quantity: number;
}

interface FakeState {
  products: FakeProduct[];
  cartId: number | null;
  lines: FakeLine[];
  nextCartId: number;
  nextLineId: number;
  /** Oldest first. */
  orders: FakeOrder[];
  warnings: Record<string, string[]>;
  counters: Counters;
  /** The configurable order statuses, in display order. */
  statuses: OrderStatusView[];
  /** The receipt printer (an empty address means none). */
  printer: PrinterSettings;
}

export interface FakeOptions {
  storage: Storage | null;
  seedDemo: boolean;
  fresh: boolean;
  latencyMs: number;
}

export function fakeOptionsFromUrl(search: string, storage: Storage | null): FakeOptions {
  const params = new URLSearchParams(search);
  const latency = Number(params.get('latency') ?? '40');
  return {
    storage,
    seedDemo: params.has('demo'),
    fresh: params.has('fresh'),
    latencyMs: Number.isFinite(latency) && latency >= 0 ? latency : 40,
  };
}

function emptyState(): FakeState {
  return {
    products: [],
    cartId: null,
    lines: [],
    nextCartId: 1,
    nextLineId: 1,
    orders: [],
    warnings: {},
    counters: newCounters(),
    statuses: defaultStatuses(),
    printer: { address: '', paper_mm: 80 },
  };
}

function checkText(text: string, what: string, max = MAX_TEXT): string {
  if (text.length > max)
    throw new BackendError('invalid_input', `The ${what} is longer than ${max} characters.`);
  return text.trim();
}

function checkQuantity(quantity: number, min: number): void {
  if (!Number.isInteger(quantity) || quantity < min || quantity > 9999) {
    throw new BackendError('invalid_input', `The quantity must be a whole number from ${min} to 9999.`);
  }
}

/** Checks a printer address as the core does: `tcp:HOST[:PORT]`, `device:PATH`, `file:PATH` or empty. */
function checkPrinter({ address, paper_mm }: PrinterSettings): PrinterSettings {
  const trimmed = address.trim();
  if (trimmed !== '' && !/^(tcp:[^\s:]+(:\d{1,5})?|device:\S+|file:\S.*)$/.test(trimmed)) {
    throw new BackendError(
      'invalid_input',
      'The printer address must be tcp:HOST[:PORT], device:PATH or file:PATH, or empty for none.',
    );
  }
  if (paper_mm !== 58 && paper_mm !== 80)
    throw new BackendError('invalid_input', 'The paper width must be 58 or 80 mm.');
  return { address: trimmed, paper_mm };
}

export class FakeBackend implements Backend {
  readonly kind = 'fake';
  #state: FakeState;
  readonly #options: FakeOptions;
  readonly #jobs = new FakeJobs();

  constructor(options: FakeOptions) {
    this.#options = options;
    this.#state = (!options.fresh && this.#restore()) || emptyState();
    if (options.seedDemo && this.#state.products.length === 0) this.#seedDemo();
  }

  async appStatus(): Promise<AppStatus> {
    await this.#delay();
    return {
      store_name: STORE.name,
      register_code: STORE.register,
      currency_code: STORE.currency,
      product_count: this.#state.products.length,
      order_count: this.#state.orders.length,
      database_path: '(in-browser demo data)',
    };
  }

  async loadDemo(): Promise<DemoSummary> {
    await this.#delay(400);
    if (this.#state.products.length > 0) {
      throw new BackendError(
        'store_not_empty',
        'The store already has products; demo data can only go into an empty store.',
      );
    }
    this.#seedDemo();
    return {
      products: this.#state.products.length,
      categories: DEMO_CATEGORY_COUNT,
      customers: CUSTOMERS.length,
      tax_rates: Object.keys(TAX_RATES).length,
    };
  }

  async searchProducts({ query, limit }: SearchProductsRequest): Promise<ProductSummary[]> {
    await this.#delay();
    const needle = query.trim().toLowerCase();
    if (needle === '') return [];
    const rank = (p: FakeProduct): number => {
      if (p.barcode === needle || p.sku.toLowerCase() === needle) return 0;
      if (p.name.toLowerCase().startsWith(needle)) return 1;
      if (p.name.toLowerCase().includes(needle)) return 2;
      if (p.sku.toLowerCase().startsWith(needle) || (p.barcode ?? '').startsWith(needle)) return 3;
      return 9;
    };
    return this.#state.products
      .map((product) => ({ product, score: rank(product) }))
      .filter(({ score }) => score < 9)
      .sort((a, b) => a.score - b.score || a.product.name.localeCompare(b.product.name))
      .slice(0, Math.min(limit ?? 20, 100))
      .map(({ product }) => productSummary(product));
  }

  async scanBarcode({ barcode }: ScanRequest): Promise<ScanResult> {
    await this.#delay();
    const code = barcode.trim();
    const product = this.#state.products.find((p) => p.barcode === code);
    if (!product)
      throw new BackendError(
        'unknown_barcode',
        `No product has the barcode ${code}. Check the code or search by name.`,
      );
    this.#add(product, 1);
    return { cart: this.#cartView(), product: productSummary(product) };
  }

  async currentCart(): Promise<CartView> {
    await this.#delay();
    return this.#cartView();
  }

  async addToCart({ product_id, quantity }: AddToCartRequest): Promise<CartView> {
    await this.#delay();
    checkQuantity(quantity, 1);
    const product = this.#state.products.find((p) => p.id === product_id);
    if (!product) throw new BackendError('not_found', 'That product no longer exists.');
    this.#add(product, quantity);
    return this.#cartView();
  }

  async setCartQuantity({ line_id, quantity }: SetQuantityRequest): Promise<CartView> {
    await this.#delay();
    checkQuantity(quantity, 0);
    const line = this.#state.lines.find((l) => l.lineId === line_id);
    if (!line) throw new BackendError('not_found', 'That line is no longer in the cart.');
    line.quantity = quantity;
    this.#save();
    return this.#cartView();
  }

  async removeCartLine({ line_id }: RemoveLineRequest): Promise<CartView> {
    await this.#delay();
    const before = this.#state.lines.length;
    this.#state.lines = this.#state.lines.filter((l) => l.lineId !== line_id);
    if (this.#state.lines.length === before)
      throw new BackendError('not_found', 'That line is no longer in the cart.');
    this.#save();
    return this.#cartView();
  }

  async checkout({ order_uuid, cart_id, tenders }: CheckoutRequest): Promise<CheckoutReceipt> {
    await this.#delay(250);
    const existing = this.#state.orders.find((o) => o.detail.uuid === order_uuid);
    if (existing) return this.#receipt(existing);
    if (cart_id !== this.#state.cartId) {
      throw new BackendError(
        'cart_not_open',
        'This sale is no longer open: it was completed or replaced. The counter has been refreshed.',
      );
    }
    const lines = this.#pricedLines().filter((line) => line.quantity > 0);
    if (lines.length === 0)
      throw new BackendError('empty_cart', 'The cart is empty: add items before taking payment.');
    const payments = applyTenders(tenders, totalsOf(lines).total);
    const order = buildOrder({
      uuid: order_uuid,
      counters: this.#state.counters,
      statuses: this.#state.statuses,
      lines,
      payments,
      at: new Date(),
      customer: null,
      registerCode: STORE.register,
      isTest: false,
      origin: 'Sale rung up at the counter',
    });
    this.#state.warnings[order_uuid] = this.#takeStock(lines);
    this.#state.orders.push(order);
    this.#state.cartId = null;
    this.#state.lines = [];
    this.#save();
    return structuredClone({ order: order.detail, stock_warnings: this.#state.warnings[order_uuid] ?? [] });
  }

  async listOrders(request: ListOrdersRequest): Promise<OrderPage> {
    await this.#delay();
    const { cursor, limit } = request;
    const size = Math.min(limit ?? 50, 200);
    const start = cursor === undefined ? 0 : Number(cursor);
    if (!Number.isInteger(start) || start < 0)
      throw new BackendError('invalid_input', 'The page cursor is not valid.');
    const matching = this.#matching(request);
    const page = matching.slice(start, start + size);
    return {
      orders: page.map(({ detail, itemCount }) => ({
        uuid: detail.uuid,
        reference: detail.reference,
        status: detail.status,
        status_label: detail.status_label,
        status_colour: detail.status_colour,
        total: detail.total,
        currency_code: detail.currency_code,
        invoice_number: detail.invoice?.number ?? null,
        customer_name: detail.customer?.name ?? null,
        item_count: itemCount,
        created_at: detail.created_at,
      })),
      next_cursor: start + size < matching.length ? String(start + size) : null,
    };
  }

  async getOrder({ uuid }: GetOrderRequest): Promise<OrderDetail> {
    await this.#delay();
    return structuredClone(this.#order(uuid).detail);
  }

  async listStatuses(): Promise<OrderStatusView[]> {
    await this.#delay();
    return structuredClone(this.#state.statuses);
  }

  async saveOrderStatus(request: OrderStatusView): Promise<OrderStatusView[]> {
    await this.#delay(150);
    const statuses = saveStatus(this.#state.statuses, request);
    this.#state.statuses = statuses;
    // The core joins an order's label and colour from the table; the fake keeps copies.
    for (const { detail } of this.#state.orders) {
      const status = findStatus(statuses, detail.status);
      if (status) {
        detail.status_label = status.label;
        detail.status_colour = status.colour;
      }
    }
    this.#save();
    return structuredClone(statuses);
  }

  async changeOrderStatus({ uuid, status, note }: ChangeStatusRequest): Promise<OrderDetail> {
    await this.#delay(150);
    const order = this.#order(uuid);
    if (!findStatus(this.#state.statuses, status))
      throw new BackendError('not_found', `There is no order status "${status}".`);
    changeStatus(this.#ledger(), order, status, checkText(note ?? '', 'note'), new Date());
    this.#save();
    return structuredClone(order.detail);
  }

  async recordPayment({ uuid, tender }: RecordPaymentRequest): Promise<OrderDetail> {
    await this.#delay(200);
    const order = this.#order(uuid);
    recordPayment(this.#ledger(), order, tender, new Date());
    this.#save();
    return structuredClone(order.detail);
  }

  async updateOrder(request: UpdateOrderRequest): Promise<OrderDetail> {
    await this.#delay();
    const order = this.#order(request.uuid);
    order.detail.internal_reference = checkText(request.internal_reference, 'internal reference', 100);
    order.detail.tracking_code = checkText(request.tracking_code, 'tracking code', 100);
    order.detail.notes = checkText(request.notes, 'notes');
    this.#save();
    return structuredClone(order.detail);
  }

  async saveOrderDocument({ uuid, kind }: SaveDocumentRequest): Promise<SavedDocument> {
    await this.#delay(300);
    const { detail } = this.#order(uuid);
    if (kind === 'invoice' && !detail.invoice)
      throw new BackendError('not_found', `Order ${detail.reference} has no invoice yet.`);
    // No PDF is made in the browser: a plausible name and a size that grows with the lines.
    const bytes = (kind === 'receipt' ? 9_000 : 24_000) + detail.lines.length * 1_400;
    return { path: `documents/${detail.reference}-${kind.replace('_', '-')}.pdf`, bytes };
  }

  async deleteTestOrder({ uuid }: GetOrderRequest): Promise<null> {
    await this.#delay();
    const order = this.#order(uuid);
    if (!order.detail.is_test) {
      throw new BackendError(
        'not_a_test_order',
        `Order ${order.detail.reference} is a real order: only test orders can be deleted. Cancel it instead.`,
      );
    }
    restock(this.#ledger(), order);
    this.#state.orders = this.#state.orders.filter((o) => o !== order);
    this.#save();
    return null;
  }

  async searchCustomers({ query }: SearchCustomersRequest): Promise<CustomerSummary[]> {
    await this.#delay();
    const needle = query.trim().toLowerCase();
    if (needle === '') return [];
    const digits = needle.replace(/\D/g, '');
    return CUSTOMERS.filter(
      (c) =>
        c.name.toLowerCase().includes(needle) ||
        (c.email ?? '').toLowerCase().includes(needle) ||
        (digits.length >= 3 && (c.phone ?? '').replace(/\D/g, '').includes(digits)),
    ).map((c) => ({ ...c }));
  }

  async createStaffOrder(request: StaffOrderRequest): Promise<CheckoutReceipt> {
    await this.#delay(250);
    const existing = this.#state.orders.find((o) => o.detail.uuid === request.order_uuid);
    if (existing) return this.#receipt(existing);
    const customer = CUSTOMERS.find((c) => c.id === request.customer_id);
    if (!customer) throw new BackendError('not_found', 'That customer no longer exists.');
    if (request.lines.length === 0)
      throw new BackendError('empty_cart', 'Add at least one product to the order.');
    const lines = request.lines.map(({ product_id, quantity }, index) => {
      checkQuantity(quantity, 1);
      const product = this.#state.products.find((p) => p.id === product_id);
      if (!product) throw new BackendError('not_found', 'One of the products no longer exists.');
      return priceLine(index + 1, product, quantity);
    });
    const total = totalsOf(lines).total;
    const payments = request.tenders.length === 0 ? [] : applyTenders(request.tenders, total);
    const order = buildOrder({
      uuid: request.order_uuid,
      counters: this.#state.counters,
      statuses: this.#state.statuses,
      lines,
      payments,
      at: new Date(),
      customer,
      registerCode: STORE.register,
      isTest: request.is_test ?? false,
      origin: request.is_test ? 'Test order taken by staff' : 'Order taken by staff',
    });
    this.#state.warnings[request.order_uuid] = this.#takeStock(lines);
    this.#state.orders.push(order);
    this.#save();
    return this.#receipt(order);
  }

  async startMassAction({ kind, orders, filter }: MassActionRequest): Promise<JobView> {
    await this.#delay();
    if (orders.length === 0 && filter === undefined)
      throw new BackendError('invalid_input', 'Select the orders to work on, or a filter.');
    const targets: (FakeOrder | string)[] =
      orders.length > 0
        ? orders.map((uuid) => this.#state.orders.find((o) => o.detail.uuid === uuid) ?? uuid)
        : this.#matching(filter ?? {});
    const target =
      kind === 'fulfil'
        ? firstStatus(this.#state.statuses, (s) => s.shipped && !s.refunded && !s.canceled).code
        : kind === 'cancel'
          ? firstStatus(this.#state.statuses, (s) => s.canceled).code
          : kind === 'return'
            ? firstStatus(this.#state.statuses, (s) => s.refunded && s.shipped).code
            : null;
    const note =
      kind === 'fulfil' ? 'Fulfilled in bulk' : kind === 'cancel' ? 'Canceled in bulk' : 'Returned in bulk';
    const steps: JobStep[] = targets.map((order) =>
      typeof order === 'string'
        ? {
            reference: order,
            run: () => {
              throw new BackendError('not_found', 'No order has that id.');
            },
          }
        : {
            reference: order.detail.reference,
            run: () => {
              if (target !== null) changeStatus(this.#ledger(), order, target, note, new Date());
            },
          },
    );
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const finish = (): string | null =>
      kind === 'export_csv'
        ? `exports/orders-${stamp}.csv`
        : kind === 'packing_slips' || kind === 'pick_list'
          ? `exports/${kind.replace('_', '-')}-${stamp}.pdf`
          : null;
    return this.#jobs.start(kind, steps, () => this.#save(), finish);
  }

  async jobStatus({ job_id }: JobRequest): Promise<JobView> {
    await this.#delay();
    return this.#jobs.view(job_id);
  }

  async printerSettings(): Promise<PrinterSettings> {
    await this.#delay();
    return { ...this.#state.printer };
  }

  async savePrinterSettings(request: PrinterSettings): Promise<PrinterSettings> {
    await this.#delay(150);
    this.#state.printer = checkPrinter(request);
    this.#save();
    return { ...this.#state.printer };
  }

  async printReceipt({ uuid }: PrintReceiptRequest): Promise<PrintOutcome> {
    await this.#delay(300);
    return this.#print(this.#order(uuid));
  }

  async reprintLastReceipt(): Promise<PrintOutcome> {
    await this.#delay(300);
    const last = this.#state.orders.at(-1);
    if (!last) throw new BackendError('not_found', 'There is no sale yet to reprint.');
    return this.#print(last);
  }

  /** No printer in the browser: succeeds when an address is set, with a made-up size. */
  #print(order: FakeOrder): PrintOutcome {
    if (this.#state.printer.address === '') {
      throw new BackendError(
        'printer_not_configured',
        'No receipt printer is set up. Add one in Settings → Receipt printer.',
      );
    }
    return { reference: order.detail.reference, bytes: 600 + order.detail.lines.length * 96 };
  }

  /** Orders matching a filter, newest first. */
  #matching(request: ListOrdersRequest): FakeOrder[] {
    checkFilter(request);
    return [...this.#state.orders].reverse().filter((order) => matchesFilter(order, request));
  }

  #order(uuid: string): FakeOrder {
    const order = this.#state.orders.find((o) => o.detail.uuid === uuid);
    if (!order) throw new BackendError('not_found', 'No order has that id.');
    return order;
  }

  #receipt(order: FakeOrder): CheckoutReceipt {
    return structuredClone({
      order: order.detail,
      stock_warnings: this.#state.warnings[order.detail.uuid] ?? [],
    });
  }

  #ledger(): Ledger {
    return { products: this.#state.products, counters: this.#state.counters, statuses: this.#state.statuses };
  }

  /** Takes sold units off the shelf; returns the warnings for units beyond recorded stock. */
  #takeStock(lines: PricedLine[]): string[] {
    const warnings: string[] = [];
    for (const { product, quantity } of lines) {
      if (product.stockTracked && quantity > product.stock) {
        warnings.push(
          `${product.name}: sold ${quantity} with ${Math.max(product.stock, 0)} recorded in stock.`,
        );
      }
      if (product.stockTracked) product.stock -= quantity;
    }
    return warnings;
  }

  #seedDemo(): void {
    this.#state.products = demoProducts();
    this.#state.orders = seedOrders(this.#ledger(), 42, new Date());
    this.#save();
  }

  #add(product: FakeProduct, quantity: number): void {
    const state = this.#state;
    if (state.cartId === null) state.cartId = state.nextCartId++;
    const line = state.lines.find((l) => l.productId === product.id);
    if (line) {
      checkQuantity(line.quantity + quantity, 1);
      line.quantity += quantity;
    } else {
      state.lines.push({ lineId: state.nextLineId++, productId: product.id, quantity });
    }
    this.#save();
  }

  #pricedLines(): PricedLine[] {
    return this.#state.lines.flatMap((line) => {
      const product = this.#state.products.find((p) => p.id === line.productId);
      return product ? [priceLine(line.lineId, product, line.quantity)] : [];
    });
  }

  #cartView(): CartView {
    return structuredClone(cartView(this.#state.cartId, this.#pricedLines()));
  }

  #delay(base = this.#options.latencyMs): Promise<void> {
    if (base <= 0 || this.#options.latencyMs <= 0) return Promise.resolve();
    const ms = base * (0.6 + Math.random() * 0.8);
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  #restore(): FakeState | null {
    try {
      const saved = this.#options.storage?.getItem(STORAGE_KEY);
      if (!saved) return null;
      const state = JSON.parse(saved) as Partial<FakeState>;
      // Saved before statuses were editable: start from the default table.
      return { ...emptyState(), ...state };
    } catch {
      return null;
    }
  }

  #save(): void {
    try {
      this.#options.storage?.setItem(STORAGE_KEY, JSON.stringify(this.#state));
    } catch {
      // Storage full or unavailable: the fake keeps working in memory.
    }
  }
}
