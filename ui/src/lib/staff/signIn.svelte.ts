// The switch / sign-in dialog: pick a name, type the PIN (Enter sends it); or, for an owner
// or manager, sign in with name and password. `wrong_credentials` and `account_locked`
// show at the field typed into (the PIN or the password); anything else above the buttons.
// A PIN that is not 4 to 8 digits never reaches the backend.
import type { Backend } from '../api/backend';
import type { StaffOverview } from '../api/bindings/StaffOverview';
import type { StaffView } from '../api/bindings/StaffView';
import { problemOf, type Problem } from '../api/errors';
import { hasPassword } from './permissions';
import { isPin } from './pin';

export type SignInMode = 'pin' | 'password';

export class SignInForm {
  mode = $state<SignInMode>('pin');
  /** The member picked from the list (PIN mode). */
  staffId = $state<number | null>(null);
  pin = $state('');
  name = $state('');
  password = $state('');
  pinProblem = $state<Problem | null>(null);
  passwordProblem = $state<Problem | null>(null);
  /** Any other refusal. */
  problem = $state<Problem | null>(null);
  busy = $state(false);
  /** Everyone who can be picked. */
  staff = $state<StaffView[]>([]);
  /** Why the dialog opened (a command refused with `sign_in_required`), or null. */
  readonly reason: string | null;

  readonly #backend: Backend;

  constructor(backend: Backend, staff: StaffView[], reason: string | null = null) {
    this.#backend = backend;
    this.staff = staff;
    this.reason = reason;
    // With only one member there is nobody else to pick.
    if (staff.length === 1) this.staffId = staff[0]?.id ?? null;
  }

  get chosen(): StaffView | null {
    return this.staff.find((member) => member.id === this.staffId) ?? null;
  }

  /** Someone here signs in with a password (an owner or manager). */
  get passwordPossible(): boolean {
    return this.staff.some((member) => hasPassword(member.role));
  }

  edited(): void {
    this.pinProblem = null;
    this.passwordProblem = null;
    this.problem = null;
  }

  choose(staffId: number): void {
    this.staffId = staffId;
    this.pin = '';
    this.edited();
  }

  usePassword(): void {
    this.mode = 'password';
    const chosen = this.chosen;
    if (this.name === '' && chosen && hasPassword(chosen.role)) this.name = chosen.name;
    this.password = '';
    this.edited();
  }

  usePin(): void {
    this.mode = 'pin';
    this.pin = '';
    this.edited();
  }

  /** Sends the PIN or the password; resolves with who is signed in now, or null when refused. */
  async submit(): Promise<StaffOverview | null> {
    if (this.busy) return null;
    this.edited();
    if (this.mode === 'pin') {
      if (this.staffId === null) {
        this.problem = { code: null, message: 'Pick your name first.' };
        return null;
      }
      if (!isPin(this.pin)) {
        this.pinProblem = { code: null, message: 'A PIN is 4 to 8 digits.' };
        return null;
      }
    } else {
      if (this.name.trim() === '') {
        this.problem = { code: null, message: 'Enter your name.' };
        return null;
      }
      if (this.password === '') {
        this.passwordProblem = { code: null, message: 'Enter your password.' };
        return null;
      }
    }
    this.busy = true;
    try {
      return this.mode === 'pin' && this.staffId !== null
        ? await this.#backend.switchStaff({ staff_id: this.staffId, pin: this.pin })
        : await this.#backend.signIn({ name: this.name.trim(), password: this.password });
    } catch (error) {
      this.refused(problemOf(error));
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Puts a refusal at its field: a wrong or locked PIN at the PIN, a wrong password at the password. */
  refused(problem: Problem): void {
    if (problem.code === 'wrong_credentials' || problem.code === 'account_locked') {
      if (this.mode === 'pin') {
        this.pinProblem = problem;
        this.pin = '';
      } else {
        this.passwordProblem = problem;
        this.password = '';
      }
    } else {
      this.problem = problem;
    }
  }
}
