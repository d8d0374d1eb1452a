// Tests the counter's payment session split over a gift card and cash: the card's balance
// fills what it can pay, the remaining and the cash due follow the parts, and one checkout
// takes every tender (the card's balance goes down). Cash is rounded to the smallest coin.
// With a customer on the sale, their store credit is a part too, capped at the credit and
// the amount due; its refusal shows at that part.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from '../api/fake/fakeBackend';
import { demoProducts } from '../api/fake/catalog';
import { DEMO_GIFT_CARD } from '../api/fake/giftCards';
import { toMinor } from '../money/money';
import { PaymentSession } from './payment.svelte';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

const barcode = (sku: string): string => {
  const found = demoProducts().find((p) => p.sku === sku)?.barcode;
  if (!found) throw new Error(`no demo barcode for ${sku}`);
  return found;
};

/** A cart of two bottles of wine and a candle: 17.90 + 12.95 = 30.85. */
async function session(api: FakeBackend, increment = 0): Promise<PaymentSession> {
  await api.scanBarcode({ barcode: barcode('DRI-007') });
  await api.scanBarcode({ barcode: barcode('DRI-007') });
  const { cart } = await api.scanBarcode({ barcode: barcode('GIF-001') });
  if (cart.cart_id === null) throw new Error('no cart');
  return new PaymentSession(api, { ...cart, cart_id: cart.cart_id }, 'cash', increment);
}

/** Anna Peeters (12.50 store credit) on a sale of `skus`; `credit` pretends her credit is that. */
async function creditSession(api: FakeBackend, skus: string[], credit?: string): Promise<PaymentSession> {
  for (const sku of skus) await api.scanBarcode({ barcode: barcode(sku) });
  const cart = await api.setCartCustomer({ customer_id: 1 });
  if (cart.cart_id === null || !cart.customer) throw new Error('no cart with a customer');
  const customer = credit === undefined ? cart.customer : { ...cart.customer, store_credit: credit };
  return new PaymentSession(api, { ...cart, customer, cart_id: cart.cart_id }, 'cash');
}

describe('PaymentSession split', () => {
  it('takes part from a gift card and the rest in cash, in one checkout', async () => {
    const api = backend();
    const payment = await session(api);
    expect(payment.totalMinor).toBe(3085);
    expect(payment.tendered).toBe('30.85');

    payment.split.giftCode = DEMO_GIFT_CARD.toLowerCase().replaceAll('-', ' ');
    await payment.split.checkGiftCard();
    expect(payment.split.giftCode).toBe(DEMO_GIFT_CARD);
    // The card holds 50.00: it can pay the whole sale, so it fills in the amount due.
    expect(payment.split.giftAmount).toBe('30.85');
    payment.split.giftAmount = '20';
    expect(payment.split.addGiftCard()).toBe(true);

    expect(payment.isSplit).toBe(true);
    expect(payment.remainingMinor).toBe(1085);
    expect(payment.totalMinor).toBe(1085);
    expect(payment.tendered).toBe('10.85');
    payment.tendered = '20';

    const receipt = await payment.confirm();
    expect(payment.problem).toBeNull();
    expect(receipt?.order.payments.map((p) => [p.method, p.amount])).toEqual([
      ['gift_card', '20.00'],
      ['cash', '10.85'],
    ]);
    expect(receipt?.order.change_due).toBe('9.15');
    const { card } = await api.giftCard({ code: DEMO_GIFT_CARD });
    expect(card.balance).toBe('30.00');
  });

  it('needs no cash once the parts pay everything', async () => {
    const api = backend();
    const payment = await session(api);
    payment.split.giftCode = DEMO_GIFT_CARD;
    await payment.split.checkGiftCard();
    expect(payment.split.addGiftCard()).toBe(true);
    expect(payment.remainingMinor).toBe(0);
    const receipt = await payment.confirm();
    expect(receipt?.order.payments.map((p) => p.method)).toEqual(['gift_card']);
  });

  it('shows a refused gift card by its code and adds nothing', async () => {
    const api = backend();
    const payment = await session(api);
    payment.split.giftCode = 'KASS-0000-0000-9999';
    await payment.split.checkGiftCard();
    expect(payment.split.giftProblem?.code).toBe('gift_card_unknown');
    payment.split.giftCode = DEMO_GIFT_CARD;
    payment.split.giftAmount = '40';
    expect(payment.split.addGiftCard()).toBe(false);
    expect(payment.split.giftProblem?.message).toMatch(/more than the 30\.85 still due/);
    expect(payment.parts).toEqual([]);
  });

  it('adds a card part and leaves cash for the rest', async () => {
    const api = backend();
    const payment = await session(api);
    payment.split.cardAmount = '30.00';
    expect(payment.split.addCard()).toBe(true);
    expect(payment.remainingMinor).toBe(85);
    const receipt = await payment.confirm();
    expect(receipt?.order.payments.map((p) => [p.method, p.amount])).toEqual([
      ['card', '30.00'],
      ['cash', '0.85'],
    ]);
  });

  it('asks the cash total when cash pays all, and the rest rounded after a part', async () => {
    const api = backend();
    await api.saveTaxSettings({
      price_mode: 'tax_inclusive',
      tax_rounding: 'per_line',
      cash_rounding_increment: '0.05',
    });
    const payment = await session(api, 5);
    expect(payment.cashTotal).toBe('30.85');
    // 30.85 is already a multiple of five cents: take a part that leaves 10.83.
    payment.split.giftCode = DEMO_GIFT_CARD;
    payment.split.giftAmount = '20.02';
    expect(payment.split.addGiftCard()).toBe(true);
    expect(payment.remainingMinor).toBe(1083);
    expect(payment.cashDueMinor).toBe(1085);
    const receipt = await payment.confirm();
    expect(receipt?.order.cash_rounding).toBe('0.02');
    expect(toMinor(receipt?.order.paid ?? '0')).toBe(3087);
  });
});

