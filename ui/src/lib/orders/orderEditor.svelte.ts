// The open order's page state: the staff fields being edited (kept while unsaved), the
// status change form (e-mail default from the target status), recording a payment,
// saving its documents as PDF files and deleting a test order. Every change the backend
// confirms goes back through `changed`.
import type { Backend } from '../api/backend';
import type { OrderDetail } from '../api/bindings/OrderDetail';
import type { OrderStatusView } from '../api/bindings/OrderStatusView';
import { errorMessage, toBackendError } from '../api/errors';
import { OrderPaymentSession, balanceDue } from '../checkout/orderPayment.svelte';
import type { PaymentMethod } from '../checkout/payment.svelte';
import { OrderDocuments } from './orderDocuments.svelte';

export interface EditorHooks {
  statuses: () => OrderStatusView[];
  changed: (detail: OrderDetail) => void;
  deleted: (uuid: string) => void;
}

interface StaffFields {
  internal_reference: string;
  tracking_code: string;
  notes: string;
}

const FINAL_CODES = ['canceled', 'refunded', 'returned'];

export class OrderEditor {
  readonly uuid: string;
  /** The order as the backend last sent it. */
  order: OrderDetail;

  internalReference = $state('');
  trackingCode = $state('');
  notes = $state('');
  saving = $state(false);
  saveError = $state<string | null>(null);
  saved = $state(false);

  targetStatus = $state('');
  statusNote = $state('');
  notify = $state(false);
  applying = $state(false);
  statusError = $state<string | null>(null);
  statusDone = $state<string | null>(null);

  payment = $state<OrderPaymentSession | null>(null);
  confirmingDelete = $state(false);
  deleting = $state(false);
  deleteError = $state<string | null>(null);
  readonly documents: OrderDocuments;

  /** The staff fields differ from what is saved. */
  get dirty(): boolean {
    return (
      this.internalReference !== this.order.internal_reference ||
      this.trackingCode !== this.order.tracking_code ||
      this.notes !== this.order.notes
    );
  }

  get balanceMinor(): number {
    return balanceDue(this.order);
  }

  /** Whether the status is final (canceled or refunded): no payment, no status change. */
  get final(): boolean {
    const status = this.#status(this.order.status);
    return status ? status.canceled || status.refunded : FINAL_CODES.includes(this.order.status);
  }

  get canRecordPayment(): boolean {
    return this.balanceMinor > 0 && !this.final;
  }

  get customerEmail(): string | null {
    return this.order.customer?.email ?? null;
  }

  readonly #backend: Backend;
  readonly #hooks: EditorHooks;

  constructor(backend: Backend, order: OrderDetail, hooks: EditorHooks) {
    this.#backend = backend;
    this.#hooks = hooks;
    this.uuid = order.uuid;
    this.documents = new OrderDocuments(backend, order.uuid);
    this.order = $state(order);
    this.#fill(order);
  }

  /** Takes a fresh copy of the order; fields the clerk is editing keep their text. */
  sync(order: OrderDetail): void {
    const untouched = !this.dirty;
    this.order = order;
    if (untouched) this.#fill(order);
  }

  edited(): void {
    this.saved = false;
    this.saveError = null;
  }

  async save(): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    this.saveError = null;
    this.saved = false;
    try {
      const order = await this.#backend.updateOrder({
        uuid: this.uuid,
        internal_reference: this.internalReference,
        tracking_code: this.trackingCode,
        notes: this.notes,
      });
      this.#fill(order);
      this.order = order;
      this.saved = true;
      this.#hooks.changed(order);
    } catch (error) {
      this.saveError = errorMessage(error);
    } finally {
      this.saving = false;
    }
  }

  /** Picks the target status; the e-mail box takes that status's default. */
  chooseStatus(code: string): void {
    this.targetStatus = code;
    this.notify = this.#status(code)?.notify_customer ?? false;
    this.statusError = null;
    this.statusDone = null;
  }

  async applyStatus(): Promise<void> {
    if (this.applying) return;
    const code = this.targetStatus;
    if (code === '') {
      this.statusError = 'Choose the new status first.';
      return;
    }
    this.applying = true;
    this.statusError = null;
    this.statusDone = null;
    const note = this.statusNote.trim();
    const notify = this.notify;
    const mailed = notify && this.customerEmail !== null;
    try {
      const order = await this.#backend.changeOrderStatus({
        uuid: this.uuid,
        status: code,
        ...(note === '' ? {} : { note }),
        notify_customer: notify,
      });
      this.targetStatus = '';
      this.statusNote = '';
      this.notify = false;
      this.statusDone = `Now ${order.status_label.toLowerCase()}${mailed ? ' · the customer will be e-mailed' : ''}.`;
      this.sync(order);
      this.#hooks.changed(order);
    } catch (error) {
      // `transition_forbidden` names the rule; every other failure is shown the same way.
      this.statusError = toBackendError(error).message;
    } finally {
      this.applying = false;
    }
  }

  openPayment(method: PaymentMethod = 'cash'): void {
    if (!this.canRecordPayment || this.payment) return;
    this.payment = new OrderPaymentSession(this.#backend, this.order, method);
  }

  closePayment(): void {
    if (this.payment?.busy) return;
    this.payment = null;
  }

  async confirmPayment(): Promise<void> {
    const session = this.payment;
    if (!session) return;
    const order = await session.confirm();
    if (order && this.payment === session) {
      this.payment = null;
      this.statusError = null;
      this.statusDone = null;
      this.sync(order);
      this.#hooks.changed(order);
    }
  }

  askDelete(): void {
    if (!this.order.is_test) return;
    this.deleteError = null;
    this.confirmingDelete = true;
  }

  cancelDelete(): void {
    if (this.deleting) return;
    this.confirmingDelete = false;
  }

  async deleteOrder(): Promise<void> {
    if (this.deleting) return;
    this.deleting = true;
    this.deleteError = null;
    try {
      await this.#backend.deleteTestOrder({ uuid: this.uuid });
      this.confirmingDelete = false;
      this.#hooks.deleted(this.uuid);
    } catch (error) {
      this.deleteError = errorMessage(error);
    } finally {
      this.deleting = false;
    }
  }

  #fill(fields: StaffFields): void {
    this.internalReference = fields.internal_reference;
    this.trackingCode = fields.tracking_code;
    this.notes = fields.notes;
  }

  #status(code: string): OrderStatusView | undefined {
    return this.#hooks.statuses().find((status) => status.code === code);
  }
}
