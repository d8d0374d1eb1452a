// Tests the plain-language summary of status flags, the code suggested from a label and
// the defaults of a new status.
import { describe, expect, it } from 'vitest';
import { blankStatus, summarizeFlags, suggestCode, type StatusFlags } from './statusRules';

const NONE: StatusFlags = { paid: false, shipped: false, delivered: false, canceled: false, refunded: false };
const summary = (flags: Partial<StatusFlags>) => summarizeFlags({ ...NONE, ...flags });

describe('summarizeFlags', () => {
  it('names the combinations the core refuses', () => {
    expect(summary({ canceled: true, paid: true })).toMatchObject({ kind: 'problem' });
    expect(summary({ delivered: true })).toEqual({
      kind: 'problem',
      text: 'A delivered status must also be shipped.',
    });
  });

  it('tells a return from a refund and a cancellation', () => {
    expect(summary({ paid: true, shipped: true, refunded: true }).text).toMatch(/^A return/);
    expect(summary({ paid: true, refunded: true }).text).toMatch(/^A refund/);
    expect(summary({ canceled: true, refunded: true }).text).toMatch(/^A cancellation/);
  });

  it('explains paid, fulfilled and open statuses', () => {
    expect(summary({ paid: true }).text).toMatch(/recording its payment/);
    expect(summary({ paid: true, shipped: true, delivered: true }).text).toMatch(/^Delivered: only paid/);
    expect(summary({}).text).toMatch(/^Open/);
  });
});

describe('suggestCode', () => {
  it('makes a valid code from a label', () => {
    expect(suggestCode('Ready for pick-up')).toBe('ready_for_pick_up');
    expect(suggestCode('  Zurückgestellt!  ')).toBe('zuruckgestellt');
    expect(suggestCode('x'.repeat(39) + ' y')).toBe('x'.repeat(39));
  });
});

describe('blankStatus', () => {
  it('comes after the last position, without flags', () => {
    const last = { ...blankStatus([]), code: 'b', position: 8 };
    expect(blankStatus([last, { ...last, position: 3 }])).toMatchObject({
      position: 9,
      paid: false,
      code: '',
    });
  });
});
