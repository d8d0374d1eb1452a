// E-mail in the REAL desktop app on a fresh demo store, against a real SMTP server: an
// aiosmtpd started here on a free loopback port that writes every message it takes into a
// Maildir. Settings → E-mail is filled in (host, port, no TLS, a sender and one admin
// address) and saved; "Send test mail" must show the server's answer and the message must
// land in the Maildir for its recipient. Then a cash sale at the counter queues the
// new-order notification, which the app's mail worker (a look every few seconds) sends:
// the sent log must show it as sent and the Maildir must hold a second message, to the
// sender and the admin address. The password is never set, and the app keeps secrets in
// memory (KASSA_SECRETS=memory), so the user's keyring is never touched.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  artifacts,
  cli,
  demoBarcode,
  freePort,
  freshDatabase,
  startApp,
  storedOrders,
  waitForCount,
  withFailureScreenshot,
} from "./support.mjs";

// The app under test must never use the OS keyring (scripts/test.sh sets this too).
process.env.KASSA_SECRETS ??= "memory";

const database = freshDatabase("mail");
/** The Maildir aiosmtpd writes to: it must not exist yet when the server starts. */
const maildir = join(mkdtempSync(join(tmpdir(), "kassa-smtp-")), "maildir");
const SENDER = "shop@kassa.test";
const ADMIN = "owner@kassa.test";
const TEST_RECIPIENT = "tester@kassa.test";

let app;
let smtp;
let smtpPort;

/** Whether something accepts connections on 127.0.0.1:port. */
function accepts(port) {
  return new Promise((answer) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.setTimeout(1_000);
    socket.once("connect", () => {
      socket.destroy();
      answer(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      answer(false);
    });
    socket.once("error", () => answer(false));
  });
}

/** Starts aiosmtpd with a Maildir handler and waits until it listens (up to 20 s). */
async function startSmtp() {
  smtpPort = await freePort();
  smtp = spawn(
    "python3",
    [
      "-m",
      "aiosmtpd",
      "-n",
      "-l",
      `127.0.0.1:${smtpPort}`,
      "-c",
      "aiosmtpd.handlers.Mailbox",
      maildir,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (smtp.exitCode !== null || smtp.signalCode !== null) {
      throw new Error(
        `aiosmtpd exited (${smtp.exitCode ?? smtp.signalCode}) before listening on ${smtpPort}`,
      );
    }
    if (await accepts(smtpPort)) return;
    await sleep(100);
  }
  throw new Error(`aiosmtpd did not listen on port ${smtpPort} within 20 s`);
}

async function stopSmtp() {
  if (!smtp || smtp.exitCode !== null || smtp.signalCode !== null) return;
  const exited = new Promise((done) => smtp.once("exit", done));
  smtp.kill("SIGTERM");
  const stopped = await Promise.race([
    exited.then(() => true),
    sleep(5_000).then(() => false),
  ]);
  if (!stopped) smtp.kill("SIGKILL");
}

/** A message's headers as Python's e-mail package decodes them (subjects may be RFC 2047 encoded). */
function headersOf(path) {
  const script = [
    "import email, json, sys",
    "from email.policy import default",
    "m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=default)",
    "print(json.dumps({k: str(m[k] or '') for k in ('subject', 'from', 'to', 'x-rcptto')}))",
  ].join("\n");
  return JSON.parse(
    execFileSync("python3", ["-c", script, path], { encoding: "utf8" }),
  );
}

/** The messages in the Maildir: their decoded headers and raw text. */
function messages() {
  const folder = join(maildir, "new");
  if (!existsSync(folder)) return [];
  return readdirSync(folder).map((name) => {
    const path = join(folder, name);
    return { ...headersOf(path), text: readFileSync(path, "utf8") };
  });
}

/** Waits until the Maildir holds `count` messages (or more). */
async function waitForMessages(count, timeout, timeoutMsg) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (messages().length >= count) return messages();
    await sleep(250);
  }
  assert.fail(
    `${timeoutMsg} (the Maildir holds ${messages().length} messages)`,
  );
}

/** Types into a field, replacing what it held. */
async function fill(browser, testid, value) {
  const field = await browser.$(`[data-testid="${testid}"]`);
  await field.waitForDisplayed({
    timeout: 10_000,
    timeoutMsg: `${testid} is shown`,
  });
  await field.clearValue();
  if (value !== "") await field.setValue(value);
}

before(async () => {
  await startSmtp();
  cli(database, "demo");
  app = await startApp(database);
});

after(async () => {
  await app?.stop();
  await stopSmtp();
});

