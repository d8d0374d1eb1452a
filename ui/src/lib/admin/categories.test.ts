// Tests adding, renaming and moving categories against the fake backend (which checks them
// as the core does): the parent picker leaves out the category's own branch, a name used
// by a sibling is refused at the name, a move under the category itself at the parent, and
// a rename shows in the product list.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from '../api/fake/fakeBackend';
import { ProductsStore } from './admin.svelte';
import {
  CategoryEditor,
  categoryNameProblem,
  categoryProblemField,
  parentOptions,
} from './categories.svelte';

function setup() {
  const api = new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
  const products = new ProductsStore(api);
  const editor = new CategoryEditor(api, () => products.load());
  return { api, products, editor };
}

describe('category form rules', () => {
  it('checks the name before sending it and places refusals by code', () => {
    expect(categoryNameProblem('  ')).toMatch(/Enter a name/);
    expect(categoryNameProblem('Drinks > Juice')).toMatch(/“>”/);
    expect(categoryNameProblem('x'.repeat(101))).toMatch(/at most 100/);
    expect(categoryNameProblem(' Juice ')).toBeNull();
    expect(categoryProblemField('duplicate_category', true)).toBe('name');
    expect(categoryProblemField('invalid_input', true)).toBe('parent');
    expect(categoryProblemField('invalid_input', false)).toBe('name');
  });

  it('offers every parent but the category itself and those below it', () => {
    const tree = [
      { id: 1, parent_id: null, name: 'Drinks', path: 'Drinks', depth: 0 },
      { id: 2, parent_id: 1, name: 'Juice', path: 'Drinks > Juice', depth: 1 },
      { id: 3, parent_id: null, name: 'Bakery', path: 'Bakery', depth: 0 },
    ];
    expect(parentOptions(tree, 1).map((o) => [o.category.id, o.disabled])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    expect(parentOptions(tree, null).every((o) => !o.disabled)).toBe(true);
  });
});

describe('CategoryEditor', () => {
  it('adds a subcategory, renames and moves it, and refuses a clash at the name', async () => {
    const { products, editor } = setup();
    await products.load();
    const drinks = products.categories.find((c) => c.path === 'Drinks');
    const bakery = products.categories.find((c) => c.path === 'Bakery');
    if (!drinks || !bakery) throw new Error('no demo categories');

    editor.startNew(drinks.id);
    if (!editor.form) throw new Error('no form');
    editor.form.name = ' Juice ';
    const juice = await editor.save();
    expect(juice).toMatchObject({ name: 'Juice', path: 'Drinks > Juice', parent_id: drinks.id, depth: 1 });
    expect(editor.form).toBeNull();
    expect(products.categories.some((c) => c.path === 'Drinks > Juice')).toBe(true);
    if (!juice) return;

    // Rename and move to the top level in one save.
    editor.edit(juice);
    const form = editor.form;
    if (!form) throw new Error('no form');
    form.name = 'Fresh juice';
    form.parentId = null;
    expect(await editor.save()).toMatchObject({ path: 'Fresh juice', parent_id: null, depth: 0 });

    // A sibling with the same name in another case is refused, at the name.
    editor.startNew();
    const clash = editor.form;
    if (!clash) throw new Error('no form');
    clash.name = 'bakery';
    expect(await editor.save()).toBeNull();
    expect(clash.problem?.code).toBe('duplicate_category');
    expect(clash.field).toBe('name');
    expect(editor.form).toBe(clash);
    clash.edited();
    expect(clash.problem).toBeNull();
  });

  it('refuses moving a category under one of its subcategories, at the parent', async () => {
    const { api, products, editor } = setup();
    await products.load();
    const drinks = products.categories.find((c) => c.path === 'Drinks');
    if (!drinks) throw new Error('no demo category');
    const juice = await api.saveCategory({ name: 'Juice', parent_id: drinks.id });
    await products.loadCategories();

    editor.edit(drinks);
    const form = editor.form;
    if (!form) throw new Error('no form');
    form.parentId = juice.id;
    expect(await editor.save()).toBeNull();
    expect(form.problem?.code).toBe('invalid_input');
    expect(form.problem?.message).toMatch(/cannot move under itself/);
    expect(form.field).toBe('parent');
    // Nothing changed.
    expect((await api.listCategories()).find((c) => c.id === drinks.id)?.parent_id).toBeNull();
  });

  it('shows a renamed category in the product list', async () => {
    const { products, editor } = setup();
    await products.load();
    const dairy = products.categories.find((c) => c.path === 'Dairy');
    if (!dairy) throw new Error('no demo category');
    products.categoryId = dairy.id;
    await products.refresh();
    expect(products.products.length).toBeGreaterThan(0);

    editor.edit(dairy);
    if (!editor.form) throw new Error('no form');
    editor.form.name = 'Milk & cheese';
    await editor.save();
    expect(products.products.length).toBeGreaterThan(0);
    expect(products.products.every((p) => p.category === 'Milk & cheese')).toBe(true);
  });
});
