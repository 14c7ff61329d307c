// Edge mode remembers the article at a proxied page's URL for EDGE_ARTICLE_CACHE_TTL per isolate
// (src/services/edge/remembered-articles.ts, docs/edge-mode.md "Cost per page"): writes made in the
// isolate show at once, writes elsewhere (here: straight into D1, as another isolate would) within the TTL.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { putArticle } from '../helpers';
import { edgeFetch } from './edge-helpers';
import { X } from './paths';

const SELF = 'https://presscard.test';
const url = `https://mainichi.jp${X(17)}`;
const TTL_SECONDS = 60;
let clock = Date.parse('2099-02-01T00:00:00Z');
const now = () => new Date(clock);

async function ogTitle(): Promise<string | undefined> {
  const { res, settled } = await edgeFetch(url, {}, { articleCacheSeconds: TTL_SECONDS }, { now });
  const html = await res.text();
  await settled();
  return /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1];
}

const doc = (headline: string) => ({
  id: 'cms-917', url, lang: 'en', headline, description: 'Pushed.', section: 'World', publishedAt: '2099-01-17T00:00:00Z', status: 'published',
});

describe('edge mode: the article remembered per isolate', () => {
  it('shows a push or a newsroom save made in this isolate on the next view', async () => {
    expect((await putArticle(doc('Remembered first'))).status).toBe(201);
    expect(await ogTitle()).toBe('Remembered first');
    expect((await putArticle(doc('Remembered second'))).status).toBe(200);
    expect(await ogTitle()).toBe('Remembered second');
    const saved = await edgeFetch(`${SELF}/api/newsroom/articles/cms-917/overrides`, {
      method: 'PUT',
      headers: { authorization: 'Bearer staff-test-token', 'content-type': 'application/json', 'if-match': '"o0"' },
      body: JSON.stringify({ socialHeadline: 'Saved in the newsroom' }),
    }, { articleCacheSeconds: TTL_SECONDS }, { now });
    expect(saved.res.status).toBe(200);
    expect(await ogTitle()).toBe('Saved in the newsroom');
  });

  it('shows a write made elsewhere once the TTL has passed, not before', async () => {
    await env.DB.prepare('DELETE FROM social_overrides WHERE article_id = ?1').bind('cms-917').run();
    const before = await ogTitle();
    // Another isolate's write: D1 changes, this isolate is not told.
    const row = await env.DB.prepare('SELECT doc FROM articles WHERE id = ?1').bind('cms-917').first<{ doc: string }>();
    const changed = { ...JSON.parse(row!.doc), headline: 'Written by another isolate' };
    await env.DB.prepare('UPDATE articles SET doc = ?2, revision = revision + 1 WHERE id = ?1').bind('cms-917', JSON.stringify(changed)).run();
    clock += (TTL_SECONDS - 1) * 1000;
    expect(await ogTitle()).toBe(before);
    clock += 2000;
    expect(await ogTitle()).toBe('Written by another isolate');
  });

  it('reads every view when the TTL is 0', async () => {
    const row = await env.DB.prepare('SELECT doc FROM articles WHERE id = ?1').bind('cms-917').first<{ doc: string }>();
    const changed = { ...JSON.parse(row!.doc), headline: 'Read every time' };
    await env.DB.prepare('UPDATE articles SET doc = ?2, revision = revision + 1 WHERE id = ?1').bind('cms-917', JSON.stringify(changed)).run();
    const { res } = await edgeFetch(url, {}, { articleCacheSeconds: 0 }, { now });
    expect(/<meta property="og:title" content="([^"]*)"/.exec(await res.text())?.[1]).toBe('Read every time');
  });
});
