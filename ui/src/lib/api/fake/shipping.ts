// Delivery and payment settings of the fake backend, as the core keeps them: carriers
// priced by weight (grams) or by items total in ranges, limited to countries and customer
// groups, free over an amount, in-store pickup (free, no address); payment methods with
// their initial status (a paid one means the money is taken now) and where they may be
// used; postal addresses checked as the core checks them; the tax and rounding settings.
import type { AddressInput } from '../bindings/AddressInput';
import type { CarrierInput } from '../bindings/CarrierInput';
import type { OrderStatusView } from '../bindings/OrderStatusView';
import type { PaymentMethodInput } from '../bindings/PaymentMethodInput';
import type { ShippingOptionView } from '../bindings/ShippingOptionView';
import type { TaxRateInput } from '../bindings/TaxRateInput';
import type { TaxSettingsInput } from '../bindings/TaxSettingsInput';
import type { TaxSettingsView } from '../bindings/TaxSettingsView';
import { BackendError } from '../errors';
import { parseMinor, toDecimal } from '../../money/money';
import { STORE, TAX_RATES } from './catalog';

function invalid(message: string): never {
  throw new BackendError('invalid_input', message);
}

const PICKUP: CarrierInput = {
  code: 'pickup',
  name: 'In-store pickup',
  active: true,
  is_pickup: true,
  basis: 'weight',
  ranges: [],
  countries: [],
  customer_groups: [],
  free_over: null,
  tax_class: null,
};

/** Every store has in-store pickup. */
export function baseCarriers(): CarrierInput[] {
  return [structuredClone(PICKUP)];
}

function parcel(
  code: string,
  name: string,
  countries: string[],
  ranges: [from: number, to: number | null, price: string][],
  freeOver: string | null = null,
): CarrierInput {
  return {
    code,
    name,
    active: true,
    is_pickup: false,
    basis: 'weight',
    ranges: ranges.map(([from, to, price]) => ({
      from: String(from),
      to: to === null ? null : String(to),
      price,
    })),
    countries,
    customer_groups: [],
    free_over: freeOver,
    tax_class: 'standard',
  };
}

/** The demo carriers: parcels by weight (free from 75.00), a courier for small parcels, freight. */
export function demoCarriers(): CarrierInput[] {
  const near = ['BE', 'NL', 'LU'];
  const far = [...near, 'FR', 'DE'];
  return [
    ...baseCarriers(),
    parcel(
      'post',
      'Standard post',
      far,
      [
        [0, 2000, '4.90'],
        [2000, 10000, '8.90'],
        [10000, 30000, '14.90'],
      ],
      '75.00',
    ),
    parcel('courier', 'Express courier', near, [[0, 5000, '9.90']]),
    parcel('freight', 'Freight (heavy goods)', far, [[20000, null, '49.00']]),
  ];
}

export function defaultPaymentMethods(): PaymentMethodInput[] {
  const method = (code: string, label: string, initial_status: string): PaymentMethodInput => ({
    code,
    label,
    active: true,
    initial_status,
    currencies: [],
    countries: [],
    customer_groups: [],
    carriers: [],
  });
  return [
    method('cash', 'Cash', 'payment_accepted'),
    method('card', 'Card (terminal)', 'payment_accepted'),
    method('check', 'Check', 'awaiting_check'),
    method('wire_transfer', 'Wire transfer', 'awaiting_wire'),
    method('cash_on_delivery', 'Cash on delivery', 'awaiting_cod'),
    method('gift_card', 'Gift card', 'payment_accepted'),
    method('store_credit', 'Store credit', 'payment_accepted'),
  ];
}

export interface ShippingContext {
  /** Destination; null without an address. */
  country: string | null;
  weightGrams: number;
  itemsTotalMinor: number;
  group: string | null;
  freeShipping: boolean;
}

export type CarrierQuote =
  { ok: true; priceMinor: number } | { ok: false; noDestination: boolean; reason: string };

/** What a carrier charges for an order, or why it cannot deliver it. */
export function quoteCarrier(carrier: CarrierInput, context: ShippingContext): CarrierQuote {
  const no = (reason: string, noDestination = false): CarrierQuote => ({ ok: false, noDestination, reason });
  if (!carrier.active) return no('it is switched off');
  if (carrier.customer_groups.length > 0 && !carrier.customer_groups.includes(context.group ?? '')) {
    return no(`it is not offered to the customer group ${context.group ?? '(none)'}`);
  }
  if (carrier.is_pickup) return { ok: true, priceMinor: 0 };
  const country = context.country;
  if (country === null) return no('there is no delivery address', true);
  if (
    carrier.countries.length > 0 &&
    !carrier.countries.some((c) => c.toUpperCase() === country.toUpperCase())
  ) {
    return no(`it does not deliver to ${country}`);
  }
  const value = carrier.basis === 'weight' ? context.weightGrams : context.itemsTotalMinor;
  const measure = (text: string): number =>
    carrier.basis === 'weight' ? Number(text) : (parseMinor(text) ?? 0);
  const range = carrier.ranges.find(
    (r) => value >= measure(r.from) && (r.to === null || value < measure(r.to)),
  );
  if (!range) {
    return no(
      carrier.basis === 'weight'
        ? `it takes no parcels of ${value} g`
        : `it has no price for ${toDecimal(value)}`,
    );
  }
  const freeOver = carrier.free_over === null ? null : parseMinor(carrier.free_over);
  const free = context.freeShipping || (freeOver !== null && context.itemsTotalMinor >= freeOver);
  return { ok: true, priceMinor: free ? 0 : (parseMinor(range.price) ?? 0) };
}

