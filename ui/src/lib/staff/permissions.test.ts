// Tests the permission-based visibility helper (which views each role is offered and where
// they start), the matrix, and the one table of what a refused command needs.
import { describe, expect, it } from 'vitest';
import type { OrderStatusView } from '../api/bindings/OrderStatusView';
import type { StaffOverview } from '../api/bindings/StaffOverview';
import {
  PERMISSIONS,
  canApprove,
  canView,
  effectivePermissions,
  homeView,
  permissionChoices,
  permissionsOf,
  statusPermission,
  visibleViews,
} from './permissions';

const of = (role: string): ReadonlySet<string> => new Set(permissionsOf(role));

function status(code: string, flags: Partial<OrderStatusView> = {}): OrderStatusView {
  return {
    code,
    label: code,
    position: 1,
    paid: false,
    shipped: false,
    delivered: false,
    canceled: false,
    refunded: false,
    notify_customer: false,
    colour: '#000000',
    ...flags,
  };
}

describe('visibility', () => {
  it('offers each role the views it can use', () => {
    expect(visibleViews(of('owner'))).toEqual([
      'counter',
      'orders',
      'register',
      'products',
      'customers',
      'dashboard',
      'settings',
    ]);
    expect(visibleViews(of('manager'))).toEqual(visibleViews(of('owner')));
    // A clerk: no dashboard and no settings (switching is in the top bar).
    expect(visibleViews(of('clerk'))).toEqual(['counter', 'orders', 'register', 'products', 'customers']);
    // Warehouse: no counter and no register.
    expect(visibleViews(of('warehouse'))).toEqual(['orders', 'products']);
    expect(canView('settings', new Set(['manage_staff']))).toBe(true);
    expect(canView('counter', new Set())).toBe(false);
  });

  it('starts at the counter when the member sells, else at the first view', () => {
    expect(homeView(of('clerk'))).toBe('counter');
    expect(homeView(of('warehouse'))).toBe('orders');
    expect(homeView(new Set())).toBe('orders');
  });

  it('offers everything in open mode and while nobody is signed in', () => {
    const overview = (current: boolean, permissions: string[]): StaffOverview => ({
      open_mode: false,
      current: current ? { id: 1, name: 'Clara', role: 'clerk', locked_until: null } : null,
      staff: [],
      permissions,
    });
    expect([...effectivePermissions(null)]).toEqual([...PERMISSIONS]);
    expect([...effectivePermissions(overview(false, []))]).toEqual([...PERMISSIONS]);
    expect([...effectivePermissions(overview(true, ['sell']))]).toEqual(['sell']);
  });

  it('has the core matrix and who can approve', () => {
    expect(permissionsOf('manager')).not.toContain('manage_staff');
    expect(permissionsOf('manager')).toHaveLength(PERMISSIONS.length - 1);
    expect(permissionsOf('intern')).toEqual([]);
    expect(canApprove('manager', 'refund')).toBe(true);
    expect(canApprove('manager', 'manage_staff')).toBe(false);
    expect(canApprove('owner', 'manage_staff')).toBe(true);
    expect(canApprove('clerk', 'sell')).toBe(false);
  });
});

describe('permissionChoices', () => {
  it('maps a refused command to the permission it needs', () => {
    expect(permissionChoices('checkout')).toEqual(['sell']);
    expect(permissionChoices('savePrinterSettings')).toEqual(['settings']);
    expect(permissionChoices('grantStoreCredit')).toEqual(['refund']);
    expect(permissionChoices('startMassAction', [{ kind: 'return' }])).toEqual(['refund']);
    expect(permissionChoices('startMassAction', [{ kind: 'pick_list' }])).toEqual(['documents']);
  });

  it('tells a status change by the target and the open order, else lets the manager choose', () => {
    const statuses = [
      status('shipped', { paid: true, shipped: true }),
      status('canceled', { canceled: true }),
    ];
    const paid = { uuid: 'u1', paid: '12.00', refunded: '0.00' };
    const context = { statuses, order: paid };
    expect(permissionChoices('changeOrderStatus', [{ uuid: 'u1', status: 'canceled' }], context)).toEqual([
      'refund',
    ]);
    expect(permissionChoices('changeOrderStatus', [{ uuid: 'u1', status: 'shipped' }], context)).toEqual([
      'fulfil',
    ]);
    // Another order than the one open: unknown.
    expect(permissionChoices('changeOrderStatus', [{ uuid: 'u2', status: 'canceled' }], context)).toEqual([
      'refund',
      'cancel',
      'fulfil',
    ]);
    expect(permissionChoices('somethingNew')).toEqual([...PERMISSIONS]);
  });

  it('needs refund to cancel a paid order and cancel for an unpaid one', () => {
    const canceled = status('canceled', { canceled: true });
    expect(statusPermission(canceled, { paid: '5.00', refunded: '0.00' })).toBe('refund');
    expect(statusPermission(canceled, { paid: '0.00', refunded: '0.00' })).toBe('cancel');
    expect(statusPermission(canceled, { paid: '5.00', refunded: '5.00' })).toBe('cancel');
    expect(
      statusPermission(status('refunded', { paid: true, refunded: true }), { paid: '5.00', refunded: '0' }),
    ).toBe('refund');
    expect(statusPermission(status('processing', { paid: true }), { paid: '0', refunded: '0' })).toBe(
      'fulfil',
    );
  });
});
