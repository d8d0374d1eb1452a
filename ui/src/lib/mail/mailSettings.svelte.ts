// Settings → E-mail: the SMTP server (host, security, port, user, password), the sender,
// the extra addresses that hear of new orders, the mails' language and the pay link.
//
// The password is never shown: the form starts empty and says whether one is stored. On
// save an empty password field keeps the stored one (`null`), a typed one replaces it, and
// "Remove password" sends "" to delete it. The port follows the security while it is the
// default of the one before (587 STARTTLS, 465 TLS, 25 none). A refusal is shown next to
// the field its message starts with (`from_address: …`); the code says what kind it is.
// "Send test mail" saves an edited form first, then reports the server's answer, or its
// refusal word for word.
import type { Backend } from '../api/backend';
import type { ErrorCode } from '../api/bindings/ErrorCode';
import type { MailSettingsInput } from '../api/bindings/MailSettingsInput';
import type { MailSettingsView } from '../api/bindings/MailSettingsView';
import type { TestMailOutcome } from '../api/bindings/TestMailOutcome';
import { errorMessage, problemOf, type Problem } from '../api/errors';
import { messageField, messageText } from '../api/fieldProblem';

export type Security = 'starttls' | 'tls' | 'none';

export const SECURITY_OPTIONS: readonly { value: Security; label: string }[] = [
  { value: 'starttls', label: 'STARTTLS' },
  { value: 'tls', label: 'TLS (implicit)' },
  { value: 'none', label: 'None (local relay)' },
];

export const DEFAULT_PORTS: Record<Security, number> = { starttls: 587, tls: 465, none: 25 };

export const LANGUAGES: readonly { value: string; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch' },
];

/** The form's fields a refusal can be shown at. */
export const MAIL_FIELDS = [
  'host',
  'port',
  'security',
  'user',
  'password',
  'from_address',
  'from_name',
  'admin_addresses',
  'language',
  'pay_link_template',
] as const;
export type MailField = (typeof MAIL_FIELDS)[number];

function isMailField(field: string): field is MailField {
  return (MAIL_FIELDS as readonly string[]).includes(field);
}

function isSecurity(value: string): value is Security {
  return value in DEFAULT_PORTS;
}

/**
 * The port once the security changes from `from` to `to`: the new default when the port
 * was the old default (or empty), otherwise what was typed.
 */
export function portForSecurity(port: string, from: string, to: string): string {
  if (!isSecurity(to)) return port;
  const typed = port.trim();
  const wasDefault = typed === '' || (isSecurity(from) && typed === String(DEFAULT_PORTS[from]));
  return wasDefault ? String(DEFAULT_PORTS[to]) : port;
}

/** A port typed as a whole number, or null when it is not one (the range is the core's to check). */
export function readPort(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,5}$/.test(trimmed) ? Number(trimmed) : null;
}

/** The extra admin addresses typed one per line: trimmed, blank lines dropped. */
export function adminList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The request's password: a typed one replaces, "" removes, null keeps the stored one. */
export function passwordInput(typed: string, remove: boolean): string | null {
  if (typed !== '') return typed;
  return remove ? '' : null;
}

/** A refusal of a save and the field it belongs at (null: the form as a whole). */
export interface PlacedProblem {
  field: MailField | null;
  problem: Problem;
}

/**
 * Where a refusal of the settings is shown. `invalid_email` and `invalid_input` name their
 * field first (an admin address by its index, shown as its line); `secret_store` is the
 * keyring refusing the password. Anything else belongs to the whole form.
 */
export function placeProblem(problem: Problem): PlacedProblem {
  if (problem.code === 'secret_store') return { field: 'password', problem };
  if (problem.code !== 'invalid_email' && problem.code !== 'invalid_input') return { field: null, problem };
  const named = messageField(problem.message);
  if (named === null) return { field: null, problem };
  const line = /^admin_addresses\[(\d+)\]$/.exec(named);
  if (line) {
    const text = `Line ${Number(line[1]) + 1}: ${messageText(problem.message)}`;
    return { field: 'admin_addresses', problem: { ...problem, message: text } };
  }
  if (!isMailField(named)) return { field: null, problem };
  return { field: named, problem: { ...problem, message: messageText(problem.message) } };
}

/** The short title of a failed test mail, by its code. */
export function testMailTitle(code: ErrorCode | null): string {
  switch (code) {
    case 'mail_not_configured':
      return 'E-mail is not set up.';
    case 'mail_failed':
      return 'The server did not take the test mail:';
    case 'secret_store':
      return 'The password could not be read from the keyring.';
    default:
      return 'The test mail was not sent.';
  }
}

export class MailSettingsStore {
  /** What the backend has saved; null until loaded. */
  saved = $state<MailSettingsView | null>(null);
  host = $state('');
  port = $state('587');
  security = $state<string>('starttls');
  user = $state('');
  /** A new password; empty keeps the stored one. Never filled from the backend. */
  password = $state('');
  /** "Remove password" was chosen: the next save deletes the stored one. */
  removePassword = $state(false);
  fromAddress = $state('');
  fromName = $state('');
  /** The extra admin addresses, one per line. */
  admins = $state('');
  language = $state('en');
  payLink = $state('');