export function carrierOptions(
  carriers: readonly CarrierInput[],
  context: ShippingContext,
): ShippingOptionView[] {
  return carriers.flatMap((carrier) => {
    const quote = quoteCarrier(carrier, context);
    return quote.ok
      ? [
          {
            code: carrier.code,
            name: carrier.name,
            price: toDecimal(quote.priceMinor),
            is_pickup: carrier.is_pickup,
          },
        ]
      : [];
  });
}

/** The carrier's price for the order, or `carrier_unavailable` / `address_required`. */
export function chargeCarrier(carrier: CarrierInput, context: ShippingContext): number {
  const quote = quoteCarrier(carrier, context);
  if (quote.ok) return quote.priceMinor;
  throw new BackendError(
    quote.noDestination ? 'address_required' : 'carrier_unavailable',
    `${carrier.name} cannot deliver this order: ${quote.reason}.`,
  );
}

const CODE = /^[A-Za-z0-9_-]{1,40}$/;
const codes = (list: string[]): string[] => [...new Set(list.map((c) => c.trim()).filter((c) => c !== ''))];

/** The carrier as it would be saved, or `invalid_input` saying what is wrong. */
export function checkCarrier(input: CarrierInput): CarrierInput {
  const code = input.code.trim();
  if (!CODE.test(code)) invalid(`The carrier code “${code}” must be 1 to 40 letters, digits, '-' or '_'.`);
  const name = input.name.trim();
  if (name === '') invalid('The carrier needs a name.');
  if (!input.is_pickup && input.ranges.length === 0) {
    invalid('A carrier needs at least one range with its price (or be in-store pickup).');
  }
  const read = (text: string): number => {
    if (input.basis === 'weight') {
      if (!/^\d+$/.test(text.trim())) invalid(`Weights are whole grams, zero or more, not ${text}.`);
      return Number(text);
    }
    const minor = parseMinor(text);
    if (minor === null || minor < 0) invalid(`A price range bound must be an amount, not ${text}.`);
    return minor;
  };
  const ranges = input.ranges
    .map((range) => {
      const from = read(range.from);
      const to = range.to === null || range.to.trim() === '' ? null : read(range.to);
      if (to !== null && to <= from)
        invalid(`A range must end after it starts (${range.from} to ${range.to ?? ''}).`);
      const price = parseMinor(range.price);
      if (price === null || price < 0)
        invalid(`The price ${range.price} must be zero or more in whole cents.`);
      return { from, to, price };
    })
    .sort((a, b) => a.from - b.from);
  ranges.forEach((range, i) => {
    const next = ranges[i + 1];
    if (next && (range.to === null || range.to > next.from)) invalid('The ranges overlap.');
  });
  const write = (value: number): string => (input.basis === 'weight' ? String(value) : toDecimal(value));
  let freeOver: string | null = null;
  if (input.free_over !== null && input.free_over.trim() !== '') {
    const minor = parseMinor(input.free_over);
    if (minor === null || minor < 0) invalid(`"Free over" must be an amount, not ${input.free_over}.`);
    freeOver = toDecimal(minor);
  }
  const taxClass = input.tax_class?.trim() ?? '';
  if (taxClass !== '' && !(taxClass in TAX_RATES)) invalid(`There is no tax class ${taxClass}.`);
  return {
    ...input,
    code,
    name,
    ranges: ranges.map((r) => ({
      from: write(r.from),
      to: r.to === null ? null : write(r.to),
      price: toDecimal(r.price),
    })),
    countries: codes(input.countries).map((c) => c.toUpperCase()),
    customer_groups: codes(input.customer_groups),
    free_over: freeOver,
    tax_class: taxClass === '' ? null : taxClass,
  };
}

export interface MethodContext {
  country: string;
  group: string | null;
  carrier: string | null;
}

/** Why a method cannot be used here, or null when it can. */
export function methodRefusal(method: PaymentMethodInput, context: MethodContext): string | null {
  if (!method.active) return 'it is switched off';
  if (method.currencies.length > 0 && !method.currencies.includes(STORE.currency)) {
    return `it does not take ${STORE.currency}`;
  }
  if (method.countries.length > 0 && !method.countries.includes(context.country)) {
    return `it is not offered in ${context.country}`;
  }
  if (method.customer_groups.length > 0 && !method.customer_groups.includes(context.group ?? '')) {
    return `it is not offered to the customer group ${context.group ?? '(none)'}`;
  }
  if (method.carriers.length > 0 && !method.carriers.includes(context.carrier ?? '')) {
    return 'it is not offered with this carrier';
  }
  return null;
}

