// Saving an order's documents as PDF files: one at a time, the kind being made shows busy,
// then where the file went (the core writes it beside the database; there is no file
// dialog) or why it failed.
import type { Backend } from '../api/backend';
import type { DocumentKind } from '../api/bindings/DocumentKind';
import type { SavedDocument } from '../api/bindings/SavedDocument';
import { errorMessage } from '../api/errors';

/** "24 KB": whole kilobytes, at least 1. */
export function formatKilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export class OrderDocuments {
  /** The document being made, if any. */
  busy = $state<DocumentKind | null>(null);
  saved = $state<SavedDocument | null>(null);
  error = $state<string | null>(null);

  readonly #backend: Backend;
  readonly #uuid: string;

  constructor(backend: Backend, uuid: string) {
    this.#backend = backend;
    this.#uuid = uuid;
  }

  async save(kind: DocumentKind): Promise<void> {
    if (this.busy !== null) return;
    this.busy = kind;
    this.saved = null;
    this.error = null;
    try {
      this.saved = await this.#backend.saveOrderDocument({ uuid: this.#uuid, kind });
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = null;
    }
  }
}
