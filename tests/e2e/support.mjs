// Shared fixtures of the end-to-end tests: a fresh SQLite file per test file, the real
// desktop app started through tauri-driver (WebKitWebDriver) on it, the kassa CLI on the
// same file, and screenshots kept in tests/artifacts/ (also on failure).
//
// Needs: KASSA_DESKTOP_BIN, KASSA_CLI_BIN (built binaries), tauri-driver and
// WebKitWebDriver on PATH, an X display (xvfb-run) and a D-Bus session (dbus-run-session).

import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';

export const artifacts = resolve(import.meta.dirname, '..', 'artifacts');

/** The n-th demo barcode, as `kassa_core::demo::demo_barcode` makes it. */
export function demoBarcode(index) {
  const body = `5412345${String(index).padStart(5, '0')}`;
  const sum = [...body].reduce((total, digit, position) => total + Number(digit) * (position % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

/** A new database file in a temporary folder: never the user's real data folder. */
export function freshDatabase(name) {
  return join(mkdtempSync(join(tmpdir(), 'kassa-e2e-')), `${name}.sqlite3`);
}

/** Runs the kassa CLI on a database and returns its standard output. */
export function cli(database, ...args) {
  const bin = process.env.KASSA_CLI_BIN;
  assert.ok(bin && existsSync(bin), 'KASSA_CLI_BIN must name the built kassa CLI');
  return execFileSync(bin, ['--db', database, ...args], { encoding: 'utf8' });
}

/** The orders in the database, newest first, as the CLI prints them. */
export function storedOrders(database) {
  return cli(database, 'orders', '--json', '--limit', '1000')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

async function waitForDriver(port) {
  // Up to a minute: WebKitWebDriver's port (4445) is free only once the previous test
  // file's driver has gone.
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`tauri-driver did not start on port ${port}`);
}

/** Starts the real app on `database`; returns the WebdriverIO browser and a stop function. */
export async function startApp(database, port) {
  const desktopBin = process.env.KASSA_DESKTOP_BIN;
  assert.ok(desktopBin && existsSync(desktopBin), 'KASSA_DESKTOP_BIN must name the built desktop app');
  mkdirSync(artifacts, { recursive: true });
  const driver = spawn('tauri-driver', ['--port', String(port)], {
    // The app reads its database from KASSA_DB.
    env: { ...process.env, KASSA_DB: database },
    stdio: ['ignore', 'inherit', 'inherit'],
    // Its own process group: stopping kills tauri-driver, WebKitWebDriver and the app
    // together, so no app outlives its test (an orphaned app keeps the test runner's
    // output pipe open and the suite never ends).
    detached: true,
  });
  await waitForDriver(port);
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'warn',
    capabilities: {
      'tauri:options': { application: desktopBin },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  const stop = async () => {
    await browser.deleteSession().catch(() => {});
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-driver.pid, signal);
      } catch {
        return; // the group is gone
      }
      await sleep(500);
    }
  };
  return { browser, stop };
}

/** Runs a test body and keeps a screenshot of the app when it fails. */
export async function withFailureScreenshot(browser, name, body) {
  try {
    await body();
  } catch (error) {
    await browser.saveScreenshot(join(artifacts, `failed-${name}.png`)).catch(() => {});
    throw error;
  }
}

/** Waits until `count` elements match `selector`. */
export async function waitForCount(browser, selector, count, timeoutMsg) {
  await browser.waitUntil(async () => (await browser.$$(selector).length) === count, { timeout: 10_000, timeoutMsg });
}
