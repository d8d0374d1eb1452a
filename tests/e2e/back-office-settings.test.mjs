// The owner's order statuses and reordering in the REAL desktop app, on a demo store with
// 10 past orders made by `kassa demo --orders 10`: a new status added in Settings → Order
// statuses is listed there and can be chosen on an order page; "Reorder" on a past order
// opens the back-office checkout prefilled with its customer and lines, and placing it
// stores a new S1-BO- order. The database is checked through the `kassa` CLI.
//
// The generated history is deterministic: order n (1-based) is on register R((n-1)%3+1)
// with sequence (n-1)/3+1; order 1 awaits payment, 2 is shipped, 3 delivered, 4 processing,
// the rest are paid ("payment_accepted"). Order 8 (S1-R2-000003) is Σοφία Παπαδοπούλου's:
// three lines, six items.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  artifacts,
  cli,
  freshDatabase,
  startApp,
  storedOrders,
  waitForCount,
  withFailureScreenshot,
} from "./support.mjs";

const database = freshDatabase("back-office-settings");
let app;

before(async () => {
  cli(database, "demo", "--orders", "10");
  app = await startApp(database);
});

after(async () => {
  await app?.stop();
});

/** Shows the order list. */
async function openOrders(browser) {
  const nav = await browser.$('[data-testid="nav-orders"]');
  await nav.waitForClickable({ timeout: 30_000 });
  await nav.click();
  const close = await browser.$('[data-testid="close-order"]');
  if (await close.isExisting()) await close.click();
  await browser
    .$('[data-testid="order-row"]')
    .waitForDisplayed({ timeout: 10_000 });
}

/** Opens the order page of `reference` from the list. */
async function openOrder(browser, reference) {
  await openOrders(browser);
  await browser.$('[data-testid="order-search"]').setValue(reference);
  // The list may still show the last search for a moment: wait for this one's answer.
  await browser.waitUntil(
    async () => {
      const rows = await browser.$$('[data-testid="order-row"]');
      return (
        rows.length === 1 &&
        (await rows[0].getProperty("textContent")).includes(reference)
      );
    },
    {
      timeout: 10_000,
      timeoutMsg: `searching ${reference} finds that order only`,
    },
  );
  await browser
    .$('[data-testid="order-row"] [data-testid="order-open"]')
    .click();
  await browser
    .$('[data-testid="order-detail"]')
    .waitForDisplayed({ timeout: 10_000 });
  assert.match(
    await browser.$('[data-testid="order-detail"] h1').getText(),
    new RegExp(reference),
  );
}

/** The status row showing `label`, or null. */
async function statusRow(browser, label) {
  for (const row of await browser.$$('[data-testid="status-row"]')) {
    if ((await row.getProperty("textContent")).includes(label)) return row;
  }
  return null;
}

test("a new order status is listed in the settings and can be chosen on an order", () =>
  withFailureScreenshot(app.browser, "new-status", async () => {
    const { browser } = app;
    const nav = await browser.$('[data-testid="nav-settings"]');
    await nav.waitForClickable({ timeout: 30_000 });
    await nav.click();
    await browser
      .$('[data-testid="status-table"]')
      .waitForDisplayed({ timeout: 10_000 });
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="status-row"]').length) > 0,
      {
        timeout: 10_000,
        timeoutMsg: "the configured statuses are listed",
      },
    );
    const before = await browser.$$('[data-testid="status-row"]').length;
    assert.equal(
      await statusRow(browser, "Ready for pickup"),
      null,
      "the status does not exist yet",
    );

    await browser.$('[data-testid="status-new"]').click();
    await browser
      .$('[data-testid="status-form"]')
      .waitForDisplayed({ timeout: 5_000 });
    await browser
      .$('[data-testid="status-form-label"]')
      .setValue("Ready for pickup");
    assert.equal(
      await browser.$('[data-testid="status-form-code"]').getValue(),
      "ready_for_pickup",
      "the code follows the label",
    );
    await browser.$('[data-testid="status-form-paid"]').click();
    assert.equal(
      await browser.$('[data-testid="status-form-paid"]').isSelected(),
      true,
    );
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, "status-form.png"));
    await browser.$('[data-testid="status-save"]').click();
    await browser
      .$('[data-testid="status-form"]')
      .waitForDisplayed({
        reverse: true,
        timeout: 10_000,
        timeoutMsg: "the form closes once saved",
      });

    await waitForCount(
      browser,
      '[data-testid="status-row"]',
      before + 1,
      "the new status is listed",
    );
    const row = await statusRow(browser, "Ready for pickup");
    assert.ok(row, "a row shows the new status");
    assert.match(
      await row.getProperty("textContent"),
      /ready_for_pickup/,
      "with its code",
    );
    assert.equal(await row.$$(".yes").length, 1, "and exactly one flag: paid");
    await row.scrollIntoView({ block: "center" });
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, "status-added.png"));

    // Order 9 (S1-R3-000003) is paid: it may move to another paid status.
    await openOrder(browser, "S1-R3-000003");
    const option = await browser.$(
      '[data-testid="status-select"] option[value="ready_for_pickup"]',
    );
    assert.ok(
      await option.isExisting(),
      "the order page offers the new status",
    );
    assert.equal(await option.getText(), "Ready for pickup");
    assert.equal(
      await option.getAttribute("disabled"),
      null,
      "and it can be chosen",
    );
    await browser
      .$('[data-testid="status-select"]')
      .selectByAttribute("value", "ready_for_pickup");
    await browser
      .$('[data-testid="status-note"]')
      .setValue("Packed, on the pickup shelf");
    await browser.$('[data-testid="apply-status"]').click();
    await browser.waitUntil(
      async () =>
        (
          await browser.$('[data-testid="order-detail"] header').getText()
        ).includes("Ready for pickup"),
      { timeout: 10_000, timeoutMsg: "the order shows its new status" },
    );
    assert.equal(
      await browser.$('[data-testid="status-error"]').isExisting(),
      false,
    );
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, "order-ready-for-pickup.png"));

    const order = storedOrders(database).find(
      (candidate) => candidate.reference === "S1-R3-000003",
    );
    assert.equal(order.status, "ready_for_pickup");
    assert.equal(order.status_label, "Ready for pickup");
  }));

