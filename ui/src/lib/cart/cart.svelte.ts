// The register's open cart as reactive state. Every change goes through one serial queue,
// so scans and clicks are applied strictly in the order the clerk made them, and the
// cart shown is always the backend's answer to the latest of them.
import type { Backend } from '../api/backend';
import type { CartLineView } from '../api/bindings/CartLineView';
import type { CartView } from '../api/bindings/CartView';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import type { ScanResult } from '../api/bindings/ScanResult';
import { SerialQueue } from './serialQueue';

/** A line to highlight briefly after it changed; `token` restarts the highlight. */
export interface Flash {
  lineId: number;
  token: number;
}

export class CartStore {
  cart = $state<CartView | null>(null);
  /** Changes queued or in flight. */
  pending = $state(0);
  flash = $state<Flash | null>(null);

  readonly lines: CartLineView[] = $derived(this.cart?.lines ?? []);
  readonly isEmpty: boolean = $derived(this.lines.length === 0);
  /** Nothing can be sold: no lines, or only lines held back at quantity 0. */
  readonly nothingToSell: boolean = $derived(this.lines.every((line) => line.quantity === 0));
  readonly lastLine: CartLineView | undefined = $derived(this.lines.at(-1));

  readonly #backend: Backend;
  readonly #queue = new SerialQueue();
  #flashes = 0;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** Loads the open cart from the backend (at start and after a sale). */
  load(): Promise<CartView> {
    return this.#enqueue(async () => this.#apply(await this.#backend.currentCart()));
  }

  scan(barcode: string): Promise<ScanResult> {
    return this.#enqueue(async () => {
      const result = await this.#backend.scanBarcode({ barcode });
      this.#apply(result.cart, result.product.id);
      return result;
    });
  }

  add(productId: number, quantity = 1): Promise<CartView> {
    return this.#enqueue(async () =>
      this.#apply(await this.#backend.addToCart({ product_id: productId, quantity }), productId),
    );
  }

  /** Sets a line's quantity; 0 removes the line. */
  setQuantity(lineId: number, quantity: number): Promise<CartView> {
    return this.#enqueue(async () => {
      const cart =
        quantity === 0
          ? await this.#backend.removeCartLine({ line_id: lineId })
          : await this.#backend.setCartQuantity({ line_id: lineId, quantity });
      return this.#apply(cart, undefined, quantity === 0 ? undefined : lineId);
    });
  }

  remove(lineId: number): Promise<CartView> {
    return this.#enqueue(async () => this.#apply(await this.#backend.removeCartLine({ line_id: lineId })));
  }

  /**
   * Changes the last line's quantity by `delta` (never below 1; a line held back at 0 only
   * goes up). The line is looked up when the change runs, so quick repeated presses all
   * count.
   */
  adjustLast(delta: number): Promise<CartView | null> {
    return this.#enqueue(async () => {
      const line = this.lastLine;
      if (!line) return null;
      const quantity = Math.min(9999, Math.max(Math.min(1, line.quantity), line.quantity + delta));
      if (quantity === line.quantity) return this.cart;
      const cart = await this.#backend.setCartQuantity({ line_id: line.line_id, quantity });
      return this.#apply(cart, undefined, line.line_id);
    });
  }

  /** Enters a coupon on the cart; rejects with its refusal (`coupon_*`). */
  applyCoupon(code: string): Promise<CartView> {
    return this.#enqueue(async () => this.#apply(await this.#backend.applyCoupon({ code })));
  }

  removeCoupon(code: string): Promise<CartView> {
    return this.#enqueue(async () => this.#apply(await this.#backend.removeCoupon({ code })));
  }

  /** The product behind a barcode, without adding it. */
  lookup(barcode: string): Promise<ProductSummary> {
    return this.#backend.lookupBarcode({ barcode });
  }

  /** Attaches a customer to the open cart, or detaches it (`null`). */
  setCustomer(customerId: number | null): Promise<CartView> {
    return this.#enqueue(async () =>
      this.#apply(await this.#backend.setCartCustomer({ customer_id: customerId })),
    );
  }

  /** Parks the open cart (optionally named); the counter goes on with a fresh one. */
  park(name: string): Promise<CartView> {
    const trimmed = name.trim();
    return this.#enqueue(async () =>
      this.#apply(await this.#backend.parkCart(trimmed === '' ? {} : { name: trimmed })),
    );
  }

  /** Makes a parked cart the open one (the one being rung up is parked first). */
  resume(cartId: number): Promise<CartView> {
    return this.#enqueue(async () => this.#apply(await this.#backend.resumeCart({ cart_id: cartId })));
  }

  /** Removes the line added last, if any. */
  removeLast(): Promise<CartView | null> {
    return this.#enqueue(async () => {
      const line = this.lastLine;
      if (!line) return null;
      return this.#apply(await this.#backend.removeCartLine({ line_id: line.line_id }));
    });
  }

  /** Resolves once every queued change has been applied. */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.pending += 1;
    return this.#queue.run(task).finally(() => {
      this.pending -= 1;
    });
  }

  #apply(cart: CartView, productId?: number, lineId?: number): CartView {
    this.cart = cart;
    const changed = lineId ?? cart.lines.find((line) => line.product_id === productId)?.line_id;
    if (changed !== undefined) {
      this.#flashes += 1;
      this.flash = { lineId: changed, token: this.#flashes };
    }
    return cart;
  }
}
