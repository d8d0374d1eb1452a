// The count at closing, computed exactly: what the clerk typed per payment method is parsed
// into minor units and set against the X report's expected amount (a decimal string from
// the core), so the difference shown while typing is the one the Z report will hold. Cash
// comes first and must be counted; the other methods start at what they expect.
import type { CountedAmount } from '../api/bindings/CountedAmount';
import type { RegisterReport } from '../api/bindings/RegisterReport';
import type { ReportMethodLine } from '../api/bindings/ReportMethodLine';
import { parseMinor, toDecimal, toMinor } from '../money/money';

/** The payment method whose count is required (the drawer). */
export const CASH = 'cash';

/** One method of the count form. */
export interface CountLine {
  method: string;
  label: string;
  /** What should be there (decimal string, from the report). */
  expected: string;
  /** What the clerk typed. */
  text: string;
  /** Cash must be counted; the others may stay at their expected amount. */
  required: boolean;
}

/** The form's lines from an X report: cash first (empty, to be counted), the rest pre-filled. */
export function countLines(report: RegisterReport): CountLine[] {
  const cash = report.methods.filter((line) => line.method === CASH);
  const others = report.methods.filter((line) => line.method !== CASH);
  const line = (method: ReportMethodLine): CountLine => ({
    method: method.method,
    label: method.label,
    expected: method.expected,
    text: method.method === CASH ? '' : method.expected,
    required: method.method === CASH,
  });
  return [...cash, ...others].map(line);
}

/** What a typed count is: empty, not an amount (or negative), or an amount in minor units. */
export type ParsedCount = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'amount'; minor: number };

export function parseCount(text: string, digits: number): ParsedCount {
  if (text.trim() === '') return { kind: 'empty' };
  const minor = parseMinor(text, digits);
  return minor === null || minor < 0 ? { kind: 'invalid' } : { kind: 'amount', minor };
}

/** Counted − expected in minor units, or null while the count is empty or not an amount. */
export function countDifference(text: string, expected: string, digits: number): number | null {
  const parsed = parseCount(text, digits);
  return parsed.kind === 'amount' ? parsed.minor - toMinor(expected, digits) : null;
}

/**
 * The total difference over every line, or null while a line is empty or not an amount
 * (the total is only meaningful once everything is counted).
 */
export function totalDifference(lines: readonly CountLine[], digits: number): number | null {
  let total = 0;
  for (const line of lines) {
    const difference = countDifference(line.text, line.expected, digits);
    if (difference === null) return null;
    total += difference;
  }
  return total;
}

/** Why a line cannot be sent, or null when it can. */
export function countProblem(line: CountLine, digits: number): string | null {
  const parsed = parseCount(line.text, digits);
  if (parsed.kind === 'amount') return null;
  if (parsed.kind === 'empty') {
    return line.required
      ? `Count the ${line.label.toLowerCase()} in the drawer.`
      : `Enter what the ${line.label.toLowerCase()} took (the expected amount if it matches).`;
  }
  return `Enter an amount like ${toDecimal(1250, digits)}, not negative and with at most ${digits} decimals.`;
}

/** The counted amounts to send, as canonical decimal strings; null when a line is not ready. */
export function countedAmounts(lines: readonly CountLine[], digits: number): CountedAmount[] | null {
  const counted: CountedAmount[] = [];
  for (const line of lines) {
    const parsed = parseCount(line.text, digits);
    if (parsed.kind !== 'amount') return null;
    counted.push({ method: line.method, amount: toDecimal(parsed.minor, digits) });
  }
  return counted;
}

/** How a difference reads: short (less than expected), over, or even. */
export type DifferenceTone = 'short' | 'over' | 'even';

export function differenceTone(minor: number): DifferenceTone {
  return minor < 0 ? 'short' : minor > 0 ? 'over' : 'even';
}

/** A difference from the core (decimal string) in minor units; null stays null. */
export function differenceMinor(amount: string | null, digits: number): number | null {
  return amount === null ? null : toMinor(amount, digits);
}
