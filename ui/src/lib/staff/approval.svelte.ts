// "Ask a manager": a manager or the owner picks their name and types their PIN to approve
// the next action needing one permission for whoever is signed in. The permission comes
// from the refused command (see `permissionChoices`); when it cannot be told, the manager
// chooses it. Only those who may do it themselves are offered as approvers. A wrong or
// locked PIN shows at the PIN, a refusal of the permission at the permission, anything
// else above the buttons.
import type { Backend } from '../api/backend';
import type { StaffView } from '../api/bindings/StaffView';
import { problemOf, type Problem } from '../api/errors';
import { messageField, messageText } from '../api/fieldProblem';
import { canApprove, hasPassword, type Permission } from './permissions';
import { isPin } from './pin';

/** An approval the core holds for the signed-in member's next action needing `permission`. */
export interface Approval {
  permission: Permission;
  by: string;
}

export class ApprovalForm {
  /** The permissions it may be for; one: fixed. */
  readonly choices: readonly Permission[];
  permission = $state<Permission | null>(null);
  approverId = $state<number | null>(null);
  pin = $state('');
  pinProblem = $state<Problem | null>(null);
  permissionProblem = $state<Problem | null>(null);
  problem = $state<Problem | null>(null);
  busy = $state(false);
  /** The refusal that led here, if any (shown on top). */
  readonly reason: string | null;
  readonly #staff: StaffView[];
  readonly #currentId: number | null;
  readonly #backend: Backend;

  constructor(
    backend: Backend,
    options: {
      staff: StaffView[];
      choices: readonly Permission[];
      currentId?: number | null;
      reason?: string | null;
    },
  ) {
    this.#backend = backend;
    this.#staff = options.staff;
    this.#currentId = options.currentId ?? null;
    this.choices = options.choices;
    this.reason = options.reason ?? null;
    this.permission = options.choices.length === 1 ? (options.choices[0] ?? null) : null;
    const [only] = this.approvers;
    if (this.approvers.length === 1 && only) this.approverId = only.id;
  }

  /** Whether the manager has to choose what they approve. */
  get choosing(): boolean {
    return this.choices.length !== 1;
  }

  /** Managers and owners other than the member signed in (who may approve the chosen permission). */
  get approvers(): StaffView[] {
    const permission = this.permission;
    return this.#staff.filter(
      (member) =>
        member.id !== this.#currentId &&
        (permission === null ? hasPassword(member.role) : canApprove(member.role, permission)),
    );
  }

  get approver(): StaffView | null {
    return this.approvers.find((member) => member.id === this.approverId) ?? null;
  }

  edited(): void {
    this.pinProblem = null;
    this.permissionProblem = null;
    this.problem = null;
  }

  choosePermission(permission: Permission): void {
    this.permission = permission;
    if (this.approver === null) this.approverId = null;
    this.edited();
  }

  chooseApprover(staffId: number): void {
    this.approverId = staffId;
    this.pin = '';
    this.edited();
  }

  /** Sends the approval; resolves with it, or null when refused. */
  async submit(): Promise<Approval | null> {
    if (this.busy) return null;
    this.edited();
    const permission = this.permission;
    const approver = this.approver;
    if (permission === null) {
      this.permissionProblem = { code: null, message: 'Choose what you approve.' };
      return null;
    }
    if (approver === null) {
      this.problem = { code: null, message: 'Pick the manager who approves.' };
      return null;
    }
    if (!isPin(this.pin)) {
      this.pinProblem = { code: null, message: 'A PIN is 4 to 8 digits.' };
      return null;
    }
    this.busy = true;
    try {
      await this.#backend.approve({ staff_id: approver.id, pin: this.pin, permission });
      return { permission, by: approver.name };
    } catch (error) {
      this.refused(problemOf(error));
      return null;
    } finally {
      this.busy = false;
    }
  }

  refused(problem: Problem): void {
    if (problem.code === 'wrong_credentials' || problem.code === 'account_locked') {
      this.pinProblem = problem;
      this.pin = '';
    } else if (problem.code === 'invalid_input' && messageField(problem.message) === 'permission') {
      this.permissionProblem = { ...problem, message: messageText(problem.message) };
    } else {
      this.problem = problem;
    }
  }
}
