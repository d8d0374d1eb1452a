// Documents and printing in the REAL desktop app on a fresh demo store: a cash sale at the
// counter; a test page on a receipt printer that is a file (the core appends the ESC/POS
// bytes to it, read back here); the sale's invoice saved as a PDF from its order page
// and read with pdftotext; then the order canceled and its credit note saved the same
// way; and a CSV export whose file the job panel offers to open. "Open to print" is only
// checked to be offered: clicking it would start a viewer. The export's "Open" is clicked
// once its file is deleted, so the core refuses (`not_found`) before any viewer starts.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  artifacts,
  cli,
  demoBarcode,
  freshDatabase,
  startApp,
  storedOrders,
  waitForCount,
  withFailureScreenshot,
} from "./support.mjs";

const database = freshDatabase("documents");
/** The receipt printer: a file the core appends ESC/POS bytes to. */
const printerFile = join(
  mkdtempSync(join(tmpdir(), "kassa-printer-")),
  "receipt-printer.bin",
);
let app;
/** The sale made at the counter. */
let sale;

before(async () => {
  cli(database, "demo");
  app = await startApp(database);
});

after(async () => {
  await app?.stop();
});

/** The text of a PDF, as pdftotext lays it out. */
function pdfText(path) {
  return execFileSync("pdftotext", ["-layout", path, "-"], {
    encoding: "utf8",
  });
}

/** Keeps the first page of a PDF as a PNG in the artifacts, for people to look at. */
function keepPdfPage(path, name) {
  try {
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "70",
      "-singlefile",
      path,
      join(artifacts, name),
    ]);
  } catch {
    // pdftoppm is a nicety: the PDF itself was checked already.
  }
}

/** Clicks a button below the fold once it is in view and can take the click. */
async function clickInView(browser, testid) {
  const button = await browser.$(`[data-testid="${testid}"]`);
  await button.scrollIntoView({ block: "center" });
  await button.waitForClickable({
    timeout: 10_000,
    timeoutMsg: `${testid} can be clicked`,
  });
  await button.click();
}

/** Waits for the "saved" line of the documents card to name a file matching `pattern`; returns its path. */
async function savedPath(browser, pattern) {
  const saved = await browser.$('[data-testid="doc-saved"]');
  let path = null;
  await browser.waitUntil(
    async () => {
      if (!(await saved.isExisting())) return false;
      path =
        (await saved.getProperty("textContent")).match(/(\/\S+\.pdf)/)?.[1] ??
        null;
      return path !== null && pattern.test(path);
    },
    { timeout: 15_000, timeoutMsg: `a PDF matching ${pattern} is saved` },
  );
  return path;
}

test("a cash sale at the counter", () =>
  withFailureScreenshot(app.browser, "documents-sale", async () => {
    const { browser } = app;
    const scan = await browser.$('[data-testid="scan-input"]');
    await scan.waitForDisplayed({
      timeout: 30_000,
      timeoutMsg: "the counter shows the scan box",
    });
    await scan.click();
    await scan.addValue(`${demoBarcode(0)}\uE007`);
    await waitForCount(
      browser,
      '[data-testid="cart-line"]',
      1,
      "the scanned product is in the cart",
    );

    await browser.$('[data-testid="pay-cash"]').click();
    const tendered = await browser.$('[data-testid="tendered-input"]');
    await tendered.waitForDisplayed({ timeout: 5_000 });
    await tendered.clearValue();
    await tendered.setValue("50");
    await browser.$('[data-testid="confirm-payment"]').click();
    await browser
      .$('[data-testid="receipt"]')
      .waitForDisplayed({ timeout: 10_000, timeoutMsg: "the receipt shows" });
    await browser.$('[data-testid="new-sale"]').click();

    const orders = storedOrders(database);
    assert.equal(orders.length, 1, "the sale is stored");
    [sale] = orders;
    assert.equal(sale.status, "payment_accepted");
    assert.match(sale.invoice_number, /^INV-\d{4}-\d{6}$/);
  }));

test("a test page prints on the receipt printer in the settings", () =>
  withFailureScreenshot(app.browser, "printer-test-page", async () => {
    const { browser } = app;
    const nav = await browser.$('[data-testid="nav-settings"]');
    await nav.waitForClickable({ timeout: 10_000 });
    await nav.click();
    await browser.$('[data-testid="settings-printer"]').click();

    const address = await browser.$('[data-testid="printer-address"]');
    await address.waitForDisplayed({ timeout: 10_000 });
    await address.clearValue();
    await address.setValue(`file:${printerFile}`);
    await browser
      .$('[data-testid="printer-paper"]')
      .selectByAttribute("value", "80");
    await browser.$('[data-testid="printer-save"]').click();
    await browser
      .$('[data-testid="printer-saved"]')
      .waitForDisplayed({
        timeout: 10_000,
        timeoutMsg: "the printer settings are saved",
      });

    await browser.$('[data-testid="printer-test"]').click();
    const ok = await browser.$('[data-testid="printer-test-ok"]');
    await ok.waitForDisplayed({
      timeout: 15_000,
      timeoutMsg: "the test page is printed",
    });
    assert.equal(
      await browser.$('[data-testid="printer-test-error"]').isExisting(),
      false,
    );
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, "printer-test-page.png"));

    assert.ok(
      existsSync(printerFile),
      `the printer file was written: ${printerFile}`,
    );
    const bytes = readFileSync(printerFile);
    assert.ok(
      bytes.includes(Buffer.from("PRINTER TEST", "latin1")),
      "the test page says what it is",
    );
    assert.ok(
      bytes.includes(Buffer.from([0x1d, 0x56])),
      "the test page ends with an ESC/POS cut (GS V)",
    );
    assert.match(
      await ok.getText(),
      new RegExp(`${bytes.length} bytes`),
      "the app says how many bytes it sent",
    );
  }));

