// Demo catalogue of the in-browser fake backend: a small neighbourhood shop with two VAT
// rates, tax-inclusive shelf prices in euros, valid EAN-13 barcodes, a weight per unit
// (for carriers priced by weight) and two gift card products (virtual: never shipped,
// no VAT), and the demo customers with their groups, addresses and store credit.
import type { AddressView } from '../bindings/AddressView';
import type { CustomerKind } from '../bindings/CustomerKind';
import type { LedgerEntryView } from '../bindings/LedgerEntryView';

export type TaxCode = 'standard' | 'reduced' | 'exempt';

export interface FakeTaxRate {
  code: TaxCode;
  label: string;
  /** Rate in whole percent. */
  percent: number;
}

export const TAX_RATES: Record<TaxCode, FakeTaxRate> = {
  standard: { code: 'standard', label: 'VAT 21%', percent: 21 },
  reduced: { code: 'reduced', label: 'VAT 6%', percent: 6 },
  // Gift cards are a means of payment: VAT is due on what they buy, not on the card.
  exempt: { code: 'exempt', label: 'No VAT', percent: 0 },
};

/** Goods are shipped; a gift card is virtual and issues a card with its value when paid. */
export type ProductKind = 'goods' | 'gift_card';

export interface FakeProduct {
  id: number;
  sku: string;
  name: string;
  category: string;
  /** Category id (1-based, in catalogue order), for coupons on categories. */
  categoryId: number;
  barcode: string | null;
  /** Tax-inclusive price in cents. */
  priceMinor: number;
  tax: TaxCode;
  stockTracked: boolean;
  stock: number;
  /** Grams per unit. */
  weightGrams: number;
  kind: ProductKind;
  /** For a variation: its parent's id. */
  parentId?: number;
  /** For a variation: its attribute values. */
  attributes?: { name: string; value: string }[];
  /** Switched off products are not sold (default on). */
  active?: boolean;
}

/** A demo T-shirt with two sizes: a parent (not sold itself) and its variations. */
export function demoVariations(firstId: number): FakeProduct[] {
  const base = {
    category: 'Clothing',
    categoryId: 99,
    tax: 'standard' as TaxCode,
    stockTracked: true,
    weightGrams: 200,
    kind: 'goods' as ProductKind,
  };
  return [
    { ...base, id: firstId, sku: 'TEE', name: 'Kassa T-shirt', barcode: null, priceMinor: 1500, stock: 0 },
    ...(['S', 'M'] as const).map((size, index) => ({
      ...base,
      id: firstId + 1 + index,
      sku: `TEE-${size}`,
      name: `Kassa T-shirt ${size}`,
      barcode: null,
      priceMinor: 1500,
      stock: 10,
      parentId: firstId,
      attributes: [{ name: 'Size', value: size }],
    })),
  ];
}

export const STORE = {
  name: 'Kassa Demo Store',
  code: 'S1',
  register: 'R1',
  /** Registers that appear in the demo order history. */
  registers: ['R1', 'R2'],
  address: '1 Market Street, 1000 Brussels, Belgium',
  taxId: 'BE0123456789',
  currency: 'EUR',
} as const;

export interface FakeCustomer {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  kind: CustomerKind;
  group: string;
  newsletter: boolean;
  storeCreditMinor: number;
  /** Oldest first. */
  creditLedger: LedgerEntryView[];
  addresses: AddressView[];
}

function customer(
  id: number,
  name: string,
  email: string | null,
  phone: string | null,
  extra: Partial<FakeCustomer> = {},
): FakeCustomer {
  return {
    id,
    name,
    email,
    phone,
    kind: 'account',
    group: 'retail',
    newsletter: false,
    storeCreditMinor: 0,
    creditLedger: [],
    addresses: [],
    ...extra,
  };
}

