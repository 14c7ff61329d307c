import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createD1ArticleStore } from '../../src/adapters/d1-article-store';
import { articleSchema } from '../../src/domain/article';

const article = (over: Record<string, unknown>) =>
  articleSchema.parse({
    id: 'store-x', url: 'https://mainichi.jp/english/articles/20990301/p2a/00m/0na/001000c', lang: 'en', headline: 'Headline',
    description: 'Description', section: 'News', publishedAt: '2099-03-01T00:00:00Z', status: 'published', ...over,
  });

describe('article store: extracted articles', () => {
  const store = createD1ArticleStore(env.DB);

  it('stores an extracted article with its source and provenance, and updates it only when it changed', async () => {
    const a = article({ id: 'x-store-1', url: 'https://mainichi.jp/english/articles/20990301/p2a/00m/0na/101000c' });
    expect(await store.saveExtracted(a, { headline: 'og' })).toBe(true);
    expect(await store.saveExtracted(a, { headline: 'og' })).toBe(false);
    expect(await store.saveExtracted({ ...a, headline: 'Changed' }, { headline: 'json-ld' })).toBe(true);
    const stored = await store.get('x-store-1');
    expect(stored).toMatchObject({ source: 'extracted', provenance: { headline: 'json-ld' }, revision: 2 });
    expect(stored?.article.headline).toBe('Changed');
  });

  it('never overwrites a CMS article, by URL or by id', async () => {
    const url = 'https://mainichi.jp/english/articles/20990301/p2a/00m/0na/102000c';
    await store.upsert(article({ id: 'cms-store-2', url, headline: 'CMS' }));
    expect(await store.saveExtracted(article({ id: 'x-store-2', url: url + '/', headline: 'Extracted' }), {})).toBe(false);
    expect(await store.saveExtracted(article({ id: 'cms-store-2', url: url.replace('102000c', '103000c'), headline: 'Extracted' }), {})).toBe(false);
    expect((await store.getByUrl(url))?.article.headline).toBe('CMS');
    expect((await store.get('cms-store-2'))?.article.headline).toBe('CMS');
    expect(await store.get('x-store-2')).toBeUndefined();
  });

  it('turns an extracted article into the CMS\'s own when the CMS pushes the same document', async () => {
    const a = article({ id: 'x-store-4', url: 'https://mainichi.jp/english/articles/20990301/p2a/00m/0na/104000c' });
    await store.saveExtracted(a, { headline: 'og' });
    const result = await store.upsert(a);
    expect(result.changed).toBe(true);
    const stored = await store.get('x-store-4');
    expect(stored?.source).toBe('cms');
    expect(stored?.provenance).toBeUndefined();
    expect(await store.saveExtracted({ ...a, headline: 'Again' }, {})).toBe(false);
  });
});
