// An in-memory backend for developing and previewing the UI in a plain browser. It keeps
// the Rust core's rules that the UI depends on (error codes, idempotent checkout and staff
// orders, cart merging, stock warnings, status transitions with credit notes, editable
// order statuses, background jobs, document file names, coupons, gift cards and store
// credit, carriers priced by weight, payment methods, cash rounding, the full back-office
// checkout, the mail outbox with its settings and sent log, see mail.ts, register sessions
// with X and Z reports and a made-up journal, see registers.ts, staff with sign-in, PIN
// switching, approvals and the permission checks of checkout, refunds, settings and the
// rest, see staff.ts, and the dashboard, see reports.ts) and saves its state in
// localStorage so the cart survives a reload (the SMTP password excepted: it lives in this
// object only; who is signed in is not saved either: a reload signs out, like a restart). The tax settings and rates are kept and listed, but prices stay
// tax-inclusive at the demo rates.
// URL switches: `?demo` starts with the demo store, `?fresh` ignores saved state,
// `?staff` adds the demo staff (see staff.ts), `?latency=300` slows every call down. No
// files are written: saved documents get the paths the core would give them, and
// "opening" one only checks it is such a path.
import type { BackupInfo } from '../bindings/BackupInfo';
import type { BackupRequest } from '../bindings/BackupRequest';
import type { RestorePlan } from '../bindings/RestorePlan';
import type { RestoreRequest } from '../bindings/RestoreRequest';
import type { Backend } from '../backend';
import type { AddToCartRequest } from '../bindings/AddToCartRequest';
import type { AddressInput } from '../bindings/AddressInput';
import type { AddressView } from '../bindings/AddressView';
import type { AppStatus } from '../bindings/AppStatus';
import type { CarrierInput } from '../bindings/CarrierInput';
import type { CartView } from '../bindings/CartView';
import type { ChangeStatusRequest } from '../bindings/ChangeStatusRequest';
import type { CheckoutDraft } from '../bindings/CheckoutDraft';
import type { CheckoutQuote } from '../bindings/CheckoutQuote';
import type { CheckoutReceipt } from '../bindings/CheckoutReceipt';
import type { CheckoutRequest } from '../bindings/CheckoutRequest';
import type { CouponCodeRequest } from '../bindings/CouponCodeRequest';
import type { CouponInput } from '../bindings/CouponInput';
import type { CouponView } from '../bindings/CouponView';
import type { CreateCustomerRequest } from '../bindings/CreateCustomerRequest';
import type { CustomerRequest } from '../bindings/CustomerRequest';
import type { CustomerSummary } from '../bindings/CustomerSummary';
import type { DemoSummary } from '../bindings/DemoSummary';
import type { GetOrderRequest } from '../bindings/GetOrderRequest';
import type { GiftCardDetail } from '../bindings/GiftCardDetail';
import type { GiftCardRequest } from '../bindings/GiftCardRequest';
import type { GiftCardView } from '../bindings/GiftCardView';
import type { GrantStoreCreditRequest } from '../bindings/GrantStoreCreditRequest';
import type { JobRequest } from '../bindings/JobRequest';
import type { JobView } from '../bindings/JobView';
import type { ListGiftCardsRequest } from '../bindings/ListGiftCardsRequest';
import type { ListOrdersRequest } from '../bindings/ListOrdersRequest';
import type { MassActionRequest } from '../bindings/MassActionRequest';
import type { NewCustomerInput } from '../bindings/NewCustomerInput';
import type { OpenDocumentRequest } from '../bindings/OpenDocumentRequest';
import type { OrderDetail } from '../bindings/OrderDetail';
import type { OrderPage } from '../bindings/OrderPage';
import type { OrderSummary } from '../bindings/OrderSummary';
import type { OrderStatusView } from '../bindings/OrderStatusView';
import type { PaymentMethodInput } from '../bindings/PaymentMethodInput';
import type { PaymentView } from '../bindings/PaymentView';
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
import type { StoreCreditView } from '../bindings/StoreCreditView';
import type { TaxRateInput } from '../bindings/TaxRateInput';
import type { TaxSettingsInput } from '../bindings/TaxSettingsInput';
import type { TaxSettingsView } from '../bindings/TaxSettingsView';
import type { TenderInput } from '../bindings/TenderInput';
import type { UpdateOrderRequest } from '../bindings/UpdateOrderRequest';
import type { CartSummary } from '../bindings/CartSummary';
import type { CustomerPage } from '../bindings/CustomerPage';
import type { ParkCartRequest } from '../bindings/ParkCartRequest';
import type { CartRequest } from '../bindings/CartRequest';
import type { SetCartCustomerRequest } from '../bindings/SetCartCustomerRequest';
import type { UpdateCustomerRequest } from '../bindings/UpdateCustomerRequest';
import type { SaveAddressRequest } from '../bindings/SaveAddressRequest';
import type { DeleteAddressRequest } from '../bindings/DeleteAddressRequest';
import type { SearchCatalogRequest } from '../bindings/SearchCatalogRequest';
import type { BarcodeLookupRequest } from '../bindings/BarcodeLookupRequest';
import type { ProductRequest } from '../bindings/ProductRequest';
import type { ProductVariants } from '../bindings/ProductVariants';
import type { ListProductsRequest } from '../bindings/ListProductsRequest';
import type { ProductPage } from '../bindings/ProductPage';
import type { ProductDetail } from '../bindings/ProductDetail';
import type { ProductInput } from '../bindings/ProductInput';
import type { SetProductActiveRequest } from '../bindings/SetProductActiveRequest';
import type { CategoryView } from '../bindings/CategoryView';
import type { CategoryInput } from '../bindings/CategoryInput';
import type { CartSettings } from '../bindings/CartSettings';
import type { ProductImportRequest } from '../bindings/ProductImportRequest';
import type { ImportPreview } from '../bindings/ImportPreview';
import type { ProductImportStatus } from '../bindings/ProductImportStatus';
import type { ImportJobRequest } from '../bindings/ImportJobRequest';
import type { ExportProductsRequest } from '../bindings/ExportProductsRequest';
import type { ProductExport } from '../bindings/ProductExport';
import type { VariationView } from '../bindings/VariationView';
import type { MailLogEntry } from '../bindings/MailLogEntry';
import type { MailLogRequest } from '../bindings/MailLogRequest';
import type { MailSettingsInput } from '../bindings/MailSettingsInput';
import type { MailSettingsView } from '../bindings/MailSettingsView';
import type { MailStatus } from '../bindings/MailStatus';
import type { RetryMailRequest } from '../bindings/RetryMailRequest';
import type { TestMailOutcome } from '../bindings/TestMailOutcome';
import type { TestMailRequest } from '../bindings/TestMailRequest';
import type { CashMovementRequest } from '../bindings/CashMovementRequest';
import type { CloseRegisterRequest } from '../bindings/CloseRegisterRequest';
import type { JournalVerification } from '../bindings/JournalVerification';
import type { OpenRegisterRequest } from '../bindings/OpenRegisterRequest';
import type { RegisterReport } from '../bindings/RegisterReport';
import type { RegisterSessionRequest } from '../bindings/RegisterSessionRequest';
import type { RegisterSessionView } from '../bindings/RegisterSessionView';
import type { SavedReport } from '../bindings/SavedReport';
import type { ApproveRequest } from '../bindings/ApproveRequest';
import type { Dashboard } from '../bindings/Dashboard';
import type { DashboardRequest } from '../bindings/DashboardRequest';
import type { ReportExport } from '../bindings/ReportExport';
import type { ReportExportRequest } from '../bindings/ReportExportRequest';
import type { SignInRequest } from '../bindings/SignInRequest';
import type { StaffInput } from '../bindings/StaffInput';
import type { StaffOverview } from '../bindings/StaffOverview';
import type { StaffView } from '../bindings/StaffView';
import type { SwitchStaffRequest } from '../bindings/SwitchStaffRequest';
import { permissionChoices, statusPermission, type Permission } from '../../staff/permissions';
import { BackendError } from '../errors';
import { parseMinor, toDecimal } from '../../money/money';
import { buildTree, subtreeIds, type CategoryNode } from '../../catalog/categories';
import { ensurePath, pathOf, saveCategory as saveCategoryNode } from './categories';
import {
  CUSTOMERS,
  DEMO_CATEGORY_COUNT,
  STORE,
  TAX_RATES,
  demoProducts,
  demoVariations,
  type FakeCustomer,
  type FakeProduct,
} from './catalog';
import {
  appliedView,
  checkCouponInput,
  couponView,
  demoCoupons,
  findCoupon,
  unknownCoupon,
  type FakeCoupon,
} from './coupons';
import { appliedViews, priceDraft, type DraftLineInput, type PricedDraft } from './draft';
import {
  DEMO_GIFT_CARD,
  changeBalance,
  checkRedemption,
  findGiftCard,
  giftCardDetail,
  giftCardView,
  issueCard,
  newCode,
  normalizeCode,
  searchGiftCards,
  unknownGiftCard,
  type FakeGiftCard,
} from './giftCards';
import { FakeJobs, type JobStep } from './jobs';
import { changeStatus, recordPayment, restock, type Ledger } from './orderChanges';
import { checkFilter, matchesFilter } from './orderFilter';
import {
  NO_EXTRAS,
  applyPayment,
  buildOrder,
  euros,
  minorOf,
  newCounters,
  settle,
  type Counters,
  type FakeOrder,
} from './orders';
import {
  cartView,
  productSummary,
  sellableQuantity,
  stockWarning,
  taxLines,
  type PricedLine,
} from './pricing';
import { seedOrders } from './seed';
import {
  baseCarriers,
  checkAddress,
  checkCarrier,
  checkMethod,
  checkPaymentMethod,
  checkTaxRate,
  checkTaxSettings,
  defaultPaymentMethods,
  defaultTaxSettings,
  demoCarriers,
  methodRefusal,
  saveRate,
  type MethodContext,
} from './shipping';
import { saveStatus } from './statusSettings';
import {
  DEFAULT_MAIL_SETTINGS,
  addressProblem,
  checkCanSend,
  checkCustomerEmail,
  checkMailSettings,
  logPage,
  mailCounts,
  queueMail,
  requeueMail,
  runOutbox,
  serverAnswer,
  subjectOf,
  type Composed,
  type FakeMail,
  type FakeMailKind,
  type FakeMailSettings,
} from './mail';
import { previewCsv, type CsvPreview } from './productCsv';
import {
  addMovement,
  checkCounted,
  closeSession,
  frozenReport,
  journalEntries,
  listSessions,
  makeReport,
  newRegisters,
  notOpen,
  openRegister,
  openSession,
  reportPath,
  sessionView,
  verifyJournal,
  type FakeRegisters,
  type FakeSession,
  type ReportContext,
} from './registers';
import { PLACED_PAID, PLACED_UNPAID, defaultStatuses, findStatus, firstStatus } from './statuses';
import { exportReport, makeDashboard } from './reports';
import {
  DEMO_STAFF,
  approve,
  authorize,
  createMember,
  newSession,
  newStaff,
  overview,
  signIn,
  signOut,
  switchTo,
  type FakeStaff,
  type StaffSession,
} from './staff';

