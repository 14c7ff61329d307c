import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureById, fixtures, SEED_ID } from '../fixtures';
import { type Article, articleSchema, InvalidCursorError } from '../src/domain/article';
import { createD1ArticleStore } from '../src/adapters/d1-article-store';

const article = (id: string, patch: Partial<Article> = {}): Article =>
  articleSchema.parse({ ...fixtureById(SEED_ID), id, url: `https://mainichi.jp/english/articles/${id}`, ...patch });

let clock = 0;
const store = createD1ArticleStore(env.DB, () => new Date(Date.UTC(2026, 0, 1) + clock++ * 1000));

beforeEach(async () => {
  await env.DB.prepare('DELETE FROM articles').run();
});

describe('D1 article store', () => {
  it('creates, reads back and counts revisions only for real changes', async () => {
    const a = article('store-a');
    const first = await store.upsert(a);
    expect(first).toMatchObject({ created: true, changed: true });
    expect(first.stored.revision).toBe(1);

    const same = await store.upsert(a);
    expect(same).toMatchObject({ created: false, changed: false });
    expect(same.stored.revision).toBe(1);

    const edited = await store.upsert({ ...a, headline: 'Edited headline' });
    expect(edited).toMatchObject({ created: false, changed: true });
    expect(edited.stored.revision).toBe(2);
    expect(edited.stored.createdAt).toBe(first.stored.createdAt);
    expect(edited.stored.updatedAt > first.stored.updatedAt).toBe(true);

    const read = await store.get('store-a');
    expect(read?.article.headline).toBe('Edited headline');
    expect(read?.revision).toBe(2);
  });

  it('finds an article by any spelling of its canonical URL', async () => {
    await store.upsert(article('store-url'));
    const url = 'https://mainichi.jp/english/articles/store-url';
    for (const spelling of [url, url.replace('https:', 'http:'), `${url}/`, `${url}?ref=x#top`]) {
      expect((await store.getByUrl(spelling))?.article.id, spelling).toBe('store-url');
    }
    expect(await store.getByUrl('https://mainichi.jp/english/articles/other')).toBeUndefined();
    expect(await store.getByUrl('nonsense')).toBeUndefined();
  });

  it('deletes and reports what it deleted', async () => {
    await store.upsert(article('store-del'));
    expect((await store.delete('store-del'))?.article.id).toBe('store-del');
    expect(await store.get('store-del')).toBeUndefined();
    expect(await store.delete('store-del')).toBeUndefined();
  });

  it('pages newest first with a cursor, visiting every article once', async () => {
    await store.upsertMany(fixtures.map((f) => articleSchema.parse(f)));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list({ limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.article.id));
      cursor = page.nextCursor;
    } while (cursor);
    const expected = [...fixtures]
      .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
      .map((f) => f.id);
    expect(seen).toEqual(expected);
  });

  it('lists only published articles when asked', async () => {
    await store.upsertMany(fixtures.map((f) => articleSchema.parse(f)));
    const page = await store.list({ limit: 100, publishedOnly: true });
    expect(page.items.every((i) => i.article.status === 'published')).toBe(true);
    expect(page.items.length).toBe(fixtures.filter((f) => f.status === 'published').length);
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(store.list({ limit: 2, cursor: 'garbage' })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('writes a batch in one transaction: a failing statement leaves nothing behind', async () => {
    await store.upsert(article('batch-keep', { headline: 'Original' }));
    // Force a failure inside the transaction: a CHECK constraint on status.
    const good = article('batch-new');
    const bad = { ...article('batch-bad'), status: 'withdrawn' } as unknown as Article;
    await expect(store.upsertMany([{ ...article('batch-keep'), headline: 'Changed' }, good, bad])).rejects.toThrow();
    expect((await store.get('batch-keep'))?.article.headline).toBe('Original');
    expect(await store.get('batch-new')).toBeUndefined();
  });
});
