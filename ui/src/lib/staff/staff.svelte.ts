// Who works here, who is signed in at this register and what they may do. The top bar,
// the views and their buttons ask `can` / `canView` (the core refuses anyway: this only
// keeps the UI from offering what it would refuse). Every command of the app goes through
// `guardBackend`, which tells this store of staff refusals: `sign_in_required` opens the
// sign-in dialog, `permission_denied` shows the refusal with "Ask a manager", whose
// approval the core keeps for the member's next action needing that permission; the user
// then does it again (nothing they typed is lost: the refused screen stays as it was).
import type { Backend } from '../api/backend';
import type { StaffOverview } from '../api/bindings/StaffOverview';
import type { StaffView } from '../api/bindings/StaffView';
import { BackendError, errorMessage } from '../api/errors';
import { ApprovalForm, type Approval } from './approval.svelte';
import type { GuardListener } from './guard';
import {
  PERMISSIONS,
  canView,
  effectivePermissions,
  homeView,
  isGuarded,
  permissionChoices,
  visibleViews,
  type Command,
  type CommandContext,
  type NavView,
  type Permission,
} from './permissions';
import { SignInForm } from './signIn.svelte';
import { StaffForm } from './staffForm.svelte';

/** A command refused for lack of a permission. */
export interface Denial {
  command: Command;
  message: string;
  /** What a manager may approve for it (one when the command tells). */
  choices: Permission[];
}

export interface StaffHooks {
  /** What the screens know that a command's permission depends on (the open order). */
  context?: () => CommandContext;
  /** Someone else is signed in now (or nobody): the app re-checks its view. */
  changed?: () => void;
  /** The sign-in or approval dialog closed (the counter takes the focus back). */
  closed?: () => void;
}

export class StaffStore implements GuardListener {
  overview = $state<StaffOverview | null>(null);
  loadError = $state<string | null>(null);
  /** The switch / sign-in dialog while it is open. */
  signIn = $state<SignInForm | null>(null);
  /** The "Ask a manager" dialog while it is open. */
  approval = $state<ApprovalForm | null>(null);
  /** The last refusal for lack of a permission, until dismissed or approved. */
  denial = $state<Denial | null>(null);
  /** An approval the core holds for the signed-in member's next action, until used. */
  approved = $state<Approval | null>(null);
  /** Settings → Staff, "Add staff". */
  form: StaffForm;
  signingOut = $state(false);

  /**
   * What the signed-in member may do. Everything until the overview is known, in open mode,
   * and while nobody is signed in: the first action then asks who it is (`sign_in_required`).
   */
  readonly permissions: ReadonlySet<string> = $derived(effectivePermissions(this.overview));

  readonly #backend: Backend;
  readonly #hooks: StaffHooks;

  /** `backend`: the plain one (this store answers its own refusals). */
  constructor(backend: Backend, hooks: StaffHooks = {}) {
    this.#backend = backend;
    this.#hooks = hooks;
    this.form = $state(new StaffForm(backend, true));
  }

  /** No staff accounts yet: no sign-in, everything allowed. */
  get openMode(): boolean {
    return this.overview?.open_mode ?? true;
  }

  get current(): StaffView | null {
    return this.overview?.current ?? null;
  }

  get staff(): StaffView[] {
    return this.overview?.staff ?? [];
  }

  /** Staff exist but nobody is signed in at this register. */
  get signedOut(): boolean {
    return this.overview !== null && !this.overview.open_mode && this.overview.current === null;
  }

  /** Whether the signed-in member may do it (or a manager approved it for their next action). */
  can(permission: Permission): boolean {
    return this.permissions.has(permission) || this.approved?.permission === permission;
  }

  canView(view: NavView): boolean {
    return canView(view, this.permissions);
  }

  get views(): NavView[] {
    return visibleViews(this.permissions);
  }

  get homeView(): NavView {
    return homeView(this.permissions);
  }

  get modalOpen(): boolean {
    return this.signIn !== null || this.approval !== null;
  }

  /** Looks up who is signed in; with staff and nobody signed in, offers to sign in. */
  async load(offerSignIn = false): Promise<void> {
    this.loadError = null;
    try {
      this.#apply(await this.#backend.staffOverview(), false);
      if (offerSignIn && this.signedOut) this.openSignIn();
    } catch (error) {
      this.loadError = errorMessage(error);
    }
  }

