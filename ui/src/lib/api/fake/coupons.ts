// Coupons of the fake backend, checked and allocated as the core does: a coupon is refused
// with a stable code (unknown, expired, not yet valid, minimum not reached, used up, not
// combinable, not for this customer); the ones that apply take a percent or an amount off
// the lines in their scope, one after the other, spread over those lines in proportion
// to what is left of them. Saving a coupon is checked as the core checks it.
import type { AppliedCouponView } from '../bindings/AppliedCouponView';
import type { CouponInput } from '../bindings/CouponInput';
import type { CouponView } from '../bindings/CouponView';
import { BackendError } from '../errors';
import { parseMinor, toDecimal } from '../../money/money';
import type { FakeCustomer } from './catalog';
import { euros } from './orders';

export interface FakeCoupon {
  input: CouponInput;
  /** Orders that used it. */
  timesUsed: number;
  /** Uses per customer id. */
  usedBy: Record<string, number>;
}

function coupon(
  patch: Partial<CouponInput> & Pick<CouponInput, 'code' | 'description' | 'kind'>,
): FakeCoupon {
  return {
    input: {
      percent: null,
      amount: null,
      scope: 'cart',
      targets: [],
      free_shipping: false,
      minimum_subtotal: '0.00',
      valid_from: null,
      valid_to: null,
      usage_limit: null,
      per_customer_limit: null,
      customer_id: null,
      customer_group: null,
      combinable: false,
      active: true,
      ...patch,
    },
    timesUsed: 0,
    usedBy: {},
  };
}

/** The demo store's coupons (as `kassa demo` makes them); `drinks` is the Drinks category id. */
export function demoCoupons(now: Date, drinks: number): FakeCoupon[] {
  const expired = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  return [
    coupon({
      code: 'WELCOME10',
      description: '10 % off from 20.00',
      kind: 'percent',
      percent: '10',
      minimum_subtotal: '20.00',
    }),
    coupon({
      code: 'SAVE5',
      description: '5.00 off from 30.00, combinable',
      kind: 'fixed',
      amount: '5.00',
      minimum_subtotal: '30.00',
      combinable: true,
    }),
    coupon({
      code: 'FREESHIP',
      description: 'Free shipping, combinable',
      kind: 'none',
      free_shipping: true,
      combinable: true,
    }),
    coupon({
      code: 'DRINKS20',
      description: '20 % off drinks',
      kind: 'percent',
      percent: '20',
      scope: 'categories',
      targets: [drinks],
    }),
    coupon({
      code: 'SUMMER24',
      description: "Last summer's sale (expired)",
      kind: 'percent',
      percent: '15',
      valid_to: expired,
    }),
  ];
}

export function couponView(coupon: FakeCoupon): CouponView {
  return structuredClone({ coupon: coupon.input, times_used: coupon.timesUsed });
}

export function findCoupon(coupons: readonly FakeCoupon[], code: string): FakeCoupon | undefined {
  const wanted = code.trim().toUpperCase();
  return coupons.find((c) => c.input.code.toUpperCase() === wanted);
}

export function unknownCoupon(code: string): BackendError {
  return new BackendError('coupon_unknown', `No coupon has the code ${code.trim()}. Check the spelling.`);
}

const day = (iso: string): string => iso.slice(0, 10);

export interface CouponContext {
  now: Date;
  /** The cart's items total before coupons. */
  subtotalMinor: number;
  customer: FakeCustomer | null;
  /** The coupons entered before this one. */
  before: readonly FakeCoupon[];
}

/** Throws the coupon's refusal, if it does not apply. */
export function checkCoupon(coupon: FakeCoupon, context: CouponContext): void {
  const { input } = coupon;
  const code = input.code;
  if (!input.active) throw new BackendError('coupon_expired', `Coupon ${code} is switched off.`);
  if (input.valid_to !== null && context.now.getTime() > new Date(input.valid_to).getTime()) {
    throw new BackendError('coupon_expired', `Coupon ${code} expired on ${day(input.valid_to)}.`);
  }
  if (input.valid_from !== null && context.now.getTime() < new Date(input.valid_from).getTime()) {
    throw new BackendError('coupon_not_yet_valid', `Coupon ${code} is valid from ${day(input.valid_from)}.`);
  }
  const minimum = parseMinor(input.minimum_subtotal) ?? 0;
  if (context.subtotalMinor < minimum) {
    throw new BackendError(
      'coupon_minimum_not_reached',
      `Coupon ${code} needs ${euros(minimum)} of items; the cart has ${euros(context.subtotalMinor)}.`,
    );
  }
  if (input.usage_limit !== null && coupon.timesUsed >= input.usage_limit) {
    throw new BackendError('coupon_used_up', `Coupon ${code} has been used as often as it may be.`);
  }
  const customer = context.customer;
  if (input.per_customer_limit !== null && customer) {
    if ((coupon.usedBy[String(customer.id)] ?? 0) >= input.per_customer_limit) {
      throw new BackendError('coupon_used_up', `${customer.name} has already used coupon ${code}.`);
    }
  }
  if (input.customer_id !== null || input.customer_group !== null || input.per_customer_limit !== null) {
    if (!customer) {
      throw new BackendError('coupon_not_for_customer', `Coupon ${code} needs a customer on the order.`);
    }
    if (input.customer_id !== null && input.customer_id !== customer.id) {
      throw new BackendError('coupon_not_for_customer', `Coupon ${code} is for another customer.`);
    }
    if (input.customer_group !== null && input.customer_group !== customer.group) {
      throw new BackendError(
        'coupon_not_for_customer',
        `Coupon ${code} is for the customer group ${input.customer_group}.`,
      );
    }
  }
  const clash = context.before.find((other) => !other.input.combinable || !input.combinable);
  if (clash) {
    throw new BackendError(
      'coupon_not_combinable',
      `Coupon ${code} cannot be combined with ${clash.input.code}.`,
    );
  }
}

