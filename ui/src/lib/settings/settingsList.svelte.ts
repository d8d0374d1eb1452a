// A list of things the owner edits one at a time in a dialog (coupons, carriers, payment
// methods): loading the list, the form open for one of them, and saving it. The backend
// answers a save with the saved item, which replaces the old one (by its key) or joins the
// list; its objection (`invalid_input`, `not_found`) stays in the form.
import { errorMessage } from '../api/errors';

/** A form of the list: its own copy of the fields and the request they make. */
export interface SettingsForm<R> {
  saving: boolean;
  error: string | null;
  /** The request to send, or what is wrong with the form before it can be sent. */
  request(): R | string;
}

export interface SettingsListOps<T, R> {
  list: () => Promise<T[]>;
  save: (request: R) => Promise<T>;
  /** The stable key of an item (its code). */
  key: (item: T) => string;
}

export class SettingsList<T, R, F extends SettingsForm<R>> {
  items = $state<T[]>([]);
  loading = $state(false);
  loaded = $state(false);
  loadError = $state<string | null>(null);
  /** The item being edited or created, while its dialog is open. */
  form = $state<F | null>(null);
  /** The key of the item saved last (highlighted in the list). */
  savedKey = $state<string | null>(null);

  readonly #ops: SettingsListOps<T, R>;
  #loadSequence = 0;

  constructor(ops: SettingsListOps<T, R>) {
    this.#ops = ops;
  }

  /** Reloads the list (on opening the screen: another window may have changed it). */
  async load(): Promise<void> {
    const sequence = ++this.#loadSequence;
    this.loading = true;
    this.loadError = null;
    try {
      const items = await this.#ops.list();
      if (sequence === this.#loadSequence) {
        this.items = items;
        this.loaded = true;
      }
    } catch (error) {
      if (sequence === this.#loadSequence) this.loadError = errorMessage(error);
    } finally {
      if (sequence === this.#loadSequence) this.loading = false;
    }
  }

  /** The item with this key, if listed. */
  find(key: string): T | undefined {
    return this.items.find((item) => this.#ops.key(item) === key);
  }

  open(form: F): void {
    if (this.form === null) this.form = form;
  }

  close(): void {
    if (this.form?.saving) return;
    this.form = null;
  }

  /** Saves the open form; resolves with the saved item, or null when it failed. */
  async save(): Promise<T | null> {
    const form = this.form;
    if (!form || form.saving) return null;
    const request = form.request();
    if (typeof request === 'string') {
      form.error = request;
      return null;
    }
    form.saving = true;
    form.error = null;
    try {
      const saved = await this.#ops.save(request);
      ++this.#loadSequence; // An older load must not overwrite this list.
      this.loading = false;
      const key = this.#ops.key(saved);
      const index = this.items.findIndex((item) => this.#ops.key(item) === key);
      this.items =
        index >= 0 ? this.items.map((item, i) => (i === index ? saved : item)) : [...this.items, saved];
      this.savedKey = key;
      if (this.form === form) this.form = null;
      return saved;
    } catch (error) {
      form.error = errorMessage(error);
      return null;
    } finally {
      form.saving = false;
    }
  }
}
