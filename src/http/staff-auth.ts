import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { timingSafeEqual } from 'hono/utils/buffer';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AppEnv } from '../app-context';
import { problemResponse } from './problem';

/** Who a staff request comes from, and how it proved it. */
export interface StaffIdentity {
  /** E-mail (Cloudflare Access), the name given at sign-in (session) or `script` (bearer). */
  name: string;
  via: 'access' | 'session' | 'bearer';
  /** The session's anti-CSRF token (sessions only): pages send it back in `X-CSRF-Token`. */
  csrf?: string;
}

export const SESSION_COOKIE = 'presscard_staff';
/** A session lasts one working day. */
export const SESSION_SECONDS = 12 * 60 * 60;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// One JWKS per team, kept for the isolate's life: jose caches the keys and refetches on an unknown `kid`.
const jwksByTeam = new Map<string, JWTVerifyGetKey>();

/** `myteam.cloudflareaccess.com` or `https://myteam.cloudflareaccess.com/` -> `https://myteam.cloudflareaccess.com`. */
export function teamOrigin(domain: string): string {
  return new URL(/^https?:\/\//.test(domain) ? domain : `https://${domain}`).origin;
}

/**
 * Verifies a Cloudflare Access application token: RS256 signature against the team's JWKS
 * (`<team>/cdn-cgi/access/certs`), issuer = the team domain, audience = the application's AUD tag,
 * `exp`/`nbf` checked by jose. Source: https://developers.cloudflare.com/cloudflare-one/identity/authorization-cookie/validating-json/
 */
async function verifyAccessJwt(token: string, teamDomain: string, aud: string): Promise<StaffIdentity | undefined> {
  const issuer = teamOrigin(teamDomain);
  let jwks = jwksByTeam.get(issuer);
  if (!jwks) jwksByTeam.set(issuer, (jwks = createRemoteJWKSet(new URL(`${issuer}/cdn-cgi/access/certs`))));
  try {
    const { payload } = await jwtVerify(token, jwks, { issuer, audience: aud, algorithms: ['RS256'] });
    const name = typeof payload.email === 'string' ? payload.email : String(payload.sub ?? 'access');
    return { name, via: 'access' };
  } catch (err) {
    console.warn(JSON.stringify({ event: 'access-jwt-refused', reason: String(err) }));
    return undefined;
  }
}

/** The HMAC key of session cookies: derived from STAFF_TOKEN, so rotating the token ends every session. */
const sessionSecret = (staffToken: string) => `presscard-session:${staffToken}`;
const isLocal = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

interface SessionPayload {
  n: string;
  e: number;
  x: string;
}

async function readSession(c: Context<AppEnv>, staffToken: string): Promise<StaffIdentity | undefined> {
  const raw = await getSignedCookie(c, sessionSecret(staffToken), SESSION_COOKIE);
  if (!raw) return undefined;
  try {
    const bytes = Uint8Array.from(atob(raw), (ch) => ch.charCodeAt(0));
    const p = JSON.parse(new TextDecoder().decode(bytes)) as SessionPayload;
    if (typeof p.n !== 'string' || typeof p.x !== 'string' || typeof p.e !== 'number' || p.e * 1000 < Date.now()) return undefined;
    return { name: p.n, via: 'session', csrf: p.x };
  } catch {
    return undefined;
  }
}

/** Starts a session: an HttpOnly, SameSite=Strict cookie signed with HMAC-SHA256 (Secure outside localhost). */
export async function startSession(c: Context<AppEnv>, name: string): Promise<void> {
  const staffToken = c.env.STAFF_TOKEN;
  const csrf = crypto.randomUUID();
  const payload: SessionPayload = { n: name, e: Math.floor(Date.now() / 1000) + SESSION_SECONDS, x: csrf };
  // btoa of UTF-8: names may be Japanese.
  const value = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(payload))));
  await setSignedCookie(c, SESSION_COOKIE, value, sessionSecret(staffToken), {
    httpOnly: true,
    secure: !isLocal(c.req.url),
    sameSite: 'Strict',
    path: '/',
    maxAge: SESSION_SECONDS,
  });
}

