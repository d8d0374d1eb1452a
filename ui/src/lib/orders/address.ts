// Postal addresses in the checkout's forms: blank, complete (every required part typed),
// what is missing, and the request form (trimmed, country upper-cased). The backend checks
// them again (a two-letter country code, lengths) and says what is wrong.
import type { AddressInput } from '../api/bindings/AddressInput';
import type { AddressView } from '../api/bindings/AddressView';

export const ADDRESS_FIELDS = ['name', 'line1', 'line2', 'postal_code', 'city', 'country_code'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

export const ADDRESS_LABELS: Record<AddressField, string> = {
  name: 'Name',
  line1: 'Street and number',
  line2: 'Floor, company … (optional)',
  postal_code: 'Postal code',
  city: 'City',
  country_code: 'Country',
};

const REQUIRED: readonly AddressField[] = ['name', 'line1', 'postal_code', 'city', 'country_code'];

export function blankAddress(country = ''): AddressInput {
  return { name: '', line1: '', line2: '', postal_code: '', city: '', country_code: country };
}

/** Nothing typed (a default country alone does not count). */
export function isBlank(address: AddressInput): boolean {
  return REQUIRED.filter((field) => field !== 'country_code').every((field) => address[field].trim() === '');
}

/** The labels of the required parts still empty. */
export function missingParts(address: AddressInput): string[] {
  return REQUIRED.filter((field) => address[field].trim() === '').map((field) => ADDRESS_LABELS[field]);
}

export function isComplete(address: AddressInput): boolean {
  return missingParts(address).length === 0;
}

/** The address as the backend takes it. */
export function addressRequest(address: AddressInput): AddressInput {
  return {
    name: address.name.trim(),
    line1: address.line1.trim(),
    line2: address.line2.trim(),
    postal_code: address.postal_code.trim(),
    city: address.city.trim(),
    country_code: address.country_code.trim().toUpperCase(),
  };
}

export function sameAddress(a: AddressInput, b: AddressInput): boolean {
  const x = addressRequest(a);
  const y = addressRequest(b);
  return ADDRESS_FIELDS.every((field) => x[field] === y[field]);
}

/** One line for lists: `Kerkstraat 12, 2000 Antwerpen, BE`. */
export function addressLine(address: AddressInput): string {
  return [address.line1, address.line2, `${address.postal_code} ${address.city}`.trim(), address.country_code]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(', ');
}

/** The customer's default shipping and invoice addresses (the first one when none is marked). */
export function defaultAddresses(saved: readonly AddressView[]): {
  shipping: AddressInput | null;
  invoice: AddressInput | null;
} {
  const shipping = saved.find((a) => a.is_default_shipping) ?? saved[0];
  const invoice = saved.find((a) => a.is_default_invoice) ?? shipping;
  return {
    shipping: shipping ? { ...shipping.address } : null,
    invoice: invoice ? { ...invoice.address } : null,
  };
}
