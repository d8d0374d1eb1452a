// Tests the counter's category filter against the fake backend: a chosen category lists its
// products while the scan box is empty, a search stays within it (subcategories included),
// clearing the box keeps the filter and clearing the filter drops it; the list's keyboard
// highlight; a renamed category keeps the filter; Enter in the empty box adds the
// highlighted product of the listed category.
import { describe, expect, it, vi } from 'vitest';
import type { CategoryView } from '../api/bindings/CategoryView';
import { FakeBackend } from '../api/fake/fakeBackend';
import { draftOf, inputOf } from '../admin/admin.svelte';
import { CartStore } from '../cart/cart.svelte';
import { CounterController } from '../counter/counter.svelte';
import type { FocusKeeper } from '../counter/focus';
import { CategoryFilter } from './categoryFilter.svelte';
import { SearchStore } from './search.svelte';

function setup() {
  const api = new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
  const search = new SearchStore(api);
  const filter = new CategoryFilter(api, search);
  return { api, search, filter };
}

async function category(filter: CategoryFilter, path: string): Promise<CategoryView> {
  await filter.load();
  const found = filter.categories.find((c) => c.path === path);
  if (!found) throw new Error(`no category ${path}`);
  return found;
}

/** Waits until the search has answered the current query and category. */
async function answered(search: SearchStore): Promise<void> {
  await vi.waitFor(() => expect(search.done).toBe(true));
}

describe('CategoryFilter with the search', () => {
  it('lists the category, searches within it and keeps it until it is cleared', async () => {
    const { search, filter } = setup();
    const bakery = await category(filter, 'Bakery');

    search.input('chocolat');
    await answered(search);
    expect(search.results.map((p) => p.category).sort()).toEqual(['Bakery', 'Pantry']);

    filter.choose(bakery);
    expect(filter.open).toBe(false);
    expect(search.category?.id).toBe(bakery.id);
    await answered(search);
    expect(search.results.map((p) => p.name)).toEqual(['Pain au chocolat']);

    // An empty box lists the category's products.
    search.clear();
    expect(search.active).toBe(true);
    await answered(search);
    expect(search.answered).toBe('');
    expect(search.results.length).toBe(4);
    expect(search.results.every((p) => p.category === 'Bakery')).toBe(true);

    filter.clear();
    expect(search.category).toBeNull();
    expect(search.active).toBe(false);
    expect(search.results).toEqual([]);
  });

  it('includes the products of subcategories', async () => {
    const { api, search, filter } = setup();
    const drinks = await category(filter, 'Drinks');
    const juice = await api.saveCategory({ name: 'Juice', parent_id: drinks.id });
    const [orange] = await api.searchProducts({ query: 'Orange juice' });
    if (!orange) throw new Error('no orange juice');
    const input = inputOf({
      ...draftOf(await api.getProduct({ product_id: orange.id })),
      categoryId: juice.id,
    });
    if ('field' in input) throw new Error(input.message);
    await api.saveProduct(input);

    filter.choose(await category(filter, 'Drinks'));
    await answered(search);
    expect(search.results.length).toBe(7);
    expect(search.results.find((p) => p.id === orange.id)?.category).toBe('Juice');

    filter.choose(await category(filter, 'Drinks > Juice'));
    await answered(search);
    expect(search.results.map((p) => p.id)).toEqual([orange.id]);
  });

  it('moves the highlight with wrap-around and opens at the chosen category', async () => {
    const { search, filter } = setup();
    await filter.show();
    expect(filter.open).toBe(true);
    expect(filter.options[0]).toBeNull();
    expect(filter.highlighted).toBe(0);
    filter.move(-1);
    expect(filter.highlighted).toBe(filter.options.length - 1);
    filter.moveTo('first');
    filter.move(2);
    const second = filter.options[2];
    filter.chooseHighlighted();
    expect(filter.open).toBe(false);
    expect(search.category?.id).toBe(second?.id);

    await filter.show();
    expect(filter.highlighted).toBe(2);
    filter.close();
    expect(filter.open).toBe(false);
  });

  it('keeps a renamed category as the filter, with its new path', async () => {
    const { api, search, filter } = setup();
    const dairy = await category(filter, 'Dairy');
    filter.choose(dairy);
    await answered(search);
    await api.saveCategory({ id: dairy.id, name: 'Milk & cheese' });
    await filter.load();
    expect(search.category).toMatchObject({ id: dairy.id, path: 'Milk & cheese' });
  });
});

describe('CounterController with a category listed', () => {
  it('adds the highlighted product on Enter in the empty box', async () => {
    const { api, search, filter } = setup();
    const cart = new CartStore(api);
    const counter = new CounterController(cart, search, {
      restore: () => undefined,
    } as unknown as FocusKeeper);
    expect(counter.submit('')).toBe(false);

    filter.choose(await category(filter, 'Dairy'));
    await answered(search);
    search.move(1);
    const chosen = search.current;
    expect(counter.submit('')).toBe(true);
    await vi.waitFor(() => expect(cart.lines.map((l) => l.product_id)).toEqual([chosen?.id]));
    // The category stays listed for the next item.
    expect(search.category?.path).toBe('Dairy');
    expect(search.results.length).toBe(5);
  });
});
