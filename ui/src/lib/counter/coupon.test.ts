// Tests the counter's coupon entry: a refusal is shown by its code (unknown, expired,
// minimum not reached, not combinable) with the backend's message, an accepted code
// discounts the cart, and a coupon on the cart can be removed again.
import { describe, expect, it } from 'vitest';
import { demoProducts } from '../api/fake/catalog';
import { FakeBackend } from '../api/fake/fakeBackend';
import { CartStore } from '../cart/cart.svelte';
import { refusalTitle } from '../checkout/coupons';
import { CouponEntry } from './coupon.svelte';

function setup(): { api: FakeBackend; cart: CartStore; coupon: CouponEntry } {
  const api = new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
  const cart = new CartStore(api);
  return { api, cart, coupon: new CouponEntry(cart) };
}

const barcode = (sku: string): string => demoProducts().find((p) => p.sku === sku)?.barcode ?? '';

async function enter(coupon: CouponEntry, code: string): Promise<boolean> {
  coupon.code = code;
  return coupon.submit();
}

describe('CouponEntry', () => {
  it('shows why a code is refused, by its code', async () => {
    const { cart, coupon } = setup();
    await cart.scan(barcode('DRI-007'));

    expect(await enter(coupon, 'NOPE')).toBe(false);
    expect(coupon.problem?.code).toBe('coupon_unknown');
    expect(coupon.title).toBe('Unknown coupon');
    expect(coupon.code).toBe('NOPE');

    expect(await enter(coupon, 'summer24')).toBe(false);
    expect(coupon.problem?.code).toBe('coupon_expired');
    expect(coupon.title).toBe('Coupon expired');

    expect(await enter(coupon, 'WELCOME10')).toBe(false);
    expect(coupon.problem?.code).toBe('coupon_minimum_not_reached');
    expect(coupon.problem?.message).toMatch(/20\.00/);
    expect(cart.cart?.coupons).toEqual([]);
  });

  it('discounts the cart with an accepted code, refuses a second one, and removes it', async () => {
    const { cart, coupon } = setup();
    for (let i = 0; i < 4; i += 1) await cart.scan(barcode('DRI-007'));
    expect(cart.cart?.total).toBe('35.80');

    expect(await enter(coupon, 'welcome10')).toBe(true);
    expect(coupon.problem).toBeNull();
    expect(coupon.code).toBe('');
    expect(cart.cart?.coupons.map((c) => [c.code, c.amount])).toEqual([['WELCOME10', '3.58']]);
    expect(cart.cart?.discount_total).toBe('3.58');
    expect(cart.cart?.total).toBe('32.22');
    expect(cart.cart?.lines[0]?.discount).toBe('3.58');

    expect(await enter(coupon, 'SAVE5')).toBe(false);
    expect(coupon.problem?.code).toBe('coupon_not_combinable');

    await coupon.remove('WELCOME10');
    expect(cart.cart?.coupons).toEqual([]);
    expect(cart.cart?.total).toBe('35.80');
  });

  it('says when a coupon no longer applies after the cart changed', async () => {
    const { cart, coupon } = setup();
    await cart.scan(barcode('DRI-007'));
    await cart.scan(barcode('DRI-007'));
    await cart.scan(barcode('DRI-007'));
    expect(await enter(coupon, 'WELCOME10')).toBe(true);
    await cart.adjustLast(-2);
    expect(cart.cart?.coupon_notice).toMatch(/WELCOME10/);
    expect(cart.cart?.discount_total).toBe('0.00');
  });

  it('names every coupon refusal', () => {
    expect(refusalTitle('coupon_not_yet_valid')).toBe('Coupon not valid yet');
    expect(refusalTitle('coupon_used_up')).toBe('Coupon used up');
    expect(refusalTitle('coupon_not_for_customer')).toBe('Not for this customer');
    expect(refusalTitle('database', 'Coupon not applied')).toBe('Coupon not applied');
  });
});
