// A payment split over several methods, as the core settles it: the exact parts (gift
// cards, store credit, a card) are charged what they say, never more than is due, and cash
// or a card pays the rest. Cash is rounded to the smallest coin when the store rounds
// cash: the whole sale to the cart's `cash_total`, or what is left after the other parts.
// Pure functions in integer minor units, so the dialogs' rules can be tested alone.
import type { TenderInput } from '../api/bindings/TenderInput';
import { roundToIncrement, toDecimal } from '../money/money';

/** One part of a split payment that is charged exactly its amount. */
export type SplitPart =
  | { method: 'gift_card'; code: string; amountMinor: number }
  | { method: 'store_credit'; amountMinor: number }
  | { method: 'card'; amountMinor: number; reference: string };

/** What the parts pay together. */
export function partsTotal(parts: readonly SplitPart[]): number {
  return parts.reduce((sum, part) => sum + part.amountMinor, 0);
}

/** What is left to pay after the parts (never below zero). */
export function remainingAfter(totalMinor: number, parts: readonly SplitPart[]): number {
  return Math.max(0, totalMinor - partsTotal(parts));
}

/**
 * What the customer hands over in cash for the rest: the cart's cash total when cash pays
 * everything, otherwise what is left rounded to the smallest coin (`incrementMinor`).
 */
export function cashDueAfter(
  totalMinor: number,
  cashTotalMinor: number,
  parts: readonly SplitPart[],
  incrementMinor: number,
): number {
  if (parts.length === 0) return cashTotalMinor;
  return roundToIncrement(remainingAfter(totalMinor, parts), incrementMinor);
}

/** A gift card pays what it holds, at most what is still due. */
export function giftCardFill(balanceMinor: number, remainingMinor: number): number {
  return Math.max(0, Math.min(balanceMinor, remainingMinor));
}

/** Why an exact part of `amountMinor` cannot be added, or null when it can. */
export function partProblem(amountMinor: number | null, remainingMinor: number, digits = 2): string | null {
  if (amountMinor === null || amountMinor <= 0) return 'Enter an amount above zero.';
  if (amountMinor > remainingMinor) {
    return `That is more than the ${toDecimal(remainingMinor, digits)} still due: only cash gives change.`;
  }
  return null;
}

/** The tender the backend takes for a part. */
export function partTender(part: SplitPart, digits = 2): TenderInput {
  const amount = toDecimal(part.amountMinor, digits);
  switch (part.method) {
    case 'gift_card':
      return { method: 'gift_card', code: part.code, amount };
    case 'store_credit':
      return { method: 'store_credit', amount };
    case 'card': {
      const reference = part.reference.trim();
      return reference === ''
        ? { method: 'card', amount }
        : { method: 'card', amount, terminal_reference: reference };
    }
  }
}

/** Adds a part; a second part of the same gift card (or a second store credit part) adds up. */
export function addPart(parts: readonly SplitPart[], part: SplitPart): SplitPart[] {
  const same = parts.findIndex(
    (p) =>
      (p.method === 'gift_card' && part.method === 'gift_card' && p.code === part.code) ||
      (p.method === 'store_credit' && part.method === 'store_credit'),
  );
  if (same < 0) return [...parts, part];
  return parts.map((p, i) => (i === same ? { ...p, amountMinor: p.amountMinor + part.amountMinor } : p));
}

export function removePart(parts: readonly SplitPart[], index: number): SplitPart[] {
  return parts.filter((_, i) => i !== index);
}
