// The application model: start-up (status, demo offer, who is signed in), which view is
// shown (counter, orders, register, dashboard, settings …, as far as the signed-in member
// may use it), the open dialogs, and the steps of a sale from counter to payment to receipt
// and back, and printing receipts when a receipt printer is set. Every store gets the
// backend wrapped by `guardBackend`, so staff refusals of any command reach `staff`.
import type { Backend } from '../api/backend';
import type { AppStatus } from '../api/bindings/AppStatus';
import type { CarrierInput } from '../api/bindings/CarrierInput';
import type { CheckoutReceipt } from '../api/bindings/CheckoutReceipt';
import type { CouponInput } from '../api/bindings/CouponInput';
import type { CouponView } from '../api/bindings/CouponView';
import type { OrderDetail } from '../api/bindings/OrderDetail';
import type { PaymentMethodInput } from '../api/bindings/PaymentMethodInput';
import { errorMessage, hasCode } from '../api/errors';
import { CartStore } from '../cart/cart.svelte';
import { CategoryFilter } from '../catalog/categoryFilter.svelte';
import { SearchStore } from '../catalog/search.svelte';
import { PaymentSession, type PaymentMethod } from '../checkout/payment.svelte';
import { CouponEntry } from '../counter/coupon.svelte';
import { CounterController } from '../counter/counter.svelte';
import { CartCustomer, ParkedCarts, VariationChooser } from '../counter/counterSale.svelte';
import { FocusKeeper } from '../counter/focus';
import { GiftCardsStore } from '../giftcards/giftCards.svelte';
import { MailLogStore, type MailFilter } from '../mail/mailLog.svelte';
import { MailSettingsStore } from '../mail/mailSettings.svelte';
import { MailStatusStore } from '../mail/mailStatus.svelte';
import { AdminStores } from '../admin/admin.svelte';
import { currencyDigits } from '../money/format';
import { MassActionStore } from '../orders/massAction.svelte';
import { OrdersStore } from '../orders/orders.svelte';
import { RegisterStore } from '../register/register.svelte';
import type { CarrierForm } from '../settings/carrierForm.svelte';
import { CartSettingsStore } from '../settings/cartSettings.svelte';
import { JournalCheck } from '../settings/journalCheck.svelte';
import { Backups } from '../settings/backups.svelte';
import type { CouponForm } from '../settings/couponForm.svelte';
import type { PaymentMethodForm } from '../settings/paymentMethodForm.svelte';
import { PrinterSettingsStore } from '../settings/printerSettings.svelte';
import { SettingsList } from '../settings/settingsList.svelte';
import { StatusSettings } from '../settings/statusSettings.svelte';
import { TaxSettingsStore } from '../settings/taxSettings.svelte';
import { DashboardStore } from '../reports/dashboard.svelte';
import { guardBackend } from '../staff/guard';
import { StaffStore } from '../staff/staff.svelte';

export type Phase = 'loading' | 'empty' | 'ready' | 'failed';
export type View =
  'counter' | 'orders' | 'register' | 'settings' | 'receipt' | 'products' | 'customers' | 'dashboard';

/** How printing the receipt on the receipt view went. */
export type PrintStatus = { kind: 'printing' } | { kind: 'printed' } | { kind: 'failed'; message: string };

export class AppModel {
  phase = $state<Phase>('loading');
  failure = $state<string | null>(null);
  status = $state<AppStatus | null>(null);
  view = $state<View>('counter');
  demoLoading = $state(false);

  /** The sale just completed (receipt view). */
  receipt = $state<CheckoutReceipt | null>(null);
  /** Printing that receipt on the receipt printer, if one is set. */
  printStatus = $state<PrintStatus | null>(null);
  /** The payment dialog's session while it is open. */
  payment = $state<PaymentSession | null>(null);
  /** An order's receipt shown over the orders view. */
  orderReceipt = $state<OrderDetail | null>(null);
  helpOpen = $state(false);
  /** A settings section to scroll to once the settings show (its element id), or null. */
  settingsTarget = $state<string | null>(null);

