// Tests Settings → E-mail against the fake backend: the port follows the security while it
// is the previous default, refusals land at the field their message names (an admin
// address as its line, a keyring failure at the password), the password is never filled
// in and is kept, replaced or removed, and the test mail saves an edited form first and
// reports the server's answer or its refusal.
import { describe, expect, it } from 'vitest';
import type { MailSettingsInput } from '../api/bindings/MailSettingsInput';
import { BackendError } from '../api/errors';
import { FakeBackend } from '../api/fake/fakeBackend';
import { FAKE_SERVER_REFUSAL } from '../api/fake/mail';
import {
  MailSettingsStore,
  adminList,
  passwordInput,
  placeProblem,
  portForSecurity,
  readPort,
  testMailTitle,
} from './mailSettings.svelte';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

async function loaded(api = backend()): Promise<{ api: FakeBackend; mail: MailSettingsStore }> {
  const mail = new MailSettingsStore(api);
  await mail.load();
  return { api, mail };
}

function fill(mail: MailSettingsStore): void {
  mail.host = ' smtp.example.com ';
  mail.fromAddress = 'shop@example.com';
  mail.fromName = 'Corner Shop';
  mail.admins = 'owner@example.com\n\n  manager@example.com  \n';
}

describe('mail settings form helpers', () => {
  it('moves the port with the security only while it is the previous default', () => {
    expect(portForSecurity('587', 'starttls', 'tls')).toBe('465');
    expect(portForSecurity('465', 'tls', 'none')).toBe('25');
    expect(portForSecurity('25', 'none', 'starttls')).toBe('587');
    expect(portForSecurity('', 'starttls', 'tls')).toBe('465');
    expect(portForSecurity('2525', 'starttls', 'tls')).toBe('2525');
    // 465 is TLS's default, not STARTTLS's: typed by hand, so it stays.
    expect(portForSecurity('465', 'starttls', 'none')).toBe('465');
  });

  it('reads the port and the admin lines', () => {
    expect(readPort(' 587 ')).toBe(587);
    expect(readPort('smtp')).toBeNull();
    expect(readPort('')).toBeNull();
    expect(adminList(' a@example.com \r\n\n b@example.com\n')).toEqual(['a@example.com', 'b@example.com']);
  });

  it('sends null to keep the password, the typed one to replace it, "" to remove it', () => {
    expect(passwordInput('', false)).toBeNull();
    expect(passwordInput('new secret', false)).toBe('new secret');
    expect(passwordInput('', true)).toBe('');
    expect(passwordInput('typed wins', true)).toBe('typed wins');
  });

  it('places a refusal at the field its message starts with, by its code', () => {
    expect(
      placeProblem({ code: 'invalid_input', message: 'port: the port must be between 1 and 65535' }),
    ).toEqual({
      field: 'port',
      problem: { code: 'invalid_input', message: 'The port must be between 1 and 65535' },
    });
    expect(
      placeProblem({
        code: 'invalid_email',
        message: 'from_address: "shop" is not an e-mail address: it is empty',
      }),
    ).toMatchObject({
      field: 'from_address',
      problem: { message: '"shop" is not an e-mail address: it is empty' },
    });
    expect(
      placeProblem({ code: 'invalid_email', message: 'admin_addresses[1]: "b" is not an e-mail address: x' }),
    ).toMatchObject({
      field: 'admin_addresses',
      problem: { message: 'Line 2: "b" is not an e-mail address: x' },
    });
    expect(
      placeProblem({ code: 'secret_store', message: 'The OS keyring could not be used: locked' }).field,
    ).toBe('password');
    // A field the form does not have, a message naming none, or another code: the whole form.
    expect(placeProblem({ code: 'invalid_input', message: 'smtp_password: no' }).field).toBeNull();
    expect(placeProblem({ code: 'invalid_input', message: 'Something is off.' }).field).toBeNull();
    expect(placeProblem({ code: 'database', message: 'host: the database is locked' }).field).toBeNull();
  });

  it('titles a failed test mail by its code', () => {
    expect(testMailTitle('mail_not_configured')).toMatch(/not set up/);
    expect(testMailTitle('mail_failed')).toMatch(/did not take/);
    expect(testMailTitle(null)).toMatch(/not sent/);
  });
});

