// Tests that the filter bar maps to the `list_orders` request the core expects.
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, dayOrNull, filterRequest, isFiltered, pageRequest, sameRequest } from './filters';

describe('filterRequest', () => {
  it('leaves every blank filter out', () => {
    expect(filterRequest(NO_FILTERS)).toEqual({});
    expect(filterRequest({ ...NO_FILTERS, search: '   ', register: ' ' })).toEqual({});
    expect(isFiltered(NO_FILTERS)).toBe(false);
  });

  it('maps each filter to its field, trimmed and normalised', () => {
    const request = filterRequest({
      search: '  anna   sourdough ',
      status: 'shipped',
      paymentMethod: 'card',
      register: ' r2 ',
      dateFrom: '2026-11-01',
      dateTo: '2026-11-23',
    });
    expect(request).toEqual({
      search: 'anna sourdough',
      status: 'shipped',
      payment_method: 'card',
      register_code: 'R2',
      date_from: '2026-11-01',
      date_to: '2026-11-23',
    });
  });

  it('puts a reversed date range the right way round and drops invalid days', () => {
    expect(filterRequest({ ...NO_FILTERS, dateFrom: '2026-11-23', dateTo: '2026-11-01' })).toEqual({
      date_from: '2026-11-01',
      date_to: '2026-11-23',
    });
    expect(filterRequest({ ...NO_FILTERS, dateFrom: '2026-02-30', dateTo: 'soon' })).toEqual({});
    expect(dayOrNull('2028-02-29')).toBe('2028-02-29');
    expect(dayOrNull('23/11/2026')).toBeNull();
  });

  it('adds the cursor and page size for a page', () => {
    expect(pageRequest({ ...NO_FILTERS, status: 'canceled' }, null, 30)).toEqual({
      status: 'canceled',
      limit: 30,
    });
    expect(pageRequest(NO_FILTERS, '30', 30)).toEqual({ cursor: '30', limit: 30 });
  });

  it('treats filters that ask the same thing as equal', () => {
    expect(sameRequest({ ...NO_FILTERS, search: 'anna ' }, { ...NO_FILTERS, search: ' anna' })).toBe(true);
    expect(sameRequest({ ...NO_FILTERS, register: 'r1' }, { ...NO_FILTERS, register: 'R1' })).toBe(true);
    expect(sameRequest(NO_FILTERS, { ...NO_FILTERS, paymentMethod: 'cash' })).toBe(false);
  });
});
