// The fake backend's e-mail: the mail settings checked as the core checks them (the same
// codes, messages that start with the field), the mail crate's address check, and an
// outbox that a pretend worker drains whenever the sent log or the mail status is read.
// The fake "server": an empty host means no server (mails stay queued); a host starting
// with `fail.` refuses every mail with a 550 answer (so failed mails and "Send again" can
// be tried in the browser); any other host takes every mail.
import type { MailLogEntry } from '../bindings/MailLogEntry';
import type { MailLogRequest } from '../bindings/MailLogRequest';
import type { MailSettingsInput } from '../bindings/MailSettingsInput';
import type { MailSettingsView } from '../bindings/MailSettingsView';
import type { MailStatus } from '../bindings/MailStatus';
import { BackendError } from '../errors';

export type FakeMailKind =
  'order_confirmation' | 'new_order_notification' | 'status_changed' | 'cart_recovery';
export type FakeMailState = 'queued' | 'sending' | 'retrying' | 'sent' | 'failed' | 'skipped';

/** The stored settings: everything but the password, which the fake keeps apart. */
export type FakeMailSettings = Omit<MailSettingsView, 'password_set'>;

/** One mail of the fake outbox with its log line. */
export interface FakeMail {
  id: number;
  kind: FakeMailKind;
  /** For status mails: the new status code. */
  status: string | null;
  orderUuid: string | null;
  orderReference: string | null;
  cartId: number | null;
  state: FakeMailState;
  recipients: string;
  subject: string;
  attempts: number;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
}

/** The core's defaults (its migration). */
export const DEFAULT_MAIL_SETTINGS: FakeMailSettings = {
  host: '',
  port: 587,
  security: 'starttls',
  user: '',
  from_address: '',
  from_name: '',
  admin_addresses: [],
  language: 'en',
  pay_link_template: '',
};

/** What the fake server answers when it takes a mail. */
export const FAKE_SERVER_OK = '250 2.0.0 Ok: queued';
/** What a `fail.` host answers to every mail. */
export const FAKE_SERVER_REFUSAL = '550 5.7.1 Relaying denied';

const MAX_HOST_LEN = 253;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function quoted(text: string): string {
  return JSON.stringify(text);
}

/** Why `input` is not an e-mail address (the mail crate's reasons), or null when it is one. */
export function addressProblem(input: string): string | null {
  const invalid = (reason: string): string => `${quoted(input)} is not an e-mail address: ${reason}`;
  if (input === '') return invalid('it is empty');
  if (CONTROL.test(input)) return invalid('it contains a line break or another control character');
  if (/\s/.test(input)) return invalid('it contains spaces');
  const at = input.lastIndexOf('@');
  if (at < 0) return invalid('it needs a name, an @ and a domain');
  const user = input.slice(0, at);
  const domain = input.slice(at + 1);
  if (
    user === '' ||
    !/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(user) ||
    user.startsWith('.') ||
    user.endsWith('.')
  )
    return invalid('the part before the @ is not valid');
  if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*$/u.test(domain))
    return invalid('the domain after the @ is not valid');
  return null;
}

/** A customer's e-mail address as the core checks it: `invalid_email`, message `e-mail: …`. */
export function checkCustomerEmail(email: string): void {
  const problem = addressProblem(email);
  if (problem !== null) throw new BackendError('invalid_email', `e-mail: ${problem}.`);
}

