// Staff of the fake backend, as the core keeps them: open mode (every permission, no
// sign-in) until the first account, which must be the owner and is signed in at once;
// later accounts need `manage_staff`. Owner and manager sign in with a password, everyone
// switches with a PIN (4 to 8 digits); five wrong PINs in a row lock the account for five
// minutes. A manager's or the owner's PIN approves the next action needing one permission
// for whoever is signed in. The same checks, codes, field prefixes and order as the core.
// Nothing is hashed: the PINs and passwords stay in the fake's state and never leave it.
import type { ApproveRequest } from '../bindings/ApproveRequest';
import type { SignInRequest } from '../bindings/SignInRequest';
import type { StaffInput } from '../bindings/StaffInput';
import type { StaffOverview } from '../bindings/StaffOverview';
import type { StaffView } from '../bindings/StaffView';
import type { SwitchStaffRequest } from '../bindings/SwitchStaffRequest';
import { BackendError } from '../errors';
import {
  PERMISSIONS,
  hasPassword,
  isPermission,
  isRole,
  roleAllows,
  type Permission,
  type Role,
} from '../../staff/permissions';

/** As the core. */
const MAX_NAME = 80;
const MIN_PASSWORD = 8;
export const MAX_FAILED_PINS = 5;
export const LOCKOUT_MINUTES = 5;

export interface FakeStaffMember {
  id: number;
  name: string;
  role: Role;
  /** Owner and manager only. */
  password: string | null;
  pin: string;
  /** Wrong PINs in a row. */
  failures: number;
  lockedUntil: string | null;
}

export interface FakeStaff {
  members: FakeStaffMember[];
  nextId: number;
}

/** Who is signed in at this register and a pending approval: kept in memory, like the core. */
export interface StaffSession {
  actorId: number | null;
  approval: { permission: Permission; by: string } | null;
}

/** The `?staff` demo accounts: owner, manager, clerk and warehouse worker. */
export const DEMO_STAFF: readonly StaffInput[] = [
  { name: 'Olga', role: 'owner', password: 'owner-pass', pin: '1111' },
  { name: 'Max', role: 'manager', password: 'manager-pass', pin: '2222' },
  { name: 'Clara', role: 'clerk', password: null, pin: '3333' },
  { name: 'Walt', role: 'warehouse', password: null, pin: '4444' },
];

export function newStaff(): FakeStaff {
  return { members: [], nextId: 1 };
}

export function newSession(): StaffSession {
  return { actorId: null, approval: null };
}

function invalid(message: string): BackendError {
  return new BackendError('invalid_input', message);
}

function wrong(): BackendError {
  return new BackendError('wrong_credentials', 'The name, password or PIN is not right.');
}

/** `14:05` of an instant, as the core words a lock's end (UTC). */
function clock(at: string): string {
  return at.slice(11, 16);
}

export function staffView(member: FakeStaffMember): StaffView {
  return { id: member.id, name: member.name, role: member.role, locked_until: member.lockedUntil };
}

function actor(staff: FakeStaff, session: StaffSession): FakeStaffMember | null {
  return staff.members.find((member) => member.id === session.actorId) ?? null;
}

/** The signed-in member's name, or null (open mode, nobody signed in). */
export function actingName(staff: FakeStaff, session: StaffSession): string | null {
  return actor(staff, session)?.name ?? null;
}

export function overview(staff: FakeStaff, session: StaffSession): StaffOverview {
  const openMode = staff.members.length === 0;
  const current = actor(staff, session);
  return {
    open_mode: openMode,
    current: current ? staffView(current) : null,
    staff: staff.members.map(staffView),
    permissions: PERMISSIONS.filter(
      (permission) => openMode || (current !== null && roleAllows(current.role, permission)),
    ),
  };
}

/** Refuses unless the signed-in member may do it (or it was approved just now); open mode allows all. */
export function authorize(staff: FakeStaff, session: StaffSession, permission: Permission): void {
  if (staff.members.length === 0) return;
  const current = actor(staff, session);
  if (!current)
    throw new BackendError('sign_in_required', 'Sign in, or switch to yourself with your PIN, first.');
  if (roleAllows(current.role, permission)) return;
  if (session.approval?.permission === permission) {
    session.approval = null;
    return;
  }
  throw new BackendError(
    'permission_denied',
    `${current.name} (${current.role}) may not do this (${permission}): a manager or the owner can approve it with their PIN.`,
  );
}

