import type { RateLimiter } from '../../src/domain/operations';

/** A limiter admitting `limit` requests per key, recording every key it was asked about. */
export function counting(limit: number): RateLimiter & { keys: string[] } {
  const counts = new Map<string, number>();
  const keys: string[] = [];
  return {
    keys,
    async admit(key) {
      keys.push(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return counts.get(key)! <= limit;
    },
  };
}
