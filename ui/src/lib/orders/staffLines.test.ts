// Tests the staff order draft: display-only line totals in integer cents, merged lines
// and the request with or without a tender.
import { describe, expect, it } from 'vitest';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import {
  addLine,
  draftTotalMinor,
  lineTotalMinor,
  removeLine,
  setLineQuantity,
  staffOrderRequest,
  type DraftInput,
} from './staffLines';

function product(id: number, price: string): ProductSummary {
  return {
    id,
    sku: `SKU-${id}`,
    name: `Product ${id}`,
    category: null,
    barcode: null,
    price,
    tax_label: 'VAT 21%',
    stock_tracked: true,
    stock_on_hand: 5,
  };
}

const input = (patch: Partial<DraftInput>): DraftInput => ({
  orderUuid: 'a5b0c1d2-0000-4000-8000-000000000001',
  customerId: 3,
  lines: [],
  timing: 'paid',
  method: 'cash',
  tendered: '',
  terminalReference: '',
  isTest: false,
  digits: 2,
  ...patch,
});

describe('staff order lines', () => {
  it('computes line totals exactly in cents', () => {
    const lines = addLine(addLine([], product(1, '0.10'), 3), product(2, '19.99'), 2);
    expect(lineTotalMinor(lines[0] ?? { product: product(0, '0'), quantity: 0 })).toBe(30);
    expect(draftTotalMinor(lines)).toBe(30 + 3998);
  });

  it('merges a product added twice and clamps quantities', () => {
    let lines = addLine([], product(1, '1.00'), 2);
    lines = addLine(lines, product(1, '1.00'), 3);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.quantity).toBe(5);
    expect(setLineQuantity(lines, 1, 0)[0]?.quantity).toBe(1);
    expect(setLineQuantity(lines, 1, 123_456)[0]?.quantity).toBe(9999);
    expect(setLineQuantity(lines, 1, Number.NaN)[0]?.quantity).toBe(1);
    expect(removeLine(lines, 1)).toEqual([]);
  });
});

describe('staffOrderRequest', () => {
  const lines = addLine([], product(4, '2.35'), 2);

  it('asks for a customer and products first', () => {
    expect(staffOrderRequest(input({ customerId: null, lines }))).toEqual({
      problem: 'Pick the customer first.',
    });
    expect(staffOrderRequest(input({}))).toEqual({ problem: 'Add at least one product.' });
  });

  it('pays cash with the estimate when nothing was typed, or with what was typed', () => {
    const plain = staffOrderRequest(input({ lines }));
    expect(plain).toEqual({
      request: {
        order_uuid: 'a5b0c1d2-0000-4000-8000-000000000001',
        customer_id: 3,
        lines: [{ product_id: 4, quantity: 2 }],
        tenders: [{ method: 'cash', tendered: '4.70' }],
      },
    });
    const typed = staffOrderRequest(input({ lines, tendered: '10,5' }));
    expect('request' in typed && typed.request.tenders).toEqual([{ method: 'cash', tendered: '10.50' }]);
    expect(staffOrderRequest(input({ lines, tendered: 'ten' }))).toHaveProperty('problem');
  });

  it('charges the estimate by card, or sends no tender when awaiting payment', () => {
    const card = staffOrderRequest(input({ lines, method: 'card', terminalReference: ' T-9 ' }));
    expect('request' in card && card.request.tenders).toEqual([
      { method: 'card', amount: '4.70', terminal_reference: 'T-9' },
    ]);
    const later = staffOrderRequest(input({ lines, timing: 'awaiting', isTest: true }));
    expect('request' in later && later.request).toMatchObject({ tenders: [], is_test: true });
  });
});
