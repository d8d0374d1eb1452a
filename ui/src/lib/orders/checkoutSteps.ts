// The steps of the back-office checkout and how they follow each other: customer →
// products (and coupons) → address → carrier → payment. Address and carrier are skipped
// when nothing ships (every item is virtual, e.g. gift cards), as the quote says; until
// the first quote they are shown. A refusal from the backend sends the clerk back to the
// step where it can be fixed.
import type { ErrorCode } from '../api/bindings/ErrorCode';

export const CHECKOUT_STEPS = ['customer', 'products', 'address', 'carrier', 'payment'] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

export const STEP_TITLES: Record<CheckoutStep, string> = {
  customer: 'Customer',
  products: 'Products',
  address: 'Address',
  carrier: 'Delivery',
  payment: 'Payment',
};

/** The steps to go through; `needsShipping` is null while not known yet. */
export function visibleSteps(needsShipping: boolean | null): CheckoutStep[] {
  return CHECKOUT_STEPS.filter(
    (step) => needsShipping !== false || (step !== 'address' && step !== 'carrier'),
  );
}

/** The step after `step` (itself on the last one); a hidden step moves on to the next shown one. */
export function nextStep(step: CheckoutStep, needsShipping: boolean | null): CheckoutStep {
  const steps = visibleSteps(needsShipping);
  const at = CHECKOUT_STEPS.indexOf(step);
  return steps.find((s) => CHECKOUT_STEPS.indexOf(s) > at) ?? steps.at(-1) ?? step;
}

/** The step before `step` (itself on the first one). */
export function previousStep(step: CheckoutStep, needsShipping: boolean | null): CheckoutStep {
  const steps = visibleSteps(needsShipping);
  const at = CHECKOUT_STEPS.indexOf(step);
  return [...steps].reverse().find((s) => CHECKOUT_STEPS.indexOf(s) < at) ?? steps[0] ?? step;
}

/** The step shown for `step` once `needsShipping` is known (a skipped step gives way). */
export function shownStep(step: CheckoutStep, needsShipping: boolean | null): CheckoutStep {
  return visibleSteps(needsShipping).includes(step) ? step : nextStep(step, needsShipping);
}

export function isLastStep(step: CheckoutStep, needsShipping: boolean | null): boolean {
  return visibleSteps(needsShipping).at(-1) === step;
}

/** Where a refusal can be fixed, or null when the current step is as good as any. */
export function stepOfError(code: ErrorCode | null): CheckoutStep | null {
  if (code === null) return null;
  if (code === 'invalid_email') return 'customer';
  if (code.startsWith('coupon_') || code === 'empty_cart' || code === 'out_of_stock') return 'products';
  if (code === 'address_required') return 'address';
  if (code === 'carrier_unavailable') return 'carrier';
  if (code.startsWith('payment_') || code.startsWith('gift_card_') || code === 'store_credit_insufficient') {
    return 'payment';
  }
  return null;
}