export function endSession(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: !isLocal(c.req.url) });
}

/** True when `token` is the configured STAFF_TOKEN (constant-time); false when none is configured. */
export async function isStaffToken(token: string, secret: unknown): Promise<boolean> {
  return typeof secret === 'string' && secret.length > 0 && token.length > 0 && (await timingSafeEqual(secret, token));
}

/**
 * Identifies a staff request, in the order the newsroom accepts credentials: a Cloudflare Access JWT
 * (when ACCESS_TEAM_DOMAIN and ACCESS_AUD are set), the session cookie, then `Authorization: Bearer`
 * with STAFF_TOKEN. A JWT that is present but invalid is refused outright.
 */
export async function identifyStaff(c: Context<AppEnv>): Promise<StaffIdentity | 'refused' | undefined> {
  const team = c.env.ACCESS_TEAM_DOMAIN as string;
  const aud = c.env.ACCESS_AUD as string;
  const staffToken = c.env.STAFF_TOKEN;
  const assertion = c.req.header('cf-access-jwt-assertion');
  if (team && aud && assertion) return (await verifyAccessJwt(assertion, team, aud)) ?? 'refused';
  if (typeof staffToken !== 'string' || staffToken.length === 0) return undefined;
  const session = await readSession(c, staffToken);
  if (session) return session;
  const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
  if (bearer && (await isStaffToken(bearer, staffToken))) return { name: 'script', via: 'bearer' };
  return undefined;
}

/**
 * CSRF: credentials a browser sends on its own (the session cookie, Access's cookie-backed header)
 * need proof the request came from our pages. Sessions must echo their token in `X-CSRF-Token` (or a
 * `_csrf` form field); every ambient credential also needs a same-origin `Origin` when one is sent.
 * Bearer tokens are never ambient. Source: OWASP CSRF Prevention Cheat Sheet (synchronizer token,
 * origin verification).
 */
async function passesCsrf(c: Context<AppEnv>, who: StaffIdentity): Promise<boolean> {
  if (!STATE_CHANGING.has(c.req.method) || who.via === 'bearer') return true;
  const origin = c.req.header('origin');
  if (origin && origin !== new URL(c.req.url).origin) return false;
  if (who.via === 'access') return Boolean(origin) || c.req.header('sec-fetch-site') === 'same-origin';
  let sent = c.req.header('x-csrf-token');
  if (!sent && (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    const form = await c.req.parseBody();
    sent = typeof form._csrf === 'string' ? form._csrf : undefined;
  }
  // hono's timingSafeEqual is async: without the await, any token passed as a truthy Promise.
  return Boolean(sent && who.csrf && (await timingSafeEqual(sent, who.csrf)));
}

const isApi = (path: string) => path.startsWith('/api/');

/** The `staff` access middleware: 401 (JSON) or a redirect to sign-in (pages); 403 on failed CSRF. */
export const staffAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const who = await identifyStaff(c);
  if (!who || who === 'refused') {
    const path = new URL(c.req.url).pathname;
    if (!isApi(path) && c.req.method === 'GET') {
      return c.redirect(`/newsroom/sign-in?next=${encodeURIComponent(path)}`, 303);
    }
    return problemResponse(
      {
        type: '/problems/unauthorized', title: 'Unauthorized', status: 401,
        detail: who === 'refused' ? 'The Cloudflare Access token is not valid for this application.' : 'Sign in at /newsroom/sign-in, or send "Authorization: Bearer <STAFF_TOKEN>".',
      },
      { 'www-authenticate': 'Bearer realm="newsroom"' },
    );
  }
  if (!(await passesCsrf(c, who))) {
    return problemResponse({ type: '/problems/csrf', title: 'Forbidden', status: 403, detail: 'A state-changing request from a browser session must come from the newsroom pages (X-CSRF-Token).' });
  }
  c.set('staff', who);
  await next();
};
