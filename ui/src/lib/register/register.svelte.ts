// The register's session at this till, as a small state machine: unknown (not looked up
// yet) → closed (the opening form: the counted float) → open (session, cash in and out, the
// X report) → counting (the close form: one count per payment method) → closed again, with
// the Z report just made shown until dismissed. A refusal that means the picture changed
// underneath (`register_already_open`, `register_not_open`: another window or the CLI
// opened or closed it) reloads the state and says so; field refusals (`opening_float:`,
// `amount:`, `reason:`, `counted:` …) show at their field. Past sessions and their Z reports
// are in `RegisterHistory`.
import type { Backend } from '../api/backend';
import type { RegisterReport } from '../api/bindings/RegisterReport';
import type { RegisterSessionView } from '../api/bindings/RegisterSessionView';
import { errorMessage, hasCode, problemOf, type Problem } from '../api/errors';
import { messageField, messageText } from '../api/fieldProblem';
import { parseMinor, toDecimal } from '../money/money';
import {
  countDifference,
  countLines,
  countProblem,
  countedAmounts,
  totalDifference,
  type CountLine,
} from './count';
import { RegisterHistory } from './history.svelte';
import { ZReportDocument } from './zReport.svelte';

export type RegisterState = 'unknown' | 'closed' | 'open';
export type MovementKind = 'in' | 'out';

/** A refusal of a field, worded for it (the core's `field:` prefix dropped). */
function atField(problem: Problem): Problem {
  return { ...problem, message: messageText(problem.message) };
}

/** An amount typed by the clerk as a canonical decimal string, or null when it is not one. */
export function readAmount(text: string, digits: number, allowZero: boolean): string | null {
  const minor = parseMinor(text, digits);
  if (minor === null || minor < 0 || (!allowZero && minor === 0)) return null;
  return toDecimal(minor, digits);
}

/** The "Cash in" / "Cash out" dialog. */
export class CashMovementForm {
  kind = $state<MovementKind>('in');
  amount = $state('');
  reason = $state('');
  amountProblem = $state<Problem | null>(null);
  reasonProblem = $state<Problem | null>(null);
  /** Any other refusal. */
  problem = $state<Problem | null>(null);
  busy = $state(false);

  constructor(kind: MovementKind) {
    this.kind = kind;
  }

  edited(): void {
    this.amountProblem = null;
    this.reasonProblem = null;
    this.problem = null;
  }

  /** Puts a refusal of the backend at its field. */
  refused(problem: Problem): void {
    const field = problem.code === 'invalid_input' ? messageField(problem.message) : null;
    if (field === 'amount') this.amountProblem = atField(problem);
    else if (field === 'reason') this.reasonProblem = atField(problem);
    else this.problem = field === null ? problem : atField(problem);
  }
}

/** The close form: the counted amount of every payment method of the X report. */
export class CountForm {
  lines = $state<CountLine[]>([]);
  /** Lines whose count is not ready, by method (after a try to close). */
  problems = $state<Record<string, string>>({});
  /** A refusal of the close. */
  problem = $state<Problem | null>(null);
  busy = $state(false);
  readonly report: RegisterReport;
  readonly digits: number;

  constructor(report: RegisterReport, digits: number) {
    this.report = report;
    this.digits = digits;
    this.lines = countLines(report);
  }

  get currency(): string {
    return this.report.currency_code;
  }

  /** Counted − expected of a line in minor units, or null while it is not an amount. */
  difference(line: CountLine): number | null {
    return countDifference(line.text, line.expected, this.digits);
  }

  /** Σ differences, or null until every line holds an amount. */
  get total(): number | null {
    return totalDifference(this.lines, this.digits);
  }

  edited(method: string): void {
    if (method in this.problems) {
      this.problems = Object.fromEntries(Object.entries(this.problems).filter(([key]) => key !== method));
    }
    this.problem = null;
  }
}

export class RegisterStore {
  /** The session as last looked up (null: closed); see `state`. */
  session = $state<RegisterSessionView | null>(null);
  loaded = $state(false);
  loadError = $state<string | null>(null);
  /** The open session's X report, as last made. */
  report = $state<RegisterReport | null>(null);
  reportLoading = $state(false);
  reportError = $state<Problem | null>(null);
  /** The opening form. */
  float = $state('');
  floatProblem = $state<Problem | null>(null);
  opening = $state(false);
  /** The state changed underneath (opened or closed elsewhere): the backend's words. */
  notice = $state<string | null>(null);
  /** The cash in / out dialog while it is open. */
  movement = $state<CashMovementForm | null>(null);
  /** The close form while it is open. */
  count = $state<CountForm | null>(null);
  /** The Z report of the session just closed, until dismissed. */
  closed = $state<ZReportDocument | null>(null);
  /** This register's sessions and their Z reports. */
  readonly history: RegisterHistory;

  readonly #backend: Backend;
  readonly #digits: () => number;
  #sequence = 0;

  /** `digits`: the store currency's fraction digits (2 for EUR). */
  constructor(backend: Backend, digits: () => number = () => 2) {
    this.#backend = backend;
    this.#digits = digits;
    this.history = new RegisterHistory(backend);
  }

  get state(): RegisterState {
    if (!this.loaded) return 'unknown';
    return this.session === null ? 'closed' : 'open';
  }

  /** A dialog of the register is open. */
  get modalOpen(): boolean {
    return this.movement !== null || this.count !== null || this.history.viewing !== null;
  }