test("reorder places a new order with the past order’s customer and lines", () =>
  withFailureScreenshot(app.browser, "reorder", async () => {
    const { browser } = app;
    const past = storedOrders(database).find(
      (candidate) => candidate.reference === "S1-R2-000003",
    );
    assert.equal(
      past.customer_name,
      "Σοφία Παπαδοπούλου",
      "the demo history is as expected",
    );
    assert.equal(past.item_count, 6);

    await openOrder(browser, "S1-R2-000003");
    await browser.$('[data-testid="reorder"]').click();
    await browser
      .$('[data-testid="new-order-dialog"]')
      .waitForDisplayed({ timeout: 10_000 });
    // With a customer the checkout opens on the products, once they are looked up.
    await browser
      .$('[data-testid="checkout-panel-products"]')
      .waitForDisplayed({
        timeout: 10_000,
        timeoutMsg: "the prefilled checkout shows the products step",
      });
    await browser
      .$('[data-testid="reorder-loading"]')
      .waitForDisplayed({ reverse: true, timeout: 10_000 });
    await waitForCount(
      browser,
      '[data-testid="staff-line"]',
      3,
      "the three lines of the past order are prefilled",
    );
    const quantities = [];
    for (const input of await browser.$$(
      '[data-testid="staff-line-quantity"]',
    )) {
      quantities.push(Number(await input.getValue()));
    }
    assert.deepEqual(
      quantities.toSorted((a, b) => a - b),
      [1, 2, 3],
      "with their quantities",
    );
    assert.equal(
      await browser.$('[data-testid="reorder-unavailable"]').isExisting(),
      false,
      "every product still exists",
    );
    await sleep(300);
    await browser.saveScreenshot(join(artifacts, "reorder-products.png"));

    // The customer step shows the past order's customer.
    await browser.$('[data-testid="checkout-step-customer"]').click();
    const customer = await browser.$('[data-testid="staff-customer"]');
    await customer.waitForDisplayed({
      timeout: 5_000,
      timeoutMsg: "the customer is prefilled",
    });
    assert.match(await customer.getText(), /Σοφία Παπαδοπούλου/);

    // Straight to the payment: picked up in store, awaiting payment.
    await browser.$('[data-testid="checkout-step-payment"]').click();
    await browser
      .$('[data-testid="checkout-panel-payment"]')
      .waitForDisplayed({
        timeout: 5_000,
        timeoutMsg: "nothing blocks going to the payment",
      });
    await browser.$('[data-testid="staff-awaiting-payment"]').click();
    const place = await browser.$('[data-testid="place-order"]');
    await place.waitForClickable({ timeout: 10_000 });
    await sleep(300);
    await browser.saveScreenshot(join(artifacts, "reorder-payment.png"));
    await place.click();

    await browser
      .$('[data-testid="new-order-dialog"]')
      .waitForDisplayed({
        reverse: true,
        timeout: 15_000,
        timeoutMsg: "the order is placed",
      });
    const detail = await browser.$('[data-testid="order-detail"]');
    await detail.waitForDisplayed({
      timeout: 10_000,
      timeoutMsg: "the new order opens",
    });
    await browser.waitUntil(
      async () =>
        /S1-BO-\d{6}/.test(
          await browser.$('[data-testid="order-detail"] h1').getText(),
        ),
      {
        timeout: 10_000,
        timeoutMsg: "the new order’s page is shown",
      },
    );
    assert.match(
      await browser.$('[data-testid="order-customer"]').getText(),
      /Σοφία Παπαδοπούλου/,
    );
    await waitForCount(
      browser,
      '[data-testid="order-line"]',
      3,
      "the new order has the three lines",
    );
    await sleep(300);
    await browser.saveScreenshot(join(artifacts, "reorder-placed.png"));

    const placed = storedOrders(database).filter((candidate) =>
      candidate.reference.startsWith("S1-BO-"),
    );
    assert.equal(placed.length, 1, "one new back-office order is stored");
    const [order] = placed;
    assert.equal(
      order.customer_name,
      "Σοφία Παπαδοπούλου",
      "for the same customer",
    );
    assert.equal(
      order.item_count,
      past.item_count,
      "with the same number of items",
    );
    assert.equal(order.status, "awaiting_payment");
  }));
