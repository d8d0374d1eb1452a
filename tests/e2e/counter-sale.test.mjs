// Drives the REAL desktop app (the Tauri debug binary with its embedded UI) through a
// counter sale on a fresh SQLite file: load the demo store, scan two barcodes, pay cash,
// see the receipt; then checks the database through the `kassa` CLI. A screenshot of the
// receipt screen is kept in tests/artifacts/ for people to look at.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  artifacts,
  demoBarcode,
  freshDatabase,
  startApp,
  storedOrders,
  waitForCount,
  withFailureScreenshot,
} from './support.mjs';

const database = freshDatabase('counter');
let app;

before(async () => {
  app = await startApp(database);
});

after(async () => {
  await app?.stop();
});

test('a counter sale from scan to receipt lands in SQLite', () =>
  withFailureScreenshot(app.browser, 'counter-sale', async () => {
    const { browser } = app;
    const loadDemo = await browser.$('[data-testid="load-demo"]');
    await loadDemo.waitForClickable({ timeout: 30_000, timeoutMsg: 'a fresh database must offer the demo store' });
    await loadDemo.click();

    const scan = await browser.$('[data-testid="scan-input"]');
    await scan.waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the counter shows the scan box after loading the demo' });
    // A scanner types fast and presses Enter; two scans in quick succession. (WebDriver's
    // element send-keys, U+E007 being Enter; WebKitWebDriver's key actions drop repeated
    // identical keys, which a scanner never does.)
    await scan.click();
    await scan.addValue(`${demoBarcode(0)}\uE007`);
    await scan.addValue(`${demoBarcode(110)}\uE007`);
    await waitForCount(browser, '[data-testid="cart-line"]', 2, 'both scanned products must be in the cart');
    const taxRows = await browser.$$('[data-testid="tax-row"]').length;
    assert.equal(taxRows, 2, 'bread (6 %) and a drink (21 %) show one tax row per rate');
    const total = await browser.$('[data-testid="cart-total"]').getText();
    assert.match(total, /\d/, 'the cart shows a total');

    await browser.$('[data-testid="pay-cash"]').click();
    const tendered = await browser.$('[data-testid="tendered-input"]');
    await tendered.waitForDisplayed({ timeout: 5_000 });
    await tendered.clearValue();
    await tendered.setValue('50');
    await browser.$('[data-testid="confirm-payment"]').click();

    const receipt = await browser.$('[data-testid="receipt"]');
    await receipt.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the receipt must show after paying' });
    const reference = await browser.$('[data-testid="receipt-reference"]').getText();
    assert.match(reference, /S1-R1-000001/, 'the first sale of register R1 has reference S1-R1-000001');
    const change = await browser.$('[data-testid="change-due"]').getText();
    assert.match(change, /\d/, 'the receipt shows the change due');
    await sleep(300);
    await browser.saveScreenshot(join(artifacts, 'receipt.png'));

    await browser.$('[data-testid="new-sale"]').click();
    await waitForCount(browser, '[data-testid="cart-line"]', 0, 'after the sale the counter starts a fresh, empty cart');
    await browser.saveScreenshot(join(artifacts, 'counter-after-sale.png'));

    const orders = storedOrders(database);
    assert.equal(orders.length, 1, 'exactly one order is stored');
    const [order] = orders;
    assert.equal(order.reference, 'S1-R1-000001');
    assert.equal(order.item_count, 2, 'the order holds the two scanned items');
    assert.equal(order.status, 'payment_accepted');
    assert.match(order.invoice_number, /^INV-\d{4}-000001$/, 'the sale has the first invoice of the year');
  }));
