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
 * The newsroom user a staff request comes from (`c.var.staff`, set by `access('staff')`), as a digest
 * of how they signed in and their name: never a token, and no name in the limiter's keys.
 */
export async function staffKey(c: AppContext): Promise<string> {
  const staff = c.var.staff;
  if (!staff) throw new Error('staffKey needs access("staff") before it');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${staff.via}\n${staff.name}`)));
  return `staff:${Array.from(digest.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface RateLimitOptions {
  /** Counts only the requests this returns true for (e.g. those that render). */
  counts?: (c: AppContext) => boolean;
  /**
   * The answer to a refused request instead of the problem (e.g. an image for an `<img>`); it gets
   * status 429 and `Retry-After` whatever it says. Undefined: the problem.
   */
  refused?: (c: AppContext) => Promise<Response | undefined>;
}

/**
 * A middleware counting each request against one rate limit; over it: 429 with `Retry-After`
 * (RFC 6585 §4) and a problem body. Put it after `access(...)`, so refused credentials are not counted.
 */
export function rateLimit(name: RateLimitName, keyOf: (c: AppContext) => string | Promise<string>, options: RateLimitOptions = {}): MiddlewareHandler<AppEnv> {
  return async function limited(c, next) {
    if ((options.counts?.(c) ?? true) && !(await c.var.services.limits[name].admit(await keyOf(c)))) {
      const instead = await options.refused?.(c);
      if (instead) {
        const headers = new Headers(instead.headers);
        headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        return new Response(instead.body, { status: 429, headers });
      }
      throw problem(429, `Too many requests; try again in ${RETRY_AFTER_SECONDS} seconds.`, {
        headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
      });
    }
    await next();
  };
}