/** Checks and tidies the settings as `save_mail_settings` does (the password aside). */
export function checkMailSettings(input: MailSettingsInput): FakeMailSettings {
  const invalid = (message: string): BackendError => new BackendError('invalid_input', message);
  if (!['starttls', 'tls', 'none'].includes(input.security))
    throw invalid(`security: the connection is starttls, tls or none, not “${input.security}”.`);
  if (!['en', 'de'].includes(input.language))
    throw invalid(`language: mails are written in en or de, not “${input.language}”.`);
  const template = input.pay_link_template.trim();
  if (template !== '' && !template.startsWith('https://') && !template.startsWith('http://'))
    throw invalid(`pay_link_template: a pay link starts with https:// or http://, not “${template}”.`);
  const settings: FakeMailSettings = {
    host: input.host.trim(),
    port: input.port,
    security: input.security,
    user: input.user.trim(),
    from_address: input.from_address.trim(),
    from_name: input.from_name.trim(),
    admin_addresses: input.admin_addresses
      .map((address) => address.trim())
      .filter((address) => address !== ''),
    language: input.language,
    pay_link_template: template,
  };
  // As the core: without a host mail is off and the server fields are not checked.
  if (settings.host !== '') checkServer(settings);
  return settings;
}

/** The mail crate's `SmtpSettings::validate`: the first field that is wrong, by name. */
function checkServer(settings: FakeMailSettings): void {
  const field = (name: string, message: string): BackendError =>
    new BackendError(name.includes('address') ? 'invalid_email' : 'invalid_input', `${name}: ${message}`);
  const { host } = settings;
  if (host.length > MAX_HOST_LEN || !/^[\p{L}\p{N}._:[\]-]+$/u.test(host))
    throw field(
      'host',
      `${quoted(host)} is not a host name: it may only hold letters, digits, dots and dashes`,
    );
  if (!Number.isInteger(settings.port) || settings.port < 1 || settings.port > 65535)
    throw field('port', 'the port must be between 1 and 65535');
  if (CONTROL.test(settings.user))
    throw field(
      'user',
      'the user name must not be empty or hold line breaks (leave it out to send without logging in)',
    );
  const from = addressProblem(settings.from_address);
  if (from !== null) throw field('from_address', from);
  if (CONTROL.test(settings.from_name))
    throw field('from_name', "the sender's name must not hold line breaks");
  settings.admin_addresses.forEach((address, index) => {
    const problem = addressProblem(address);
    if (problem !== null) throw field(`admin_addresses[${index}]`, problem);
  });
}

/** Whether a fake server is set up (the core: a non-empty host). */
export function mailConfigured(settings: FakeMailSettings): boolean {
  return settings.host !== '';
}

/** `mail_not_configured` unless the fake server can be used now (a user needs a password). */
export function checkCanSend(settings: FakeMailSettings, passwordSet: boolean): void {
  if (!mailConfigured(settings))
    throw new BackendError('mail_not_configured', 'Set up the SMTP server first (Settings → E-mail).');
  if (settings.user !== '' && !passwordSet)
    throw new BackendError(
      'mail_not_configured',
      `password: the password for the user ${settings.user} is missing`,
    );
}

/** The fake server's answer to a mail: taken (its answer) or refused (the refusal). */
export function serverAnswer(settings: FakeMailSettings): { ok: boolean; answer: string } {
  return settings.host.startsWith('fail.')
    ? { ok: false, answer: FAKE_SERVER_REFUSAL }
    : { ok: true, answer: FAKE_SERVER_OK };
}

/** A new mail in the outbox, due now. */
export function queueMail(
  mails: FakeMail[],
  id: number,
  mail: Pick<FakeMail, 'kind'> &
    Partial<Pick<FakeMail, 'status' | 'orderUuid' | 'orderReference' | 'cartId'>>,
  now: Date,
): FakeMail {
  const queued: FakeMail = {
    id,
    kind: mail.kind,
    status: mail.status ?? null,
    orderUuid: mail.orderUuid ?? null,
    orderReference: mail.orderReference ?? null,
    cartId: mail.cartId ?? null,
    state: 'queued',
    recipients: '',
    subject: '',
    attempts: 0,
    error: null,
    createdAt: now.toISOString(),
    sentAt: null,
    nextAttemptAt: now.toISOString(),
  };
  mails.push(queued);
  return queued;
}

/** What a mail is made of when it is sent: recipients and subject, or why there is nothing to send. */
export type Composed = { to: string[]; subject: string } | { skip: string };

/**
 * One pass of the pretend worker: every waiting mail is composed and "sent" to the fake
 * server (taken, refused for good, or skipped when there is no one to send it to).
 */
