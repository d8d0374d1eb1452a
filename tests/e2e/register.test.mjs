// Drives the REAL desktop app through a register session on a fresh demo store: the counter
// reminds that the register is closed; the register is opened with a 100.00 float; one cash
// sale is rung up; 5.00 is taken out with a reason; the X report must expect float + cash
// taken − 5.00 in the drawer; the register is closed with the cash counted 0.50 short and
// the Z report must show a difference of −0.50 (its PDF written beside the database); then
// `kassa verify` must find the journal intact. Screenshots are kept in tests/artifacts/.
//
// Texts and amounts are read through the DOM (textContent and the `data-amount` attributes
// holding the core's decimal strings): WebKitWebDriver's getText returned empty strings for
// some elements of this app.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
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
import * as support from './support.mjs';

const database = freshDatabase('register');
let app;

before(async () => {
  cli(database, 'demo');
  app = await startApp(database);
  const scan = await app.browser.$('[data-testid="scan-input"]');
  await scan.waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the demo store opens on the counter' });
});

after(async () => {
  await app?.stop();
});

const click = (selector) => support.click(app.browser, selector);

const fill = (selector, value) => support.fill(app.browser, selector, value);

/** Waits until `selector` is displayed. */
async function shows(selector, timeoutMsg, timeout = 10_000) {
  const element = await app.browser.$(selector);
  await element.waitForDisplayed({ timeout, timeoutMsg });
}

const text = (selector) => support.textOf(app.browser, selector);

/** An attribute of the first element matching `selector`, or null. */
async function attribute(selector, name) {
  return app.browser.execute((css, attr) => document.querySelector(css)?.getAttribute(attr) ?? null, selector, name);
}

/** Waits until an attribute of the first match of `selector` passes `check`; returns it. */
async function waitForAttribute(selector, name, check, timeoutMsg) {
  let value = null;
  await app.browser.waitUntil(
    async () => {
      value = await attribute(selector, name);
      return value !== null && check(value);
    },
    { timeout: 10_000, timeoutMsg },
  );
  return value;
}

/** A decimal string of the core ("104.45", "-0.50") in cents, exactly. */
function cents(amount) {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  assert.ok(match, `${JSON.stringify(amount)} must be an amount with at most two decimals`);
  const value = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -value : value;
}

/** Cents as the decimal string a clerk would type. */
function decimal(value) {
  assert.ok(value >= 0, 'a count is not negative');
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;
}

const X_CASH = '[data-testid="x-report"] [data-testid="report-method"][data-method="cash"]';
const Z = '[data-testid="z-report"]';

