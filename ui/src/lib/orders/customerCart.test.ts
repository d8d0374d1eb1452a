// Tests an order made from a customer's cart against the fake backend: the checkout's
// customer step offers the customer's carts; choosing one replaces the draft's lines and
// sends its id with the quote and the order (the cart is then ordered and gone); "New
// cart" or another customer clears them; the customer page's "Open in new order" takes
// the same path.
import { describe, expect, it, vi } from 'vitest';
import type { CartSummary } from '../api/bindings/CartSummary';
import type { CheckoutDraft } from '../api/bindings/CheckoutDraft';
import type { CustomerSummary } from '../api/bindings/CustomerSummary';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import type { StaffOrderRequest } from '../api/bindings/StaffOrderRequest';
import { FakeBackend } from '../api/fake/fakeBackend';
import { OrdersStore } from './orders.svelte';
import { cartDraftLines, StaffOrderDraft } from './staffOrder.svelte';

function setup(): { api: FakeBackend; draft: StaffOrderDraft } {
  const api = new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
  return { api, draft: new StaffOrderDraft(api, 'EUR') };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function find(api: FakeBackend, name: string): Promise<CustomerSummary> {
  const [found] = await api.searchCustomers({ query: name });
  if (!found) throw new Error(`no customer ${name}`);
  return found;
}

async function annasCart(api: FakeBackend): Promise<{ anna: CustomerSummary; cart: CartSummary }> {
  const anna = await find(api, 'Anna');
  const [cart] = (await api.customerPage({ customer_id: anna.id })).carts;
  if (!cart) throw new Error('Anna has no cart');
  return { anna, cart };
}

async function product(api: FakeBackend): Promise<ProductSummary> {
  const [found] = await api.searchProducts({ query: 'GIFT-025' });
  if (!found) throw new Error('no product');
  return found;
}

describe('fake backend: a customer cart', () => {
  it('gives a demo customer a cart that cart_by_id shows', async () => {
    const { api } = setup();
    const { cart } = await annasCart(api);
    expect(cart.item_count).toBeGreaterThan(0);
    const view = await api.cartById({ cart_id: cart.cart_id });
    expect(view.cart_id).toBe(cart.cart_id);
    expect(view.lines.reduce((sum, line) => sum + line.quantity, 0)).toBe(cart.item_count);
  });

  it('lists customers for an empty search', async () => {
    const { api } = setup();
    const everyone = await api.searchCustomers({ query: '' });
    expect(everyone.length).toBeGreaterThan(1);
    expect(everyone.length).toBeLessThanOrEqual(20);
  });
});

describe('StaffOrderDraft: ordering a customer cart', () => {
  it('takes a cart lines with positive quantities', () => {
    const line = {
      line_id: 1,
      product_id: 7,
      sku: 'A',
      name: 'A',
      quantity: 2,
      unit_price: '1.50',
      tax: '0.09',
      total: '3.00',
      tax_label: 'VAT 6%',
      stock_warning: null,
      discount: '0.00',
    };
    const lines = cartDraftLines([line, { ...line, line_id: 2, product_id: 8, quantity: 0 }, line]);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.quantity).toBe(4);
    expect(lines[0]?.product.price).toBe('1.50');
  });

  it('offers the customer carts, replaces the lines and sends the cart id', async () => {
    const { api, draft } = setup();
    const { anna, cart } = await annasCart(api);
    draft.add(await product(api));
    draft.pickCustomer(anna);
    await settle();
    expect(draft.customerCarts.map((c) => c.cart_id)).toEqual([cart.cart_id]);
    expect(draft.sourceCart).toBeNull();

    expect(await draft.chooseCart(cart)).toBe(true);
    expect(draft.sourceCart?.cart_id).toBe(cart.cart_id);
    const view = await api.cartById({ cart_id: cart.cart_id });
    expect(draft.lines.map((l) => [l.product.id, l.quantity])).toEqual(
      view.lines.map((l) => [l.product_id, l.quantity]),
    );

    const quote = vi.spyOn(api, 'quoteCheckout');
    await draft.refreshQuote();
    expect((quote.mock.calls[0]?.[0] as CheckoutDraft).source_cart_id).toBe(cart.cart_id);
    expect(draft.quoteProblem).toBeNull();

    const create = vi.spyOn(api, 'createStaffOrder');
    draft.next();
    draft.next();
    expect(draft.current).toBe('address');
    draft.shipping = {
      name: 'Anna Peeters',
      line1: 'Kerkstraat 1',
      line2: '',
      postal_code: '2000',
      city: 'Antwerpen',
      country_code: 'BE',
    };
    draft.setPaymentMode('awaiting');
    await draft.refreshQuote();
    const receipt = await draft.create();
    expect(draft.problem).toBeNull();
    expect(receipt).not.toBeNull();
    expect((create.mock.calls[0]?.[0] as StaffOrderRequest).source_cart_id).toBe(cart.cart_id);
    // The cart is ordered: it is no longer among the customer's carts.
    expect((await api.customerPage({ customer_id: anna.id })).carts).toHaveLength(0);
  });

  it('clears the cart and its lines for a new cart or another customer', async () => {
    const { api, draft } = setup();
    const { anna, cart } = await annasCart(api);
    draft.pickCustomer(anna);
    await draft.chooseCart(cart);
    expect(draft.lines.length).toBeGreaterThan(0);

    await draft.chooseCart(null);
    expect(draft.sourceCart).toBeNull();
    expect(draft.lines).toEqual([]);
    expect(draft.quoteKey).toBeNull();

    await draft.chooseCart(cart);
    draft.changeCustomer();
    expect(draft.sourceCart).toBeNull();
    expect(draft.lines).toEqual([]);
    expect(draft.customerCarts).toEqual([]);

    draft.pickCustomer(anna);
    await draft.chooseCart(cart);
    draft.pickCustomer(await find(api, 'Jonas'));
    await settle();
    expect(draft.sourceCart).toBeNull();
    expect(draft.lines).toEqual([]);
    draft.add(await product(api));
    const sent = JSON.parse(draft.quoteKey ?? '{}') as CheckoutDraft;
    expect(sent.source_cart_id).toBeUndefined();

    draft.setCustomerMode('guest');
    expect(draft.sourceCart).toBeNull();
  });

  it('keeps typed lines when "New cart" is chosen without a cart', async () => {
    const { api, draft } = setup();
    draft.pickCustomer(await find(api, 'Anna'));
    draft.add(await product(api));
    await draft.chooseCart(null);
    expect(draft.lines).toHaveLength(1);
  });
});

describe('OrdersStore: open in new order', () => {
  it('opens the dialog with the customer and the cart chosen', async () => {
    const { api } = setup();
    const { anna, cart } = await annasCart(api);
    const orders = new OrdersStore(api, { currency: () => 'EUR', cashIncrement: () => 0, counted: () => {} });
    expect(await orders.orderFromCart(anna, cart)).toBe(true);
    const draft = orders.draft;
    expect(draft?.customer?.id).toBe(anna.id);
    expect(draft?.sourceCart?.cart_id).toBe(cart.cart_id);
    expect(draft?.lines.length).toBeGreaterThan(0);
    expect(draft?.current).toBe('products');
    // A second call while the dialog is open changes nothing.
    expect(await orders.orderFromCart(anna, cart)).toBe(false);
    orders.closeNewOrder();
    expect(orders.draft).toBeNull();
  });
});
