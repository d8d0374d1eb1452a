// Tests the order of the checkout's steps: address and delivery are skipped when nothing
// ships (and shown until the first quote says so), and refusals lead back to their step.
import { describe, expect, it } from 'vitest';
import { isLastStep, nextStep, previousStep, shownStep, stepOfError, visibleSteps } from './checkoutSteps';

describe('checkout steps', () => {
  it('skips the address and the carrier when nothing ships', () => {
    expect(visibleSteps(true)).toEqual(['customer', 'products', 'address', 'carrier', 'payment']);
    expect(visibleSteps(null)).toEqual(['customer', 'products', 'address', 'carrier', 'payment']);
    expect(visibleSteps(false)).toEqual(['customer', 'products', 'payment']);
  });

  it('goes from the products straight to the payment, and back, for virtual goods', () => {
    expect(nextStep('products', false)).toBe('payment');
    expect(previousStep('payment', false)).toBe('products');
    expect(nextStep('products', true)).toBe('address');
    expect(previousStep('payment', true)).toBe('carrier');
  });

  it('moves a skipped step on to the next one shown', () => {
    expect(shownStep('address', false)).toBe('payment');
    expect(shownStep('carrier', false)).toBe('payment');
    expect(shownStep('address', true)).toBe('address');
  });

  it('knows the last step and stays on the ends', () => {
    expect(isLastStep('payment', false)).toBe(true);
    expect(isLastStep('carrier', true)).toBe(false);
    expect(nextStep('payment', true)).toBe('payment');
    expect(previousStep('customer', true)).toBe('customer');
  });

  it('sends a refusal back to the step that fixes it', () => {
    expect(stepOfError('coupon_minimum_not_reached')).toBe('products');
    expect(stepOfError('address_required')).toBe('address');
    expect(stepOfError('carrier_unavailable')).toBe('carrier');
    expect(stepOfError('gift_card_insufficient')).toBe('payment');
    expect(stepOfError('payment_short')).toBe('payment');
    expect(stepOfError('store_credit_insufficient')).toBe('payment');
    expect(stepOfError('invalid_email')).toBe('customer');
    expect(stepOfError('database')).toBeNull();
    expect(stepOfError(null)).toBeNull();
  });
});