export interface DiscountLine {
  productId: number;
  categoryId: number;
  amountMinor: number;
}

export interface Allocation {
  /** What the coupons take off each line. */
  perLine: number[];
  /** What each coupon takes off in all. */
  perCoupon: number[];
  freeShipping: boolean;
}

/** Spreads `amount` over `weights` in proportion (largest remainder), never above a weight. */
function spread(amount: number, weights: number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0 || amount === 0) return weights.map(() => 0);
  const shares = weights.map((w) => Math.floor((amount * w) / total));
  let left = amount - shares.reduce((sum, s) => sum + s, 0);
  const order = weights
    .map((w, i) => ({ i, rest: (amount * w) % total }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    if ((shares[i] ?? 0) < (weights[i] ?? 0)) {
      shares[i] = (shares[i] ?? 0) + 1;
      left -= 1;
    }
  }
  return shares;
}

/** What the (already checked) coupons take off, line by line. */
export function allocate(coupons: readonly FakeCoupon[], lines: readonly DiscountLine[]): Allocation {
  const left = lines.map((line) => line.amountMinor);
  const perLine = lines.map(() => 0);
  const perCoupon: number[] = [];
  let freeShipping = false;
  for (const { input } of coupons) {
    freeShipping ||= input.free_shipping;
    const inScope = (line: DiscountLine): boolean =>
      input.scope === 'cart' ||
      (input.scope === 'products' && input.targets.includes(line.productId)) ||
      (input.scope === 'categories' && input.targets.includes(line.categoryId));
    const weights = lines.map((line, i) => (inScope(line) ? (left[i] ?? 0) : 0));
    const base = weights.reduce((sum, w) => sum + w, 0);
    let off = 0;
    if (input.kind === 'percent') {
      const hundredths = parseMinor(input.percent ?? '0') ?? 0;
      off = Math.min(base, Math.floor((2 * base * hundredths + 10_000) / 20_000));
    } else if (input.kind === 'fixed') {
      off = Math.min(base, parseMinor(input.amount ?? '0') ?? 0);
    }
    const shares = spread(off, weights);
    shares.forEach((share, i) => {
      left[i] = (left[i] ?? 0) - share;
      perLine[i] = (perLine[i] ?? 0) + share;
    });
    perCoupon.push(off);
  }
  return { perLine, perCoupon, freeShipping };
}

export function appliedView(coupon: FakeCoupon, amountMinor: number): AppliedCouponView {
  return {
    code: coupon.input.code,
    description: coupon.input.description,
    amount: toDecimal(amountMinor),
    free_shipping: coupon.input.free_shipping,
  };
}

function invalid(message: string): never {
  throw new BackendError('invalid_input', message);
}

function amount(text: string | null, what: string): string {
  const minor = parseMinor(text ?? '');
  if (minor === null || minor < 0)
    invalid(`The ${what} must be zero or more in whole cents, not ${text ?? 'empty'}.`);
  return toDecimal(minor);
}

/** The coupon as it would be saved, or `invalid_input` saying what is wrong. */
export function checkCouponInput(input: CouponInput): CouponInput {
  const code = input.code.trim().toUpperCase();
  if (!/^[A-Z0-9_-]{1,40}$/.test(code)) {
    invalid(`The coupon code “${input.code.trim()}” must be 1 to 40 letters, digits, '-' or '_'.`);
  }
  let percent: string | null = null;
  let fixed: string | null = null;
  if (input.kind === 'percent') {
    const hundredths = parseMinor(input.percent ?? '');
    if (hundredths === null || hundredths <= 0 || hundredths > 10_000) {
      invalid('A percent coupon needs a percent above 0 and at most 100.');
    }
    percent = String(hundredths / 100);
  } else if (input.kind === 'fixed') {
    const minor = parseMinor(input.amount ?? '');
    if (minor === null || minor <= 0) invalid('A fixed coupon needs an amount above 0.');
    fixed = toDecimal(minor);
  } else if (!input.free_shipping) {
    invalid('A coupon that takes nothing off must at least make shipping free.');
  }
  if (input.scope !== 'cart' && input.targets.length === 0) {
    invalid('Choose the products or categories the coupon is for.');
  }
  if (input.valid_from !== null && input.valid_to !== null && input.valid_to < input.valid_from) {
    invalid("The coupon's end date is before its start date.");
  }
  for (const limit of [input.usage_limit, input.per_customer_limit]) {
    if (limit !== null && (!Number.isSafeInteger(limit) || limit < 0))
      invalid('A limit is a whole number, 0 or more.');
  }
  const group = input.customer_group?.trim() ?? '';
  return {
    ...input,
    code,
    description: input.description.trim(),
    percent,
    amount: fixed,
    targets: input.scope === 'cart' ? [] : [...new Set(input.targets)].sort((a, b) => a - b),
    minimum_subtotal: amount(input.minimum_subtotal, 'minimum subtotal'),
    customer_group: group === '' ? null : group,
  };
}
