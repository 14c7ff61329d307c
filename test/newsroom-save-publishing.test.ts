import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fixtureById } from '../fixtures';
import { createApp } from '../src/app';
import type { CardJob } from '../src/domain/card';
import { ORIGIN, TOKEN } from './helpers';

const TEXT_ID = '20260701-editorial-press-freedom';
const STAFF = { authorization: 'Bearer staff-test-token', 'content-type': 'application/json' };

/** An app whose render queue records what is sent, as the ingest tests observe it. */
function withQueue() {
  const sent: CardJob[] = [];
  const queue = {
    send: async (body: CardJob) => void sent.push(body),
    sendBatch: async (messages: Iterable<MessageSendRequest<CardJob>>) => {
      for (const m of messages) sent.push(m.body);
    },
  } as unknown as Queue<CardJob>;
  const testEnv = { ...env, RENDER_QUEUE: queue } as Env;
  const app = createApp();
  const request = async (path: string, init: RequestInit = {}) => {
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(new URL(path, ORIGIN), init), testEnv, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  };
  const ingest = (doc: { id: string }) => request(`/api/articles/${doc.id}`, { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(doc) });
  const save = (id: string, body: unknown, ifMatch: string) => request(`/api/newsroom/articles/${id}/overrides`, { method: 'PUT', headers: { ...STAFF, 'if-match': ifMatch }, body: JSON.stringify(body) });
  const cardHash = async (id: string, variant: string) => {
    const res = await request(`/card/${id}/${variant}.png`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location')!).searchParams.get('v');
  };
  return { sent, request, ingest, save, cardHash };
}

const doc = (id: string, patch: Record<string, unknown> = {}) => ({ ...fixtureById(TEXT_ID), id, url: `https://mainichi.jp/english/articles/${id}`, ...patch });

describe('saving newsroom overrides queues the new cards', () => {
  it('queues a render of every variant whose hash the save changed, at the hash the public card now has', async () => {
    const q = withQueue();
    expect((await q.ingest(doc('save-jobs'))).status).toBe(201);
    const before = { og: await q.cardHash('save-jobs', 'og'), square: await q.cardHash('save-jobs', 'square') };
    q.sent.length = 0;
    expect((await q.save('save-jobs', { socialHeadline: 'A sharper social headline' }, '"o0"')).status).toBe(200);
    const after = { og: await q.cardHash('save-jobs', 'og'), square: await q.cardHash('save-jobs', 'square') };
    expect(after.og).not.toBe(before.og);
    expect(q.sent).toEqual([
      { type: 'render', articleId: 'save-jobs', variant: 'og', hash: after.og, origin: ORIGIN },
      { type: 'render', articleId: 'save-jobs', variant: 'square', hash: after.square, origin: ORIGIN },
    ]);

    // A save that changes nothing a card draws (the alt text) queues nothing.
    q.sent.length = 0;
    expect((await q.save('save-jobs', { socialImageAlt: 'Alt text only' }, '"o1"')).status).toBe(200);
    expect(q.sent).toEqual([]);
  });

  it('queues for an embargoed article (warm when the embargo lifts), never for a draft', async () => {
    const q = withQueue();
    const embargoUntil = new Date(Date.now() + 86_400_000).toISOString();
    expect((await q.ingest(doc('save-jobs-embargo', { embargoUntil }))).status).toBe(201);
    expect((await q.ingest(doc('save-jobs-draft', { status: 'draft' }))).status).toBe(201);
    q.sent.length = 0;
    expect((await q.save('save-jobs-embargo', { socialHeadline: 'Embargoed social headline' }, '"o0"')).status).toBe(200);
    expect(q.sent.map((j) => [j.type, j.articleId])).toEqual([['render', 'save-jobs-embargo'], ['render', 'save-jobs-embargo']]);
    q.sent.length = 0;
    expect((await q.save('save-jobs-draft', { socialHeadline: 'Draft social headline' }, '"o0"')).status).toBe(200);
    expect(q.sent).toEqual([]);
  });
});

describe('the ingest API answers the CMS its own document', () => {
  it('GET, list and PUT give the CMS document without the overrides; a round trip keeps them apart', async () => {
    const q = withQueue();
    const id = 'cms-own-doc';
    const original = doc(id);
    expect((await q.ingest(original)).status).toBe(201);
    expect((await q.save(id, { socialHeadline: 'Newsroom-only headline', label: 'ANALYSIS' }, '"o0"')).status).toBe(200);

    const got = await q.request(`/api/articles/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('link')).toContain(`/api/newsroom/articles/${id}/overrides`);
    const body = (await got.json()) as Record<string, unknown>;
    expect(body.socialHeadline).toBeUndefined();
    expect(body.label).toBe('OPINION');

    const list = (await (await q.request('/api/articles?limit=100', { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { items: Record<string, unknown>[] };
    expect(list.items.find((a) => a.id === id)?.socialHeadline).not.toBe('Newsroom-only headline');

    // Read-modify-write: the CMS sends back what it read with one change; the PUT answers its document too.
    const { revision: _r, createdAt: _c, updatedAt: _u, ...cmsDoc } = body;
    const put = await q.ingest({ ...cmsDoc, id, description: 'Edited in the CMS' } as { id: string });
    expect(put.status).toBe(200);
    const putBody = (await put.json()) as Record<string, unknown>;
    expect(putBody.socialHeadline).toBeUndefined();
    expect(putBody.label).toBe('OPINION');
    expect(putBody.description).toBe('Edited in the CMS');

    // The override is still the newsroom's, and still what the public page shows.
    const overrides = (await (await q.request(`/api/newsroom/articles/${id}/overrides`, { headers: STAFF })).json()) as { overrides: Record<string, unknown> };
    expect(overrides.overrides).toMatchObject({ socialHeadline: 'Newsroom-only headline', label: 'ANALYSIS' });
    const page = await (await q.request(`/a/${id}`)).text();
    expect(page).toContain('content="Newsroom-only headline"');
    // Removing the override brings back the CMS's own value, not one baked in by the round trip.
    expect((await q.save(id, { socialHeadline: null, label: null }, '"o1"')).status).toBe(200);
    expect(await (await q.request(`/a/${id}`)).text()).not.toContain('Newsroom-only headline');
  });
});
