// Tests the reorder prefill: lines at today's prices, price changes noted, gone products
// left out by name, and only the product with the same id taken for a SKU.
import { describe, expect, it } from 'vitest';
import type { OrderLineView } from '../api/bindings/OrderLineView';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import { lookupSkus, matchProduct, planReorder } from './reorder';
import { draftTotalMinor } from './staffLines';

function product(id: number, sku: string, price: string): ProductSummary {
  return {
    id,
    sku,
    name: `Product ${id}`,
    category: null,
    barcode: null,
    price,
    tax_label: 'VAT 6%',
    stock_tracked: false,
    stock_on_hand: 0,
  };
}

function line(productId: number | null, sku: string, quantity: number, unitPrice: string): OrderLineView {
  return {
    product_id: productId,
    sku,
    name: `Sold ${sku}`,
    quantity,
    unit_price: unitPrice,
    tax_label: 'VAT 6%',
    tax: '0.00',
    total: '0.00',
    discount: '0.00',
  };
}

describe('planReorder', () => {
  const past = [
    line(1, 'DAI-001', 2, '1.29'),
    line(2, 'BAK-002', 3, '1.20'),
    line(null, 'OLD-009', 1, '4.00'),
    line(3, 'GONE-1', 1, '2.00'),
  ];
  const found: Record<string, ProductSummary[]> = {
    'DAI-001': [product(1, 'DAI-001', '1.39'), product(7, 'DAI-0011', '9.99')],
    'BAK-002': [product(2, 'BAK-002', '1.20')],
    'GONE-1': [],
  };

  it('looks up only the products that still exist', () => {
    expect(lookupSkus([...past, line(1, 'DAI-001', 1, '1.29')])).toEqual(['DAI-001', 'BAK-002', 'GONE-1']);
  });

  it('takes the current prices and notes the ones that changed', () => {
    const plan = planReorder(past, found);
    expect(plan.lines.map((l) => [l.product.id, l.quantity])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(draftTotalMinor(plan.lines)).toBe(2 * 139 + 3 * 120);
    expect(plan.changes).toEqual([{ productId: 1, was: '1.29', now: '1.39' }]);
    expect(plan.unavailable).toEqual(['Sold OLD-009', 'Sold GONE-1']);
  });

  it('merges a product sold on two lines and ignores a differently written equal price', () => {
    const plan = planReorder([line(2, 'BAK-002', 1, '1.2'), line(2, 'BAK-002', 4, '1.20')], found);
    expect(plan.lines).toHaveLength(1);
    expect(plan.lines[0]?.quantity).toBe(5);
    expect(plan.changes).toEqual([]);
  });

  it('does not take another product that now has the SKU', () => {
    expect(matchProduct(line(5, 'DAI-001', 1, '1.29'), [product(1, 'DAI-001', '1.39')])).toBeNull();
    expect(matchProduct(line(null, 'DAI-001', 1, '1.29'), [product(1, 'DAI-001', '1.39')])).toBeNull();
  });
});
