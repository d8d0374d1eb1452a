// Tests the "Carts" settings against the fake backend: the fake refuses hours outside 1 to
// 720 as the core does (`invalid_input`, message naming `abandoned_cart_hours:`); the form
// loads and saves both settings, refuses hours that are not a number itself, and shows the
// backend's refusal at the hours without the field's name.
import { describe, expect, it } from 'vitest';
import { BackendError } from '../api/errors';
import { FakeBackend } from '../api/fake/fakeBackend';
import { CartSettingsStore, readHours, withoutField } from './cartSettings.svelte';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

describe('fake cart settings', () => {
  it('starts with the core defaults and keeps what is saved', async () => {
    const api = backend();
    expect(await api.cartSettings()).toEqual({ reload_customer_cart: true, abandoned_cart_hours: 24 });
    const saved = await api.saveCartSettings({ reload_customer_cart: false, abandoned_cart_hours: 720 });
    expect(saved).toEqual({ reload_customer_cart: false, abandoned_cart_hours: 720 });
    expect(await api.cartSettings()).toEqual(saved);
  });

  it('refuses hours outside 1 to 720 with invalid_input naming the field', async () => {
    const api = backend();
    for (const hours of [0, 721, 1.5, -3]) {
      const refusal = await api
        .saveCartSettings({ reload_customer_cart: true, abandoned_cart_hours: hours })
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(BackendError);
      expect((refusal as BackendError).code).toBe('invalid_input');
      expect((refusal as BackendError).message).toMatch(/^abandoned_cart_hours: /);
    }
    expect(await api.cartSettings()).toEqual({ reload_customer_cart: true, abandoned_cart_hours: 24 });
    expect(
      (await api.saveCartSettings({ reload_customer_cart: false, abandoned_cart_hours: 1 }))
        .abandoned_cart_hours,
    ).toBe(1);
  });
});

describe('CartSettingsStore', () => {
  it('reads whole hours only and drops the field name from a message', () => {
    expect(readHours(' 48 ')).toBe(48);
    expect(readHours('4.5')).toBeNull();
    expect(readHours('')).toBeNull();
    expect(readHours('-1')).toBeNull();
    expect(withoutField('abandoned_cart_hours: a cart counts …', 'abandoned_cart_hours')).toBe(
      'A cart counts …',
    );
    expect(withoutField('Something else', 'abandoned_cart_hours')).toBe('Something else');
  });

  it('loads and saves both settings', async () => {
    const api = backend();
    const carts = new CartSettingsStore(api);
    await carts.load();
    expect(carts.reload).toBe(true);
    expect(carts.hours).toBe('24');
    carts.reload = false;
    carts.hours = ' 72 ';
    expect(await carts.save()).toBe(true);
    expect(carts.done).toBe(true);
    expect(carts.hours).toBe('72');
    expect(await api.cartSettings()).toEqual({ reload_customer_cart: false, abandoned_cart_hours: 72 });
    carts.edited();
    expect(carts.done).toBe(false);
  });

  it('shows refused hours at the hours, from the form or the backend', async () => {
    const api = backend();
    const carts = new CartSettingsStore(api);
    await carts.load();
    carts.hours = 'two days';
    expect(await carts.save()).toBe(false);
    expect(carts.hoursProblem).toMatchObject({ code: null });

    carts.hours = '721';
    expect(await carts.save()).toBe(false);
    expect(carts.hoursProblem?.code).toBe('invalid_input');
    expect(carts.hoursProblem?.message).toMatch(/^A cart counts as abandoned after 1 to 720 hours/);
    expect(carts.problem).toBeNull();
    expect(await api.cartSettings()).toEqual({ reload_customer_cart: true, abandoned_cart_hours: 24 });
  });
});
