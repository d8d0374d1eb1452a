// The mail state in the status bar, from `mail_status` looked up every 15 seconds: nothing
// while mail is set up and nothing waits; "N mails waiting" while mails wait for the
// server; "E-mail not set up" when mails wait and no server is set; "N mails failed" (a
// warning that leads to the sent log) when mails need a person.
import type { Backend } from '../api/backend';
import type { MailStatus } from '../api/bindings/MailStatus';

export const MAIL_STATUS_INTERVAL_MS = 15_000;

export interface MailIndicator {
  kind: 'waiting' | 'failed' | 'not_set_up';
  text: string;
  tone: 'info' | 'warning' | 'muted';
  /** A longer explanation (the tooltip). */
  title: string;
}

function mails(count: number): string {
  return `${count} ${count === 1 ? 'mail' : 'mails'}`;
}

/** What the status bar shows for a mail status (nothing for null: not known yet). */
export function mailIndicators(status: MailStatus | null): MailIndicator[] {
  if (status === null) return [];
  const shown: MailIndicator[] = [];
  if (status.pending > 0) {
    shown.push(
      status.configured
        ? {
            kind: 'waiting',
            text: `${mails(status.pending)} waiting`,
            tone: 'info',
            title: 'Waiting to be sent; they go out by themselves.',
          }
        : {
            kind: 'not_set_up',
            text: 'E-mail not set up',
            tone: 'muted',
            title: `${mails(status.pending)} waiting until an SMTP server is set up in Settings → E-mail.`,
          },
    );
  }
  if (status.failed > 0) {
    shown.push({
      kind: 'failed',
      text: `${mails(status.failed)} failed`,
      tone: 'warning',
      title: 'The server refused them: see the sent log and send them again.',
    });
  }
  return shown;
}

export class MailStatusStore {
  status = $state<MailStatus | null>(null);

  readonly #backend: Backend;
  #sequence = 0;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  get indicators(): MailIndicator[] {
    return mailIndicators(this.status);
  }

  /** Looks again; a failed look keeps what was known (the next one may work). */
  async refresh(): Promise<void> {
    const sequence = ++this.#sequence;
    try {
      const status = await this.#backend.mailStatus();
      if (sequence === this.#sequence) this.status = status;
    } catch {
      // The status bar is a hint only: keep the last answer.
    }
  }

  /** Looks now and then every `intervalMs`; returns the function that stops it. */
  start(intervalMs = MAIL_STATUS_INTERVAL_MS): () => void {
    void this.refresh();
    const timer = setInterval(() => void this.refresh(), intervalMs);
    return () => clearInterval(timer);
  }
}