describe('PaymentSession with store credit', () => {
  it('offers nothing without a customer', async () => {
    const payment = await session(backend());
    expect(payment.storeCreditMinor).toBe(0);
  });

  it("takes the customer's credit first and cash for the rest, in one checkout", async () => {
    const api = backend();
    const payment = await creditSession(api, ['DRI-007', 'DRI-007', 'GIF-001']);
    expect(payment.storeCreditMinor).toBe(1250);
    // Left empty, the amount is as much as there is credit and is due.
    expect(payment.split.addStoreCredit(payment.storeCreditMinor)).toBe(true);
    expect(payment.parts).toEqual([{ method: 'store_credit', amountMinor: 1250 }]);
    expect(payment.remainingMinor).toBe(1835);
    expect(payment.tendered).toBe('18.35');
    // No credit left for a second part.
    payment.split.creditAmount = '1';
    expect(payment.split.addStoreCredit(payment.storeCreditMinor)).toBe(false);
    expect(payment.split.creditProblem?.code).toBe('store_credit_insufficient');

    payment.tendered = '20';
    const receipt = await payment.confirm();
    expect(payment.problem).toBeNull();
    expect(receipt?.order.payments.map((p) => [p.method, p.amount])).toEqual([
      ['store_credit', '12.50'],
      ['cash', '18.35'],
    ]);
    expect((await api.storeCredit({ customer_id: 1 })).balance).toBe('0.00');
  });

  it('never takes more credit than is due', async () => {
    const api = backend();
    const payment = await creditSession(api, ['DRI-003']);
    expect(payment.split.addStoreCredit(payment.storeCreditMinor)).toBe(true);
    expect(payment.parts).toEqual([{ method: 'store_credit', amountMinor: 95 }]);
    expect(payment.remainingMinor).toBe(0);
    const receipt = await payment.confirm();
    expect(receipt?.order.payments.map((p) => [p.method, p.amount])).toEqual([['store_credit', '0.95']]);
    expect((await api.storeCredit({ customer_id: 1 })).balance).toBe('11.55');
  });

  it('shows the refusal of credit the customer no longer has at the store credit part', async () => {
    const api = backend();
    // The sale was opened when the customer seemed to have 50.00.
    const payment = await creditSession(api, ['DRI-007', 'DRI-007', 'GIF-001'], '50.00');
    payment.split.creditAmount = '20';
    expect(payment.split.addStoreCredit(payment.storeCreditMinor)).toBe(true);
    expect(await payment.confirm()).toBeNull();
    expect(payment.problem).toBeNull();
    expect(payment.split.creditProblem?.code).toBe('store_credit_insufficient');
    // Taking the part away clears it.
    payment.split.remove(0);
    expect(payment.split.creditProblem).toBeNull();
    expect(payment.parts).toEqual([]);
  });
});