test("the e-mail settings send a test mail through a real SMTP server", () =>
  withFailureScreenshot(app.browser, "mail-settings", async () => {
    const { browser } = app;
    const nav = await browser.$('[data-testid="nav-settings"]');
    await nav.waitForClickable({
      timeout: 30_000,
      timeoutMsg: "the app shows its top bar",
    });
    await nav.click();
    await browser.$('[data-testid="settings-mail"]').click();

    await fill(browser, "mail-host", "127.0.0.1");
    // Security first: choosing "none" moves the default port to 25; the real port follows.
    await browser
      .$('[data-testid="mail-security"]')
      .selectByAttribute("value", "none");
    await fill(browser, "mail-port", String(smtpPort));
    await fill(browser, "mail-user", "");
    await fill(browser, "mail-from-address", SENDER);
    await fill(browser, "mail-from-name", "Kassa E2E");
    await fill(browser, "mail-admin-addresses", ADMIN);
    await browser.$('[data-testid="mail-save"]').click();
    await browser.$('[data-testid="mail-saved"]').waitForDisplayed({
      timeout: 10_000,
      timeoutMsg: "the mail settings are saved",
    });
    assert.equal(
      await browser.$('[data-testid="mail-error"]').isExisting(),
      false,
      "the save is not refused",
    );

    await fill(browser, "mail-test-to", TEST_RECIPIENT);
    await browser.$('[data-testid="mail-test-send"]').click();
    await browser.waitUntil(
      async () =>
        (await browser.$('[data-testid="mail-test-ok"]').isExisting()) ||
        (await browser.$('[data-testid="mail-test-error"]').isExisting()),
      { timeout: 20_000, timeoutMsg: "the test mail gets an answer" },
    );
    const failure = await browser.$('[data-testid="mail-test-error"]');
    if (await failure.isExisting())
      assert.fail(`the test mail was refused: ${await failure.getText()}`);
    const answer = await browser
      .$('[data-testid="mail-test-answer"]')
      .getText();
    assert.match(answer, /^250\b/, "the server's answer is shown");
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, "mail-settings.png"));

    const [message] = await waitForMessages(
      1,
      10_000,
      "the test mail reaches the SMTP server",
    );
    assert.ok(
      message["x-rcptto"].includes(TEST_RECIPIENT),
      "the test mail is delivered to the recipient typed in",
    );
    assert.ok(
      message.to.includes(TEST_RECIPIENT),
      "the test mail is addressed to the recipient typed in",
    );
    assert.ok(
      message.from.includes(SENDER),
      "the test mail comes from the sender address",
    );
  }));

test("a counter sale's new-order notification is sent by the worker and shows as sent", () =>
  withFailureScreenshot(app.browser, "mail-notification", async () => {
    const { browser } = app;
    await browser.$('[data-testid="nav-counter"]').click();
    const scan = await browser.$('[data-testid="scan-input"]');
    await scan.waitForDisplayed({
      timeout: 20_000,
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
    await browser.$('[data-testid="receipt"]').waitForDisplayed({
      timeout: 10_000,
      timeoutMsg: "the receipt shows after paying",
    });
    const [order] = storedOrders(database);
    assert.ok(order, "the sale is stored");
    await browser.$('[data-testid="new-sale"]').click();

    await browser.$('[data-testid="nav-settings"]').click();
    await browser.$('[data-testid="settings-sent-mail"]').click();
    const sent = `[data-testid="mail-log-row"][data-kind="new_order_notification"][data-state="sent"]`;
    // The worker looks every few seconds: refresh the log until the notification is sent.
    await browser.waitUntil(
      async () => {
        const refresh = await browser.$('[data-testid="mail-log-refresh"]');
        if (await refresh.isEnabled()) await refresh.click();
        await sleep(1_000);
        return browser.$(sent).isExisting();
      },
      {
        timeout: 30_000,
        interval: 500,
        timeoutMsg: "the sent log shows the new-order notification as sent",
      },
    );
    const row = await browser.$(sent).getProperty("textContent");
    assert.ok(
      row.includes(order.reference),
      `the notification names the order ${order.reference}`,
    );
    assert.ok(
      row.includes(ADMIN),
      "the notification went to the admin address too",
    );
    await sleep(200);
    await browser.saveScreenshot(join(artifacts, "sent-mail.png"));

    const all = await waitForMessages(
      2,
      10_000,
      "the notification reaches the SMTP server",
    );
    const notification = all.find((message) =>
      message.subject.includes(order.reference),
    );
    assert.ok(
      notification,
      `a message about ${order.reference} is in the Maildir (subjects: ${all.map((m) => m.subject).join(" | ")})`,
    );
    assert.ok(
      notification["x-rcptto"].includes(ADMIN),
      "the notification is delivered to the admin address",
    );
    assert.ok(
      notification["x-rcptto"].includes(SENDER),
      "the notification is delivered to the sender address",
    );
  }));
