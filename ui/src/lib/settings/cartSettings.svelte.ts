// The owner's "Carts" settings: whether picking a customer at the counter for an empty sale
// reloads their last cart, and after how many hours (1 to 720) a cart with items and a
// customer counts as abandoned. Hours that are not a whole number are refused here; the
// range is the backend's to check, and its refusal (`invalid_input`) shows at the hours.
import type { Backend } from '../api/backend';
import type { CartSettings } from '../api/bindings/CartSettings';
import { errorMessage, problemOf, type Problem } from '../api/errors';

export const MIN_ABANDONED_HOURS = 1;
export const MAX_ABANDONED_HOURS = 720;

/** The hours typed as a whole number, or null when they are not one. */
export function readHours(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** A refusal's message without the field name the core puts first (`abandoned_cart_hours: …`). */
export function withoutField(message: string, field: string): string {
  const prefix = `${field}:`;
  if (!message.startsWith(prefix)) return message;
  const rest = message.slice(prefix.length).trim();
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

export class CartSettingsStore {
  /** What the backend has saved; null until loaded. */
  saved = $state<CartSettings | null>(null);
  reload = $state(false);
  hours = $state('');
  saving = $state(false);
  loadError = $state<string | null>(null);
  /** Why the hours were refused (here or by the backend). */
  hoursProblem = $state<Problem | null>(null);
  /** Any other refusal of a save. */
  problem = $state<Problem | null>(null);
  /** The last save went through (cleared by the next edit). */
  done = $state(false);

  readonly #backend: Backend;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  async load(): Promise<void> {
    this.loadError = null;
    this.edited();
    try {
      this.#apply(await this.#backend.cartSettings());
    } catch (error) {
      this.loadError = errorMessage(error);
    }
  }

  edited(): void {
    this.hoursProblem = null;
    this.problem = null;
    this.done = false;
  }

  async save(): Promise<boolean> {
    if (this.saving) return false;
    this.edited();
    const hours = readHours(this.hours);
    if (hours === null) {
      this.hoursProblem = {
        code: null,
        message: `Enter a whole number of hours, from ${MIN_ABANDONED_HOURS} to ${MAX_ABANDONED_HOURS}.`,
      };
      return false;
    }
    this.saving = true;
    try {
      this.#apply(
        await this.#backend.saveCartSettings({
          reload_customer_cart: this.reload,
          abandoned_cart_hours: hours,
        }),
      );
      this.done = true;
      return true;
    } catch (error) {
      const problem = problemOf(error);
      // The hours are the one field the backend can refuse.
      if (problem.code === 'invalid_input') {
        this.hoursProblem = { ...problem, message: withoutField(problem.message, 'abandoned_cart_hours') };
      } else this.problem = problem;
      return false;
    } finally {
      this.saving = false;
    }
  }

  #apply(settings: CartSettings): void {
    this.saved = settings;
    this.reload = settings.reload_customer_cart;
    this.hours = String(settings.abandoned_cart_hours);
  }
}
