// The order list (newest first, filtered, paged with the backend's cursor), the rows
// ticked for a mass action, the order opened from it with its editor, and the new staff
// order being drafted. Answers for a list or an order that is no longer wanted are dropped.
import { SvelteSet } from 'svelte/reactivity';
import type { Backend } from '../api/backend';
import type { CartSummary } from '../api/bindings/CartSummary';
import type { CheckoutReceipt } from '../api/bindings/CheckoutReceipt';
import type { CustomerSummary } from '../api/bindings/CustomerSummary';
import type { MassActionKind } from '../api/bindings/MassActionKind';
import type { MassActionRequest } from '../api/bindings/MassActionRequest';
import type { OrderDetail } from '../api/bindings/OrderDetail';
import type { OrderStatusView } from '../api/bindings/OrderStatusView';
import type { OrderSummary } from '../api/bindings/OrderSummary';
import { errorMessage } from '../api/errors';
import {
  NO_FILTERS,
  filterRequest,
  isFiltered,
  pageRequest,
  sameRequest,
  type OrderFilters,
} from './filters';
import { OrderEditor } from './orderEditor.svelte';
import { StaffOrderDraft } from './staffOrder.svelte';

const PAGE_SIZE = 30;
export const ORDER_SEARCH_DEBOUNCE_MS = 250;

export interface OrdersHooks {
  /** The store's currency code (for staff orders). */
  currency: () => string;
  /** The store's cash rounding step in minor units (for cash taken with staff orders). */
  cashIncrement: () => number;
  /** An order was created (+1) or deleted (−1). */
  counted: (delta: number) => void;
}

export class OrdersStore {
  orders = $state<OrderSummary[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | null>(null);

  filters = $state<OrderFilters>({ ...NO_FILTERS });
  statuses = $state<OrderStatusView[]>([]);
  readonly filtered: boolean = $derived(isFiltered(this.filters));

  /** UUIDs ticked for a mass action. */
  readonly selected = new SvelteSet<string>();
  /** Apply the mass action to every order matching the filter, not only the ticked ones. */
  allMatching = $state(false);
  readonly allOnPageSelected: boolean = $derived(
    this.orders.length > 0 && this.orders.every((order) => this.selected.has(order.uuid)),
  );

  selectedUuid = $state<string | null>(null);
  detail = $state<OrderDetail | null>(null);
  detailLoading = $state(false);
  detailError = $state<string | null>(null);
  editor = $state<OrderEditor | null>(null);

  /** The new staff order while its dialog is open. */
  draft = $state<StaffOrderDraft | null>(null);

  /** A dialog of the orders screens is open (the global shortcuts stand aside). */
  readonly dialogOpen: boolean = $derived(
    this.draft !== null ||
      (this.editor !== null && (this.editor.payment !== null || this.editor.confirmingDelete)),
  );

  readonly #backend: Backend;
  readonly #hooks: OrdersHooks;
  #listSequence = 0;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(backend: Backend, hooks: OrdersHooks) {
    this.#backend = backend;
    this.#hooks = hooks;
  }

