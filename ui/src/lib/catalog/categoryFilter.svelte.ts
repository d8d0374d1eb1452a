// The counter's category filter beside the scan box: a list of "All categories" and the
// category tree (loaded again each time it opens, so a renamed or new category shows),
// one option highlighted for the arrow keys; choosing limits the search to that category
// and closes the list. While the list is open the scan box's focus keeper stands aside;
// the component hands the focus back when it closes.
import type { Backend } from '../api/backend';
import type { CategoryView } from '../api/bindings/CategoryView';
import { errorMessage } from '../api/errors';
import type { SearchStore } from './search.svelte';

export class CategoryFilter {
  categories = $state<CategoryView[]>([]);
  open = $state(false);
  /** Index in `options` of the highlighted option. */
  highlighted = $state(0);
  loading = $state(false);
  error = $state<string | null>(null);

  /** What can be chosen: null is "All categories", then the tree in display order. */
  readonly options: (CategoryView | null)[] = $derived([null, ...this.categories]);

  readonly search: SearchStore;
  readonly #backend: Backend;
  #sequence = 0;
  /** The clerk moved the highlight since the list opened. */
  #moved = false;

  constructor(backend: Backend, search: SearchStore) {
    this.#backend = backend;
    this.search = search;
  }

  /** Opens the list at the current choice and loads the tree again. */
  async show(): Promise<void> {
    this.open = true;
    this.#moved = false;
    this.#highlightChosen();
    await this.load();
  }

  async load(): Promise<void> {
    const sequence = ++this.#sequence;
    this.loading = true;
    this.error = null;
    try {
      const categories = await this.#backend.listCategories();
      if (sequence !== this.#sequence) return;
      const before = this.options[this.highlighted]?.id ?? null;
      this.categories = categories;
      // A renamed or moved category keeps the filter, with its new name and path.
      const chosen = this.search.category;
      const fresh = chosen && categories.find((category) => category.id === chosen.id);
      if (fresh && (fresh.path !== chosen.path || fresh.name !== chosen.name)) this.search.category = fresh;
      if (!this.#moved) this.#highlightChosen();
      else this.#highlight(before);
    } catch (error) {
      if (sequence === this.#sequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.#sequence) this.loading = false;
    }
  }

  close(): void {
    this.open = false;
  }

  /** Moves the highlight by `delta`, wrapping around. */
  move(delta: number): void {
    this.#moved = true;
    const count = this.options.length;
    this.highlighted = (this.highlighted + delta + count) % count;
  }

  /** Moves the highlight to the first (`'first'`) or last option. */
  moveTo(end: 'first' | 'last'): void {
    this.#moved = true;
    this.highlighted = end === 'first' ? 0 : this.options.length - 1;
  }

  /** Limits the search to `category` (null: every category) and closes the list. */
  choose(category: CategoryView | null): void {
    this.open = false;
    if ((category?.id ?? null) !== (this.search.category?.id ?? null)) void this.search.setCategory(category);
  }

  /** Chooses the highlighted option. */
  chooseHighlighted(): void {
    this.choose(this.options[this.highlighted] ?? null);
  }

  /** Drops the filter: the whole catalogue again. */
  clear(): void {
    this.choose(null);
  }

  #highlightChosen(): void {
    this.#highlight(this.search.category?.id ?? null);
  }

  /** Highlights the option of category `id` (null: all), or the first one when it is gone. */
  #highlight(id: number | null): void {
    this.highlighted = Math.max(
      0,
      this.options.findIndex((option) => (option?.id ?? null) === id),
    );
  }
}
