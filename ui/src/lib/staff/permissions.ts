// Staff roles and permissions as the core has them (`kassa_domain::staff`): the permission
// matrix, which views and buttons a member is offered (the core refuses anyway; this only
// keeps the UI from offering what it would refuse), and the one table of which permission
// a backend command needs, used to ask a manager to approve a refused action.
import type { MassActionKind } from '../api/bindings/MassActionKind';
import type { Backend } from '../api/backend';
import type { OrderDetail } from '../api/bindings/OrderDetail';
import type { OrderStatusView } from '../api/bindings/OrderStatusView';
import type { StaffOverview } from '../api/bindings/StaffOverview';
import { parseMinor } from '../money/money';

export const PERMISSIONS = [
  'sell',
  'refund',
  'cancel',
  'delete_test_order',
  'settings',
  'catalog',
  'customers',
  'fulfil',
  'documents',
  'cash_drawer',
  'reports',
  'manage_staff',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['owner', 'manager', 'clerk', 'warehouse'] as const;
export type Role = (typeof ROLES)[number];

/** What each permission lets a member do, in a few words. */
export const PERMISSION_LABELS: Record<Permission, string> = {
  sell: 'Sell',
  refund: 'Refunds and store credit',
  cancel: 'Cancel unpaid orders',
  delete_test_order: 'Delete test orders',
  settings: 'Store settings',
  catalog: 'Products and categories',
  customers: 'Customers',
  fulfil: 'Fulfil orders',
  documents: 'Documents and receipts',
  cash_drawer: 'The register and cash drawer',
  reports: 'Reports',
  manage_staff: 'Staff accounts',
};

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  manager: 'Manager',
  clerk: 'Clerk',
  warehouse: 'Warehouse',
};

/** The core's matrix (`Role::allows`). */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  manager: PERMISSIONS.filter((permission) => permission !== 'manage_staff'),
  clerk: ['sell', 'customers', 'documents', 'cash_drawer'],
  warehouse: ['fulfil', 'documents'],
};

export function isPermission(code: string): code is Permission {
  return (PERMISSIONS as readonly string[]).includes(code);
}

export function isRole(code: string): code is Role {
  return (ROLES as readonly string[]).includes(code);
}

/** What a role may do (nothing for an unknown role). */
export function permissionsOf(role: string): readonly Permission[] {
  return isRole(role) ? ROLE_PERMISSIONS[role] : [];
}

/** Whether a role may do it. */
export function roleAllows(role: string, permission: Permission): boolean {
  return permissionsOf(role).includes(permission);
}

/** Owner and manager sign in with a password; everyone switches with a PIN. */
export function hasPassword(role: string): boolean {
  return role === 'owner' || role === 'manager';
}

/** Whether a member of this role can approve an action needing `permission` (a manager or the owner who may do it). */
export function canApprove(role: string, permission: Permission): boolean {
  return hasPassword(role) && roleAllows(role, permission);
}

export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}

export function permissionLabel(permission: string): string {
  return isPermission(permission) ? PERMISSION_LABELS[permission] : permission;
}

/**
 * What the UI offers: the signed-in member's permissions; every one while the overview is
 * unknown, in open mode and while nobody is signed in (the first action then asks who it
 * is, with `sign_in_required`).
 */
export function effectivePermissions(overview: StaffOverview | null): ReadonlySet<string> {
  return new Set(overview === null || overview.current === null ? PERMISSIONS : overview.permissions);
}

// ---- Views -------------------------------------------------------------------------------

/** The views of the top bar. */
export const NAV_VIEWS = [
  'counter',
  'orders',
  'register',
  'products',
  'customers',
  'dashboard',
  'settings',
] as const;
export type NavView = (typeof NAV_VIEWS)[number];

/** A view is shown when the member has any of these (null: everyone, reading is free). */
const VIEW_PERMISSIONS: Record<NavView, readonly Permission[] | null> = {
  counter: ['sell'],
  orders: null,
  register: ['cash_drawer'],
  products: null,
  customers: ['customers'],
  dashboard: ['reports'],
  settings: ['settings', 'manage_staff'],
};

/** Whether the member with these permissions is offered the view. */
export function canView(view: NavView, permissions: ReadonlySet<string>): boolean {
  const needed = VIEW_PERMISSIONS[view];
  return needed === null || needed.some((permission) => permissions.has(permission));
}

/** The top bar's views for these permissions, in order. */
export function visibleViews(permissions: ReadonlySet<string>): NavView[] {
  return NAV_VIEWS.filter((view) => canView(view, permissions));
}

/** Where a member starts: the counter when they sell, else the first view offered. */
export function homeView(permissions: ReadonlySet<string>): NavView {
  return visibleViews(permissions)[0] ?? 'orders';
}

// ---- What a command needs -----------------------------------------------------------------

export type Command = Exclude<keyof Backend, 'kind'>;

/**
 * Commands that add staff, sign in, switch or approve: the staff store calls them and
 * answers their refusals itself.
 */
