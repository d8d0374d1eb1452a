// The back office's catalogue and customer screens: the owner's product list (paged,
// searched, filtered), the product form, the category tree (edited in categories.svelte.ts),
// CSV import and export; the customer list and page; and the abandoned carts.
import type { Backend } from '../api/backend';
import type { AddressInput } from '../api/bindings/AddressInput';
import type { CartSummary } from '../api/bindings/CartSummary';
import type { CategoryView } from '../api/bindings/CategoryView';
import type { CustomerPage } from '../api/bindings/CustomerPage';
import type { CustomerSummary } from '../api/bindings/CustomerSummary';
import type { ImportPreview } from '../api/bindings/ImportPreview';
import type { ProductDetail } from '../api/bindings/ProductDetail';
import type { ProductExport } from '../api/bindings/ProductExport';
import type { ProductImportRequest } from '../api/bindings/ProductImportRequest';
import type { ProductImportStatus } from '../api/bindings/ProductImportStatus';
import type { ProductInput } from '../api/bindings/ProductInput';
import type { ProductKind } from '../api/bindings/ProductKind';
import type { ProductSummary } from '../api/bindings/ProductSummary';
import { errorMessage, problemOf, type Problem } from '../api/errors';
import { emailFieldProblem } from '../api/fieldProblem';
import { CategoryEditor } from './categories.svelte';

const PAGE = 50;
const POLL_MS = 250;

/** The field a refusal names: the core's messages start with or mention the field. */
export function fieldOf(problem: Problem, fields: readonly string[]): string | null {
  const lower = problem.message.toLowerCase();
  const prefix = /^([a-z_]+):/.exec(lower)?.[1];
  if (prefix && fields.includes(prefix)) return prefix;
  if (problem.code === 'duplicate_sku') return 'sku';
  if (problem.code === 'duplicate_barcode' || problem.code === 'invalid_barcode') return 'barcodes';
  return fields.find((field) => lower.includes(field.replace('_', ' '))) ?? null;
}

export const PRODUCT_FIELDS = [
  'sku',
  'name',
  'description',
  'price',
  'tax_class',
  'barcodes',
  'attributes',
  'stock',
  'weight',
  'bin_location',
  'category',
] as const;

/** The product form's fields as typed. */
export interface ProductDraft {
  id: number | null;
  sku: string;
  name: string;
  description: string;
  categoryId: number | null;
  price: string;
  taxClass: string;
  barcodes: string;
  parentId: number | null;
  /** `Size=L;Colour=Red`. */
  attributes: string;
  stockTracked: boolean;
  stock: string;
  weight: string;
  shippable: boolean;
  kind: ProductKind;
  active: boolean;
  binLocation: string;
}

export function emptyDraft(): ProductDraft {
  return {
    id: null,
    sku: '',
    name: '',
    description: '',
    categoryId: null,
    price: '0.00',
    taxClass: 'standard',
    barcodes: '',
    parentId: null,
    attributes: '',
    stockTracked: true,
    stock: '0',
    weight: '',
    shippable: true,
    kind: 'normal',
    active: true,
    binLocation: '',
  };
}

export function draftOf(detail: ProductDetail): ProductDraft {
  return {
    id: detail.id,
    sku: detail.sku,
    name: detail.name,
    description: detail.description,
    categoryId: detail.category_id,
    price: detail.price,
    taxClass: detail.tax_class,
    barcodes: detail.barcodes.join(' '),
    parentId: detail.parent_id,
    attributes: detail.attributes.map((a) => `${a.name}=${a.value}`).join(';'),
    stockTracked: detail.stock_tracked,
    stock: String(detail.stock_on_hand),
    weight: detail.weight_grams === null ? '' : String(detail.weight_grams),
    shippable: detail.shippable,
    kind: detail.kind,
    active: detail.active,
    binLocation: detail.bin_location ?? '',
  };
}

