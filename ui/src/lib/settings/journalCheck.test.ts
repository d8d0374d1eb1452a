// Tests Settings → Journal: the intact journal shows its entry count and last hash, a
// broken one its first bad entry (number, kind, reference, what is wrong).
import { describe, expect, it } from 'vitest';
import { FakeBackend } from '../api/fake/fakeBackend';
import { JournalCheck, journalSummary } from './journalCheck.svelte';

describe('journalSummary', () => {
  it('shows an intact journal with its count and last hash', () => {
    expect(journalSummary({ entries: 3, last_hash: 'ab'.repeat(32), problem: null })).toEqual({
      tone: 'ok',
      title: '3 entries intact',
      lastHash: 'ab'.repeat(32),
    });
    expect(journalSummary({ entries: 1, last_hash: 'cd', problem: null }).title).toBe('1 entry intact');
    expect(journalSummary({ entries: 0, last_hash: null, problem: null }).title).toMatch(/empty/);
  });

  it('names the first broken entry', () => {
    const summary = journalSummary({
      entries: 41,
      last_hash: null,
      problem: { seq: 42, kind: 'sale', reference: 'S1-R1-000042', problem: 'the hash does not match' },
    });
    expect(summary).toEqual({
      tone: 'broken',
      title: 'The journal is broken at entry 42',
      detail: 'Sale S1-R1-000042: the hash does not match',
      intact: 'The 41 entries before it are intact.',
    });
    const first = journalSummary({
      entries: 0,
      last_hash: null,
      problem: { seq: 1, kind: 'register_close', reference: 'R1-Z1', problem: 'x' },
    });
    expect(first.tone === 'broken' && first.detail).toBe('Register closing R1-Z1: x');
  });
});

describe('JournalCheck', () => {
  it('verifies through the backend', async () => {
    const api = new FakeBackend({ storage: null, seedDemo: true, fresh: true, latencyMs: 0 });
    const journal = new JournalCheck(api);
    expect(journal.summary).toBeNull();
    const verifying = journal.verify();
    expect(journal.verifying).toBe(true);
    await verifying;
    expect(journal.verifying).toBe(false);
    expect(journal.summary?.tone).toBe('ok');

    api.tamperJournal(1);
    await journal.verify();
    expect(journal.summary?.tone).toBe('broken');
    expect(journal.result?.problem?.seq).toBe(1);
    expect(journal.problem).toBeNull();
  });
});
