// Drives the REAL desktop app through staff accounts on a fresh demo store: in open mode
// Settings → Staff creates the owner (signed in at once) and a clerk; switching to the
// clerk with her PIN hides what a clerk may not use (the dashboard, the store settings);
// a wrong PIN is refused at the PIN field; switching back to the owner shows the dashboard
// with today's sale. The staff rows are checked in SQLite with the CLI afterwards (the
// order's history names who rang it up).
//
// Texts are read through the DOM (textContent): WebKitWebDriver's getText returned empty
// strings for some elements of this app.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
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

const database = freshDatabase('staff');
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

const text = (selector) => support.textOf(app.browser, selector);

async function exists(selector) {
  return app.browser.execute((css) => document.querySelector(css) !== null, selector);
}

async function waitForText(selector, check, timeoutMsg) {
  let seen = null;
  await app.browser.waitUntil(
    async () => {
      seen = await text(selector);
      return seen !== null && check(seen);
    },
    { timeout: 10_000, timeoutMsg: `${timeoutMsg} (saw ${JSON.stringify(seen)})` },
  );
  return seen;
}

async function addStaff(name, role, password, pin) {
  await fill('[data-testid="staff-form-name"]', name);
  const select = await app.browser.$('[data-testid="staff-form-role"]');
  await select.selectByAttribute('value', role);
  if (password) await fill('[data-testid="staff-form-password"]', password);
  await fill('[data-testid="staff-form-pin"]', pin);
  await click('[data-testid="staff-form-submit"]');
  await waitForText('[data-testid="staff-list"]', (list) => list.includes(name), `${name} is listed`);
}

async function switchTo(name, pin) {
  await click('[data-testid="staff-switch"]');
  await click(`[data-testid="staff-pick"][data-name="${name}"]`);
  await fill('[data-testid="staff-pin"]', `${pin}\uE007`);
}

test('staff accounts: the owner, a clerk who sees less, a wrong PIN, and the dashboard', () =>
  withFailureScreenshot(app.browser, 'staff', async () => {
    const { browser } = app;
    // A sale while the store has no staff: it acts as the register.
    const scan = await browser.$('[data-testid="scan-input"]');
    await scan.click();
    await scan.addValue(`${demoBarcode(0)}\uE007`);
    await waitForCount(browser, '[data-testid="cart-line"]', 1, 'the scanned product is in the cart');
    await click('[data-testid="pay-cash"]');
    await fill('[data-testid="tendered-input"]', '50');
    await click('[data-testid="confirm-payment"]');
    await (await browser.$('[data-testid="receipt"]')).waitForDisplayed({ timeout: 10_000 });
    await click('[data-testid="new-sale"]');

    // Settings → Staff in open mode: the first account is the owner, signed in at once.
    await click('[data-testid="nav-settings"]');
    await (await browser.$('[data-testid="settings-staff"]')).waitForDisplayed({ timeout: 10_000 });
    await addStaff('Olga', 'owner', 'owner password 1', '1111');
    await waitForText('[data-testid="staff-current"]', (name) => name.includes('Olga'), 'the owner is signed in');
    await addStaff('Clara', 'clerk', null, '3333');
    await browser.saveScreenshot(join(artifacts, 'staff-settings.png'));

    // A wrong PIN is refused at the field; the right one switches to the clerk.
    await switchTo('Clara', '0000');
    await (await browser.$('[data-testid="staff-pin-error"]')).waitForDisplayed({
      timeout: 10_000,
      timeoutMsg: 'a wrong PIN is refused at the PIN field',
    });
    await fill('[data-testid="staff-pin"]', '3333\uE007');
    await waitForText('[data-testid="staff-current"]', (name) => name.includes('Clara'), 'the clerk is signed in');
    await browser.waitUntil(async () => !(await exists('[data-testid="nav-dashboard"]')), {
      timeout: 10_000,
      timeoutMsg: 'a clerk has no dashboard',
    });
    assert.ok(await exists('[data-testid="nav-counter"]'), 'a clerk keeps the counter');
    await browser.saveScreenshot(join(artifacts, 'staff-clerk.png'));

    // Back to the owner: the dashboard shows today's sale.
    await switchTo('Olga', '1111');
    await waitForText('[data-testid="staff-current"]', (name) => name.includes('Olga'), 'the owner is back');
    await click('[data-testid="nav-dashboard"]');
    await waitForText('[data-testid="period-today-orders"]', (orders) => /\b1\b/.test(orders), "today's one sale");
    await browser.saveScreenshot(join(artifacts, 'dashboard.png'));

    const [order] = storedOrders(database);
    const detail = JSON.parse(cli(database, 'order', order.reference));
    assert.equal(detail.history[0].changed_by, 'Register R1', 'before any staff existed the register rang it up');
  }));