/** The request for a draft, or the field that cannot be read. */
export function inputOf(draft: ProductDraft): ProductInput | { field: string; message: string } {
  const stock = draft.stock.trim() === '' ? undefined : Number(draft.stock);
  if (stock !== undefined && !Number.isInteger(stock))
    return { field: 'stock', message: 'Stock is a whole number.' };
  const weight = draft.weight.trim() === '' ? undefined : Number(draft.weight);
  if (weight !== undefined && !Number.isInteger(weight))
    return { field: 'weight', message: 'The weight is a whole number of grams.' };
  const attributes = draft.attributes
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [name = '', ...rest] = pair.split('=');
      return { name: name.trim(), value: rest.join('=').trim() };
    });
  if (attributes.some((a) => a.name === '' || a.value === ''))
    return { field: 'attributes', message: 'Write attributes as Size=L;Colour=Red.' };
  return {
    ...(draft.id === null ? {} : { id: draft.id }),
    sku: draft.sku.trim(),
    name: draft.name.trim(),
    description: draft.description,
    ...(draft.categoryId === null ? {} : { category_id: draft.categoryId }),
    price: draft.price.trim().replace(',', '.'),
    tax_class: draft.taxClass.trim(),
    barcodes: draft.barcodes.split(/[\s,;]+/).filter((code) => code !== ''),
    ...(draft.parentId === null ? {} : { parent_id: draft.parentId }),
    attributes,
    stock_tracked: draft.stockTracked,
    ...(stock === undefined ? {} : { stock_on_hand: stock }),
    ...(weight === undefined ? {} : { weight_grams: weight }),
    shippable: draft.shippable,
    kind: draft.kind,
    active: draft.active,
    ...(draft.binLocation.trim() === '' ? {} : { bin_location: draft.binLocation.trim() }),
  };
}

export class ProductForm {
  draft = $state<ProductDraft>(emptyDraft());
  detail = $state<ProductDetail | null>(null);
  saving = $state(false);
  problem = $state<Problem | null>(null);
  field = $state<string | null>(null);
}

export class ProductsStore {
  products = $state<ProductSummary[]>([]);
  nextCursor = $state<string | null>(null);
  query = $state('');
  categoryId = $state<number | null>(null);
  includeInactive = $state(true);
  loading = $state(false);
  error = $state<string | null>(null);
  categories = $state<CategoryView[]>([]);
  categoryError = $state<string | null>(null);
  form = $state<ProductForm | null>(null);
  exported = $state<ProductExport | null>(null);
  exportError = $state<string | null>(null);

