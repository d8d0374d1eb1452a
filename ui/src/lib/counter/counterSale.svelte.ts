// The counter's dialogs around the sale itself: choosing a product's variation, the
// customer on the cart (find, attach, detach, create), and parking and resuming carts.
import type { Backend } from '../api/backend';
import type { CartSummary } from '../api/bindings/CartSummary';
import type { CustomerSummary } from '../api/bindings/CustomerSummary';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import type { ProductVariants } from '../api/bindings/ProductVariants';
import type { VariationView } from '../api/bindings/VariationView';
import { errorMessage, problemOf, type Problem } from '../api/errors';
import { emailFieldProblem } from '../api/fieldProblem';
import type { CartStore } from '../cart/cart.svelte';

/** The variation chooser: the parent picked and its variations once loaded. */
export interface VariationChoice {
  product: ProductSummary | { id: number; name: string };
  variants: ProductVariants | null;
  error: string | null;
}

/** A variation's attribute values as one label, e.g. `L / Red`. */
export function variationLabel(variation: VariationView): string {
  return variation.attributes.map((attribute) => attribute.value).join(' / ') || variation.name;
}

export class VariationChooser {
  choice = $state<VariationChoice | null>(null);
  readonly #backend: Backend;
  #sequence = 0;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** Opens the chooser for a parent product and loads its variations. */
  async open(product: VariationChoice['product']): Promise<void> {
    const sequence = ++this.#sequence;
    this.choice = { product, variants: null, error: null };
    try {
      const variants = await this.#backend.productVariants({ product_id: product.id });
      if (sequence === this.#sequence && this.choice) this.choice = { ...this.choice, variants };
    } catch (error) {
      if (sequence === this.#sequence && this.choice)
        this.choice = { ...this.choice, error: errorMessage(error) };
    }
  }

  close(): void {
    this.#sequence += 1;
    this.choice = null;
  }
}

/** The customer dialog of the counter. */
export class CartCustomer {
  open = $state(false);
  query = $state('');
  results = $state<CustomerSummary[]>([]);
  searching = $state(false);
  creating = $state(false);
  newName = $state('');
  newEmail = $state('');
  busy = $state(false);
  error = $state<string | null>(null);
  /** The new customer's e-mail address was refused (`invalid_email`): shown at the field. */
  emailProblem = $state<Problem | null>(null);

  readonly #backend: Backend;
  readonly #cart: CartStore;
  #sequence = 0;

  constructor(backend: Backend, cart: CartStore) {
    this.#backend = backend;
    this.#cart = cart;
  }

  show(): void {
    this.open = true;
    this.emailProblem = null;
    this.query = '';
    this.results = [];
    this.creating = false;
    this.newName = '';
    this.newEmail = '';
    this.error = null;
  }

  close(): void {
    this.open = false;
  }

  async search(query: string): Promise<void> {
    this.query = query;
    const sequence = ++this.#sequence;
    if (query.trim() === '') {
      this.results = [];
      return;
    }
    this.searching = true;
    try {
      const results = await this.#backend.searchCustomers({ query });
      if (sequence === this.#sequence) this.results = results;
    } catch (error) {
      if (sequence === this.#sequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.#sequence) this.searching = false;
    }
  }

  startNew(): void {
    this.creating = true;
    this.error = null;
    if (this.newName === '' && !/@|^\+?\d/.test(this.query)) this.newName = this.query.trim();
    if (this.newEmail === '' && this.query.includes('@')) this.newEmail = this.query.trim();
  }

  /** Attaches a customer; true when done. */
  async attach(customerId: number | null): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      await this.#cart.setCustomer(customerId);
      this.open = false;
      return true;
    } catch (error) {
      this.error = errorMessage(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Creates the customer typed in and attaches it to the cart, without leaving the sale. */
  async createAndAttach(): Promise<boolean> {
    if (this.busy) return false;
    const name = this.newName.trim();
    if (name === '') {
      this.error = 'Type the customer’s name.';
      return false;
    }
    this.busy = true;
    this.error = null;
    this.emailProblem = null;
    let created: CustomerSummary;
    try {
      const email = this.newEmail.trim();
      created = await this.#backend.createCustomer({
        customer: { kind: email === '' ? 'guest' : 'account', name, ...(email === '' ? {} : { email }) },
      });
    } catch (error) {
      const problem = problemOf(error);
      this.emailProblem = emailFieldProblem(problem);
      if (this.emailProblem === null) this.error = problem.message;
      this.busy = false;
      return false;
    }
    this.busy = false;
    return this.attach(created.id);
  }
}

/** Parking the open cart and the list of parked carts. */
export class ParkedCarts {
  parking = $state(false);
  name = $state('');
  listOpen = $state(false);
  carts = $state<CartSummary[]>([]);
  loading = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);

  readonly #backend: Backend;
  readonly #cart: CartStore;

  constructor(backend: Backend, cart: CartStore) {
    this.#backend = backend;
    this.#cart = cart;
  }

  startParking(): void {
    this.parking = true;
    this.name = this.#cart.cart?.name ?? '';
    this.error = null;
  }

  async park(): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      await this.#cart.park(this.name);
      this.parking = false;
      this.name = '';
      return true;
    } catch (error) {
      this.error = errorMessage(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async showList(): Promise<void> {
    this.listOpen = true;
    this.error = null;
    await this.refresh();
  }

  async refresh(): Promise<void> {
    this.loading = true;
    try {
      this.carts = await this.#backend.parkedCarts();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  async resume(cartId: number): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      await this.#cart.resume(cartId);
      this.listOpen = false;
      return true;
    } catch (error) {
      this.error = errorMessage(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async discard(cartId: number): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      await this.#backend.discardCart({ cart_id: cartId });
      this.carts = this.carts.filter((cart) => cart.cart_id !== cartId);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    this.parking = false;
    this.listOpen = false;
  }
}
