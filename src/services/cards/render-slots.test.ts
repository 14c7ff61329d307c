import { describe, expect, it } from 'vitest';
import { createRenderSlots } from './render-slots';

describe('createRenderSlots', () => {
  it('runs at most `size` at once, in arrival order, and frees slots on failure', async () => {
    const slots = createRenderSlots(2);
    const started: number[] = [];
    const releases: Array<() => void> = [];
    const job = (n: number, fail = false) => slots.run(() => {
      started.push(n);
      return new Promise<number>((resolve, reject) => releases.push(() => (fail ? reject(new Error(`job ${n}`)) : resolve(n))));
    });
    const all = [job(1, true), job(2), job(3), job(4)].map((p) => p.catch((e: Error) => e.message));
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    expect(slots.waiting).toBe(2);
    releases[0]!();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 2, 3]);
    expect(slots.running).toBe(2);
    releases[1]!();
    await new Promise((r) => setTimeout(r, 0));
    releases[2]!();
    await new Promise((r) => setTimeout(r, 0));
    releases[3]!();
    expect(await Promise.all(all)).toEqual(['job 1', 2, 3, 4]);
    expect(slots.running).toBe(0);
  });
});
