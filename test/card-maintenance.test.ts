import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { createApp } from '../src/app';
import worker from '../src/index';
import { articleCardPrefix, type CardJob } from '../src/domain/card';
import { consumeCardJobs, runCardJob } from '../src/queue/render-jobs';
import { sweepStoredCards } from '../src/scheduled/sweep-cards';
import { currentCardPath, loadFixtures, ORIGIN, TOKEN } from './helpers';

const TEXT_ID = '20260701-editorial-press-freedom';
beforeAll(loadFixtures);

const keysOf = async (id: string) => (await env.CARDS!.list({ prefix: articleCardPrefix(id) })).objects.map((o) => o.key).sort();
const hashOf = (path: string) => new URL(path, ORIGIN).searchParams.get('v')!;
const app = createApp();
async function request(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${TOKEN}`);
  if (init.body) headers.set('content-type', 'application/json');
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(new URL(path, ORIGIN), { ...init, headers }), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}
const put = (doc: { id: string }) => request(`/api/articles/${doc.id}`, { method: 'PUT', body: JSON.stringify(doc) });
const article = (id: string, patch: Record<string, unknown> = {}) => ({ ...fixtureById(TEXT_ID), id, url: `https://mainichi.jp/english/articles/${id}`, ...patch });
const renderJob = async (id: string, variant: 'og' | 'square'): Promise<CardJob> => ({ type: 'render', articleId: id, variant, hash: hashOf(await currentCardPath(id, variant)), origin: ORIGIN });

describe('the clean-up sweep (Cron Trigger)', () => {
  it('removes cards of deleted articles and of old hashes, keeps current ones, in bounded batches', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await put(article('sweep-kept'));
    for (const v of ['og', 'square'] as const) await runCardJob(await renderJob('sweep-kept', v), env);
    const kept = await keysOf('sweep-kept');
    // Left behind by hand: a card at an old hash, and cards of an article that no longer exists.
    await env.CARDS!.put('cards/sweep-kept/og-00000000000000000000.png', new Uint8Array([1]));
    await env.CARDS!.put('cards/sweep-gone/og-11111111111111111111.png', new Uint8Array([1]));
    await env.CARDS!.put('cards/sweep-gone/square-11111111111111111111.png', new Uint8Array([1]));

    // Pages of two keys, one page per run: several runs, each bounded, together cover the bucket.
    const reports = [];
    for (let run = 0; run < 50; run++) {
      const report = (await sweepStoredCards(env, { pageSize: 2, maxPages: 1 }))!;
      expect(report.scanned).toBeLessThanOrEqual(2);
      reports.push(report);
      if (report.complete) break;
    }
    expect(reports.at(-1)!.complete).toBe(true);
    expect(await keysOf('sweep-kept')).toEqual(kept);
    expect(await keysOf('sweep-gone')).toEqual([]);
    const removed = reports.reduce<Record<string, number>>((all, r) => {
      for (const [id, n] of Object.entries(r.removedByArticle)) all[id] = (all[id] ?? 0) + n;
      return all;
    }, {});
    expect(removed['sweep-gone']).toBe(2);
    expect(removed['sweep-kept']).toBe(1);
    vi.restoreAllMocks();
  });

  it('runs as the Worker scheduled handler and reports what it removed', async () => {
    await env.CARDS!.put('cards/sweep-cron/og-22222222222222222222.png', new Uint8Array([1]));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await worker.scheduled(createScheduledController({ cron: '17 * * * *' }), env);
    const lines = log.mock.calls.map((c) => JSON.parse(String(c[0]))).filter((l) => l.event === 'cards-swept');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ event: 'cards-swept', scanned: expect.any(Number), removed: expect.any(Number) });
    expect(await keysOf('sweep-cron')).toEqual([]);
    log.mockRestore();
  });
});

