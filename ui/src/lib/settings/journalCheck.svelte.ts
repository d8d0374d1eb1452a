// Settings → Journal: "Verify journal" walks the hash-chained journal of sales, credit
// notes and register closings (as `kassa verify` does) and shows either how many entries
// are intact with the last hash (to write down elsewhere: it reveals a cut-off tail
// later), or the first broken entry in an error style.
import type { Backend } from '../api/backend';
import type { JournalVerification } from '../api/bindings/JournalVerification';
import { problemOf, type Problem } from '../api/errors';

/** What the settings show for a verification. */
export type JournalSummary =
  | { tone: 'ok'; title: string; lastHash: string | null }
  | { tone: 'broken'; title: string; detail: string; intact: string };

const KIND_NAMES: Record<string, string> = {
  sale: 'Sale',
  credit_note: 'Credit note',
  register_close: 'Register closing',
};

function entries(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}

export function journalSummary(verification: JournalVerification): JournalSummary {
  const { problem } = verification;
  if (problem === null) {
    return {
      tone: 'ok',
      title:
        verification.entries === 0
          ? 'The journal is empty: nothing to check yet.'
          : `${entries(verification.entries)} intact`,
      lastHash: verification.last_hash,
    };
  }
  const kind = KIND_NAMES[problem.kind] ?? problem.kind;
  return {
    tone: 'broken',
    title: `The journal is broken at entry ${problem.seq}`,
    detail: `${kind} ${problem.reference}: ${problem.problem}`,
    intact:
      verification.entries === 0
        ? 'No entry before it could be confirmed.'
        : verification.entries === 1
          ? 'The entry before it is intact.'
          : `The ${verification.entries} entries before it are intact.`,
  };
}

export class JournalCheck {
  verifying = $state(false);
  result = $state<JournalVerification | null>(null);
  /** The check itself failed (not a broken journal: that is a result). */
  problem = $state<Problem | null>(null);

  readonly #backend: Backend;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  get summary(): JournalSummary | null {
    return this.result === null ? null : journalSummary(this.result);
  }

  async verify(): Promise<void> {
    if (this.verifying) return;
    this.verifying = true;
    this.result = null;
    this.problem = null;
    try {
      this.result = await this.#backend.verifyJournal();
    } catch (error) {
      this.problem = problemOf(error);
    } finally {
      this.verifying = false;
    }
  }
}
