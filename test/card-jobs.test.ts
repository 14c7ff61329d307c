import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { createApp } from '../src/app';
import { articleCardPrefix, type CardJob } from '../src/domain/card';
import { consumeCardJobs, runCardJob } from '../src/queue/render-jobs';
import { currentCardPath, loadFixtures, ORIGIN, TOKEN } from './helpers';

const TEXT_ID = '20260701-editorial-press-freedom';
beforeAll(loadFixtures);

/** An app whose render queue records what is sent (or refuses, to test that writes survive). */
function withQueue(refuse = false) {
  const sent: CardJob[] = [];
  const queue = {
    send: async (body: CardJob) => void sent.push(body),
    sendBatch: async (messages: Iterable<MessageSendRequest<CardJob>>) => {
      if (refuse) throw new Error('queue unavailable');
      for (const m of messages) sent.push(m.body);
    },
  } as unknown as Queue<CardJob>;
  const testEnv = { ...env, RENDER_QUEUE: queue } as Env;
  const app = createApp();
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${TOKEN}`);
    if (init.body) headers.set('content-type', 'application/json');
    return app.fetch(new Request(new URL(path, ORIGIN), { ...init, headers }), testEnv, createExecutionContext());
  };
  const put = (doc: { id: string }) => request(`/api/articles/${doc.id}`, { method: 'PUT', body: JSON.stringify(doc) });
  return { sent, put, request, env: testEnv };
}

const article = (id: string, patch: Record<string, unknown> = {}) => ({
  ...fixtureById(TEXT_ID), id, url: `https://mainichi.jp/english/articles/${id}`, ...patch,
});

const hashOf = (path: string) => new URL(path, ORIGIN).searchParams.get('v');
const r2Keys = async (id: string) => (await env.CARDS!.list({ prefix: articleCardPrefix(id) })).objects.map((o) => o.key).sort();

describe('pre-render jobs on ingest', () => {
  it('queues every variant of a new published article at its current hash', async () => {
    const q = withQueue();
    expect((await q.put(article('jobs-new'))).status).toBe(201);
    const og = hashOf(await currentCardPath('jobs-new', 'og'));
    const square = hashOf(await currentCardPath('jobs-new', 'square'));
    expect(q.sent).toEqual([
      { type: 'render', articleId: 'jobs-new', variant: 'og', hash: og, origin: ORIGIN },
      { type: 'render', articleId: 'jobs-new', variant: 'square', hash: square, origin: ORIGIN },
    ]);
  });

  it('queues nothing when the cards did not change, and renders when the headline did', async () => {
    const q = withQueue();
    await q.put(article('jobs-edit'));
    q.sent.length = 0;
    await q.put(article('jobs-edit'));
    await q.put(article('jobs-edit', { body: ['Only the body changed.'] }));
    expect(q.sent).toEqual([]);
    await q.put(article('jobs-edit', { headline: 'A new headline' }));
    expect(q.sent.map((j) => [j.type, 'variant' in j && j.variant])).toEqual([['render', 'og'], ['render', 'square']]);
  });

  it('queues a purge when an article is unpublished or deleted, and none for drafts', async () => {
    const q = withQueue();
    await q.put(article('jobs-purge'));
    q.sent.length = 0;
    await q.put(article('jobs-purge', { status: 'draft' }));
    expect(q.sent).toEqual([{ type: 'purge', articleId: 'jobs-purge' }]);
    q.sent.length = 0;
    await q.put(article('jobs-draft', { status: 'draft' }));
    expect(q.sent).toEqual([]);
    expect((await q.request('/api/articles/jobs-purge', { method: 'DELETE' })).status).toBe(204);
    expect(q.sent).toEqual([{ type: 'purge', articleId: 'jobs-purge' }]);
  });

  it('keeps the article write when the queue refuses the jobs', async () => {
    const q = withQueue(true);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await q.put(article('jobs-refused'))).status).toBe(201);
    expect((await q.request('/api/articles/jobs-refused')).status).toBe(200);
    expect(JSON.parse(String(warn.mock.calls.at(-1)![0]))).toMatchObject({ event: 'card-jobs-not-queued', ids: ['jobs-refused'] });
    warn.mockRestore();
  });
});

