import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { counting } from './support/counting-limiter';
import { loadFixtures, ORIGIN } from './helpers';

const TEXT_ID = '20260701-editorial-press-freedom';
const BEARER = { authorization: 'Bearer staff-test-token' };
beforeAll(loadFixtures);


function limitedApp(limit: number) {
  const staffPreview = counting(limit);
  const app = createApp({ rateLimiters: { staffPreview } });
  const send = async (path: string, init: RequestInit = {}) => {
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(new URL(path, ORIGIN), init), env, ctx);
    const body = new Uint8Array(await res.arrayBuffer());
    await waitOnExecutionContext(ctx);
    return { res, body, json: () => JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown> };
  };
  return { staffPreview, send };
}

const api = `/api/newsroom/articles/${TEXT_ID}`;
const draftEdit = { method: 'POST', headers: { ...BEARER, 'content-type': 'application/json' }, body: JSON.stringify({ socialHeadline: 'Limited draft' }) };

describe('staff preview renders are limited per newsroom user (STAFF_PREVIEW_LIMITER)', () => {
  it('POST preview: 429 with Retry-After and a problem body once the user is over the limit', async () => {
    const { staffPreview, send } = limitedApp(1);
    expect((await send(`${api}/preview`, draftEdit)).res.status).toBe(200);
    const refused = await send(`${api}/preview`, draftEdit);
    expect(refused.res.status).toBe(429);
    expect(refused.res.headers.get('retry-after')).toBe('60');
    expect(refused.res.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.json()).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
    // Keyed by the user, never by the token itself.
    expect(staffPreview.keys).toHaveLength(2);
    expect(staffPreview.keys[0]).toMatch(/^staff:[0-9a-f]{24}$/);
    expect(staffPreview.keys.join()).not.toContain('staff-test-token');
  });

  it('counts after access: refused credentials are not counted; a preview without a render is not counted', async () => {
    const { staffPreview, send } = limitedApp(1);
    expect((await send(`${api}/preview`, { ...draftEdit, headers: { authorization: 'Bearer wrong', 'content-type': 'application/json' } })).res.status).toBe(401);
    expect((await send(`${api}/preview?render=0`, { headers: BEARER })).res.status).toBe(200);
    expect(staffPreview.keys).toEqual([]);
    expect((await send(`${api}/preview`, { headers: BEARER })).res.status).toBe(200);
    expect((await send(`${api}/preview`, { headers: BEARER })).res.status).toBe(429);
  });

  it('the staff card route: an <img> over the limit gets an image of the card\'s type with 429; a script gets the problem', async () => {
    const { staffPreview, send } = limitedApp(1);
    const asImg = { headers: { ...BEARER, accept: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8' } };
    const drawn = await send(`${api}/cards/og`, asImg);
    expect(drawn.res.status).toBe(200);
    const type = drawn.res.headers.get('content-type');
    expect(type).toMatch(/^image\/(png|jpeg)$/);

    const placeholder = await send(`${api}/cards/og`, asImg);
    expect(placeholder.res.status).toBe(429);
    expect(placeholder.res.headers.get('retry-after')).toBe('60');
    expect(placeholder.res.headers.get('content-type')).toBe(type);
    expect(placeholder.res.headers.get('cache-control')).toContain('no-store');
    expect(placeholder.res.headers.get('x-card-template')).toBe('default');
    // The bytes are of the type the header says (PNG signature, RFC 2083 §3.1; JPEG SOI marker).
    const magic = type === 'image/png' ? [0x89, 0x50, 0x4e, 0x47] : [0xff, 0xd8, 0xff];
    expect([...placeholder.body.subarray(0, magic.length)]).toEqual(magic);

    const script = await send(`${api}/cards/og`, { headers: { ...BEARER, accept: 'application/json' } });
    expect(script.res.status).toBe(429);
    expect(script.res.headers.get('content-type')).toBe('application/problem+json');
    expect(staffPreview.keys).toHaveLength(3);
  });

  it('fetch as each crawler counts once per run and is refused over the limit', async () => {
    const { staffPreview, send } = limitedApp(0);
    const refused = await send(`${api}/crawl`, { headers: BEARER });
    expect(refused.res.status).toBe(429);
    expect(refused.res.headers.get('retry-after')).toBe('60');
    expect(staffPreview.keys).toHaveLength(1);
  });

  it('different users are counted apart (session users by name)', async () => {
    const { staffPreview, send } = limitedApp(5);
    await send(`${api}/preview?render=1`, { headers: BEARER });
    const signIn = await send('/newsroom/sign-in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=staff-test-token&name=Aiko' });
    const cookie = signIn.res.headers.get('set-cookie')?.split(';')[0];
    expect(cookie).toBeTruthy();
    await send(`${api}/preview`, { headers: { cookie: cookie! } });
    expect(staffPreview.keys).toHaveLength(2);
    expect(staffPreview.keys[0]).not.toBe(staffPreview.keys[1]);
  });
});