const STORAGE_KEY = 'kassa.fake-backend.v3';
/** The store's own country: where counter sales and pickups happen. */
const STORE_COUNTRY = 'BE';
const MAX_TEXT = 2000;
/** As the core: a cart counts as abandoned after 1 to 720 hours (24 by default). */
const MAX_ABANDONED_HOURS = 720;
/** The core's defaults (its migrations switch the reload on). */
const DEFAULT_CART_SETTINGS: CartSettings = { reload_customer_cart: true, abandoned_cart_hours: 24 };

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
  customers: FakeCustomer[];
  nextCustomerId: number;
  nextAddressId: number;
  /** Codes of the coupons entered on the open cart, in the order entered. */
  cartCoupons: string[];
  coupons: FakeCoupon[];
  /** Oldest first. */
  giftCards: FakeGiftCard[];
  carriers: CarrierInput[];
  paymentMethods: PaymentMethodInput[];
  taxes: TaxSettingsView;
  /** The open cart's name and customer. */
  cartName: string;
  cartCustomerId: number | null;
  /** This register's parked carts, most recent first. */
  parked: FakeParkedCart[];
  /** The category tree (products point into it by `categoryId`). */
  categories: CategoryNode[];
  /** Reloading a customer's cart at the counter, and when a cart counts as abandoned. */
  cartSettings: CartSettings;
  /** Staff notes per customer id. */
  customerNotes: Record<string, string>;
  /** The mail settings (never the password, which only lives in the backend object). */
  mail: FakeMailSettings;
  /** The mail outbox and its log, oldest first. */
  mails: FakeMail[];
  nextMailId: number;
  /** Register sessions with their cash movements, orders and frozen Z reports. */
  registers: FakeRegisters;
  /** Staff accounts (none: open mode). */
  staff: FakeStaff;
}

interface FakeParkedCart {
  cartId: number;
  name: string;
  customerId: number | null;
  lines: FakeLine[];
  updatedAt: string;
  recoverySentAt: string | null;
  /** A cart of another register or the web shop (open, not parked here); none: this register's. */
  registerCode?: string;
}

export interface FakeOptions {
  storage: Storage | null;
  seedDemo: boolean;
  fresh: boolean;
  latencyMs: number;
  /** Adds the demo staff (see `DEMO_STAFF`) when there is none, nobody signed in. */
  seedStaff?: boolean;
}

