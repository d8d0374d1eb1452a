// The dashboard's 30-day bar chart as plain SVG geometry. The amounts are decimal strings:
// the largest day and the sum are found in integer minor units; an amount becomes a float
// only as a bar's height (its share of the largest day).
import type { DaySales } from '../api/bindings/DaySales';
import { parseMinor, toDecimal } from '../money/money';

export interface ChartBar {
  day: string;
  orders: number;
  total: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Chart {
  bars: ChartBar[];
  /** The largest day's sales (the top of the scale), as a decimal string. */
  max: string;
  /** The sales of all the days shown. */
  sum: string;
}

export interface ChartSize {
  width: number;
  height: number;
  /** Space between bars. */
  gap?: number;
}

/**
 * Bars for the days, oldest left: equal widths across `width`, heights scaled so the
 * largest day fills `height` (a day with any sales at least 1 high, none or a negative
 * total 0), standing on the bottom edge.
 */
export function chartBars(
  days: readonly DaySales[],
  { width, height, gap = 2 }: ChartSize,
  digits = 2,
): Chart {
  const minors = days.map((day) => Math.max(0, parseMinor(day.total, digits) ?? 0));
  const maxMinor = minors.reduce((max, minor) => Math.max(max, minor), 0);
  const sumMinor = minors.reduce((sum, minor) => sum + minor, 0);
  const slot = days.length > 0 ? width / days.length : 0;
  const barWidth = Math.max(0, slot - gap);
  const bars = days.map((day, index) => {
    const minor = minors[index] ?? 0;
    const scaled = maxMinor === 0 ? 0 : (minor / maxMinor) * height;
    const barHeight = minor > 0 ? Math.max(1, scaled) : 0;
    return {
      day: day.day,
      orders: day.orders,
      total: day.total,
      x: index * slot + gap / 2,
      y: height - barHeight,
      width: barWidth,
      height: barHeight,
    };
  });
  return { bars, max: toDecimal(maxMinor, digits), sum: toDecimal(sumMinor, digits) };
}
