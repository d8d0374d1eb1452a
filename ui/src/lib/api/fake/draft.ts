// Pricing a cart the one way in the fake backend, as the core's `draft` does: coupons
// checked in the order entered and taken off the lines, then the delivery (the chosen
// carrier, or in-store pickup when none is chosen, nothing when every item is virtual).
import type { AppliedCouponView } from '../bindings/AppliedCouponView';
import type { CarrierInput } from '../bindings/CarrierInput';
import type { ShippingOptionView } from '../bindings/ShippingOptionView';
import { BackendError } from '../errors';
import { TAX_RATES, type FakeCustomer, type FakeProduct, type TaxCode } from './catalog';
import { allocate, appliedView, checkCoupon, type FakeCoupon } from './coupons';
import {
  priceLine,
  shippingLine,
  totalsOf,
  type PricedLine,
  type ShippingLine,
  type Totals,
} from './pricing';
import { carrierOptions, chargeCarrier, type ShippingContext } from './shipping';

export interface DraftLineInput {
  lineId: number;
  product: FakeProduct;
  quantity: number;
}

export interface DraftInput {
  lines: readonly DraftLineInput[];
  /** In the order entered. */
  coupons: readonly FakeCoupon[];
  customer: FakeCustomer | null;
  carriers: readonly CarrierInput[];
  /** The chosen carrier; none: in-store pickup. */
  carrierCode: string | null;
  /** Destination; none without an address. */
  country: string | null;
  now: Date;
}

export interface PricedDraft {
  lines: PricedLine[];
  /** The coupons with what each takes off. */
  coupons: { coupon: FakeCoupon; amountMinor: number }[];
  shipping: ShippingLine | null;
  /** The carrier priced in (none when nothing is shipped). */
  carrier: CarrierInput | null;
  /** Carriers that can take it (none when nothing is shipped). */
  options: ShippingOptionView[];
  needsShipping: boolean;
  weightGrams: number;
  totals: Totals;
}

/** Prices a draft; throws a coupon's or the carrier's refusal. */
export function priceDraft(input: DraftInput): PricedDraft {
  const base = input.lines.map((line) => priceLine(line.lineId, line.product, line.quantity));
  const subtotalMinor = base.reduce((sum, line) => sum + line.amountMinor, 0);
  input.coupons.forEach((coupon, index) =>
    checkCoupon(coupon, {
      now: input.now,
      subtotalMinor,
      customer: input.customer,
      before: input.coupons.slice(0, index),
    }),
  );
  const allocation = allocate(
    input.coupons,
    base.map((line) => ({
      productId: line.product.id,
      categoryId: line.product.categoryId,
      amountMinor: line.amountMinor,
    })),
  );
  const lines = base.map((line, i) =>
    priceLine(line.lineId, line.product, line.quantity, allocation.perLine[i] ?? 0),
  );
  const coupons = input.coupons.map((coupon, i) => ({ coupon, amountMinor: allocation.perCoupon[i] ?? 0 }));
  const shipped = lines.filter((line) => line.product.kind === 'goods' && line.quantity > 0);
  const needsShipping = shipped.length > 0;
  const weightGrams = shipped.reduce((sum, line) => sum + line.product.weightGrams * line.quantity, 0);
  const itemsOnly = totalsOf(lines);
  const priced = (
    carrier: CarrierInput | null,
    shipping: ShippingLine | null,
    options: ShippingOptionView[],
  ): PricedDraft => ({
    lines,
    coupons,
    shipping,
    carrier,
    options,
    needsShipping,
    weightGrams,
    totals: totalsOf(lines, shipping),
  });
  if (!needsShipping) return priced(null, null, []);
  const context: ShippingContext = {
    country: input.country,
    weightGrams,
    itemsTotalMinor: itemsOnly.total,
    group: input.customer?.group ?? null,
    freeShipping: allocation.freeShipping,
  };
  const options = carrierOptions(input.carriers, context);
  if (input.carrierCode === null) {
    return priced(input.carriers.find((c) => c.is_pickup) ?? null, null, options);
  }
  const carrier = input.carriers.find((c) => c.code === input.carrierCode);
  if (!carrier) {
    throw new BackendError('carrier_unavailable', `There is no carrier with the code ${input.carrierCode}.`);
  }
  const price = chargeCarrier(carrier, context);
  const tax: TaxCode =
    carrier.tax_class !== null && carrier.tax_class in TAX_RATES ? (carrier.tax_class as TaxCode) : 'exempt';
  return priced(carrier, carrier.is_pickup || price === 0 ? null : shippingLine(price, tax), options);
}

export function appliedViews(draft: PricedDraft): AppliedCouponView[] {
  return draft.coupons.map(({ coupon, amountMinor }) => appliedView(coupon, amountMinor));
}
