// Display formatting of money: the user's locale, the order's currency. Formatting is the
// only place a decimal string becomes a float, and only to be shown.

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat {
  let cached = formatters.get(currency);
  if (!cached) {
    try {
      cached = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    } catch {
      // An unknown currency code: show plain numbers rather than failing the screen.
      cached = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formatters.set(currency, cached);
  }
  return cached;
}

/** `"12.50"`, `"EUR"` → `€12.50` (in the user's locale). */
export function formatMoney(amount: string, currency: string): string {
  return formatter(currency).format(Number(amount));
}

/** Fraction digits of a currency (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return formatter(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

const plainFormatters = new Map<string, Intl.NumberFormat>();

/** `"12.50"` → `12.50` with the currency's digits but no symbol (receipt columns). */
export function formatAmount(amount: string, currency: string): string {
  let cached = plainFormatters.get(currency);
  if (!cached) {
    const digits = currencyDigits(currency);
    cached = new Intl.NumberFormat(undefined, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    plainFormatters.set(currency, cached);
  }
  return cached.format(Number(amount));
}

const wholeFormatters = new Map<string, Intl.NumberFormat>();

/** Like `formatMoney`, but whole amounts drop their zero decimals: `€20`, `€17.50`. */
export function formatMoneyShort(amount: string, currency: string): string {
  if (!/^-?\d+(\.0*)?$/.test(amount)) return formatMoney(amount, currency);
  let cached = wholeFormatters.get(currency);
  if (!cached) {
    try {
      cached = new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        minimumFractionDigits: 0,
        maximumFractionDigits: 0,
      });
    } catch {
      cached = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
    }
    wholeFormatters.set(currency, cached);
  }
  return cached.format(Number(amount));
}
