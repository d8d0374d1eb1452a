// Settings → Backups: the list of backups beside the database, "Back up now" (a
// consistent copy while the registers sell) and a restore scheduled for the next start
// after a confirmation. Failures keep the backend's message.
import type { Backend } from '../api/backend';
import type { BackupInfo } from '../api/bindings/BackupInfo';
import type { RestorePlan } from '../api/bindings/RestorePlan';
import { errorMessage } from '../api/errors';

/** A file size as people read it: `250 kB`, `1.4 MB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1_000)} kB`;
}

export class Backups {
  list = $state<BackupInfo[]>([]);
  busy = $state(false);
  error = $state<string | null>(null);
  made = $state<BackupInfo | null>(null);
  /** The backup the owner is asked to confirm restoring. */
  confirming = $state<BackupInfo | null>(null);
  plan = $state<RestorePlan | null>(null);

  readonly #backend: Backend;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  async load(): Promise<void> {
    try {
      this.list = await this.#backend.listBackups();
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  async backUp(): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      this.made = await this.#backend.backup({ path: null });
      await this.load();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  /** Restores the backup being confirmed at the next start. */
  async restore(): Promise<void> {
    const chosen = this.confirming;
    this.confirming = null;
    if (chosen === null) return;
    this.error = null;
    try {
      this.plan = await this.#backend.scheduleRestore({ path: chosen.path, confirm: true });
    } catch (error) {
      this.error = errorMessage(error);
    }
  }
}