function home(
  id: number,
  name: string,
  line1: string,
  postal: string,
  city: string,
  country = 'BE',
): AddressView {
  return {
    id,
    address: { name, line1, line2: '', postal_code: postal, city, country_code: country },
    is_default_shipping: true,
    is_default_invoice: true,
  };
}

export const CUSTOMERS: readonly FakeCustomer[] = [
  customer(1, 'Anna Peeters', 'anna.peeters@example.com', '+32 470 12 34 56', {
    newsletter: true,
    storeCreditMinor: 1250,
    creditLedger: [
      {
        kind: 'granted',
        amount: '12.50',
        balance_after: '12.50',
        order_reference: null,
        note: 'Goodwill: late delivery',
        at: '2026-10-02T09:30:00Z',
      },
    ],
    addresses: [home(1, 'Anna Peeters', 'Kerkstraat 12', '2000', 'Antwerpen')],
  }),
  customer(2, 'Jonas Maes', 'jonas.maes@example.com', '+32 471 98 76 54', {
    addresses: [home(2, 'Jonas Maes', 'Rue Haute 88', '1000', 'Brussels')],
  }),
  customer(3, 'Lotte Janssens', 'lotte@example.org', null, {
    addresses: [home(3, 'Lotte Janssens', 'Oudegracht 140', '3511 AZ', 'Utrecht', 'NL')],
  }),
  customer(4, 'Wout Claes', null, '+32 2 511 22 33', { kind: 'guest' }),
  customer(5, 'Sofie Dubois', 'sofie.dubois@example.net', '+32 478 55 44 33'),
  customer(6, 'Karim El Amrani', 'karim.elamrani@example.com', '+32 486 21 43 65'),
  customer(7, 'Emma Willems', 'emma.w@example.be', null),
  customer(8, 'Café De Hoek', 'orders@dehoek.example', '+32 3 233 44 55', {
    group: 'wholesale',
    addresses: [
      home(4, 'Café De Hoek', 'Grote Markt 3', '2000', 'Antwerpen'),
      {
        id: 5,
        address: {
          name: 'De Hoek BV, accounts',
          line1: 'Meir 1',
          line2: 'Box 4',
          postal_code: '2000',
          city: 'Antwerpen',
          country_code: 'BE',
        },
        is_default_shipping: false,
        is_default_invoice: true,
      },
    ],
  }),
];

type Row = [sku: string, name: string, price: number, tax: TaxCode, stock: number | null, barcode: boolean];

/** Grams per unit of each category. */
const WEIGHTS: Record<string, number> = {
  Bakery: 400,
  Dairy: 500,
  'Fruit & veg': 1000,
  Drinks: 1000,
  Pantry: 500,
  Household: 700,
  Stationery: 100,
  Gifts: 300,
};

