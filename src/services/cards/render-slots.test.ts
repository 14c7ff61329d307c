import { describe, expect, it } from 'vitest';
import { createRenderSlots } from './render-slots';

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('createRenderSlots', () => {
  it('runs at most `size` at once and frees slots on failure', async () => {
    const slots = createRenderSlots(2, 1);
    const started: number[] = [];
    const releases = new Map<number, () => void>();
    const job = (n: number, fail = false) => slots.run(() => {
      started.push(n);
      return new Promise<number>((resolve, reject) => releases.set(n, () => (fail ? reject(new Error(`job ${n}`)) : resolve(n))));
    });
    const all = [job(1, true), job(2), job(3), job(4)].map((p) => p.catch((e: Error) => e.message));
    await tick();
    expect(started).toEqual([1, 2]);
    expect(slots.waiting).toBe(2);
    releases.get(1)!();
    await tick();
    expect(started).toHaveLength(3);
    expect(slots.running).toBe(2);
    for (const n of [2, 3, 4]) {
      releases.get(n)?.();
      await tick();
    }
    for (const n of [2, 3, 4]) releases.get(n)?.();
    expect(await Promise.all(all)).toEqual(['job 1', 2, 3, 4]);
    expect(slots.running).toBe(0);
  });
});
