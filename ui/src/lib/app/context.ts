// Hands the application model to every component below the shell.
import { getContext, setContext } from 'svelte';
import type { AppModel } from './app.svelte';

const KEY = Symbol('kassa-app');

export function provideApp(app: AppModel): void {
  setContext(KEY, app);
}

export function useApp(): AppModel {
  const app = getContext<AppModel | undefined>(KEY);
  if (!app) throw new Error('useApp() called outside the app shell');
  return app;
}
