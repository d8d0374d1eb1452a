// The order list (newest first, paged with the backend's cursor) and the order opened
// from it. Answers for an order that is no longer selected are dropped.
import type { Backend } from '../api/backend';
import type { OrderDetail } from '../api/bindings/OrderDetail';
import type { OrderSummary } from '../api/bindings/OrderSummary';
import { errorMessage } from '../api/errors';

const PAGE_SIZE = 30;

export class OrdersStore {
  orders = $state<OrderSummary[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | null>(null);

  selectedUuid = $state<string | null>(null);
  detail = $state<OrderDetail | null>(null);
  detailLoading = $state(false);
  detailError = $state<string | null>(null);

  readonly #backend: Backend;
  #listSequence = 0;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** Loads the first page again (on entering the view and after a sale). */
  async refresh(): Promise<void> {
    const sequence = ++this.#listSequence;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#backend.listOrders({ limit: PAGE_SIZE });
      if (sequence !== this.#listSequence) return;
      this.orders = page.orders;
      this.nextCursor = page.next_cursor;
      this.loaded = true;
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
      const page = await this.#backend.listOrders({ cursor, limit: PAGE_SIZE });
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

  async open(uuid: string): Promise<void> {
    this.selectedUuid = uuid;
    if (this.detail?.uuid !== uuid) this.detail = null;
    this.detailLoading = true;
    this.detailError = null;
    try {
      const detail = await this.#backend.getOrder({ uuid });
      if (this.selectedUuid === uuid) this.detail = detail;
    } catch (error) {
      if (this.selectedUuid === uuid) this.detailError = errorMessage(error);
    } finally {
      if (this.selectedUuid === uuid) this.detailLoading = false;
    }
  }

  close(): void {
    this.selectedUuid = null;
    this.detail = null;
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
}
