// Tests the counter's payment session split over a gift card and cash: the card's balance
// fills what it can pay, the remaining and the cash due follow the parts, and one checkout
// takes every tender (the card's balance goes down). Cash is rounded to the smallest coin.
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