describe('MailSettingsStore', () => {
  it('loads the saved settings, never a password, and saves the form tidied', async () => {
    const { api, mail } = await loaded();
    expect(mail.port).toBe('587');
    expect(mail.dirty).toBe(false);
    fill(mail);
    mail.setSecurity('tls');
    expect(mail.port).toBe('465');
    expect(mail.dirty).toBe(true);
    expect(await mail.save()).toBe(true);
    expect(mail.done).toBe(true);
    expect(mail.configured).toBe(true);
    expect(mail.dirty).toBe(false);
    expect(mail.admins).toBe('owner@example.com\nmanager@example.com');
    expect(await api.mailSettings()).toMatchObject({
      host: 'smtp.example.com',
      port: 465,
      security: 'tls',
      admin_addresses: ['owner@example.com', 'manager@example.com'],
    });
  });

  it('keeps, replaces and removes the password', async () => {
    const { api, mail } = await loaded();
    fill(mail);
    mail.user = 'shop';
    mail.password = 's3cret';
    expect(await mail.save()).toBe(true);
    expect(mail.passwordSet).toBe(true);
    expect(mail.password).toBe('');

    // Saving with the field left empty keeps it.
    mail.fromName = 'The Corner Shop';
    expect(await mail.save()).toBe(true);
    expect((await api.mailSettings()).password_set).toBe(true);

    mail.setRemovePassword(true);
    expect(mail.dirty).toBe(true);
    expect(mail.request()?.password).toBe('');
    mail.setRemovePassword(false);
    expect(mail.request()?.password).toBeNull();
    mail.password = 'replaced';
    expect(mail.request()?.password).toBe('replaced');

    mail.setRemovePassword(true);
    expect(mail.password).toBe('');
    expect(await mail.save()).toBe(true);
    expect(mail.passwordSet).toBe(false);
    expect(mail.removePassword).toBe(false);
  });

  it('shows a refusal at its field, and a port that is no number before asking', async () => {
    const { api, mail } = await loaded();
    fill(mail);
    mail.admins = 'owner@example.com\nmanager at example.com';
    expect(await mail.save()).toBe(false);
    expect(mail.fieldProblems.admin_addresses).toMatchObject({ code: 'invalid_email' });
    expect(mail.fieldProblems.admin_addresses?.message).toMatch(/^Line 2: "manager at example.com"/);
    expect(mail.problem).toBeNull();

    mail.admins = '';
    mail.port = 'five';
    expect(await mail.save()).toBe(false);
    expect(Object.keys(mail.fieldProblems)).toEqual(['port']);
    expect(mail.fieldProblems.port?.code).toBeNull();
    expect(mail.fieldProblems.port?.message).toMatch(/number/);

    mail.port = '0';
    expect(await mail.save()).toBe(false);
    expect(mail.fieldProblems.port?.code).toBe('invalid_input');
    mail.edited();
    expect(mail.fieldProblems).toEqual({});
    expect((await api.mailSettings()).host).toBe('');
  });

  it('shows a keyring failure at the password and other failures for the form', async () => {
    const api = backend();
    const mail = new MailSettingsStore(api);
    await mail.load();
    api.saveMailSettings = (): Promise<never> =>
      Promise.reject(new BackendError('secret_store', 'The OS keyring could not be used: locked'));
    mail.password = 'x';
    expect(await mail.save()).toBe(false);
    expect(mail.fieldProblems.password?.code).toBe('secret_store');
    api.saveMailSettings = (): Promise<never> => Promise.reject(new BackendError('database', 'disk full'));
    expect(await mail.save()).toBe(false);
    expect(mail.problem).toEqual({ code: 'database', message: 'disk full' });
  });

  it('tells the saved form when a save went through', async () => {
    let saves = 0;
    const api = backend();
    const mail = new MailSettingsStore(api, () => (saves += 1));
    await mail.load();
    fill(mail);
    await mail.save();
    expect(saves).toBe(1);
  });
});

describe('MailSettingsStore test mail', () => {
  it('says mail is not set up, with the code', async () => {
    const { mail } = await loaded();
    await mail.sendTest();
    expect(mail.tested).toBeNull();
    expect(mail.testProblem?.code).toBe('mail_not_configured');
  });

  it('saves an edited form first, then shows the server’s answer', async () => {
    const { api, mail } = await loaded();
    fill(mail);
    mail.testTo = ' anna@example.com ';
    const sending = mail.sendTest();
    expect(mail.testing).toBe(true);
    await sending;
    expect(mail.testing).toBe(false);
    expect((await api.mailSettings()).host).toBe('smtp.example.com');
    expect(mail.tested).toEqual({ to: 'anna@example.com', answer: '250 2.0.0 Ok: queued' });
    mail.edited();
    expect(mail.tested).toBeNull();
  });

  it('does not send when the edited form is refused', async () => {
    const { mail } = await loaded();
    fill(mail);
    mail.fromAddress = 'shop';
    await mail.sendTest();
    expect(mail.fieldProblems.from_address?.code).toBe('invalid_email');
    expect(mail.tested).toBeNull();
    expect(mail.testProblem).toBeNull();
  });

  it('shows a refused recipient at its field and the server’s refusal word for word', async () => {
    const { api, mail } = await loaded();
    fill(mail);
    await mail.save();
    mail.testTo = 'nobody';
    await mail.sendTest();
    expect(mail.testToProblem?.code).toBe('invalid_email');
    expect(mail.testProblem).toBeNull();

    const settings: MailSettingsInput = {
      ...(await api.mailSettings()),
      host: 'fail.example.com',
      password: null,
    };
    await api.saveMailSettings(settings);
    await mail.load();
    mail.testTo = '';
    await mail.sendTest();
    expect(mail.testProblem).toEqual({ code: 'mail_failed', message: FAKE_SERVER_REFUSAL });
    expect(mail.testToProblem).toBeNull();
  });
});
