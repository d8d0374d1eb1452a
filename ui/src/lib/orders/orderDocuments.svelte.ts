// Saving an order's documents as PDF files: one at a time, the document being made shows
// busy, then where the file went (the core writes it beside the database; there is no
// file dialog) or why it failed, by its code. A saved document can then be opened in the
// system's viewer to print it.
import type { Backend } from '../api/backend';
import type { DocumentKind } from '../api/bindings/DocumentKind';
import type { SaveDocumentRequest } from '../api/bindings/SaveDocumentRequest';
import type { SavedDocument } from '../api/bindings/SavedDocument';
import { problemOf, type Problem } from '../api/errors';
import { DocumentOpener } from './documentOpener.svelte';

/** "24 KB": whole kilobytes, at least 1. */
export function formatKilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Which document a busy state names: the kind, or `credit_note:CN-…` for one credit note. */
export function documentKey(kind: DocumentKind, creditNote?: string): string {
  return kind === 'credit_note' && creditNote !== undefined ? `credit_note:${creditNote}` : kind;
}

export class OrderDocuments {
  /** The document being made (see `documentKey`), if any. */
  busy = $state<string | null>(null);
  saved = $state<SavedDocument | null>(null);
  problem = $state<Problem | null>(null);
  /** Opening the saved document in the system viewer. */
  readonly opener: DocumentOpener;

  readonly #backend: Backend;
  readonly #uuid: string;

  constructor(backend: Backend, uuid: string) {
    this.#backend = backend;
    this.#uuid = uuid;
    this.opener = new DocumentOpener(backend);
  }

  /** Makes the document; `creditNote` names the credit note for `credit_note`. */
  async save(kind: DocumentKind, creditNote?: string): Promise<void> {
    if (this.busy !== null) return;
    this.busy = documentKey(kind, creditNote);
    this.saved = null;
    this.problem = null;
    this.opener.reset();
    const request: SaveDocumentRequest = { uuid: this.#uuid, kind };
    if (kind === 'credit_note' && creditNote !== undefined) request.credit_note = creditNote;
    try {
      this.saved = await this.#backend.saveOrderDocument(request);
    } catch (error) {
      this.problem = problemOf(error);
    } finally {
      this.busy = null;
    }
  }

  /** Opens the saved document in the system viewer; a file that is gone is forgotten. */
  async open(): Promise<void> {
    const saved = this.saved;
    if (!saved) return;
    const opened = await this.opener.open(saved.path);
    if (!opened && this.opener.gone && this.saved === saved) this.saved = null;
  }
}
