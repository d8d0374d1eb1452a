// "Reorder": the lines of a new staff order built from a past order, at today's prices.
// Each past line whose product still exists is looked up by its SKU; the product with the
// same id is taken (a SKU now used by another product is not the product sold). Lines
// whose product is gone are left out and named; a unit price that changed since is noted.
// Pure functions, so the prefill rules can be tested without a browser.
import type { OrderLineView } from '../api/bindings/OrderLineView';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import { toMinor } from '../money/money';
import { addLine, type DraftLine } from './staffLines';

export interface PriceChange {
  productId: number;
  /** Unit price on the past order. */
  was: string;
  /** The product's current price. */
  now: string;
}

export interface ReorderPlan {
  lines: DraftLine[];
  changes: PriceChange[];
  /** Names of the past lines whose product no longer exists. */
  unavailable: string[];
}

/** The product id of a past line, or null when the product is gone (or was never saved). */
export function productIdOf(line: OrderLineView): number | null {
  return typeof line.product_id === 'number' ? line.product_id : null;
}

/** The SKUs to look up: one per product that still exists. */
export function lookupSkus(lines: readonly OrderLineView[]): string[] {
  return [...new Set(lines.filter((line) => productIdOf(line) !== null).map((line) => line.sku))];
}

/** The product of a past line among the results of a search by its SKU, or null. */
export function matchProduct(line: OrderLineView, results: readonly ProductSummary[]): ProductSummary | null {
  const id = productIdOf(line);
  if (id === null) return null;
  return results.find((product) => product.id === id && product.sku === line.sku) ?? null;
}

/**
 * The draft lines (same product merged, quantities clamped), the price changes and the
 * unavailable lines of a past order, given the search results per SKU.
 */
export function planReorder(
  lines: readonly OrderLineView[],
  resultsBySku: Readonly<Record<string, readonly ProductSummary[]>>,
  digits = 2,
): ReorderPlan {
  const plan: ReorderPlan = { lines: [], changes: [], unavailable: [] };
  for (const line of lines) {
    const product = matchProduct(line, resultsBySku[line.sku] ?? []);
    if (!product) {
      if (!plan.unavailable.includes(line.name)) plan.unavailable.push(line.name);
      continue;
    }
    plan.lines = addLine(plan.lines, product, line.quantity);
    const changed = toMinor(line.unit_price, digits) !== toMinor(product.price, digits);
    if (changed && !plan.changes.some((change) => change.productId === product.id)) {
      plan.changes.push({ productId: product.id, was: line.unit_price, now: product.price });
    }
  }
  return plan;
}
