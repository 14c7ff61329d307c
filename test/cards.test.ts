import { env } from 'cloudflare:workers';
import { imageSize } from 'image-size';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtures, fixtureById, SEED_ID } from '../fixtures';
import { createApp } from '../src/app';
import { CARD_BYTE_BUDGET } from '../src/domain/card';
import { call, currentCardPath, loadFixtures, ORIGIN, putArticle } from './helpers';

beforeAll(loadFixtures);
afterEach(() => vi.restoreAllMocks());

const published = fixtures.filter((f) => f.status === 'published');

/** The default image as built: `default-share.png`, and its JPEG twin for card URLs ending in .jpg. */
async function defaultImageBytes(ext: 'png' | 'jpg' = 'png'): Promise<Uint8Array> {
  const res = await env.ASSETS.fetch(`https://assets.invalid/brand/default-share.${ext}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Byte equality without vitest's element-by-element diff of a 50 KB array on failure. */
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((x, i) => x === b[i]);

async function bytesOf(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}

describe('GET /card/:id/:variant.:ext', () => {
  it('serves every published fixture\'s og card: 1200x630, under 300 KB', async () => {
    const sizes: Record<string, string> = {};
    for (const f of published) {
      const res = await call(await currentCardPath(f.id, 'og'));
      expect(res.status).toBe(200);
      const bytes = await bytesOf(res);
      const dims = imageSize(bytes);
      expect([dims.width, dims.height], f.id).toEqual([1200, 630]);
      expect(bytes.byteLength, f.id).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
      expect(res.headers.get('content-type')).toBe(dims.type === 'png' ? 'image/png' : 'image/jpeg');
      // Fixtures with a photo get the photo card; the others the text card.
      expect(res.headers.get('x-card-template'), f.id).toBe(f.image ? 'photo' : 'text');
      sizes[f.id] = `${res.headers.get('content-type')} ${bytes.byteLength}`;
    }
    console.log('og card sizes', JSON.stringify(sizes, null, 1));
  }, 60_000);

  it('serves the square variant', async () => {
    const res = await call(await currentCardPath('20260701-editorial-press-freedom', 'square'));
    const dims = imageSize(await bytesOf(res));
    expect([res.status, dims.width, dims.height]).toEqual([200, 1200, 1200]);
  });

  it('can be hotlinked: cross-origin resource policy, no embedder policy', async () => {
    const res = await call(await currentCardPath('20260720-zh-hant-typhoon', 'og'));
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers drafts, unknown articles and unknown variants with the default image, 200 and a short cache', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const path of [
      '/card/20260801-draft-defense-budget/og.png',
      '/card/no-such-article/og.png',
      '/card/NOT%20AN%20ID/og.jpg',
      `/card/${SEED_ID}/banner.png`,
      `/card/${SEED_ID}/banner.jpeg`,
    ]) {
      const res = await call(path);
      // Of the type the URL's extension promises: .jpg and .jpeg are JPEG, .png PNG (test/card-extensions.test.ts for the rest).
      const ext = /\.jpe?g$/.test(path) ? 'jpg' : 'png';
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(ext === 'jpg' ? 'image/jpeg' : 'image/png');
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=60');
      expect(sameBytes(await bytesOf(res), await defaultImageBytes(ext)), path).toBe(true);
    }
    const logged = warn.mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(logged[0]).toEqual({
      event: 'card-default-image',
      articleId: '20260801-draft-defense-budget',
      path: '/card/20260801-draft-defense-budget/og.png',
      reason: 'not-published',
    });
    expect(logged.map((l) => l.reason)).toEqual(['not-published', 'not-published', 'not-published', 'unknown-variant', 'unknown-variant']);
  });

  it('answers with the default image, not an error, when the database fails', async () => {
    const path = await currentCardPath(SEED_ID, 'og');
    const brokenDb = { prepare: () => { throw new Error('D1 unavailable'); } } as unknown as D1Database;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const res = await createApp().request(`${ORIGIN}${path}`, {}, { ...env, DB: brokenDb });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    // The seed's card is a photo card at a .jpg URL: the default image comes as JPEG.
    expect(path).toMatch(/\.jpg\?v=/);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(sameBytes(await bytesOf(res), await defaultImageBytes('jpg'))).toBe(true);
    expect(JSON.parse(String(warn.mock.calls.at(-1)![0]))).toMatchObject({ event: 'card-default-image', articleId: SEED_ID, reason: 'Error: D1 unavailable' });
  });

  it('answers a failed render with the default image and logs the article and the reason', async () => {
    // Static assets that cannot be read, and a headline in a script (Cyrillic) whose font subset no
    // earlier render has cached: loading its font fails, and so does reading the default image.
    const doc = { ...fixtureById('20260701-editorial-press-freedom'), id: 'cyrillic-headline', url: 'https://mainichi.jp/english/articles/cyrillic-headline', headline: 'Москва и Токио' };
    expect((await putArticle(doc)).status).toBeLessThan(300);
    const brokenEnv = { ...env, ASSETS: { fetch: async () => new Response('gone', { status: 500 }) } as unknown as Fetcher };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const res = await createApp().request(`${ORIGIN}${await currentCardPath('cyrillic-headline', 'og')}`, {}, brokenEnv);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(imageSize(await bytesOf(res))).toMatchObject({ width: 1, height: 1 });
    const line = JSON.parse(String(warn.mock.calls.at(-1)![0]));
    expect(line).toMatchObject({ event: 'card-default-image', articleId: 'cyrillic-headline' });
    expect(line.reason).toMatch(/AssetError/);
  });

  it('falls back to the text card for a while when the photo host fails (5xx), and logs why', async () => {
    const doc = { ...fixtureById(SEED_ID), id: 'remote-photo-503', url: 'https://mainichi.jp/english/articles/remote-photo-503' };
    doc.image = { ...doc.image!, url: 'https://cdn.mainichi.jp/photos/busy.jpg' };
    expect((await putArticle(doc)).status).toBeLessThan(300);
    const fetched: string[] = [];
    const app = createApp({
      photoFetch: (async (input: RequestInfo | URL) => {
        fetched.push(String(input));
        return new Response('busy', { status: 503 });
      }) as typeof fetch,
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const res = await app.request(`${ORIGIN}${await currentCardPath('remote-photo-503', 'og')}`, {}, env);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-card-template')).toBe('text');
    // Drawn without its photo for a reason that can heal: served briefly, not as the immutable card.
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    // At a .jpg URL the text card drawn in its place is a JPEG too (see test/card-types.test.ts).
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(imageSize(await bytesOf(res))).toMatchObject({ width: 1200, height: 630, type: 'jpg' });
    expect(fetched).toEqual(['https://cdn.mainichi.jp/photos/busy.jpg']);
    expect(warn.mock.calls.map((c) => JSON.parse(String(c[0])))).toContainEqual({
      event: 'card-photo-fallback', articleId: 'remote-photo-503', variant: 'og', reason: 'http-503', final: false,
    });
  });

  it('keeps the text card as final when the photo can never be drawn (404)', async () => {
    const doc = { ...fixtureById(SEED_ID), id: 'remote-photo-404', url: 'https://mainichi.jp/english/articles/remote-photo-404' };
    doc.image = { ...doc.image!, url: 'https://cdn.mainichi.jp/photos/gone.jpg' };
    expect((await putArticle(doc)).status).toBeLessThan(300);
    const app = createApp({ photoFetch: (async () => new Response('not found', { status: 404 })) as typeof fetch });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const res = await app.request(`${ORIGIN}${await currentCardPath('remote-photo-404', 'og')}`, {}, env);
    expect(res.headers.get('x-card-template')).toBe('text');
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(warn.mock.calls.map((c) => JSON.parse(String(c[0])))).toContainEqual({
      event: 'card-photo-fallback', articleId: 'remote-photo-404', variant: 'og', reason: 'http-404', final: true,
    });
  }, 30_000);
});

describe('share metadata points to the card', () => {
  it('og:image and twitter:image are the og card with its size, type and alt', async () => {
    const html = await (await call(`/a/${SEED_ID}`)).text();
    const meta = (key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
    const url = meta('og:image')!;
    expect(url).toMatch(new RegExp(`^${ORIGIN}/card/${SEED_ID}/og\\.jpg\\?v=[0-9a-f]{20}$`));
    expect(meta('og:image:secure_url')).toBe(url);
    expect(meta('twitter:image')).toBe(url);
    expect(meta('og:image:width')).toBe('1200');
    expect(meta('og:image:height')).toBe('630');
    expect(meta('og:image:type')).toBe('image/jpeg');
    expect(meta('og:image:alt')).toBe('N. Korean laborers begin flowing back into China after Trump-Kim summit — The Mainichi');
    // The URL in the tags serves exactly that.
    const res = await call(url);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
  });

  it('a text card is announced as PNG', async () => {
    const html = await (await call('/a/20260701-editorial-press-freedom')).text();
    expect(html).toMatch(new RegExp(`<meta property="og:image" content="${ORIGIN}/card/20260701-editorial-press-freedom/og\\.png\\?v=[0-9a-f]{20}"/>`));
    expect(html).toContain('<meta property="og:image:type" content="image/png"/>');
  });
});
