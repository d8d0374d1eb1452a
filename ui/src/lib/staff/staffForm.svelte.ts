// Settings → Staff, "Add staff": name, role, a password for an owner or manager only, and
// the PIN everyone switches with. The first account must be the owner (the role is fixed
// then). The core's refusals name the field first (`name:`, `role:`, `password:`, `pin:`)
// and show at it; a PIN that is not 4 to 8 digits or a short password never leaves the form.
import type { Backend } from '../api/backend';
import type { StaffView } from '../api/bindings/StaffView';
import { problemOf, type Problem } from '../api/errors';
import { messageField, messageText } from '../api/fieldProblem';
import { hasPassword, type Role } from './permissions';
import { isPin } from './pin';

export type StaffField = 'name' | 'role' | 'password' | 'pin';
const FIELDS: readonly string[] = ['name', 'role', 'password', 'pin'];
/** As the core. */
export const MIN_PASSWORD = 8;

export class StaffForm {
  name = $state('');
  role = $state<Role>('clerk');
  password = $state('');
  pin = $state('');
  problems = $state<Partial<Record<StaffField, Problem>>>({});
  /** A refusal that names no field. */
  problem = $state<Problem | null>(null);
  busy = $state(false);
  /** The member just added (for the confirmation). */
  added = $state<StaffView | null>(null);
  /** The first account: the owner, signed in at once. */
  readonly first: boolean;
  readonly #backend: Backend;

  constructor(backend: Backend, first: boolean) {
    this.#backend = backend;
    this.first = first;
    if (first) this.role = 'owner';
  }

  get needsPassword(): boolean {
    return hasPassword(this.role);
  }

  edited(field?: StaffField): void {
    if (field) {
      const rest = { ...this.problems };
      delete rest[field];
      this.problems = rest;
    } else {
      this.problems = {};
    }
    this.problem = null;
    this.added = null;
  }

  /** Checks what the core would refuse anyway; the problems by field. */
  check(): Partial<Record<StaffField, Problem>> {
    const problems: Partial<Record<StaffField, Problem>> = {};
    if (this.name.trim() === '') problems.name = { code: null, message: 'Enter a name.' };
    if (this.first && this.role !== 'owner')
      problems.role = { code: null, message: 'The first account is the owner.' };
    if (this.needsPassword && [...this.password].length < MIN_PASSWORD) {
      problems.password = { code: null, message: `At least ${MIN_PASSWORD} characters.` };
    }
    if (!isPin(this.pin)) problems.pin = { code: null, message: 'A PIN is 4 to 8 digits.' };
    return problems;
  }

  /** Creates the member; resolves with them, or null when refused. */
  async submit(): Promise<StaffView | null> {
    if (this.busy) return null;
    this.edited();
    const problems = this.check();
    this.problems = problems;
    if (Object.keys(problems).length > 0) return null;
    this.busy = true;
    try {
      const member = await this.#backend.createStaff({
        name: this.name.trim(),
        role: this.role,
        password: this.needsPassword ? this.password : null,
        pin: this.pin,
      });
      this.added = member;
      this.name = '';
      this.password = '';
      this.pin = '';
      return member;
    } catch (error) {
      this.refused(problemOf(error));
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Puts a refusal at the field its message starts with. */
  refused(problem: Problem): void {
    const field = problem.code === 'invalid_input' ? messageField(problem.message) : null;
    if (field !== null && FIELDS.includes(field)) {
      this.problems = { ...this.problems, [field]: { ...problem, message: messageText(problem.message) } };
    } else {
      this.problem = problem;
    }
  }
}
