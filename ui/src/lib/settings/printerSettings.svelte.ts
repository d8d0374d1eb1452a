// The owner's "Receipt printer" settings: the saved address and paper width (whether a
// printer is set decides if receipts go to it), and the form editing them. The backend's
// objection to a save (`invalid_input`) is shown in the form. "Test print" saves the form
// first when it was edited, then prints a test page on the saved printer; a refusal is
// kept with its code.
import type { Backend } from '../api/backend';
import type { ErrorCode } from '../api/bindings/ErrorCode';
import type { PrintOutcome } from '../api/bindings/PrintOutcome';
import type { PrinterSettings } from '../api/bindings/PrinterSettings';
import { errorMessage, problemOf, type Problem } from '../api/errors';

export const PAPER_WIDTHS = [58, 80] as const;

/** The short title of a failed test print, by its code. */
export function testPrintTitle(code: ErrorCode | null): string {
  switch (code) {
    case 'printer_not_configured':
      return 'No receipt printer is set.';
    case 'printer_failed':
      return 'The printer did not print.';
    case 'invalid_input':
      return 'Check the printer settings.';
    default:
      return 'The test page was not printed.';
  }
}

export class PrinterSettingsStore {
  /** What the backend has saved; null until loaded. */
  saved = $state<PrinterSettings | null>(null);
  address = $state('');
  paperMm = $state<number>(80);
  saving = $state(false);
  error = $state<string | null>(null);
  /** The last save went through (cleared by the next edit). */
  done = $state(false);
  /** A test page is being printed (after saving the form, when it was edited). */
  testing = $state(false);
  /** What the last test print sent (cleared by the next edit). */
  tested = $state<PrintOutcome | null>(null);
  testProblem = $state<Problem | null>(null);

  readonly #backend: Backend;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** A printer address is saved: receipts are printed on it. */
  get configured(): boolean {
    return (this.saved?.address ?? '') !== '';
  }

  async load(): Promise<void> {
    this.error = null;
    this.done = false;
    try {
      this.#apply(await this.#backend.printerSettings());
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /** The form differs from what is saved. */
  get dirty(): boolean {
    return this.saved === null || this.address !== this.saved.address || this.paperMm !== this.saved.paper_mm;
  }

  edited(): void {
    this.error = null;
    this.done = false;
    this.tested = null;
    this.testProblem = null;
  }

  async save(): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    this.edited();
    try {
      this.#apply(await this.#backend.savePrinterSettings({ address: this.address, paper_mm: this.paperMm }));
      this.done = true;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.saving = false;
    }
  }

  /** Prints a test page on the saved printer, saving the form first when it was edited. */
  async testPrint(): Promise<void> {
    if (this.testing || this.saving) return;
    this.testing = true;
    this.tested = null;
    this.testProblem = null;
    try {
      if (this.dirty) {
        await this.save();
        if (this.error !== null) return;
      }
      this.tested = await this.#backend.printTestPage();
    } catch (error) {
      this.testProblem = problemOf(error);
    } finally {
      this.testing = false;
    }
  }

  #apply(settings: PrinterSettings): void {
    this.saved = settings;
    this.address = settings.address;
    this.paperMm = settings.paper_mm;
  }
}
