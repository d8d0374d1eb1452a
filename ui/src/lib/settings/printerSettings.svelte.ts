// The owner's "Receipt printer" settings: the saved address and paper width (whether a
// printer is set decides if receipts go to it), and the form editing them. The backend's
// objection to a save (`invalid_input`) is shown in the form.
import type { Backend } from '../api/backend';
import type { PrinterSettings } from '../api/bindings/PrinterSettings';
import { errorMessage } from '../api/errors';

export const PAPER_WIDTHS = [58, 80] as const;

export class PrinterSettingsStore {
  /** What the backend has saved; null until loaded. */
  saved = $state<PrinterSettings | null>(null);
  address = $state('');
  paperMm = $state<number>(80);
  saving = $state(false);
  error = $state<string | null>(null);
  /** The last save went through (cleared by the next edit). */
  done = $state(false);

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

  edited(): void {
    this.error = null;
    this.done = false;
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

  #apply(settings: PrinterSettings): void {
    this.saved = settings;
    this.address = settings.address;
    this.paperMm = settings.paper_mm;
  }
}
