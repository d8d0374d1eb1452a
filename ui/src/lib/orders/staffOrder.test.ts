// Tests the back-office checkout as a whole against the fake backend: a gift card order
// skips the address and delivery steps; a shipped order is priced by weight with the
// carrier chosen and placed with its address; a pay-later method leaves it awaiting its
// payment; refusals show by their code at the step that fixes them.
import { describe, expect, it } from 'vitest';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import { FakeBackend } from '../api/fake/fakeBackend';
import { StaffOrderDraft } from './staffOrder.svelte';

function setup(): { api: FakeBackend; draft: StaffOrderDraft } {
  const api = new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
  return { api, draft: new StaffOrderDraft(api, 'EUR') };
}

async function product(api: FakeBackend, sku: string): Promise<ProductSummary> {
  const found = (await api.searchProducts({ query: sku })).find((p) => p.sku === sku);
  if (!found) throw new Error(`no product ${sku}`);
  return found;
}

async function customer(api: FakeBackend, draft: StaffOrderDraft, name: string): Promise<void> {
  const [found] = await api.searchCustomers({ query: name });
  if (!found) throw new Error(`no customer ${name}`);
  draft.pickCustomer(found);
  await new Promise((resolve) => setTimeout(resolve, 0)); // the saved addresses arrive
}

describe('StaffOrderDraft', () => {
  it('skips the address and delivery steps when nothing ships', async () => {
    const { api, draft } = setup();
    await customer(api, draft, 'Jonas');
    expect(draft.steps).toEqual(['customer', 'products', 'address', 'carrier', 'payment']);
    draft.next();
    expect(draft.current).toBe('products');
    draft.addQuantity = 2;
    draft.add(await product(api, 'GIFT-025'));
    await draft.refreshQuote();
    expect(draft.quote?.needs_shipping).toBe(false);
    expect(draft.steps).toEqual(['customer', 'products', 'payment']);
    draft.next();
    expect(draft.current).toBe('payment');
    expect(draft.onLastStep).toBe(true);
    draft.back();
    expect(draft.current).toBe('products');

    draft.next();
    const receipt = await draft.create();
    expect(draft.problem).toBeNull();
    expect(receipt?.order.total).toBe('50.00');
    expect(receipt?.order.shipping_address).toBeNull();
    expect(receipt?.order.gift_cards).toHaveLength(2);
    expect(receipt?.order.gift_cards[0]?.initial).toBe('25.00');
  });

  it('checks the steps in between before jumping ahead', () => {
    const { draft } = setup();
    draft.goTo('payment');
    expect(draft.current).toBe('customer');
    expect(draft.problem?.message).toMatch(/Pick the customer/);
  });

  it('prefills the address, prices carriers by weight and places a shipped order', async () => {
    const { api, draft } = setup();
    await customer(api, draft, 'Anna');
    expect(draft.shipping).toMatchObject({ line1: 'Kerkstraat 12', city: 'Antwerpen', country_code: 'BE' });
    // Three 1 kg bags of beans: 3000 g, the second weight range of the post (8.90).
    draft.addQuantity = 3;
    draft.add(await product(api, 'DRI-004'));
    await draft.refreshQuote();
    expect(draft.quote?.weight_grams).toBe(3000);
    const post = draft.quote?.carriers.find((c) => c.code === 'post');
    expect(post?.price).toBe('8.90');
    expect(draft.quote?.carriers.map((c) => c.code)).toEqual(['pickup', 'post', 'courier']);

    draft.chooseCarrier('post');
    await draft.refreshQuote();
    expect(draft.quote?.shipping_total).toBe('8.90');
    expect(draft.quote?.total).toBe('53.60');
    expect(draft.quote?.taxes.map((t) => t.label)).toEqual(['VAT 6%', 'VAT 21%']);

    draft.tendered = '60';
    const receipt = await draft.create();
    expect(draft.problem).toBeNull();
    expect(receipt?.order).toMatchObject({
      carrier_name: 'Standard post',
      shipping_total: '8.90',
      total: '53.60',
      change_due: '6.40',
      status: 'payment_accepted',
    });
    expect(receipt?.order.shipping_address?.city).toBe('Antwerpen');
  });

  it('drops a carrier that no longer delivers the order', async () => {
    const { api, draft } = setup();
    await customer(api, draft, 'Anna');
    draft.add(await product(api, 'DRI-004'));
    draft.chooseCarrier('courier');
    await draft.refreshQuote();
    expect(draft.quote?.carrier_code).toBe('courier');
    draft.shipping = { ...draft.shipping, country_code: 'FR' };
    await draft.refreshQuote();
    expect(draft.carrierCode).toBeNull();
    expect(draft.carrierNotice).toMatch(/does not deliver to FR/);
  });

  it('adds a coupon only when the store takes it, and says why not by its code', async () => {
    const { api, draft } = setup();
    await customer(api, draft, 'Jonas');
    draft.addQuantity = 2;
    draft.add(await product(api, 'DRI-004'));
    draft.couponInput = 'save5';
    expect(await draft.addCoupon()).toBe(false);
    expect(draft.couponProblem?.code).toBe('coupon_minimum_not_reached');
    draft.couponInput = 'welcome10';
    expect(await draft.addCoupon()).toBe(true);
    expect(draft.couponCodes).toEqual(['WELCOME10']);
    expect(draft.quote?.discount_total).toBe('2.98');
    expect(draft.quote?.total).toBe('26.82');
  });

  it('places a new account with a pay-later method and the newsletter opt-in', async () => {
    const { api, draft } = setup();
    draft.setCustomerMode('account');
    draft.newName = 'Ada Lovelace';
    draft.newEmail = 'ada@example.com';
    draft.add(await product(api, 'STA-001'));
    draft.shipping = {
      name: 'Ada Lovelace',
      line1: 'Rue Neuve 1',
      line2: '',
      postal_code: '1000',
      city: 'Brussels',
      country_code: 'be',
    };
    await draft.refreshQuote();
    expect(draft.payLaterMethods.map((m) => m.code)).toEqual(['check', 'wire_transfer', 'cash_on_delivery']);
    draft.setPaymentMode('later', 'wire_transfer');
    draft.newsletter = true;
    const receipt = await draft.create();
    expect(draft.problem).toBeNull();
    expect(receipt?.order).toMatchObject({
      status: 'awaiting_wire',
      pay_later_method: 'wire_transfer',
      paid: '0.00',
    });
    const [created] = await api.searchCustomers({ query: 'Ada' });
    expect(created).toMatchObject({ kind: 'account', newsletter: true, email: 'ada@example.com' });
  });

  it('sends a refused payment back to the payment step with its code', async () => {
    const { api, draft } = setup();
    await customer(api, draft, 'Jonas');
    draft.add(await product(api, 'GIFT-050'));
    await draft.refreshQuote();
    draft.split.giftCode = 'KASS-A000-0000-0050';
    draft.split.giftAmount = '50';
    expect(draft.split.addGiftCard()).toBe(true);
    await draft.create();
    const first = await api.listGiftCards({ search: 'KASS' });
    expect(first[0]?.balance).toBe('0.00');

    const again = new StaffOrderDraft(api, 'EUR');
    await customer(api, again, 'Jonas');
    again.add(await product(api, 'GIFT-025'));
    await again.refreshQuote();
    again.split.giftCode = 'KASS-A000-0000-0050';
    again.split.giftAmount = '10';
    again.split.addGiftCard();
    again.step = 'products';
    expect(await again.create()).toBeNull();
    expect(again.problem?.code).toBe('gift_card_insufficient');
    expect(again.current).toBe('payment');
  });
});