  /** A dialog is open: the global shortcuts and the scan box's focus stand aside. */
  get modalOpen(): boolean {
    return (
      this.payment !== null ||
      this.orderReceipt !== null ||
      this.helpOpen ||
      this.orders.dialogOpen ||
      this.jobs.pending !== null ||
      this.statusSettings.form !== null ||
      this.coupons.form !== null ||
      this.carriers.form !== null ||
      this.paymentMethods.form !== null ||
      this.taxes.rateForm !== null ||
      this.giftCards.detail !== null ||
      this.variations.choice !== null ||
      this.cartCustomer.open ||
      this.parked.parking ||
      this.parked.listOpen ||
      this.admin.modalOpen ||
      this.register.modalOpen ||
      this.staff.modalOpen
    );
  }

  readonly backend: Backend;
  readonly cart: CartStore;
  readonly search: SearchStore;
  /** The counter's category filter beside the scan box. */
  readonly categoryFilter: CategoryFilter;
  readonly focus: FocusKeeper;
  readonly counter: CounterController;
  readonly orders: OrdersStore;
  /** Mass actions on orders and the background job that follows one. */
  readonly jobs: MassActionStore;
  /** The owner's order status settings. */
  readonly statusSettings: StatusSettings;
  /** The receipt printer settings. */
  readonly printer: PrinterSettingsStore;
  /** Reloading a customer's cart and when a cart counts as abandoned. */
  readonly cartSettings: CartSettingsStore;
  /** The counter's coupon entry (F6). */
  readonly coupon: CouponEntry;
  /** Tax and rounding settings (the counter uses the cash rounding step). */
  readonly taxes: TaxSettingsStore;
  readonly coupons: SettingsList<CouponView, CouponInput, CouponForm>;
  readonly carriers: SettingsList<CarrierInput, CarrierInput, CarrierForm>;
  readonly paymentMethods: SettingsList<PaymentMethodInput, PaymentMethodInput, PaymentMethodForm>;
  /** The owner's gift card list and ledgers. */
  readonly giftCards: GiftCardsStore;
  /** The counter's variation chooser. */
  readonly variations: VariationChooser;
  /** The counter's customer dialog (F3). */
  readonly cartCustomer: CartCustomer;
  /** Parking and resuming carts at the counter (F5). */
  readonly parked: ParkedCarts;
  /** The back office's products, customers and abandoned carts. */
  readonly admin: AdminStores;
  /** Settings → E-mail. */
  readonly mail: MailSettingsStore;
  /** The sent log (Settings → Sent mail). */
  readonly mailLog: MailLogStore;
  /** The mail state in the status bar. */
  readonly mailStatus: MailStatusStore;
  /** The register's session: float, cash in and out, X and Z reports, past sessions. */
  readonly register: RegisterStore;
  /** Settings → Journal: verifying the hash-chained journal. */
  readonly journal: JournalCheck;
  /** Settings → Backups: back up now, the list, a restore at the next start. */
  readonly backups: Backups;
  /** Who is signed in and what they may do; the sign-in and approval dialogs. */
  readonly staff: StaffStore;
  /** The owner's dashboard. */
  readonly dashboard: DashboardStore;
  #opening = false;
  #printSequence = 0;

