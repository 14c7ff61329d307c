import { env } from 'cloudflare:workers';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { call, ORIGIN, putArticle } from './helpers';

const STAFF = 'staff-test-token';
const TEAM = 'https://presscard-test.cloudflareaccess.com';
const AUD = 'newsroom-test-aud';

/** Every staff route, with a request that would succeed when authorised. */
const STAFF_ROUTES: [string, string][] = [
  ['GET', '/newsroom'],
  ['GET', '/api/newsroom/articles'],
  ['POST', '/newsroom/sign-out'],
  ['GET', `/api/newsroom/articles/${SEED_ID}/preview`],
  ['POST', `/api/newsroom/articles/${SEED_ID}/preview`],
  ['GET', `/api/newsroom/articles/${SEED_ID}/cards/og`],
  ['GET', `/api/newsroom/articles/${SEED_ID}/overrides`],
  ['PUT', `/api/newsroom/articles/${SEED_ID}/overrides`],
];

let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let otherKeys: Awaited<ReturnType<typeof generateKeyPair>>;

beforeAll(async () => {
  keys = await generateKeyPair('RS256');
  otherKeys = await generateKeyPair('RS256');
  expect((await putArticle(fixtureById(SEED_ID))).status).toBeLessThan(300);
});

/** Serves the team's JWKS (the only outbound fetch these requests make). */
async function serveJwks() {
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const real = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new Request(input).url;
    if (url === `${TEAM}/cdn-cgi/access/certs`) return Response.json({ keys: [jwk] });
    return real(input, init);
  });
}
afterEach(() => vi.unstubAllGlobals());

const jwt = (opts: { aud?: string; exp?: number | string; key?: CryptoKey; iss?: string } = {}) =>
  new SignJWT({ email: 'editor@mainichi.example' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(opts.iss ?? TEAM)
    .setAudience(opts.aud ?? AUD)
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? '5m')
    .sign(opts.key ?? keys.privateKey);

async function signIn(token = STAFF, name = '記者 Reporter') {
  return call('/newsroom/sign-in', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    body: new URLSearchParams({ token, name, next: '/newsroom' }).toString(),
  });
}

function sessionCookie(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const m = /presscard_staff=([^;]+)/.exec(set);
  if (!m) throw new Error(`no session cookie in ${set}`);
  return `presscard_staff=${m[1]}`;
}

describe('staff access', () => {
  it.each(STAFF_ROUTES)('%s %s: 401 JSON (API, POST) or a redirect to sign-in (pages) without credentials', async (method, path) => {
    const res = await call(path, { method, redirect: 'manual' });
    if (method === 'GET' && !path.startsWith('/api/')) {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/newsroom/sign-in?next=${encodeURIComponent(path)}`);
    } else {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it.each(STAFF_ROUTES)('%s %s: 401 with a wrong bearer token, or the ingest token', async (method, path) => {
    for (const token of ['wrong', 'test-token']) {
      const res = await call(path, { method, headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, redirect: 'manual' });
      expect([401, 303]).toContain(res.status);
    }
  });

  it('accepts the staff bearer token', async () => {
    const res = await call('/api/newsroom/articles', { headers: { authorization: `Bearer ${STAFF}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const body = (await res.json()) as { items: { id: string }[] };
    expect(body.items.map((i) => i.id)).toContain(SEED_ID);
  });

  it('signs in with STAFF_TOKEN: an HttpOnly, Secure, SameSite=Strict signed cookie that opens the pages', async () => {
    const res = await signIn();
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/newsroom');
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/Secure/i);
    expect(set).toMatch(/SameSite=Strict/i);
    const page = await call('/newsroom', { headers: { cookie: sessionCookie(res) } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('記者 Reporter');
    expect(html).toContain(`/newsroom/articles/${SEED_ID}`);
  });

  it('refuses a wrong token at sign-in and a tampered cookie', async () => {
    const bad = await signIn('nope');
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
    const cookie = sessionCookie(await signIn());
    const tampered = cookie.replace(/presscard_staff=(.)/, (_, ch: string) => `presscard_staff=${ch === 'A' ? 'B' : 'A'}`);
    expect((await call('/api/newsroom/articles', { headers: { cookie: tampered } })).status).toBe(401);
  });

  it('refuses a sign-in posted from another origin (login CSRF) and redirects only within /newsroom', async () => {
    const res = await call('/newsroom/sign-in', {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ token: STAFF }).toString(),
    });
    expect(res.status).toBe(400);
    const open = await call('/newsroom/sign-in', {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: STAFF, next: '//evil.example/x' }).toString(),
    });
    expect(open.headers.get('location')).toBe('/newsroom');
  });

  it('needs the CSRF token for state changes made with a session', async () => {
    const cookie = sessionCookie(await signIn());
    const page = await (await call('/newsroom', { headers: { cookie } })).text();
    const csrf = /name="csrf-token" content="([^"]+)"/.exec(page)![1]!;
    const without = await call('/newsroom/sign-out', { method: 'POST', headers: { cookie }, redirect: 'manual' });
    expect(without.status).toBe(403);
    const foreign = await call('/newsroom/sign-out', { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'x-csrf-token': csrf }, redirect: 'manual' });
    expect(foreign.status).toBe(403);
    for (const wrong of ['x', csrf.slice(0, -1), `${csrf}0`, crypto.randomUUID()]) {
      const forged = await call('/newsroom/sign-out', { method: 'POST', headers: { cookie, origin: ORIGIN, 'x-csrf-token': wrong }, redirect: 'manual' });
      expect(forged.status, wrong).toBe(403);
    }
    // The token is checked before the handler: a stale If-Match with a wrong token is 403, not 412.
    const save = await call('/api/newsroom/articles/20180614-nk-laborers-china/overrides', {
      method: 'PUT', headers: { cookie, origin: ORIGIN, 'x-csrf-token': 'x', 'if-match': '"stale"', 'content-type': 'application/json' },
      body: JSON.stringify({ socialHeadline: 'CSRF' }),
    });
    expect(save.status).toBe(403);
    const ok = await call('/newsroom/sign-out', { method: 'POST', headers: { cookie, origin: ORIGIN, 'x-csrf-token': csrf }, redirect: 'manual' });
    expect(ok.status).toBe(303);
  });

  it('accepts a valid Cloudflare Access JWT and refuses expired, foreign-audience, foreign-issuer and foreign-key ones', async () => {
    await serveJwks();
    const good = await call('/api/newsroom/articles', { headers: { 'cf-access-jwt-assertion': await jwt() } });
    expect(good.status).toBe(200);
    const cases = {
      expired: await jwt({ exp: Math.floor(Date.now() / 1000) - 60 }),
      otherAudience: await jwt({ aud: 'another-app' }),
      otherIssuer: await jwt({ iss: 'https://evil.cloudflareaccess.com' }),
      otherKey: await jwt({ key: otherKeys.privateKey }),
      garbage: 'not.a.jwt',
    };
    for (const [name, token] of Object.entries(cases)) {
      // A bad JWT is refused even when a valid bearer token rides along.
      const res = await call('/api/newsroom/articles', { headers: { 'cf-access-jwt-assertion': token, authorization: `Bearer ${STAFF}` } });
      expect(res.status, name).toBe(401);
    }
  });

  it('has STAFF_TOKEN configured in tests (the refusals above are not for want of a secret)', () => {
    expect(env.STAFF_TOKEN).toBe(STAFF);
  });
});