const CATALOGUE: Record<string, Row[]> = {
  Bakery: [
    ['BAK-001', 'Sourdough loaf 750 g', 395, 'reduced', 14, true],
    ['BAK-002', 'Butter croissant', 120, 'reduced', 40, false],
    ['BAK-003', 'Pain au chocolat', 145, 'reduced', 32, false],
    ['BAK-004', 'Baguette tradition', 160, 'reduced', 25, true],
  ],
  Dairy: [
    ['DAI-001', 'Whole milk 1 L', 119, 'reduced', 60, true],
    ['DAI-002', 'Greek yoghurt 500 g', 249, 'reduced', 18, true],
    ['DAI-003', 'Salted butter 250 g', 285, 'reduced', 22, true],
    ['DAI-004', 'Young Gouda 400 g', 499, 'reduced', 12, true],
    ['DAI-005', 'Free-range eggs ×6', 279, 'reduced', 30, true],
  ],
  'Fruit & veg': [
    ['FRU-001', 'Bananas 1 kg', 189, 'reduced', 45, true],
    ['FRU-002', 'Jonagold apples 1 kg', 249, 'reduced', 38, true],
    ['FRU-003', 'Cherry tomatoes 250 g', 199, 'reduced', 20, true],
    ['FRU-004', 'Avocado, ripe', 129, 'reduced', 3, true],
  ],
  Drinks: [
    ['DRI-001', 'Still mineral water 1.5 L', 89, 'reduced', 120, true],
    ['DRI-002', 'Orange juice 1 L', 269, 'reduced', 24, true],
    ['DRI-003', 'Cola 330 ml can', 95, 'reduced', 96, true],
    ['DRI-004', 'Espresso beans 1 kg', 1490, 'reduced', 9, true],
    ['DRI-005', 'Green tea, 20 bags', 349, 'reduced', 16, true],
    ['DRI-006', 'Trappist beer 33 cl', 235, 'standard', 48, true],
    ['DRI-007', 'Côtes du Rhône red 75 cl', 895, 'standard', 15, true],
  ],
  Pantry: [
    ['PAN-001', 'Spaghetti 500 g', 135, 'reduced', 40, true],
    ['PAN-002', 'Extra virgin olive oil 500 ml', 749, 'reduced', 14, true],
    ['PAN-003', 'Basmati rice 1 kg', 299, 'reduced', 26, true],
    ['PAN-004', 'Dark chocolate 72% 100 g', 225, 'reduced', 35, true],
    ['PAN-005', 'Speculoos biscuits 250 g', 189, 'reduced', 28, true],
    ['PAN-006', 'Strawberry jam 370 g', 279, 'reduced', 19, true],
  ],
  Household: [
    ['HOU-001', 'Dish soap 500 ml', 249, 'standard', 21, true],
    ['HOU-002', 'Laundry liquid 1.5 L', 999, 'standard', 11, true],
    ['HOU-003', 'Paper towels ×4', 429, 'standard', 17, true],
    ['HOU-004', 'AA batteries ×4', 599, 'standard', 25, true],
    ['HOU-005', 'LED bulb E27 806 lm', 449, 'standard', 13, true],
  ],
  Stationery: [
    ['STA-001', 'Dotted notebook A5', 650, 'standard', 20, true],
    ['STA-002', 'Gel pen, black', 195, 'standard', 60, true],
    ['STA-003', 'Sticky notes 76×76', 240, 'standard', 30, true],
  ],
  Gifts: [
    ['GIF-001', 'Scented candle, fig', 1295, 'standard', 2, true],
    ['GIF-002', 'Reusable shopping bag', 150, 'standard', null, true],
    ['GIF-003', 'Greeting card', 325, 'standard', null, true],
  ],
  'Gift cards': [
    ['GIFT-025', 'Gift card 25', 2500, 'exempt', null, true],
    ['GIFT-050', 'Gift card 50', 5000, 'exempt', null, true],
  ],
};

/** EAN-13 check digit of 12 digits. */
export function ean13CheckDigit(digits12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(digits12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** The demo products, with ids from 1 and barcodes 5412345xxxxxC. */
export function demoProducts(): FakeProduct[] {
  const products: FakeProduct[] = [];
  for (const [index, [category, rows]] of Object.entries(CATALOGUE).entries()) {
    const giftCards = category === 'Gift cards';
    for (const [sku, name, priceMinor, tax, stock, hasBarcode] of rows) {
      const id = products.length + 1;
      const body = `5412345${String(id * 7).padStart(5, '0')}`;
      products.push({
        id,
        sku,
        name,
        category,
        categoryId: index + 1,
        barcode: hasBarcode ? body + String(ean13CheckDigit(body)) : null,
        priceMinor,
        tax,
        stockTracked: stock !== null,
        stock: stock ?? 0,
        weightGrams: giftCards ? 0 : (WEIGHTS[category] ?? 500),
        kind: giftCards ? 'gift_card' : 'goods',
      });
    }
  }
  return products;
}

export const DEMO_CATEGORY_COUNT = Object.keys(CATALOGUE).length;
