// Pricing of the fake backend in integer cents: tax-inclusive prices, coupons taken off
// the line amounts, tax rounded per line half away from zero on what is left, shipping
// taxed at its own rate, taxes summed per rate (as the Rust core does), and the total
// due in cash rounded to the store's smallest coin.
import type { AppliedCouponView } from '../bindings/AppliedCouponView';
import type { CartLineView } from '../bindings/CartLineView';
import type { CartView } from '../bindings/CartView';
import type { ProductSummary } from '../bindings/ProductSummary';
import type { TaxLineView } from '../bindings/TaxLineView';
import { roundToIncrement, toDecimal } from '../../money/money';
import { STORE, TAX_RATES, type FakeProduct, type TaxCode } from './catalog';

export interface PricedLine {
  lineId: number;
  product: FakeProduct;
  quantity: number;
  /** Unit price × quantity, before coupons. */
  amountMinor: number;
  /** What coupons take off the line. */
  discountMinor: number;
  /** What the customer pays for the line (after coupons). */
  totalMinor: number;
  taxMinor: number;
}

/** The delivery of an order, priced (tax-inclusive) and taxed at its carrier's rate. */
export interface ShippingLine {
  totalMinor: number;
  taxMinor: number;
  tax: TaxCode;
}

/** `numerator / denominator` rounded half away from zero, for non-negative numerators. */
export function divideRounded(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** The tax included in a tax-inclusive amount. */
export function includedTax(totalMinor: number, tax: TaxCode): number {
  const percent = TAX_RATES[tax].percent;
  return percent === 0 ? 0 : divideRounded(totalMinor * percent, 100 + percent);
}

export function priceLine(
  lineId: number,
  product: FakeProduct,
  quantity: number,
  discountMinor = 0,
): PricedLine {
  const amountMinor = product.priceMinor * quantity;
  const totalMinor = amountMinor - discountMinor;
  return {
    lineId,
    product,
    quantity,
    amountMinor,
    discountMinor,
    totalMinor,
    taxMinor: includedTax(totalMinor, product.tax),
  };
}

export function shippingLine(totalMinor: number, tax: TaxCode): ShippingLine {
  return { totalMinor, taxMinor: includedTax(totalMinor, tax), tax };
}

export function taxLines(lines: PricedLine[], shipping: ShippingLine | null = null): TaxLineView[] {
  const byRate = new Map<TaxCode, { base: number; tax: number }>();
  const add = (code: TaxCode, total: number, tax: number): void => {
    const sums = byRate.get(code) ?? { base: 0, tax: 0 };
    sums.base += total - tax;
    sums.tax += tax;
    byRate.set(code, sums);
  };
  for (const line of lines) add(line.product.tax, line.totalMinor, line.taxMinor);
  if (shipping && shipping.totalMinor > 0) add(shipping.tax, shipping.totalMinor, shipping.taxMinor);
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
  /** Σ line amounts before coupons. */
  itemsTotal: number;
  /** What coupons take off. */
  discountTotal: number;
  shippingTotal: number;
  subtotalNet: number;
  taxTotal: number;
  /** `itemsTotal − discountTotal + shippingTotal`. */
  total: number;
  itemCount: number;
}

export function totalsOf(lines: PricedLine[], shipping: ShippingLine | null = null): Totals {
  let itemsTotal = 0;
  let discountTotal = 0;
  let taxTotal = shipping?.taxMinor ?? 0;
  let itemCount = 0;
  for (const line of lines) {
    itemsTotal += line.amountMinor;
    discountTotal += line.discountMinor;
    taxTotal += line.taxMinor;
    itemCount += line.quantity;
  }
  const shippingTotal = shipping?.totalMinor ?? 0;
  const total = itemsTotal - discountTotal + shippingTotal;
  return {
    itemsTotal,
    discountTotal,
    shippingTotal,
    subtotalNet: total - taxTotal,
    taxTotal,
    total,
    itemCount,
  };
}

/**
 * What can be sold of a line, as the core's `sellable_quantity`: nothing of a product that is
 * no longer for sale. (The fake always lets stock go below zero, so the "refuse to oversell"
 * policy, which holds back what is not on the shelf, does not arise here.)
 */
export function sellableQuantity(product: FakeProduct, requested: number): number {
  return product.active === false ? 0 : requested;
}

/** The message the core puts on a line whose product is gone or short (for `requested` units). */
export function stockWarning(product: FakeProduct, requested: number): string | null {
  if (product.active === false) return 'No longer for sale: not sold';
  if (!product.stockTracked || requested <= product.stock) return null;
  return product.stock <= 0 ? 'Out of stock' : `Only ${product.stock} in stock`;
}

export interface CartExtras {
  coupons: AppliedCouponView[];
  couponNotice: string | null;
  /** The store's smallest coin in cents (0: cash to the cent). */
  cashIncrement: number;
}

export function cartView(cartId: number | null, lines: PricedLine[], extras: CartExtras): CartView {
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
    stock_warning: stockWarning(line.product, line.quantity),
    discount: toDecimal(line.discountMinor),
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
    coupons: extras.coupons,
    items_total: toDecimal(totals.itemsTotal),
    discount_total: toDecimal(totals.discountTotal),
    cash_total: toDecimal(roundToIncrement(totals.total, extras.cashIncrement)),
    coupon_notice: extras.couponNotice,
    name: '',
    customer: null,
  };
}

export function productSummary(product: FakeProduct, hasVariations = false): ProductSummary {
  return {
    has_variations: hasVariations,
    ...(product.parentId === undefined ? {} : { parent_id: product.parentId }),
    ...(product.attributes ? { variation: product.attributes.map((a) => a.value).join(' / ') } : {}),
    active: product.active ?? true,
    kind: product.kind === 'gift_card' ? 'gift_card' : 'normal',
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
