// The back office in the REAL desktop app, on a demo store with 40 past orders made by
// `kassa demo --orders 40`: filtering the order list, a mass fulfil where one order fails
// and the rest succeed, and canceling a paid order with its refund. The database is
// checked through the `kassa` CLI afterwards.
//
// The generated history is deterministic: order n (1-based) is on register R((n-1)%3+1)
// with sequence (n-1)/3+1; n%20 = 1 awaits payment, 0 is canceled, 2 shipped, 3 delivered,
// 4 processing, the rest are paid ("payment_accepted").

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { artifacts, cli, freshDatabase, startApp, storedOrders, waitForCount, withFailureScreenshot } from './support.mjs';

const database = freshDatabase('back-office');
let app;

before(async () => {
  cli(database, 'demo', '--orders', '40');
  app = await startApp(database);
});

after(async () => {
  await app?.stop();
});

/** The order row showing `reference`. */
async function row(browser, reference) {
  const rows = await browser.$$('[data-testid="order-row"]');
  for (const candidate of rows) {
    if ((await candidate.getProperty('textContent')).includes(reference)) return candidate;
  }
  throw new Error(`no order row shows ${reference}`);
}

async function openOrders(browser) {
  const nav = await browser.$('[data-testid="nav-orders"]');
  await nav.waitForClickable({ timeout: 30_000 });
  await nav.click();
  await browser.$('[data-testid="order-row"]').waitForDisplayed({ timeout: 10_000 });
}

test('the order list filters by search and status', () =>
  withFailureScreenshot(app.browser, 'order-filters', async () => {
    const { browser } = app;
    await openOrders(browser);
    await waitForCount(browser, '[data-testid="order-row"]', 30, 'the first page lists the 30 newest orders');

    await browser.$('[data-testid="order-search"]').setValue('S1-R2-000003');
    await waitForCount(browser, '[data-testid="order-row"]', 1, 'searching a reference finds that order only');
    assert.match(await browser.$('[data-testid="order-row"]').getProperty('textContent'), /S1-R2-000003/);

    await browser.$('[data-testid="clear-filters"]').click();
    await waitForCount(browser, '[data-testid="order-row"]', 30, 'clearing the filters lists everything again');
    await browser.$('[data-testid="filter-status"]').selectByAttribute('value', 'awaiting_payment');
    await waitForCount(browser, '[data-testid="order-row"]', 2, 'orders 1 and 21 await payment');
    await browser.saveScreenshot(join(artifacts, 'orders-filtered.png'));
    await browser.$('[data-testid="clear-filters"]').click();
    await waitForCount(browser, '[data-testid="order-row"]', 30, 'the list is whole again');
  }));

test('a mass fulfil reports the order that failed and fulfils the rest', () =>
  withFailureScreenshot(app.browser, 'mass-fulfil', async () => {
    const { browser } = app;
    // Order 21 (S1-R3-000007) awaits payment; orders 25 and 26 are paid.
    for (const reference of ['S1-R3-000007', 'S1-R1-000009', 'S1-R2-000009']) {
      await (await row(browser, reference)).$('[data-testid="order-select"]').click();
    }
    await browser.$('[data-testid="mass-actions"]').waitForDisplayed({ timeout: 5_000 });
    await browser.$('[data-testid="mass-fulfil"]').click();
    const summary = await browser.$('[data-testid="job-summary"]');
    await summary.waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the job ends with a summary' });
    const failures = await browser.$$('[data-testid="job-failure"]');
    assert.equal(failures.length, 1, 'exactly one order failed');
    const failure = await failures[0].getProperty('textContent');
    assert.match(failure, /S1-R3-000007/, 'the failure names the order');
    assert.match(failure, /only paid orders can be fulfilled/, 'and the rule it broke');
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, 'mass-fulfil-report.png'));

    const byReference = new Map(storedOrders(database).map((order) => [order.reference, order]));
    assert.equal(byReference.get('S1-R1-000009').status, 'shipped');
    assert.equal(byReference.get('S1-R2-000009').status, 'shipped');
    assert.equal(byReference.get('S1-R3-000007').status, 'awaiting_payment', 'the failed order is untouched');
  }));

test('canceling a paid order refunds it with a credit note', () =>
  withFailureScreenshot(app.browser, 'cancel-refund', async () => {
    const { browser } = app;
    const close = await browser.$('[data-testid="job-close"]');
    if (await close.isDisplayed()) await close.click();
    // Order 27 (S1-R3-000009) is paid.
    await (await row(browser, 'S1-R3-000009')).$('[data-testid="order-open"]').click();
    await browser.$('[data-testid="order-detail"]').waitForDisplayed({ timeout: 10_000 });
    await browser.$('[data-testid="status-select"]').selectByAttribute('value', 'canceled');
    await browser.$('[data-testid="status-note"]').setValue('Customer called to cancel');
    await browser.$('[data-testid="apply-status"]').click();
    const confirm = await browser.$('[data-testid="confirm-yes"]');
    if (await confirm.isExisting()) await confirm.click();
    const creditNote = await browser.$('[data-testid="credit-note"]');
    await creditNote.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the refund shows its credit note' });
    assert.match(await creditNote.getProperty('textContent'), /CN-\d{4}-000001/, 'the first credit note of the year');
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, 'order-canceled-with-refund.png'));

    const order = storedOrders(database).find((candidate) => candidate.reference === 'S1-R3-000009');
    assert.equal(order.status, 'canceled');

    // The invoice PDF of the same order, made from its snapshot and read back.
    await browser.$('[data-testid="doc-invoice"]').click();
    const saved = await browser.$('[data-testid="doc-saved"]');
    await saved.waitForDisplayed({ timeout: 15_000, timeoutMsg: 'the invoice PDF is saved' });
    const path = (await saved.getProperty('textContent')).match(/(\/\S+\.pdf)/)?.[1];
    assert.ok(path && existsSync(path), `the PDF exists at the path shown: ${path}`);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    assert.match(text, /INV-\d{4}-\d{6}/, 'the invoice number is on the PDF');
    assert.match(text, /Kassa Demo Store/, 'the store is on the PDF');
  }));