  /** Loads the first page again (on entering the view, after a filter change or a job). */
  async refresh(): Promise<void> {
    this.#cancelSearch();
    if (this.statuses.length === 0) void this.loadStatuses();
    const sequence = ++this.#listSequence;
    const filters = { ...this.filters };
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#backend.listOrders(pageRequest(filters, null, PAGE_SIZE));
      if (sequence !== this.#listSequence) return;
      this.orders = page.orders;
      this.nextCursor = page.next_cursor;
      this.loaded = true;
      for (const uuid of this.selected) {
        if (!page.orders.some((order) => order.uuid === uuid)) this.selected.delete(uuid);
      }
    } catch (error) {
      if (sequence === this.#listSequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.#listSequence) this.loading = false;
    }
  }

  async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (cursor === null || this.loading) return;
    const sequence = ++this.#listSequence;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#backend.listOrders(pageRequest(this.filters, cursor, PAGE_SIZE));
      if (sequence !== this.#listSequence) return;
      const fresh = page.orders.filter((order) => !this.orders.some((known) => known.uuid === order.uuid));
      this.orders = [...this.orders, ...fresh];
      this.nextCursor = page.next_cursor;
    } catch (error) {
      if (sequence === this.#listSequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.#listSequence) this.loading = false;
    }
  }

  async loadStatuses(): Promise<void> {
    try {
      this.statuses = await this.#backend.listStatuses();
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /**
   * Takes a new status list (loaded or saved in the settings): the selects use it, and
   * the rows and the open order show the new labels and colours.
   */
  setStatuses(statuses: OrderStatusView[]): void {
    if (JSON.stringify(statuses) === JSON.stringify(this.statuses)) return;
    this.statuses = statuses;
    this.orders = this.orders.map((order) => {
      const status = statuses.find((s) => s.code === order.status);
      return status ? { ...order, status_label: status.label, status_colour: status.colour } : order;
    });
    if (this.selectedUuid !== null) void this.open(this.selectedUuid);
  }

  /** Changes one filter; the search box waits for a pause in typing, the rest apply at once. */
  setFilter<K extends keyof OrderFilters>(key: K, value: OrderFilters[K]): void {
    const before = { ...this.filters };
    this.filters[key] = value;
    if (sameRequest(before, this.filters)) return;
    this.#resetSelection();
    this.#cancelSearch();
    if (key === 'search') this.#searchTimer = setTimeout(() => void this.refresh(), ORDER_SEARCH_DEBOUNCE_MS);
    else void this.refresh();
  }

  clearFilters(): void {
    const wasFiltered = this.filtered;
    this.filters = { ...NO_FILTERS };
    this.#resetSelection();
    if (wasFiltered) void this.refresh();
  }

  toggleSelected(uuid: string): void {
    if (this.selected.has(uuid)) this.selected.delete(uuid);
    else this.selected.add(uuid);
    if (this.selected.size === 0) this.allMatching = false;
  }

  toggleAllOnPage(): void {
    if (this.allOnPageSelected) this.#resetSelection();
    else for (const order of this.orders) this.selected.add(order.uuid);
  }

  clearSelection(): void {
    this.#resetSelection();
  }

  /** The mass action request for the ticked orders, or for everything matching the filter. */
  massRequest(kind: MassActionKind): MassActionRequest {
    return this.allMatching
      ? { kind, orders: [], filter: filterRequest(this.filters) }
      : { kind, orders: this.orders.filter((o) => this.selected.has(o.uuid)).map((o) => o.uuid) };
  }

  async open(uuid: string): Promise<void> {
    this.selectedUuid = uuid;
    if (this.detail?.uuid !== uuid) {
      this.detail = null;
      this.editor = null;
    }
    this.detailLoading = true;
    this.detailError = null;
    try {
      const detail = await this.#backend.getOrder({ uuid });
      if (this.selectedUuid === uuid) this.show(detail);
    } catch (error) {
      if (this.selectedUuid === uuid) this.detailError = errorMessage(error);
    } finally {
      if (this.selectedUuid === uuid) this.detailLoading = false;
    }
  }

  /** Shows a fresh copy of an order: on its page if open, and in its list row. */
  show(detail: OrderDetail): void {
    const row = this.orders.findIndex((order) => order.uuid === detail.uuid);
    const known = this.orders[row];
    if (known) {
      this.orders[row] = {
        ...known,
        status: detail.status,
        status_label: detail.status_label,
        status_colour: detail.status_colour,
        total: detail.total,
        invoice_number: detail.invoice?.number ?? null,
        customer_name: detail.customer?.name ?? null,
      };
    }
    if (this.selectedUuid !== detail.uuid) return;
    this.detail = detail;
    if (this.editor?.uuid === detail.uuid) {
      this.editor.sync(detail);
    } else {
      this.editor = new OrderEditor(this.#backend, detail, {
        statuses: () => this.statuses,
        changed: (fresh) => this.show(fresh),
        deleted: (uuid) => this.#deleted(uuid),
      });
    }
  }

  close(): void {
    this.selectedUuid = null;
    this.detail = null;
    this.editor = null;
    this.detailError = null;
    this.detailLoading = false;
  }

  /** Moves the selection up or down the list (arrow keys). */
  step(delta: number): void {
    if (this.orders.length === 0) return;
    const index = this.orders.findIndex((order) => order.uuid === this.selectedUuid);
    const next = this.orders[Math.min(this.orders.length - 1, Math.max(0, index + delta))];
    if (next && next.uuid !== this.selectedUuid) void this.open(next.uuid);
  }

  openNewOrder(): void {
    if (this.draft === null) this.draft = this.#newDraft();
  }

  /** Reorder: a new order prefilled from a past one (customer, lines at today's prices). */
  reorder(order: OrderDetail): void {
    if (this.draft !== null) return;
    const draft = this.#newDraft();
    this.draft = draft;
    void draft.prefill(order);
  }

  /**
   * A new order for a customer, made from one of their carts (the customer page's "Open in
   * new order"): the customer and the cart are chosen as in the checkout's first step.
   * Resolves with whether the cart's lines were taken.
   */
  async orderFromCart(customer: CustomerSummary, cart: CartSummary): Promise<boolean> {
    if (this.draft !== null) return false;
    const draft = this.#newDraft();
    this.draft = draft;
    draft.pickCustomer(customer);
    const taken = await draft.chooseCart(cart);
    if (taken && this.draft === draft) draft.goTo('products');
    return taken;
  }

  closeNewOrder(): void {
    if (this.draft?.busy) return;
    this.draft?.dispose();
    this.draft = null;
  }

  /** Creates the drafted order; on success opens its page and refreshes the list. */
  async createOrder(): Promise<CheckoutReceipt | null> {
    const draft = this.draft;
    if (!draft) return null;
    const receipt = await draft.create();
    if (receipt && this.draft === draft) {
      draft.dispose();
      this.draft = null;
      this.selectedUuid = receipt.order.uuid;
      this.detailError = null;
      this.show(receipt.order);
      this.#hooks.counted(1);
      void this.refresh();
    }
    return receipt;
  }

  /** After a job: reload the list and the open order, and forget the ticks. */
  afterJob(): void {
    this.#resetSelection();
    void this.refresh();
    if (this.selectedUuid !== null) void this.open(this.selectedUuid);
  }

  #deleted(uuid: string): void {
    if (this.selectedUuid === uuid) this.close();
    this.orders = this.orders.filter((order) => order.uuid !== uuid);
    this.selected.delete(uuid);
    this.#hooks.counted(-1);
    void this.refresh();
  }

  #newDraft(): StaffOrderDraft {
    return new StaffOrderDraft(this.#backend, this.#hooks.currency(), () => this.#hooks.cashIncrement());
  }

  #resetSelection(): void {
    this.selected.clear();
    this.allMatching = false;
  }

  #cancelSearch(): void {
    if (this.#searchTimer !== undefined) clearTimeout(this.#searchTimer);
    this.#searchTimer = undefined;
  }
}
