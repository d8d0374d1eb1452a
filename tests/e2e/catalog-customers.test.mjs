// Drives the REAL desktop app through the catalogue, customers and carts: importing a CSV
// of products whose one bad row is refused (nothing imported) and then the corrected file;
// choosing a variation at the counter; parking and resuming a sale; creating a customer
// from the counter without leaving the sale and checking the order's customer through the
// `kassa` CLI; limiting the counter's search to a category of the demo catalogue.
// Screenshots are kept in tests/artifacts/.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { artifacts, cli, demoBarcode, freshDatabase, startApp, waitForCount, withFailureScreenshot } from './support.mjs';
import * as support from './support.mjs';

const database = freshDatabase('catalog-customers');
const files = mkdtempSync(join(tmpdir(), 'kassa-e2e-csv-'));
let app;

const HEADER = 'sku,name,parent_sku,attributes,category,price,tax_class,barcodes,stock';
const GOOD_ROWS = [
  'E2E-TEE,E2E Tee,,,Clothing > Shirts,15.00,standard,,0',
  'E2E-TEE-S,E2E Tee S,E2E-TEE,Size=S,Clothing > Shirts,15.00,standard,,5',
  'E2E-TEE-M,E2E Tee M,E2E-TEE,Size=M,Clothing > Shirts,16.00,standard,,5',
];
const BAD_ROW = 'E2E-BAD,E2E Bad price,,,Clothing,-3.00,standard,,1';

before(async () => {
  cli(database, 'demo');
  app = await startApp(database);
  const scan = await app.browser.$('[data-testid="scan-input"]');
  await scan.waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the demo store opens on the counter' });
});

after(async () => {
  await app?.stop();
});

async function $(selector) {
  return app.browser.$(selector);
}

const click = (selector) => support.click(app.browser, selector);

async function scan(barcode) {
  const input = await $('[data-testid="scan-input"]');
  await input.click();
  await input.clearValue();
  await input.addValue(`${barcode}\uE007`);
}

async function lineNames() {
  const lines = await app.browser.$$('[data-testid="cart-line"]');
  const names = [];
  for (const line of lines) names.push(await line.getText());
  return names;
}

/** Chooses a CSV file in the import card: the file input, else the path field. */
async function chooseCsv(path) {
  const { browser } = app;
  const before = await browser.$$('[data-testid="import-preview"]').length;
  const fileInput = await $('[data-testid="import-file"]');
  try {
    await fileInput.setValue(path);
    await browser.waitUntil(async () => (await browser.$$('[data-testid="import-preview"]').length) > 0, {
      timeout: 5_000,
    });
    return;
  } catch {
    assert.equal(before, 0);
  }
  const pathInput = await $('[data-testid="import-path"]');
  await pathInput.setValue(path);
  await pathInput.addValue('\uE004');
  await (await $('[data-testid="import-preview"]')).waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the preview shows' });
}

test('a CSV with a bad row is refused with its line and column; the corrected file imports', () =>
  withFailureScreenshot(app.browser, 'catalog-import', async () => {
    const { browser } = app;
    const bad = join(files, 'products-bad.csv');
    writeFileSync(bad, [HEADER, ...GOOD_ROWS, BAD_ROW, ''].join('\n'));
    await click('[data-testid="nav-products"]');
    await chooseCsv(bad);

    await waitForCount(browser, '[data-testid="import-problem"]', 1, 'the preview lists exactly the one bad row');
    assert.equal(await (await $('[data-testid="import-problem-line"]')).getText(), '5', 'the bad row is line 5');
    assert.equal(await (await $('[data-testid="import-problem-column"]')).getText(), 'price');
    await browser.saveScreenshot(join(artifacts, 'import-preview-rejected.png'));

    // Any refused row means nothing is imported.
    await click('[data-testid="import-start"]');
    const failure = await $('[data-testid="import-error"]');
    await failure.waitForDisplayed({ timeout: 20_000, timeoutMsg: 'an import with a refused row fails' });
    const search = await $('[data-testid="product-search"]');
    await search.setValue('E2E');
    await sleep(800);
    assert.equal(await browser.$$('[data-testid="product-row"]').length, 0, 'nothing of the refused file was imported');

    const good = join(files, 'products-good.csv');
    writeFileSync(good, [HEADER, ...GOOD_ROWS, ''].join('\n'));
    await chooseCsv(good);
    await browser.waitUntil(
      async () =>
        (await browser.$$('[data-testid="import-problem"]').length) === 0 &&
        (await (await $('[data-testid="import-preview"]')).getText()).includes('3 new'),
      { timeout: 10_000, timeoutMsg: 'the corrected file previews 3 new products and no problems' },
    );
    await click('[data-testid="import-start"]');
    await (await $('[data-testid="import-progress"]')).waitForDisplayed({ timeout: 10_000 });
    const done = await $('[data-testid="import-done"]');
    await done.waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the import finishes' });
    assert.match(await done.getText(), /3 created/);

    await search.setValue('E2E Tee');
    await browser.waitUntil(async () => (await browser.$$('[data-testid="product-row"]').length) === 3, {
      timeout: 10_000,
      timeoutMsg: 'the parent and its two variations are in the product list',
    });
    await browser.saveScreenshot(join(artifacts, 'import-done.png'));
  }));

