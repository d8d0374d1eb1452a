// Tests reading the settings forms: code lists, optional counts and ids, dates as the
// instants the backend stores, and a coupon form becoming its request.
import { describe, expect, it } from 'vitest';
import { CouponForm } from './couponForm.svelte';
import { codeList, dayToInstant, idList, instantToDay, optionalCount } from './formFields';

describe('settings form fields', () => {
  it('reads lists of codes', () => {
    expect(codeList(' be, NL ,, be', true)).toEqual(['BE', 'NL']);
    expect(codeList('retail wholesale')).toEqual(['retail', 'wholesale']);
    expect(codeList('')).toEqual([]);
  });

  it('reads optional counts and ids, or says what is wrong', () => {
    expect(optionalCount(' ', 'usage limit')).toBeNull();
    expect(optionalCount('12', 'usage limit')).toBe(12);
    expect(optionalCount('1.5', 'usage limit')).toMatch(/whole number/);
    expect(idList('3, 12', 'products')).toEqual([3, 12]);
    expect(idList('3, x', 'products')).toMatch(/numbers/);
  });

  it('stores a day as its first or last second, and reads it back', () => {
    expect(dayToInstant('2026-12-31', true)).toBe('2026-12-31T23:59:59Z');
    expect(dayToInstant('2026-12-01', false)).toBe('2026-12-01T00:00:00Z');
    expect(dayToInstant('', false)).toBeNull();
    expect(instantToDay('2026-12-31T23:59:59Z')).toBe('2026-12-31');
  });

  it('makes the save_coupon request of a coupon form', () => {
    const form = new CouponForm(null);
    form.code = 'xmas5';
    form.kind = 'fixed';
    form.amount = '5';
    form.scope = 'categories';
    form.targets = '4, 7';
    form.validTo = '2026-12-31';
    form.usageLimit = '100';
    expect(form.request()).toMatchObject({
      code: 'xmas5',
      kind: 'fixed',
      amount: '5',
      percent: null,
      targets: [4, 7],
      valid_to: '2026-12-31T23:59:59Z',
      usage_limit: 100,
      per_customer_limit: null,
    });
    form.perCustomerLimit = 'once';
    expect(form.request()).toMatch(/limit per customer/);
  });
});
