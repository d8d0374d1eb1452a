// Tests the close form's arithmetic: decimal strings in, exact minor units out — cash
// first and required, the other methods pre-filled with what they expect, differences
// and their total only once every line holds an amount.
import { describe, expect, it } from 'vitest';
import type { RegisterReport } from '../api/bindings/RegisterReport';
import type { ReportMethodLine } from '../api/bindings/ReportMethodLine';
import {
  countDifference,
  countLines,
  countProblem,
  countedAmounts,
  differenceMinor,
  differenceTone,
  parseCount,
  totalDifference,
} from './count';

function method(code: string, label: string, expected: string): ReportMethodLine {
  return { method: code, label, count: 1, taken: expected, expected, counted: null, difference: null };
}

function report(methods: ReportMethodLine[]): RegisterReport {
  return {
    kind: 'x',
    session: {
      id: 1,
      register_code: 'R1',
      number: 1,
      opened_at: '2026-11-23T08:00:00Z',
      opened_by: 'Register R1',
      opening_float: '100.00',
      closed_at: null,
      closed_by: null,
    },
    made_at: '2026-11-23T18:00:00Z',
    currency_code: 'EUR',
    order_count: 2,
    sales_total: '30.30',
    tax_total: '4.33',
    refunded: '0.00',
    methods,
    taxes: [],
    cash_in: '0.00',
    cash_out: '5.00',
    movements: [],
    difference: null,
  };
}

describe('countLines', () => {
  it('puts cash first, empty and required; the others start at what they expect', () => {
    const lines = countLines(
      report([method('card', 'Card (terminal)', '19.99'), method('cash', 'Cash', '105.31')]),
    );
    expect(lines.map((line) => line.method)).toEqual(['cash', 'card']);
    expect(lines[0]).toMatchObject({ text: '', required: true, expected: '105.31' });
    expect(lines[1]).toMatchObject({ text: '19.99', required: false, expected: '19.99' });
  });
});

describe('count differences', () => {
  it('computes counted − expected exactly in minor units', () => {
    // 0.1 + 0.2 style float traps: 105.31 − 0.50 must be exactly −50 cents.
    expect(countDifference('104.81', '105.31', 2)).toBe(-50);
    expect(countDifference('105,31', '105.31', 2)).toBe(0);
    expect(countDifference('105.4', '105.31', 2)).toBe(9);
    expect(countDifference(' 0.3 ', '0.10', 2)).toBe(20);
    expect(countDifference('200', '0', 2)).toBe(20000);
  });

  it('has no difference while a count is empty or not an amount', () => {
    expect(countDifference('', '10.00', 2)).toBeNull();
    expect(countDifference('1.005', '10.00', 2)).toBeNull();
    expect(countDifference('-1', '10.00', 2)).toBeNull();
    expect(countDifference('ten', '10.00', 2)).toBeNull();
    expect(parseCount('  ', 2)).toEqual({ kind: 'empty' });
    expect(parseCount('12.5', 2)).toEqual({ kind: 'amount', minor: 1250 });
  });

  it('totals the differences once every line holds an amount', () => {
    const lines = countLines(report([method('cash', 'Cash', '105.31'), method('card', 'Card', '19.99')]));
    expect(totalDifference(lines, 2)).toBeNull();
    const [cash, card] = lines;
    if (!cash || !card) throw new Error('two lines');
    cash.text = '104.81';
    expect(totalDifference(lines, 2)).toBe(-50);
    card.text = '20.00';
    expect(totalDifference(lines, 2)).toBe(-49);
    card.text = '';
    expect(totalDifference(lines, 2)).toBeNull();
  });

  it('works with a currency without decimals', () => {
    expect(countDifference('1000', '1200', 0)).toBe(-200);
    expect(countDifference('10.5', '1200', 0)).toBeNull();
  });
});

describe('countedAmounts', () => {
  it('sends canonical decimal strings', () => {
    const lines = countLines(report([method('cash', 'Cash', '105.31'), method('card', 'Card', '19.99')]));
    expect(countedAmounts(lines, 2)).toBeNull();
    const [cash] = lines;
    if (!cash) throw new Error('cash line');
    cash.text = '104,8';
    expect(countedAmounts(lines, 2)).toEqual([
      { method: 'cash', amount: '104.80' },
      { method: 'card', amount: '19.99' },
    ]);
  });

  it('says what is missing on a line', () => {
    const [cash, card] = countLines(report([method('cash', 'Cash', '1.00'), method('card', 'Card', '2.00')]));
    if (!cash || !card) throw new Error('two lines');
    expect(countProblem(cash, 2)).toMatch(/Count the cash/);
    card.text = 'x';
    expect(countProblem(card, 2)).toMatch(/at most 2 decimals/);
    card.text = '2';
    expect(countProblem(card, 2)).toBeNull();
  });
});

describe('difference tone', () => {
  it('reads short, over or even from the core decimal strings', () => {
    expect(differenceMinor('-0.50', 2)).toBe(-50);
    expect(differenceMinor(null, 2)).toBeNull();
    expect(differenceTone(-50)).toBe('short');
    expect(differenceTone(1)).toBe('over');
    expect(differenceTone(0)).toBe('even');
  });
});
