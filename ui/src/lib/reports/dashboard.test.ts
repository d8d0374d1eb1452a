// Tests the dashboard: the chart's scaling (exact sums and maxima in minor units, heights
// as shares of the best day), the range checks made before sending, and the store on the
// fake backend: the default range, the figures from its orders, field refusals and the
// CSV exports with their paths and "Open".
import { describe, expect, it } from 'vitest';
import type { DaySales } from '../api/bindings/DaySales';
import { BackendError } from '../api/errors';
import { FakeBackend } from '../api/fake/fakeBackend';
import { cashSale } from '../api/fake/staffFixture';
import { chartBars } from './chart';
import { DashboardStore } from './dashboard.svelte';
import { checkRange, isDay, rangeRequest } from './range';

const day = (date: string, total: string, orders = 1): DaySales => ({ day: date, orders, total });

describe('chartBars', () => {
  it('scales the bars to the best day and sums exactly', () => {
    const chart = chartBars(
      [
        day('2026-05-01', '0.10'),
        day('2026-05-02', '0.20'),
        day('2026-05-03', '0.00', 0),
        day('2026-05-04', '0.10'),
      ],
      { width: 400, height: 100, gap: 4 },
    );
    // 0.1 + 0.2 + 0.1 as floats is 0.4000000000000001; in minor units it is exact.
    expect(chart.sum).toBe('0.40');
    expect(chart.max).toBe('0.20');
    expect(chart.bars.map((bar) => bar.height)).toEqual([50, 100, 0, 50]);
    expect(chart.bars.map((bar) => bar.y)).toEqual([50, 0, 100, 50]);
    expect(chart.bars.map((bar) => bar.x)).toEqual([2, 102, 202, 302]);
    expect(chart.bars.every((bar) => bar.width === 96)).toBe(true);
  });

  it('keeps a tiny day visible, flat without sales, and never negative', () => {
    const chart = chartBars(
      [day('2026-05-01', '10000.00'), day('2026-05-02', '0.01'), day('2026-05-03', '-5.00')],
      {
        width: 300,
        height: 100,
      },
    );
    expect(chart.bars.map((bar) => bar.height)).toEqual([100, 1, 0]);
    expect(chart.sum).toBe('10000.01');
    expect(chartBars([day('2026-05-01', '0.00', 0)], { width: 10, height: 10 }).bars[0]?.height).toBe(0);
    expect(chartBars([], { width: 10, height: 10 })).toEqual({ bars: [], max: '0.00', sum: '0.00' });
  });

  it('uses the currency digits', () => {
    expect(
      chartBars([day('2026-05-01', '1200'), day('2026-05-02', '300')], { width: 2, height: 8 }, 0),
    ).toMatchObject({
      max: '1200',
      sum: '1500',
    });
  });
});

describe('range', () => {
  it('accepts real days and empty ends only', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(checkRange('', '')).toEqual({ from: null, to: null });
    expect(checkRange('2026-05-01', '')).toEqual({ from: null, to: null });
    expect(checkRange('yesterday', '2026-13-01').from).not.toBeNull();
    expect(checkRange('yesterday', '2026-13-01').to).not.toBeNull();
  });

  it('refuses a range that ends before it starts or spans more than 3660 days', () => {
    expect(checkRange('2026-05-02', '2026-05-01').from).toMatch(/starts after it ends/);
    expect(checkRange('2016-01-01', '2026-12-31').to).toMatch(/3660 days/);
    expect(checkRange('2016-01-01', '2026-01-08')).toEqual({ from: null, to: null });
    expect(rangeRequest(' 2026-05-01 ', '')).toEqual({ from: '2026-05-01', to: null });
  });
});

describe('DashboardStore', () => {
  function backend(): FakeBackend {
    return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
  }

  it('shows this month by default, from the orders, and exports each list', async () => {
    const api = backend();
    await cashSale(api);
    await cashSale(api);
    const store = new DashboardStore(api);
    expect(await store.load()).toBe(true);
    const data = store.dashboard;
    if (!data) throw new Error('no dashboard');
    const today = new Date().toISOString().slice(0, 10);
    expect(store.to).toBe(today);
    expect(store.from).toBe(`${today.slice(0, 8)}01`);
    expect(data.today.orders).toBeGreaterThanOrEqual(2);
    expect(data.days).toHaveLength(30);
    expect(data.days.at(-1)?.day).toBe(today);
    expect(data.top_products.length).toBeGreaterThan(0);
    expect(data.payment_methods.map((method) => method.method)).toContain('cash');

    const written = await store.exportList('products');
    expect(written?.path).toBe(`exports/products-${store.from}-${store.to}.csv`);
    expect(store.exports.products.result?.rows).toBeGreaterThan(0);
    expect(await store.open('products')).toBe(true);
    expect(api.opened).toEqual([written?.path]);
    expect(store.lastOpened).toBe(written?.path);
    await store.exportList('taxes');
    expect(store.exports.taxes.result?.path).toMatch(/^exports\/taxes-/);
    // Another range forgets the files written for the last one.
    await store.load();
    expect(store.exports.products.result).toBeNull();
  });

  it('never sends a bad range and shows the core refusal at its field', async () => {
    const api = backend();
    const store = new DashboardStore(api);
    store.from = '2026-05-10';
    store.to = '2026-05-01';
    expect(await store.load()).toBe(false);
    expect(store.fromProblem?.code).toBeNull();
    expect(store.dashboard).toBeNull();
    store.from = '2026-05-01';
    store.to = '2026-05-31';
    expect(await store.load()).toBe(true);
    expect(store.dashboard?.from).toBe('2026-05-01');

    const refusing = Object.assign(Object.create(api) as FakeBackend, {
      dashboard: () =>
        Promise.reject(new BackendError('invalid_input', 'to: a range covers at most 3660 days.')),
    });
    const other = new DashboardStore(refusing);
    expect(await other.load()).toBe(false);
    expect(other.toProblem).toEqual({ code: 'invalid_input', message: 'A range covers at most 3660 days.' });
  });
});
