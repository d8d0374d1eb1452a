// A closed session's Z report and its documents: the PDF (the core writes it beside the
// database — closing already wrote one — and it opens in the system's viewer, where it is
// printed on any printer) and the receipt printer. One action at a time; each refusal is
// kept with its code (`printer_not_configured`, `printer_failed`, `not_found` …).
import type { Backend } from '../api/backend';
import type { ErrorCode } from '../api/bindings/ErrorCode';
import type { PrintOutcome } from '../api/bindings/PrintOutcome';
import type { RegisterReport } from '../api/bindings/RegisterReport';
import type { SavedReport } from '../api/bindings/SavedReport';
import { problemOf, type Problem } from '../api/errors';
import { DocumentOpener } from '../orders/documentOpener.svelte';

/** The short title of a failed print of a Z report, by its code (none when the message says it all). */
export function printProblemTitle(code: ErrorCode | null): string | null {
  switch (code) {
    case 'printer_not_configured':
      return null;
    case 'printer_failed':
      return 'The printer did not print the report.';
    default:
      return 'The report was not printed.';
  }
}

export class ZReportDocument {
  readonly sessionId: number;
  /** The frozen report, once known. */
  report = $state<RegisterReport | null>(null);
  /** Where its PDF was written, once saved. */
  path = $state<string | null>(null);
  saving = $state(false);
  problem = $state<Problem | null>(null);
  printing = $state(false);
  printed = $state<PrintOutcome | null>(null);
  printProblem = $state<Problem | null>(null);
  readonly opener: DocumentOpener;

  readonly #backend: Backend;

  constructor(backend: Backend, sessionId: number, saved?: SavedReport) {
    this.#backend = backend;
    this.sessionId = sessionId;
    this.opener = new DocumentOpener(backend);
    if (saved) {
      this.report = saved.report;
      this.path = saved.path;
    }
  }

  get busy(): boolean {
    return this.saving || this.printing || this.opener.opening !== null;
  }

  /** Writes the PDF (again); resolves with its path, or null when refused. */
  async save(): Promise<string | null> {
    if (this.saving) return null;
    this.saving = true;
    this.problem = null;
    this.opener.reset();
    try {
      const saved = await this.#backend.saveZReport({ session_id: this.sessionId });
      this.report = saved.report;
      this.path = saved.path;
      return saved.path;
    } catch (error) {
      this.problem = problemOf(error);
      return null;
    } finally {
      this.saving = false;
    }
  }

  /** Opens the PDF in the system's viewer, saving it first when it is not (or no longer) there. */
  async open(): Promise<void> {
    const path = this.path ?? (await this.save());
    if (path === null) return;
    const opened = await this.opener.open(path);
    if (!opened && this.opener.gone && this.path === path) this.path = null;
  }

  /** Prints the report on the receipt printer. */
  async print(): Promise<void> {
    if (this.printing) return;
    this.printing = true;
    this.printed = null;
    this.printProblem = null;
    try {
      this.printed = await this.#backend.printZReport({ session_id: this.sessionId });
    } catch (error) {
      this.printProblem = problemOf(error);
    } finally {
      this.printing = false;
    }
  }
}
