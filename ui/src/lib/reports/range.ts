// The dashboard's date range as typed (`YYYY-MM-DD`, both optional: the core defaults to
// this month), checked as the core checks it so that a bad range never leaves the form:
// real days, the start not after the end, at most 3660 days.
import type { DashboardRequest } from '../api/bindings/DashboardRequest';

/** As the core. */
export const MAX_RANGE_DAYS = 3660;
const DAY_MS = 86_400_000;

/** Whether the text is a real day `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

export interface RangeProblems {
  from: string | null;
  to: string | null;
}

/** What is wrong with the range typed, by field (null: fine). */
export function checkRange(from: string, to: string): RangeProblems {
  const problems: RangeProblems = { from: null, to: null };
  const first = from.trim();
  const last = to.trim();
  if (first !== '' && !isDay(first)) problems.from = 'Enter a day as YYYY-MM-DD, or leave it empty.';
  if (last !== '' && !isDay(last)) problems.to = 'Enter a day as YYYY-MM-DD, or leave it empty.';
  if (problems.from === null && problems.to === null && first !== '' && last !== '') {
    if (first > last) problems.from = 'The range starts after it ends.';
    else if ((Date.parse(last) - Date.parse(first)) / DAY_MS > MAX_RANGE_DAYS) {
      problems.to = `A range covers at most ${MAX_RANGE_DAYS} days.`;
    }
  }
  return problems;
}

/** The request for a range that passed `checkRange` (empty: the core's default). */
export function rangeRequest(from: string, to: string): DashboardRequest {
  const first = from.trim();
  const last = to.trim();
  return { from: first === '' ? null : first, to: last === '' ? null : last };
}
