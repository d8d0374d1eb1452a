// Tests the staff order draft: display-only line totals in integer cents, merged lines,
// the draft the backend quotes and the order request with its payment.
import { describe, expect, it } from 'vitest';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import { blankAddress } from './address';
import {
  addLine,
  checkoutDraft,
  draftTotalMinor,
  lineTotalMinor,
  removeLine,
  setLineQuantity,
  staffOrderRequest,
  type DraftInput,
  type OrderInput,
  type PaymentInput,
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

const draft = (patch: Partial<DraftInput> = {}): DraftInput => ({
  customerMode: 'existing',
  customerId: 3,
  newCustomer: { name: '', email: '', phone: '', group: 'retail' },
  lines: [],
  couponCodes: [],
  needsShipping: true,
  shipping: blankAddress('BE'),
  invoiceSame: true,
  invoice: blankAddress('BE'),
  carrierCode: null,
  ...patch,
});

const payment = (patch: Partial<PaymentInput> = {}): PaymentInput => ({
  mode: 'now',
  payLater: null,
  rest: 'cash',
  parts: [],
  tendered: '',
  terminalReference: '',
  totalMinor: 470,
  incrementMinor: 0,
  digits: 2,
  ...patch,
});

const order = (draftPatch: Partial<DraftInput>, paymentPatch: Partial<PaymentInput> = {}): OrderInput => ({
  orderUuid: 'a5b0c1d2-0000-4000-8000-000000000001',
  draft: draft(draftPatch),
  payment: payment(paymentPatch),
  newsletter: false,
  isTest: false,
});

const HOME = {
  name: 'Anna Peeters',
  line1: 'Kerkstraat 12',
  line2: '',
  postal_code: '2000',
  city: 'Antwerpen',
  country_code: 'be',
};

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

  it('asks for a customer and products first, at their step', () => {
    expect(staffOrderRequest(order({ customerId: null, lines }))).toMatchObject({ step: 'customer' });
    expect(staffOrderRequest(order({ customerMode: 'guest', customerId: null, lines }))).toEqual({
      problem: "Enter the customer's name.",
      step: 'customer',
    });
    expect(staffOrderRequest(order({}))).toEqual({ problem: 'Add at least one product.', step: 'products' });
  });

  it('pays cash with the amount due when nothing was typed, or with what was typed', () => {
    expect(staffOrderRequest(order({ lines }))).toEqual({
      request: {
        order_uuid: 'a5b0c1d2-0000-4000-8000-000000000001',
        customer_id: 3,
        lines: [{ product_id: 4, quantity: 2 }],
        coupon_codes: [],
        tenders: [{ method: 'cash', tendered: '4.70' }],
      },
    });
    const typed = staffOrderRequest(order({ lines }, { tendered: '10,5' }));
    expect('request' in typed && typed.request.tenders).toEqual([{ method: 'cash', tendered: '10.50' }]);
    expect(staffOrderRequest(order({ lines }, { tendered: 'ten' }))).toMatchObject({ step: 'payment' });
  });

  it('rounds the cash due to the smallest coin', () => {
    const rounded = staffOrderRequest(order({ lines }, { totalMinor: 1732, incrementMinor: 5 }));
    expect('request' in rounded && rounded.request.tenders).toEqual([{ method: 'cash', tendered: '17.30' }]);
  });

  it('charges the rest by card after a gift card part, or sends no tender when awaiting payment', () => {
    const split = staffOrderRequest(
      order(
        { lines },
        {
          rest: 'card',
          terminalReference: ' T-9 ',
          parts: [{ method: 'gift_card', code: 'KASS-A000-0000-0050', amountMinor: 200 }],
        },
      ),
    );
    expect('request' in split && split.request.tenders).toEqual([
      { method: 'gift_card', code: 'KASS-A000-0000-0050', amount: '2.00' },
      { method: 'card', amount: '2.70', terminal_reference: 'T-9' },
    ]);
    const later = staffOrderRequest({ ...order({ lines }, { mode: 'awaiting' }), isTest: true });
    expect('request' in later && later.request).toMatchObject({ tenders: [], is_test: true });
  });

  it('pays later by the chosen method, once one is chosen', () => {
    expect(staffOrderRequest(order({ lines }, { mode: 'later' }))).toMatchObject({ step: 'payment' });
    const check = staffOrderRequest(order({ lines }, { mode: 'later', payLater: 'check' }));
    expect('request' in check && check.request).toMatchObject({ tenders: [], pay_later: 'check' });
  });

  it('sends a new customer and a complete address with the carrier', () => {
    const result = staffOrderRequest(
      order({
        customerMode: 'account',
        customerId: null,
        newCustomer: { name: ' Ada ', email: 'ada@example.com', phone: '', group: 'retail' },
        lines,
        shipping: HOME,
        carrierCode: 'post',
      }),
    );
    expect('request' in result && result.request).toMatchObject({
      new_customer: { kind: 'account', name: 'Ada', email: 'ada@example.com', customer_group: 'retail' },
      shipping_address: { ...HOME, country_code: 'BE' },
      carrier_code: 'post',
    });
  });

  it('refuses half an address, and leaves address and carrier out when nothing ships', () => {
    expect(staffOrderRequest(order({ lines, shipping: { ...HOME, city: '' } }))).toMatchObject({
      step: 'address',
    });
    const virtual = staffOrderRequest(
      order({ lines, needsShipping: false, shipping: HOME, carrierCode: 'post' }),
    );
    expect('request' in virtual && virtual.request.shipping_address).toBeUndefined();
    expect('request' in virtual && virtual.request.carrier_code).toBeUndefined();
  });

  it('quotes without what is still being typed', () => {
    const quoted = checkoutDraft(
      draft({
        customerMode: 'guest',
        customerId: null,
        newCustomer: { name: '', email: 'ada@', phone: '', group: '' },
        lines,
        shipping: { ...HOME, city: '' },
      }),
      true,
    );
    expect(quoted).toEqual({
      lines: [{ product_id: 4, quantity: 2 }],
      coupon_codes: [],
      new_customer: { kind: 'guest', name: 'New customer' },
    });
  });
});
