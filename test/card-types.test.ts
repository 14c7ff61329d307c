import { env } from 'cloudflare:workers';
import { imageSize } from 'image-size';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { createApp } from '../src/app';
import type { renderCard } from '../src/render/render-card';
import { call, loadFixtures, ORIGIN, putArticle } from './helpers';

// Issue 10, item 6: whatever a card falls back to, its bytes, Content-Type, URL extension,
// og:image:type and the oEmbed thumbnail agree.

beforeAll(loadFixtures);
afterEach(() => vi.restoreAllMocks());

const EXTENSION_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg' };

/** Fetches an image URL and checks that its bytes, Content-Type and extension say the same thing. */
async function expectAgreeing(app: ReturnType<typeof createApp> | undefined, url: string, announced?: string) {
  const res = app ? await app.request(url, {}, env) : await call(url);
  expect(res.status, url).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const sniffed = imageSize(bytes).type;
  const extension = /\.(png|jpg)(\?|$)/.exec(new URL(url).pathname)![1]!;
  expect(res.headers.get('content-type'), url).toBe(EXTENSION_TYPES[extension]);
  expect(sniffed, url).toBe(extension);
  if (announced) expect(announced, url).toBe(EXTENSION_TYPES[extension]);
  return { res, bytes };
}

const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

describe('a photo URL that answers 404', () => {
  const photoGone = () => createApp({ photoFetch: (async () => new Response('not found', { status: 404 })) as typeof fetch });

  it('og card: bytes, Content-Type, URL extension and og:image:type all say JPEG', async () => {
    const doc = { ...fixtureById(SEED_ID), id: 'types-photo-404' };
    doc.image = { ...doc.image!, url: 'https://cdn.mainichi.jp/photos/types-gone.jpg' };
    expect((await putArticle(doc)).status).toBe(201);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const app = photoGone();
    const html = await (await app.request(`${ORIGIN}/a/types-photo-404`, {}, env)).text();
    const ogImage = meta(html, 'og:image')!.replace(/&amp;/g, '&');
    expect(ogImage).toMatch(/\/card\/types-photo-404\/og\.jpg\?v=/);
    const { res } = await expectAgreeing(app, ogImage, meta(html, 'og:image:type'));
    // It is the text card drawn in place of the photo card; a 404 never heals, so it is final for this
    // card version (a 5xx would be served briefly and drawn again).
    expect(res.headers.get('x-card-template')).toBe('text');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  }, 30_000);

  it('oEmbed thumbnail and JSON-LD images: the same agreement', async () => {
    const doc = { ...fixtureById(SEED_ID), id: 'types-photo-404-oembed', url: 'https://mainichi.jp/english/articles/types-photo-404-oembed' };
    doc.image = { ...doc.image!, url: 'https://cdn.mainichi.jp/photos/types-gone-too.jpg' };
    expect((await putArticle(doc)).status).toBe(201);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const app = photoGone();
    const res = await app.request(`${ORIGIN}/oembed?url=${encodeURIComponent(doc.url)}`, {}, env);
    const body = (await res.json()) as { thumbnail_url: string; thumbnail_width: number; thumbnail_height: number };
    expect(body.thumbnail_url).toMatch(/\/square\.jpg\?v=/);
    const { bytes } = await expectAgreeing(app, body.thumbnail_url);
    expect(imageSize(bytes)).toMatchObject({ width: body.thumbnail_width, height: body.thumbnail_height });

    const html = await (await app.request(`${ORIGIN}/a/${doc.id}`, {}, env)).text();
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!) as { image: string[] };
    for (const url of ld.image) await expectAgreeing(app, url);
  }, 30_000);
});

describe('the default image', () => {
  it.each([
    ['an unknown article at a .jpg URL', '/card/no-such-article/og.jpg', 630],
    ['an unknown article at a .png URL', '/card/no-such-article/og.png', 630],
    ['a draft at a square .jpg URL', '/card/20260801-draft-defense-budget/square.jpg', 1200],
    ['an unknown article at a square .png URL', '/card/no-such-article/square.png', 1200],
    ['an unknown variant at a .jpg URL', `/card/${SEED_ID}/banner.jpg`, 630],
    ['an invalid id at a .jpg URL', '/card/NOT%20AN%20ID/og.jpg', 630],
  ])('%s: of the type the extension promises, and of the size its variant announces', async (_, path, height) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { res, bytes } = await expectAgreeing(undefined, `${ORIGIN}${path}`);
    expect(res.headers.get('x-card-template')).toBe('default');
    expect(imageSize(bytes)).toMatchObject({ width: 1200, height });
  });

  it('a render that fails at a .jpg URL answers the JPEG default image', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await putArticle({ ...fixtureById(SEED_ID), id: 'types-render-fails' })).status).toBe(201);
    const app = createApp({ renderCard: (async () => { throw new Error('renderer down'); }) as typeof renderCard });
    const current = (await app.request(`${ORIGIN}/card/types-render-fails/og.jpg`, { redirect: 'manual' }, env)).headers.get('location')!;
    expect(current).toMatch(/og\.jpg\?v=/);
    const { res, bytes } = await expectAgreeing(app, current);
    expect(res.headers.get('x-card-template')).toBe('default');
    expect(imageSize(bytes)).toMatchObject({ width: 1200, height: 630 });
    expect(JSON.parse(String(warn.mock.calls.at(-1)![0]))).toMatchObject({ event: 'card-default-image', reason: 'Error: renderer down' });
  });

  it('a render of the wrong type is never served: the JPEG default image instead', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = { ...fixtureById(SEED_ID), id: 'types-wrong-render' };
    expect((await putArticle(doc)).status).toBe(201);
    const png = new Uint8Array(await (await env.ASSETS.fetch('https://assets.invalid/brand/default-share.png')).arrayBuffer());
    const app = createApp({
      renderCard: (async () => ({ bytes: png, contentType: 'image/png', width: 1200, height: 630, template: 'photo', timings: {}, texts: [], omitted: [], uncovered: [] })) as typeof renderCard,
    });
    const current = (await app.request(`${ORIGIN}/card/types-wrong-render/og.jpg`, { redirect: 'manual' }, env)).headers.get('location')!;
    const { res } = await expectAgreeing(app, current);
    expect(res.headers.get('x-card-template')).toBe('default');
    expect(warn.mock.calls.map(([l]) => JSON.parse(String(l)).reason)).toContainEqual(expect.stringMatching(/CardTypeMismatchError/));
  });

  it('without readable assets: a blank image, still of the promised type', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const brokenEnv = { ...env, ASSETS: { fetch: async () => new Response('gone', { status: 500 }) } as unknown as Fetcher, IMAGES: undefined };
    for (const ext of ['jpg', 'png']) {
      const res = await createApp().request(`${ORIGIN}/card/no-such-article/og.${ext}`, {}, brokenEnv);
      expect(res.headers.get('content-type')).toBe(EXTENSION_TYPES[ext]);
      expect(imageSize(new Uint8Array(await res.arrayBuffer()))).toMatchObject({ type: ext, width: 1, height: 1 });
    }
  });
});
