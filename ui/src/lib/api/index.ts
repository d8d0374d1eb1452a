// Picks the backend: the Rust core inside the Tauri shell, otherwise the in-memory fake
// (loaded on demand, so it never ships in the desktop bundle's main chunk).
import type { Backend } from './backend';
import { TauriBackend } from './tauri';

export type { Backend } from './backend';
export { BackendError, errorMessage, hasCode, toBackendError } from './errors';

/** Whether the page runs inside the Tauri webview. */
export function inTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

export async function createBackend(): Promise<Backend> {
  if (inTauri()) return new TauriBackend();
  const { FakeBackend, fakeOptionsFromUrl } = await import('./fake/fakeBackend');
  return new FakeBackend(fakeOptionsFromUrl(window.location.search, window.localStorage));
}
