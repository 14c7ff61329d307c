import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { articleSchema } from '../src/domain/article';
import { buildCardInput, type AssetReader, type PhotoSource } from '../src/domain/card';
import { parseSiteConfig } from '../src/domain/site';
import { assetReader } from '../src/adapters/assets';
import { createImageCodec } from '../src/adapters/images';
import { createPhotoSource } from '../src/adapters/photo-source';
import { renderCard } from '../src/render/render-card';

// Its own file: the font manifest is read by the first layout of a fresh module, which is what the
// photo source below waits for.
const config = parseSiteConfig(env);
const ORIGIN = 'https://presscard.test';

describe('a photo card', () => {
  it('is laid out while its photo is still being fetched', async () => {
    const assets = assetReader(env.ASSETS);
    let layoutStarted!: () => void;
    const started = new Promise<true>((resolve) => (layoutStarted = () => resolve(true)));
    // The layout reads the font manifest through the renderer's asset reader.
    const watched: AssetReader = (path) => {
      if (path.startsWith('/fonts/')) layoutStarted();
      return assets(path);
    };
    const real = createPhotoSource({ imageHosts: config.imageHosts, ownOrigin: ORIGIN, assets });
    // Answers only once the layout has begun; a renderer that waited for the photo first would get a
    // refusal after 5 s (a guard against hanging, not a measure of speed) and draw a text card.
    const photos: PhotoSource = {
      get: async (url) => {
        const waited = await Promise.race([started, new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000))]);
        return waited ? real.get(url) : { ok: false, reason: 'layout-waited-for-the-photo' };
      },
    };
    const input = buildCardInput(articleSchema.parse(fixtureById(SEED_ID)), config, 'og');
    const card = await renderCard(input, { assets: watched, photos, images: createImageCodec(env.IMAGES) });
    expect(card.fallback).toBeUndefined();
    expect(card.template).toBe('photo');
    expect(card.contentType).toBe('image/jpeg');
  });
});
