// Product search behind the scan box: debounced while typing, answers that arrive after a
// newer query (or after the box was cleared) are dropped, and one result is highlighted
// for the arrow keys and Enter. With a category chosen the search stays within it
// (subcategories included) and an empty box lists the category's products; clearing the
// box keeps the category, only `setCategory(null)` drops it.
import type { Backend } from '../api/backend';
import type { CategoryView } from '../api/bindings/CategoryView';
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
  /** The current results answer the current query and category (an empty list means none match). */
  done = $state(false);
  /** The category the search is limited to; null for the whole catalogue. */
  category = $state<CategoryView | null>(null);

  /** Something to show: a query typed, or a category chosen (its products are listed). */
  readonly active: boolean = $derived(this.query.trim() !== '' || this.category !== null);
  readonly current: ProductSummary | undefined = $derived(this.results[this.highlighted]);

  readonly #backend: Backend;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sequence = 0;
  /** What the last search asked for (query and category), while its answer stands or is coming. */
  #asked: string | null = null;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** Called on every keystroke: searches once typing pauses. */
  input(query: string): void {
    this.query = query;
    this.#cancelTimer();
    if (query.trim() === '' && this.category === null) {
      this.#reset();
      return;
    }
    this.done = false;
    this.#timer = setTimeout(() => void this.run(), SEARCH_DEBOUNCE_MS);
  }

  /** Limits the search to a category (null: the whole catalogue) and searches again at once. */
  setCategory(category: CategoryView | null): Promise<ProductSummary[]> {
    this.#cancelTimer();
    this.category = category;
    this.#reset();
    return this.run();
  }

  /** Searches for the current query now; resolves with its results (or [] if outdated). */
  async run(): Promise<ProductSummary[]> {
    this.#cancelTimer();
    const query = this.query.trim();
    const category = this.category;
    const sequence = ++this.#sequence;
    if (query === '' && category === null) return [];
    this.#asked = this.#key(query, category);
    this.loading = true;
    this.done = false;
    try {
      const results =
        category === null
          ? await this.#backend.searchProducts({ query, limit: RESULT_LIMIT })
          : await this.#backend.searchCatalog({ query, category_id: category.id, limit: RESULT_LIMIT });
      if (sequence !== this.#sequence) return [];
      this.results = results;
      this.highlighted = 0;
      this.answered = query;
      this.error = null;
      this.done = true;
      return results;
    } catch (error) {
      if (sequence === this.#sequence) {
        this.error = errorMessage(error);
        this.#asked = null;
      }
      return [];
    } finally {
      if (sequence === this.#sequence) this.loading = false;
    }
  }

  /**
   * Empties the box and forgets results, including answers still on their way. With a
   * category chosen, its products are listed again (unless they already are).
   */
  clear(): void {
    this.#cancelTimer();
    const listed =
      this.category !== null && this.query === '' && this.#asked === this.#key('', this.category);
    this.query = '';
    if (listed) return;
    this.#reset();
    if (this.category !== null) void this.run();
  }

  /** Moves the highlight by `delta`, wrapping around. */
  move(delta: number): void {
    const count = this.results.length;
    if (count === 0) return;
    this.highlighted = (this.highlighted + delta + count) % count;
  }

  #key(query: string, category: CategoryView | null): string {
    return `${category?.id ?? ''}\u0000${query}`;
  }

  #reset(): void {
    this.#sequence += 1;
    this.#asked = null;
    this.results = [];
    this.highlighted = 0;
    this.loading = false;
    this.error = null;
    this.answered = '';
    this.done = false;
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