export function createMember(staff: FakeStaff, session: StaffSession, input: StaffInput): StaffView {
  const role = input.role;
  if (!isRole(role)) {
    throw invalid(`role: a staff member is an owner, manager, clerk or warehouse worker, not “${role}”.`);
  }
  const name = input.name.trim();
  if (name === '' || [...name].length > MAX_NAME) throw invalid(`name: 1 to ${MAX_NAME} characters.`);
  if (!/^\d{4,8}$/.test(input.pin)) throw invalid('pin: a PIN is 4 to 8 digits.');
  let password: string | null = null;
  if (hasPassword(role)) {
    if (input.password === null || [...input.password].length < MIN_PASSWORD) {
      throw invalid(
        `password: an owner or manager signs in with a password of at least ${MIN_PASSWORD} characters.`,
      );
    }
    password = input.password;
  }
  const first = staff.members.length === 0;
  if (first && role !== 'owner') throw invalid('role: the first staff member is the owner.');
  if (!first) authorize(staff, session, 'manage_staff');
  if (staff.members.some((member) => member.name === name)) {
    throw invalid(`name: there is already a staff member “${name}”.`);
  }
  const member: FakeStaffMember = {
    id: staff.nextId,
    name,
    role,
    password,
    pin: input.pin,
    failures: 0,
    lockedUntil: null,
  };
  staff.nextId += 1;
  staff.members.push(member);
  if (first) session.actorId = member.id;
  return staffView(member);
}

export function signIn(staff: FakeStaff, session: StaffSession, request: SignInRequest): StaffOverview {
  const name = request.name.trim();
  const member = staff.members.find((candidate) => candidate.name === name);
  if (!member || member.password === null || member.password !== request.password) throw wrong();
  session.actorId = member.id;
  return overview(staff, session);
}

/** Checks a member's PIN with the lockout. */
function checkPin(staff: FakeStaff, staffId: number, pin: string, now: Date): FakeStaffMember {
  const member = staff.members.find((candidate) => candidate.id === staffId);
  if (!member) throw wrong();
  if (member.lockedUntil !== null && new Date(member.lockedUntil) > now) {
    throw new BackendError(
      'account_locked',
      `${member.name} is locked after too many wrong PINs until ${clock(member.lockedUntil)} UTC.`,
    );
  }
  if (member.pin === pin) {
    member.failures = 0;
    member.lockedUntil = null;
    return member;
  }
  member.failures += 1;
  if (member.failures >= MAX_FAILED_PINS) {
    member.failures = 0;
    member.lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
    throw new BackendError(
      'account_locked',
      `Wrong PIN again: ${member.name} is locked until ${clock(member.lockedUntil)} UTC.`,
    );
  }
  throw wrong();
}

export function switchTo(
  staff: FakeStaff,
  session: StaffSession,
  { staff_id, pin }: SwitchStaffRequest,
  now: Date,
): StaffOverview {
  const member = checkPin(staff, staff_id, pin, now);
  session.actorId = member.id;
  session.approval = null;
  return overview(staff, session);
}

export function signOut(staff: FakeStaff, session: StaffSession): StaffOverview {
  session.actorId = null;
  session.approval = null;
  return overview(staff, session);
}

export function approve(staff: FakeStaff, session: StaffSession, request: ApproveRequest, now: Date): void {
  const permission = request.permission;
  if (!isPermission(permission)) throw invalid(`permission: there is no permission “${permission}”.`);
  const member = checkPin(staff, request.staff_id, request.pin, now);
  if (!hasPassword(member.role) || !roleAllows(member.role, permission)) {
    throw new BackendError(
      'permission_denied',
      `${member.name} cannot approve this: only a manager or the owner can.`,
    );
  }
  session.approval = { permission, by: member.name };
}
