// Tests that the serial queue keeps order and survives failures.
import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serialQueue';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SerialQueue', () => {
  it('runs tasks in queue order even when earlier ones are slower', async () => {
    const queue = new SerialQueue();
    const seen: number[] = [];
    const runs = [30, 5, 15, 0].map((ms, i) =>
      queue.run(async () => {
        await sleep(ms);
        seen.push(i);
        return i;
      }),
    );
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('keeps going after a failed task', async () => {
    const queue = new SerialQueue();
    const failed = queue.run(() => Promise.reject(new Error('boom')));
    const next = queue.run(() => Promise.resolve('ok'));
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('ok');
    await queue.idle();
  });
});
