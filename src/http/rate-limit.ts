import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../app-context';
import { RETRY_AFTER_SECONDS, type RateLimitName } from '../domain/operations';
import { problem } from './problem';

/**
 * The client a limit counts: the connecting address Cloudflare reports (`CF-Connecting-IP`,
 * https://developers.cloudflare.com/fundamentals/reference/http-headers/). It is a key for the
 * limiter only, never logged or stored.
 */
export function clientKey(c: AppContext): string {
  return `client:${c.req.header('cf-connecting-ip') ?? 'unknown'}`;
}

/** The ingest token a write came with, as a digest (the token itself goes nowhere but the comparison). */
export async function tokenKey(c: AppContext): Promise<string> {
  const header = c.req.header('authorization') ?? '';
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(header)));
  return `token:${Array.from(digest.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * A middleware counting each request against one rate limit; over it: 429 with `Retry-After`
 * (RFC 6585 §4) and a problem body. Put it after `access(...)`, so refused credentials are not counted.
 */
export function rateLimit(name: RateLimitName, keyOf: (c: AppContext) => string | Promise<string>): MiddlewareHandler<AppEnv> {
  return async function limited(c, next) {
    if (!(await c.var.services.limits[name].admit(await keyOf(c)))) {
      throw problem(429, `Too many requests; try again in ${RETRY_AFTER_SECONDS} seconds.`, {
        headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
      });
    }
    await next();
  };
}
