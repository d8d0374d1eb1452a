// The coupon entry of the counter: a small input beside the cart (F6 focuses it), Apply
// enters the code on the open cart, and a refusal stays under the input with its code
// (expired, minimum not reached, …) until the clerk types again. Coupons on the cart can
// be removed again.
import { problemOf, type Problem } from '../api/errors';
import type { CartStore } from '../cart/cart.svelte';
import { refusalTitle } from '../checkout/coupons';

export class CouponEntry {
  code = $state('');
  busy = $state(false);
  problem = $state<Problem | null>(null);
  /** The code applied last (announced once). */
  applied = $state<string | null>(null);

  readonly #cart: CartStore;
  #input: HTMLInputElement | null = null;

  constructor(cart: CartStore) {
    this.#cart = cart;
  }

  /** The refusal's short title. */
  get title(): string {
    return refusalTitle(this.problem?.code ?? null, 'Coupon not applied');
  }

  /** Registers the input; returns the function that unregisters it. */
  attach(input: HTMLInputElement): () => void {
    this.#input = input;
    return () => {
      if (this.#input === input) this.#input = null;
    };
  }

  /** The clerk is typing a code: the scan box must not take the focus back meanwhile. */
  get typing(): boolean {
    return this.#input !== null && typeof document !== 'undefined' && document.activeElement === this.#input;
  }

  /** Leaves the coupon input (so that the scan box can take the focus again). */
  release(): void {
    if (this.typing) this.#input?.blur();
  }

  /** F6: puts the focus in the coupon input. */
  focus(): void {
    this.#input?.focus();
    this.#input?.select();
  }

  edited(): void {
    this.problem = null;
    this.applied = null;
  }

  /** Enters the typed code; resolves true when the cart took it. */
  async submit(): Promise<boolean> {
    const code = this.code.trim();
    if (code === '' || this.busy) return false;
    this.busy = true;
    this.problem = null;
    this.applied = null;
    try {
      await this.#cart.applyCoupon(code);
      this.code = '';
      this.applied = code.toUpperCase();
      return true;
    } catch (error) {
      this.problem = problemOf(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async remove(code: string): Promise<void> {
    this.problem = null;
    this.applied = null;
    try {
      await this.#cart.removeCoupon(code);
    } catch (error) {
      this.problem = problemOf(error);
    }
  }

  /** Forgets the entry (a new sale). */
  reset(): void {
    this.code = '';
    this.problem = null;
    this.applied = null;
  }
}
