// PINs and locks as the core has them: a PIN is 4 to 8 digits; five wrong PINs in a row
// lock an account until `locked_until`.
import type { StaffView } from '../api/bindings/StaffView';

/** A PIN's shape, as the core checks it: 4 to 8 digits. */
export function isPin(text: string): boolean {
  return /^\d{4,8}$/.test(text);
}

/** Whether a member is locked out right now (after five wrong PINs). */
export function lockedNow(member: StaffView, now: Date = new Date()): boolean {
  return member.locked_until !== null && new Date(member.locked_until) > now;
}