  constructor(plain: Backend) {
    this.staff = new StaffStore(plain, {
      context: () => ({ statuses: this.orders.statuses, order: this.orders.editor?.order ?? null }),
      changed: () => this.#staffChanged(),
      closed: () => {
        if (this.view === 'counter') this.focus.restore();
      },
    });
    const backend = guardBackend(plain, this.staff);
    this.backend = backend;
    this.cart = new CartStore(backend);
    this.search = new SearchStore(backend);
    this.categoryFilter = new CategoryFilter(backend, this.search);
    // The coupon input keeps the focus while the clerk types a code in it, and so does the
    // category list while it is open.
    this.focus = new FocusKeeper(
      () => this.modalOpen || this.view !== 'counter' || this.coupon.typing || this.categoryFilter.open,
    );
    this.variations = new VariationChooser(backend);
    this.cartCustomer = new CartCustomer(backend, this.cart);
    this.parked = new ParkedCarts(backend, this.cart);
    this.counter = new CounterController(this.cart, this.search, this.focus, this.variations);
    this.admin = new AdminStores(backend);
    this.taxes = new TaxSettingsStore(backend);
    this.orders = new OrdersStore(backend, {
      currency: () => this.status?.currency_code ?? 'EUR',
      cashIncrement: () => this.taxes.cashIncrementMinor,
      counted: (delta) => {
        if (this.status) this.status.order_count += delta;
      },
    });
    this.jobs = new MassActionStore(backend, () => this.orders.afterJob());
    // The orders store keeps the one list of statuses every screen shows.
    this.statusSettings = new StatusSettings(backend, {
      statuses: () => this.orders.statuses,
      changed: (statuses) => this.orders.setStatuses(statuses),
    });
    this.printer = new PrinterSettingsStore(backend);
    this.cartSettings = new CartSettingsStore(backend);
    this.coupon = new CouponEntry(this.cart);
    this.coupons = new SettingsList({
      list: () => backend.listCoupons(),
      save: (request) => backend.saveCoupon(request),
      key: (view) => view.coupon.code,
    });
    this.carriers = new SettingsList({
      list: () => backend.listCarriers(),
      save: (request) => backend.saveCarrier(request),
      key: (carrier) => carrier.code,
    });
    this.paymentMethods = new SettingsList({
      list: () => backend.listPaymentMethods(),
      save: (request) => backend.savePaymentMethod(request),
      key: (method) => method.code,
    });
    this.giftCards = new GiftCardsStore(backend);
    this.mailStatus = new MailStatusStore(backend);
    this.mail = new MailSettingsStore(backend, () => void this.mailStatus.refresh());
    this.mailLog = new MailLogStore(backend, { changed: () => void this.mailStatus.refresh() });
    this.register = new RegisterStore(backend, () => currencyDigits(this.status?.currency_code ?? 'EUR'));
    this.journal = new JournalCheck(backend);
    this.backups = new Backups(backend);
    this.dashboard = new DashboardStore(backend);
  }

  async start(): Promise<void> {
    this.phase = 'loading';
    this.failure = null;
    try {
      // Nobody signed in at this register while there is staff: offer to sign in at once.
      const [status] = await Promise.all([this.backend.appStatus(), this.staff.load(true)]);
      this.status = status;
      if (this.status.product_count === 0) {
        this.phase = 'empty';
        return;
      }
      await Promise.all([this.cart.load(), this.printer.load(), this.taxes.load()]);
      this.phase = 'ready';
      this.#staffChanged();
      this.focus.restore();
      // Whether the register is open (the counter's hint); sales never wait for it.
      void this.register.refresh();
    } catch (error) {
      this.failure = errorMessage(error);
      this.phase = 'failed';
    }
  }

  async loadDemo(): Promise<void> {
    if (this.demoLoading) return;
    this.demoLoading = true;
    this.failure = null;
    try {
      await this.backend.loadDemo();
    } catch (error) {
      // Another window may have filled the store meanwhile: then simply go on.
      if (!hasCode(error, 'store_not_empty')) {
        this.failure = errorMessage(error);
        return;
      }
    } finally {
      this.demoLoading = false;
    }
    await this.start();
  }

  show(wanted: Exclude<View, 'receipt'>): void {
    // A view the member may not use shows their first one instead (F2 for a warehouse worker).
    const view = this.staff.canView(wanted) ? wanted : this.staff.homeView;
    if (this.view === 'receipt') this.newSale();
    this.categoryFilter.close();
    this.view = view;
    if (view === 'orders') void this.orders.refresh();
    else if (view === 'dashboard') void this.dashboard.load();
    else if (view === 'products') void this.admin.products.load();
    else if (view === 'customers') void this.admin.customers.load();
    else if (view === 'register') {
      void this.register.refresh();
      void this.register.history.load();
    } else if (view === 'settings') {
      void this.statusSettings.load();
      void this.printer.load();
      void this.cartSettings.load();
      void this.taxes.load();
      void this.coupons.load();
      void this.carriers.load();
      void this.paymentMethods.load();
      void this.giftCards.load();
      void this.mail.load();
      void this.mailLog.refresh();
    } else {
      // Back at the counter: the open cart as it is now (a product switched off or out of
      // stock meanwhile shows as held back).
      void this.cart.load();
      this.focus.restore();
    }
  }

