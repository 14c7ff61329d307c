import { RATE_LIMITS, UNLIMITED, type RateLimitName, type RateLimiter, type RateLimiters } from '../domain/operations';

/**
 * A rate limit over a Workers Rate Limiting binding (`limit({ key })` answers `{ success }`,
 * https://developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/). Without the binding
 * every request is admitted; a binding that fails is logged and admits (the limit protects capacity,
 * it must not become an outage of its own).
 */
export function createRateLimiter(name: RateLimitName, binding: RateLimit | undefined): RateLimiter {
  if (!binding) return UNLIMITED;
  return {
    async admit(key) {
      try {
        return (await binding.limit({ key })).success;
      } catch (err) {
        console.warn(JSON.stringify({ event: 'rate-limit-unavailable', limit: name, reason: String(err) }));
        return true;
      }
    },
  };
}

/** Every rate limit of the service from the bindings named in RATE_LIMITS. */
export function createRateLimiters(env: Partial<Record<(typeof RATE_LIMITS)[RateLimitName], RateLimit>>): RateLimiters {
  const entries = Object.entries(RATE_LIMITS) as [RateLimitName, (typeof RATE_LIMITS)[RateLimitName]][];
  return Object.fromEntries(entries.map(([name, binding]) => [name, createRateLimiter(name, env[binding])])) as RateLimiters;
}