export function runOutbox(
  mails: FakeMail[],
  settings: FakeMailSettings,
  passwordSet: boolean,
  compose: (mail: FakeMail) => Composed,
  now: Date,
): number {
  try {
    checkCanSend(settings, passwordSet);
  } catch {
    return 0;
  }
  let done = 0;
  for (const mail of mails) {
    if (!isWaiting(mail.state) || Date.parse(mail.nextAttemptAt) > now.getTime()) continue;
    const composed = compose(mail);
    done += 1;
    if ('skip' in composed) {
      mail.state = 'skipped';
      mail.error = composed.skip;
      continue;
    }
    mail.recipients = composed.to.join(', ');
    mail.subject = composed.subject;
    mail.attempts += 1;
    const { ok, answer } = serverAnswer(settings);
    if (ok) {
      mail.state = 'sent';
      mail.sentAt = now.toISOString();
    } else {
      mail.state = 'failed';
      mail.error = answer;
    }
  }
  return done;
}

function isWaiting(state: FakeMailState): boolean {
  return state === 'queued' || state === 'sending' || state === 'retrying';
}

export function mailEntry(mail: FakeMail): MailLogEntry {
  return {
    id: mail.id,
    kind: mail.kind,
    status: mail.status,
    order_reference: mail.orderReference,
    order_uuid: mail.orderUuid,
    state: mail.state,
    recipients: mail.recipients,
    subject: mail.subject,
    attempts: mail.attempts,
    error: mail.error,
    created_at: mail.createdAt,
    sent_at: mail.sentAt,
    next_attempt_at: mail.state === 'queued' || mail.state === 'retrying' ? mail.nextAttemptAt : null,
    caused_by: null,
  };
}

/** A page of the sent log, newest first, as the core pages it (`before` = the last id seen). */
export function logPage(mails: readonly FakeMail[], { before, limit }: MailLogRequest): MailLogEntry[] {
  const size = Math.min(Math.max(limit ?? 100, 1), 500);
  return mails
    .filter((mail) => before === null || mail.id < before)
    .sort((a, b) => b.id - a.id)
    .slice(0, size)
    .map(mailEntry);
}

export function mailCounts(mails: readonly FakeMail[], settings: FakeMailSettings): MailStatus {
  return {
    configured: mailConfigured(settings),
    pending: mails.filter((mail) => isWaiting(mail.state)).length,
    failed: mails.filter((mail) => mail.state === 'failed').length,
  };
}

/** "Send again": a failed mail waits again, due now; `not_found` for any other. */
export function requeueMail(mails: FakeMail[], id: number, now: Date): MailLogEntry {
  const mail = mails.find((m) => m.id === id);
  if (!mail || mail.state !== 'failed')
    throw new BackendError('not_found', `Mail ${id} does not exist or has not failed.`);
  mail.state = 'queued';
  mail.nextAttemptAt = now.toISOString();
  return mailEntry(mail);
}

/** The subjects the mail crate writes, in the store's language. */
export function subjectOf(
  mail: FakeMail,
  language: string,
  details: { total?: string; statusLabel?: string; storeName: string },
): string {
  const de = language === 'de';
  const reference = mail.orderReference ?? '';
  switch (mail.kind) {
    case 'order_confirmation':
      return de ? `Bestellung ${reference} bestätigt` : `Order ${reference} confirmed`;
    case 'new_order_notification':
      return de
        ? `Neue Bestellung ${reference}: ${details.total ?? ''}`
        : `New order ${reference}: ${details.total ?? ''}`;
    case 'status_changed':
      return de
        ? `Bestellung ${reference}: ${details.statusLabel ?? mail.status ?? ''}`
        : `Order ${reference}: ${details.statusLabel ?? mail.status ?? ''}`;
    case 'cart_recovery':
      return de
        ? `Ihr Warenkorb bei ${details.storeName} wartet auf Sie`
        : `Your cart at ${details.storeName} is waiting for you`;
  }
}