  /** Looks the session up again, and the X report while it is open. */
  async refresh(): Promise<void> {
    const sequence = ++this.#sequence;
    this.loadError = null;
    try {
      const session = await this.#backend.currentRegisterSession();
      if (sequence !== this.#sequence) return;
      this.session = session;
      this.loaded = true;
      if (session === null) this.report = null;
      else await this.refreshReport();
    } catch (error) {
      if (sequence === this.#sequence) this.loadError = errorMessage(error);
    }
  }

  /** Makes the X report again. */
  async refreshReport(): Promise<void> {
    this.reportLoading = true;
    this.reportError = null;
    try {
      this.report = await this.#backend.xReport();
      this.session = this.report.session;
    } catch (error) {
      if (hasCode(error, 'register_not_open')) this.#closedElsewhere(errorMessage(error));
      else this.reportError = problemOf(error);
    } finally {
      this.reportLoading = false;
    }
  }

  editedFloat(): void {
    this.floatProblem = null;
    this.notice = null;
  }

  /** Opens the register with the float typed. */
  async open(): Promise<boolean> {
    if (this.opening) return false;
    this.editedFloat();
    const digits = this.#digits();
    const float = readAmount(this.float, digits, true);
    if (float === null) {
      this.floatProblem = {
        code: null,
        message: `Count the cash in the drawer and enter it, e.g. ${toDecimal(10000, digits)} (0 for an empty drawer).`,
      };
      return false;
    }
    this.opening = true;
    try {
      this.session = await this.#backend.openRegister({ opening_float: float });
      this.loaded = true;
      this.float = '';
      this.closed = null;
      this.report = null;
      void this.history.load();
      await this.refreshReport();
      return true;
    } catch (error) {
      const problem = problemOf(error);
      if (problem.code === 'register_already_open') {
        // Opened meanwhile (another window, the CLI): show it as it is.
        await this.refresh();
        this.notice = problem.message;
      } else if (problem.code === 'invalid_input' && messageField(problem.message) === 'opening_float') {
        this.floatProblem = atField(problem);
      } else {
        this.floatProblem = problem;
      }
      return false;
    } finally {
      this.opening = false;
    }
  }

  startMovement(kind: MovementKind): void {
    if (this.session === null) return;
    this.movement = new CashMovementForm(kind);
  }

  closeMovement(): void {
    if (this.movement?.busy) return;
    this.movement = null;
  }

  /** Sends the cash in / out dialog; the X report after it replaces the shown one. */
  async submitMovement(): Promise<boolean> {
    const form = this.movement;
    if (!form || form.busy) return false;
    form.edited();
    const digits = this.#digits();
    const amount = readAmount(form.amount, digits, false);
    const reason = form.reason.trim();
    if (amount === null) {
      form.amountProblem = {
        code: null,
        message: `Enter an amount more than zero, e.g. ${toDecimal(2000, digits)}.`,
      };
    }
    if (reason === '') form.reasonProblem = { code: null, message: 'Say why the cash moves.' };
    if (amount === null || reason === '') return false;
    form.busy = true;
    try {
      this.report = await this.#backend.cashMovement({ kind: form.kind, amount, reason });
      this.session = this.report.session;
      form.busy = false;
      this.movement = null;
      return true;
    } catch (error) {
      form.busy = false;
      const problem = problemOf(error);
      if (problem.code === 'register_not_open') {
        this.movement = null;
        this.#closedElsewhere(problem.message);
      } else {
        form.refused(problem);
      }
      return false;
    }
  }

  /** Opens the count form from a fresh X report (what should be there right now). */
  async startClose(): Promise<void> {
    if (this.session === null || this.count !== null) return;
    await this.refreshReport();
    // Never count against a stale report: a failed refresh shows its error instead.
    if (this.report === null || this.session === null || this.reportError !== null) return;
    this.count = new CountForm(this.report, this.#digits());
  }

  cancelClose(): void {
    if (this.count?.busy) return;
    this.count = null;
  }

  /** Closes the register with the counts typed; the Z report then shows. */
  async confirmClose(): Promise<boolean> {
    const form = this.count;
    if (!form || form.busy) return false;
    form.problem = null;
    const problems: Record<string, string> = {};
    for (const line of form.lines) {
      const problem = countProblem(line, form.digits);
      if (problem !== null) problems[line.method] = problem;
    }
    form.problems = problems;
    const counted = countedAmounts(form.lines, form.digits);
    if (counted === null) return false;
    form.busy = true;
    try {
      const saved = await this.#backend.closeRegister({ counted });
      form.busy = false;
      this.count = null;
      this.session = null;
      this.report = null;
      this.closed = new ZReportDocument(this.#backend, saved.report.session.id, saved);
      void this.history.load();
      return true;
    } catch (error) {
      form.busy = false;
      const problem = problemOf(error);
      if (problem.code === 'register_not_open') {
        this.count = null;
        this.#closedElsewhere(problem.message);
      } else if (problem.code === 'invalid_input' && messageField(problem.message)?.startsWith('counted')) {
        form.problem = atField(problem);
      } else {
        form.problem = problem;
      }
      return false;
    }
  }

  /** Hides the Z report just made (it stays in the past sessions). */
  dismissClosed(): void {
    this.closed = null;
  }

  #closedElsewhere(message: string): void {
    this.session = null;
    this.report = null;
    this.loaded = true;
    this.notice = message;
    void this.history.load();
  }
}