test("the order page saves the invoice, and after a cancel the credit note, as PDFs", () =>
  withFailureScreenshot(app.browser, "order-documents", async () => {
    const { browser } = app;
    assert.ok(sale, "the sale was made");
    const nav = await browser.$('[data-testid="nav-orders"]');
    await nav.waitForClickable({ timeout: 10_000 });
    await nav.click();
    const row = await browser.$('[data-testid="order-row"]');
    await row.waitForDisplayed({ timeout: 10_000 });
    assert.match(
      await row.getProperty("textContent"),
      new RegExp(sale.reference),
    );
    await row.$('[data-testid="order-open"]').click();
    await browser
      .$('[data-testid="order-detail"]')
      .waitForDisplayed({ timeout: 10_000 });
    assert.equal(
      await browser.$('[data-testid="save-credit-note"]').isExisting(),
      false,
      "no credit note to save before a refund",
    );

    // The invoice.
    await clickInView(browser, "doc-invoice");
    const invoice = await savedPath(browser, /-invoice\.pdf$/);
    assert.ok(
      existsSync(invoice),
      `the invoice PDF exists at the path shown: ${invoice}`,
    );
    const invoiceText = pdfText(invoice);
    assert.match(
      invoiceText,
      new RegExp(sale.reference),
      "the order reference is on the invoice",
    );
    assert.match(
      invoiceText,
      new RegExp(sale.invoice_number),
      "the invoice number is on the invoice",
    );
    assert.ok(
      await browser.$('[data-testid="open-document"]').isDisplayed(),
      "the saved PDF can be opened to print",
    );
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, "order-invoice-saved.png"));
    keepPdfPage(invoice, "invoice-pdf");

    // Cancel the paid order: it is refunded with a credit note.
    await browser
      .$('[data-testid="status-select"]')
      .selectByAttribute("value", "canceled");
    await browser
      .$('[data-testid="status-note"]')
      .setValue("Customer changed their mind");
    await browser.$('[data-testid="apply-status"]').click();
    const confirm = await browser.$('[data-testid="confirm-yes"]');
    if (await confirm.isExisting()) await confirm.click();
    const creditNote = await browser.$('[data-testid="credit-note"]');
    await creditNote.waitForDisplayed({
      timeout: 10_000,
      timeoutMsg: "the refund shows its credit note",
    });
    const number = (await creditNote.getProperty("textContent")).match(
      /CN-\d{4}-\d{6}/,
    )?.[0];
    assert.ok(number, "the credit note has a CN number");
    assert.equal(storedOrders(database)[0].status, "canceled");

    // The credit note.
    await waitForCount(
      browser,
      '[data-testid="save-credit-note"]',
      1,
      "one button per credit note",
    );
    const button = await browser.$('[data-testid="save-credit-note"]');
    assert.equal(await button.getAttribute("data-credit-note"), number);
    await clickInView(browser, "save-credit-note");
    const credit = await savedPath(
      browser,
      /-credit-note-CN-\d{4}-\d{6}\.pdf$/,
    );
    assert.ok(
      existsSync(credit),
      `the credit note PDF exists at the path shown: ${credit}`,
    );
    const creditText = pdfText(credit);
    assert.match(
      creditText,
      new RegExp(number),
      "the credit note number is on the PDF",
    );
    assert.match(
      creditText,
      new RegExp(sale.invoice_number),
      "and the invoice it refunds",
    );
    assert.ok(
      await browser.$('[data-testid="open-document"]').isDisplayed(),
      "the credit note can be opened to print",
    );
    assert.equal(
      await browser.$('[data-testid="doc-error"]').isExisting(),
      false,
    );
    await sleep(200);
    await browser.saveScreenshot(
      join(artifacts, "order-credit-note-saved.png"),
    );
    keepPdfPage(credit, "credit-note-pdf");
  }));

test("a finished export offers its file, and says by code when the file is gone", () =>
  withFailureScreenshot(app.browser, "export-open", async () => {
    const { browser } = app;
    await browser.$('[data-testid="close-order"]').click();
    const row = await browser.$('[data-testid="order-row"]');
    await row.waitForDisplayed({ timeout: 10_000 });
    await row.$('[data-testid="order-select"]').click();
    await browser
      .$('[data-testid="mass-actions"]')
      .waitForDisplayed({ timeout: 5_000 });
    await browser.$('[data-testid="mass-export"]').click();
    const output = await browser.$('[data-testid="job-output"]');
    await output.waitForDisplayed({
      timeout: 20_000,
      timeoutMsg: "the export ends with its file",
    });
    const path = (await output.getText()).trim();
    assert.match(path, /\/exports\/\S+\.csv$/);
    assert.ok(existsSync(path), `the CSV exists at the path shown: ${path}`);
    assert.match(
      readFileSync(path, "utf8"),
      new RegExp(sale.reference),
      "the CSV lists the order",
    );
    const open = await browser.$('[data-testid="open-job-output"]');
    assert.ok(await open.isDisplayed(), "the file can be opened");
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, "export-open.png"));

    // Gone from the disk: the real open_document command refuses it before any viewer starts.
    rmSync(path);
    await open.click();
    const refusal = await browser.$('[data-testid="open-job-output-error"]');
    await refusal.waitForDisplayed({
      timeout: 10_000,
      timeoutMsg: "opening a file that is gone is refused",
    });
    assert.equal(await refusal.getAttribute("data-code"), "not_found");
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, "export-open-refused.png"));
  }));
