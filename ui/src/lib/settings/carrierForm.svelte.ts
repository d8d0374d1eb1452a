// The carrier being edited in the settings: name, whether it is in-store pickup, what its
// ranges measure (weight in grams or the items total), the ranges with their prices,
// where it delivers and to whom, free shipping over an amount and the tax class of the
// shipping price; and the request for `save_carrier`. The code is fixed once it exists.
import type { CarrierInput } from '../api/bindings/CarrierInput';
import type { RangeBasis } from '../api/bindings/RangeBasis';
import { codeList, listText, optionalText } from './formFields';
import type { SettingsForm } from './settingsList.svelte';

export interface RangeRow {
  /** Stable key for the table rows. */
  id: number;
  from: string;
  to: string;
  price: string;
}

export function blankCarrier(): CarrierInput {
  return {
    code: '',
    name: '',
    active: true,
    is_pickup: false,
    basis: 'weight',
    ranges: [{ from: '0', to: null, price: '0.00' }],
    countries: [],
    customer_groups: [],
    free_over: null,
    tax_class: 'standard',
  };
}

/** A range in words: `0–2000 g`, `from 50.00`. */
export function rangeText(basis: RangeBasis, from: string, to: string | null): string {
  const unit = basis === 'weight' ? ' g' : '';
  return to === null ? `from ${from}${unit}` : `${from}–${to}${unit}`;
}

export class CarrierForm implements SettingsForm<CarrierInput> {
  readonly isNew: boolean;
  readonly originalName: string;

  code = $state('');
  name = $state('');
  active = $state(true);
  isPickup = $state(false);
  basis = $state<RangeBasis>('weight');
  ranges = $state<RangeRow[]>([]);
  countries = $state('');
  groups = $state('');
  freeOver = $state('');
  taxClass = $state('');

  saving = $state(false);
  error = $state<string | null>(null);
  #rowIds = 0;

  constructor(carrier: CarrierInput | null) {
    const source = carrier ?? blankCarrier();
    this.isNew = carrier === null;
    this.originalName = source.name;
    this.code = source.code;
    this.name = source.name;
    this.active = source.active;
    this.isPickup = source.is_pickup;
    this.basis = source.basis;
    this.ranges = source.ranges.map((range) => this.#row(range.from, range.to ?? '', range.price));
    this.countries = listText(source.countries);
    this.groups = listText(source.customer_groups);
    this.freeOver = source.free_over ?? '';
    this.taxClass = source.tax_class ?? '';
  }

  addRange(): void {
    const last = this.ranges.at(-1);
    this.ranges = [...this.ranges, this.#row(last?.to ?? '', '', last?.price ?? '0.00')];
    this.error = null;
  }

  removeRange(id: number): void {
    this.ranges = this.ranges.filter((range) => range.id !== id);
    this.error = null;
  }

  request(): CarrierInput | string {
    const ranges = this.ranges.filter((r) => `${r.from}${r.to}${r.price}`.trim() !== '');
    for (const range of ranges) {
      if (range.from.trim() === '' || range.price.trim() === '') {
        return 'Each range needs where it starts and its price (leave "to" empty for no upper end).';
      }
    }
    return {
      code: this.code.trim(),
      name: this.name.trim(),
      active: this.active,
      is_pickup: this.isPickup,
      basis: this.basis,
      ranges: this.isPickup
        ? []
        : ranges.map((r) => ({ from: r.from.trim(), to: optionalText(r.to), price: r.price.trim() })),
      countries: codeList(this.countries, true),
      customer_groups: codeList(this.groups),
      free_over: optionalText(this.freeOver),
      tax_class: optionalText(this.taxClass),
    };
  }

  #row(from: string, to: string, price: string): RangeRow {
    this.#rowIds += 1;
    return { id: this.#rowIds, from, to, price };
  }
}