  /** The sent log in the settings, showing the failed or the waiting mails (the status bar's link). */
  openSentLog(filter: MailFilter = 'all'): void {
    this.mailLog.filter = filter;
    this.settingsTarget = 'sent-mail';
    this.show('settings');
  }

  /** Opens the payment dialog once every queued cart change has been applied. */
  async openPayment(method: PaymentMethod): Promise<void> {
    if (this.view !== 'counter' || this.modalOpen || this.#opening) return;
    this.#opening = true;
    try {
      await this.cart.idle();
      const cart = this.cart.cart;
      if (!cart || cart.cart_id === null || cart.lines.length === 0) return;
      if (this.cart.nothingToSell) {
        this.counter.show({
          kind: 'error',
          title: 'Nothing to sell',
          text: 'Every line is held back (out of stock or no longer for sale): remove them or add items.',
        });
        return;
      }
      this.search.clear();
      this.payment = new PaymentSession(
        this.backend,
        { ...cart, cart_id: cart.cart_id },
        method,
        this.taxes.cashIncrementMinor,
      );
    } finally {
      this.#opening = false;
    }
  }

  closePayment(): void {
    if (this.payment?.busy) return;
    this.payment = null;
    this.focus.restore();
  }

  /** Sends the open payment; on success shows the receipt and starts a fresh cart. */
  async confirmPayment(): Promise<void> {
    const session = this.payment;
    if (!session) return;
    const receipt = await session.confirm();
    if (receipt) {
      this.payment = null;
      this.receipt = receipt;
      this.view = 'receipt';
      if (this.status) this.status.order_count += 1;
      void this.cart.load();
      if (this.printer.configured) void this.printReceipt(true);
    } else if (session.problem && ['cart_not_open', 'empty_cart'].includes(session.problem.code ?? '')) {
      void this.cart.load();
    }
  }

  /** Leaves the receipt for an empty counter, focus in the scan box. */
  newSale(): void {
    this.receipt = null;
    this.printStatus = null;
    this.#printSequence++;
    this.counter.reset();
    this.coupon.reset();
    this.coupon.release();
    this.view = 'counter';
    this.focus.restore();
  }

  /**
   * Prints the receipt view's sale on the receipt printer: right after the sale with the
   * cash drawer kicked open, again from the Print button without it.
   */
  async printReceipt(openDrawer: boolean): Promise<void> {
    const receipt = this.receipt;
    if (!receipt || this.printStatus?.kind === 'printing') return;
    const sequence = ++this.#printSequence;
    this.printStatus = { kind: 'printing' };
    try {
      await this.backend.printReceipt({ uuid: receipt.order.uuid, open_drawer: openDrawer });
      if (sequence === this.#printSequence) this.printStatus = { kind: 'printed' };
    } catch (error) {
      if (sequence === this.#printSequence)
        this.printStatus = { kind: 'failed', message: errorMessage(error) };
    }
  }

  /** F7 on the counter: prints the last sale's receipt again; the outcome is a notice. */
  async reprintLast(): Promise<void> {
    try {
      const outcome = await this.backend.reprintLastReceipt();
      this.counter.show({
        kind: 'info',
        title: 'Receipt reprinted',
        text: outcome.reference ? `Order ${outcome.reference}` : 'Sent to the receipt printer',
      });
    } catch (error) {
      this.counter.show({ kind: 'error', title: 'Could not reprint', text: errorMessage(error) });
    }
  }

  /** Someone else signed in: leave a view they may not use. */
  #staffChanged(): void {
    const view = this.view === 'receipt' ? 'counter' : this.view;
    if (this.phase === 'ready' && !this.staff.canView(view)) this.show(this.staff.homeView);
  }

  toggleHelp(open = !this.helpOpen): void {
    this.helpOpen = open;
    if (!open) this.focus.restore();
  }
}
