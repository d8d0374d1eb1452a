// Tests Settings → Staff's "Add staff": checks before sending, the core's refusals at the
// field their message names, the first account as the owner (signed in at once) and the
// form for the next ones.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from '../api/fake/fakeBackend';
import { StaffStore } from './staff.svelte';
import { StaffForm } from './staffForm.svelte';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

describe('StaffForm', () => {
  it('checks the fields first and asks for a password only for an owner or manager', async () => {
    const form = new StaffForm(backend(), false);
    form.role = 'clerk';
    expect(form.needsPassword).toBe(false);
    expect(await form.submit()).toBeNull();
    expect(Object.keys(form.problems).sort()).toEqual(['name', 'pin']);
    form.role = 'manager';
    form.name = 'Max';
    form.pin = '2222';
    form.password = 'short';
    expect(await form.submit()).toBeNull();
    expect(Object.keys(form.problems)).toEqual(['password']);
    form.edited('password');
    expect(form.problems).toEqual({});
  });

  it('puts the core refusals at their field', () => {
    const form = new StaffForm(backend(), false);
    form.refused({ code: 'invalid_input', message: 'name: there is already a staff member “Max”.' });
    expect(form.problems.name?.message).toBe('There is already a staff member “Max”.');
    form.refused({ code: 'invalid_input', message: 'pin: a PIN is 4 to 8 digits.' });
    expect(form.problems.pin?.message).toBe('A PIN is 4 to 8 digits.');
    form.refused({ code: 'permission_denied', message: 'Max (manager) may not do this.' });
    expect(form.problem?.code).toBe('permission_denied');
  });

  it('creates the owner first, signed in at once, then staff', async () => {
    const api = backend();
    const staff = new StaffStore(api);
    await staff.load();
    expect(staff.openMode).toBe(true);
    expect(staff.form.first).toBe(true);
    expect(staff.form.role).toBe('owner');
    staff.form.name = 'Olga';
    staff.form.password = 'owner-pass';
    staff.form.pin = '1111';
    expect(await staff.addStaff()).toBe(true);
    expect(staff.openMode).toBe(false);
    expect(staff.current?.name).toBe('Olga');
    expect(staff.form.first).toBe(false);
    expect(staff.form.added?.name).toBe('Olga');

    staff.form.name = 'Olga';
    staff.form.role = 'clerk';
    staff.form.pin = '3333';
    expect(await staff.addStaff()).toBe(false);
    expect(staff.form.problems.name?.code).toBe('invalid_input');
    staff.form.name = 'Clara';
    expect(await staff.addStaff()).toBe(true);
    expect(staff.staff.map((member) => member.name)).toEqual(['Olga', 'Clara']);
  });
});

describe('StaffStore.addStaff refusals', () => {
  it('asks for a sign-in when nobody is signed in', async () => {
    const api = backend();
    await api.createStaff({ name: 'Olga', role: 'owner', password: 'owner-pass', pin: '1111' });
    await api.signOut();
    const staff = new StaffStore(api);
    await staff.load();
    staff.form.name = 'Clara';
    staff.form.role = 'clerk';
    staff.form.pin = '3333';
    expect(await staff.addStaff()).toBe(false);
    expect(staff.form.problem?.code).toBe('sign_in_required');
    expect(staff.signIn?.reason).toMatch(/Sign in/);
  });
});
