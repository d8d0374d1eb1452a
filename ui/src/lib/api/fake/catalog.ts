// Demo catalogue of the in-browser fake backend: a small neighbourhood shop with two VAT
// rates, tax-inclusive shelf prices in euros and valid EAN-13 barcodes.

export type TaxCode = 'standard' | 'reduced';

export interface FakeTaxRate {
  code: TaxCode;
  label: string;
  /** Rate in whole percent. */
  percent: number;
}

export const TAX_RATES: Record<TaxCode, FakeTaxRate> = {
  standard: { code: 'standard', label: 'VAT 21%', percent: 21 },
  reduced: { code: 'reduced', label: 'VAT 6%', percent: 6 },
};

export interface FakeProduct {
  id: number;
  sku: string;
  name: string;
  category: string;
  barcode: string | null;
  /** Tax-inclusive price in cents. */
  priceMinor: number;
  tax: TaxCode;
  stockTracked: boolean;
  stock: number;
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
}

export const CUSTOMERS: readonly FakeCustomer[] = [
  { id: 1, name: 'Anna Peeters', email: 'anna.peeters@example.com', phone: '+32 470 12 34 56' },
  { id: 2, name: 'Jonas Maes', email: 'jonas.maes@example.com', phone: '+32 471 98 76 54' },
  { id: 3, name: 'Lotte Janssens', email: 'lotte@example.org', phone: null },
  { id: 4, name: 'Wout Claes', email: null, phone: '+32 2 511 22 33' },
  { id: 5, name: 'Sofie Dubois', email: 'sofie.dubois@example.net', phone: '+32 478 55 44 33' },
  { id: 6, name: 'Karim El Amrani', email: 'karim.elamrani@example.com', phone: '+32 486 21 43 65' },
  { id: 7, name: 'Emma Willems', email: 'emma.w@example.be', phone: null },
  { id: 8, name: 'Café De Hoek', email: 'orders@dehoek.example', phone: '+32 3 233 44 55' },
];

type Row = [sku: string, name: string, price: number, tax: TaxCode, stock: number | null, barcode: boolean];

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
  for (const [category, rows] of Object.entries(CATALOGUE)) {
    for (const [sku, name, priceMinor, tax, stock, hasBarcode] of rows) {
      const id = products.length + 1;
      const body = `5412345${String(id * 7).padStart(5, '0')}`;
      products.push({
        id,
        sku,
        name,
        category,
        barcode: hasBarcode ? body + String(ean13CheckDigit(body)) : null,
        priceMinor,
        tax,
        stockTracked: stock !== null,
        stock: stock ?? 0,
      });
    }
  }
  return products;
}

export const DEMO_CATEGORY_COUNT = Object.keys(CATALOGUE).length;
