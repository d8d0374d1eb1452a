// Reading the owner's settings forms into requests: lists of codes typed as "BE, NL",
// optional whole numbers, optional amounts and dates. Only what a form cannot send at
// all is refused here; everything else the backend checks (and says what is wrong).

/** `"be, NL ,"` → `["BE", "NL"]` (upper-cased when `upper`), blanks and repeats dropped. */
export function codeList(text: string, upper = false): string[] {
  const codes = text
    .split(/[,;\s]+/)
    .map((code) => code.trim())
    .filter((code) => code !== '')
    .map((code) => (upper ? code.toUpperCase() : code));
  return [...new Set(codes)];
}

/** The list as it is typed back into a form. */
export function listText(codes: readonly (string | number)[]): string {
  return codes.join(', ');
}

/** An optional whole number: null when blank, a string saying what is wrong when not one. */
export function optionalCount(text: string, what: string): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) {
    return `The ${what} must be a whole number, or empty for none.`;
  }
  return Number(trimmed);
}

/** Ids typed as "3, 12": the ids, or a string saying what is wrong. */
export function idList(text: string, what: string): number[] | string {
  const ids: number[] = [];
  for (const part of codeList(text)) {
    if (!/^\d+$/.test(part)) return `The ${what} must be numbers separated by commas, not “${part}”.`;
    ids.push(Number(part));
  }
  return ids;
}

/** An optional text: null when blank. */
export function optionalText(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A day typed in a date box (`YYYY-MM-DD`) as the instant the backend stores: the start of
 * that day for "valid from", its last second for "valid until" (inclusive), in UTC.
 */
export function dayToInstant(day: string, end: boolean): string | null {
  const trimmed = day.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return null;
  return `${trimmed}T${end ? '23:59:59' : '00:00:00'}Z`;
}

/** The day of a stored instant, for a date box (`YYYY-MM-DD`, UTC). */
export function instantToDay(instant: string | null): string {
  return instant === null ? '' : instant.slice(0, 10);
}
