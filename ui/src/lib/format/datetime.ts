// Dates and status codes as people read them, in the user's locale.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const receiptStamp = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function parse(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

export function formatDateTime(value: string | number | Date): string {
  return dateTime.format(parse(value));
}

export function formatDate(value: string | number | Date): string {
  return dateOnly.format(parse(value));
}

export function formatTime(value: string | number | Date): string {
  return timeOnly.format(parse(value));
}

/** Date and time to the second, as printed on a receipt. */
export function formatStamp(value: string | number | Date): string {
  return receiptStamp.format(parse(value));
}

/** `payment_accepted` → `Payment accepted`. */
export function humanize(code: string): string {
  const words = code.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
