// Exact money arithmetic for the UI: decimal strings from the backend are parsed into
// integer minor units (cents), computed on as integers and written back as decimal
// strings. Floats are never used for an amount that is sent back or compared.

/** Most minor units handled exactly (JavaScript's safe integer range). */
const MAX_MINOR = Number.MAX_SAFE_INTEGER;

/**
 * Parses a decimal amount (`"12.50"`, `"12,5"`, `"-3"`, `" 7. "`) into minor units with
 * `digits` fraction digits. Returns `null` for anything else, including more fraction
 * digits than the currency has (`"1.005"` with 2 digits) and amounts out of range.
 */
export function parseMinor(text: string, digits = 2): number | null {
  const match = /^\s*(-?)(\d*)(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  if (fraction.length > digits) return null;
  const units = Number(whole === '' ? '0' : whole);
  const minor = units * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR) return null;
  return sign === '-' && minor !== 0 ? -minor : minor;
}

/** Like `parseMinor` but for trusted backend values: throws on a malformed amount. */
export function toMinor(amount: string, digits = 2): number {
  const minor = parseMinor(amount, digits);
  if (minor === null) throw new Error(`Not a money amount: ${JSON.stringify(amount)}`);
  return minor;
}

/** Writes minor units as a canonical decimal string: `1250` → `"12.50"`. */
export function toDecimal(minor: number, digits = 2): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`Not a whole number of minor units: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Normalises what a clerk typed into the decimal string the backend expects, or `null`. */
export function normaliseAmount(text: string, digits = 2): string | null {
  const minor = parseMinor(text, digits);
  return minor === null ? null : toDecimal(minor, digits);
}

/** The cash position after `tendered` was handed over for `total` (both minor units). */
export interface CashBalance {
  /** What goes back to the customer (0 when short). */
  change: number;
  /** What is still missing (0 when covered). */
  short: number;
}

/** Change due or amount short for a cash payment, in minor units. */
export function cashBalance(tendered: number, total: number): CashBalance {
  const difference = tendered - total;
  return difference >= 0 ? { change: difference, short: 0 } : { change: 0, short: -difference };
}

/** Steps a total is rounded up to (major units): the next coin, five and ten. */
const ROUND_UP_STEPS = [1, 5, 10];
/** Banknotes customers commonly hand over (major units). */
const NOTES = [5, 10, 20, 50, 100, 200, 500];

/**
 * Quick cash amounts for a total: the total rounded up to the next 1, 5 and 10, then the
 * next banknotes above it (e.g. 23.40 → 24, 25, 30, 50), at most `count` of them,
 * ascending and distinct. The exact total is not included; the dialog offers it apart.
 */
export function quickTenders(total: number, digits = 2, count = 4): number[] {
  if (total <= 0) return [];
  const unit = 10 ** digits;
  const candidates = [
    ...ROUND_UP_STEPS.map((step) => Math.floor(total / (step * unit) + 1) * step * unit),
    ...NOTES.map((note) => note * unit),
  ];
  const above = candidates.filter((amount) => amount > total);
  return [...new Set(above)].sort((a, b) => a - b).slice(0, count);
}

/**
 * Rounds minor units to the nearest multiple of `increment` (half away from zero), as
 * the core rounds cash to the smallest coin (5 with a 0.05 coin). An increment of 0 or
 * 1 leaves the amount as it is.
 */
export function roundToIncrement(minor: number, increment: number): number {
  if (!Number.isSafeInteger(increment) || increment <= 1) return minor;
  const steps = Math.floor((2 * Math.abs(minor) + increment) / (2 * increment));
  const rounded = steps * increment;
  return minor < 0 ? -rounded : rounded;
}
