// Tests the switch / sign-in dialog's state: refusals by code at the field typed into
// (a wrong PIN, a lock after five, a wrong password), checks made before calling the
// backend, and the staff store opening the dialog when any command answers
// `sign_in_required` through the guarded backend, then signing in.
import { describe, expect, it } from 'vitest';
import { CLERK, MANAGER, OWNER, cashSale, staffedBackend } from '../api/fake/staffFixture';
import { guardBackend } from './guard';
import { SignInForm } from './signIn.svelte';
import { StaffStore } from './staff.svelte';

describe('SignInForm', () => {
  it('switches with a PIN and shows a wrong or locked PIN at the PIN', async () => {
    const { api, clerk, owner, manager, warehouse } = await staffedBackend();
    const form = new SignInForm(api, [owner, manager, clerk, warehouse]);
    expect(form.staffId).toBeNull();
    expect(form.passwordPossible).toBe(true);

    // Nothing reaches the backend without a name or a PIN of 4 to 8 digits.
    expect(await form.submit()).toBeNull();
    expect(form.problem?.code).toBeNull();
    form.choose(clerk.id);
    form.pin = '12';
    expect(await form.submit()).toBeNull();
    expect(form.pinProblem).toEqual({ code: null, message: 'A PIN is 4 to 8 digits.' });

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      form.pin = '0000';
      expect(await form.submit()).toBeNull();
      expect(form.pinProblem?.code).toBe('wrong_credentials');
      // The PIN is cleared to be typed again.
      expect(form.pin).toBe('');
    }
    form.pin = '0000';
    expect(await form.submit()).toBeNull();
    expect(form.pinProblem?.code).toBe('account_locked');
    expect(form.problem).toBeNull();

    form.choose(manager.id);
    expect(form.pinProblem).toBeNull();
    form.pin = MANAGER.pin;
    const overview = await form.submit();
    expect(overview?.current?.name).toBe('Max');
  });

  it('signs in with a password and shows a wrong one at the password', async () => {
    const { api, owner, clerk } = await staffedBackend();
    const form = new SignInForm(api, [owner, clerk]);
    form.choose(owner.id);
    form.usePassword();
    expect(form.mode).toBe('password');
    expect(form.name).toBe('Olga');
    expect(await form.submit()).toBeNull();
    expect(form.passwordProblem?.code).toBeNull();
    form.password = 'not-it';
    expect(await form.submit()).toBeNull();
    expect(form.passwordProblem?.code).toBe('wrong_credentials');
    expect(form.pinProblem).toBeNull();
    form.password = OWNER.password;
    expect((await form.submit())?.current?.role).toBe('owner');
    form.usePin();
    expect(form.mode).toBe('pin');
  });

  it('picks the only member by itself', async () => {
    const { api, clerk } = await staffedBackend();
    expect(new SignInForm(api, [clerk]).staffId).toBe(clerk.id);
  });
});

describe('StaffStore sign-in', () => {
  it('opens the dialog when any command answers sign_in_required, and keeps going after sign-in', async () => {
    const { api, clerk } = await staffedBackend();
    let changes = 0;
    const staff = new StaffStore(api, { changed: () => (changes += 1) });
    const guarded = guardBackend(api, staff);
    await staff.load(true);
    // Nobody signed in: offered at once, and every view is offered until someone is.
    expect(staff.signedOut).toBe(true);
    expect(staff.signIn).not.toBeNull();
    expect(staff.can('settings')).toBe(true);
    staff.closeSignIn();

    await expect(cashSale(guarded)).rejects.toMatchObject({ code: 'sign_in_required' });
    expect(staff.signIn?.reason).toMatch(/Sign in/);
    expect(staff.modalOpen).toBe(true);

    const form = staff.signIn;
    if (!form) throw new Error('no dialog');
    form.choose(clerk.id);
    form.pin = CLERK.pin;
    expect(await staff.submitSignIn()).toBe(true);
    expect(staff.signIn).toBeNull();
    expect(staff.current?.name).toBe('Clara');
    expect(changes).toBeGreaterThan(0);
    expect(staff.can('sell')).toBe(true);
    expect(staff.can('settings')).toBe(false);
    expect(staff.canView('settings')).toBe(false);
    expect(staff.homeView).toBe('counter');
    // The user does it again: now it goes through.
    await expect(cashSale(api)).resolves.toBeTypeOf('string');
  });

  it('signs out and offers to sign in again', async () => {
    const { api } = await staffedBackend('manager');
    const staff = new StaffStore(api);
    await staff.load();
    expect(staff.current?.name).toBe('Max');
    await staff.signOut();
    expect(staff.current).toBeNull();
    expect(staff.signIn).not.toBeNull();
  });
});
