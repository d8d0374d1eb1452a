// The full checkout in the REAL desktop app on a fresh demo store: a counter sale paid
// part with a gift card and part in cash, a coupon refused at the counter with its
// reason, and a phone order shipped with a carrier chosen by weight. The database is
// checked through the `kassa` CLI afterwards.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  artifacts,
  cli,
  demoBarcode,
  freshDatabase,
  startApp,
  storedOrders,
  waitForCount,
  withFailureScreenshot,
} from './support.mjs';

/** The demo store's gift card with 50.00 on it (`kassa_core::demo::DEMO_GIFT_CARD`). */
const DEMO_GIFT_CARD = 'KASS-A000-0000-0050';

const database = freshDatabase('checkout');
let app;

before(async () => {
  cli(database, 'demo');
  app = await startApp(database);
});

after(async () => {
  await app?.stop();
});

async function scanBox(browser) {
  const scan = await browser.$('[data-testid="scan-input"]');
  await scan.waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the counter shows the scan box' });
  await scan.click();
  return scan;
}

test('a coupon that does not apply is refused at the counter with its reason', () =>
  withFailureScreenshot(app.browser, 'coupon-refused', async () => {
    const { browser } = app;
    const scan = await scanBox(browser);
    await scan.addValue(`${demoBarcode(0)}\uE007`);
    await waitForCount(browser, '[data-testid="cart-line"]', 1, 'the scanned bread is in the cart');

    const coupon = await browser.$('[data-testid="coupon-input"]');
    await coupon.waitForDisplayed({ timeout: 5_000 });
    await coupon.setValue('SUMMER24');
    await browser.$('[data-testid="coupon-apply"]').click();
    const refusal = await browser.$('[data-testid="coupon-error"]');
    await refusal.waitForDisplayed({ timeout: 5_000, timeoutMsg: 'an expired coupon is refused' });
    assert.equal(await refusal.getAttribute('data-code'), 'coupon_expired');
    assert.match(await refusal.getText(), /SUMMER24/, 'the reason names the coupon');

    await coupon.clearValue();
    await coupon.setValue('WELCOME10');
    await browser.$('[data-testid="coupon-apply"]').click();
    await browser.waitUntil(async () => (await refusal.getAttribute('data-code')) === 'coupon_minimum_not_reached', {
      timeout: 5_000,
      timeoutMsg: 'a cart under 20.00 does not reach WELCOME10’s minimum',
    });
    assert.match(await refusal.getText(), /20[.,]00/, 'the reason says the minimum');
    await browser.saveScreenshot(join(artifacts, 'coupon-refused.png'));
  }));

test('a counter sale is paid part with a gift card and part in cash', () =>
  withFailureScreenshot(app.browser, 'split-payment', async () => {
    const { browser } = app;
    const scan = await scanBox(browser);
    await scan.addValue(`${demoBarcode(110)}\uE007`);
    await waitForCount(browser, '[data-testid="cart-line"]', 2, 'bread and a drink are in the cart');

    await browser.$('[data-testid="pay-cash"]').click();
    const code = await browser.$('[data-testid="gift-card-code"]');
    await code.waitForDisplayed({ timeout: 5_000 });
    await code.setValue(DEMO_GIFT_CARD);
    const amount = await browser.$('[data-testid="gift-card-amount"]');
    await amount.clearValue();
    await amount.setValue('2.00');
    await browser.$('[data-testid="gift-card-add"]').click();
    const remaining = await browser.$('[data-testid="split-remaining"]');
    await remaining.waitForDisplayed({ timeout: 5_000 });

    const tendered = await browser.$('[data-testid="tendered-input"]');
    await tendered.waitForDisplayed({ timeout: 5_000 });
    await tendered.clearValue();
    await tendered.setValue('20');
    await browser.$('[data-testid="confirm-payment"]').click();

    const receipt = await browser.$('[data-testid="receipt"]');
    await receipt.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the receipt shows after the split payment' });
    await sleep(300);
    await browser.saveScreenshot(join(artifacts, 'split-payment-receipt.png'));
    await browser.$('[data-testid="new-sale"]').click();

    const [order] = storedOrders(database);
    assert.equal(order.status, 'payment_accepted');
    assert.equal(order.item_count, 2);
    const card = JSON.parse(cli(database, 'gift-card', DEMO_GIFT_CARD));
    assert.equal(card.card.balance, '48.00', 'the gift card paid 2.00 and keeps the rest');
    assert.deepEqual(
      card.ledger.map((entry) => entry.kind),
      ['issued', 'redeemed'],
    );
    assert.equal(card.ledger[1].order_reference, order.reference);
  }));

