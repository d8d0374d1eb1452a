// The Dashboard view's state: the range typed (checked before it is sent; the core's
// `from:` / `to:` refusals show at their field), the dashboard for it, and the CSV export
// of each list (days, products, payments, taxes) for the range shown, with the path
// written and "Open" in the system's viewer.
import type { Backend } from '../api/backend';
import type { Dashboard } from '../api/bindings/Dashboard';
import type { ReportExport } from '../api/bindings/ReportExport';
import { problemOf, type Problem } from '../api/errors';
import { messageField, messageText } from '../api/fieldProblem';
import { DocumentOpener } from '../orders/documentOpener.svelte';
import { checkRange, rangeRequest } from './range';

export const EXPORT_KINDS = ['days', 'products', 'payments', 'taxes'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** One list's CSV export. */
export class ReportExporter {
  busy = $state(false);
  result = $state<ReportExport | null>(null);
  problem = $state<Problem | null>(null);
  readonly kind: ExportKind;

  constructor(kind: ExportKind) {
    this.kind = kind;
  }

  reset(): void {
    this.result = null;
    this.problem = null;
  }
}

export class DashboardStore {
  from = $state('');
  to = $state('');
  fromProblem = $state<Problem | null>(null);
  toProblem = $state<Problem | null>(null);
  dashboard = $state<Dashboard | null>(null);
  loading = $state(false);
  /** A refusal of the dashboard that names no field. */
  problem = $state<Problem | null>(null);
  readonly exports: Record<ExportKind, ReportExporter> = {
    days: new ReportExporter('days'),
    products: new ReportExporter('products'),
    payments: new ReportExporter('payments'),
    taxes: new ReportExporter('taxes'),
  };
  /** Opening an exported file in the system's viewer. */
  readonly opener: DocumentOpener;
  /** The file opened last (its outcome shows beside it). */
  lastOpened = $state<string | null>(null);

  readonly #backend: Backend;
  #sequence = 0;

  constructor(backend: Backend) {
    this.#backend = backend;
    this.opener = new DocumentOpener(backend);
  }

  edited(): void {
    this.fromProblem = null;
    this.toProblem = null;
    this.problem = null;
  }

  /** Checks the range typed; false (with the problems at their fields) when it cannot be sent. */
  checkRange(): boolean {
    const problems = checkRange(this.from, this.to);
    this.fromProblem = problems.from === null ? null : { code: null, message: problems.from };
    this.toProblem = problems.to === null ? null : { code: null, message: problems.to };
    return problems.from === null && problems.to === null;
  }

  /** Loads the dashboard for the range typed (empty: this month). */
  async load(): Promise<boolean> {
    this.edited();
    if (!this.checkRange()) return false;
    const sequence = ++this.#sequence;
    this.loading = true;
    try {
      const dashboard = await this.#backend.dashboard(rangeRequest(this.from, this.to));
      if (sequence !== this.#sequence) return false;
      this.dashboard = dashboard;
      // The range the lists cover, defaults filled in.
      this.from = dashboard.from;
      this.to = dashboard.to;
      for (const kind of EXPORT_KINDS) this.exports[kind].reset();
      this.opener.reset();
      return true;
    } catch (error) {
      if (sequence === this.#sequence) this.#refused(problemOf(error));
      return false;
    } finally {
      if (sequence === this.#sequence) this.loading = false;
    }
  }

  /** Writes one list for the range shown as CSV. */
  async exportList(kind: ExportKind): Promise<ReportExport | null> {
    const exporter = this.exports[kind];
    if (exporter.busy) return null;
    const range = this.dashboard
      ? { from: this.dashboard.from, to: this.dashboard.to }
      : this.checkRange()
        ? rangeRequest(this.from, this.to)
        : null;
    if (range === null) return null;
    exporter.busy = true;
    exporter.reset();
    this.opener.reset();
    try {
      exporter.result = await this.#backend.exportReport({ kind, range });
      return exporter.result;
    } catch (error) {
      exporter.problem = problemOf(error);
      return null;
    } finally {
      exporter.busy = false;
    }
  }

  /** Opens an exported file in the system's viewer. */
  async open(kind: ExportKind): Promise<boolean> {
    const path = this.exports[kind].result?.path;
    if (path === undefined) return false;
    this.lastOpened = path;
    return this.opener.open(path);
  }

  #refused(problem: Problem): void {
    const field = problem.code === 'invalid_input' ? messageField(problem.message) : null;
    if (field === 'from') this.fromProblem = { ...problem, message: messageText(problem.message) };
    else if (field === 'to') this.toProblem = { ...problem, message: messageText(problem.message) };
    else this.problem = problem;
  }
}
