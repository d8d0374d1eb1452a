// Tests the split payment rules: what remains after the parts, cash due rounded to the
// smallest coin (the cart's cash total when cash pays everything), what a gift card fills
// in, and the tenders the parts become.
import { describe, expect, it } from 'vitest';
import {
  addPart,
  cashDueAfter,
  giftCardFill,
  partProblem,
  partTender,
  remainingAfter,
  removePart,
  type SplitPart,
} from './split';

const gift = (amountMinor: number, code = 'KASS-A000-0000-0050'): SplitPart => ({
  method: 'gift_card',
  code,
  amountMinor,
});

describe('split payment', () => {
  it('leaves the total minus the parts, never below zero', () => {
    expect(remainingAfter(4720, [])).toBe(4720);
    expect(remainingAfter(4720, [gift(2000)])).toBe(2720);
    expect(remainingAfter(4720, [gift(2000), { method: 'card', amountMinor: 2720, reference: '' }])).toBe(0);
    expect(remainingAfter(1000, [gift(1500)])).toBe(0);
  });

  it("asks the cart's cash total when cash pays everything, else the rest rounded to the coin", () => {
    expect(cashDueAfter(1732, 1730, [], 5)).toBe(1730);
    expect(cashDueAfter(1732, 1730, [gift(1000)], 5)).toBe(730);
    expect(cashDueAfter(1733, 1735, [gift(1000)], 5)).toBe(735);
    expect(cashDueAfter(1733, 1733, [gift(1000)], 0)).toBe(733);
  });

  it('fills a gift card with what it holds, at most what is due', () => {
    expect(giftCardFill(5000, 1820)).toBe(1820);
    expect(giftCardFill(1500, 1820)).toBe(1500);
    expect(giftCardFill(0, 1820)).toBe(0);
  });

  it('refuses a part of nothing or of more than is due', () => {
    expect(partProblem(null, 1000)).toMatch(/above zero/);
    expect(partProblem(0, 1000)).toMatch(/above zero/);
    expect(partProblem(1001, 1000)).toMatch(/10\.00 still due/);
    expect(partProblem(1000, 1000)).toBeNull();
  });

  it('adds up parts of the same card and removes parts by position', () => {
    const parts = addPart(addPart([gift(500)], gift(700)), {
      method: 'card',
      amountMinor: 300,
      reference: 'T1',
    });
    expect(parts).toEqual([gift(1200), { method: 'card', amountMinor: 300, reference: 'T1' }]);
    expect(removePart(parts, 0)).toEqual([{ method: 'card', amountMinor: 300, reference: 'T1' }]);
  });

  it('turns parts into tenders', () => {
    expect(partTender(gift(1250))).toEqual({
      method: 'gift_card',
      code: 'KASS-A000-0000-0050',
      amount: '12.50',
    });
    expect(partTender({ method: 'store_credit', amountMinor: 400 })).toEqual({
      method: 'store_credit',
      amount: '4.00',
    });
    expect(partTender({ method: 'card', amountMinor: 99, reference: ' ' })).toEqual({
      method: 'card',
      amount: '0.99',
    });
  });
});
