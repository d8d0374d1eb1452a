// Opening a document Kassa saved (an order's PDF, a mass action's CSV or PDF) in the
// system's viewer, where the clerk prints it on any printer the system knows. One at a
// time; a refusal is kept with its code: `not_found` means the file is gone or is not one
// of Kassa's, so the document has to be saved again.
import type { Backend } from '../api/backend';
import type { ErrorCode } from '../api/bindings/ErrorCode';
import { problemOf, type Problem } from '../api/errors';

/** The short title of a refusal to open a document, by its code. */
export function openProblemTitle(code: ErrorCode | null): string {
  return code === 'not_found'
    ? 'The file is not there any more: save it again.'
    : 'The document did not open.';
}

export class DocumentOpener {
  /** The path being handed to the viewer, if any. */
  opening = $state<string | null>(null);
  /** The path opened last without trouble. */
  opened = $state<string | null>(null);
  problem = $state<Problem | null>(null);

  readonly #backend: Backend;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /** The file is gone (or never was Kassa's): offering to open it again is pointless. */
  get gone(): boolean {
    return this.problem?.code === 'not_found';
  }

  /** Opens `path` in the system viewer; resolves with whether it went through. */
  async open(path: string): Promise<boolean> {
    if (this.opening !== null) return false;
    this.opening = path;
    this.opened = null;
    this.problem = null;
    try {
      await this.#backend.openDocument({ path });
      this.opened = path;
      return true;
    } catch (error) {
      this.problem = problemOf(error);
      return false;
    } finally {
      this.opening = null;
    }
  }

  /** Forgets the last outcome (another document was saved, the report was closed). */
  reset(): void {
    this.opened = null;
    this.problem = null;
  }
}