  saving = $state(false);
  loadError = $state<string | null>(null);
  /** Refusals shown next to their field. */
  fieldProblems = $state<Partial<Record<MailField, Problem>>>({});
  /** A refusal of the form as a whole. */
  problem = $state<Problem | null>(null);
  /** The last save went through (cleared by the next edit). */
  done = $state(false);

  /** The test mail's recipient; empty sends it to the sender address. */
  testTo = $state('');
  testing = $state(false);
  tested = $state<TestMailOutcome | null>(null);
  testProblem = $state<Problem | null>(null);
  /** The recipient was refused (`invalid_email`). */
  testToProblem = $state<Problem | null>(null);

  readonly #backend: Backend;
  readonly #saved: () => void;

  /** `saved` runs after every save that went through (the status bar looks again). */
  constructor(backend: Backend, saved: () => void = () => {}) {
    this.#backend = backend;
    this.#saved = saved;
  }

  /** A password is stored in the keyring. */
  get passwordSet(): boolean {
    return this.saved?.password_set ?? false;
  }

  /** An SMTP server is saved: mails go out. */
  get configured(): boolean {
    return (this.saved?.host ?? '') !== '';
  }

  /** The form differs from what is saved. */
  get dirty(): boolean {
    const saved = this.saved;
    if (saved === null) return true;
    return (
      this.host.trim() !== saved.host ||
      readPort(this.port) !== saved.port ||
      this.security !== saved.security ||
      this.user.trim() !== saved.user ||
      this.password !== '' ||
      this.removePassword ||
      this.fromAddress.trim() !== saved.from_address ||
      this.fromName.trim() !== saved.from_name ||
      adminList(this.admins).join('\n') !== saved.admin_addresses.join('\n') ||
      this.language !== saved.language ||
      this.payLink.trim() !== saved.pay_link_template
    );
  }

  async load(): Promise<void> {
    this.loadError = null;
    this.edited();
    try {
      this.#apply(await this.#backend.mailSettings());
    } catch (error) {
      this.loadError = errorMessage(error);
    }
  }

  /** Any edit: the last outcome no longer describes the form. */
  edited(): void {
    this.fieldProblems = {};
    this.problem = null;
    this.done = false;
    this.tested = null;
    this.testProblem = null;
    this.testToProblem = null;
  }

  /** A new security; the port follows it while it was the previous one's default. */
  setSecurity(security: string): void {
    this.port = portForSecurity(this.port, this.security, security);
    this.security = security;
    this.edited();
  }

  /** "Remove password" (or undo it): the next save deletes the stored password. */
  setRemovePassword(remove: boolean): void {
    this.removePassword = remove;
    if (remove) this.password = '';
    this.edited();
  }

  /** The request the form makes, or null when the port cannot be sent (shown at the port). */
  request(): MailSettingsInput | null {
    const port = readPort(this.port);
    if (port === null) {
      this.fieldProblems = { port: { code: null, message: 'Enter the port as a number, e.g. 587.' } };
      return null;
    }
    return {
      host: this.host.trim(),
      port,
      security: this.security,
      user: this.user.trim(),
      password: passwordInput(this.password, this.removePassword),
      from_address: this.fromAddress.trim(),
      from_name: this.fromName.trim(),
      admin_addresses: adminList(this.admins),
      language: this.language,
      pay_link_template: this.payLink.trim(),
    };
  }

  async save(): Promise<boolean> {
    if (this.saving) return false;
    this.edited();
    const request = this.request();
    if (request === null) return false;
    this.saving = true;
    try {
      this.#apply(await this.#backend.saveMailSettings(request));
      this.done = true;
      this.#saved();
      return true;
    } catch (error) {
      const { field, problem } = placeProblem(problemOf(error));
      if (field === null) this.problem = problem;
      else this.fieldProblems = { [field]: problem };
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Sends a test mail, saving the form first when it was edited. */
  async sendTest(): Promise<void> {
    if (this.testing || this.saving) return;
    this.testing = true;
    try {
      if (this.dirty && !(await this.save())) return;
      this.tested = null;
      this.testProblem = null;
      this.testToProblem = null;
      const to = this.testTo.trim();
      this.tested = await this.#backend.sendTestMail({ to: to === '' ? null : to });
    } catch (error) {
      const problem = problemOf(error);
      if (problem.code === 'invalid_email') this.testToProblem = problem;
      else this.testProblem = problem;
    } finally {
      this.testing = false;
    }
  }

  #apply(settings: MailSettingsView): void {
    this.saved = settings;
    this.host = settings.host;
    this.port = String(settings.port);
    this.security = settings.security;
    this.user = settings.user;
    this.password = '';
    this.removePassword = false;
    this.fromAddress = settings.from_address;
    this.fromName = settings.from_name;
    this.admins = settings.admin_addresses.join('\n');
    this.language = settings.language;
    this.payLink = settings.pay_link_template;
  }
}
