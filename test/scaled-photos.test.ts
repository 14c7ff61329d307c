import { env } from 'cloudflare:workers';
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { assetReader } from '../src/adapters/assets';
import { createEdgeCache } from '../src/adapters/edge-cache';
import { createImageCodec } from '../src/adapters/images';
import { createPhotoSource } from '../src/adapters/photo-source';
import { articleSchema } from '../src/domain/article';
import { buildCardInput, CARD_VARIANTS, type CardVariant, type ImageCodec, type PhotoSource, type ScaledPhotoCache } from '../src/domain/card';
import { parseSiteConfig } from '../src/domain/site';
import { renderCard, type RenderDeps } from '../src/render/render-card';
import { createScaledPhotoCache } from '../src/services/cards/scaled-photos';
import { CARD_TEMPLATE_MODULES } from '../templates/cards';

const config = parseSiteConfig(env);
const assets = assetReader(env.ASSETS);
const ORIGIN = 'https://presscard.test';
const source = createPhotoSource({ imageHosts: config.imageHosts, ownOrigin: ORIGIN, assets });
const codec = createImageCodec(env.IMAGES!);
const article = articleSchema.parse(fixtureById(SEED_ID));
const photoUrl = article.image!.url;

/** The photo source and the binding, counting photo fetches and scales. */
function counted() {
  const count = { fetches: 0, scales: 0 };
  const photos: PhotoSource = { get: (url) => (count.fetches++, source.get(url)) };
  const images: ImageCodec = { ...codec, scaleToPng: (...args) => (count.scales++, codec.scaleToPng(...args)) };
  return { count, photos, images };
}

/** A cache of its own per test, so no test sees another's photos; `keys` are the URLs written. */
async function freshCache(): Promise<{ scaledPhotos: ScaledPhotoCache; cache: Cache; keys: string[] }> {
  const cache = await caches.open(`scaled-photos-${crypto.randomUUID()}`);
  const edge = createEdgeCache(cache);
  const keys: string[] = [];
  const recording = { ...edge, put: (url: string, res: Response) => (keys.push(url), edge.put(url, res)) };
  return { cache, keys, scaledPhotos: createScaledPhotoCache(recording, ORIGIN) };
}

const input = (variant: CardVariant, focalPoint?: { x: number; y: number }) =>
  buildCardInput(focalPoint ? { ...article, image: { ...article.image!, focalPoint } } : article, config, variant, 'photo');
const box = (variant: CardVariant) => CARD_TEMPLATE_MODULES.photo.photoBox!(variant);
const same = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);

