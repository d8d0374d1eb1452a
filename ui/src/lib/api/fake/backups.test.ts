// Tests the fake backend's backups as the core answers: a new file per backup (never over
// an existing one), newest first, and a restore that needs a confirmation and a known file.
import { describe, expect, it } from 'vitest';
import { BackendError } from '../errors';
import { FakeBackend } from './fakeBackend';

function backend(): FakeBackend {
  return new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
}

async function code(promise: Promise<unknown>): Promise<string | null> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof BackendError ? error.code : null;
}

describe('fake backups', () => {
  it('backs up, lists newest first and schedules a confirmed restore', async () => {
    const fake = backend();
    const first = await fake.backup({ path: null });
    const second = await fake.backup({ path: null });
    expect((await fake.listBackups()).map((backup) => backup.path)).toEqual([second.path, first.path]);
    expect(await code(fake.backup({ path: first.path }))).toBe('invalid_input');
    expect(await code(fake.scheduleRestore({ path: first.path, confirm: false }))).toBe('invalid_input');
    expect(await code(fake.scheduleRestore({ path: 'nowhere.sqlite3', confirm: true }))).toBe(
      'invalid_input',
    );
    const plan = await fake.scheduleRestore({ path: first.path, confirm: true });
    expect(plan.path).toBe(first.path);
  });
});
