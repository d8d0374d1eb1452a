// Cart pricing of the fake backend in integer cents: tax-inclusive prices, tax rounded per
// line half away from zero, taxes summed per rate (as the Rust core does).
import type { CartLineView } from '../bindings/CartLineView';
import type { CartView } from '../bindings/CartView';
import type { ProductSummary } from '../bindings/ProductSummary';
import type { TaxLineView } from '../bindings/TaxLineView';
import { toDecimal } from '../../money/money';
import { STORE, TAX_RATES, type FakeProduct, type TaxCode } from './catalog';

export interface PricedLine {
  lineId: number;
  product: FakeProduct;
  quantity: number;
  totalMinor: number;
  taxMinor: number;
}

/** `numerator / denominator` rounded half away from zero, for non-negative numerators. */
function divideRounded(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export function priceLine(lineId: number, product: FakeProduct, quantity: number): PricedLine {
  const totalMinor = product.priceMinor * quantity;
  const percent = TAX_RATES[product.tax].percent;
  const taxMinor = divideRounded(totalMinor * percent, 100 + percent);
  return { lineId, product, quantity, totalMinor, taxMinor };
}

export function taxLines(lines: PricedLine[]): TaxLineView[] {
  const byRate = new Map<TaxCode, { base: number; tax: number }>();
  for (const line of lines) {
    const sums = byRate.get(line.product.tax) ?? { base: 0, tax: 0 };
    sums.base += line.totalMinor - line.taxMinor;
    sums.tax += line.taxMinor;
    byRate.set(line.product.tax, sums);
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => TAX_RATES[a].percent - TAX_RATES[b].percent)
    .map(([code, sums]) => ({
      code,
      label: TAX_RATES[code].label,
      percent: String(TAX_RATES[code].percent),
      base: toDecimal(sums.base),
      tax: toDecimal(sums.tax),
    }));
}

export interface Totals {
  subtotalNet: number;
  taxTotal: number;
  total: number;
  itemCount: number;
}

export function totalsOf(lines: PricedLine[]): Totals {
  let total = 0;
  let taxTotal = 0;
  let itemCount = 0;
  for (const line of lines) {
    total += line.totalMinor;
    taxTotal += line.taxMinor;
    itemCount += line.quantity;
  }
  return { subtotalNet: total - taxTotal, taxTotal, total, itemCount };
}

function stockWarning(line: PricedLine): string | null {
  const { product, quantity } = line;
  if (!product.stockTracked || quantity <= product.stock) return null;
  return product.stock <= 0 ? 'Not in stock' : `Only ${product.stock} in stock`;
}

export function cartView(cartId: number | null, lines: PricedLine[]): CartView {
  const totals = totalsOf(lines);
  const views: CartLineView[] = lines.map((line) => ({
    line_id: line.lineId,
    product_id: line.product.id,
    sku: line.product.sku,
    name: line.product.name,
    quantity: line.quantity,
    unit_price: toDecimal(line.product.priceMinor),
    tax: toDecimal(line.taxMinor),
    total: toDecimal(line.totalMinor),
    tax_label: TAX_RATES[line.product.tax].label,
    stock_warning: stockWarning(line),
  }));
  return {
    cart_id: cartId,
    lines: views,
    taxes: taxLines(lines),
    subtotal_net: toDecimal(totals.subtotalNet),
    tax_total: toDecimal(totals.taxTotal),
    total: toDecimal(totals.total),
    item_count: totals.itemCount,
    currency_code: STORE.currency,
  };
}

export function productSummary(product: FakeProduct): ProductSummary {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    category: product.category,
    barcode: product.barcode,
    price: toDecimal(product.priceMinor),
    tax_label: TAX_RATES[product.tax].label,
    stock_tracked: product.stockTracked,
    stock_on_hand: product.stock,
  };
}
