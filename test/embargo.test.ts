import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fixtureById } from '../fixtures';
import { createApp } from '../src/app';
import { articleCardPrefix, type CardJob } from '../src/domain/card';
import { isVisibleTo, articleSchema } from '../src/domain/article';
import { runCardJob } from '../src/queue/render-jobs';
import { authed, call, ORIGIN, putArticle, TOKEN } from './helpers';

const TEXT_ID = '20260701-editorial-press-freedom';
const FUTURE = '2099-01-01T09:00:00+09:00';
const PAST = '2001-01-01T00:00:00Z';
const doc = (id: string, patch: Record<string, unknown> = {}) => ({
  ...fixtureById(TEXT_ID), id, url: `https://mainichi.jp/english/articles/${id}`, ...patch,
});
const staff = { authorization: 'Bearer staff-test-token' };

/** Every public route that could show an article, by id. */
const publicPaths = (id: string) => [
  `/a/${id}`,
  `/embed/${id}`,
  `/api/articles/${id}/meta`,
  `/api/articles/${id}/share`,
  `/share-bar/${id}`,
  `/oembed?url=${encodeURIComponent(`https://mainichi.jp/english/articles/${id}`)}`,
  `/s/x/${id}`,
];

describe('embargo', () => {
  it('normalises embargoUntil to UTC and the policy hides it until then (staff and pre-render see it)', () => {
    const a = articleSchema.parse(doc('embargo-unit', { embargoUntil: '2030-05-01T09:00:00+09:00' }));
    expect(a.embargoUntil).toBe('2030-05-01T00:00:00.000Z');
    expect(isVisibleTo(a, 'public', new Date('2030-04-30T23:59:59Z'))).toBe(false);
    expect(isVisibleTo(a, 'public', new Date('2030-05-01T00:00:00Z'))).toBe(true);
    expect(isVisibleTo(a, 'staff', new Date('2020-01-01T00:00:00Z'))).toBe(true);
    expect(isVisibleTo(a, 'prerender', new Date('2020-01-01T00:00:00Z'))).toBe(true);
    expect(isVisibleTo({ ...a, status: 'draft' }, 'prerender', new Date('2031-01-01T00:00:00Z'))).toBe(false);
  });

  it('is invisible on every public route, cards and the home page included, and visible in the newsroom', async () => {
    expect((await putArticle(doc('embargo-future', { embargoUntil: FUTURE, headline: 'Embargoed scoop headline' }))).status).toBe(201);
    for (const path of publicPaths('embargo-future')) {
      const res = await call(path, { redirect: 'manual' });
      expect(res.status, path).toBe(404);
    }
    const card = await call('/card/embargo-future/og.png', { redirect: 'manual' });
    expect(card.status).toBe(200);
    expect(card.headers.get('x-card-template')).toBe('default');
    expect(await (await call('/')).text()).not.toContain('Embargoed scoop headline');
    const list = (await (await call('/api/newsroom/articles?q=embargoed%20scoop', { headers: staff })).json()) as { items: { id: string; embargoed: boolean }[] };
    expect(list.items).toEqual([expect.objectContaining({ id: 'embargo-future', embargoed: true })]);
    // The CMS still reads it.
    expect((await authed('/api/articles/embargo-future')).status).toBe(200);
  });

  it('is visible everywhere once the embargo has passed', async () => {
    expect((await putArticle(doc('embargo-past', { embargoUntil: PAST, headline: 'Lifted embargo headline' }))).status).toBe(201);
    for (const path of publicPaths('embargo-past')) {
      const res = await call(path, { redirect: 'manual' });
      expect(res.status, path).toBeLessThan(400);
    }
    expect((await call('/card/embargo-past/og.png', { redirect: 'manual' })).status).toBe(302);
    expect(await (await call('/')).text()).toContain('Lifted embargo headline');
  });

  it('pre-renders the cards of an embargoed article into R2 at ingest', async () => {
    const sent: CardJob[] = [];
    const queue = { sendBatch: async (m: Iterable<MessageSendRequest<CardJob>>) => { for (const x of m) sent.push(x.body); } } as unknown as Queue<CardJob>;
    const testEnv = { ...env, RENDER_QUEUE: queue } as Env;
    const res = await createApp().fetch(
      new Request(`${ORIGIN}/api/articles/embargo-warm`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(doc('embargo-warm', { embargoUntil: FUTURE })),
      }),
      testEnv,
      createExecutionContext(),
    );
    expect(res.status).toBe(201);
    expect(sent.map((j) => j.type)).toEqual(['render', 'render']);
    for (const job of sent) expect(await runCardJob(job, env)).toBe('stored');
    expect((await env.CARDS!.list({ prefix: articleCardPrefix('embargo-warm') })).objects).toHaveLength(2);
  });
});
