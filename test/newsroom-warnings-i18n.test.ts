import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import type { CardJob } from '../src/domain/card';
import { runCardJob } from '../src/queue/render-jobs';
import { call, currentCardPath, ORIGIN, putArticle } from './helpers';

const STAFF = { authorization: 'Bearer staff-test-token' };
const JA_ID = '20260320-ja-sakura-forecast';
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

interface PreviewJson {
  warnings: { code: string; message: string }[];
  networks: { network: string; profile: { cache: { refresh: { value: string } } } }[];
}
const preview = async (id: string, init: { query?: string; headers?: Record<string, string> } = {}) => {
  const res = await call(`/api/newsroom/articles/${id}/preview?render=0${init.query ?? ''}`, { headers: { ...STAFF, ...init.headers } });
  expect(res.status).toBe(200);
  return (await res.json()) as PreviewJson;
};

beforeAll(async () => {
  expect((await putArticle(fixtureById(JA_ID))).status).toBeLessThan(300);
});

describe('the preview JSON in the UI language', () => {
  it('gives every warning a Japanese message when the UI is Japanese (?lang=ja or Accept-Language), English otherwise', async () => {
    const en = await preview(JA_ID);
    const byQuery = await preview(JA_ID, { query: '&lang=ja' });
    const byHeader = await preview(JA_ID, { headers: { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.5' } });
    expect(en.warnings.length).toBeGreaterThan(0);
    for (const w of en.warnings) expect(w.message, w.code).not.toMatch(/[\u3040-\u30ff]/);
    for (const ja of [byQuery, byHeader]) {
      expect(ja.warnings.map((w) => w.code)).toEqual(en.warnings.map((w) => w.code));
      for (const w of ja.warnings) expect(w.message, w.code).toMatch(JAPANESE);
      expect(ja.networks.find((n) => n.network === 'telegram')!.profile.cache.refresh.value).toMatch(JAPANESE);
    }
    // The page's own language wins over the browser's.
    const asked = await preview(JA_ID, { query: '&lang=en', headers: { 'accept-language': 'ja' } });
    expect(asked.warnings.map((w) => w.message)).toEqual(en.warnings.map((w) => w.message));
  });
});

describe('a stored card that fell back', () => {
  it('shows card-fallback for a published article whose render job stored the text card for good', async () => {
    const id = 'stored-fallback';
    const seed = fixtureById(SEED_ID);
    const doc = { ...seed, id, url: `https://mainichi.jp/english/articles/${id}`, image: { ...seed.image!, url: 'https://cdn.mainichi.jp/photos/gone-for-good.jpg' } };
    expect((await putArticle(doc)).status).toBe(201);
    expect((await preview(id)).warnings.map((w) => w.code)).not.toContain('card-fallback');

    const hash = new URL(await currentCardPath(id, 'og'), ORIGIN).searchParams.get('v')!;
    const job: CardJob = { type: 'render', articleId: id, variant: 'og', hash, origin: ORIGIN };
    expect(await runCardJob(job, env, { photoFetch: (async () => new Response('gone', { status: 404 })) as typeof fetch })).toBe('stored-without-photo');

    const after = await preview(id);
    const w = after.warnings.find((x) => x.code === 'card-fallback');
    expect(w).toMatchObject({ code: 'card-fallback', severity: 'error', field: 'image' });
    expect(w!.message).toContain('HTTP 404');
    const ja = (await preview(id, { query: '&lang=ja' })).warnings.find((x) => x.code === 'card-fallback')!;
    expect(ja.message).toContain('HTTP 404');
    expect(ja.message).toMatch(JAPANESE);
  });
});
