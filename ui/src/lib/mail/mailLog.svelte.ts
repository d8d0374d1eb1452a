// The sent log: the mails of the outbox, newest first, a page at a time (keyset: "Load
// more" asks for the mails before the last one shown). The chips narrow the loaded mails
// to the failed or the waiting ones. "Send again" puts a failed mail back in the queue and
// shows its row as the core returns it (under "Failed" too, until the next refresh).
import type { Backend } from '../api/backend';
import type { MailLogEntry } from '../api/bindings/MailLogEntry';
import { errorMessage, problemOf, type Problem } from '../api/errors';
import { humanize } from '../format/datetime';

export const MAIL_LOG_PAGE = 50;

export type MailFilter = 'all' | 'failed' | 'waiting';

export const MAIL_FILTERS: readonly { value: MailFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'failed', label: 'Failed' },
  { value: 'waiting', label: 'Waiting' },
];

/** The mail still waits to be sent (queued, being sent, or to be tried again). */
export function isWaiting(state: string): boolean {
  return state === 'queued' || state === 'sending' || state === 'retrying';
}

export function matchesFilter(entry: MailLogEntry, filter: MailFilter): boolean {
  if (filter === 'failed') return entry.state === 'failed';
  if (filter === 'waiting') return isWaiting(entry.state);
  return true;
}

/** What a mail is, in words; a status mail names its status (by its label when known). */
export function kindLabel(
  entry: MailLogEntry,
  statusLabel: (code: string) => string | undefined = () => undefined,
): string {
  switch (entry.kind) {
    case 'order_confirmation':
      return 'Order confirmation';
    case 'new_order_notification':
      return 'New order (to the shop)';
    case 'status_changed': {
      const status = entry.status === null ? null : (statusLabel(entry.status) ?? humanize(entry.status));
      return status === null ? 'Status change' : `Status change: ${status}`;
    }
    case 'cart_recovery':
      return 'Cart recovery';
    default:
      return humanize(entry.kind);
  }
}

const STATES: Record<string, { label: string; colour: string }> = {
  queued: { label: 'Queued', colour: '#718096' },
  sending: { label: 'Sending', colour: '#2b6cb0' },
  retrying: { label: 'Retrying', colour: '#b7791f' },
  sent: { label: 'Sent', colour: '#1f7a4d' },
  failed: { label: 'Failed', colour: '#b42318' },
  skipped: { label: 'Skipped', colour: '#a0aec0' },
};

export function stateLabel(state: string): string {
  return STATES[state]?.label ?? humanize(state);
}

export function stateColour(state: string): string {
  return STATES[state]?.colour ?? '#718096';
}

export class MailLogStore {
  /** Every mail loaded so far, newest first. */
  entries = $state<MailLogEntry[]>([]);
  filter = $state<MailFilter>('all');
  loading = $state(false);
  loadingMore = $state(false);
  /** The last page was full: older mails may follow. */
  hasMore = $state(false);
  error = $state<string | null>(null);
  /** The mail being sent again. */
  retrying = $state<number | null>(null);
  /** Why "Send again" failed, by mail id. */
  rowProblems = $state<Record<number, Problem>>({});
  /** The log was loaded at least once. */
  loaded = $state(false);
  /** Mails sent again since the last refresh: they stay under "Failed" to show their new state. */
  retried = $state<number[]>([]);

  readonly #backend: Backend;
  readonly #pageSize: number;
  readonly #changed: () => void;
  #sequence = 0;

  /** `changed` runs after a mail was put back in the queue (the status bar looks again). */
  constructor(backend: Backend, options: { pageSize?: number; changed?: () => void } = {}) {
    this.#backend = backend;
    this.#pageSize = options.pageSize ?? MAIL_LOG_PAGE;
    this.#changed = options.changed ?? (() => {});
  }

  /** The loaded mails the chosen chip lets through. */
  get shown(): MailLogEntry[] {
    return this.entries.filter(
      (entry) =>
        matchesFilter(entry, this.filter) || (this.filter === 'failed' && this.retried.includes(entry.id)),
    );
  }

  /** Loads the newest page again (older pages loaded before are dropped). */
  async refresh(): Promise<void> {
    const sequence = ++this.#sequence;
    this.loading = true;
    this.loadingMore = false;
    this.error = null;
    try {
      const page = await this.#backend.mailLog({ before: null, limit: this.#pageSize });
      if (sequence !== this.#sequence) return;
      this.entries = page;
      this.hasMore = page.length === this.#pageSize;
      this.rowProblems = {};
      this.retried = [];
      this.loaded = true;
    } catch (error) {
      if (sequence === this.#sequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.#sequence) this.loading = false;
    }
  }

  /** The next older page, after the last mail shown. */
  async loadMore(): Promise<void> {
    const last = this.entries.at(-1);
    if (!last || !this.hasMore || this.loading || this.loadingMore) return;
    const sequence = ++this.#sequence;
    this.loadingMore = true;
    this.error = null;
    try {
      const page = await this.#backend.mailLog({ before: last.id, limit: this.#pageSize });
      if (sequence !== this.#sequence) return;
      // A mail queued meanwhile cannot be on an older page, but one seen twice is shown once.
      const known = this.entries.map((entry) => entry.id);
      this.entries = [...this.entries, ...page.filter((entry) => !known.includes(entry.id))];
      this.hasMore = page.length === this.#pageSize;
    } catch (error) {
      if (sequence === this.#sequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.#sequence) this.loadingMore = false;
    }
  }

  /** "Send again" on a failed mail: its row becomes what the core answers (queued). */
  async retry(id: number): Promise<boolean> {
    if (this.retrying !== null) return false;
    this.retrying = id;
    this.rowProblems = Object.fromEntries(
      Object.entries(this.rowProblems).filter(([key]) => Number(key) !== id),
    );
    try {
      const entry = await this.#backend.retryMail({ id });
      this.entries = this.entries.map((row) => (row.id === id ? entry : row));
      this.retried = [...this.retried, id];
      this.#changed();
      return true;
    } catch (error) {
      this.rowProblems = { ...this.rowProblems, [id]: problemOf(error) };
      return false;
    } finally {
      this.retrying = null;
    }
  }
}