test('a phone order is shipped with a carrier chosen by weight', () =>
  withFailureScreenshot(app.browser, 'phone-order', async () => {
    const { browser } = app;
    const nav = await browser.$('[data-testid="nav-orders"]');
    await nav.waitForClickable({ timeout: 10_000 });
    await nav.click();
    await browser.$('[data-testid="new-order"]').click();

    // Customer: an existing demo customer.
    await browser.$('[data-testid="checkout-panel-customer"]').waitForDisplayed({ timeout: 10_000 });
    await browser.$('[data-testid="customer-search"]').setValue('Amélie');
    const customer = await browser.$('[data-testid="customer-result"]');
    await customer.waitForClickable({ timeout: 5_000 });
    await customer.click();

    // Products: 12 large bottles of water, 21 kg — too heavy for the courier.
    await browser.$('[data-testid="checkout-next"]').click();
    await browser.$('[data-testid="checkout-panel-products"]').waitForDisplayed({ timeout: 5_000 });
    const quantity = await browser.$('[data-testid="staff-add-quantity"]');
    await quantity.clearValue();
    await quantity.setValue('12');
    await browser.$('[data-testid="staff-product-search"]').setValue(demoBarcode(109));
    const product = await browser.$('[data-testid="product-result"]');
    await product.waitForClickable({ timeout: 5_000 });
    await product.click();
    await waitForCount(browser, '[data-testid="staff-line"]', 1, 'the water is on the order');
    assert.equal(await browser.$('[data-testid="staff-line-quantity"]').getValue(), '12');
    await browser.$('[data-testid="checkout-next"]').click();

    // Address in Belgium.
    await browser.$('[data-testid="checkout-panel-address"]').waitForDisplayed({ timeout: 5_000 });
    const address = {
      name: 'Amélie Dubois',
      line1: '12 Rue Haute',
      postal_code: '1000',
      city: 'Brussels',
      country_code: 'BE',
    };
    for (const [field, value] of Object.entries(address)) {
      const input = await browser.$(`[data-testid="address-${field}"]`);
      await input.clearValue();
      await input.setValue(value);
    }
    await browser.$('[data-testid="checkout-next"]').click();

    // Carrier: offered by weight — the courier (up to 5 kg) is not.
    await browser.$('[data-testid="checkout-panel-carrier"]').waitForDisplayed({ timeout: 5_000 });
    await browser.$('[data-testid="carrier-option-post"]').waitForDisplayed({ timeout: 5_000 });
    assert.equal(await browser.$('[data-testid="carrier-option-courier"]').isExisting(), false, 'too heavy for the courier');
    assert.equal(await browser.$('[data-testid="carrier-option-freight"]').isExisting(), true, 'freight takes 20 kg and more');
    await browser.$('[data-testid="carrier-option-post"]').click();
    await browser.$('[data-testid="checkout-next"]').click();

    // Payment: by wire transfer, later.
    await browser.$('[data-testid="checkout-panel-payment"]').waitForDisplayed({ timeout: 5_000 });
    await browser.$('[data-testid="pay-later-wire_transfer"]').click();
    const total = await browser.$('[data-testid="checkout-total"]').getText();
    assert.match(total, /\d/);
    await browser.saveScreenshot(join(artifacts, 'phone-order-checkout.png'));
    await browser.$('[data-testid="place-order"]').click();

    await browser.$('[data-testid="order-detail"]').waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the new order opens' });
    assert.match(await browser.$('[data-testid="order-carrier"]').getText(), /Standard post/);
    await sleep(300);
    await browser.saveScreenshot(join(artifacts, 'phone-order.png'));
    const summary = storedOrders(database).find((candidate) => candidate.reference.startsWith('S1-BO-'));
    assert.ok(summary, 'the phone order is stored');
    const order = JSON.parse(cli(database, 'order', summary.reference));
    assert.equal(order.status, 'awaiting_wire');
    assert.equal(order.pay_later_method, 'wire_transfer');
    assert.equal(order.shipping_address.country_code, 'BE');
    assert.equal(order.carrier_name, 'Standard post');
    assert.equal(order.shipping_total, '14.90', '21 kg by post costs 14.90');
  }));
