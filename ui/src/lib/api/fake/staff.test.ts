// Tests that the fake backend keeps the core's staff rules: open mode until the first
// account (which must be the owner and is signed in at once), `manage_staff` for later
// ones, field prefixes, password sign-in, PIN switching with the lockout after five wrong
// PINs, the permission matrix, guarded commands, and a manager's one-time approval.
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, permissionsOf } from '../../staff/permissions';
import { FakeBackend } from './fakeBackend';
import { CLERK, MANAGER, OWNER, WAREHOUSE, cashSale, staffedBackend } from './staffFixture';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

describe('FakeBackend staff', () => {
  it('runs in open mode until the first account, which must be the owner and is signed in', async () => {
    const api = backend();
    const open = await api.staffOverview();
    expect(open).toMatchObject({ open_mode: true, current: null, staff: [] });
    expect(open.permissions).toEqual([...PERMISSIONS]);
    // Everything goes while there is no staff.
    await cashSale(api);

    await expect(api.createStaff({ ...CLERK })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^role: the first staff member is the owner/) as unknown,
    });
    const owner = await api.createStaff({ ...OWNER });
    expect(owner).toEqual({ id: owner.id, name: 'Olga', role: 'owner', locked_until: null });
    const after = await api.staffOverview();
    expect(after.open_mode).toBe(false);
    expect(after.current?.name).toBe('Olga');
    expect(JSON.stringify(after)).not.toContain(OWNER.pin);
    expect(JSON.stringify(after)).not.toContain(OWNER.password);
  });

  it('names the field of a refused account', async () => {
    const api = backend();
    const refusal = (input: Parameters<FakeBackend['createStaff']>[0]) =>
      api.createStaff(input).then(
        () => 'created',
        (error: { code: string; message: string }) => `${error.code} ${error.message.split(':')[0]}`,
      );
    expect(await refusal({ ...OWNER, role: 'boss' })).toBe('invalid_input role');
    expect(await refusal({ ...OWNER, name: '  ' })).toBe('invalid_input name');
    expect(await refusal({ ...OWNER, pin: '12' })).toBe('invalid_input pin');
    expect(await refusal({ ...OWNER, pin: '12ab' })).toBe('invalid_input pin');
    expect(await refusal({ ...OWNER, password: 'short' })).toBe('invalid_input password');
    expect(await refusal({ ...OWNER, password: null })).toBe('invalid_input password');
    expect(await refusal({ ...OWNER })).toBe('created');
    expect(await refusal({ ...MANAGER, name: 'Olga' })).toBe('invalid_input name');
  });

  it('lets only the owner add staff', async () => {
    const { api, manager } = await staffedBackend('manager');
    await expect(api.createStaff({ ...CLERK, name: 'Cleo' })).rejects.toMatchObject({
      code: 'permission_denied',
    });
    await api.signOut();
    await expect(api.createStaff({ ...CLERK, name: 'Cleo' })).rejects.toMatchObject({
      code: 'sign_in_required',
    });
    await api.signIn({ name: OWNER.name, password: OWNER.password });
    await api.createStaff({ ...CLERK, name: 'Cleo' });
    expect((await api.staffOverview()).staff.map((member) => member.name)).toContain('Cleo');
    expect(manager.role).toBe('manager');
  });

  it('signs owners and managers in with a password, never clerks', async () => {
    const { api } = await staffedBackend();
    await expect(api.signIn({ name: 'Olga', password: 'wrong-pass' })).rejects.toMatchObject({
      code: 'wrong_credentials',
    });
    await expect(api.signIn({ name: 'Nobody', password: 'x' })).rejects.toMatchObject({
      code: 'wrong_credentials',
    });
    await expect(api.signIn({ name: CLERK.name, password: '' })).rejects.toMatchObject({
      code: 'wrong_credentials',
    });
    const signedIn = await api.signIn({ name: ' Max ', password: MANAGER.password });
    expect(signedIn.current?.name).toBe('Max');
    expect(signedIn.permissions).not.toContain('manage_staff');
    const out = await api.signOut();
    expect(out.current).toBeNull();
    expect(out.permissions).toEqual([]);
  });

  it('gives every role the core matrix', async () => {
    const { api, owner, manager, clerk, warehouse } = await staffedBackend();
    const pins = new Map([
      [owner.id, OWNER.pin],
      [manager.id, MANAGER.pin],
      [clerk.id, CLERK.pin],
      [warehouse.id, WAREHOUSE.pin],
    ]);
    for (const member of [owner, manager, clerk, warehouse]) {
      const overview = await api.switchStaff({ staff_id: member.id, pin: pins.get(member.id) ?? '' });
      expect(overview.permissions).toEqual([...permissionsOf(member.role)]);
    }
    expect(permissionsOf('clerk')).toEqual(['sell', 'customers', 'documents', 'cash_drawer']);
    expect(permissionsOf('warehouse')).toEqual(['fulfil', 'documents']);
  });

  it('locks an account after five wrong PINs in a row, and a right PIN resets the count', async () => {
    const { api, clerk } = await staffedBackend();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await expect(api.switchStaff({ staff_id: clerk.id, pin: '0000' })).rejects.toMatchObject({
        code: 'wrong_credentials',
      });
    }
    // A right PIN in between starts the count again.
    await api.switchStaff({ staff_id: clerk.id, pin: CLERK.pin });
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await expect(api.switchStaff({ staff_id: clerk.id, pin: '0000' })).rejects.toMatchObject({
        code: 'wrong_credentials',
      });
    }
    await expect(api.switchStaff({ staff_id: clerk.id, pin: '0000' })).rejects.toMatchObject({
      code: 'account_locked',
    });
    // Locked: even the right PIN is refused until the lock ends.
    await expect(api.switchStaff({ staff_id: clerk.id, pin: CLERK.pin })).rejects.toMatchObject({
      code: 'account_locked',
    });
    const listed = (await api.staffOverview()).staff.find((member) => member.id === clerk.id);
    expect(listed?.locked_until).not.toBeNull();
  });

  it('guards checkout, refunds and settings, and asks for a sign-in first', async () => {
    const { api, clerk, warehouse } = await staffedBackend();
    await expect(api.savePrinterSettings({ address: '', paper_mm: 80 })).rejects.toMatchObject({
      code: 'sign_in_required',
    });
    await api.switchStaff({ staff_id: warehouse.id, pin: WAREHOUSE.pin });
    await expect(cashSale(api)).rejects.toMatchObject({ code: 'permission_denied' });
    await api.switchStaff({ staff_id: clerk.id, pin: CLERK.pin });
    const uuid = await cashSale(api);
    await expect(api.savePrinterSettings({ address: '', paper_mm: 80 })).rejects.toMatchObject({
      code: 'permission_denied',
    });
    // Refunding a paid order needs `refund`; nothing changes when refused.
    await expect(api.changeOrderStatus({ uuid, status: 'canceled' })).rejects.toMatchObject({
      code: 'permission_denied',
      message: expect.stringContaining('(refund)') as unknown,
    });
    expect((await api.getOrder({ uuid })).status).toBe('payment_accepted');
    // Fulfilment is not the clerk's either; the warehouse may.
    await expect(api.changeOrderStatus({ uuid, status: 'shipped' })).rejects.toMatchObject({
      code: 'permission_denied',
    });
    await api.switchStaff({ staff_id: warehouse.id, pin: WAREHOUSE.pin });
    expect((await api.changeOrderStatus({ uuid, status: 'shipped' })).status).toBe('shipped');
  });

  it("lets a manager's PIN approve exactly one refused action", async () => {
    const { api, clerk, manager, owner } = await staffedBackend('clerk');
    const first = await cashSale(api);
    const second = await cashSale(api);
    await expect(api.changeOrderStatus({ uuid: first, status: 'canceled' })).rejects.toMatchObject({
      code: 'permission_denied',
    });
    // Only a manager or owner approves, with their own PIN, a permission that exists.
    await expect(
      api.approve({ staff_id: clerk.id, pin: CLERK.pin, permission: 'refund' }),
    ).rejects.toMatchObject({
      code: 'permission_denied',
    });
    await expect(
      api.approve({ staff_id: manager.id, pin: '9999', permission: 'refund' }),
    ).rejects.toMatchObject({
      code: 'wrong_credentials',
    });
    await expect(
      api.approve({ staff_id: manager.id, pin: MANAGER.pin, permission: 'fly' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^permission:/) as unknown,
    });
    // A manager cannot approve what they may not do themselves.
    await expect(
      api.approve({ staff_id: manager.id, pin: MANAGER.pin, permission: 'manage_staff' }),
    ).rejects.toMatchObject({ code: 'permission_denied' });

    expect(await api.approve({ staff_id: manager.id, pin: MANAGER.pin, permission: 'refund' })).toBeNull();
    expect((await api.changeOrderStatus({ uuid: first, status: 'canceled' })).status).toBe('canceled');
    // Used up.
    await expect(api.changeOrderStatus({ uuid: second, status: 'canceled' })).rejects.toMatchObject({
      code: 'permission_denied',
    });
    // Switching drops an approval not yet used.
    await api.approve({ staff_id: owner.id, pin: OWNER.pin, permission: 'refund' });
    await api.switchStaff({ staff_id: clerk.id, pin: CLERK.pin });
    await expect(api.changeOrderStatus({ uuid: second, status: 'canceled' })).rejects.toMatchObject({
      code: 'permission_denied',
    });
  });
});
