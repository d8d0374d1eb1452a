// The coupon being edited in the settings: every field of `CouponInput` as the form holds
// it (numbers and dates as typed), and the request for `save_coupon`. The code is fixed
// once a coupon exists (it is how customers and orders know it).
import type { CouponInput } from '../api/bindings/CouponInput';
import type { CouponKind } from '../api/bindings/CouponKind';
import type { CouponScope } from '../api/bindings/CouponScope';
import type { CouponView } from '../api/bindings/CouponView';
import { dayToInstant, idList, instantToDay, listText, optionalCount, optionalText } from './formFields';
import type { SettingsForm } from './settingsList.svelte';

export const COUPON_KINDS: { value: CouponKind; label: string }[] = [
  { value: 'percent', label: 'Percent off' },
  { value: 'fixed', label: 'Amount off' },
  { value: 'none', label: 'Nothing off (free shipping only)' },
];

export const COUPON_SCOPES: { value: CouponScope; label: string }[] = [
  { value: 'cart', label: 'The whole cart' },
  { value: 'products', label: 'Some products' },
  { value: 'categories', label: 'Some categories' },
];

export function blankCoupon(): CouponInput {
  return {
    code: '',
    description: '',
    kind: 'percent',
    percent: '10',
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
  };
}

/** What a coupon takes off, in a few words: `10 %`, `5.00 off`, `free shipping`. */
export function couponValue(coupon: CouponInput): string {
  const parts: string[] = [];
  if (coupon.kind === 'percent') parts.push(`${coupon.percent ?? '?'} %`);
  if (coupon.kind === 'fixed') parts.push(`${coupon.amount ?? '?'} off`);
  if (coupon.free_shipping) parts.push('free shipping');
  return parts.join(' + ') || '—';
}

export class CouponForm implements SettingsForm<CouponInput> {
  readonly isNew: boolean;
  readonly timesUsed: number;

  code = $state('');
  description = $state('');
  kind = $state<CouponKind>('percent');
  percent = $state('');
  amount = $state('');
  scope = $state<CouponScope>('cart');
  targets = $state('');
  freeShipping = $state(false);
  minimumSubtotal = $state('');
  validFrom = $state('');
  validTo = $state('');
  usageLimit = $state('');
  perCustomerLimit = $state('');
  customerId = $state('');
  customerGroup = $state('');
  combinable = $state(false);
  active = $state(true);

  saving = $state(false);
  error = $state<string | null>(null);

  constructor(view: CouponView | null) {
    const coupon = view?.coupon ?? blankCoupon();
    this.isNew = view === null;
    this.timesUsed = view?.times_used ?? 0;
    this.code = coupon.code;
    this.description = coupon.description;
    this.kind = coupon.kind;
    this.percent = coupon.percent ?? '';
    this.amount = coupon.amount ?? '';
    this.scope = coupon.scope;
    this.targets = listText(coupon.targets);
    this.freeShipping = coupon.free_shipping;
    this.minimumSubtotal = coupon.minimum_subtotal;
    this.validFrom = instantToDay(coupon.valid_from);
    this.validTo = instantToDay(coupon.valid_to);
    this.usageLimit = coupon.usage_limit === null ? '' : String(coupon.usage_limit);
    this.perCustomerLimit = coupon.per_customer_limit === null ? '' : String(coupon.per_customer_limit);
    this.customerId = coupon.customer_id === null ? '' : String(coupon.customer_id);
    this.customerGroup = coupon.customer_group ?? '';
    this.combinable = coupon.combinable;
    this.active = coupon.active;
  }

  request(): CouponInput | string {
    const usageLimit = optionalCount(this.usageLimit, 'usage limit');
    if (typeof usageLimit === 'string') return usageLimit;
    const perCustomer = optionalCount(this.perCustomerLimit, 'limit per customer');
    if (typeof perCustomer === 'string') return perCustomer;
    const customerId = optionalCount(this.customerId, 'customer number');
    if (typeof customerId === 'string') return customerId;
    const targets = this.scope === 'cart' ? [] : idList(this.targets, this.scope);
    if (typeof targets === 'string') return targets;
    return {
      code: this.code.trim(),
      description: this.description.trim(),
      kind: this.kind,
      percent: this.kind === 'percent' ? this.percent.trim() : null,
      amount: this.kind === 'fixed' ? this.amount.trim() : null,
      scope: this.scope,
      targets,
      free_shipping: this.freeShipping,
      minimum_subtotal: this.minimumSubtotal.trim() === '' ? '0' : this.minimumSubtotal.trim(),
      valid_from: dayToInstant(this.validFrom, false),
      valid_to: dayToInstant(this.validTo, true),
      usage_limit: usageLimit,
      per_customer_limit: perCustomer,
      customer_id: customerId,
      customer_group: optionalText(this.customerGroup),
      combinable: this.combinable,
      active: this.active,
    };
  }
}
