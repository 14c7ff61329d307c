import { env } from 'cloudflare:workers';
import { encode } from 'fast-png';
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { articleSchema } from '../src/domain/article';
import { buildCardInput, CARD_BYTE_BUDGET, type CardInput } from '../src/domain/card';
import { parseSiteConfig } from '../src/domain/site';
import { assetReader } from '../src/adapters/assets';
import { fontCacheStats } from '../src/render/fonts';
import { PHOTO_PIXEL_LIMIT } from '../src/render/photo';
import { renderCard, type RenderDeps } from '../src/render/render-card';
import { createImageCodec } from '../src/adapters/images';
import { createPhotoSource } from '../src/adapters/photo-source';

const config = parseSiteConfig(env);
const assets = assetReader(env.ASSETS);
const ORIGIN = 'https://presscard.test';

function deps(overrides: Partial<RenderDeps> & { fetch?: typeof fetch } = {}): RenderDeps {
  const { fetch, ...rest } = overrides;
  const photos = createPhotoSource({ imageHosts: config.imageHosts, ownOrigin: ORIGIN, assets, timeoutMs: 200, ...(fetch ? { fetch } : {}) });
  return { assets, photos, images: createImageCodec(env.IMAGES), ...rest };
}

const input = (id: string, variant: 'og' | 'square' = 'og') => buildCardInput(articleSchema.parse(fixtureById(id)), config, variant);

/** The seed article's photo card, with its photo on a remote host served by `respond`. */
function remotePhotoInput(): CardInput {
  const i = input(SEED_ID);
  return { ...i, photo: { ...i.photo!, url: 'https://cdn.mainichi.jp/photos/dandong.jpg' } };
}

function expectValidCard(card: { bytes: Uint8Array; contentType: string }, width: number, height: number) {
  const dims = imageSize(card.bytes);
  expect({ width: dims.width, height: dims.height, type: dims.type }).toEqual({
    width,
    height,
    type: card.contentType === 'image/png' ? 'png' : 'jpg',
  });
  expect(card.bytes.byteLength).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
}

describe('renderCard', () => {
  it('renders the seed photo card as a JPEG under budget, with the whole headline', async () => {
    const card = await renderCard(input(SEED_ID), deps());
    expect(card).toMatchObject({ template: 'photo', contentType: 'image/jpeg', width: 1200, height: 630 });
    expect(card.fallback).toBeUndefined();
    expectValidCard(card, 1200, 630);
    const headline = card.texts.find((t) => t.style === 'headline')!;
    expect(headline.clamped).toBe(false);
    expect(headline.lines.join(' ')).toBe('N. Korean laborers begin flowing back into China after Trump-Kim summit');
    expect(Object.keys(card.timings)).toEqual(expect.arrayContaining(['photo', 'fonts', 'layout', 'raster', 'encode', 'total']));
  });

  it('fits the long headline of fixture 06 whole, at a smaller size than the seed', async () => {
    const long = await renderCard(input('20260612-evacuation-rules-overhaul', 'square'), deps(), { output: 'png' });
    const headline = long.texts.find((t) => t.style === 'headline')!;
    expect(headline.clamped).toBe(false);
    expect(headline.lines.join(' ')).toBe(fixtureById('20260612-evacuation-rules-overhaul').headline);
    expect(headline.fontSize).toBeLessThan(92);
  });

  it('keeps the font cache within its bound', async () => {
    // A Japanese card: its subsets come from the static assets (only the Latin ones are bundled).
    const before = fontCacheStats();
    await renderCard(input('20260320-ja-sakura-forecast'), deps(), { output: 'png' });
    const stats = fontCacheStats();
    expect(stats.reads).toBeGreaterThan(before.reads);
    expect(stats.files).toBeGreaterThan(0);
    expect(stats.bytes).toBeLessThanOrEqual(stats.limit);
  });
});

describe('a photo that fails never fails the card', () => {
  const faults: [string, (url: string) => Response | Promise<Response>, string][] = [
    ['slow host', () => new Promise<Response>(() => {}), 'timeout'],
    ['huge file', () => new Response(new Uint8Array(16), { headers: { 'content-type': 'image/jpeg', 'content-length': String(64 * 1024 * 1024) } }), 'too-large'],
    ['wrong content type', () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } }), 'bad-content-type'],
    ['404', () => new Response('not found', { status: 404 }), 'http-404'],
  ];
  for (const [name, respond, reason] of faults) {
    it(`${name}: a text card`, async () => {
      const fetch = (async (req: RequestInfo | URL) => respond(String(req))) as typeof globalThis.fetch;
      const card = await renderCard(remotePhotoInput(), deps({ fetch }));
      // With the Images binding the photo card is announced as JPEG: its text fallback is one too.
      expect(card).toMatchObject({ template: 'text', fallback: reason, contentType: 'image/jpeg' });
      expectValidCard(card, 1200, 630);
    });
  }

  it('disallowed host: a text card, and nothing fetched', async () => {
    let fetched = 0;
    const fetch = (async () => {
      fetched++;
      return new Response();
    }) as typeof globalThis.fetch;
    const i = input(SEED_ID);
    const card = await renderCard({ ...i, photo: { ...i.photo!, url: 'https://photos.example.net/a.jpg' } }, deps({ fetch }));
    expect(card).toMatchObject({ template: 'text', fallback: 'disallowed-host', contentType: 'image/jpeg' });
    expect(fetched).toBe(0);
    expectValidCard(card, 1200, 630);
  });
});

describe('without the Images binding', () => {
  it('serves a photo card as PNG only within budget, else the text card', async () => {
    for (const id of [SEED_ID, '20260320-ja-sakura-forecast']) {
      const card = await renderCard(input(id), deps({ images: undefined }));
      expect(card.contentType).toBe('image/png');
      expectValidCard(card, 1200, 630);
      if (card.template === 'text') expect(card.fallback).toBe('png-over-budget');
    }
  });

  it('refuses a photo over the pixel limit, which the binding would have scaled', async () => {
    const width = 2500;
    const height = Math.ceil(PHOTO_PIXEL_LIMIT / width) + 10;
    const big = encode({ width, height, data: new Uint8Array(width * height * 3).fill(90), channels: 3, depth: 8 });
    const fetch = (async () => new Response(big, { headers: { 'content-type': 'image/png' } })) as typeof globalThis.fetch;
    const plain = await renderCard(remotePhotoInput(), deps({ fetch, images: undefined }));
    expect(plain).toMatchObject({ template: 'text', fallback: 'photo-too-large', contentType: 'image/png' });
    const scaled = await renderCard(remotePhotoInput(), deps({ fetch }));
    expect(scaled).toMatchObject({ template: 'photo', contentType: 'image/jpeg' });
    expectValidCard(scaled, 1200, 630);
  });
});