describe('the queue consumer', () => {
  it('stores published cards in R2 before any crawler asks, so the first request is an R2 hit', async () => {
    const q = withQueue();
    await q.put(article('consumer-warm'));
    expect(await r2Keys('consumer-warm')).toEqual([]);
    for (const job of q.sent) expect(await runCardJob(job, env)).toBe('stored');
    const og = await currentCardPath('consumer-warm', 'og');
    const square = await currentCardPath('consumer-warm', 'square');
    expect(await r2Keys('consumer-warm')).toEqual([
      `cards/consumer-warm/og-${hashOf(og)}.png`,
      `cards/consumer-warm/square-${hashOf(square)}.png`,
    ]);
    for (const job of q.sent) expect(await runCardJob(job, env)).toBe('exists');
    await caches.default.delete(ORIGIN + og);
    const res = await createApp().fetch(new Request(ORIGIN + og), env, createExecutionContext());
    expect(res.headers.get('x-card-source')).toBe('r2');
  });

  it('skips jobs for a hash that is no longer current and prunes the old cards after an edit', async () => {
    const q = withQueue();
    await q.put(article('consumer-edit'));
    const oldJobs = [...q.sent];
    for (const job of oldJobs) await runCardJob(job, env);
    q.sent.length = 0;
    await q.put(article('consumer-edit', { headline: 'Edited for the consumer' }));
    for (const job of oldJobs) expect(await runCardJob(job, env)).toBe('stale');
    for (const job of q.sent) expect(await runCardJob(job, env)).toBe('stored');
    const keys = await r2Keys('consumer-edit');
    expect(keys).toEqual([
      `cards/consumer-edit/og-${hashOf(await currentCardPath('consumer-edit', 'og'))}.png`,
      `cards/consumer-edit/square-${hashOf(await currentCardPath('consumer-edit', 'square'))}.png`,
    ]);
  });

  it("renders a photo card whose photo this service serves, from the origin the article came through", async () => {
    const q = withQueue();
    const seed = fixtureById(SEED_ID);
    const doc = { ...seed, id: 'consumer-photo', url: 'https://mainichi.jp/english/articles/consumer-photo', image: { ...seed.image!, url: `${ORIGIN}/photos/dandong-customs.jpg` } };
    expect((await q.put(doc)).status).toBe(201);
    expect(q.sent.every((j) => j.type === 'render' && j.origin === ORIGIN)).toBe(true);
    for (const job of q.sent) expect(await runCardJob(job, env)).toBe('stored');
    const keys = await r2Keys('consumer-photo');
    expect(keys.length).toBe(2);
    const og = await env.CARDS!.head(keys.find((k) => k.includes('/og-'))!);
    expect(og?.customMetadata?.template).toBe('photo');
  });

  it('removes the cards of an unpublished article', async () => {
    const q = withQueue();
    await q.put(article('consumer-gone'));
    for (const job of q.sent) await runCardJob(job, env);
    expect((await r2Keys('consumer-gone')).length).toBe(2);
    q.sent.length = 0;
    await q.put(article('consumer-gone', { status: 'draft' }));
    for (const job of q.sent) expect(await runCardJob(job, env)).toBe('purged');
    expect(await r2Keys('consumer-gone')).toEqual([]);
  });

  it('acknowledges done jobs and retries failed ones', async () => {
    const q = withQueue();
    await q.put(article('consumer-batch'));
    const [good] = q.sent;
    const failing: CardJob = { type: 'render', articleId: SEED_ID, variant: 'og', hash: hashOf(await currentCardPath(SEED_ID, 'og'))!, origin: ORIGIN };
    // R2 refusing writes: the job must come back.
    const failingBucket = { head: async () => null, put: async () => { throw new Error('R2 unavailable'); }, list: env.CARDS!.list.bind(env.CARDS), delete: env.CARDS!.delete.bind(env.CARDS) };
    const brokenEnv = { ...env, CARDS: failingBucket } as unknown as Env;
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const batch = createMessageBatch<CardJob>('presscard-render', [
      { id: 'm1', timestamp: new Date(), attempts: 1, body: good! },
    ]);
    const ctx = createExecutionContext();
    await consumeCardJobs(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(['m1']);
    expect(result.retryMessages).toEqual([]);

    const failBatch = createMessageBatch<CardJob>('presscard-render', [{ id: 'm2', timestamp: new Date(), attempts: 2, body: failing }]);
    const ctx2 = createExecutionContext();
    await consumeCardJobs(failBatch, brokenEnv);
    const failed = await getQueueResult(failBatch, ctx2);
    expect(failed.explicitAcks).toEqual([]);
    expect(failed.retryMessages.map((m) => m.msgId)).toEqual(['m2']);
    vi.restoreAllMocks();
  });
});
