import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../../fixtures';
import { extractedArticleId } from '../../src/domain/extraction';
import { authed, putArticle } from '../helpers';

const PAGE = 'https://mainichi.jp/english/articles/20990401/p2a/00m/0na/201000c';
const doc = (id: string, url: string) => ({ ...fixtureById(SEED_ID), id, url, headline: `Pushed as ${id}` });
const pointers = async (res: Response) => ((await res.json()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer);

describe('the extracted-article id namespace at ingest', () => {
  const id = extractedArticleId(PAGE);

  it('refuses a push under an extracted id with another URL (it would take over that page), in a PUT and a batch', async () => {
    const res = await putArticle(doc(id, 'https://mainichi.jp/english/articles/20990401/p2a/00m/0na/999000c'));
    expect(res.status).toBe(422);
    expect(await pointers(res)).toEqual(['/id']);
    const batch = await authed('/api/articles/batch', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify([doc('batch-ok-1', 'https://mainichi.jp/english/articles/20990401/p2a/00m/0na/202000c'), doc(id, 'https://mainichi.jp/english/articles/20990401/p2a/00m/0na/998000c')]),
    });
    expect(batch.status).toBe(422);
    expect(await pointers(batch)).toEqual(['/1/id']);
    expect((await authed(`/api/articles/${id}`)).status).toBe(404);
    expect((await authed('/api/articles/batch-ok-1')).status).toBe(404);
  });

  it('accepts a push under the extracted id of its own URL (the CMS taking the article over)', async () => {
    const res = await putArticle(doc(id, PAGE));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { url: string }).url).toBe(PAGE);
  });
});
