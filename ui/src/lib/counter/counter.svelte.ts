// The counter's behaviour behind the scan box: what Enter does with the typed text (scan,
// pick a search result), the inline notice, and the feed of recent scans.
import type { CartLineView } from '../api/bindings/CartLineView';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import { errorMessage, hasCode } from '../api/errors';
import { looksLikeBarcode } from '../catalog/barcode';
import type { SearchStore } from '../catalog/search.svelte';
import type { CartStore } from '../cart/cart.svelte';
import { errorBeep } from './beep';
import type { FocusKeeper } from './focus';
import type { VariationChooser } from './counterSale.svelte';

export interface Notice {
  kind: 'error' | 'info';
  title: string;
  text: string;
}

export interface Activity {
  id: number;
  kind: 'added' | 'unknown';
  title: string;
  detail: string;
  price: string | null;
  /** When, in milliseconds since the epoch. */
  at: number;
}

const NOTICE_MS = 7000;
const FEED_LENGTH = 6;

export class CounterController {
  notice = $state<Notice | null>(null);
  activity = $state<Activity[]>([]);

  readonly cart: CartStore;
  readonly search: SearchStore;
  readonly focus: FocusKeeper;
  /** Asks which variation when a product with variations is picked. */
  readonly variations: VariationChooser | null;
  #activityIds = 0;
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    cart: CartStore,
    search: SearchStore,
    focus: FocusKeeper,
    variations: VariationChooser | null = null,
  ) {
    this.cart = cart;
    this.search = search;
    this.focus = focus;
    this.variations = variations;
  }

  /**
   * Enter in the scan box. Returns true when the text was taken (the box is cleared at
   * once, so the next scan can follow immediately); false keeps it for the clerk to edit.
   */
  submit(raw: string): boolean {
    const text = raw.trim();
    if (text === '') {
      // An empty box lists the chosen category's products: Enter adds the highlighted one.
      const listed = this.search.category !== null && this.search.done ? this.search.current : undefined;
      if (!listed) return false;
      this.pick(listed);
      return true;
    }
    if (looksLikeBarcode(text)) {
      this.search.clear();
      void this.scan(text);
      return true;
    }
    const search = this.search;
    if (search.answered === text) {
      const exact = search.results.find((p) => p.barcode === text);
      if (exact) {
        search.clear();
        void this.scan(text);
        return true;
      }
      const chosen = search.current;
      if (chosen) {
        this.pick(chosen);
        return true;
      }
    }
    void this.#searchThenPick(text);
    return false;
  }

  /** Adds a product chosen from the results (Enter or a click). */
  pick(product: ProductSummary): void {
    this.search.clear();
    if (product.has_variations && this.variations) {
      void this.variations.open(product);
      return;
    }
    this.focus.restore();
    void this.#run(async () => {
      try {
        await this.cart.add(product.id, 1);
      } catch (error) {
        if (hasCode(error, 'choose_variation') && this.variations) {
          void this.variations.open(product);
          return;
        }
        throw error;
      }
      this.#record('added', product.name, product.sku, product.price);
    });
  }

  /** Adds the variation chosen in the variation dialog. */
  pickVariation(variation: { id: number; name: string; sku: string; price: string }): void {
    this.variations?.close();
    this.focus.restore();
    void this.#run(async () => {
      await this.cart.add(variation.id, 1);
      this.#record('added', variation.name, variation.sku, variation.price);
    });
  }

  async scan(barcode: string): Promise<void> {
    try {
      const { product } = await this.cart.scan(barcode);
      this.#record('added', product.name, product.barcode ?? product.sku, product.price);
    } catch (error) {
      if (hasCode(error, 'choose_variation') && this.variations) {
        const product = await this.cart.lookup(barcode).catch(() => null);
        if (product) {
          void this.variations.open(product);
          return;
        }
      }
      if (hasCode(error, 'unknown_barcode')) {
        this.#record('unknown', 'Unknown barcode', barcode, null);
        this.show({ kind: 'error', title: `Unknown barcode ${barcode}`, text: errorMessage(error) });
      } else {
        this.show({ kind: 'error', title: 'The scan did not go through', text: errorMessage(error) });
      }
      errorBeep();
    } finally {
      this.focus.restore();
    }
  }

  setQuantity(line: CartLineView, quantity: number): void {
    void this.#run(() => this.cart.setQuantity(line.line_id, quantity));
  }

  remove(line: CartLineView): void {
    void this.#run(() => this.cart.remove(line.line_id));
  }

  adjustLast(delta: number): void {
    void this.#run(() => this.cart.adjustLast(delta));
  }

  removeLast(): void {
    void this.#run(() => this.cart.removeLast());
  }

  show(notice: Notice): void {
    this.notice = notice;
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => this.dismiss(), NOTICE_MS);
  }

  dismiss(): void {
    clearTimeout(this.#noticeTimer);
    this.notice = null;
  }

  /** Forgets the previous sale's feed and notice. */
  reset(): void {
    this.dismiss();
    this.activity = [];
    this.search.clear();
  }

  async #searchThenPick(text: string): Promise<void> {
    const results = await this.search.run();
    if (this.search.query.trim() !== text) return;
    const exact = results.find((p) => p.barcode === text || p.sku.toLowerCase() === text.toLowerCase());
    const choice = exact ?? (results.length === 1 ? results[0] : undefined);
    if (choice?.barcode === text) {
      this.search.clear();
      await this.scan(text);
    } else if (choice) {
      this.pick(choice);
    } else if (results.length === 0 && !this.search.error) {
      const within = this.search.category ? ` in ${this.search.category.path}` : '';
      this.show({ kind: 'info', title: 'Nothing found', text: `No product matches “${text}”${within}.` });
    }
  }

  async #run(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.show({ kind: 'error', title: 'The cart was not changed', text: errorMessage(error) });
    } finally {
      this.focus.restore();
    }
  }

  #record(kind: Activity['kind'], title: string, detail: string, price: string | null): void {
    this.#activityIds += 1;
    const entry: Activity = { id: this.#activityIds, kind, title, detail, price, at: Date.now() };
    this.activity = [entry, ...this.activity].slice(0, FEED_LENGTH);
  }
}