export function fakeOptionsFromUrl(search: string, storage: Storage | null): FakeOptions {
  const params = new URLSearchParams(search);
  const latency = Number(params.get('latency') ?? '40');
  return {
    storage,
    seedDemo: params.has('demo'),
    fresh: params.has('fresh'),
    seedStaff: params.has('staff'),
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
    customers: structuredClone([...CUSTOMERS]),
    nextCustomerId: CUSTOMERS.length + 1,
    nextAddressId: 100,
    cartCoupons: [],
    coupons: [],
    giftCards: [],
    carriers: baseCarriers(),
    paymentMethods: defaultPaymentMethods(),
    taxes: defaultTaxSettings(),
    cartName: '',
    cartCustomerId: null,
    parked: [],
    categories: [],
    cartSettings: { ...DEFAULT_CART_SETTINGS },
    customerNotes: {},
    mail: structuredClone(DEFAULT_MAIL_SETTINGS),
    mails: [],
    nextMailId: 1,
    registers: newRegisters(),
    staff: newStaff(),
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

function orderSummary({ detail, itemCount }: FakeOrder): OrderSummary {
  return {
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
  };
}

function customerSummary(customer: FakeCustomer): CustomerSummary {
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    kind: customer.kind,
    customer_group: customer.group,
    newsletter: customer.newsletter,
    store_credit: toDecimal(customer.storeCreditMinor),
  };
}

/** A new customer as the core checks one: a name, an e-mail address that looks like one. */
function checkNewCustomer(input: NewCustomerInput): Omit<FakeCustomer, 'id' | 'addresses'> {
  const field = (name: string, value: string | undefined, required: boolean): string | null => {
    const text = (value ?? '').trim();
    if (required && text === '') throw new BackendError('invalid_input', `The ${name} is required.`);
    if ([...text].length > 200)
      throw new BackendError('invalid_input', `The ${name} is longer than 200 characters.`);
    return text === '' ? null : text;
  };
  const name = field("customer's name", input.name, true) ?? '';
  const email = field('e-mail', input.email, false);
  // As the core: the mail crate's check, so that every address kept can be mailed to.
  if (email !== null) checkCustomerEmail(email);
  return {
    name,
    email,
    phone: field('phone', input.phone, false),
    kind: input.kind,
    group: field('customer group', input.customer_group, false) ?? 'retail',
    newsletter: input.newsletter ?? false,
    storeCreditMinor: 0,
    creditLedger: [],
  };
}

/** The tenders with each gift card code in its printed form (`gift_card_unknown` when it cannot be one). */
function readCodes(tenders: TenderInput[]): TenderInput[] {
  return tenders.map((tender) => {
    if (tender.method !== 'gift_card') return tender;
    const code = normalizeCode(tender.code);
    if (code === null) throw unknownGiftCard(tender.code);
    return { ...tender, code };
  });
}

/** Nothing to sell: an empty cart, or one whose lines are all held back (at quantity 0). */
function emptyCart(heldBack: boolean): BackendError {
  return new BackendError(
    'empty_cart',
    heldBack
      ? 'Nothing in the cart can be sold now: its lines are out of stock, no longer for sale or at quantity 0.'
      : 'The cart is empty: scan or add an item first.',
  );
}

/** A draft checked and priced, before anything is saved. */
interface StagedDraft {
  /** The existing customer, or the new one (id 0) not yet saved. */
  customer: FakeCustomer | null;
  newCustomer: NewCustomerInput | null;
  priced: PricedDraft;
  shippingAddress: AddressInput | null;
  invoiceAddress: AddressInput | null;
  context: MethodContext;
}

export class FakeBackend implements Backend {
  readonly kind = 'fake';
  #state: FakeState;
  readonly #options: FakeOptions;
  readonly #jobs = new FakeJobs();
  readonly #opened: string[] = [];
  /** The SMTP password: kept here only (as the core keeps it in the OS keyring), never returned or saved. */
  #mailPassword: string | null = null;
  /** A journal entry played as edited (`tamperJournal`), for previews and tests. */
  #journalTamperedAt: number | null = null;
  /** Who is signed in at this register: in memory only, as in the core (a restart signs out). */
  readonly #session: StaffSession = newSession();

  constructor(options: FakeOptions) {
    this.#options = options;
    this.#state = (!options.fresh && this.#restore()) || emptyState();
    if (options.seedDemo && this.#state.products.length === 0) this.#seedDemo();
    if (options.seedStaff && this.#state.staff.members.length === 0) {
      for (const input of DEMO_STAFF) createMember(this.#state.staff, this.#session, input);
      this.#session.actorId = null;
      this.#save();
    }
    this.#adoptCategories();
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
    this.#authorize('settings');
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
    return query.trim() === '' ? [] : this.#search(query, null, limit);
  }

  async scanBarcode({ barcode }: ScanRequest): Promise<ScanResult> {
    await this.#delay();
    this.#authorize('sell');
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
    this.#authorize('sell');
    checkQuantity(quantity, 1);
    const product = this.#state.products.find((p) => p.id === product_id);
    if (!product) throw new BackendError('not_found', 'That product no longer exists.');
    if (this.#hasVariations(product.id))
      throw new BackendError('choose_variation', `${product.name} comes in variations: choose one.`);
    if (product.active === false)
      throw new BackendError('product_inactive', `${product.name} is no longer for sale.`);
    this.#add(product, quantity);
    return this.#cartView();
  }

  async setCartQuantity({ line_id, quantity }: SetQuantityRequest): Promise<CartView> {
    await this.#delay();
    this.#authorize('sell');
    checkQuantity(quantity, 0);
    const line = this.#state.lines.find((l) => l.lineId === line_id);
    if (!line) throw new BackendError('not_found', 'That line is no longer in the cart.');
    line.quantity = quantity;
    this.#save();
    return this.#cartView();
  }

  async removeCartLine({ line_id }: RemoveLineRequest): Promise<CartView> {
    await this.#delay();
    this.#authorize('sell');
    const before = this.#state.lines.length;
    this.#state.lines = this.#state.lines.filter((l) => l.lineId !== line_id);
    if (this.#state.lines.length === before)
      throw new BackendError('not_found', 'That line is no longer in the cart.');
    this.#save();
    return this.#cartView();
  }

  async checkout({ order_uuid, cart_id, tenders }: CheckoutRequest): Promise<CheckoutReceipt> {
    await this.#delay(250);
    this.#authorize('sell');
    const existing = this.#state.orders.find((o) => o.detail.uuid === order_uuid);
    if (existing) return this.#receipt(existing);
    if (cart_id !== this.#state.cartId) {
      throw new BackendError(
        'cart_not_open',
        'This sale is no longer open: it was completed or replaced. The counter has been refreshed.',
      );
    }
    const lines = this.#cartLines();
    const sold = lines.filter((line) => line.quantity > 0);
    if (sold.length === 0) throw emptyCart(lines.length > 0);
    // A coupon that no longer applies stops the sale until it is removed.
    const draft = this.#counterDraft(this.#cartCoupons(), sold);
    const context: MethodContext = {
      country: STORE_COUNTRY,
      group: null,
      carrier: draft.carrier?.code ?? null,
    };
    for (const tender of tenders) this.#payNowMethod(tender.method, context);
    const { payments, roundingMinor } = settle(readCodes(tenders), draft.totals.total, this.#cashIncrement());
    const now = new Date();
    const customer = this.#cartCustomer();
    this.#checkBalances(payments, customer, now);
    const order = buildOrder({
      uuid: order_uuid,
      counters: this.#state.counters,
      statuses: this.#state.statuses,
      lines: draft.lines,
      payments,
      at: now,
      customer,
      registerCode: STORE.register,
      isTest: false,
      origin: 'Sale rung up at the counter',
      extras: {
        ...NO_EXTRAS,
        coupons: appliedViews(draft),
        carrierName: draft.carrier?.name ?? null,
        roundingMinor,
        paidStatus: this.#paidStatus(payments),
      },
    });
    this.#placed(order, draft, customer, now);
    // As the core: filed under the register's open session, if one is open.
    openSession(this.#state.registers, STORE.register)?.orders.push(order.detail.uuid);
    this.#state.cartId = null;
    this.#state.lines = [];
    this.#state.cartCoupons = [];
    this.#state.cartName = '';
    this.#state.cartCustomerId = null;
    this.#save();
    return this.#receipt(order);
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
      orders: page.map(orderSummary),
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
    this.#authorize('settings');
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

  async changeOrderStatus({
    uuid,
    status,
    note,
    notify_customer,
  }: ChangeStatusRequest): Promise<OrderDetail> {
    await this.#delay(150);
    const order = this.#order(uuid);
    const target = findStatus(this.#state.statuses, status);
    if (!target) throw new BackendError('not_found', `There is no order status "${status}".`);
    // As the core: refunding needs `refund`, cancelling an unpaid order `cancel`, the rest `fulfil`.
    this.#authorize(statusPermission(target, order.detail));
    const now = new Date();
    changeStatus(this.#ledger(), order, status, checkText(note ?? '', 'note'), now);
    if (notify_customer === true) this.#queueOrderMail('status_changed', order, now, status);
    this.#save();
    return structuredClone(order.detail);
  }

  async recordPayment({ uuid, tender }: RecordPaymentRequest): Promise<OrderDetail> {
    await this.#delay(200);
    this.#authorize('sell');
    const order = this.#order(uuid);
    if (tender.method === 'gift_card' || tender.method === 'store_credit') {
      throw new BackendError(
        'payment_invalid',
        'The browser demo records gift card and store credit payments at checkout only.',
      );
    }
    const now = new Date();
    recordPayment(this.#ledger(), order, tender, now);
    if (order.detail.invoice?.status === 'paid') this.#issueGiftCards(order, now);
    this.#save();
    return structuredClone(order.detail);
  }

  async updateOrder(request: UpdateOrderRequest): Promise<OrderDetail> {
    await this.#delay();
    this.#authorize('fulfil');
    const order = this.#order(request.uuid);
    order.detail.internal_reference = checkText(request.internal_reference, 'internal reference', 100);
    order.detail.tracking_code = checkText(request.tracking_code, 'tracking code', 100);
    order.detail.notes = checkText(request.notes, 'notes');
    this.#save();
    return structuredClone(order.detail);
  }

  async saveOrderDocument({ uuid, kind, credit_note }: SaveDocumentRequest): Promise<SavedDocument> {
    await this.#delay(300);
    this.#authorize('documents');
    const { detail } = this.#order(uuid);
    if (kind === 'invoice' && !detail.invoice)
      throw new BackendError('not_found', `Order ${detail.reference} has no invoice yet.`);
    // No PDF is made in the browser: a plausible name and a size that grows with the lines.
    const bytes = (kind === 'receipt' ? 9_000 : 24_000) + detail.lines.length * 1_400;
    if (kind === 'credit_note') {
      const number = credit_note ?? detail.credit_notes.at(-1)?.number;
      if (number === undefined)
        throw new BackendError('not_found', `Order ${detail.reference} has no credit note.`);
      if (!detail.credit_notes.some((note) => note.number === number))
        throw new BackendError('not_found', `Order ${detail.reference} has no credit note ${number}.`);
      return { path: `documents/${detail.reference}-credit-note-${number}.pdf`, bytes };
    }
    return { path: `documents/${detail.reference}-${kind.replace('_', '-')}.pdf`, bytes };
  }

  async openDocument({ path }: OpenDocumentRequest): Promise<null> {
    await this.#delay();
    if (!/^(documents\/[^/]+\.pdf|exports\/[^/]+\.(pdf|csv))$/.test(path)) {
      throw new BackendError('not_found', `${path} is not a document Kassa made; save the document first.`);
    }
    this.#opened.push(path);
    return null;
  }

  /** The documents "opened in the system viewer" so far (for tests). */
  get opened(): readonly string[] {
    return this.#opened;
  }

  async deleteTestOrder({ uuid }: GetOrderRequest): Promise<null> {
    await this.#delay();
    this.#authorize('delete_test_order');
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
    // As the core: an empty query matches everyone (the list is capped all the same).
    const needle = query.trim().toLowerCase();
    const digits = needle.replace(/\D/g, '');
    return this.#state.customers
      .filter(
        (c) =>
          c.name.toLowerCase().includes(needle) ||
          (c.email ?? '').toLowerCase().includes(needle) ||
          (digits.length >= 3 && (c.phone ?? '').replace(/\D/g, '').includes(digits)),
      )
      .slice(0, 20)
      .map(customerSummary);
  }

  async createStaffOrder(request: StaffOrderRequest): Promise<CheckoutReceipt> {
    await this.#delay(250);
    this.#authorize('sell');
    const existing = this.#state.orders.find((o) => o.detail.uuid === request.order_uuid);
    if (existing) return this.#receipt(existing);
    const staged = this.#stage(request);
    const { priced, context } = staged;
    const sold = priced.lines.filter((line) => line.quantity > 0);
    if (sold.length === 0) throw emptyCart(true);
    const methods = request.tenders.map((tender) => this.#payNowMethod(tender.method, context));
    const tenders = readCodes(request.tenders);
    let unpaidStatus = PLACED_UNPAID;
    const payLater = request.pay_later ?? null;
    if (payLater !== null) {
      const method = checkMethod(this.#state.paymentMethods, payLater, context);
      if (this.#paysNow(method)) {
        throw new BackendError('payment_invalid', `${method.label} is taken now: enter it as a payment.`);
      }
      unpaidStatus = method.initial_status;
    }
    const total = priced.totals.total;
    let payments: PaymentView[] = [];
    let roundingMinor = 0;
    if (payLater === null && methods.length > 0) {
      ({ payments, roundingMinor } = settle(tenders, total, this.#cashIncrement()));
    } else {
      // A part now, the rest later: each tender goes against what is still due.
      let balance = total;
      for (const tender of tenders) {
        if (balance <= 0) {
          throw new BackendError(
            'payment_invalid',
            'The payments already cover the total; remove the last one.',
          );
        }
        const payment = applyPayment(tender, balance);
        balance -= minorOf(payment.amount);
        payments.push(payment);
      }
    }
    const now = new Date();
    this.#checkBalances(payments, staged.customer, now);
    const customer = staged.newCustomer
      ? this.#addCustomer(staged.newCustomer, staged.shippingAddress)
      : staged.customer;
    if (customer && request.newsletter !== undefined) customer.newsletter = request.newsletter;
    const order = buildOrder({
      uuid: request.order_uuid,
      counters: this.#state.counters,
      statuses: this.#state.statuses,
      lines: sold,
      payments,
      at: now,
      customer,
      registerCode: STORE.register,
      isTest: request.is_test ?? false,
      origin: request.is_test ? 'Test order taken by staff' : 'Order taken by staff',
      extras: {
        coupons: appliedViews(priced),
        shipping: priced.shipping,
        carrierName: priced.carrier?.name ?? null,
        roundingMinor,
        paidStatus: this.#paidStatus(payments),
        unpaidStatus,
        payLater,
        shippingAddress: staged.shippingAddress,
        invoiceAddress: staged.invoiceAddress,
      },
    });
    this.#placed(order, priced, customer, now);
    // The customer's cart the order was made from is ordered with it.
    if (request.source_cart_id !== undefined) {
      this.#state.parked = this.#state.parked.filter((cart) => cart.cartId !== request.source_cart_id);
    }
    this.#save();
    return this.#receipt(order);
  }

  async startMassAction({ kind, orders, filter }: MassActionRequest): Promise<JobView> {
    await this.#delay();
    const [permission] = permissionChoices('startMassAction', [{ kind }]);
    if (permission) this.#authorize(permission);
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
    this.#authorize('settings');
    this.#state.printer = checkPrinter(request);
    this.#save();
    return { ...this.#state.printer };
  }

  async printReceipt({ uuid }: PrintReceiptRequest): Promise<PrintOutcome> {
    await this.#delay(300);
    this.#authorize('documents');
    return this.#print(this.#order(uuid));
  }

  async reprintLastReceipt(): Promise<PrintOutcome> {
    await this.#delay(300);
    this.#authorize('documents');
    const last = this.#state.orders.at(-1);
    if (!last) throw new BackendError('not_found', 'There is no sale yet to reprint.');
    return this.#print(last);
  }

  async printTestPage(): Promise<PrintOutcome> {
    await this.#delay(300);
    this.#authorize('settings');
    this.#printer();
    return { reference: null, bytes: 640 };
  }

  async applyCoupon({ code }: CouponCodeRequest): Promise<CartView> {
    await this.#delay();
    this.#authorize('sell');
    const typed = code.trim();
    if (typed === '') throw new BackendError('invalid_input', 'Type a coupon code.');
    const coupon = findCoupon(this.#state.coupons, typed);
    if (!coupon) throw unknownCoupon(typed);
    if (this.#state.cartId === null) {
      throw new BackendError('empty_cart', 'Scan an item before entering a coupon.');
    }
    const entered = this.#cartCoupons();
    if (!entered.includes(coupon)) {
      // Priced with the new coupon first: a refusal leaves the cart as it was.
      this.#counterDraft([...entered, coupon], this.#cartLines());
      this.#state.cartCoupons.push(coupon.input.code);
      this.#save();
    }
    return this.#cartView();
  }

  async removeCoupon({ code }: CouponCodeRequest): Promise<CartView> {
    await this.#delay();
    this.#authorize('sell');
    const wanted = code.trim().toUpperCase();
    const before = this.#state.cartCoupons.length;
    this.#state.cartCoupons = this.#state.cartCoupons.filter((c) => c.toUpperCase() !== wanted);
    if (this.#state.cartCoupons.length === before) {
      throw new BackendError('not_found', `Coupon ${code.trim()} is not on the cart.`);
    }
    this.#save();
    return this.#cartView();
  }

  async giftCard({ code }: GiftCardRequest): Promise<GiftCardDetail> {
    await this.#delay();
    return giftCardDetail(findGiftCard(this.#state.giftCards, code));
  }

  async listGiftCards({ search }: ListGiftCardsRequest): Promise<GiftCardView[]> {
    await this.#delay();
    return searchGiftCards(this.#state.giftCards, search ?? '');
  }

  async createCustomer({ customer, address }: CreateCustomerRequest): Promise<CustomerSummary> {
    await this.#delay(150);
    this.#authorize('customers');
    const checked = address ? checkAddress(address) : null;
    const created = this.#addCustomer(customer, checked);
    this.#save();
    return customerSummary(created);
  }

  async customerAddresses({ customer_id }: CustomerRequest): Promise<AddressView[]> {
    await this.#delay();
    return structuredClone(this.#customer(customer_id).addresses);
  }

  async storeCredit({ customer_id }: CustomerRequest): Promise<StoreCreditView> {
    await this.#delay();
    const customer = this.#customer(customer_id);
    return structuredClone({ balance: toDecimal(customer.storeCreditMinor), ledger: customer.creditLedger });
  }

  async grantStoreCredit({ customer_id, amount, note }: GrantStoreCreditRequest): Promise<StoreCreditView> {
    await this.#delay(150);
    this.#authorize('refund');
    const customer = this.#customer(customer_id);
    const minor = parseMinor(amount);
    if (minor === null || minor <= 0) {
      throw new BackendError(
        'invalid_input',
        `Store credit must be a positive amount in whole cents, not ${amount}.`,
      );
    }
    customer.storeCreditMinor += minor;
    customer.creditLedger.push({
      kind: 'granted',
      amount: toDecimal(minor),
      balance_after: toDecimal(customer.storeCreditMinor),
      order_reference: null,
      note: checkText(note, 'note'),
      at: new Date().toISOString(),
    });
    this.#save();
    return this.storeCredit({ customer_id });
  }

  async quoteCheckout(draft: CheckoutDraft): Promise<CheckoutQuote> {
    await this.#delay(120);
    const { priced, customer, context } = this.#stage(draft);
    const totals = priced.totals;
    return structuredClone({
      needs_shipping: priced.needsShipping,
      weight_grams: priced.weightGrams,
      lines: priced.lines.map((line) => ({
        product_id: line.product.id,
        sku: line.product.sku,
        name: line.product.name,
        quantity: line.quantity,
        unit_price: toDecimal(line.product.priceMinor),
        discount: toDecimal(line.discountMinor),
        tax: toDecimal(line.taxMinor),
        total: toDecimal(line.totalMinor),
        tax_label: TAX_RATES[line.product.tax].label,
        shippable: line.product.kind === 'goods',
        // Only a product no longer for sale is held back here: the quantity is what was asked.
        stock_warning: stockWarning(line.product, line.quantity),
      })),
      coupons: appliedViews(priced),
      carriers: priced.options,
      carrier_code: priced.carrier?.code ?? null,
      payment_methods: this.#state.paymentMethods
        .filter((method) => methodRefusal(method, context) === null)
        .map((method) => ({
          code: method.code,
          label: method.label,
          pays_now: this.#paysNow(method),
          initial_status: method.initial_status,
        })),
      taxes: taxLines(priced.lines, priced.shipping),
      items_total: toDecimal(totals.itemsTotal),
      discount_total: toDecimal(totals.discountTotal),
      shipping_total: toDecimal(totals.shippingTotal),
      subtotal_net: toDecimal(totals.subtotalNet),
      tax_total: toDecimal(totals.taxTotal),
      total: toDecimal(totals.total),
      store_credit: customer && customer.id !== 0 ? toDecimal(customer.storeCreditMinor) : null,
      currency_code: STORE.currency,
    });
  }

  async listCoupons(): Promise<CouponView[]> {
    await this.#delay();
    return this.#state.coupons.map(couponView);
  }

  async saveCoupon(request: CouponInput): Promise<CouponView> {
    await this.#delay(150);
    this.#authorize('settings');
    const input = checkCouponInput(request);
    if (input.customer_id !== null) this.#customer(input.customer_id);
    const known = findCoupon(this.#state.coupons, input.code);
    if (known) known.input = input;
    else this.#state.coupons.push({ input, timesUsed: 0, usedBy: {} });
    this.#save();
    return couponView(findCoupon(this.#state.coupons, input.code) ?? { input, timesUsed: 0, usedBy: {} });
  }

  async listCarriers(): Promise<CarrierInput[]> {
    await this.#delay();
    return structuredClone(this.#state.carriers);
  }

  async saveCarrier(request: CarrierInput): Promise<CarrierInput> {
    await this.#delay(150);
    this.#authorize('settings');
    const carrier = checkCarrier(request);
    const index = this.#state.carriers.findIndex((c) => c.code === carrier.code);
    if (index >= 0) this.#state.carriers[index] = carrier;
    else this.#state.carriers.push(carrier);
    this.#save();
    return structuredClone(carrier);
  }

  async listPaymentMethods(): Promise<PaymentMethodInput[]> {
    await this.#delay();
    return structuredClone(this.#state.paymentMethods);
  }

  async savePaymentMethod(request: PaymentMethodInput): Promise<PaymentMethodInput> {
    await this.#delay(150);
    this.#authorize('settings');
    const method = checkPaymentMethod(request, this.#state.paymentMethods, this.#state.statuses);
    this.#state.paymentMethods = this.#state.paymentMethods.map((m) => (m.code === method.code ? method : m));
    this.#save();
    return structuredClone(method);
  }

  async taxSettings(): Promise<TaxSettingsView> {
    await this.#delay();
    return structuredClone(this.#state.taxes);
  }

  async saveTaxSettings(request: TaxSettingsInput): Promise<TaxSettingsView> {
    await this.#delay(150);
    this.#authorize('settings');
    this.#state.taxes.settings = checkTaxSettings(request);
    this.#save();
    return structuredClone(this.#state.taxes);
  }

  async saveTaxRate(request: TaxRateInput): Promise<TaxSettingsView> {
    await this.#delay(150);
    this.#authorize('settings');
    this.#state.taxes.rates = saveRate(this.#state.taxes.rates, checkTaxRate(request));
    this.#save();
    return structuredClone(this.#state.taxes);
  }

  /** No printer in the browser: succeeds when an address is set, with a made-up size. */
  /** Throws unless a receipt printer is set. */
  #printer(): void {
    if (this.#state.printer.address === '') {
      throw new BackendError(
        'printer_not_configured',
        'No receipt printer is set up. Add one in Settings → Receipt printer.',
      );
    }
  }

  #print(order: FakeOrder): PrintOutcome {
    this.#printer();
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

  // ── Parked carts, the cart's customer, abandoned carts ──────────────────────────────

  async parkCart({ name }: ParkCartRequest): Promise<CartView> {
    await this.#delay();
    this.#authorize('sell');
    const state = this.#state;
    if (state.cartId !== null && state.lines.length > 0) {
      const customer = this.#cartCustomer();
      state.parked.unshift({
        cartId: state.cartId,
        name: (name ?? '').trim() || state.cartName || customer?.name || '',
        customerId: state.cartCustomerId,
        lines: state.lines,
        updatedAt: new Date().toISOString(),
        recoverySentAt: null,
      });
    }
    this.#freshCart();
    return this.#cartView();
  }

  async parkedCarts(): Promise<CartSummary[]> {
    await this.#delay();
    return this.#state.parked
      .filter((cart) => cart.registerCode === undefined)
      .map((cart) => this.#cartSummary(cart, 'parked'));
  }

  async resumeCart({ cart_id }: CartRequest): Promise<CartView> {
    await this.#delay();
    this.#authorize('sell');
    const state = this.#state;
    const parked = state.parked.find((cart) => cart.cartId === cart_id && cart.registerCode === undefined);
    if (!parked) throw new BackendError('not_found', 'That cart is no longer parked.');
    state.parked = state.parked.filter((cart) => cart.cartId !== cart_id);
    if (state.cartId !== null && state.lines.length > 0) await this.parkCart({});
    state.cartId = parked.cartId;
    state.lines = parked.lines;
    state.cartName = parked.name;
    state.cartCustomerId = parked.customerId;
    state.cartCoupons = [];
    this.#save();
    return this.#cartView();
  }

  async discardCart({ cart_id }: CartRequest): Promise<null> {
    await this.#delay();
    this.#authorize('sell');
    const state = this.#state;
    if (state.cartId === cart_id) this.#freshCart();
    else if (state.parked.some((cart) => cart.cartId === cart_id))
      state.parked = state.parked.filter((cart) => cart.cartId !== cart_id);
    else throw new BackendError('not_found', 'That cart does not exist.');
    this.#save();
    return null;
  }

  async cartById({ cart_id }: CartRequest): Promise<CartView> {
    await this.#delay();
    if (this.#state.cartId === cart_id) return this.#cartView();
    const parked = this.#state.parked.find((cart) => cart.cartId === cart_id);
    if (!parked) throw new BackendError('not_found', 'That cart does not exist.');
    const lines = this.#linesOf(parked.lines);
    const customer = this.#customerOrNull(parked.customerId);
    return structuredClone({
      ...cartView(parked.cartId, this.#counterDraft([], lines).lines, {
        coupons: [],
        couponNotice: null,
        cashIncrement: this.#cashIncrement(),
      }),
      name: parked.name,
      customer: customer ? customerSummary(customer) : null,
    });
  }

  async setCartCustomer({ customer_id }: SetCartCustomerRequest): Promise<CartView> {
    await this.#delay();
    this.#authorize('sell');
    if (customer_id !== null) this.#customer(customer_id);
    const state = this.#state;
    // As the core: with the setting on, a customer picked for an empty sale gets their
    // most recent cart back (here: the latest one set aside with items).
    const previous =
      customer_id !== null && state.cartSettings.reload_customer_cart && state.lines.length === 0
        ? state.parked.find((cart) => cart.customerId === customer_id && cart.lines.length > 0)
        : undefined;
    if (previous) {
      state.parked = state.parked.filter((cart) => cart !== previous);
      state.cartId = previous.cartId;
      state.lines = previous.lines;
      state.cartName = previous.name;
      state.cartCoupons = [];
    }
    if (state.cartId === null) state.cartId = state.nextCartId++;
    state.cartCustomerId = customer_id;
    this.#save();
    return this.#cartView();
  }

  async abandonedCarts(): Promise<CartSummary[]> {
    await this.#delay();
    const before = Date.now() - this.#state.cartSettings.abandoned_cart_hours * 3_600_000;
    return this.#state.parked
      .filter(
        (cart) => cart.customerId !== null && cart.lines.length > 0 && Date.parse(cart.updatedAt) <= before,
      )
      .map((cart) => this.#cartSummary(cart, 'parked'))
      .reverse();
  }

  async cartSettings(): Promise<CartSettings> {
    await this.#delay();
    return { ...this.#state.cartSettings };
  }

  async saveCartSettings(input: CartSettings): Promise<CartSettings> {
    await this.#delay(150);
    this.#authorize('settings');
    const hours = input.abandoned_cart_hours;
    if (!Number.isInteger(hours) || hours < 1 || hours > MAX_ABANDONED_HOURS) {
      throw new BackendError(
        'invalid_input',
        `abandoned_cart_hours: a cart counts as abandoned after 1 to ${MAX_ABANDONED_HOURS} hours, not ${hours}.`,
      );
    }
    this.#state.cartSettings = {
      reload_customer_cart: input.reload_customer_cart,
      abandoned_cart_hours: hours,
    };
    this.#save();
    return { ...this.#state.cartSettings };
  }

  async markRecoverySent({ cart_id }: CartRequest): Promise<null> {
    await this.#delay();
    this.#authorize('customers');
    const cart = this.#state.parked.find((c) => c.cartId === cart_id);
    if (!cart) throw new BackendError('not_found', 'That cart does not exist.');
    if (!this.#customerOrNull(cart.customerId)?.email) {
      throw new BackendError(
        'invalid_email',
        `Cart ${cart_id} has no customer with an e-mail address to send the recovery mail to.`,
      );
    }
    const now = new Date();
    cart.recoverySentAt = now.toISOString();
    // As the core: the outbox keeps one recovery mail per cart.
    const state = this.#state;
    if (!state.mails.some((mail) => mail.kind === 'cart_recovery' && mail.cartId === cart_id))
      queueMail(state.mails, state.nextMailId++, { kind: 'cart_recovery', cartId: cart_id }, now);
    this.#save();
    return null;
  }

  // ── E-mail ───────────────────────────────────────────────────────────────────────

  async mailSettings(): Promise<MailSettingsView> {
    await this.#delay();
    return this.#mailView();
  }

  async saveMailSettings(input: MailSettingsInput): Promise<MailSettingsView> {
    await this.#delay(150);
    this.#authorize('settings');
    const settings = checkMailSettings(input);
    // `null` keeps the password, "" removes it, anything else replaces it.
    if (input.password !== null) this.#mailPassword = input.password === '' ? null : input.password;
    this.#state.mail = settings;
    this.#save();
    return this.#mailView();
  }

  async sendTestMail({ to }: TestMailRequest): Promise<TestMailOutcome> {
    await this.#delay(400);
    this.#authorize('settings');
    const settings = this.#state.mail;
    checkCanSend(settings, this.#mailPassword !== null);
    const recipient = (to ?? '').trim();
    if (recipient !== '') {
      const problem = addressProblem(recipient);
      if (problem !== null) throw new BackendError('invalid_email', problem);
    }
    const { ok, answer } = serverAnswer(settings);
    if (!ok) throw new BackendError('mail_failed', answer);
    return { to: recipient === '' ? settings.from_address : recipient, answer };
  }

  async mailLog(request: MailLogRequest): Promise<MailLogEntry[]> {
    await this.#delay();
    this.#runMailOutbox();
    return logPage(this.#state.mails, request);
  }

  async retryMail({ id }: RetryMailRequest): Promise<MailLogEntry> {
    await this.#delay();
    this.#authorize('settings');
    const entry = requeueMail(this.#state.mails, id, new Date());
    this.#save();
    return entry;
  }

  async mailStatus(): Promise<MailStatus> {
    await this.#delay();
    this.#runMailOutbox();
    return mailCounts(this.#state.mails, this.#state.mail);
  }

  /** The fake worker's pass: the waiting mails go to the fake server (none without a host). */
  runMailOutbox(): number {
    return this.#runMailOutbox();
  }

  #runMailOutbox(): number {
    const done = runOutbox(
      this.#state.mails,
      this.#state.mail,
      this.#mailPassword !== null,
      (mail) => this.#composeMail(mail),
      new Date(),
    );
    if (done > 0) this.#save();
    return done;
  }

  #mailView(): MailSettingsView {
    return { ...structuredClone(this.#state.mail), password_set: this.#mailPassword !== null };
  }

  /** An order's mail into the outbox (the confirmation once per order, as the core). */
  #queueOrderMail(kind: FakeMailKind, order: FakeOrder, now: Date, status: string | null = null): void {
    const state = this.#state;
    const { uuid, reference } = order.detail;
    if (
      kind === 'order_confirmation' &&
      state.mails.some((mail) => mail.kind === kind && mail.orderUuid === uuid)
    )
      return;
    queueMail(
      state.mails,
      state.nextMailId++,
      { kind, status, orderUuid: uuid, orderReference: reference },
      now,
    );
  }

  /** Who a mail goes to and its subject, from the stored order or cart as it is now. */
  #composeMail(mail: FakeMail): Composed {
    const settings = this.#state.mail;
    const order = this.#state.orders.find((o) => o.detail.uuid === mail.orderUuid);
    const details = {
      storeName: STORE.name,
      total: order?.detail.total === undefined ? undefined : euros(minorOf(order.detail.total)),
      statusLabel: findStatus(this.#state.statuses, mail.status ?? '')?.label,
    };
    const subject = subjectOf(mail, settings.language, details);
    if (mail.kind === 'new_order_notification')
      return { to: [settings.from_address, ...settings.admin_addresses], subject };
    if (mail.kind === 'cart_recovery') {
      const cart = this.#state.parked.find((c) => c.cartId === mail.cartId);
      const email = this.#customerOrNull(cart?.customerId ?? null)?.email;
      return email ? { to: [email], subject } : { skip: 'The cart has no customer with an e-mail address.' };
    }
    if (!order) return { skip: 'The order no longer exists.' };
    const email = order.detail.customer?.email;
    return email ? { to: [email], subject } : { skip: 'The customer has no e-mail address.' };
  }

  // ── Customers ────────────────────────────────────────────────────────────────────

  async currentRegisterSession(): Promise<RegisterSessionView | null> {
    await this.#delay();
    const session = openSession(this.#state.registers, STORE.register);
    return session ? sessionView(session) : null;
  }

  async openRegister({ opening_float }: OpenRegisterRequest): Promise<RegisterSessionView> {
    await this.#delay(150);
    this.#authorize('cash_drawer');
    const session = openRegister(
      this.#state.registers,
      STORE.register,
      opening_float,
      STORE.currency,
      new Date(),
    );
    this.#save();
    return sessionView(session);
  }

  async cashMovement(request: CashMovementRequest): Promise<RegisterReport> {
    await this.#delay(150);
    this.#authorize('cash_drawer');
    const session = addMovement(this.#state.registers, STORE.register, request, STORE.currency, new Date());
    this.#save();
    return makeReport(session, this.#reportContext(session), null, new Date());
  }

  async xReport(): Promise<RegisterReport> {
    await this.#delay();
    this.#authorize('cash_drawer');
    const session = openSession(this.#state.registers, STORE.register);
    if (!session) throw notOpen(STORE.register);
    return makeReport(session, this.#reportContext(session), null, new Date());
  }

  async closeRegister({ counted }: CloseRegisterRequest): Promise<SavedReport> {
    await this.#delay(300);
    this.#authorize('cash_drawer');
    checkCounted(counted, STORE.currency);
    const session = openSession(this.#state.registers, STORE.register);
    if (!session) throw notOpen(STORE.register);
    const report = closeSession(session, this.#reportContext(session), counted, new Date());
    this.#save();
    return { path: reportPath(report), report };
  }

  async registerSessions(): Promise<RegisterSessionView[]> {
    await this.#delay();
    return listSessions(this.#state.registers, STORE.register);
  }

  async zReport({ session_id }: RegisterSessionRequest): Promise<RegisterReport> {
    await this.#delay();
    this.#authorize('cash_drawer');
    return frozenReport(this.#state.registers, session_id);
  }

  async saveZReport({ session_id }: RegisterSessionRequest): Promise<SavedReport> {
    await this.#delay(300);
    this.#authorize('cash_drawer');
    const report = frozenReport(this.#state.registers, session_id);
    return { path: reportPath(report), report };
  }

  async printZReport({ session_id }: RegisterSessionRequest): Promise<PrintOutcome> {
    await this.#delay(300);
    this.#authorize('cash_drawer');
    const report = frozenReport(this.#state.registers, session_id);
    this.#printer();
    return { reference: `Z ${report.session.number}`, bytes: 900 + report.methods.length * 160 };
  }

  async verifyJournal(): Promise<JournalVerification> {
    await this.#delay(200);
    this.#authorize('reports');
    const orders = this.#state.orders.map((order) => order.detail);
    return verifyJournal(journalEntries(orders, this.#state.registers), this.#journalTamperedAt);
  }

  #backups: BackupInfo[] = [];

  async backup(request: BackupRequest): Promise<BackupInfo> {
    await this.#delay(150);
    this.#authorize('settings');
    const path = request.path?.trim() || `backups/kassa-${this.#backups.length + 1}.sqlite3`;
    if (this.#backups.some((backup) => backup.path === path)) {
      throw new BackendError('invalid_input', `path: ${path} already exists; choose a new file.`);
    }
    const made = { path, bytes: 250_000 + this.#state.orders.length * 2_000 };
    this.#backups.unshift(made);
    return made;
  }

  async listBackups(): Promise<BackupInfo[]> {
    await this.#delay(50);
    return structuredClone(this.#backups);
  }

  async scheduleRestore(request: RestoreRequest): Promise<RestorePlan> {
    await this.#delay(100);
    this.#authorize('settings');
    if (!request.confirm) {
      throw new BackendError(
        'invalid_input',
        'confirm: restoring replaces everything recorded since the backup; confirm it.',
      );
    }
    if (!this.#backups.some((backup) => backup.path === request.path)) {
      throw new BackendError(
        'invalid_input',
        `path: ${request.path} cannot be restored: it is not a Kassa database.`,
      );
    }
    return { path: request.path, store_name: 'Kassa Demo Store', orders: this.#state.orders.length };
  }

  /** Plays the journal entry `seq` as edited (null: intact again), for previews and tests. */
  tamperJournal(seq: number | null): void {
    this.#journalTamperedAt = seq;
  }

  #reportContext(session: FakeSession): ReportContext {
    const orders = session.orders
      .map((uuid) => this.#state.orders.find((order) => order.detail.uuid === uuid)?.detail)
      .filter((detail) => detail !== undefined);
    return { currency: STORE.currency, methods: this.#state.paymentMethods, orders };
  }

  async customerPage({ customer_id }: CustomerRequest): Promise<CustomerPage> {
    await this.#delay();
    return this.#customerPage(customer_id);
  }

  async updateCustomer(request: UpdateCustomerRequest): Promise<CustomerPage> {
    await this.#delay();
    this.#authorize('customers');
    const customer = this.#customer(request.customer_id);
    const checked = checkNewCustomer({
      kind: customer.kind,
      name: request.name,
      ...(request.email === undefined ? {} : { email: request.email }),
      ...(request.phone === undefined ? {} : { phone: request.phone }),
      customer_group: request.customer_group,
      newsletter: request.newsletter,
    });
    customer.name = checked.name;
    customer.email = checked.email;
    customer.phone = checked.phone;
    customer.group = checked.group;
    customer.newsletter = checked.newsletter;
    this.#state.customerNotes[String(customer.id)] = checkText(request.notes, 'notes');
    this.#save();
    return this.#customerPage(customer.id);
  }

  async saveCustomerAddress(request: SaveAddressRequest): Promise<AddressView[]> {
    await this.#delay();
    this.#authorize('customers');
    const customer = this.#customer(request.customer_id);
    const address = checkAddress(request.address);
    let view: AddressView | undefined;
    if (request.address_id !== undefined) {
      view = customer.addresses.find((a) => a.id === request.address_id);
      if (!view) throw new BackendError('not_found', 'That address does not exist.');
      view.address = address;
    } else {
      view = {
        id: this.#state.nextAddressId++,
        address,
        is_default_shipping: false,
        is_default_invoice: false,
      };
      customer.addresses.push(view);
    }
    for (const other of customer.addresses) {
      if (request.is_default_shipping) other.is_default_shipping = other === view;
      if (request.is_default_invoice) other.is_default_invoice = other === view;
    }
    if (!request.is_default_shipping) view.is_default_shipping = false;
    if (!request.is_default_invoice) view.is_default_invoice = false;
    this.#save();
    return structuredClone(customer.addresses);
  }

  async deleteCustomerAddress({ customer_id, address_id }: DeleteAddressRequest): Promise<AddressView[]> {
    await this.#delay();
    this.#authorize('customers');
    const customer = this.#customer(customer_id);
    if (!customer.addresses.some((a) => a.id === address_id))
      throw new BackendError('not_found', 'That address does not exist.');
    customer.addresses = customer.addresses.filter((a) => a.id !== address_id);
    this.#save();
    return structuredClone(customer.addresses);
  }

  // ── Catalogue ────────────────────────────────────────────────────────────────────

  async searchCatalog({ query, category_id, limit }: SearchCatalogRequest): Promise<ProductSummary[]> {
    await this.#delay();
    // As the core: within a category (subcategories included) an empty query lists its products.
    if (category_id === undefined) return query.trim() === '' ? [] : this.#search(query, null, limit);
    return this.#search(query, subtreeIds(this.#state.categories, category_id), limit);
  }

  /**
   * Switched-on products matching `query` (every one when it is empty), only those in
   * `categories` when given: an exact barcode or SKU first, then names that start with it,
   * names that contain it, SKUs and barcodes that start with it; by name within each.
   */
  #search(
    query: string,
    categories: ReadonlySet<number> | null,
    limit: number | undefined,
  ): ProductSummary[] {
    const needle = query.trim().toLowerCase();
    const rank = (p: FakeProduct): number => {
      if (needle === '') return 1;
      if (p.barcode === needle || p.sku.toLowerCase() === needle) return 0;
      if (p.name.toLowerCase().startsWith(needle)) return 1;
      if (p.name.toLowerCase().includes(needle)) return 2;
      if (p.sku.toLowerCase().startsWith(needle) || (p.barcode ?? '').startsWith(needle)) return 3;
      return 9;
    };
    return this.#state.products
      .filter((product) => categories === null || categories.has(product.categoryId))
      .map((product) => ({ product, score: rank(product) }))
      .filter(({ score }) => score < 9)
      .sort((a, b) => a.score - b.score || a.product.name.localeCompare(b.product.name))
      .filter(({ product }) => product.active !== false)
      .slice(0, Math.min(limit ?? 20, 100))
      .map(({ product }) => productSummary(product, this.#hasVariations(product.id)));
  }

  async lookupBarcode({ barcode }: BarcodeLookupRequest): Promise<ProductSummary> {
    await this.#delay();
    const product = this.#state.products.find((p) => p.barcode === barcode.trim());
    if (!product) throw new BackendError('unknown_barcode', `No product has the barcode ${barcode}.`);
    return productSummary(product, this.#hasVariations(product.id));
  }

  async productVariants({ product_id }: ProductRequest): Promise<ProductVariants> {
    await this.#delay();
    const parent = this.#product(product_id);
    const variations = this.#variationsOf(product_id).filter((v) => v.active);
    return {
      parent: productSummary(parent, variations.length > 0),
      attribute_names: [...new Set(variations.flatMap((v) => v.attributes.map((a) => a.name)))],
      variations,
    };
  }

  async listProducts(request: ListProductsRequest): Promise<ProductPage> {
    await this.#delay();
    const needle = (request.query ?? '').trim().toLowerCase();
    const category =
      request.category_id === undefined ? undefined : subtreeIds(this.#state.categories, request.category_id);
    const matching = [...this.#state.products]
      .reverse()
      .filter((p) => request.include_inactive !== false || p.active !== false)
      .filter((p) => request.include_variations !== false || p.parentId === undefined)
      .filter((p) => category === undefined || category.has(p.categoryId))
      .filter(
        (p) =>
          needle === '' ||
          p.name.toLowerCase().includes(needle) ||
          p.sku.toLowerCase().startsWith(needle) ||
          (p.barcode ?? '').startsWith(needle),
      );
    const start = request.cursor === undefined ? 0 : Number(request.cursor);
    const size = Math.min(request.limit ?? 50, 200);
    const page = matching.slice(start, start + size);
    return {
      products: page.map((p) => productSummary(p, this.#hasVariations(p.id))),
      next_cursor: start + size < matching.length ? String(start + size) : null,
    };
  }

  async getProduct({ product_id }: ProductRequest): Promise<ProductDetail> {
    await this.#delay();
    return this.#productDetail(this.#product(product_id));
  }

  async saveProduct(input: ProductInput): Promise<ProductDetail> {
    await this.#delay(150);
    this.#authorize('catalog');
    const sku = input.sku.trim();
    if (sku === '') throw new BackendError('invalid_input', 'sku: The SKU is required.');
    if (input.name.trim() === '') throw new BackendError('invalid_input', 'name: The name is required.');
    const price = parseMinor(input.price);
    if (price === null || price < 0)
      throw new BackendError('invalid_input', 'price: The price must be an amount of 0 or more.');
    const clash = this.#state.products.find(
      (p) => p.sku.toLowerCase() === sku.toLowerCase() && p.id !== input.id,
    );
    if (clash) throw new BackendError('duplicate_sku', `sku: ${clash.name} already has the SKU ${sku}.`);
    const category = this.#categories().find((c) => c.id === input.category_id);
    const existing = input.id === undefined ? undefined : this.#product(input.id);
    const product: FakeProduct = existing ?? {
      id: Math.max(0, ...this.#state.products.map((p) => p.id)) + 1,
      sku,
      name: '',
      category: '',
      categoryId: 0,
      barcode: null,
      priceMinor: 0,
      tax: 'standard',
      stockTracked: true,
      stock: 0,
      weightGrams: 0,
      kind: 'goods',
    };
    product.sku = sku;
    product.name = input.name.trim();
    product.priceMinor = price;
    product.barcode = input.barcodes[0] ?? null;
    product.category = category?.name ?? '';
    product.categoryId = category?.id ?? 0;
    product.tax =
      input.tax_class === 'reduced' || input.tax_class === 'exempt' ? input.tax_class : 'standard';
    product.stockTracked = input.stock_tracked ?? true;
    if (input.stock_on_hand !== undefined) product.stock = input.stock_on_hand;
    product.weightGrams = input.weight_grams ?? 0;
    product.kind = input.kind === 'gift_card' ? 'gift_card' : 'goods';
    product.active = input.active ?? true;
    if (input.parent_id !== undefined) {
      product.parentId = input.parent_id;
      product.attributes = input.attributes;
    }
    if (!existing) this.#state.products.push(product);
    this.#save();
    return this.#productDetail(product);
  }

  async setProductActive({ product_id, active }: SetProductActiveRequest): Promise<ProductSummary> {
    await this.#delay();
    this.#authorize('catalog');
    const product = this.#product(product_id);
    product.active = active;
    this.#save();
    return productSummary(product, this.#hasVariations(product.id));
  }

  async listCategories(): Promise<CategoryView[]> {
    await this.#delay();
    return this.#categories();
  }

  async saveCategory(input: CategoryInput): Promise<CategoryView> {
    await this.#delay();
    this.#authorize('catalog');
    const saved = saveCategoryNode(this.#state.categories, input);
    this.#syncCategoryNames();
    this.#save();
    const view = this.#categories().find((c) => c.id === saved.id);
    if (!view) throw new BackendError('internal', 'The category was not saved.');
    return view;
  }

  async previewProductImport(request: ProductImportRequest): Promise<ImportPreview> {
    await this.#delay(150);
    const csv = this.#readCsv(request);
    const creates = csv.rows.filter(
      (row) =>
        !this.#state.products.some((p) => p.sku.toLowerCase() === (row.cells['sku'] ?? '').toLowerCase()),
    ).length;
    const rejectedLines = new Set(csv.problems.map((p) => p.line)).size;
    return {
      total_rows: csv.rows.length,
      creates: creates - csv.problems.filter((p) => p.column === 'sku').length,
      updates: csv.rows.length - creates,
      rejected: csv.problems,
      rejected_rows: rejectedLines,
      columns: csv.columns,
      ignored_columns: csv.ignored,
    };
  }

  async startProductImport(request: ProductImportRequest): Promise<ProductImportStatus> {
    await this.#delay();
    this.#authorize('catalog');
    const csv = this.#readCsv(request);
    const job: ProductImportStatus = {
      job_id: this.#imports.length + 1,
      file_name: request.file_name ?? request.path?.split('/').pop() ?? 'products.csv',
      state: 'reading',
      total: csv.rows.length,
      processed: 0,
      created: 0,
      updated: 0,
      rejected: [],
      rejected_rows: 0,
      error: null,
    };
    this.#imports.push({ status: job, csv });
    return structuredClone(job);
  }

  async productImportStatus({ job_id }: ImportJobRequest): Promise<ProductImportStatus> {
    await this.#delay();
    const job = this.#imports[job_id - 1];
    if (!job) throw new BackendError('not_found', 'No such import.');
    const status = job.status;
    if (status.state === 'done' || status.state === 'failed') return structuredClone(status);
    status.processed = Math.min(status.total, status.processed + Math.max(1, Math.ceil(status.total / 3)));
    status.state = status.processed < status.total ? 'importing' : 'done';
    if (status.state === 'done') {
      if (job.csv.problems.length > 0) {
        status.state = 'failed';
        status.rejected = job.csv.problems;
        status.rejected_rows = new Set(job.csv.problems.map((p) => p.line)).size;
        status.error = { code: 'import_rejected', message: 'Rows were refused: nothing was imported.' };
      } else this.#applyCsv(job.csv, status);
    }
    return structuredClone(status);
  }

  async exportProducts({ include_inactive }: ExportProductsRequest): Promise<ProductExport> {
    await this.#delay(150);
    this.#authorize('catalog');
    const rows = this.#state.products.filter((p) => include_inactive !== false || p.active !== false).length;
    return { path: `/fake/exports/products-${new Date().toISOString().slice(0, 10)}.csv`, rows };
  }

  readonly #imports: { status: ProductImportStatus; csv: CsvPreview }[] = [];

  #readCsv({ content, path }: ProductImportRequest): CsvPreview {
    if (content === undefined)
      throw new BackendError(
        'import_file_invalid',
        `The browser demo cannot read ${path ?? 'files'}: choose a file.`,
      );
    const csv = previewCsv(content);
    if (!csv.columns.includes('sku'))
      throw new BackendError(
        'import_file_invalid',
        'The file has no sku column: the first line must name the columns.',
      );
    return csv;
  }

  #applyCsv(csv: CsvPreview, status: ProductImportStatus): void {
    const bySku = (sku: string): FakeProduct | undefined =>
      this.#state.products.find((p) => p.sku.toLowerCase() === sku.toLowerCase());
    for (const { cells } of csv.rows) {
      const sku = cells['sku'] ?? '';
      let product = bySku(sku);
      if (product) status.updated += 1;
      else {
        product = {
          id: Math.max(0, ...this.#state.products.map((p) => p.id)) + 1,
          sku,
          name: sku,
          category: '',
          categoryId: 0,
          barcode: null,
          priceMinor: 0,
          tax: 'standard',
          stockTracked: true,
          stock: 0,
          weightGrams: 0,
          kind: 'goods',
        };
        this.#state.products.push(product);
        status.created += 1;
      }
      if (cells['name']) product.name = cells['name'];
      if (cells['price'])
        product.priceMinor = parseMinor(cells['price'].replace(',', '.')) ?? product.priceMinor;
      if (cells['category']) {
        const category = ensurePath(this.#state.categories, cells['category']);
        product.categoryId = category?.id ?? 0;
        product.category = category?.name ?? '';
      }
      if (cells['barcodes']) product.barcode = cells['barcodes'].split(';')[0] ?? null;
      if (cells['stock']) product.stock = Number(cells['stock']) || 0;
      const parent = cells['parent_sku'] ? bySku(cells['parent_sku']) : undefined;
      if (parent) {
        product.parentId = parent.id;
        product.attributes = (cells['attributes'] ?? '')
          .split(';')
          .filter((pair) => pair.includes('='))
          .map((pair) => {
            const [name = '', value = ''] = pair.split('=');
            return { name: name.trim(), value: value.trim() };
          });
      }
    }
    this.#save();
  }

  #freshCart(): void {
    const state = this.#state;
    state.cartId = null;
    state.lines = [];
    state.cartCoupons = [];
    state.cartName = '';
    state.cartCustomerId = null;
    this.#save();
  }

  #cartCustomer(): FakeCustomer | null {
    return this.#customerOrNull(this.#state.cartCustomerId);
  }

  #customerOrNull(id: number | null): FakeCustomer | null {
    return id === null ? null : (this.#state.customers.find((c) => c.id === id) ?? null);
  }

  #cartSummary(cart: FakeParkedCart, status: string): CartSummary {
    const customer = this.#customerOrNull(cart.customerId);
    let value = 0;
    let items = 0;
    for (const line of cart.lines) {
      const product = this.#state.products.find((p) => p.id === line.productId);
      value += (product?.priceMinor ?? 0) * line.quantity;
      items += line.quantity;
    }
    return {
      cart_id: cart.cartId,
      register_code: cart.registerCode ?? STORE.register,
      status: cart.registerCode === undefined ? status : 'open',
      name: cart.name,
      customer: customer ? { id: customer.id, name: customer.name, email: customer.email } : null,
      item_count: items,
      value: toDecimal(value),
      updated_at: cart.updatedAt,
      recovery_sent_at: cart.recoverySentAt,
    };
  }

  #customerPage(customerId: number): CustomerPage {
    const customer = this.#customer(customerId);
    const orders = this.#state.orders.filter((order) => order.detail.customer?.id === customerId).reverse();
    const carts = this.#state.parked
      .filter((cart) => cart.customerId === customerId)
      .map((cart) => this.#cartSummary(cart, 'parked'));
    return structuredClone({
      customer: customerSummary(customer),
      notes: this.#state.customerNotes[String(customerId)] ?? '',
      addresses: customer.addresses,
      orders: orders.slice(0, 50).map(orderSummary),
      carts,
      order_count: orders.length,
      total_spent: toDecimal(orders.reduce((sum, order) => sum + (parseMinor(order.detail.total) ?? 0), 0)),
    });
  }

  #product(id: number): FakeProduct {
    const product = this.#state.products.find((p) => p.id === id);
    if (!product) throw new BackendError('not_found', 'That product does not exist.');
    return product;
  }

  #hasVariations(id: number): boolean {
    return this.#state.products.some((p) => p.parentId === id);
  }

  #variationsOf(id: number): VariationView[] {
    return this.#state.products
      .filter((p) => p.parentId === id)
      .map((p) => ({
        id: p.id,
        sku: p.sku,
        name: p.name,
        attributes: p.attributes ?? [],
        barcode: p.barcode,
        price: toDecimal(p.priceMinor),
        stock_tracked: p.stockTracked,
        stock_on_hand: p.stock,
        active: p.active ?? true,
      }));
  }

  #categories(): CategoryView[] {
    return buildTree(this.#state.categories);
  }

  /**
   * Puts every product in a category of the tree: a product whose id is not there (the demo
   * catalogue, state saved before the tree was kept) gets its category text read as a path,
   * keeping its id when that is free; categories kept as paths then join the tree too.
   */
  #adoptCategories(): void {
    const nodes = this.#state.categories;
    const leaf = (path: string): string => path.split('>').at(-1)?.trim() ?? '';
    for (const product of this.#state.products) {
      if (product.category === '') continue;
      const node = nodes.find((n) => n.id === product.categoryId);
      if (node && node.name === leaf(product.category)) continue;
      product.categoryId = ensurePath(nodes, product.category, product.categoryId || undefined)?.id ?? 0;
    }
    const legacy: unknown = Reflect.get(this.#state, 'extraCategories');
    if (Array.isArray(legacy)) {
      for (const path of legacy) if (typeof path === 'string') ensurePath(nodes, path);
      Reflect.deleteProperty(this.#state, 'extraCategories');
    }
    this.#syncCategoryNames();
  }

  /** Each product shows its category's name (as the core's summaries do), after a rename. */
  #syncCategoryNames(): void {
    for (const product of this.#state.products) {
      const node = this.#state.categories.find((n) => n.id === product.categoryId);
      product.category = node?.name ?? '';
      if (!node) product.categoryId = 0;
    }
  }

  #productDetail(product: FakeProduct): ProductDetail {
    const parent = product.parentId === undefined ? undefined : this.#product(product.parentId);
    const variations = this.#variationsOf(product.id);
    const categoryPath = pathOf(this.#state.categories, product.categoryId);
    return {
      id: product.id,
      sku: product.sku,
      name: product.name,
      description: '',
      category_id: categoryPath === null ? null : product.categoryId,
      category_path: categoryPath,
      price: toDecimal(product.priceMinor),
      tax_class: product.tax,
      tax_label: TAX_RATES[product.tax].label,
      barcodes: product.barcode ? [product.barcode] : [],
      stock_tracked: product.stockTracked,
      stock_on_hand: product.stock,
      weight_grams: product.weightGrams || null,
      shippable: product.kind !== 'gift_card',
      kind: product.kind === 'gift_card' ? 'gift_card' : 'normal',
      active: product.active ?? true,
      bin_location: null,
      parent_id: parent?.id ?? null,
      parent_sku: parent?.sku ?? null,
      parent_name: parent?.name ?? null,
      attributes: product.attributes ?? [],
      attribute_names: [...new Set(variations.flatMap((v) => v.attributes.map((a) => a.name)))],
      variations,
      created_at: new Date(0).toISOString(),
      updated_at: new Date(0).toISOString(),
    };
  }

  #seedDemo(): void {
    const now = new Date();
    this.#state.products = demoProducts();
    this.#state.products.push(...demoVariations(this.#state.products.length + 1));
    this.#state.categories = [];
    this.#adoptCategories();
    this.#state.orders = seedOrders(this.#ledger(), 42, now);
    const drinks = this.#state.products.find((p) => p.category === 'Drinks')?.categoryId ?? 0;
    this.#state.coupons = demoCoupons(now, drinks);
    this.#state.carriers = demoCarriers();
    this.#state.giftCards = [issueCard(DEMO_GIFT_CARD, 5000, now, null)];
    this.#seedCustomerCart(now);
    this.#save();
  }

  /** A demo customer's (Anna Peeters) open cart in the web shop, to order from the back office. */
  #seedCustomerCart(now: Date): void {
    const state = this.#state;
    const sellable = state.products.filter(
      (p) => (p.active ?? true) && !this.#hasVariations(p.id) && p.kind !== 'gift_card',
    );
    const lines = sellable.slice(0, 2).map((product, index) => ({
      lineId: state.nextLineId++,
      productId: product.id,
      quantity: index + 1,
    }));
    if (lines.length === 0) return;
    state.parked.unshift({
      cartId: state.nextCartId++,
      name: 'Phone order',
      customerId: 1,
      registerCode: 'WEB',
      lines,
      updatedAt: new Date(now.getTime() - 2 * 86_400_000).toISOString(),
      recoverySentAt: null,
    });
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

  /** The open cart's lines with their products, at what can be sold of them. */
  #cartLines(): DraftLineInput[] {
    return this.#linesOf(this.#state.lines);
  }

  /** Lines with their products; what cannot be sold stays at quantity 0 (the cart keeps what was asked). */
  #linesOf(lines: readonly FakeLine[]): DraftLineInput[] {
    return lines.flatMap((line) => {
      const product = this.#state.products.find((p) => p.id === line.productId);
      return product
        ? [{ lineId: line.lineId, product, quantity: sellableQuantity(product, line.quantity) }]
        : [];
    });
  }

  #cartCoupons(): FakeCoupon[] {
    return this.#state.cartCoupons.flatMap((code) => findCoupon(this.#state.coupons, code) ?? []);
  }

  /** The counter's cart priced (no customer, taken along: in-store pickup). */
  #counterDraft(coupons: FakeCoupon[], lines: DraftLineInput[]): PricedDraft {
    return priceDraft({
      lines,
      coupons,
      customer: null,
      carriers: this.#state.carriers,
      carrierCode: null,
      country: null,
      now: new Date(),
    });
  }

  #cartView(): CartView {
    const lines = this.#cartLines();
    const coupons = this.#cartCoupons();
    let draft: PricedDraft;
    let notice: string | null = null;
    try {
      draft = this.#counterDraft(coupons, lines);
    } catch (error) {
      // A coupon no longer applies: the cart is priced without coupons and says why.
      if (!(error instanceof BackendError)) throw error;
      draft = this.#counterDraft([], lines);
      notice = error.message;
    }
    const customer = this.#cartCustomer();
    return structuredClone({
      ...cartView(this.#state.cartId, draft.lines, {
        coupons: notice === null ? appliedViews(draft) : coupons.map((coupon) => appliedView(coupon, 0)),
        couponNotice: notice,
        cashIncrement: this.#cashIncrement(),
      }),
      name: this.#state.cartName,
      customer: customer ? customerSummary(customer) : null,
    });
  }

  #cashIncrement(): number {
    return parseMinor(this.#state.taxes.settings.cash_rounding_increment) ?? 0;
  }

  #customer(id: number): FakeCustomer {
    const customer = this.#state.customers.find((c) => c.id === id);
    if (!customer) throw new BackendError('not_found', `Customer ${id} does not exist.`);
    return customer;
  }

  #addCustomer(input: NewCustomerInput, address: AddressInput | null): FakeCustomer {
    const customer: FakeCustomer = {
      ...checkNewCustomer(input),
      id: this.#state.nextCustomerId++,
      addresses: address
        ? [{ id: this.#state.nextAddressId++, address, is_default_shipping: true, is_default_invoice: true }]
        : [],
    };
    this.#state.customers.push(customer);
    return customer;
  }

  /** Checks and prices a back-office draft without saving anything. */
  #stage(draft: CheckoutDraft): StagedDraft {
    if (draft.lines.length === 0)
      throw new BackendError('empty_cart', 'Add at least one product to the order.');
    const lines = draft.lines.map(({ product_id, quantity }, index) => {
      checkQuantity(quantity, 1);
      const product = this.#state.products.find((p) => p.id === product_id);
      if (!product) throw new BackendError('not_found', `Product ${product_id} does not exist.`);
      return { lineId: index + 1, product, quantity: sellableQuantity(product, quantity) };
    });
    if (draft.customer_id !== undefined && draft.new_customer !== undefined) {
      throw new BackendError('invalid_input', 'Choose an existing customer or enter a new one, not both.');
    }
    const newCustomer = draft.new_customer ?? null;
    const customer =
      draft.customer_id !== undefined
        ? this.#customer(draft.customer_id)
        : newCustomer
          ? { ...checkNewCustomer(newCustomer), id: 0, addresses: [] }
          : null;
    if (draft.source_cart_id !== undefined) {
      const source = this.#state.parked.find((cart) => cart.cartId === draft.source_cart_id);
      if (!source) throw new BackendError('not_found', 'That cart does not exist or was ordered already.');
      if (customer === null || source.customerId !== customer.id) {
        throw new BackendError('invalid_input', "The cart is not this customer's.");
      }
    }
    const shippingAddress = draft.shipping_address ? checkAddress(draft.shipping_address) : null;
    const invoiceAddress = draft.invoice_address ? checkAddress(draft.invoice_address) : null;
    const coupons: FakeCoupon[] = [];
    for (const code of draft.coupon_codes) {
      if (code.trim() === '') continue;
      const coupon = findCoupon(this.#state.coupons, code);
      if (!coupon) throw unknownCoupon(code);
      if (!coupons.includes(coupon)) coupons.push(coupon);
    }
    const priced = priceDraft({
      lines,
      coupons,
      customer,
      carriers: this.#state.carriers,
      carrierCode: draft.carrier_code ?? null,
      country: shippingAddress?.country_code ?? null,
      now: new Date(),
    });
    return {
      customer,
      newCustomer,
      priced,
      shippingAddress,
      invoiceAddress,
      context: {
        country: shippingAddress?.country_code ?? STORE_COUNTRY,
        group: customer?.group ?? null,
        carrier: priced.carrier?.code ?? null,
      },
    };
  }

  /** A method's initial status is a paid one: the money is taken now. */
  #paysNow(method: PaymentMethodInput): boolean {
    return findStatus(this.#state.statuses, method.initial_status)?.paid ?? false;
  }

  /** The method of a payment taken now, if it may be used here and takes the money now. */
  #payNowMethod(code: string, context: MethodContext): PaymentMethodInput {
    const method = checkMethod(this.#state.paymentMethods, code, context);
    if (!this.#paysNow(method)) {
      throw new BackendError(
        'payment_invalid',
        `${method.label} is paid later: choose it as the way to pay the rest, not as a payment taken now.`,
      );
    }
    return method;
  }

  /** The status of an order paid in full: that of the method that paid the most (the first on a tie). */
  #paidStatus(payments: PaymentView[]): string {
    let best: PaymentView | undefined;
    for (const payment of payments) {
      if (!best || minorOf(payment.amount) > minorOf(best.amount)) best = payment;
    }
    const method = this.#state.paymentMethods.find((m) => m.code === best?.method);
    return method && this.#paysNow(method) ? method.initial_status : PLACED_PAID;
  }

  /** Throws when a gift card or the store credit cannot pay what the payments take from it. */
  #checkBalances(payments: PaymentView[], customer: FakeCustomer | null, now: Date): void {
    const perCard = new Map<FakeGiftCard, number>();
    let credit = 0;
    for (const payment of payments) {
      if (payment.method === 'gift_card') {
        const card = findGiftCard(this.#state.giftCards, payment.reference ?? '');
        perCard.set(card, (perCard.get(card) ?? 0) + minorOf(payment.amount));
      } else if (payment.method === 'store_credit') {
        credit += minorOf(payment.amount);
      }
    }
    for (const [card, amount] of perCard) checkRedemption(card, amount, now);
    if (credit === 0) return;
    if (!customer) {
      throw new BackendError('store_credit_insufficient', 'Store credit needs a customer on the order.');
    }
    if (credit > customer.storeCreditMinor) {
      throw new BackendError(
        'store_credit_insufficient',
        `The customer has ${euros(customer.storeCreditMinor)} store credit, less than the ${euros(credit)} asked. Nothing was charged or saved.`,
      );
    }
  }

  /** A placed order's effects: stock, gift card and store credit balances, coupon uses, issued cards. */
  #placed(order: FakeOrder, draft: PricedDraft, customer: FakeCustomer | null, now: Date): void {
    const { detail } = order;
    this.#state.warnings[detail.uuid] = this.#takeStock(draft.lines.filter((line) => line.quantity > 0));
    for (const payment of detail.payments) {
      const amount = minorOf(payment.amount);
      if (payment.method === 'gift_card') {
        changeBalance(
          findGiftCard(this.#state.giftCards, payment.reference ?? ''),
          'redeemed',
          -amount,
          detail.reference,
          now,
        );
      } else if (payment.method === 'store_credit' && customer) {
        customer.storeCreditMinor -= amount;
        customer.creditLedger.push({
          kind: 'redeemed',
          amount: toDecimal(-amount),
          balance_after: toDecimal(customer.storeCreditMinor),
          order_reference: detail.reference,
          note: '',
          at: now.toISOString(),
        });
      }
    }
    for (const { coupon } of draft.coupons) {
      coupon.timesUsed += 1;
      if (customer) coupon.usedBy[String(customer.id)] = (coupon.usedBy[String(customer.id)] ?? 0) + 1;
    }
    this.#state.orders.push(order);
    if (detail.invoice?.status === 'paid') this.#issueGiftCards(order, now);
    // As the core: the shop hears of every order, the customer (if any) gets a confirmation.
    this.#queueOrderMail('new_order_notification', order, now);
    if (customer) this.#queueOrderMail('order_confirmation', order, now);
  }

  /** A paid order's gift card products become cards, one per unit, worth the unit price. */
  #issueGiftCards(order: FakeOrder, now: Date): void {
    const { detail } = order;
    if (detail.gift_cards.length > 0) return;
    for (const line of detail.lines) {
      const product = this.#state.products.find((p) => p.id === line.product_id);
      if (product?.kind !== 'gift_card') continue;
      for (let unit = 0; unit < line.quantity; unit += 1) {
        const card = issueCard(newCode(), product.priceMinor, now, detail.reference);
        this.#state.giftCards.push(card);
        detail.gift_cards.push(giftCardView(card));
      }
    }
  }

  async staffOverview(): Promise<StaffOverview> {
    await this.#delay();
    return overview(this.#state.staff, this.#session);
  }

  async createStaff(input: StaffInput): Promise<StaffView> {
    await this.#delay(150);
    const view = createMember(this.#state.staff, this.#session, input);
    this.#save();
    return view;
  }

  async signIn(request: SignInRequest): Promise<StaffOverview> {
    await this.#delay(150);
    return signIn(this.#state.staff, this.#session, request);
  }

  async switchStaff(request: SwitchStaffRequest): Promise<StaffOverview> {
    await this.#delay(150);
    try {
      return switchTo(this.#state.staff, this.#session, request, new Date());
    } finally {
      // Wrong PINs and locks are kept.
      this.#save();
    }
  }

  async signOut(): Promise<StaffOverview> {
    await this.#delay();
    return signOut(this.#state.staff, this.#session);
  }

  async approve(request: ApproveRequest): Promise<null> {
    await this.#delay(150);
    try {
      approve(this.#state.staff, this.#session, request, new Date());
      return null;
    } finally {
      this.#save();
    }
  }

  async dashboard(request: DashboardRequest): Promise<Dashboard> {
    await this.#delay(200);
    this.#authorize('reports');
    return makeDashboard(this.#state.orders, this.#state.paymentMethods, STORE.currency, request, new Date());
  }

  async exportReport(request: ReportExportRequest): Promise<ReportExport> {
    await this.#delay(200);
    this.#authorize('reports');
    return exportReport(this.#state.orders, this.#state.paymentMethods, request, new Date());
  }

  /** Refuses a command the signed-in member may not do (`sign_in_required`, `permission_denied`). */
  #authorize(permission: Permission): void {
    authorize(this.#state.staff, this.#session, permission);
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
