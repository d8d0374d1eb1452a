// What a refused coupon, gift card or store credit part is called in a few words, by the
// backend's stable code (the backend's message says the details): shown above the message
// wherever a coupon, a gift card or store credit is entered.
import type { ErrorCode } from '../api/bindings/ErrorCode';

const TITLES: Partial<Record<ErrorCode, string>> = {
  coupon_unknown: 'Unknown coupon',
  coupon_expired: 'Coupon expired',
  coupon_not_yet_valid: 'Coupon not valid yet',
  coupon_minimum_not_reached: 'Minimum not reached',
  coupon_used_up: 'Coupon used up',
  coupon_not_combinable: 'Cannot be combined',
  coupon_not_for_customer: 'Not for this customer',
  empty_cart: 'Nothing to discount yet',
  gift_card_unknown: 'Unknown gift card',
  gift_card_not_usable: 'Gift card not usable',
  gift_card_insufficient: 'Not enough on the card',
  store_credit_insufficient: 'Not enough store credit',
};

/** The short title of a refusal, or a general one for any other failure. */
export function refusalTitle(code: ErrorCode | null, fallback = 'Not accepted'): string {
  return (code === null ? undefined : TITLES[code]) ?? fallback;
}

/** Whether a failure is a coupon's refusal (as opposed to a failure of the call). */
export function isCouponRefusal(code: ErrorCode | null): boolean {
  return code !== null && code.startsWith('coupon_');
}