  readonly #backend: Backend;
  #sequence = 0;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  async load(): Promise<void> {
    await Promise.all([this.refresh(), this.loadCategories()]);
  }

  async loadCategories(): Promise<void> {
    this.categoryError = null;
    try {
      this.categories = await this.#backend.listCategories();
    } catch (error) {
      this.categoryError = errorMessage(error);
    }
  }

  /** The first page for the current search and filters. */
  async refresh(): Promise<void> {
    const sequence = ++this.#sequence;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#backend.listProducts(this.#request());
      if (sequence !== this.#sequence) return;
      this.products = page.products;
      this.nextCursor = page.next_cursor;
    } catch (error) {
      if (sequence === this.#sequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.#sequence) this.loading = false;
    }
  }

  async more(): Promise<void> {
    const cursor = this.nextCursor;
    if (cursor === null || this.loading) return;
    const sequence = ++this.#sequence;
    this.loading = true;
    try {
      const page = await this.#backend.listProducts({ ...this.#request(), cursor });
      if (sequence !== this.#sequence) return;
      this.products = [...this.products, ...page.products];
      this.nextCursor = page.next_cursor;
    } catch (error) {
      if (sequence === this.#sequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.#sequence) this.loading = false;
    }
  }

  #request(): { query?: string; category_id?: number; include_inactive: boolean; limit: number } {
    const query = this.query.trim();
    return {
      ...(query === '' ? {} : { query }),
      ...(this.categoryId === null ? {} : { category_id: this.categoryId }),
      include_inactive: this.includeInactive,
      limit: PAGE,
    };
  }

  startNew(parentId: number | null = null): void {
    const form = new ProductForm();
    form.draft = { ...emptyDraft(), parentId };
    this.form = form;
  }

  async edit(productId: number): Promise<void> {
    const form = new ProductForm();
    this.form = form;
    try {
      const detail = await this.#backend.getProduct({ product_id: productId });
      form.detail = detail;
      form.draft = draftOf(detail);
    } catch (error) {
      form.problem = problemOf(error);
    }
  }

  async save(): Promise<boolean> {
    const form = this.form;
    if (!form || form.saving) return false;
    form.problem = null;
    form.field = null;
    const input = inputOf(form.draft);
    if ('field' in input) {
      form.field = input.field;
      form.problem = { code: null, message: input.message };
      return false;
    }
    form.saving = true;
    try {
      const detail = await this.#backend.saveProduct(input);
      form.detail = detail;
      form.draft = draftOf(detail);
      void this.refresh();
      return true;
    } catch (error) {
      form.problem = problemOf(error);
      form.field = fieldOf(form.problem, PRODUCT_FIELDS);
      return false;
    } finally {
      form.saving = false;
    }
  }

  async setActive(product: ProductSummary, active: boolean): Promise<void> {
    try {
      const updated = await this.#backend.setProductActive({ product_id: product.id, active });
      this.products = this.products.map((p) => (p.id === updated.id ? updated : p));
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  async export(): Promise<void> {
    this.exportError = null;
    this.exported = null;
    try {
      this.exported = await this.#backend.exportProducts({
        ...(this.categoryId === null ? {} : { category_id: this.categoryId }),
        include_inactive: this.includeInactive,
      });
    } catch (error) {
      this.exportError = errorMessage(error);
    }
  }

  async openExport(): Promise<void> {
    if (!this.exported) return;
    try {
      await this.#backend.openDocument({ path: this.exported.path });
    } catch (error) {
      this.exportError = errorMessage(error);
    }
  }
}

/** A CSV import: the file, its preview, then the background job and its progress. */
export class ProductImport {
  source = $state<ProductImportRequest | null>(null);
  preview = $state<ImportPreview | null>(null);
  status = $state<ProductImportStatus | null>(null);
  problem = $state<Problem | null>(null);
  busy = $state(false);

  readonly #backend: Backend;
  readonly #done: () => void;
  #sequence = 0;

  constructor(backend: Backend, done: () => void) {
    this.#backend = backend;
    this.#done = done;
  }

  get running(): boolean {
    const state = this.status?.state;
    return state !== undefined && state !== 'done' && state !== 'failed';
  }

  get percent(): number {
    const status = this.status;
    if (!status || status.total === 0) return status?.state === 'done' ? 100 : 0;
    return Math.round((100 * status.processed) / status.total);
  }

  /** Reads the file chosen (its text, or a path on this computer) and previews it. */
  async choose(source: ProductImportRequest): Promise<void> {
    const sequence = ++this.#sequence;
    this.source = source;
    this.preview = null;
    this.status = null;
    this.problem = null;
    this.busy = true;
    try {
      const preview = await this.#backend.previewProductImport(source);
      if (sequence === this.#sequence) this.preview = preview;
    } catch (error) {
      if (sequence === this.#sequence) this.problem = problemOf(error);
    } finally {
      if (sequence === this.#sequence) this.busy = false;
    }
  }

  /** Starts the import and follows it until it is done or failed. */
  async start(): Promise<void> {
    const source = this.source;
    if (!source || this.busy || this.running) return;
    const sequence = ++this.#sequence;
    this.problem = null;
    this.busy = true;
    try {
      let status = await this.#backend.startProductImport(source);
      this.status = status;
      while (sequence === this.#sequence && status.state !== 'done' && status.state !== 'failed') {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        status = await this.#backend.productImportStatus({ job_id: status.job_id });
        if (sequence === this.#sequence) this.status = status;
      }
      if (status.state === 'done') this.#done();
      else if (status.error) this.problem = { code: status.error.code, message: status.error.message };
    } catch (error) {
      if (sequence === this.#sequence) this.problem = problemOf(error);
    } finally {
      if (sequence === this.#sequence) this.busy = false;
    }
  }

  reset(): void {
    this.#sequence += 1;
    this.source = null;
    this.preview = null;
    this.status = null;
    this.problem = null;
    this.busy = false;
  }
}

/** An address being added or changed on the customer page. */
export interface AddressDraft {
  addressId: number | null;
  address: AddressInput;
  isDefaultShipping: boolean;
  isDefaultInvoice: boolean;
}

export class CustomersStore {
  query = $state('');
  results = $state<CustomerSummary[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  page = $state<CustomerPage | null>(null);
  pageError = $state<string | null>(null);
  saving = $state(false);
  saved = $state(false);
  addressDraft = $state<AddressDraft | null>(null);
  addressError = $state<string | null>(null);
  /** The e-mail address was refused (`invalid_email`): shown at the field. */
  emailProblem = $state<Problem | null>(null);
  /** The details form. */
  name = $state('');
  email = $state('');
  phone = $state('');
  group = $state('');
  newsletter = $state(false);
  notes = $state('');

  readonly #backend: Backend;
  #sequence = 0;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  async load(): Promise<void> {
    await this.search(this.query);
  }

  async search(query: string): Promise<void> {
    this.query = query;
    const sequence = ++this.#sequence;
    this.loading = true;
    this.error = null;
    try {
      // An empty search lists the first customers (the core caps every search at 20).
      const results = await this.#backend.searchCustomers({ query: query.trim() });
      if (sequence === this.#sequence) this.results = results;
    } catch (error) {
      if (sequence === this.#sequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.#sequence) this.loading = false;
    }
  }

  async open(customerId: number): Promise<void> {
    this.pageError = null;
    this.emailProblem = null;
    this.saved = false;
    this.addressDraft = null;
    try {
      this.#show(await this.#backend.customerPage({ customer_id: customerId }));
    } catch (error) {
      this.pageError = errorMessage(error);
    }
  }

  close(): void {
    this.page = null;
  }

  #show(page: CustomerPage): void {
    this.page = page;
    this.name = page.customer.name;
    this.email = page.customer.email ?? '';
    this.phone = page.customer.phone ?? '';
    this.group = page.customer.customer_group;
    this.newsletter = page.customer.newsletter;
    this.notes = page.notes;
  }

  async saveDetails(): Promise<void> {
    const page = this.page;
    if (!page || this.saving) return;
    this.saving = true;
    this.pageError = null;
    this.emailProblem = null;
    this.saved = false;
    try {
      const email = this.email.trim();
      const phone = this.phone.trim();
      this.#show(
        await this.#backend.updateCustomer({
          customer_id: page.customer.id,
          name: this.name,
          ...(email === '' ? {} : { email }),
          ...(phone === '' ? {} : { phone }),
          customer_group: this.group,
          newsletter: this.newsletter,
          notes: this.notes,
        }),
      );
      this.saved = true;
    } catch (error) {
      const problem = problemOf(error);
      this.emailProblem = emailFieldProblem(problem);
      if (this.emailProblem === null) this.pageError = problem.message;
    } finally {
      this.saving = false;
    }
  }

  editAddress(draft: AddressDraft | null): void {
    this.addressDraft = draft;
    this.addressError = null;
  }

  newAddress(): void {
    this.editAddress({
      addressId: null,
      address: {
        name: this.page?.customer.name ?? '',
        line1: '',
        line2: '',
        postal_code: '',
        city: '',
        country_code: 'BE',
      },
      isDefaultShipping: (this.page?.addresses.length ?? 0) === 0,
      isDefaultInvoice: (this.page?.addresses.length ?? 0) === 0,
    });
  }

  async saveAddress(): Promise<void> {
    const page = this.page;
    const draft = this.addressDraft;
    if (!page || !draft) return;
    this.addressError = null;
    try {
      const addresses = await this.#backend.saveCustomerAddress({
        customer_id: page.customer.id,
        ...(draft.addressId === null ? {} : { address_id: draft.addressId }),
        address: draft.address,
        is_default_shipping: draft.isDefaultShipping,
        is_default_invoice: draft.isDefaultInvoice,
      });
      this.page = { ...page, addresses };
      this.addressDraft = null;
    } catch (error) {
      this.addressError = errorMessage(error);
    }
  }

  async deleteAddress(addressId: number): Promise<void> {
    const page = this.page;
    if (!page) return;
    this.addressError = null;
    try {
      const addresses = await this.#backend.deleteCustomerAddress({
        customer_id: page.customer.id,
        address_id: addressId,
      });
      this.page = { ...page, addresses };
    } catch (error) {
      this.addressError = errorMessage(error);
    }
  }
}

export class AbandonedCartsStore {
  carts = $state<CartSummary[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  /** Why sending a cart's recovery e-mail was refused, by cart id (`invalid_email`: no address). */
  problems = $state<Record<number, Problem>>({});
  /** The cart whose recovery e-mail is being queued. */
  sending = $state<number | null>(null);

  readonly #backend: Backend;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.carts = await this.#backend.abandonedCarts();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  /** Queues the cart's recovery e-mail (the core marks it sent); a refusal stays on its row. */
  async markSent(cartId: number): Promise<void> {
    if (this.sending !== null) return;
    this.error = null;
    this.sending = cartId;
    this.problems = Object.fromEntries(Object.entries(this.problems).filter(([id]) => Number(id) !== cartId));
    try {
      await this.#backend.markRecoverySent({ cart_id: cartId });
      // A timestamp for the list, not reactive state.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      const now = new Date().toISOString();
      this.carts = this.carts.map((cart) =>
        cart.cart_id === cartId ? { ...cart, recovery_sent_at: now } : cart,
      );
    } catch (error) {
      this.problems = { ...this.problems, [cartId]: problemOf(error) };
    } finally {
      this.sending = null;
    }
  }
}

export class AdminStores {
  readonly products: ProductsStore;
  /** Adding, renaming and moving categories. */
  readonly categories: CategoryEditor;
  readonly importer: ProductImport;
  readonly customers: CustomersStore;
  readonly abandoned: AbandonedCartsStore;

  constructor(backend: Backend) {
    this.products = new ProductsStore(backend);
    // A renamed or moved category changes the tree and the names in the product list.
    this.categories = new CategoryEditor(backend, () => this.products.load());
    this.importer = new ProductImport(backend, () => void this.products.load());
    this.customers = new CustomersStore(backend);
    this.abandoned = new AbandonedCartsStore(backend);
  }

  /** A dialog of these screens is open. */
  get modalOpen(): boolean {
    return this.products.form !== null || this.categories.form !== null;
  }
}
