import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { AppEnv } from '../app-context';
import { problemResponse } from './problem';

const unauthorized = (detail: string) => () =>
  problemResponse({ type: '/problems/unauthorized', title: 'Unauthorized', status: 401, detail });

/**
 * Bearer auth for the CMS (RFC 6750), against the `INGEST_TOKEN` secret. Hono compares in constant
 * time; without a configured secret every token is refused.
 */
export const requireIngestToken: MiddlewareHandler<AppEnv> = bearerAuth({
  verifyToken: async (token, c) => {
    const secret = c.env.INGEST_TOKEN;
    if (typeof secret !== 'string' || secret.length === 0) {
      console.warn(JSON.stringify({ event: 'ingest-token-missing', detail: 'INGEST_TOKEN is not set; the ingest API refuses every request' }));
      return false;
    }
    return timingSafeEqual(secret, token);
  },
  noAuthenticationHeader: { message: unauthorized('Send the ingest token as "Authorization: Bearer <token>".') },
  invalidAuthenticationHeader: { message: unauthorized('The Authorization header is not a bearer token.') },
  invalidToken: { message: unauthorized('The bearer token is not valid.') },
});

/** True when the request carries the valid ingest token; for public routes that show more to the CMS. */
export async function hasIngestToken(header: string | undefined, secret: unknown): Promise<boolean> {
  if (!header || typeof secret !== 'string' || secret.length === 0) return false;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match ? timingSafeEqual(secret, match[1]!.trim()) : false;
}
