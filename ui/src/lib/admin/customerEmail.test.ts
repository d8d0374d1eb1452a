// Tests that a customer's e-mail address refused by the core (`invalid_email`, `e-mail: …`)
// shows at the e-mail field of the customer page and of the counter's new customer, and
// that the abandoned carts' "Send recovery e-mail" keeps a refusal on its row.
import { describe, expect, it } from 'vitest';
import { CartStore } from '../cart/cart.svelte';
import { CartCustomer } from '../counter/counterSale.svelte';
import { FakeBackend } from '../api/fake/fakeBackend';
import { AbandonedCartsStore, CustomersStore } from './admin.svelte';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

describe('customer e-mail refusals', () => {
  it('shows a refused address at the customer page’s e-mail field', async () => {
    const customers = new CustomersStore(backend());
    await customers.open(1);
    customers.email = 'anna@';
    await customers.saveDetails();
    expect(customers.emailProblem).toMatchObject({ code: 'invalid_email' });
    expect(customers.emailProblem?.message).toMatch(/^"anna@" is not an e-mail address/);
    expect(customers.pageError).toBeNull();
    expect(customers.saved).toBe(false);

    customers.email = 'anna@example.org';
    await customers.saveDetails();
    expect(customers.emailProblem).toBeNull();
    expect(customers.saved).toBe(true);
  });

  it('shows a refused address at the counter’s new customer e-mail field', async () => {
    const api = backend();
    const dialog = new CartCustomer(api, new CartStore(api));
    dialog.show();
    dialog.startNew();
    dialog.newName = 'Eva';
    dialog.newEmail = 'eva at example.com';
    expect(await dialog.createAndAttach()).toBe(false);
    expect(dialog.emailProblem?.code).toBe('invalid_email');
    expect(dialog.error).toBeNull();
    dialog.show();
    expect(dialog.emailProblem).toBeNull();
  });
});

describe('AbandonedCartsStore', () => {
  it('queues the recovery e-mail, and keeps a refusal on that cart’s row', async () => {
    const api = backend();
    const product = (await api.searchProducts({ query: 'milk', limit: 1 }))[0];
    await api.addToCart({ product_id: product?.id ?? 0, quantity: 1 });
    await api.setCartCustomer({ customer_id: 4 }); // no e-mail address
    await api.parkCart({ name: 'Wout' });
    const carts = new AbandonedCartsStore(api);
    await carts.load();
    carts.carts = [...carts.carts, ...(await api.parkedCarts())];
    const anna = carts.carts.find((cart) => cart.customer?.id === 1);
    const wout = carts.carts.find((cart) => cart.customer?.id === 4);
    if (!anna || !wout) throw new Error('both carts are listed');

    await carts.markSent(wout.cart_id);
    expect(carts.problems[wout.cart_id]?.code).toBe('invalid_email');
    expect(carts.carts.find((cart) => cart.cart_id === wout.cart_id)?.recovery_sent_at).toBeNull();

    await carts.markSent(anna.cart_id);
    expect(carts.problems[anna.cart_id]).toBeUndefined();
    expect(carts.problems[wout.cart_id]).toBeDefined();
    expect(carts.carts.find((cart) => cart.cart_id === anna.cart_id)?.recovery_sent_at).not.toBeNull();
    expect((await api.mailLog({ before: null, limit: null })).map((entry) => entry.kind)).toEqual([
      'cart_recovery',
    ]);
  });
});
