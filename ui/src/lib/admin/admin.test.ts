// Tests the back-office stores against the fake backend: the product list and form
// (a refusal lands on the field it names), the CSV import's preview with a refused row and
// a good import that polls until done, and the customer page.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from '../api/fake/fakeBackend';
import { CustomersStore, ProductImport, ProductsStore, emptyDraft, inputOf } from './admin.svelte';

function api(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

const CSV = 'sku,name,parent_sku,attributes,price\nA-1,Alpha,,,2.00\nA-2,Beta,,,-1\n';

describe('ProductsStore', () => {
  it('lists, searches and shows a refusal at its field', async () => {
    const products = new ProductsStore(api());
    await products.load();
    expect(products.products.length).toBeGreaterThan(0);
    expect(products.categories.length).toBeGreaterThan(0);
    products.query = 'Kassa T-shirt';
    await products.refresh();
    expect(products.products.map((p) => p.sku).sort()).toEqual(['TEE', 'TEE-M', 'TEE-S']);

    products.startNew();
    const form = products.form;
    if (!form) throw new Error('no form');
    form.draft = { ...emptyDraft(), sku: 'TEE', name: 'Clash' };
    expect(await products.save()).toBe(false);
    expect(form.problem?.code).toBe('duplicate_sku');
    expect(form.field).toBe('sku');
    form.draft = { ...form.draft, sku: 'NEW-1', price: '3.50' };
    expect(await products.save()).toBe(true);
    expect(form.detail?.sku).toBe('NEW-1');
  });

  it('reads attributes for a variation', () => {
    const input = inputOf({ ...emptyDraft(), parentId: 3, attributes: 'Size=L; Colour=Red' });
    expect('attributes' in input && input.attributes).toEqual([
      { name: 'Size', value: 'L' },
      { name: 'Colour', value: 'Red' },
    ]);
    expect(inputOf({ ...emptyDraft(), attributes: 'Size' })).toMatchObject({ field: 'attributes' });
  });
});

describe('ProductImport', () => {
  it('previews refused rows and refuses the import, then imports a good file', async () => {
    const backend = api();
    let finished = 0;
    const importer = new ProductImport(backend, () => (finished += 1));
    await importer.choose({ content: CSV, file_name: 'bad.csv' });
    expect(importer.preview?.rejected).toEqual([expect.objectContaining({ line: 3, column: 'price' })]);
    await importer.start();
    expect(importer.status?.state).toBe('failed');
    expect(importer.problem?.code).toBe('import_rejected');
    expect(finished).toBe(0);

    await importer.choose({ content: 'sku,name,price\nA-1,Alpha,2.00\n', file_name: 'good.csv' });
    expect(importer.preview?.rejected).toEqual([]);
    await importer.start();
    expect(importer.status?.state).toBe('done');
    expect(importer.percent).toBe(100);
    expect(finished).toBe(1);
  });
});

describe('CustomersStore', () => {
  it('opens a customer page, edits details and addresses', async () => {
    const customers = new CustomersStore(api());
    await customers.search('a');
    const first = customers.results[0];
    if (!first) throw new Error('no customers');
    await customers.open(first.id);
    expect(customers.page?.customer.id).toBe(first.id);
    customers.notes = 'Likes rye bread';
    await customers.saveDetails();
    expect(customers.page?.notes).toBe('Likes rye bread');
    const before = customers.page?.addresses.length ?? 0;
    customers.newAddress();
    if (!customers.addressDraft) throw new Error('no draft');
    customers.addressDraft.address = {
      name: 'X',
      line1: 'Main street 1',
      line2: '',
      postal_code: '1000',
      city: 'Brussels',
      country_code: 'BE',
    };
    await customers.saveAddress();
    expect(customers.addressError).toBeNull();
    expect(customers.page?.addresses.length).toBe(before + 1);
  });
});
