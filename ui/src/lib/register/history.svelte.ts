// The register's past sessions, newest first: each closed one offers its frozen Z report
// (shown in a dialog), its PDF (saved again, then opened in the system's viewer) and a
// print on the receipt printer.
import type { Backend } from '../api/backend';
import type { RegisterSessionView } from '../api/bindings/RegisterSessionView';
import { errorMessage, problemOf, type Problem } from '../api/errors';
import { ZReportDocument } from './zReport.svelte';

export class RegisterHistory {
  sessions = $state<RegisterSessionView[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  /** The documents of each closed session, by session id. */
  documents = $state<Record<number, ZReportDocument>>({});
  /** The session whose Z report is shown, if any. */
  viewing = $state<ZReportDocument | null>(null);
  viewLoading = $state<number | null>(null);
  viewProblem = $state<{ sessionId: number; problem: Problem } | null>(null);

  readonly #backend: Backend;
  #sequence = 0;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  async load(): Promise<void> {
    const sequence = ++this.#sequence;
    this.loading = true;
    this.error = null;
    try {
      const sessions = await this.#backend.registerSessions();
      if (sequence !== this.#sequence) return;
      this.sessions = sessions;
      // Keep the documents already made (a saved path, a print outcome) across reloads.
      const documents: Record<number, ZReportDocument> = {};
      for (const session of sessions) {
        if (session.closed_at === null) continue;
        documents[session.id] = this.documents[session.id] ?? new ZReportDocument(this.#backend, session.id);
      }
      this.documents = documents;
    } catch (error) {
      if (sequence === this.#sequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.#sequence) this.loading = false;
    }
  }

  /** Shows a closed session's Z report, exactly as it was closed. */
  async view(sessionId: number): Promise<void> {
    const document = this.documents[sessionId];
    if (!document || this.viewLoading !== null) return;
    this.viewProblem = null;
    if (document.report === null) {
      this.viewLoading = sessionId;
      try {
        document.report = await this.#backend.zReport({ session_id: sessionId });
      } catch (error) {
        this.viewProblem = { sessionId, problem: problemOf(error) };
        return;
      } finally {
        this.viewLoading = null;
      }
    }
    this.viewing = document;
  }

  closeView(): void {
    this.viewing = null;
  }
}
