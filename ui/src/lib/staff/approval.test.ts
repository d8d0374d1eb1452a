// Tests the approval flow's state: a refused command becomes a denial with the permission
// it needed (from the one table, narrowed by the open order), "Ask a manager" offers only
// those who may approve it, refusals land at the PIN or the permission, an approval lets
// exactly the next such action through and is then forgotten.
import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../api/bindings/OrderDetail';
import { MANAGER, OWNER, cashSale, staffedBackend } from '../api/fake/staffFixture';
import { ApprovalForm } from './approval.svelte';
import { guardBackend } from './guard';
import { PERMISSIONS } from './permissions';
import { StaffStore } from './staff.svelte';

describe('approval flow', () => {
  it('asks a manager for the refused refund, then lets it through once', async () => {
    const { api } = await staffedBackend('clerk');
    let order: OrderDetail | null = null;
    const statuses = await api.listStatuses();
    const staff = new StaffStore(api, { context: () => ({ statuses, order }) });
    const guarded = guardBackend(api, staff);
    await staff.load();
    expect(staff.can('refund')).toBe(false);

    const uuid = await cashSale(guarded);
    order = await guarded.getOrder({ uuid });
    await expect(guarded.changeOrderStatus({ uuid, status: 'canceled' })).rejects.toMatchObject({
      code: 'permission_denied',
    });
    expect(staff.denial).toMatchObject({ command: 'changeOrderStatus', choices: ['refund'] });
    expect(staff.signIn).toBeNull();

    staff.askManager();
    const form = staff.approval;
    if (!form) throw new Error('no approval dialog');
    expect(form.choosing).toBe(false);
    expect(form.permission).toBe('refund');
    expect(form.reason).toMatch(/may not do this/);
    expect(form.approvers.map((member) => member.name)).toEqual(['Olga', 'Max']);

    expect(await staff.submitApproval()).toBe(false);
    expect(form.problem?.code).toBeNull();
    const max = form.approvers.find((member) => member.name === 'Max');
    if (!max) throw new Error('no manager');
    form.chooseApprover(max.id);
    form.pin = '9999';
    expect(await staff.submitApproval()).toBe(false);
    expect(form.pinProblem?.code).toBe('wrong_credentials');
    expect(form.pin).toBe('');

    form.pin = MANAGER.pin;
    expect(await staff.submitApproval()).toBe(true);
    expect(staff.approval).toBeNull();
    expect(staff.denial).toBeNull();
    expect(staff.approved).toEqual({ permission: 'refund', by: 'Max' });
    expect(staff.can('refund')).toBe(true);

    // The user does it again: it goes through, and the approval is used up.
    expect((await guarded.changeOrderStatus({ uuid, status: 'canceled' })).status).toBe('canceled');
    expect(staff.approved).toBeNull();
    expect(staff.can('refund')).toBe(false);
  });

  it('lets the manager choose when the command does not tell, and narrows the approvers', async () => {
    const { api, owner, manager, clerk } = await staffedBackend('clerk');
    const form = new ApprovalForm(api, {
      staff: [owner, manager, clerk],
      choices: PERMISSIONS,
      currentId: clerk.id,
    });
    expect(form.choosing).toBe(true);
    expect(form.permission).toBeNull();
    expect(form.approvers.map((member) => member.name)).toEqual(['Olga', 'Max']);
    form.chooseApprover(manager.id);
    form.pin = MANAGER.pin;
    expect(await form.submit()).toBeNull();
    expect(form.permissionProblem?.code).toBeNull();

    // Only the owner may approve staff accounts: the manager picked is dropped.
    form.choosePermission('manage_staff');
    expect(form.approvers.map((member) => member.name)).toEqual(['Olga']);
    expect(form.approverId).toBeNull();
    form.chooseApprover(owner.id);
    form.pin = OWNER.pin;
    expect(await form.submit()).toEqual({ permission: 'manage_staff', by: 'Olga' });
  });

  it('shows a locked approver at the PIN and other refusals above the buttons', async () => {
    const { api, manager, clerk } = await staffedBackend('clerk');
    const form = new ApprovalForm(api, { staff: [manager, clerk], choices: ['refund'], currentId: clerk.id });
    // The only approver is picked already.
    expect(form.approverId).toBe(manager.id);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      form.pin = '0000';
      await form.submit();
    }
    expect(form.pinProblem?.code).toBe('account_locked');
    form.refused({ code: 'invalid_input', message: 'permission: there is no permission “x”.' });
    expect(form.permissionProblem?.message).toBe('There is no permission “x”.');
    form.refused({ code: 'permission_denied', message: 'Max cannot approve this.' });
    expect(form.problem?.code).toBe('permission_denied');
  });

  it('keeps a denial for a command the table tells, with every permission for an unknown one', async () => {
    const { api } = await staffedBackend('warehouse');
    const staff = new StaffStore(api);
    const guarded = guardBackend(api, staff);
    await staff.load();
    await expect(guarded.savePrinterSettings({ address: '', paper_mm: 80 })).rejects.toMatchObject({
      code: 'permission_denied',
    });
    expect(staff.denial?.choices).toEqual(['settings']);
    staff.dismissDenial();
    expect(staff.denial).toBeNull();
    // Reads are never refused and never touch the staff state.
    await guarded.listOrders({});
    expect(staff.denial).toBeNull();
  });
});
