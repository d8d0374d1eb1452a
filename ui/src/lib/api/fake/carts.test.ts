// Tests the fake backend's carts as the core keeps them: a line of a product no longer for
// sale stays at quantity 0 with "not sold" (in the cart and in a staff quote) and is left
// out of the sale; a sale of only such lines is refused; a short line in a quote says how
// many are in stock; the cart settings reload a customer's cart and decide which carts
// count as abandoned. The counter's +/− on a held-back last line never sells it by itself.
import { describe, expect, it, vi } from 'vitest';
import { CartStore } from '../../cart/cart.svelte';
import { BackendError } from '../errors';
import { demoProducts } from './catalog';
import { FakeBackend } from './fakeBackend';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

const product = (sku: string) => {
  const found = demoProducts().find((p) => p.sku === sku);
  if (!found?.barcode) throw new Error(`no demo product ${sku}`);
  return { id: found.id, barcode: found.barcode };
};

describe('held-back cart lines', () => {
  it('keeps a product no longer for sale at 0, not sold, and sells the rest', async () => {
    const api = backend();
    const cola = product('DRI-003');
    const milk = product('DAI-001');
    await api.scanBarcode({ barcode: cola.barcode });
    await api.addToCart({ product_id: milk.id, quantity: 2 });
    await api.setProductActive({ product_id: cola.id, active: false });

    const cart = await api.currentCart();
    const held = cart.lines.find((line) => line.product_id === cola.id);
    expect(held).toMatchObject({ quantity: 0, total: '0.00', stock_warning: 'No longer for sale: not sold' });
    expect(cart.total).toBe('2.38');
    expect(cart.item_count).toBe(2);

    if (cart.cart_id === null) throw new Error('no cart');
    const receipt = await api.checkout({
      order_uuid: crypto.randomUUID(),
      cart_id: cart.cart_id,
      tenders: [{ method: 'cash', tendered: '5.00' }],
    });
    expect(receipt.order.lines.map((line) => [line.sku, line.quantity])).toEqual([['DAI-001', 2]]);
  });

  it('refuses a sale of only held-back lines, saying why', async () => {
    const api = backend();
    const cola = product('DRI-003');
    const { cart } = await api.scanBarcode({ barcode: cola.barcode });
    await api.setProductActive({ product_id: cola.id, active: false });
    const refusal = await api
      .checkout({ order_uuid: crypto.randomUUID(), cart_id: cart.cart_id ?? 0, tenders: [] })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BackendError);
    expect((refusal as BackendError).code).toBe('empty_cart');
    expect((refusal as BackendError).message).toMatch(/Nothing in the cart can be sold now/);
  });

  it('puts the stock warning on the lines of a staff quote', async () => {
    const api = backend();
    const cola = product('DRI-003');
    const water = product('DRI-001');
    await api.setProductActive({ product_id: cola.id, active: false });
    const { stock_on_hand: stock } = await api.getProduct({ product_id: water.id });
    expect(stock).toBeGreaterThan(0);
    const quote = await api.quoteCheckout({
      lines: [
        { product_id: cola.id, quantity: 2 },
        { product_id: water.id, quantity: stock + 1 },
      ],
      coupon_codes: [],
    });
    expect(quote.lines.map((line) => [line.sku, line.quantity, line.stock_warning])).toEqual([
      ['DRI-003', 0, 'No longer for sale: not sold'],
      ['DRI-001', stock + 1, `Only ${stock} in stock`],
    ]);
  });

  it('never raises a held-back last line to 1 on "−"', async () => {
    const api = backend();
    const cola = product('DRI-003');
    const cart = new CartStore(api);
    await cart.scan(cola.barcode);
    await api.setProductActive({ product_id: cola.id, active: false });
    await cart.load();
    expect(cart.lastLine?.quantity).toBe(0);
    expect(cart.nothingToSell).toBe(true);
    const setQuantity = vi.spyOn(api, 'setCartQuantity');
    await cart.adjustLast(-1);
    expect(setQuantity).not.toHaveBeenCalled();
    await cart.adjustLast(1);
    expect(setQuantity).toHaveBeenCalledWith({ line_id: cart.lastLine?.line_id, quantity: 1 });
  });
});

describe('cart settings in the fake', () => {
  it("reloads the customer's last cart for an empty sale only when switched on", async () => {
    const api = backend();
    await api.saveCartSettings({ reload_customer_cart: false, abandoned_cart_hours: 24 });
    expect((await api.setCartCustomer({ customer_id: 1 })).lines).toEqual([]);
    await api.setCartCustomer({ customer_id: null });

    await api.saveCartSettings({ reload_customer_cart: true, abandoned_cart_hours: 24 });
    const reloaded = await api.setCartCustomer({ customer_id: 1 });
    expect(reloaded.lines.length).toBe(2);
    expect(reloaded.customer?.id).toBe(1);
    expect(reloaded.name).toBe('Phone order');
  });

  it('lists carts unchanged for the hours set as abandoned', async () => {
    const api = backend();
    // The demo customer's web cart was last changed two days ago.
    expect((await api.abandonedCarts()).map((cart) => cart.customer?.id)).toEqual([1]);
    await api.saveCartSettings({ reload_customer_cart: false, abandoned_cart_hours: 72 });
    expect(await api.abandonedCarts()).toEqual([]);
  });
});