describe('render jobs retry only what can heal', () => {
  const photoArticle = (id: string, photo: string) => ({ ...fixtureById(SEED_ID), id, url: `https://mainichi.jp/english/articles/${id}`, image: { ...fixtureById(SEED_ID).image!, url: photo } });

  it('a photo that can never be drawn: the text card is stored, the job acknowledged, the reason kept', async () => {
    expect((await put(photoArticle('final-404', 'https://cdn.mainichi.jp/photos/gone.jpg'))).status).toBe(201);
    const job = await renderJob('final-404', 'og');
    const photoFetch = (async () => new Response('gone', { status: 404 })) as typeof fetch;
    expect(await runCardJob(job, env, { photoFetch })).toBe('stored-without-photo');
    const [key] = await keysOf('final-404');
    const head = await env.CARDS!.head(key!);
    expect(head?.customMetadata).toMatchObject({ template: 'text', photoFallback: 'http-404' });
  });

  it('a photo host answering 503: the job is retried, nothing stored', async () => {
    expect((await put(photoArticle('heal-503', 'https://cdn.mainichi.jp/photos/busy.jpg'))).status).toBe(201);
    const job = await renderJob('heal-503', 'og');
    await expect(runCardJob(job, env, { photoFetch: (async () => new Response('busy', { status: 503 })) as typeof fetch })).rejects.toThrow(/retrying later/);
    expect(await keysOf('heal-503')).toEqual([]);
  });

  it('the consumer acknowledges a final outcome instead of retrying it', async () => {
    expect((await put(photoArticle('final-host', 'http://localhost:8787/photos/no-such-photo.jpg'))).status).toBe(201);
    const job = await renderJob('final-host', 'og');
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const batch = createMessageBatch<CardJob>('presscard-render', [{ id: 'f1', timestamp: new Date(), attempts: 1, body: job }]);
    const ctx = createExecutionContext();
    await consumeCardJobs(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(['f1']);
    expect(result.retryMessages).toEqual([]);
    vi.restoreAllMocks();
  });

  it('a render that finishes after its article was deleted leaves nothing behind', async () => {
    await put(article('deleted-midway'));
    const job = await renderJob('deleted-midway', 'og');
    // The article is deleted while the card renders.
    const renderCard: typeof import('../src/render/render-card').renderCard = async (input, deps, options) => {
      const { renderCard: real } = await import('../src/render/render-card');
      const card = await real(input, deps, options);
      await env.DB.prepare('DELETE FROM articles WHERE id = ?').bind('deleted-midway').run();
      return card;
    };
    expect(await runCardJob(job, env, { renderCard })).toBe('withdrawn');
    expect(await keysOf('deleted-midway')).toEqual([]);
  });
});

describe('ingest refuses a photo the card could never show', () => {
  it('answers 422 naming /image/url for a host outside IMAGE_HOSTS, in a PUT and in a batch', async () => {
    const res = await put({ ...article('bad-photo-host'), image: { url: 'https://photos.example.com/a.jpg', alt: 'x', width: 10, height: 10 } } as never);
    expect(res.status).toBe(422);
    expect((await res.json() as { errors: Array<{ pointer: string }> }).errors.map((e) => e.pointer)).toEqual(['/image/url']);
    const batch = await request('/api/articles/batch', {
      method: 'POST',
      body: JSON.stringify([article('bad-photo-batch-0'), { ...article('bad-photo-batch-1'), image: { url: 'https://photos.example.com/a.jpg', alt: 'x', width: 10, height: 10 } }]),
    });
    expect(batch.status).toBe(422);
    expect((await batch.json() as { errors: Array<{ pointer: string }> }).errors.map((e) => e.pointer)).toEqual(['/1/image/url']);
    expect(await env.DB.prepare("SELECT id FROM articles WHERE id LIKE 'bad-photo-%'").all()).toMatchObject({ results: [] });
  });

  it('answers 422 naming /image/url for a photo URL with userinfo, even on an allowed host or under /photos/', async () => {
    for (const url of ['https://user:pw@cdn.mainichi.jp/a.jpg', 'http://user:pw@localhost:8787/photos/dandong-customs.jpg']) {
      const res = await put({ ...article('bad-photo-userinfo'), image: { url, alt: 'x', width: 10, height: 10 } } as never);
      expect(res.status, url).toBe(422);
      const errors = (await res.json() as { errors: Array<{ pointer: string; detail: string }> }).errors;
      expect(errors.map((e) => e.pointer)).toEqual(['/image/url']);
      expect(errors[0]!.detail).toContain('user name or password');
    }
    expect(await env.DB.prepare("SELECT id FROM articles WHERE id = 'bad-photo-userinfo'").all()).toMatchObject({ results: [] });
  });
});
