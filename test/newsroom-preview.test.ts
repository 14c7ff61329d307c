import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { articleCardPrefix } from '../src/domain/card';
import { decodeEntities, WARNING_CODES } from '../src/domain/preview';
import { call, currentCardPath, putArticle } from './helpers';

const STAFF = { authorization: 'Bearer staff-test-token' };
const JSON_STAFF = { ...STAFF, 'content-type': 'application/json' };
const TEXT_ID = '20260701-editorial-press-freedom';
const JA_ID = '20260320-ja-sakura-forecast';

interface PreviewJson {
  etag: string;
  revision: number;
  draft: boolean;
  cards: { og: { url: string; previewUrl: string } };
  networks: { network: string; mode: string; title?: { text: string; truncated: boolean; unit: string }; description?: { text: string }; image?: { url: string; previewUrl: string; crop: { aspect: number }; layout: string } }[];
  warnings: { code: string; severity: string; networks: string[]; field: string; message: string }[];
}

const doc = (id: string, patch: Record<string, unknown> = {}) => ({ ...fixtureById(TEXT_ID), id, url: `https://mainichi.jp/english/articles/${id}`, ...patch });
const preview = async (id: string, render = true) => (await (await call(`/api/newsroom/articles/${id}/preview${render ? '' : '?render=0'}`, { headers: STAFF })).json()) as PreviewJson;
const edit = (id: string, body: unknown) => call(`/api/newsroom/articles/${id}/preview`, { method: 'POST', headers: JSON_STAFF, body: JSON.stringify(body) });
const save = (id: string, body: unknown, ifMatch?: string) =>
  call(`/api/newsroom/articles/${id}/overrides`, { method: 'PUT', headers: { ...JSON_STAFF, ...(ifMatch ? { 'if-match': ifMatch } : {}) }, body: JSON.stringify(body) });
const ogTitle = async (id: string) => decodeEntities(/<meta property="og:title" content="([^"]*)"/.exec(await (await call(`/a/${id}`)).text())?.[1] ?? '');

beforeAll(async () => {
  for (const d of [fixtureById(SEED_ID), fixtureById(TEXT_ID), fixtureById(JA_ID)]) expect((await putArticle(d)).status).toBeLessThan(300);
});

describe('GET /api/newsroom/articles/:id/preview', () => {
  it('gives 14 networks with title, description, image crop and mode, and coded warnings', async () => {
    const res = await call(`/api/newsroom/articles/${SEED_ID}/preview`, { headers: STAFF });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const p = (await res.json()) as PreviewJson;
    expect(p.networks).toHaveLength(14);
    for (const n of p.networks) {
      expect(['light', 'dark']).toContain(n.mode);
      expect(n.image?.crop.aspect, n.network).toBeGreaterThan(0);
    }
    expect(p.networks.find((n) => n.network === 'facebook')!.title!.text.length).toBeGreaterThan(10);
    expect(p.networks.find((n) => n.network === 'x')!.description).toBeUndefined();
    for (const w of p.warnings) {
      expect(WARNING_CODES).toContain(w.code);
      expect(w.networks.length).toBeGreaterThan(0);
      expect(w.message.length).toBeGreaterThan(0);
    }
    expect(p.warnings.map((w) => w.code)).toContain('frozen-at-post');
  });

  it('truncates the Japanese fixture by UTF-8 bytes on Discord', async () => {
    const p = await preview(JA_ID, false);
    const discord = p.networks.find((n) => n.network === 'discord')!;
    expect(discord.title).toMatchObject({ truncated: true, unit: 'utf8-bytes' });
    expect(new TextEncoder().encode(discord.title!.text.replace(/\.\.\.$/, '')).length).toBeLessThanOrEqual(67);
  });

  it('404 for an unknown article', async () => {
    expect((await call('/api/newsroom/articles/no-such-article/preview', { headers: STAFF })).status).toBe(404);
  });
});