/** The method if it may be used here, else `payment_method_unavailable`. */
export function checkMethod(
  methods: readonly PaymentMethodInput[],
  code: string,
  context: MethodContext,
): PaymentMethodInput {
  const method = methods.find((m) => m.code === code);
  if (!method) throw new BackendError('payment_method_unavailable', `There is no payment method ${code}.`);
  const refusal = methodRefusal(method, context);
  if (refusal !== null) {
    throw new BackendError(
      'payment_method_unavailable',
      `${method.label} cannot be used for this order: ${refusal}.`,
    );
  }
  return method;
}

export function checkPaymentMethod(
  input: PaymentMethodInput,
  known: readonly PaymentMethodInput[],
  statuses: readonly OrderStatusView[],
): PaymentMethodInput {
  if (!known.some((m) => m.code === input.code)) {
    throw new BackendError('not_found', `There is no payment method ${input.code}.`);
  }
  const label = input.label.trim();
  if (label === '') invalid('The payment method needs a label.');
  if (!statuses.some((s) => s.code === input.initial_status)) {
    invalid(`There is no order status ${input.initial_status}.`);
  }
  return {
    ...input,
    label,
    currencies: codes(input.currencies).map((c) => c.toUpperCase()),
    countries: codes(input.countries).map((c) => c.toUpperCase()),
    customer_groups: codes(input.customer_groups),
    carriers: codes(input.carriers),
  };
}

function field(name: string, value: string, required: boolean): string {
  const trimmed = value.trim();
  if (required && trimmed === '') invalid(`The ${name} is required.`);
  if ([...trimmed].length > 200) invalid(`The ${name} is longer than 200 characters.`);
  return trimmed;
}

/** A checked address: every part present, the country a two-letter ISO code. */
export function checkAddress(address: AddressInput): AddressInput {
  const country = field('country', address.country_code, true).toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    invalid(`The country must be a two-letter code such as BE or FR, not “${country}”.`);
  }
  return {
    name: field("addressee's name", address.name, true),
    line1: field('street and number', address.line1, true),
    line2: field('second address line', address.line2, false),
    postal_code: field('postal code', address.postal_code, true),
    city: field('city', address.city, true),
    country_code: country,
  };
}

export function defaultTaxSettings(): TaxSettingsView {
  return {
    settings: { price_mode: 'tax_inclusive', tax_rounding: 'per_line', cash_rounding_increment: '0.00' },
    rates: Object.values(TAX_RATES).map((rate) => ({
      class_code: rate.code,
      country_code: null,
      label: rate.label,
      percent: String(rate.percent),
    })),
  };
}

export function checkTaxSettings(input: TaxSettingsInput): TaxSettingsInput {
  if (!['tax_inclusive', 'tax_exclusive'].includes(input.price_mode)) {
    invalid(`The price mode must be tax_inclusive or tax_exclusive, not ${input.price_mode}.`);
  }
  if (!['per_line', 'per_total'].includes(input.tax_rounding)) {
    invalid(`The tax rounding must be per_line or per_total, not ${input.tax_rounding}.`);
  }
  const increment = parseMinor(input.cash_rounding_increment);
  if (increment === null || increment < 0 || increment > 100) {
    invalid(
      `The cash rounding step must be 0 (to the cent) up to 1.00 in whole cents, not ${input.cash_rounding_increment}.`,
    );
  }
  return { ...input, cash_rounding_increment: toDecimal(increment) };
}

export function checkTaxRate(input: TaxRateInput): TaxRateInput {
  const classCode = input.class_code.trim();
  if (!(classCode in TAX_RATES)) throw new BackendError('not_found', `There is no tax class ${classCode}.`);
  const country = input.country_code?.trim().toUpperCase() ?? '';
  if (country !== '' && !/^[A-Z]{2}$/.test(country)) {
    invalid(`The country must be a two-letter code such as BE or FR, not “${country}”.`);
  }
  const label = input.label.trim();
  if (label === '') invalid('The tax rate needs a label, e.g. VAT 21%.');
  const hundredths = parseMinor(input.percent);
  if (hundredths === null || hundredths < 0 || hundredths > 10_000) {
    invalid(`The percent must be from 0 to 100, not ${input.percent}.`);
  }
  return {
    class_code: classCode,
    country_code: country === '' ? null : country,
    label,
    percent: String(hundredths / 100),
  };
}

/** The rates with `rate` saved in (by class and country). */
export function saveRate(rates: readonly TaxRateInput[], rate: TaxRateInput): TaxRateInput[] {
  const same = (r: TaxRateInput): boolean =>
    r.class_code === rate.class_code && r.country_code === rate.country_code;
  return [...rates.filter((r) => !same(r)), rate].sort(
    (a, b) =>
      a.class_code.localeCompare(b.class_code) || (a.country_code ?? '').localeCompare(b.country_code ?? ''),
  );
}
