import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { createApp } from '../src/app';
import { articleCardPrefix } from '../src/domain/card';
import { renderCard } from '../src/render/render-card';
import { call, currentCardPath, loadFixtures, ORIGIN, putArticle } from './helpers';

const TEXT_ID = '20260701-editorial-press-freedom';
const IMMUTABLE = 'public, max-age=31536000, immutable';

beforeAll(loadFixtures);

/** A request through a fresh app with an execution context whose waitUntil work is awaited. */
async function settled(path: string, init: RequestInit = {}, app = createApp()) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(new URL(path, ORIGIN), init), env, ctx);
  const bytes = new Uint8Array(await res.arrayBuffer());
  await waitOnExecutionContext(ctx);
  return { res, bytes };
}

async function r2Keys(id: string) {
  return (await env.CARDS!.list({ prefix: articleCardPrefix(id) })).objects.map((o) => o.key).sort();
}

describe('card URLs', () => {
  it('redirects a missing or stale hash, and a wrong extension, to the current URL with a short cache life', async () => {
    const current = await currentCardPath(TEXT_ID, 'og');
    expect(current).toMatch(/^\/card\/20260701-editorial-press-freedom\/og\.png\?v=[0-9a-f]{20}$/);
    for (const path of [`/card/${TEXT_ID}/og.png`, `/card/${TEXT_ID}/og.png?v=0123456789abcdef0123`, `/card/${TEXT_ID}/og.jpg${current.slice(current.indexOf('?'))}`]) {
      const res = await call(path, { redirect: 'manual' });
      expect(res.status, path).toBe(302);
      expect(res.headers.get('location'), path).toBe(ORIGIN + current);
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=60');
    }
  });

  it('serves the current hash immutable, with a strong ETag and its length', async () => {
    const path = await currentCardPath(TEXT_ID, 'square');
    const { res, bytes } = await settled(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(res.headers.get('etag')).toBe(`"${new URL(path, ORIGIN).searchParams.get('v')}"`);
    expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
  });

  it('answers If-None-Match with 304 and HEAD with headers only', async () => {
    const path = await currentCardPath(TEXT_ID, 'og');
    const { res: full, bytes } = await settled(path);
    const etag = full.headers.get('etag')!;
    const notModified = await call(path, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(notModified.headers.get('cache-control')).toBe(IMMUTABLE);
    expect((await notModified.arrayBuffer()).byteLength).toBe(0);
    expect((await call(path, { headers: { 'if-none-match': '"something-else"' } })).status).toBe(200);

    const head = await call(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/png');
    expect(Number(head.headers.get('content-length'))).toBe(bytes.byteLength);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('names a new URL when the headline changes, and the old one redirects to it', async () => {
    const id = 'hash-change';
    const doc = { ...fixtureById(TEXT_ID), id, url: `https://mainichi.jp/english/articles/${id}` };
    await putArticle(doc);
    const before = await currentCardPath(id, 'og');
    await putArticle({ ...doc, body: ['A paragraph the card does not show.'] });
    expect(await currentCardPath(id, 'og')).toBe(before);
    await putArticle({ ...doc, headline: 'An edited headline' });
    const after = await currentCardPath(id, 'og');
    expect(after).not.toBe(before);
    const html = await (await call(`/a/${id}`)).text();
    expect(html).toContain(`<meta property="og:image" content="${ORIGIN}${after}"/>`);
    const stale = await call(before, { redirect: 'manual' });
    expect([stale.status, stale.headers.get('location')]).toEqual([302, ORIGIN + after]);
  });
});

describe('cache layers', () => {
  it('renders once, then answers from the Cache API, then from R2, with identical bytes', async () => {
    const id = 'layers-test';
    await putArticle({ ...fixtureById(TEXT_ID), id, url: `https://mainichi.jp/english/articles/${id}` });
    const path = await currentCardPath(id, 'og');
    const url = ORIGIN + path;
    await caches.default.delete(url);

    const first = await settled(path);
    expect(first.res.headers.get('x-card-source')).toBe('render');
    expect(await r2Keys(id)).toEqual([`cards/${id}/og-${new URL(url).searchParams.get('v')}.png`]);
    const object = await env.CARDS!.head(`cards/${id}/og-${new URL(url).searchParams.get('v')}.png`);
    expect(object?.httpMetadata?.contentType).toBe('image/png');
    expect(object?.customMetadata).toMatchObject({ articleId: id, variant: 'og', template: 'text' });

    const second = await settled(path);
    expect(second.res.headers.get('x-card-source')).toBe('cache');
    expect(second.bytes).toEqual(first.bytes);

    await caches.default.delete(url);
    const third = await settled(path);
    expect(third.res.headers.get('x-card-source')).toBe('r2');
    expect(third.bytes).toEqual(first.bytes);
    expect(third.res.headers.get('etag')).toBe(first.res.headers.get('etag'));
  });

  it('shares one render among concurrent requests for the same card', async () => {
    const id = 'coalesce-test';
    await putArticle({ ...fixtureById(TEXT_ID), id, url: `https://mainichi.jp/english/articles/${id}` });
    const path = await currentCardPath(id, 'og');
    let renders = 0;
    const app = createApp({
      renderCard: async (...args) => {
        renders++;
        return renderCard(...args);
      },
    });
    const results = await Promise.all(Array.from({ length: 12 }, () => settled(path, {}, app)));
    expect(renders).toBe(1);
    for (const r of results) {
      expect(r.res.status).toBe(200);
      expect(r.bytes).toEqual(results[0]!.bytes);
    }
  });

  it('does not store a card drawn without its photo', async () => {
    const id = 'degraded-photo';
    const doc = { ...fixtureById(SEED_ID), id, url: `https://mainichi.jp/english/articles/${id}` };
    doc.image = { ...doc.image!, url: 'https://cdn.mainichi.jp/photos/timeout.jpg' };
    await putArticle(doc);
    const path = await currentCardPath(id, 'og');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const app = createApp({ photoFetch: (async () => new Response('busy', { status: 503 })) as typeof fetch });
    const { res } = await settled(path, {}, app);
    expect(res.headers.get('x-card-template')).toBe('text');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await r2Keys(id)).toEqual([]);
    expect(await caches.default.match(ORIGIN + path)).toBeUndefined();
    vi.restoreAllMocks();
  });
});

describe('pages and oEmbed revalidate', () => {
  it('give ETags and answer 304 until the article changes', async () => {
    const seedUrl = fixtureById(SEED_ID).url;
    for (const path of [`/a/${SEED_ID}`, `/oembed?url=${encodeURIComponent(seedUrl)}`, `/oembed.xml?url=${encodeURIComponent(seedUrl)}`, `/embed/${SEED_ID}`]) {
      const res = await call(path);
      const etag = res.headers.get('etag');
      expect(etag, path).toMatch(/^"[0-9a-f]+"$/);
      expect(res.headers.get('cache-control'), path).toMatch(/max-age=\d+/);
      const again = await call(path, { headers: { 'if-none-match': etag! } });
      expect(again.status, path).toBe(304);
    }
    const id = 'etag-change';
    const doc = { ...fixtureById(TEXT_ID), id, url: `https://mainichi.jp/english/articles/${id}` };
    await putArticle(doc);
    const etag = (await call(`/a/${id}`)).headers.get('etag')!;
    await putArticle({ ...doc, headline: 'Changed' });
    expect((await call(`/a/${id}`, { headers: { 'if-none-match': etag } })).status).toBe(200);
  });
});
