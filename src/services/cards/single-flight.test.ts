import { describe, expect, it } from 'vitest';
import { createSingleFlight } from './single-flight';

describe('createSingleFlight', () => {
  it('runs identical concurrent work once and gives everyone the result', async () => {
    const flight = createSingleFlight<number>();
    let runs = 0;
    let release!: (n: number) => void;
    const work = () => {
      runs++;
      return new Promise<number>((r) => (release = r));
    };
    const all = Promise.all(Array.from({ length: 10 }, () => flight.run('card-a', work)));
    expect(flight.size).toBe(1);
    release(42);
    expect(await all).toEqual(Array(10).fill(42));
    expect(runs).toBe(1);
    expect(flight.size).toBe(0);
  });

  it('keeps different keys apart and forgets failures', async () => {
    const flight = createSingleFlight<string>();
    await expect(flight.run('x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await flight.run('x', async () => 'second try')).toBe('second try');
    expect(await Promise.all([flight.run('a', async () => 'A'), flight.run('b', async () => 'B')])).toEqual(['A', 'B']);
  });

  it('gives a joiner the result by polling, and lets it run the work itself when the first never settles', async () => {
    const flight = createSingleFlight<string>({ pollMs: 1, maxWaitMs: 30 });
    let runs = 0;
    const never = () => {
      runs++;
      return new Promise<string>(() => undefined);
    };
    void flight.run('stuck', never);
    expect(flight.has('stuck')).toBe(true);
    expect(await flight.run('stuck', async () => 'drawn by the joiner')).toBe('drawn by the joiner');
    expect(runs).toBe(1);
    await expect(Promise.all([flight.run('e', async () => { throw new Error('boom'); }), flight.run('e', async () => 'never asked')])).rejects.toThrow('boom');
  });
});

