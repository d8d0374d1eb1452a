// The one place where the staff refusals of any command are noticed: the app's backend is
// wrapped so that every call still settles as before for its caller (which shows its own
// error and keeps what the user typed), and the staff store also hears of it: a
// `sign_in_required` opens the sign-in dialog, a `permission_denied` offers to ask a
// manager. Sign-in, switching and approving answer their own refusals and are left alone.
import type { Backend } from '../api/backend';
import { BackendError } from '../api/errors';
import { STAFF_COMMANDS, type Command } from './permissions';

export interface GuardListener {
  /** A command was refused with `sign_in_required` or `permission_denied`. */
  refused(command: Command, args: readonly unknown[], error: BackendError): void;
  /** A command went through (or failed for another reason): a pending approval may be used up. */
  settled(command: Command, args: readonly unknown[]): void;
}

function isCommand(backend: Backend, name: string | symbol): name is Command {
  return typeof name === 'string' && name !== 'kind' && name in backend;
}

/** `backend` with every command's staff refusals reported to `listener`. */
export function guardBackend(backend: Backend, listener: GuardListener): Backend {
  return new Proxy(backend, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== 'function' || !isCommand(target, name) || STAFF_COMMANDS.has(name)) {
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      }
      const method = value as (...args: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]): Promise<unknown> => {
        try {
          const result = await method.apply(target, args);
          listener.settled(name, args);
          return result;
        } catch (error) {
          if (
            error instanceof BackendError &&
            ['sign_in_required', 'permission_denied'].includes(error.code)
          ) {
            listener.refused(name, args, error);
          } else {
            listener.settled(name, args);
          }
          throw error;
        }
      };
    },
  });
}