test('picking a product with variations at the counter asks which one', () =>
  withFailureScreenshot(app.browser, 'catalog-variation', async () => {
    const { browser } = app;
    await click('[data-testid="nav-counter"]');
    const input = await $('[data-testid="scan-input"]');
    await input.click();
    await input.setValue('E2E Tee');
    let parent;
    await browser.waitUntil(
      async () => {
        for (const result of await browser.$$('[data-testid="search-result"]')) {
          const text = await result.getText().catch(() => '');
          if (/E2E-TEE(?!-)/.test(text)) parent = result;
        }
        return parent !== undefined;
      },
      { timeout: 10_000, timeoutMsg: 'the search finds the imported parent product' },
    );
    await parent.click();

    const dialog = await $('[data-testid="variation-dialog"]');
    await dialog.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the variation chooser opens' });
    await waitForCount(browser, '[data-testid="variation-option"]', 2, 'both sizes are offered');
    await browser.saveScreenshot(join(artifacts, 'variation-dialog.png'));
    const options = await browser.$$('[data-testid="variation-option"]');
    let medium;
    for (const option of options) if ((await option.getText()).includes('Size: M')) medium = option;
    assert.ok(medium, 'the M variation is offered with its attribute value');
    await medium.click();

    await waitForCount(browser, '[data-testid="cart-line"]', 1, 'the chosen variation is in the cart');
    const [line] = await lineNames();
    assert.match(line, /E2E Tee M/, 'the line is the M variation');

    // Leave an empty cart for the next test.
    const scanBox = await $('[data-testid="scan-input"]');
    await scanBox.click();
    await scanBox.addValue('\uE017');
    await waitForCount(browser, '[data-testid="cart-line"]', 0, 'Delete removes the line');
  }));

test('parking a sale with a name and resuming it', () =>
  withFailureScreenshot(app.browser, 'catalog-park', async () => {
    const { browser } = app;
    await scan(demoBarcode(0));
    await waitForCount(browser, '[data-testid="cart-line"]', 1, 'the first product is in the cart');
    const [first] = await lineNames();

    await click('[data-testid="park-cart"]');
    const name = await $('[data-testid="park-name"]');
    await name.waitForDisplayed({ timeout: 5_000 });
    await name.setValue('E2E first');
    await click('[data-testid="park-confirm"]');
    await waitForCount(browser, '[data-testid="cart-line"]', 0, 'parking leaves a fresh cart');

    await scan(demoBarcode(110));
    await waitForCount(browser, '[data-testid="cart-line"]', 1, 'the second product is in the new cart');
    const [second] = await lineNames();
    assert.notEqual(first, second);

    await click('[data-testid="parked-carts"]');
    await waitForCount(browser, '[data-testid="parked-cart"]', 1, 'one sale is parked');
    assert.match(await (await $('[data-testid="parked-cart"]')).getText(), /E2E first/);
    await click('[data-testid="resume-cart"]');
    await browser.waitUntil(async () => (await lineNames()).join('\n') === first, {
      timeout: 10_000,
      timeoutMsg: 'the resumed cart shows the first product',
    });
    assert.equal(await (await $('[data-testid="cart-name"]')).getText(), 'E2E first');

    // The sale that was being rung up was parked, not lost.
    await click('[data-testid="parked-carts"]');
    await waitForCount(browser, '[data-testid="parked-cart"]', 1, 'the other sale is parked now');
    const other = await (await $('[data-testid="parked-cart"]')).getText();
    assert.match(other, /1 item/);
    await browser.saveScreenshot(join(artifacts, 'parked-carts.png'));
    await click('[data-testid="discard-cart"]');
    await waitForCount(browser, '[data-testid="parked-cart"]', 0, 'the other sale is discarded');
    await browser.keys('Escape');
    await (await $('[data-testid="parked-list"]')).waitForDisplayed({ reverse: true, timeout: 5_000 });
  }));