export const STAFF_COMMANDS: ReadonlySet<Command> = new Set<Command>([
  'staffOverview',
  'createStaff',
  'signIn',
  'switchStaff',
  'signOut',
  'approve',
]);

/**
 * The permission each guarded command needs, as the core checks it. A list means it
 * depends on the request (the manager picks one when it cannot be told); commands not
 * listed only read.
 */
const COMMAND_PERMISSIONS: Partial<Record<Command, Permission | readonly Permission[]>> = {
  loadDemo: 'settings',
  createStaff: 'manage_staff',
  scanBarcode: 'sell',
  addToCart: 'sell',
  setCartQuantity: 'sell',
  removeCartLine: 'sell',
  checkout: 'sell',
  applyCoupon: 'sell',
  removeCoupon: 'sell',
  parkCart: 'sell',
  resumeCart: 'sell',
  discardCart: 'sell',
  setCartCustomer: 'sell',
  createStaffOrder: 'sell',
  recordPayment: 'sell',
  changeOrderStatus: ['refund', 'cancel', 'fulfil'],
  startMassAction: ['fulfil', 'refund', 'reports', 'documents'],
  updateOrder: 'fulfil',
  deleteTestOrder: 'delete_test_order',
  saveOrderDocument: 'documents',
  printReceipt: 'documents',
  reprintLastReceipt: 'documents',
  saveOrderStatus: 'settings',
  savePrinterSettings: 'settings',
  printTestPage: 'settings',
  saveCoupon: 'settings',
  saveCarrier: 'settings',
  savePaymentMethod: 'settings',
  saveTaxSettings: 'settings',
  saveTaxRate: 'settings',
  saveCartSettings: 'settings',
  saveMailSettings: 'settings',
  sendTestMail: 'settings',
  retryMail: 'settings',
  createCustomer: 'customers',
  updateCustomer: 'customers',
  saveCustomerAddress: 'customers',
  deleteCustomerAddress: 'customers',
  markRecoverySent: 'customers',
  grantStoreCredit: 'refund',
  saveProduct: 'catalog',
  setProductActive: 'catalog',
  saveCategory: 'catalog',
  startProductImport: 'catalog',
  exportProducts: 'catalog',
  openRegister: 'cash_drawer',
  cashMovement: 'cash_drawer',
  xReport: 'cash_drawer',
  closeRegister: 'cash_drawer',
  zReport: 'cash_drawer',
  saveZReport: 'cash_drawer',
  printZReport: 'cash_drawer',
  verifyJournal: 'reports',
  dashboard: 'reports',
  exportReport: 'reports',
};

/** Whether the core checks a permission for this command (the others only read). */
export function isGuarded(command: string): boolean {
  return command in COMMAND_PERMISSIONS;
}

/** What the UI knows that a command's permission depends on. */
export interface CommandContext {
  statuses?: readonly OrderStatusView[];
  /** The order being changed, when it is the one open on the order page. */
  order?: Pick<OrderDetail, 'uuid' | 'paid' | 'refunded'> | null;
}

const MASS_ACTION_PERMISSIONS: Record<MassActionKind, Permission> = {
  fulfil: 'fulfil',
  cancel: 'refund',
  return: 'refund',
  export_csv: 'reports',
  packing_slips: 'documents',
  pick_list: 'documents',
};

/** What a mass action needs, as the core decides it. */
export function massActionPermission(kind: MassActionKind): Permission {
  return MASS_ACTION_PERMISSIONS[kind];
}

function field(request: unknown, name: string): unknown {
  return typeof request === 'object' && request !== null
    ? (request as Record<string, unknown>)[name]
    : undefined;
}

/** As the core: refunding (cancel or return of a paid order), cancelling an unpaid one, or fulfilment. */
export function statusPermission(
  target: OrderStatusView,
  order: Pick<OrderDetail, 'paid' | 'refunded'>,
): Permission {
  if (!target.canceled && !target.refunded) return 'fulfil';
  const paid = parseMinor(order.paid) ?? 0;
  const refunded = parseMinor(order.refunded) ?? 0;
  return paid > refunded ? 'refund' : 'cancel';
}

/**
 * The permissions a refused call may have needed: one when the table (and the request)
 * tell, several to choose from when they do not, every one for a command not in the table.
 */
export function permissionChoices(
  command: string,
  args: readonly unknown[] = [],
  context: CommandContext = {},
): Permission[] {
  const request = args[0];
  if (command === 'startMassAction') {
    const permission = (MASS_ACTION_PERMISSIONS as Record<string, Permission | undefined>)[
      String(field(request, 'kind'))
    ];
    if (permission) return [permission];
  }
  if (command === 'changeOrderStatus') {
    const target = context.statuses?.find((status) => status.code === field(request, 'status'));
    const order = context.order;
    if (target && order && order.uuid === field(request, 'uuid')) return [statusPermission(target, order)];
  }
  const needed = (COMMAND_PERMISSIONS as Partial<Record<string, Permission | readonly Permission[]>>)[
    command
  ];
  if (needed === undefined) return [...PERMISSIONS];
  return typeof needed === 'string' ? [needed] : [...needed];
}
