import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureById } from '../fixtures';
import { createRateLimiter } from '../src/adapters/rate-limiter';
import { createApp } from '../src/app';
import type { RateLimiters } from '../src/domain/operations';
import { counting } from './support/counting-limiter';
import { loadFixtures, ORIGIN, TOKEN } from './helpers';

const TEXT_ID = '20260701-editorial-press-freedom';
beforeAll(loadFixtures);


async function send(app: ReturnType<typeof createApp>, path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(new URL(path, ORIGIN), init), env, ctx);
  const body = new Uint8Array(await res.arrayBuffer());
  await waitOnExecutionContext(ctx);
  return { res, body, text: () => new TextDecoder().decode(body) };
}

const withLimits = (limits: Partial<RateLimiters>) => createApp({ rateLimiters: limits });

describe('the Rate Limiting binding in workerd', () => {
  it('admits up to the configured limit per key, then refuses, keys apart', async () => {
    // wrangler.toml (local development): CARD_RENDER_ARTICLE_LIMITER allows 100 per 60 s.
    const limiter = createRateLimiter('cardRenderArticle', env.CARD_RENDER_ARTICLE_LIMITER);
    const key = `probe-${crypto.randomUUID()}`;
    const answers = [];
    for (let i = 0; i < 101; i++) answers.push(await limiter.admit(key));
    expect(answers.slice(0, 100).every(Boolean)).toBe(true);
    expect(answers[100]).toBe(false);
    expect(await limiter.admit(`${key}-other`)).toBe(true);
  });

  it('admits everything without a binding, and when the binding fails', async () => {
    expect(await createRateLimiter('share', undefined).admit('k')).toBe(true);
    const broken = { limit: async () => { throw new Error('unavailable'); } } as unknown as RateLimit;
    expect(await createRateLimiter('share', broken).admit('k')).toBe(true);
  });
});

describe('over a limit', () => {
  it('share redirects: 429 with Retry-After and a problem body, per client', async () => {
    const share = counting(2);
    const app = withLimits({ share });
    const from = (ip: string) => ({ headers: { 'cf-connecting-ip': ip }, redirect: 'manual' as const });
    expect((await send(app, `/s/x/${TEXT_ID}`, from('192.0.2.1'))).res.status).toBe(302);
    expect((await send(app, `/s/facebook/${TEXT_ID}`, from('192.0.2.1'))).res.status).toBe(302);
    const refused = await send(app, `/s/x/${TEXT_ID}`, from('192.0.2.1'));
    expect(refused.res.status).toBe(429);
    expect(refused.res.headers.get('retry-after')).toBe('60');
    expect(refused.res.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.parse(refused.text())).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
    expect((await send(app, `/s/x/${TEXT_ID}`, from('192.0.2.2'))).res.status).toBe(302);
    expect(share.keys).toEqual(['client:192.0.2.1', 'client:192.0.2.1', 'client:192.0.2.1', 'client:192.0.2.2']);
  });

  it('ingest writes: 429 per token, nothing written; reads are not counted', async () => {
    const ingest = counting(1);
    const app = withLimits({ ingest });
    const put = (id: string) => send(app, `/api/articles/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...fixtureById(TEXT_ID), id, url: `https://mainichi.jp/english/articles/${id}` }),
    });
    expect((await put('limited-1')).res.status).toBe(201);
    const refused = await put('limited-2');
    expect(refused.res.status).toBe(429);
    expect(refused.res.headers.get('retry-after')).toBe('60');
    expect(await env.DB.prepare('SELECT id FROM articles WHERE id = ?').bind('limited-2').first()).toBeNull();
    expect((await send(app, '/api/articles/limited-1', { headers: { authorization: `Bearer ${TOKEN}` } })).res.status).toBe(200);
    // A wrong token is refused before it is counted.
    await send(app, '/api/articles/limited-3', { method: 'DELETE', headers: { authorization: 'Bearer nope' } });
    expect(ingest.keys).toHaveLength(2);
    expect(ingest.keys[0]).toMatch(/^token:[0-9a-f]{24}$/);
  });

  it('uncached card renders: the default image, briefly cached; cached cards are never counted', async () => {
    const cardRenderClient = counting(0);
    const cardRenderArticle = counting(100);
    const app = withLimits({ cardRenderClient, cardRenderArticle });
    const id = 'limited-card';
    await send(app, `/api/articles/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...fixtureById(TEXT_ID), id, url: `https://mainichi.jp/english/articles/${id}`, headline: 'Rate limited card' }),
    });
    const current = (await send(app, `/card/${id}/og.png`, { redirect: 'manual' })).res.headers.get('location')!;
    const refused = await send(app, current, { headers: { 'cf-connecting-ip': '198.51.100.7' } });
    expect(refused.res.status).toBe(200);
    expect(refused.res.headers.get('x-card-template')).toBe('default');
    expect(refused.res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(refused.res.headers.get('content-type')).toBe('image/png');
    expect(cardRenderClient.keys).toEqual(['client:198.51.100.7']);

    // Rendered once (no limits), the card is stored; from then on no limit is asked.
    const fresh = await send(createApp(), current);
    expect(fresh.res.headers.get('x-card-source')).toBe('render');
    const hit = await send(app, current, { headers: { 'cf-connecting-ip': '198.51.100.7' } });
    expect(['cache', 'r2']).toContain(hit.res.headers.get('x-card-source'));
    expect(cardRenderClient.keys).toHaveLength(1);
  });
});
