// Drives the REAL desktop app (the Tauri debug binary with its embedded UI) through a
// counter sale on a fresh SQLite file: load the demo store, scan two barcodes, pay cash,
// see the receipt; then checks the database through the `kassa` CLI. A screenshot of the
// receipt screen is kept in tests/artifacts/ for people to look at.
//
// Needs: KASSA_DESKTOP_BIN, KASSA_CLI_BIN (built binaries), tauri-driver and
// WebKitWebDriver on PATH, an X display (xvfb-run) and a D-Bus session (dbus-run-session).

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';

const desktopBin = process.env.KASSA_DESKTOP_BIN;
const cliBin = process.env.KASSA_CLI_BIN;
const artifacts = resolve(import.meta.dirname, '..', 'artifacts');
const workDir = mkdtempSync(join(tmpdir(), 'kassa-e2e-'));
const database = join(workDir, 'e2e.sqlite3');
const driverPort = 4444 + (process.pid % 1000);

/** The n-th demo barcode, as `kassa_core::demo::demo_barcode` makes it. */
function demoBarcode(index) {
  const body = `5412345${String(index).padStart(5, '0')}`;
  const sum = [...body].reduce((total, digit, position) => total + Number(digit) * (position % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

let driver;
let browser;

async function waitForDriver() {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${driverPort}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`tauri-driver did not start on port ${driverPort}`);
}

before(async () => {
  assert.ok(desktopBin && existsSync(desktopBin), 'KASSA_DESKTOP_BIN must name the built desktop app');
  assert.ok(cliBin && existsSync(cliBin), 'KASSA_CLI_BIN must name the built kassa CLI');
  mkdirSync(artifacts, { recursive: true });
  driver = spawn('tauri-driver', ['--port', String(driverPort)], {
    // The app reads its database from KASSA_DB: never the user's real data folder.
    env: { ...process.env, KASSA_DB: database },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForDriver();
  browser = await remote({
    hostname: '127.0.0.1',
    port: driverPort,
    logLevel: 'warn',
    capabilities: {
      'tauri:options': { application: desktopBin },
      'wdio:enforceWebDriverClassic': true,
    },
  });
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  driver?.kill();
});

/** Runs a test body and keeps a screenshot of the app when it fails. */
async function withFailureScreenshot(name, body) {
  try {
    await body();
  } catch (error) {
    await browser.saveScreenshot(join(artifacts, `failed-${name}.png`)).catch(() => {});
    throw error;
  }
}

test('a counter sale from scan to receipt lands in SQLite', () => withFailureScreenshot('counter-sale', async () => {
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

  await browser.waitUntil(async () => (await browser.$$('[data-testid="cart-line"]').length) === 2, {
    timeout: 10_000,
    timeoutMsg: 'both scanned products must be in the cart',
  });
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
  await browser.waitUntil(async () => (await browser.$$('[data-testid="cart-line"]').length) === 0, {
    timeout: 5_000,
    timeoutMsg: 'after the sale the counter starts a fresh, empty cart',
  });
  await browser.saveScreenshot(join(artifacts, 'counter-after-sale.png'));

  const orders = execFileSync(cliBin, ['--db', database, 'orders', '--json'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  assert.equal(orders.length, 1, 'exactly one order is stored');
  const [order] = orders;
  assert.equal(order.reference, 'S1-R1-000001');
  assert.equal(order.item_count, 2, 'the order holds the two scanned items');
  assert.equal(order.status, 'payment_accepted');
  assert.match(order.invoice_number, /^INV-\d{4}-000001$/, 'the sale has the first invoice of the year');
}));
