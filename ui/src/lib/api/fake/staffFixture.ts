// A demo store with a full staff for tests: the owner, a manager, a clerk and a warehouse
// worker, with nobody signed in at the end (or whoever `signedIn` names).
import type { Backend } from '../backend';
import type { StaffView } from '../bindings/StaffView';
import { FakeBackend } from './fakeBackend';

export const OWNER = { name: 'Olga', role: 'owner', password: 'owner-pass', pin: '1111' } as const;
export const MANAGER = { name: 'Max', role: 'manager', password: 'manager-pass', pin: '2222' } as const;
export const CLERK = { name: 'Clara', role: 'clerk', password: null, pin: '3333' } as const;
export const WAREHOUSE = { name: 'Walt', role: 'warehouse', password: null, pin: '4444' } as const;

export interface Staffed {
  api: FakeBackend;
  owner: StaffView;
  manager: StaffView;
  clerk: StaffView;
  warehouse: StaffView;
}

export async function staffedBackend(
  signedIn: 'owner' | 'manager' | 'clerk' | 'warehouse' | null = null,
): Promise<Staffed> {
  const api = new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
  const owner = await api.createStaff({ ...OWNER });
  const manager = await api.createStaff({ ...MANAGER });
  const clerk = await api.createStaff({ ...CLERK });
  const warehouse = await api.createStaff({ ...WAREHOUSE });
  await api.signOut();
  const staffed = { api, owner, manager, clerk, warehouse };
  if (signedIn !== null) {
    const pins = { owner: OWNER.pin, manager: MANAGER.pin, clerk: CLERK.pin, warehouse: WAREHOUSE.pin };
    await api.switchStaff({ staff_id: staffed[signedIn].id, pin: pins[signedIn] });
  }
  return staffed;
}

/** Sells the first demo product for cash; the order's uuid. */
export async function cashSale(api: Backend): Promise<string> {
  const [product] = await api.searchProducts({ query: 'a', limit: 1 });
  if (!product) throw new Error('no demo product');
  const cart = await api.addToCart({ product_id: product.id, quantity: 1 });
  const { order } = await api.checkout({
    order_uuid: crypto.randomUUID(),
    cart_id: cart.cart_id ?? 0,
    tenders: [{ method: 'cash', tendered: '500.00' }],
  });
  return order.uuid;
}
