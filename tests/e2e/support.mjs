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
import { createServer } from 'node:net';
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

/** A TCP port on loopback that nothing listens on right now (the OS picks it). */
export async function freePort() {
  const server = createServer();
  await new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolvePort);
  });
  const { port } = server.address();
  await new Promise((closed) => server.close(closed));
  return port;
}

async function waitForDriver(port, driver) {
  // Up to a minute; each probe gives up after two seconds so that a driver that accepts
  // connections but never answers cannot stall the wait.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null || driver.signalCode !== null) {
      throw new Error(`tauri-driver exited (${driver.exitCode ?? driver.signalCode}) before listening on port ${port}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening (or not answering) yet
    }
    await sleep(100);
  }
  throw new Error(`tauri-driver did not answer on port ${port} within a minute`);
}

/** Ends a process group: SIGTERM, then SIGKILL for whatever is left. */
async function killGroup(pid) {
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    try {
      process.kill(-pid, signal);
    } catch {
      return; // the group is gone
    }
    await sleep(500);
  }
}

/**
 * Starts the real app on `database`; returns the WebdriverIO browser and a stop function.
 * tauri-driver and the WebKitWebDriver behind it each get a port the OS reports free, so
 * the two can never collide (a driver proxying to its own port never answers).
 */
export async function startApp(database) {
  const desktopBin = process.env.KASSA_DESKTOP_BIN;
  assert.ok(desktopBin && existsSync(desktopBin), 'KASSA_DESKTOP_BIN must name the built desktop app');
  mkdirSync(artifacts, { recursive: true });
  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
    // The app reads its database from KASSA_DB.
    env: { ...process.env, KASSA_DB: database },
    stdio: ['ignore', 'inherit', 'inherit'],
    // Its own process group: stopping kills tauri-driver, WebKitWebDriver and the app
    // together, so no app outlives its test (an orphaned app keeps the test runner's
    // output pipe open and the suite never ends).
    detached: true,
  });
  let browser;
  try {
    await waitForDriver(port, driver);
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'warn',
      connectionRetryTimeout: 60_000,
      capabilities: {
        'tauri:options': { application: desktopBin },
        'wdio:enforceWebDriverClassic': true,
      },
    });
  } catch (error) {
    // Never leave a driver behind when the start fails: it would hold the output pipe.
    await killGroup(driver.pid);
    throw error;
  }
  const stop = async () => {
    await browser.deleteSession().catch(() => {});
    await killGroup(driver.pid);
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

/** Clicks the element matching `selector` once it is clickable. */
export async function click(browser, selector) {
  const element = await browser.$(selector);
  await element.waitForClickable({ timeout: 10_000, timeoutMsg: `${selector} must be clickable` });
  await element.click();
}

/** Types `value` into the field matching `selector`, replacing what it held. */
export async function fill(browser, selector, value) {
  const element = await browser.$(selector);
  await element.waitForDisplayed({ timeout: 10_000, timeoutMsg: `${selector} must show` });
  await element.click();
  await element.clearValue();
  await element.setValue(value);
}

/**
 * The text of the first element matching `selector` (textContent, whitespace collapsed), or
 * null when there is none. WebKitWebDriver's getText returned empty strings for some
 * elements of this app, so the tests read the DOM.
 */
export async function textOf(browser, selector) {
  return browser.execute((css) => {
    const element = document.querySelector(css);
    return element ? (element.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  }, selector);
}
