// Product search behind the scan box: debounced while typing, answers that arrive after a
// newer query (or after the box was cleared) are dropped, and one result is highlighted
// for the arrow keys and Enter.
import type { Backend } from '../api/backend';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import { errorMessage } from '../api/errors';

export const SEARCH_DEBOUNCE_MS = 120;
const RESULT_LIMIT = 30;

export class SearchStore {
  query = $state('');
  results = $state<ProductSummary[]>([]);
  highlighted = $state(0);
  loading = $state(false);
  error = $state<string | null>(null);
  /** The query the current results answer. */
  answered = $state('');

  readonly active: boolean = $derived(this.query.trim() !== '');
  readonly current: ProductSummary | undefined = $derived(this.results[this.highlighted]);

  readonly #backend: Backend;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sequence = 0;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** Called on every keystroke: searches once typing pauses. */
  input(query: string): void {
    this.query = query;
    this.#cancelTimer();
    if (query.trim() === '') {
      this.#reset();
      return;
    }
    this.#timer = setTimeout(() => void this.run(), SEARCH_DEBOUNCE_MS);
  }

  /** Searches for the current query now; resolves with its results (or [] if outdated). */
  async run(): Promise<ProductSummary[]> {
    this.#cancelTimer();
    const query = this.query.trim();
    const sequence = ++this.#sequence;
    if (query === '') return [];
    this.loading = true;
    try {
      const results = await this.#backend.searchProducts({ query, limit: RESULT_LIMIT });
      if (sequence !== this.#sequence) return [];
      this.results = results;
      this.highlighted = 0;
      this.answered = query;
      this.error = null;
      return results;
    } catch (error) {
      if (sequence === this.#sequence) this.error = errorMessage(error);
      return [];
    } finally {
      if (sequence === this.#sequence) this.loading = false;
    }
  }

  /** Empties the box and forgets results, including answers still on their way. */
  clear(): void {
    this.#cancelTimer();
    this.query = '';
    this.#reset();
  }

  /** Moves the highlight by `delta`, wrapping around. */
  move(delta: number): void {
    const count = this.results.length;
    if (count === 0) return;
    this.highlighted = (this.highlighted + delta + count) % count;
  }

  #reset(): void {
    this.#sequence += 1;
    this.results = [];
    this.highlighted = 0;
    this.loading = false;
    this.error = null;
    this.answered = '';
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