test('a register session from the opening float to the Z report, with an intact journal', () =>
  withFailureScreenshot(app.browser, 'register', async () => {
    const { browser } = app;

    // The counter reminds that the register is closed; sales are not blocked by it.
    const hint = await browser.$('[data-testid="register-hint"]');
    await hint.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'a closed register shows the hint on the counter' });
    assert.match(await text('[data-testid="register-hint"]'), /Register closed/);
    await click('[data-testid="register-hint-open"]');

    // Open with a counted float of 100.00.
    await fill('[data-testid="register-float-input"]', '100.00');
    await click('[data-testid="register-open"]');
    await shows('[data-testid="register-session"]', 'the open session shows after opening');
    assert.equal(await attribute('[data-testid="register-state"]', 'data-state'), 'open');
    assert.equal(cents(await attribute('[data-testid="register-float"]', 'data-amount')), 10000, 'the float is 100.00');
    assert.equal(await text('[data-testid="register-session-number"]'), '1', 'the first session of R1');
    await waitForAttribute(
      `${X_CASH} [data-testid="report-expected"]`,
      'data-amount',
      (v) => cents(v) === 10000,
      'before any sale the drawer should hold the float',
    );

    // One cash sale at the counter; the hint is gone now.
    await click('[data-testid="nav-counter"]');
    const scan = await browser.$('[data-testid="scan-input"]');
    await scan.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await browser.$$('[data-testid="register-hint"]').length, 0, 'no hint while the register is open');
    await scan.click();
    await scan.addValue(`${demoBarcode(0)}\uE007`);
    await waitForCount(browser, '[data-testid="cart-line"]', 1, 'the scanned product is in the cart');
    await click('[data-testid="pay-cash"]');
    await fill('[data-testid="tendered-input"]', '50');
    await click('[data-testid="confirm-payment"]');
    await shows('[data-testid="receipt"]', 'the receipt shows after paying');
    const reference = await text('[data-testid="receipt-reference"]');
    assert.match(reference ?? '', /S1-R1-000001/);
    await click('[data-testid="new-sale"]');

    // What the sale put into the drawer, from the database.
    const [summary] = storedOrders(database);
    assert.equal(summary?.reference, 'S1-R1-000001', 'the sale is stored');
    const order = JSON.parse(cli(database, 'order', summary.reference));
    const cashTaken = order.payments
      .filter((payment) => payment.method === 'cash')
      .reduce((sum, payment) => sum + cents(payment.amount), 0);
    assert.ok(cashTaken > 0, 'the sale was paid in cash');

    // Back at the register: the X report counts the sale.
    await click('[data-testid="nav-register"]');
    await browser.waitUntil(
      async () => (await text('[data-testid="x-report"] [data-testid="report-orders"]')) === '1',
      {
        timeout: 10_000,
        timeoutMsg: 'the X report counts the one sale',
      },
    );
    const taken = await attribute(`${X_CASH} [data-testid="report-taken"]`, 'data-amount');
    assert.equal(cents(taken), cashTaken, 'the X report shows the cash the sale took');

    // Take 5.00 out with a reason.
    await click('[data-testid="register-cash-out"]');
    await fill('[data-testid="movement-amount"]', '5.00');
    await fill('[data-testid="movement-reason"]', 'Paid the window cleaner');
    await click('[data-testid="movement-confirm"]');
    await waitForCount(browser, '[data-testid="cash-movement-dialog"]', 0, 'the cash out dialog closes once saved');
    await waitForAttribute(
      '[data-testid="x-report"] [data-testid="report-cash-out"]',
      'data-amount',
      (v) => cents(v) === 500,
      'the X report shows 5.00 taken out',
    );
    assert.match(
      (await text('[data-testid="x-report"] [data-testid="report-movement"]')) ?? '',
      /Paid the window cleaner/,
      'the movement is listed with its reason',
    );

    // Expected cash = float + cash taken − cash out.
    const expectedCash = 10000 + cashTaken - 500;
    const expected = await waitForAttribute(
      `${X_CASH} [data-testid="report-expected"]`,
      'data-amount',
      (v) => cents(v) === expectedCash,
      `the X report must expect ${decimal(expectedCash)} in the drawer`,
    );
    assert.equal(cents(expected), expectedCash);
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, 'register-x-report.png'));

    // Close with the cash counted 0.50 short; the difference shows while typing.
    await click('[data-testid="register-close"]');
    const cashCount = '[data-testid="count-input"][data-method="cash"]';
    await shows(cashCount, 'the count form shows');
    assert.equal(
      cents(
        await attribute('[data-testid="count-line"][data-method="cash"] [data-testid="count-expected"]', 'data-amount'),
      ),
      expectedCash,
      'the count form expects what the X report expects',
    );
    await fill(cashCount, decimal(expectedCash - 50));
    await waitForAttribute(
      '[data-testid="count-total-difference"]',
      'data-amount',
      (v) => v !== '' && cents(v) === -50,
      'the count form shows −0.50 before closing',
    );
    await browser.saveScreenshot(join(artifacts, 'register-count.png'));
    await click('[data-testid="count-confirm"]');

    // The Z report: −0.50 on cash and in total, highlighted as short.
    await shows(Z, 'the Z report shows after closing', 15_000);
    assert.equal(await attribute(Z, 'data-kind'), 'z');
    const total = await attribute(`${Z} [data-testid="report-total-difference"]`, 'data-amount');
    assert.equal(cents(total), -50, 'the Z report shows a difference of −0.50');
    assert.match(await attribute(`${Z} [data-testid="report-total-difference"]`, 'class'), /\bshort\b/);
    const zCash = `${Z} [data-testid="report-method"][data-method="cash"]`;
    assert.equal(cents(await attribute(`${zCash} [data-testid="report-difference"]`, 'data-amount')), -50);
    assert.equal(cents(await attribute(`${zCash} [data-testid="report-counted"]`, 'data-amount')), expectedCash - 50);
    assert.equal(await attribute('[data-testid="register-state"]', 'data-state'), 'closed');
    const path = await text('[data-testid="z-saved-path"]');
    assert.match(path ?? '', /R1-z-report-1\.pdf$/, 'closing saved the Z report as a PDF');
    assert.ok(existsSync(path), `the Z report PDF exists at ${path}`);
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, 'register-z-report.png'));

    // The past sessions list the closed one.
    await waitForCount(browser, '[data-testid="session-row"]', 1, 'one past session');
    assert.equal(await attribute('[data-testid="session-row"]', 'data-number'), '1');
    assert.equal(await browser.$$('[data-testid="session-row"] [data-testid="session-view-z"]').length, 1);

    // Back at the counter, the hint is there again.
    await click('[data-testid="nav-counter"]');
    await shows('[data-testid="register-hint"]', 'the closed register shows the hint again');

    // The journal holds the sale and the closing, and is intact.
    const verification = JSON.parse(cli(database, 'verify'));
    assert.equal(verification.problem, null, 'kassa verify finds no problem');
    assert.ok(verification.entries >= 2, 'the sale and the closing are journaled');
    assert.match(verification.last_hash ?? '', /^[0-9a-f]{64}$/);
  }));
