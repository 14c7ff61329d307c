import { env } from 'cloudflare:workers';
import pixelmatch from 'pixelmatch';
import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { assetReader } from '../src/adapters/assets';
import { createImageCodec } from '../src/adapters/images';
import { createPhotoSource } from '../src/adapters/photo-source';
import { articleSchema } from '../src/domain/article';
import { buildCardInput, type CardVariant, type ImageCodec } from '../src/domain/card';
import { parseSiteConfig } from '../src/domain/site';
import { renderCard, type RenderDeps } from '../src/render/render-card';
import { referencePixels } from './golden/reference-image.mjs';

const config = parseSiteConfig(env);
const assets = assetReader(env.ASSETS);
const ORIGIN = 'https://presscard.test';
const photos = createPhotoSource({ imageHosts: config.imageHosts, ownOrigin: ORIGIN, assets });
const codec = createImageCodec(env.IMAGES!);

/** The Images binding, except that asking it for the PNG of a composited photo fails; `refused` counts. */
function imagesWithoutPng(): ImageCodec & { refused: number } {
  const images = { ...codec, refused: 0 };
  images.scaleToPng = () => {
    images.refused++;
    return Promise.reject(new Error('no PNG today'));
  };
  return images;
}

const input = (id: string, variant: CardVariant) => buildCardInput(articleSchema.parse(fixtureById(id)), config, variant, 'photo');

describe('photo cards composited outside resvg', () => {
  for (const [id, variant] of [[SEED_ID, 'og'], [SEED_ID, 'square'], ['20260320-ja-sakura-forecast', 'og']] as const) {
    it(`${id} ${variant}: looks as when resvg draws the photo`, { timeout: 30_000 }, async () => {
      const deps: RenderDeps = { assets, photos, images: codec };
      const composited = await renderCard(input(id, variant), deps, { output: 'png' });
      expect(composited.timings).toHaveProperty('composite');
      const images = imagesWithoutPng();
      const embedded = await renderCard(input(id, variant), { ...deps, images }, { output: 'png' });
      expect(images.refused).toBe(1);
      expect([composited.template, embedded.template]).toEqual(['photo', 'photo']);
      const a = referencePixels(composited.bytes);
      const b = referencePixels(embedded.bytes);
      const different = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
      // The golden tolerance (test/golden.test.ts): same pixels but for resampling noise.
      expect(different / (a.width * a.height)).toBeLessThanOrEqual(0.002);
    });
  }

  it('falls back to the embedded photo when the binding gives no PNG, and still answers a JPEG', async () => {
    const images = imagesWithoutPng();
    const card = await renderCard(input(SEED_ID, 'og'), { assets, photos, images });
    expect(images.refused).toBe(1);
    expect(card).toMatchObject({ template: 'photo', contentType: 'image/jpeg' });
    expect(card.fallback).toBeUndefined();
  });

  it('the binding has read the whole photo when it answers its scale (what the head start waits for)', async () => {
    const photo = await photos.get(`${ORIGIN}/photos/dandong-customs.jpg`);
    if (!photo.ok) throw new Error(photo.reason);
    const events: string[] = [];
    const scaled = await codec.scaleToPng(photo.bytes, 300, 200, () => events.push('read'));
    events.push('answered');
    await scaled.cancel();
    expect(events).toEqual(['read', 'answered']);
  });
});