describe('POST /api/newsroom/articles/:id/preview', () => {
  it('previews unsaved social fields with staff-only card URLs that are never stored', async () => {
    const res = await edit(TEXT_ID, { socialHeadline: 'Draft social headline 🗞️' });
    expect(res.status).toBe(200);
    const p = (await res.json()) as PreviewJson;
    expect(p.draft).toBe(true);
    expect(p.networks.find((n) => n.network === 'facebook')!.title!.text).toBe('Draft social headline 🗞️');
    expect(p.cards.og.previewUrl).toContain('/api/newsroom/articles/');
    expect(p.cards.og.previewUrl).toContain('edits=');
    const before = (await env.CARDS!.list({ prefix: articleCardPrefix(TEXT_ID) })).objects.length;
    const card = await call(new URL(p.cards.og.previewUrl).pathname + new URL(p.cards.og.previewUrl).search, { headers: STAFF });
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toMatch(/^image\//);
    expect(card.headers.get('cache-control')).toContain('no-store');
    expect((await card.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await env.CARDS!.list({ prefix: articleCardPrefix(TEXT_ID) })).objects.length).toBe(before);
    // Nothing public changed.
    expect(await ogTitle(TEXT_ID)).not.toContain('Draft social headline');
    // Without staff credentials the card is refused.
    expect((await call(new URL(p.cards.og.previewUrl).pathname, {})).status).toBe(401);
  });

  it('400 for broken JSON, 422 for unknown fields or invalid values', async () => {
    const broken = await call(`/api/newsroom/articles/${TEXT_ID}/preview`, { method: 'POST', headers: JSON_STAFF, body: '{"socialHeadline":' });
    expect(broken.status).toBe(400);
    for (const body of [{ headline: 'not a social field' }, { label: 'lower case' }, { focalPoint: { x: 2, y: 0.5 } }, { socialHeadline: 'x'.repeat(121) }, { socialHeadline: 'lone \ud800 surrogate' }, { socialDescription: 'bell \u0007 control' }]) {
      const res = await edit(TEXT_ID, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe('saving overrides', () => {
  it('changes the public tags and card hash at once, survives a CMS PUT, and refuses stale If-Match with 412', async () => {
    const id = 'newsroom-save';
    expect((await putArticle(doc(id))).status).toBe(201);
    const cardBefore = await currentCardPath(id, 'og');
    const first = await preview(id);
    expect(first.etag).toBe('"o0"');

    expect((await save(id, { socialHeadline: 'Newsroom headline' })).status).toBe(428);
    const saved = await save(id, { socialHeadline: 'Newsroom headline', socialImageAlt: 'A card with the headline' }, first.etag);
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"o1"');
    expect(await ogTitle(id)).toBe('Newsroom headline');
    expect(await currentCardPath(id, 'og')).not.toBe(cardBefore);

    // The CMS sends its document again (with an edited body): the override stays.
    expect((await putArticle(doc(id, { description: 'A new CMS description' }))).status).toBe(200);
    expect(await ogTitle(id)).toBe('Newsroom headline');

    // A colleague still on the first version saves: 412, naming who changed what.
    const stale = await save(id, { socialHeadline: 'Colleague headline' }, first.etag);
    expect(stale.status).toBe(412);
    const body = (await stale.json()) as { detail: string; current: { updatedBy: string; revision: number }; changedFields: string[] };
    expect(body.current).toMatchObject({ updatedBy: 'script', revision: 1 });
    expect(body.changedFields).toEqual(expect.arrayContaining(['socialHeadline']));
    expect(body.detail).toContain('script');
    expect(await ogTitle(id)).toBe('Newsroom headline');

    // null removes the override: the CMS headline applies again.
    expect((await save(id, { socialHeadline: null }, '"o1"')).status).toBe(200);
    expect(await ogTitle(id)).toBe(doc(id).headline);
  });

  it('takes If-Match as RFC 9110 does: `*`, or a list naming the current tag; a weak tag never matches', async () => {
    const id = 'newsroom-if-match';
    expect((await putArticle(doc(id))).status).toBe(201);
    expect((await save(id, { socialHeadline: 'Any' }, '*')).status).toBe(200);
    expect((await save(id, { socialHeadline: 'Listed' }, '"zz", "o1"')).status).toBe(200);
    expect((await save(id, { socialHeadline: 'Weak' }, 'W/"o2"')).status).toBe(412);
    expect((await save(id, { socialHeadline: 'Stale list' }, '"o0", "o1"')).status).toBe(412);
    expect(await ogTitle(id)).toBe('Listed');
    const none = 'newsroom-if-match-none';
    expect((await putArticle(doc(none))).status).toBe(201);
    const stale = await save(none, { socialHeadline: 'x' }, '"o3"');
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { detail: string }).detail).not.toContain('removed');
  });
});

describe('fetch as each crawler', () => {
  it('requests the public page and its image through the Worker with each crawler\'s user agent', async () => {
    const res = await call(`/api/newsroom/articles/${TEXT_ID}/crawl`, { headers: STAFF });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { crawlers: { network: string; userAgent: string; page: { status: number; method: string; rangeLimited: boolean; bytesBeforeHeadEnd: number | null; tags: string[] }; image?: { status: number; type: string; width?: number; height?: number; bytes: number } }[] };
    expect(body.crawlers).toHaveLength(14);
    for (const c of body.crawlers) {
      expect(c.page.status, c.network).toBe(200);
      expect(c.page.tags).toContain('og:title');
      expect(c.page.bytesBeforeHeadEnd).toBeGreaterThan(500);
      expect(c.image, c.network).toMatchObject({ status: 200, width: 1200, height: 630 });
      expect(c.image!.type).toMatch(/^image\/(png|jpeg)$/);
    }
    const slack = body.crawlers.find((c) => c.network === 'slack')!;
    expect(slack.page).toMatchObject({ method: 'HEAD+GET', rangeLimited: true });
    expect(slack.userAgent).toContain('Slackbot');
  });

  it('shows that crawlers get 404 for an embargoed article', async () => {
    expect((await putArticle(doc('newsroom-embargoed', { embargoUntil: '2099-01-01T00:00:00Z' }))).status).toBe(201);
    const body = (await (await call('/api/newsroom/articles/newsroom-embargoed/crawl', { headers: STAFF })).json()) as { crawlers: { page: { status: number }; image?: unknown }[] };
    for (const c of body.crawlers) {
      expect(c.page.status).toBe(404);
      expect(c.image).toBeUndefined();
    }
  });
});