  openSignIn(reason: string | null = null): void {
    if (this.signIn !== null) return;
    this.signIn = new SignInForm(this.#backend, this.staff, reason);
  }

  closeSignIn(): void {
    if (this.signIn?.busy) return;
    this.signIn = null;
    this.#hooks.closed?.();
  }

  async submitSignIn(): Promise<boolean> {
    const form = this.signIn;
    if (!form) return false;
    const overview = await form.submit();
    if (overview === null) {
      // A lock shows on the list too.
      if (form.pinProblem?.code === 'account_locked') void this.#refreshList(form);
      return false;
    }
    this.signIn = null;
    this.#apply(overview, true);
    this.#hooks.closed?.();
    return true;
  }

  async signOut(): Promise<void> {
    if (this.signingOut) return;
    this.signingOut = true;
    try {
      this.#apply(await this.#backend.signOut(), true);
      this.signIn = null;
      this.openSignIn();
    } catch (error) {
      this.loadError = errorMessage(error);
    } finally {
      this.signingOut = false;
    }
  }

  /** Opens "Ask a manager" for these permissions (every one when not told). */
  askManager(
    choices: readonly Permission[] = this.denial?.choices ?? PERMISSIONS,
    reason?: string | null,
  ): void {
    if (this.approval !== null) return;
    this.approval = new ApprovalForm(this.#backend, {
      staff: this.staff,
      choices,
      currentId: this.current?.id ?? null,
      reason: reason ?? this.denial?.message ?? null,
    });
  }

  closeApproval(): void {
    if (this.approval?.busy) return;
    this.approval = null;
    this.#hooks.closed?.();
  }

  async submitApproval(): Promise<boolean> {
    const form = this.approval;
    if (!form) return false;
    const approval = await form.submit();
    if (approval === null) return false;
    this.approval = null;
    this.denial = null;
    this.approved = approval;
    this.#hooks.closed?.();
    return true;
  }

  dismissDenial(): void {
    this.denial = null;
  }

  /** The "approved" note is dismissed (the core keeps the approval until it is used). */
  dismissApproved(): void {
    this.approved = null;
  }

  /** Adds a staff member; the first (the owner) is signed in at once. */
  async addStaff(): Promise<boolean> {
    const form = this.form;
    const member = await form.submit();
    if (member === null) {
      // Staff refusals as for any other command: sign in first, or ask the owner.
      const problem = form.problem;
      if (problem?.code === 'sign_in_required' || problem?.code === 'permission_denied') {
        this.refused('createStaff', [], new BackendError(problem.code, problem.message));
      }
      return false;
    }
    // The first account ends open mode: the list, who is signed in and the form change.
    await this.load();
    this.form.added = member;
    return true;
  }

  refused(command: Command, args: readonly unknown[], error: BackendError): void {
    if (error.code === 'sign_in_required') {
      this.denial = null;
      this.openSignIn(error.message);
      // The list may be stale (the first owner was created at another register).
      const form = this.signIn;
      if (form) void this.#refreshList(form);
    } else {
      this.denial = {
        command,
        message: error.message,
        choices: permissionChoices(command, args, this.#hooks.context?.() ?? {}),
      };
      // An approval for something else stays with the core until used; a refusal of the
      // approved permission means it is gone.
      if (this.approved && this.denial.choices.includes(this.approved.permission)) this.approved = null;
    }
  }

  settled(command: Command, args: readonly unknown[]): void {
    const approved = this.approved;
    if (!approved || !isGuarded(command) || this.permissions.has(approved.permission)) return;
    if (permissionChoices(command, args, this.#hooks.context?.() ?? {}).includes(approved.permission)) {
      // The core used the approval up on this command.
      this.approved = null;
    }
  }

  async #refreshList(form: SignInForm): Promise<void> {
    try {
      const overview = await this.#backend.staffOverview();
      this.#apply(overview, false);
      form.staff = overview.staff;
    } catch {
      // The list stays as it was.
    }
  }

  #apply(overview: StaffOverview, switched: boolean): void {
    const before = this.overview;
    this.overview = overview;
    if (switched || before?.current?.id !== overview.current?.id) {
      this.approved = null;
      this.denial = null;
    }
    if (this.form.first !== overview.open_mode) this.form = new StaffForm(this.#backend, overview.open_mode);
    if (
      switched ||
      before?.current?.id !== overview.current?.id ||
      before?.open_mode !== overview.open_mode ||
      before.permissions.join() !== overview.permissions.join()
    ) {
      this.#hooks.changed?.();
    }
  }
}
