// Tests the fake backend's e-mail as the core behaves: settings refused with the field
// first (`invalid_email` for addresses, `invalid_input` for the rest, nothing checked
// without a host), the password kept apart and never returned (null keeps, "" removes),
// test mails (not set up, a bad recipient, the server's refusal word for word), the outbox
// filled by orders and cart recovery and drained only while a server is set, the sent log's
// keyset pages, "Send again", the status counts, and customer addresses checked as the
// mail crate checks them.
import { describe, expect, it } from 'vitest';
import type { MailSettingsInput } from '../bindings/MailSettingsInput';
import { BackendError } from '../errors';
import { FakeBackend } from './fakeBackend';
import { FAKE_SERVER_REFUSAL, addressProblem } from './mail';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

const SERVER: MailSettingsInput = {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls',
  user: '',
  password: null,
  from_address: 'shop@example.com',
  from_name: 'Corner Shop',
  admin_addresses: ['owner@example.com'],
  language: 'en',
  pay_link_template: '',
};

async function refusal(promise: Promise<unknown>): Promise<BackendError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

/** A cash sale at the counter, with a customer when given. */
async function sell(api: FakeBackend, customerId: number | null = null): Promise<string> {
  const product = (await api.searchProducts({ query: 'milk', limit: 1 }))[0];
  if (!product) throw new Error('no demo product');
  await api.addToCart({ product_id: product.id, quantity: 1 });
  if (customerId !== null) await api.setCartCustomer({ customer_id: customerId });
  const cart = await api.currentCart();
  const receipt = await api.checkout({
    order_uuid: crypto.randomUUID(),
    cart_id: cart.cart_id ?? 0,
    tenders: [{ method: 'cash', tendered: '50.00' }],
  });
  return receipt.order.reference;
}

describe('fake mail settings', () => {
  it('starts with mail off and the core defaults', async () => {
    const api = backend();
    expect(await api.mailSettings()).toEqual({
      host: '',
      port: 587,
      security: 'starttls',
      user: '',
      password_set: false,
      from_address: '',
      from_name: '',
      admin_addresses: [],
      language: 'en',
      pay_link_template: '',
    });
    expect(await api.mailStatus()).toEqual({ configured: false, pending: 0, failed: 0 });
  });

  it('names the field first: invalid_email for addresses, invalid_input for the rest', async () => {
    const api = backend();
    const cases: [Partial<MailSettingsInput>, string, RegExp][] = [
      [{ host: 'smtp example.com' }, 'invalid_input', /^host: "smtp example.com" is not a host name/],
      [{ port: 0 }, 'invalid_input', /^port: the port must be between 1 and 65535/],
      [{ security: 'ssl' }, 'invalid_input', /^security: the connection is starttls, tls or none/],
      [{ language: 'fr' }, 'invalid_input', /^language: mails are written in en or de/],
      [{ pay_link_template: 'shop.example/{reference}' }, 'invalid_input', /^pay_link_template: /],
      [{ from_address: 'shop' }, 'invalid_email', /^from_address: "shop" is not an e-mail address: it needs/],
      [
        { admin_addresses: ['a@example.com', 'b at example.com'] },
        'invalid_email',
        /^admin_addresses\[1\]: "b at example.com" is not an e-mail address: it contains spaces/,
      ],
    ];
    for (const [change, code, message] of cases) {
      const error = await refusal(api.saveMailSettings({ ...SERVER, ...change }));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    }
    expect((await api.mailSettings()).host).toBe('');
  });

  it('checks no server field without a host (mail off), but still the language and pay link', async () => {
    const api = backend();
    const off = await api.saveMailSettings({ ...SERVER, host: ' ', from_address: '', port: 0 });
    expect(off).toMatchObject({ host: '', from_address: '', port: 0 });
    expect((await refusal(api.saveMailSettings({ ...SERVER, host: '', language: 'xx' }))).code).toBe(
      'invalid_input',
    );
  });

  it('keeps the password apart: null keeps it, a new one replaces it, "" removes it', async () => {
    const api = backend();
    const saved = await api.saveMailSettings({ ...SERVER, user: 'shop', password: 's3cret' });
    expect(saved.password_set).toBe(true);
    expect(JSON.stringify(saved)).not.toContain('s3cret');
    expect(JSON.stringify(await api.mailSettings())).not.toContain('s3cret');
    expect((await api.saveMailSettings({ ...SERVER, user: 'shop', password: null })).password_set).toBe(true);
    expect((await api.saveMailSettings({ ...SERVER, user: 'shop', password: 'other' })).password_set).toBe(
      true,
    );
    expect((await api.saveMailSettings({ ...SERVER, user: 'shop', password: '' })).password_set).toBe(false);
    // A user without a password cannot log in: the test mail says so.
    const error = await refusal(api.sendTestMail({ to: null }));
    expect(error.code).toBe('mail_not_configured');
    expect(error.message).toMatch(/^password: /);
  });

  it('checks addresses as the mail crate does', () => {
    expect(addressProblem('anna@example.com')).toBeNull();
    expect(addressProblem('a.b+shop@sub.example.de')).toBeNull();
    expect(addressProblem('')).toMatch(/it is empty$/);
    expect(addressProblem('anna.example.com')).toMatch(/needs a name, an @ and a domain$/);
    expect(addressProblem('anna@')).toMatch(/the domain after the @ is not valid$/);
    expect(addressProblem('@example.com')).toMatch(/the part before the @ is not valid$/);
    expect(addressProblem('Anna <anna@example.com>')).toMatch(/it contains spaces$/);
    expect(addressProblem('anna@example.com\nBcc: x@y.z')).toMatch(/control character$/);
  });
});

