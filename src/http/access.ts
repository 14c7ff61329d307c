import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { AppEnv } from '../app-context';
import { problemResponse } from './problem';
import { staffAuth } from './staff-auth';

/**
 * Who may call a route: `public` (crawlers, readers, embedding sites), `ingest` (the CMS, with the
 * bearer token `INGEST_TOKEN`), `staff` (the newsroom: Cloudflare Access, session or STAFF_TOKEN,
 * src/http/staff-auth.ts). Every route names its access as its first handler, and
 * test/route-access.test.ts lists every route with its access, so none is public by accident.
 */
export type Access = 'public' | 'ingest' | 'staff';

/** A middleware that carries the access it enforces, so the route table can be read back. */
export type AccessMiddleware = MiddlewareHandler<AppEnv> & { access: Access };

const unauthorized = (detail: string) => () =>
  problemResponse({ type: '/problems/unauthorized', title: 'Unauthorized', status: 401, detail });

/**
 * Bearer auth for the CMS (RFC 6750), against the `INGEST_TOKEN` secret. Hono compares in constant
 * time; without a configured secret every token is refused.
 */
const ingestAuth: MiddlewareHandler<AppEnv> = bearerAuth({
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

const publicAccess: MiddlewareHandler<AppEnv> = async function publicAccess(_c, next) {
  await next();
};

/** The access middleware for a route: `app.get(path, access('ingest'), handler)`. */
export function access(kind: Access): AccessMiddleware {
  const handler: MiddlewareHandler<AppEnv> =
    kind === 'ingest' ? (c, next) => ingestAuth(c, next) : kind === 'staff' ? (c, next) => staffAuth(c, next) : publicAccess;
  return Object.assign(handler, { access: kind });
}

/** True when the request carries the valid ingest token; for public routes that show more to the CMS. */
export async function hasIngestToken(header: string | undefined, secret: unknown): Promise<boolean> {
  if (!header || typeof secret !== 'string' || secret.length === 0) return false;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match ? timingSafeEqual(secret, match[1]!.trim()) : false;
}
