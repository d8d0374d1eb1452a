// The owner's category tree on the products screen: a category is added, renamed or moved
// (under another parent, or to the top) in one form. The parent picker offers every
// category but the one being edited and those below it. A refusal shows at its field:
// `duplicate_category` at the name; `invalid_input` at the parent when the form moved the
// category (the name's own rules are checked here first), else at the name.
import type { Backend } from '../api/backend';
import type { CategoryView } from '../api/bindings/CategoryView';
import type { ErrorCode } from '../api/bindings/ErrorCode';
import { problemOf, type Problem } from '../api/errors';
import { subtreeIds } from '../catalog/categories';

export const MAX_CATEGORY_NAME = 100;

export type CategoryField = 'name' | 'parent';

/** What is wrong with a category name before it is sent (as the core checks it), or null. */
export function categoryNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a name for the category.';
  if ([...trimmed].length > MAX_CATEGORY_NAME)
    return `A category name has at most ${MAX_CATEGORY_NAME} characters.`;
  if (trimmed.includes('>')) return 'A category name cannot contain “>”: it separates the levels of a path.';
  return null;
}

/** The field a refusal of the save belongs to, by its code and whether the form moved the category. */
export function categoryProblemField(code: ErrorCode | null, moved: boolean): CategoryField {
  return code === 'invalid_input' && moved ? 'parent' : 'name';
}

/** A parent the form offers, and whether it cannot be chosen (the category itself or one below it). */
export interface ParentOption {
  category: CategoryView;
  disabled: boolean;
}

/** The parents offered for category `id` (null: a new one): the whole tree, minus its own branch. */
export function parentOptions(categories: readonly CategoryView[], id: number | null): ParentOption[] {
  const own = id === null ? null : subtreeIds(categories, id);
  return categories.map((category) => ({ category, disabled: own?.has(category.id) ?? false }));
}

/** A category being added (`id` null) or renamed and moved. */
export class CategoryForm {
  readonly id: number | null;
  /** The parent it had when the form opened (null: at the top). */
  readonly originalParent: number | null;
  /** Its path when the form opened (empty for a new one). */
  readonly path: string;
  name = $state('');
  parentId = $state<number | null>(null);
  saving = $state(false);
  problem = $state<Problem | null>(null);
  field = $state<CategoryField | null>(null);

  constructor(category: CategoryView | null, parentId: number | null = null) {
    this.id = category?.id ?? null;
    this.originalParent = category ? category.parent_id : parentId;
    this.path = category?.path ?? '';
    this.name = category?.name ?? '';
    this.parentId = this.originalParent;
  }

  /** Whether saving moves the category (or puts a new one under a parent). */
  get moved(): boolean {
    return this.id === null ? this.parentId !== null : this.parentId !== this.originalParent;
  }

  edited(): void {
    this.problem = null;
    this.field = null;
  }
}

/** Adds, renames and moves categories; `saved` reloads the tree (and what shows category names). */
export class CategoryEditor {
  form = $state<CategoryForm | null>(null);

  readonly #backend: Backend;
  readonly #saved: () => Promise<void>;

  constructor(backend: Backend, saved: () => Promise<void>) {
    this.#backend = backend;
    this.#saved = saved;
  }

  startNew(parentId: number | null = null): void {
    if (this.form === null) this.form = new CategoryForm(null, parentId);
  }

  edit(category: CategoryView): void {
    if (this.form === null) this.form = new CategoryForm(category);
  }

  close(): void {
    if (this.form?.saving) return;
    this.form = null;
  }

  /** Saves the form; resolves with the saved category, or null when refused (shown at its field). */
  async save(): Promise<CategoryView | null> {
    const form = this.form;
    if (!form || form.saving) return null;
    form.edited();
    const nameProblem = categoryNameProblem(form.name);
    if (nameProblem !== null) {
      form.problem = { code: null, message: nameProblem };
      form.field = 'name';
      return null;
    }
    form.saving = true;
    try {
      const saved = await this.#backend.saveCategory({
        ...(form.id === null ? {} : { id: form.id }),
        name: form.name.trim(),
        ...(form.parentId === null ? {} : { parent_id: form.parentId }),
      });
      if (this.form === form) this.form = null;
      await this.#saved();
      return saved;
    } catch (error) {
      form.problem = problemOf(error);
      form.field = categoryProblemField(form.problem.code, form.moved);
      return null;
    } finally {
      form.saving = false;
    }
  }
}
