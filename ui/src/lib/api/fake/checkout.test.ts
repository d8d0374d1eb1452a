// Tests that the fake backend keeps the core's checkout rules the UI relies on: coupons
// (by category, refusals by code), gift cards and store credit moving their balances,
// cash rounding, pay-later methods, gift cards issued by paid orders, and the owner's
// settings checked on save.
import { describe, expect, it } from 'vitest';
import { demoProducts } from './catalog';
import { DEMO_GIFT_CARD } from './giftCards';
import { FakeBackend } from './fakeBackend';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

const product = (sku: string) => {
  const found = demoProducts().find((p) => p.sku === sku);
  if (!found) throw new Error(`no demo product ${sku}`);
  return found;
};

const uuid = (): string => crypto.randomUUID();

describe('FakeBackend checkout', () => {
  it('takes a category coupon off the drinks only', async () => {
    const api = backend();
    await api.addToCart({ product_id: product('DRI-007').id, quantity: 1 });
    await api.addToCart({ product_id: product('HOU-004').id, quantity: 1 });
    const cart = await api.applyCoupon({ code: 'drinks20' });
    expect(cart.lines.map((l) => l.discount)).toEqual(['1.79', '0.00']);
    expect(cart.total).toBe('13.15');
    await expect(api.applyCoupon({ code: 'FREESHIP' })).rejects.toMatchObject({
      code: 'coupon_not_combinable',
    });
    await expect(api.removeCoupon({ code: 'SAVE5' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a coupon on an empty register and a cart with a stale coupon at checkout', async () => {
    const api = backend();
    await expect(api.applyCoupon({ code: 'WELCOME10' })).rejects.toMatchObject({ code: 'empty_cart' });
    const added = await api.addToCart({ product_id: product('DRI-007').id, quantity: 3 });
    await api.applyCoupon({ code: 'WELCOME10' });
    const line = added.lines[0];
    if (!line) throw new Error('no line');
    const cart = await api.setCartQuantity({ line_id: line.line_id, quantity: 1 });
    expect(cart.coupon_notice).toMatch(/WELCOME10/);
    await expect(
      api.checkout({
        order_uuid: uuid(),
        cart_id: cart.cart_id ?? 0,
        tenders: [{ method: 'cash', tendered: '20' }],
      }),
    ).rejects.toMatchObject({ code: 'coupon_minimum_not_reached' });
  });

  it('rounds cash to the smallest coin and records the rounding', async () => {
    const api = backend();
    await api.saveTaxSettings({
      price_mode: 'tax_inclusive',
      tax_rounding: 'per_line',
      cash_rounding_increment: '0.05',
    });
    const cart = await api.addToCart({ product_id: product('FRU-004').id, quantity: 1 });
    expect(cart.total).toBe('1.29');
    expect(cart.cash_total).toBe('1.30');
    const { order } = await api.checkout({
      order_uuid: uuid(),
      cart_id: cart.cart_id ?? 0,
      tenders: [{ method: 'cash', tendered: '2.00' }],
    });
    expect(order).toMatchObject({ total: '1.29', paid: '1.30', cash_rounding: '0.01', change_due: '0.70' });
    expect(order.status).toBe('payment_accepted');
  });

  it('redeems a gift card with its ledger, and refuses more than its balance', async () => {
    const api = backend();
    const cart = await api.addToCart({ product_id: product('GIF-001').id, quantity: 1 });
    const cartId = cart.cart_id ?? 0;
    await expect(
      api.checkout({
        order_uuid: uuid(),
        cart_id: cartId,
        tenders: [{ method: 'gift_card', code: 'nope', amount: '1' }],
      }),
    ).rejects.toMatchObject({ code: 'gift_card_unknown' });
    const { order } = await api.checkout({
      order_uuid: uuid(),
      cart_id: cartId,
      tenders: [{ method: 'gift_card', code: 'kass a000 0000 0050', amount: '12.95' }],
    });
    expect(order.payments[0]).toMatchObject({ method: 'gift_card', reference: DEMO_GIFT_CARD });
    const detail = await api.giftCard({ code: DEMO_GIFT_CARD });
    expect(detail.card.balance).toBe('37.05');
    expect(detail.ledger.map((e) => [e.kind, e.amount, e.order_reference])).toEqual([
      ['issued', '50.00', null],
      ['redeemed', '-12.95', order.reference],
    ]);

    const next = await api.addToCart({ product_id: product('GIFT-050').id, quantity: 1 });
    await expect(
      api.checkout({
        order_uuid: uuid(),
        cart_id: next.cart_id ?? 0,
        tenders: [{ method: 'gift_card', code: DEMO_GIFT_CARD, amount: '50.00' }],
      }),
    ).rejects.toMatchObject({ code: 'gift_card_insufficient' });
  });

  it('issues gift cards for paid gift card products and finds them by order', async () => {
    const api = backend();
    const cart = await api.addToCart({ product_id: product('GIFT-025').id, quantity: 2 });
    const { order } = await api.checkout({
      order_uuid: uuid(),
      cart_id: cart.cart_id ?? 0,
      tenders: [{ method: 'card', amount: '50.00' }],
    });
    expect(order.gift_cards).toHaveLength(2);
    expect(order.gift_cards[0]?.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const found = await api.listGiftCards({ search: order.reference });
    expect(found.map((c) => c.code).sort()).toEqual(order.gift_cards.map((c) => c.code).sort());
  });

  it('uses store credit only with a customer who has enough', async () => {
    const api = backend();
    const line = { product_id: product('STA-001').id, quantity: 1 };
    await expect(
      api.createStaffOrder({
        order_uuid: uuid(),
        customer_id: 2,
        lines: [line],
        coupon_codes: [],
        tenders: [{ method: 'store_credit', amount: '6.50' }],
      }),
    ).rejects.toMatchObject({ code: 'store_credit_insufficient' });
    const { order } = await api.createStaffOrder({
      order_uuid: uuid(),
      customer_id: 1,
      lines: [line],
      coupon_codes: [],
      tenders: [{ method: 'store_credit', amount: '6.50' }],
    });
    expect(order.status).toBe('payment_accepted');
    const credit = await api.storeCredit({ customer_id: 1 });
    expect(credit.balance).toBe('6.00');
    expect(credit.ledger.at(-1)).toMatchObject({
      kind: 'redeemed',
      amount: '-6.50',
      order_reference: order.reference,
    });
  });

  it('keeps pay-later methods apart from payments taken now', async () => {
    const api = backend();
    const request = { customer_id: 1, lines: [{ product_id: 1, quantity: 1 }], coupon_codes: [] };
    await expect(
      api.createStaffOrder({
        ...request,
        order_uuid: uuid(),
        tenders: [{ method: 'check', amount: '3.95' }],
      }),
    ).rejects.toMatchObject({ code: 'payment_invalid' });
    await expect(
      api.createStaffOrder({ ...request, order_uuid: uuid(), tenders: [], pay_later: 'card' }),
    ).rejects.toMatchObject({ code: 'payment_invalid' });
    const { order } = await api.createStaffOrder({
      ...request,
      order_uuid: uuid(),
      tenders: [{ method: 'cash', tendered: '1.00' }],
      pay_later: 'cash_on_delivery',
    });
    expect(order).toMatchObject({
      status: 'awaiting_cod',
      paid: '1.00',
      pay_later_method: 'cash_on_delivery',
    });
    const [cod] = (await api.listPaymentMethods()).filter((m) => m.code === 'cash_on_delivery');
    if (!cod) throw new Error('no cash on delivery');
    await api.savePaymentMethod({ ...cod, active: false });
    await expect(
      api.createStaffOrder({ ...request, order_uuid: uuid(), tenders: [], pay_later: 'cash_on_delivery' }),
    ).rejects.toMatchObject({ code: 'payment_method_unavailable' });
  });

  it('needs an address for a delivering carrier and quotes only pickup without one', async () => {
    const api = backend();
    const draft = {
      customer_id: 2,
      lines: [{ product_id: product('HOU-002').id, quantity: 2 }],
      coupon_codes: [],
    };
    const quote = await api.quoteCheckout(draft);
    expect(quote.carriers.map((c) => c.code)).toEqual(['pickup']);
    expect(quote.carrier_code).toBe('pickup');
    await expect(api.quoteCheckout({ ...draft, carrier_code: 'post' })).rejects.toMatchObject({
      code: 'address_required',
    });
    await expect(
      api.quoteCheckout({
        ...draft,
        carrier_code: 'post',
        shipping_address: {
          name: 'J',
          line1: 'x',
          line2: '',
          postal_code: '1',
          city: 'y',
          country_code: 'Belgium',
        },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('checks the settings on save', async () => {
    const api = backend();
    const [welcome] = (await api.listCoupons()).map((v) => v.coupon).filter((c) => c.code === 'WELCOME10');
    if (!welcome) throw new Error('no WELCOME10');
    await expect(api.saveCoupon({ ...welcome, percent: '120' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const saved = await api.saveCoupon({ ...welcome, code: 'autumn', percent: '12.5' });
    expect(saved).toMatchObject({ coupon: { code: 'AUTUMN', percent: '12.5' }, times_used: 0 });

    const [post] = (await api.listCarriers()).filter((c) => c.code === 'post');
    if (!post) throw new Error('no post');
    await expect(
      api.saveCarrier({ ...post, ranges: [...post.ranges, { from: '1000', to: '3000', price: '1.00' }] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const renamed = await api.saveCarrier({ ...post, name: 'Post', countries: ['be', 'nl'] });
    expect(renamed).toMatchObject({ name: 'Post', countries: ['BE', 'NL'] });

    const [card] = await api.listPaymentMethods();
    if (!card) throw new Error('no method');
    await expect(api.savePaymentMethod({ ...card, initial_status: 'nowhere' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(
      api.saveTaxRate({ class_code: 'luxury', country_code: null, label: 'X', percent: '30' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const taxes = await api.saveTaxRate({
      class_code: 'standard',
      country_code: 'fr',
      label: 'TVA 20%',
      percent: '20',
    });
    expect(taxes.rates).toContainEqual({
      class_code: 'standard',
      country_code: 'FR',
      label: 'TVA 20%',
      percent: '20',
    });
  });
});