describe('fake test mail', () => {
  it('is refused until a server is set, then answers with the server’s words', async () => {
    const api = backend();
    const off = await refusal(api.sendTestMail({ to: null }));
    expect(off.code).toBe('mail_not_configured');
    await api.saveMailSettings(SERVER);
    expect((await refusal(api.sendTestMail({ to: 'nobody' }))).code).toBe('invalid_email');
    expect(await api.sendTestMail({ to: null })).toEqual({
      to: 'shop@example.com',
      answer: '250 2.0.0 Ok: queued',
    });
    expect((await api.sendTestMail({ to: ' anna@example.com ' })).to).toBe('anna@example.com');

    await api.saveMailSettings({ ...SERVER, host: 'fail.example.com' });
    const failed = await refusal(api.sendTestMail({ to: null }));
    expect(failed.code).toBe('mail_failed');
    expect(failed.message).toBe(FAKE_SERVER_REFUSAL);
  });
});

describe('fake outbox and sent log', () => {
  it('queues a notification for every order and a confirmation when it has a customer', async () => {
    const api = backend();
    const walkIn = await sell(api);
    const anna = await sell(api, 1);
    // No server: the mails wait, nothing is composed yet.
    const waiting = await api.mailLog({ before: null, limit: null });
    expect(waiting.map((entry) => [entry.kind, entry.order_reference, entry.state])).toEqual([
      ['order_confirmation', anna, 'queued'],
      ['new_order_notification', anna, 'queued'],
      ['new_order_notification', walkIn, 'queued'],
    ]);
    expect(waiting[0]?.next_attempt_at).not.toBeNull();
    expect(await api.mailStatus()).toEqual({ configured: false, pending: 3, failed: 0 });

    await api.saveMailSettings(SERVER);
    const sent = await api.mailLog({ before: null, limit: null });
    expect(sent.map((entry) => entry.state)).toEqual(['sent', 'sent', 'sent']);
    expect(sent[0]).toMatchObject({
      recipients: 'anna.peeters@example.com',
      subject: `Order ${anna} confirmed`,
      attempts: 1,
      next_attempt_at: null,
    });
    expect(sent[1]?.recipients).toBe('shop@example.com, owner@example.com');
    expect(sent[1]?.subject).toMatch(new RegExp(`^New order ${anna}: `));
    expect(await api.mailStatus()).toEqual({ configured: true, pending: 0, failed: 0 });
  });

  it('pages newest first by the last id seen', async () => {
    const api = backend();
    for (let sale = 0; sale < 5; sale += 1) await sell(api);
    const first = await api.mailLog({ before: null, limit: 2 });
    expect(first.map((entry) => entry.id)).toEqual([5, 4]);
    const second = await api.mailLog({ before: 4, limit: 2 });
    expect(second.map((entry) => entry.id)).toEqual([3, 2]);
    expect((await api.mailLog({ before: 2, limit: 2 })).map((entry) => entry.id)).toEqual([1]);
  });

  it('fails refused mails for good and sends them again on request', async () => {
    const api = backend();
    await api.saveMailSettings({ ...SERVER, host: 'fail.example.com' });
    await sell(api);
    const [failed] = await api.mailLog({ before: null, limit: null });
    expect(failed).toMatchObject({ state: 'failed', error: FAKE_SERVER_REFUSAL, attempts: 1 });
    expect(await api.mailStatus()).toEqual({ configured: true, pending: 0, failed: 1 });

    await api.saveMailSettings(SERVER);
    const again = await api.retryMail({ id: failed?.id ?? 0 });
    expect(again).toMatchObject({ id: failed?.id, state: 'queued' });
    expect((await refusal(api.retryMail({ id: failed?.id ?? 0 }))).code).toBe('not_found');
    expect((await refusal(api.retryMail({ id: 999 }))).code).toBe('not_found');
    const [sent] = await api.mailLog({ before: null, limit: null });
    expect(sent).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('queues a status mail when the customer is to be told, skipped without an address', async () => {
    const api = backend();
    await sell(api, 4); // Wout Claes has no e-mail address
    const [order] = (await api.listOrders({ limit: 1 })).orders;
    await api.changeOrderStatus({ uuid: order?.uuid ?? '', status: 'processing', notify_customer: true });
    await api.saveMailSettings(SERVER);
    const log = await api.mailLog({ before: null, limit: null });
    expect(log[0]).toMatchObject({ kind: 'status_changed', status: 'processing', state: 'skipped' });
    expect(log[0]?.error).toMatch(/no e-mail address/);
    expect(log[1]).toMatchObject({ kind: 'order_confirmation', state: 'skipped' });
  });
});

describe('fake customer addresses and cart recovery', () => {
  it('refuses a customer address the mail crate refuses, with invalid_email and the field', async () => {
    const api = backend();
    const error = await refusal(
      api.createCustomer({ customer: { kind: 'account', name: 'Eva', email: 'eva@' } }),
    );
    expect(error.code).toBe('invalid_email');
    expect(error.message).toMatch(/^e-mail: "eva@" is not an e-mail address: /);
    const update = await refusal(
      api.updateCustomer({
        customer_id: 1,
        name: 'Anna Peeters',
        email: 'anna at example.com',
        customer_group: 'retail',
        newsletter: false,
        notes: '',
      }),
    );
    expect(update.code).toBe('invalid_email');
    expect(
      (await api.createCustomer({ customer: { kind: 'account', name: 'Eva', email: 'eva@example.com' } }))
        .email,
    ).toBe('eva@example.com');
  });

  it('queues the recovery mail once, and refuses a cart whose customer has no address', async () => {
    const api = backend();
    const [web] = await api.abandonedCarts();
    if (!web) throw new Error('the demo has an abandoned cart');
    await api.markRecoverySent({ cart_id: web.cart_id });
    await api.markRecoverySent({ cart_id: web.cart_id });
    const log = await api.mailLog({ before: null, limit: null });
    expect(log.map((entry) => [entry.kind, entry.order_reference, entry.state])).toEqual([
      ['cart_recovery', null, 'queued'],
    ]);

    const product = (await api.searchProducts({ query: 'milk', limit: 1 }))[0];
    await api.addToCart({ product_id: product?.id ?? 0, quantity: 1 });
    await api.setCartCustomer({ customer_id: 4 });
    await api.parkCart({ name: 'Wout' });
    const parked = (await api.parkedCarts()).find((cart) => cart.name === 'Wout');
    const error = await refusal(api.markRecoverySent({ cart_id: parked?.cart_id ?? 0 }));
    expect(error.code).toBe('invalid_email');

    await api.saveMailSettings(SERVER);
    const [recovery] = await api.mailLog({ before: null, limit: null });
    expect(recovery).toMatchObject({
      kind: 'cart_recovery',
      state: 'sent',
      recipients: 'anna.peeters@example.com',
      subject: 'Your cart at Kassa Demo Store is waiting for you',
    });
  });
});