describe('photos scaled by the Images binding are kept for the next render', () => {
  it('a second render of the card neither fetches nor scales the photo, and draws the same bytes', async () => {
    const { count, photos, images } = counted();
    const { scaledPhotos } = await freshCache();
    const deps: RenderDeps = { assets, photos, images, scaledPhotos };
    const first = await renderCard(input('og'), deps, { output: 'png' });
    expect(count).toEqual({ fetches: 1, scales: 1 });
    const second = await renderCard(input('og'), deps, { output: 'png' });
    expect(count).toEqual({ fetches: 1, scales: 1 });
    expect(second.template).toBe('photo');
    expect(same(second.bytes, first.bytes)).toBe(true);
    // Without any cache: the same card again.
    const uncached = await renderCard(input('og'), { assets, photos: source, images: codec }, { output: 'png' });
    expect(same(uncached.bytes, first.bytes)).toBe(true);
  });

  it('another focal point uses the same scaled photo, placed as a fresh scale would place it', async () => {
    const { count, photos, images } = counted();
    const { scaledPhotos } = await freshCache();
    const deps: RenderDeps = { assets, photos, images, scaledPhotos };
    await renderCard(input('square'), deps, { output: 'png' });
    const moved = await renderCard(input('square', { x: 0.1, y: 0.9 }), deps, { output: 'png' });
    expect(count).toEqual({ fetches: 1, scales: 1 });
    const fresh = await renderCard(input('square', { x: 0.1, y: 0.9 }), { assets, photos: source, images: codec }, { output: 'png' });
    expect(same(moved.bytes, fresh.bytes)).toBe(true);
    const centred = await renderCard(input('square'), { assets, photos: source, images: codec }, { output: 'png' });
    expect(same(moved.bytes, centred.bytes)).toBe(false);
  });

  it('keeps one photo per box: the og and square cards each scale once', async () => {
    const { count, photos, images } = counted();
    const { scaledPhotos } = await freshCache();
    const deps: RenderDeps = { assets, photos, images, scaledPhotos };
    for (const variant of ['og', 'square', 'og', 'square'] as const) await renderCard(input(variant), deps);
    expect(count.scales).toBe(2);
    for (const variant of Object.keys(CARD_VARIANTS) as CardVariant[]) {
      const kept = await scaledPhotos.match(photoUrl, box(variant));
      expect(kept, variant).toBeDefined();
      await kept!.png.cancel();
    }
  });

  it('a kept photo that cannot be drawn is replaced: the photo is scaled again, as on a miss', async () => {
    const { count, photos, images } = counted();
    const { scaledPhotos } = await freshCache();
    const deps: RenderDeps = { assets, photos, images, scaledPhotos };
    const good = await renderCard(input('og'), { assets, photos: source, images: codec }, { output: 'png' });
    // Not a PNG of the photo's size: a truncated write, or another photo kept under the key.
    await scaledPhotos.keep(photoUrl, box('og'), { width: 1600, height: 1067 }, new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])).body!);
    const card = await renderCard(input('og'), deps, { output: 'png' });
    expect(card.template).toBe('photo');
    expect(card.fallback).toBeUndefined();
    expect(count).toEqual({ fetches: 1, scales: 1 });
    expect(same(card.bytes, good.bytes)).toBe(true);
    // What is kept now is the photo scaled again: the next render draws it.
    const kept = await scaledPhotos.match(photoUrl, box('og'));
    const original = await source.get(photoUrl);
    if (!original.ok) throw new Error(original.reason);
    const { width, height } = imageSize(original.bytes);
    expect(kept?.original).toEqual({ width, height });
    await kept!.png.cancel();
    const next = await renderCard(input('og'), deps, { output: 'png' });
    expect(count).toEqual({ fetches: 1, scales: 1 });
    expect(same(next.bytes, good.bytes)).toBe(true);
  });

  it('an entry without a believable original size is a miss', async () => {
    const { scaledPhotos, cache, keys } = await freshCache();
    await scaledPhotos.keep(photoUrl, box('og'), { width: 10, height: 10 }, new Response('x').body!);
    // One key per photo URL and box, under a path of our own origin no route serves.
    expect(keys).toEqual([expect.stringMatching(new RegExp(`^${ORIGIN}/_scaled-photos/v1/[0-9a-f]{64}/${box('og').width}x${box('og').height}\\.png$`))]);
    const keyed = async (size: string | null) => {
      // The entry's size header replaced.
      const headers = new Headers({ 'content-type': 'image/png', 'cache-control': 'max-age=600' });
      if (size !== null) headers.set('x-photo-size', size);
      await cache.put(keys[0]!, new Response('x', { headers }));
      return scaledPhotos.match(photoUrl, box('og'));
    };
    for (const size of [null, '', '0x10', '10x0', '-1x10', '1e3x10', '10x10x10', '9999999x10', '10 x 10']) {
      expect(await keyed(size), JSON.stringify(size)).toBeUndefined();
    }
    const believable = await keyed('1600x1067');
    expect(believable?.original).toEqual({ width: 1600, height: 1067 });
    await believable!.png.cancel();
  });

  it('a failing cache is a miss, never an error', async () => {
    const broken = createScaledPhotoCache(
      {
        match: () => Promise.reject(new Error('cache down')),
        put: () => Promise.reject(new Error('cache down')),
        delete: () => Promise.reject(new Error('cache down')),
      },
      ORIGIN,
    );
    const { count, photos, images } = counted();
    const card = await renderCard(input('og'), { assets, photos, images, scaledPhotos: broken });
    expect(card).toMatchObject({ template: 'photo', contentType: 'image/jpeg' });
    expect(count).toEqual({ fetches: 1, scales: 1 });
    await expect(broken.forget(photoUrl, box('og'))).resolves.toBeUndefined();
  });
});
