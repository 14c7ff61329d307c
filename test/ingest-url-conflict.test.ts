import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { createD1ArticleStore } from '../src/adapters/d1-article-store';
import { articleSchema } from '../src/domain/article';
import { authed, call, putArticle } from './helpers';

// One CMS article per canonical URL: a write giving a second article a URL another already has is a
// 409 naming /url and the other article; an article edge mode extracted is replaced instead.
const json = { 'content-type': 'application/json' };
const url = (n: number) => `https://mainichi.jp/english/articles/20990401/p2a/00m/0na/${String(n).padStart(3, '0')}000c`;
const doc = (id: string, u: string, patch: Record<string, unknown> = {}) => ({ ...fixtureById(SEED_ID), id, url: u, ...patch });

async function conflictOf(res: Response) {
  expect(res.status).toBe(409);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { status: number; detail: string; errors: { pointer: string; detail: string; otherId: string }[] };
}

describe('ingest: one article per canonical URL', () => {
  it('PUT of a second article with the URL of another: 409 naming /url and the other id; nothing written', async () => {
    expect((await putArticle(doc('url-owner-1', url(1)))).status).toBe(201);
    // The same URL spelled another way (trailing slash) is the same canonical URL.
    for (const spelling of [url(1), url(1) + '/']) {
      const body = await conflictOf(await putArticle(doc('url-taker-1', spelling)));
      expect(body.errors).toEqual([expect.objectContaining({ pointer: '/url', otherId: 'url-owner-1', detail: expect.stringContaining('url-owner-1') })]);
    }
    expect((await authed('/api/articles/url-taker-1')).status).toBe(404);
    // The owner itself may be written again with its own URL.
    expect((await putArticle(doc('url-owner-1', url(1), { headline: 'Edited' }))).status).toBe(200);
    // oEmbed finds the one article.
    const oembed = await call(`/oembed?url=${encodeURIComponent(url(1))}`);
    expect(((await oembed.json()) as { title: string }).title).toBe('Edited');
  });

  it('batch: a URL held by a stored article, or by an earlier article of the batch, is a 409; nothing written', async () => {
    expect((await putArticle(doc('url-owner-2', url(2)))).status).toBe(201);
    const held = await authed('/api/articles/batch', { method: 'POST', headers: json, body: JSON.stringify({ articles: [doc('url-new-2a', url(20)), doc('url-new-2b', url(2))] }) });
    expect((await conflictOf(held)).errors).toEqual([expect.objectContaining({ pointer: '/articles/1/url', otherId: 'url-owner-2' })]);
    const twice = await authed('/api/articles/batch', { method: 'POST', headers: json, body: JSON.stringify([doc('url-new-2c', url(21)), doc('url-new-2d', url(21))]) });
    expect((await conflictOf(twice)).errors).toEqual([expect.objectContaining({ pointer: '/1/url', otherId: 'url-new-2c' })]);
    for (const id of ['url-new-2a', 'url-new-2b', 'url-new-2c', 'url-new-2d']) expect((await authed(`/api/articles/${id}`)).status).toBe(404);
  });

  it('a batch may hand a URL from one article to another when it moves the first away', async () => {
    expect((await putArticle(doc('url-mover-3', url(3)))).status).toBe(201);
    const res = await authed('/api/articles/batch', { method: 'POST', headers: json, body: JSON.stringify([doc('url-mover-3', url(30)), doc('url-heir-3', url(3))]) });
    expect(res.status).toBe(200);
    expect((await call(`/oembed?url=${encodeURIComponent(url(3))}`)).status).toBe(200);
  });

  it('an article edge mode extracted (source: extracted) is replaced by the CMS push, not a conflict', async () => {
    const store = createD1ArticleStore(env.DB);
    const extracted = articleSchema.parse({ ...doc('x-extracted-4', url(4)), headline: 'Extracted from the page' });
    expect(await store.saveExtracted(extracted, { headline: 'og' })).toBe(true);
    const res = await putArticle(doc('cms-article-4', url(4), { headline: 'From the CMS' }));
    expect(res.status).toBe(201);
    expect(await store.get('x-extracted-4')).toBeUndefined();
    expect((await store.getByUrl(url(4)))?.article.id).toBe('cms-article-4');
  });

  it('the database refuses a second CMS article for a URL even past the check (migrations/0005)', async () => {
    expect((await putArticle(doc('url-owner-5', url(5)))).status).toBe(201);
    const key = (await env.DB.prepare(`SELECT url_key FROM articles WHERE id = 'url-owner-5'`).first<{ url_key: string }>())!.url_key;
    const insert = env.DB.prepare(
      `INSERT INTO articles (id, url_key, status, published_at, doc, revision, created_at, updated_at, source) VALUES ('url-racer-5', ?1, 'published', '2099-01-01T00:00:00.000Z', '{}', 1, 'x', 'x', 'cms')`,
    ).bind(key);
    await expect(insert.run()).rejects.toThrow(/article-url-conflict/);
    // An extracted row for the same URL is not refused (the CMS push replaces it later).
    await env.DB.prepare(
      `INSERT INTO articles (id, url_key, status, published_at, doc, revision, created_at, updated_at, source) VALUES ('url-extracted-5', ?1, 'published', '2099-01-01T00:00:00.000Z', '{}', 1, 'x', 'x', 'extracted')`,
    ).bind(key).run();
  });
});