test('creating a customer from the counter without leaving the sale', () =>
  withFailureScreenshot(app.browser, 'catalog-customer', async () => {
    const { browser } = app;
    await browser.waitUntil(async () => (await browser.$$('[data-testid="cart-line"]').length) === 1, {
      timeout: 5_000,
      timeoutMsg: 'the resumed sale is still on the counter',
    });
    await click('[data-testid="customer-attach"]');
    await click('[data-testid="counter-new-customer"]');
    const name = await $('[data-testid="counter-new-customer-name"]');
    await name.setValue('E2E Customer');
    await (await $('[data-testid="counter-new-customer-email"]')).setValue('e2e.customer@example.com');
    await click('[data-testid="counter-new-customer-save"]');
    const onCart = await $('[data-testid="cart-customer"]');
    await onCart.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the new customer is on the cart' });
    assert.equal(await onCart.getText(), 'E2E Customer');
    assert.equal(await browser.$$('[data-testid="cart-line"]').length, 1, 'the sale is unchanged');
    await browser.saveScreenshot(join(artifacts, 'counter-customer.png'));

    await click('[data-testid="pay-cash"]');
    const tendered = await $('[data-testid="tendered-input"]');
    await tendered.waitForDisplayed({ timeout: 5_000 });
    await tendered.clearValue();
    await tendered.setValue('100');
    await click('[data-testid="confirm-payment"]');
    const receipt = await $('[data-testid="receipt-reference"]');
    await receipt.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the receipt shows after paying' });
    const reference = /S\d+-R\d+-\d+/.exec(await receipt.getText())?.[0];
    assert.ok(reference, 'the receipt shows the order reference');

    const order = JSON.parse(cli(database, 'order', reference));
    assert.equal(order.customer?.name, 'E2E Customer', 'the order is for the customer created at the counter');
  }));

/** The text of every element matching `selector` (textContent: what the page holds). */
async function texts(selector) {
  return app.browser.execute(
    (css) => [...document.querySelectorAll(css)].map((element) => (element.textContent ?? '').trim()),
    selector,
  );
}

/** The category shown on each search result (empty for a product without one). */
async function resultCategories() {
  return app.browser.execute(() =>
    [...document.querySelectorAll('[data-testid="search-result"]')].map((result) =>
      (result.querySelector('[data-testid="search-result-category"]')?.textContent ?? '').trim(),
    ),
  );
}

/** The names (and the rest of the text) of the search results. */
async function resultNames() {
  return texts('[data-testid="search-result"]');
}

test("the counter's category filter limits the search to that category", () =>
  withFailureScreenshot(app.browser, 'catalog-category-filter', async () => {
    const { browser } = app;
    // The previous test ends on the receipt: back to an empty counter.
    await click('[data-testid="nav-counter"]');
    const input = await $('[data-testid="scan-input"]');
    await input.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the counter shows the scan box' });
    await input.click();

    // Without a filter, "chocolate" finds the demo's Snacks and its Dairy "Chocolate milk".
    await input.setValue('chocolate');
    await browser.waitUntil(
      async () => {
        const categories = await resultCategories();
        return categories.includes('Snacks') && categories.includes('Dairy');
      },
      { timeout: 10_000, timeoutMsg: 'the unfiltered search finds chocolate in Snacks and in Dairy' },
    );

    await click('[data-testid="category-filter"]');
    const list = await $('[data-testid="category-filter-list"]');
    await list.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the category list opens' });
    let snacks;
    await browser.waitUntil(
      async () => {
        for (const option of await browser.$$('[data-testid="category-filter-option"]')) {
          if ((await option.getText().catch(() => '')).trim() === 'Snacks') snacks = option;
        }
        return snacks !== undefined;
      },
      { timeout: 10_000, timeoutMsg: 'the demo category Snacks is offered' },
    );
    await snacks.click();
    await list.waitForDisplayed({ reverse: true, timeout: 5_000, timeoutMsg: 'choosing closes the list' });

    let shown = '';
    await browser.waitUntil(
      async () => {
        [shown = ''] = await texts('[data-testid="category-filter-label"]');
        return shown === 'Snacks';
      },
      { timeout: 10_000, timeoutMsg: `the active filter is shown (it says “${shown}”)` },
    );
    await browser.waitUntil(
      async () => {
        const categories = await resultCategories();
        return categories.length > 0 && categories.every((category) => category === 'Snacks');
      },
      { timeout: 10_000, timeoutMsg: 'only Snacks products remain in the results' },
    );
    const names = await resultNames();
    assert.ok(names.some((name) => /Dark chocolate/.test(name)), 'Dark chocolate (Snacks) is found');
    assert.ok(!names.some((name) => /Chocolate milk/.test(name)), 'Chocolate milk (Dairy) is not');
    await browser.waitUntil(async () => input.isFocused(), {
      timeout: 5_000,
      timeoutMsg: 'the scan box has the focus again after choosing',
    });
    await browser.saveScreenshot(join(artifacts, 'counter-category-filter.png'));

    // Emptying the box (Backspace, as a clerk would) lists all of the category's products:
    // more than the chocolate ones.
    const chocolates = names.length;
    await input.addValue('\uE003'.repeat('chocolate'.length));
    await browser.waitUntil(
      async () => {
        const categories = await resultCategories();
        return (
          (await input.getValue()) === '' &&
          categories.length > chocolates &&
          categories.every((category) => category === 'Snacks')
        );
      },
      { timeout: 10_000, timeoutMsg: "the empty scan box lists the category's products" },
    );

    // One click clears the filter; the empty box shows no results again.
    await click('[data-testid="category-filter-clear"]');
    await browser.waitUntil(async () => (await texts('[data-testid="category-filter-label"]'))[0] === 'All categories', {
      timeout: 5_000,
      timeoutMsg: 'the filter is cleared',
    });
    await waitForCount(browser, '[data-testid="search-result"]', 0, 'no category and no query: no results');
  }));
