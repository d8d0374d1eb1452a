// Tests the counter's sale dialogs against the fake backend: a product with variations
// opens the chooser and the chosen variation is added; a customer is created and attached
// without leaving the sale; a sale is parked with a name and resumed.
import { describe, expect, it } from 'vitest';
import { demoProducts } from '../api/fake/catalog';
import { FakeBackend } from '../api/fake/fakeBackend';
import { CartStore } from '../cart/cart.svelte';
import { SearchStore } from '../catalog/search.svelte';
import { CounterController } from './counter.svelte';
import { CartCustomer, ParkedCarts, VariationChooser, variationLabel } from './counterSale.svelte';
import type { FocusKeeper } from './focus';

function setup() {
  const api = new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
  const cart = new CartStore(api);
  const variations = new VariationChooser(api);
  const counter = new CounterController(
    cart,
    new SearchStore(api),
    { restore: () => undefined } as unknown as FocusKeeper,
    variations,
  );
  return { api, cart, variations, counter };
}

const barcode = (index: number): string => demoProducts().filter((p) => p.barcode)[index]?.barcode ?? '';

describe('VariationChooser', () => {
  it('asks which variation for a parent and adds the chosen one', async () => {
    const { api, cart, variations, counter } = setup();
    const [parent] = await api.searchProducts({ query: 'Kassa T-shirt' });
    expect(parent?.has_variations).toBe(true);
    if (!parent) return;
    counter.pick(parent);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await cart.idle();
    expect(variations.choice?.variants?.variations.map(variationLabel)).toEqual(['S', 'M']);
    const medium = variations.choice?.variants?.variations[1];
    if (!medium) return;
    counter.pickVariation(medium);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await cart.idle();
    expect(variations.choice).toBeNull();
    expect(cart.lines.map((line) => line.sku)).toEqual(['TEE-M']);
  });

  it('refuses to add the parent itself', async () => {
    const { api } = setup();
    const [parent] = await api.searchProducts({ query: 'Kassa T-shirt' });
    await expect(api.addToCart({ product_id: parent?.id ?? 0, quantity: 1 })).rejects.toMatchObject({
      code: 'choose_variation',
    });
  });
});

describe('CartCustomer', () => {
  it('creates a customer and attaches it to the sale', async () => {
    const { api, cart } = setup();
    await cart.scan(barcode(0));
    const entry = new CartCustomer(api, cart);
    entry.show();
    entry.startNew();
    entry.newName = 'Counter Customer';
    expect(await entry.createAndAttach()).toBe(true);
    expect(cart.cart?.customer?.name).toBe('Counter Customer');
    expect(cart.lines).toHaveLength(1);
    expect(await entry.attach(null)).toBe(true);
    expect(cart.cart?.customer).toBeNull();
  });

  it('asks for a name before creating', async () => {
    const { api, cart } = setup();
    const entry = new CartCustomer(api, cart);
    entry.startNew();
    expect(await entry.createAndAttach()).toBe(false);
    expect(entry.error).toMatch(/name/);
  });
});

describe('ParkedCarts', () => {
  it('parks a named sale and resumes it, parking the one being rung up', async () => {
    const { api, cart } = setup();
    const parked = new ParkedCarts(api, cart);
    await cart.scan(barcode(0));
    parked.startParking();
    parked.name = 'Red coat';
    expect(await parked.park()).toBe(true);
    expect(cart.isEmpty).toBe(true);
    await cart.scan(barcode(1));
    await parked.showList();
    expect(parked.carts.map((c) => c.name)).toEqual(['Red coat']);
    const first = parked.carts[0];
    if (!first) return;
    expect(await parked.resume(first.cart_id)).toBe(true);
    expect(cart.cart?.name).toBe('Red coat');
    expect(cart.lines[0]?.sku).toBe(demoProducts().filter((p) => p.barcode)[0]?.sku);
    await parked.showList();
    expect(parked.carts).toHaveLength(1);
    const other = parked.carts[0];
    if (!other) return;
    await parked.discard(other.cart_id);
    expect(parked.carts).toHaveLength(0);
  });
});
