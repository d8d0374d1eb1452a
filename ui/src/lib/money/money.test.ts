// Unit tests of the exact money helpers used by the payment dialog.
import { describe, expect, it } from 'vitest';
import {
  cashBalance,
  normaliseAmount,
  parseMinor,
  quickTenders,
  roundToIncrement,
  toDecimal,
  toMinor,
} from './money';

describe('parseMinor', () => {
  it('reads whole and decimal amounts exactly', () => {
    expect(parseMinor('12.50')).toBe(1250);
    expect(parseMinor('12.5')).toBe(1250);
    expect(parseMinor('12')).toBe(1200);
    expect(parseMinor('0.01')).toBe(1);
    expect(parseMinor('.5')).toBe(50);
    expect(parseMinor('7.')).toBe(700);
    expect(parseMinor(' 20 ')).toBe(2000);
  });

  it('accepts a decimal comma', () => {
    expect(parseMinor('20,50')).toBe(2050);
  });

  it('keeps values floats get wrong', () => {
    expect(parseMinor('0.29')).toBe(29);
    expect(parseMinor('1.15')).toBe(115);
    expect(parseMinor('4.35')).toBe(435);
  });

  it('reads negatives', () => {
    expect(parseMinor('-3.05')).toBe(-305);
    expect(parseMinor('-0')).toBe(0);
  });

  it('rejects malformed or too precise input', () => {
    for (const text of ['', ' ', '.', 'abc', '1.2.3', '1.005', '€5', '1e3', '--1', '12,50.1']) {
      expect(parseMinor(text), text).toBeNull();
    }
  });

  it('follows the currency digits', () => {
    expect(parseMinor('1500', 0)).toBe(1500);
    expect(parseMinor('1500.5', 0)).toBeNull();
    expect(parseMinor('1.234', 3)).toBe(1234);
  });
});

describe('toDecimal', () => {
  it('writes canonical decimal strings', () => {
    expect(toDecimal(1250)).toBe('12.50');
    expect(toDecimal(5)).toBe('0.05');
    expect(toDecimal(0)).toBe('0.00');
    expect(toDecimal(-305)).toBe('-3.05');
    expect(toDecimal(1500, 0)).toBe('1500');
  });

  it('round-trips with parseMinor', () => {
    for (const minor of [0, 1, 99, 100, 1234567, -42]) {
      expect(toMinor(toDecimal(minor))).toBe(minor);
    }
  });

  it('normalises what a clerk typed', () => {
    expect(normaliseAmount('20')).toBe('20.00');
    expect(normaliseAmount('20,5')).toBe('20.50');
    expect(normaliseAmount('x')).toBeNull();
  });
});

describe('cashBalance', () => {
  it('gives change when the tender covers the total', () => {
    expect(cashBalance(5000, 2340)).toEqual({ change: 2660, short: 0 });
    expect(cashBalance(2340, 2340)).toEqual({ change: 0, short: 0 });
  });

  it('tells what is missing when short', () => {
    expect(cashBalance(2000, 2340)).toEqual({ change: 0, short: 340 });
  });
});

describe('quickTenders', () => {
  it('offers the next round amounts above the total', () => {
    expect(quickTenders(2340)).toEqual([2400, 2500, 3000, 5000]);
  });

  it('skips the total itself when it is already round', () => {
    expect(quickTenders(2000)).toEqual([2100, 2500, 3000, 5000]);
  });

  it('reaches for larger notes on larger totals', () => {
    expect(quickTenders(8750)).toEqual([8800, 9000, 10000, 20000]);
    expect(quickTenders(320)).toEqual([400, 500, 1000, 2000]);
  });

  it('offers nothing for an empty total', () => {
    expect(quickTenders(0)).toEqual([]);
  });
});

describe('roundToIncrement', () => {
  it('rounds to the nearest coin, half away from zero', () => {
    expect(roundToIncrement(1732, 5)).toBe(1730);
    expect(roundToIncrement(1733, 5)).toBe(1735);
    expect(roundToIncrement(1735, 5)).toBe(1735);
    expect(roundToIncrement(2, 5)).toBe(0);
    expect(roundToIncrement(-1733, 5)).toBe(-1735);
  });

  it('leaves amounts alone without an increment', () => {
    expect(roundToIncrement(1732, 0)).toBe(1732);
    expect(roundToIncrement(1732, 1)).toBe(1732);
  });
});
