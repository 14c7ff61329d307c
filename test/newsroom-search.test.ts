import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { call, putArticle } from './helpers';

const STAFF = { authorization: 'Bearer staff-test-token' };

const ids = async (q: string) =>
  ((await (await call(`/api/newsroom/articles?q=${encodeURIComponent(q)}`, { headers: STAFF })).json()) as { items: { id: string }[] }).items.map((i) => i.id);

describe('newsroom search', () => {
  it('finds an NFC-stored headline from a decomposed (NFD) query, as from an NFC one', async () => {
    const id = 'search-cafe-nfc';
    const res = await putArticle({ ...fixtureById(SEED_ID), id, url: `https://mainichi.jp/english/articles/${id}`, headline: 'Tokyo café owners brace for the tourist season' });
    expect(res.status).toBe(201);
    const nfc = 'caf\u00e9 owners';
    const nfd = 'cafe\u0301 owners';
    expect(nfd).not.toBe(nfc);
    expect(await ids(nfc)).toEqual([id]);
    expect(await ids(nfd)).toEqual([id]);
  });
});
