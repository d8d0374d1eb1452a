// The owner's "Order statuses" settings: loading the table, the status being edited or
// created, and saving it. The backend answers a save with the whole list, which goes to
// `changed` so that every screen caching statuses (order filters, order page) uses it.
import type { Backend } from '../api/backend';
import type { OrderStatusView } from '../api/bindings/OrderStatusView';
import { errorMessage } from '../api/errors';
import { StatusForm } from './statusForm.svelte';
import { blankStatus } from './statusRules';

export interface StatusSettingsHooks {
  /** The statuses the app knows, in display order. */
  statuses: () => OrderStatusView[];
  /** The backend sent a fresh list (loaded or after a save). */
  changed: (statuses: OrderStatusView[]) => void;
}

export class StatusSettings {
  loading = $state(false);
  loadError = $state<string | null>(null);
  /** The status being edited or created, while its dialog is open. */
  form = $state<StatusForm | null>(null);
  /** The code of the status saved last (highlighted in the table). */
  savedCode = $state<string | null>(null);

  readonly #backend: Backend;
  readonly #hooks: StatusSettingsHooks;
  #loadSequence = 0;

  constructor(backend: Backend, hooks: StatusSettingsHooks) {
    this.#backend = backend;
    this.#hooks = hooks;
  }

  get statuses(): OrderStatusView[] {
    return this.#hooks.statuses();
  }

  /** Reloads the table (on opening the screen: another window may have changed it). */
  async load(): Promise<void> {
    const sequence = ++this.#loadSequence;
    this.loading = true;
    this.loadError = null;
    this.savedCode = null;
    try {
      const statuses = await this.#backend.listStatuses();
      if (sequence === this.#loadSequence) this.#hooks.changed(statuses);
    } catch (error) {
      if (sequence === this.#loadSequence) this.loadError = errorMessage(error);
    } finally {
      if (sequence === this.#loadSequence) this.loading = false;
    }
  }

  edit(code: string): void {
    const status = this.statuses.find((s) => s.code === code);
    if (status && this.form === null) this.form = new StatusForm(status, false);
  }

  create(): void {
    if (this.form === null) this.form = new StatusForm(blankStatus(this.statuses), true);
  }

  close(): void {
    if (this.form?.saving) return;
    this.form = null;
  }

  /** Saves the open form; an `invalid_input` (or any failure) stays in the form. */
  async save(): Promise<void> {
    const form = this.form;
    if (!form || form.saving) return;
    const request = form.request();
    if (typeof request === 'string') {
      form.error = request;
      return;
    }
    form.saving = true;
    form.error = null;
    try {
      const statuses = await this.#backend.saveOrderStatus(request);
      ++this.#loadSequence; // An older load must not overwrite this list.
      this.loading = false;
      this.#hooks.changed(statuses);
      this.savedCode = request.code;
      if (this.form === form) this.form = null;
    } catch (error) {
      form.error = errorMessage(error);
    } finally {
      form.saving = false;
    }
  }
}
