// The owner's "Taxes" settings: whether catalogue prices include tax, how tax is rounded,
// the step cash is rounded to (0.05 where the smallest coin is five cents), and the tax
// rates per class, for every destination or one country. The counter reads the cash
// rounding step from here to work out cash due when a payment is split.
import type { Backend } from '../api/backend';
import type { TaxRateInput } from '../api/bindings/TaxRateInput';
import type { TaxSettingsView } from '../api/bindings/TaxSettingsView';
import { errorMessage } from '../api/errors';
import { parseMinor } from '../money/money';
import { optionalText } from './formFields';

export const PRICE_MODES = [
  { value: 'tax_inclusive', label: 'Prices include tax' },
  { value: 'tax_exclusive', label: 'Prices exclude tax' },
] as const;

export const TAX_ROUNDINGS = [
  { value: 'per_line', label: 'Per line' },
  { value: 'per_total', label: 'On the total' },
] as const;

/** A tax rate being added or changed. */
export class TaxRateForm {
  readonly isNew: boolean;
  classCode = $state('');
  countryCode = $state('');
  label = $state('');
  percent = $state('');
  saving = $state(false);
  error = $state<string | null>(null);

  constructor(rate: TaxRateInput | null, defaultClass = 'standard') {
    this.isNew = rate === null;
    this.classCode = rate?.class_code ?? defaultClass;
    this.countryCode = rate?.country_code ?? '';
    this.label = rate?.label ?? '';
    this.percent = rate?.percent ?? '';
  }

  request(): TaxRateInput {
    const country = optionalText(this.countryCode);
    return {
      class_code: this.classCode.trim(),
      country_code: country === null ? null : country.toUpperCase(),
      label: this.label.trim(),
      percent: this.percent.trim(),
    };
  }
}

export class TaxSettingsStore {
  /** What the backend has saved; null until loaded. */
  view = $state<TaxSettingsView | null>(null);
  priceMode = $state('tax_inclusive');
  taxRounding = $state('per_line');
  cashIncrement = $state('0.00');
  loadError = $state<string | null>(null);
  saving = $state(false);
  error = $state<string | null>(null);
  /** The last save went through (cleared by the next edit). */
  done = $state(false);
  /** The rate being added or changed, while its dialog is open. */
  rateForm = $state<TaxRateForm | null>(null);

  readonly #backend: Backend;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** The saved cash rounding step in cents (0: cash to the cent). */
  get cashIncrementMinor(): number {
    const step = parseMinor(this.view?.settings.cash_rounding_increment ?? '0');
    return step === null || step < 0 ? 0 : step;
  }

  /** The tax classes that have rates, in order. */
  get classes(): string[] {
    const codes = (this.view?.rates ?? []).map((rate) => rate.class_code);
    return codes.filter((code, index) => codes.indexOf(code) === index).sort();
  }

  async load(): Promise<void> {
    this.loadError = null;
    this.done = false;
    try {
      this.#apply(await this.#backend.taxSettings());
    } catch (error) {
      this.loadError = errorMessage(error);
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
      this.#apply(
        await this.#backend.saveTaxSettings({
          price_mode: this.priceMode,
          tax_rounding: this.taxRounding,
          cash_rounding_increment: this.cashIncrement.trim() === '' ? '0' : this.cashIncrement.trim(),
        }),
      );
      this.done = true;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.saving = false;
    }
  }

  editRate(rate: TaxRateInput): void {
    if (this.rateForm === null) this.rateForm = new TaxRateForm(rate);
  }

  newRate(): void {
    if (this.rateForm === null) this.rateForm = new TaxRateForm(null, this.classes[0] ?? 'standard');
  }

  closeRate(): void {
    if (this.rateForm?.saving) return;
    this.rateForm = null;
  }

  async saveRate(): Promise<void> {
    const form = this.rateForm;
    if (!form || form.saving) return;
    form.saving = true;
    form.error = null;
    try {
      const view = await this.#backend.saveTaxRate(form.request());
      if (this.view) this.view = { ...this.view, rates: view.rates };
      else this.#apply(view);
      if (this.rateForm === form) this.rateForm = null;
    } catch (error) {
      form.error = errorMessage(error);
    } finally {
      form.saving = false;
    }
  }

  #apply(view: TaxSettingsView): void {
    this.view = view;
    this.priceMode = view.settings.price_mode;
    this.taxRounding = view.settings.tax_rounding;
    this.cashIncrement = view.settings.cash_rounding_increment;
  }
}
