import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../../../fixtures';
import { articleSchema } from '../article';
import { embedModel, embedPhoto, isEmbeddableImage } from './embed-model';
import { shareImageFor } from '../card';
import { parseSiteConfig } from '../site';

const config = parseSiteConfig({ IMAGE_HOSTS: ['cdn.mainichi.jp', 'localhost:8787'] });
const ORIGIN = 'https://presscard.example';
const article = (patch: Record<string, unknown> = {}) => articleSchema.parse({ ...fixtureById(SEED_ID), ...patch });
const shareCard = shareImageFor(article(), config, ORIGIN);

describe('isEmbeddableImage', () => {
  it('allows this service and the configured image hosts only', () => {
    expect(isEmbeddableImage(`${ORIGIN}/photos/a.jpg`, ORIGIN, config.imageHosts)).toBe(true);
    expect(isEmbeddableImage('https://cdn.mainichi.jp/a.jpg', ORIGIN, config.imageHosts)).toBe(true);
    expect(isEmbeddableImage('http://localhost:8787/a.jpg', ORIGIN, config.imageHosts)).toBe(true);
    expect(isEmbeddableImage('https://tracker.example/a.jpg', ORIGIN, config.imageHosts)).toBe(false);
    expect(isEmbeddableImage('https://cdn.mainichi.jp.evil.example/a.jpg', ORIGIN, config.imageHosts)).toBe(false);
    expect(isEmbeddableImage('data:image/png;base64,AAAA', ORIGIN, config.imageHosts)).toBe(false);
  });
});

describe('embedPhoto', () => {
  it("shows the article's photo with its focal point", () => {
    const photo = embedPhoto(article(), config, ORIGIN, shareCard);
    expect(photo.url).toBe('http://localhost:8787/photos/dandong-customs.jpg');
    expect(photo.focalPoint).toEqual({ x: 0.5, y: 0.55 });
  });

  it("falls back to the article's share card when there is no photo or it lives elsewhere", () => {
    for (const image of [undefined, { url: 'https://elsewhere.example/p.jpg', alt: 'x', width: 10, height: 10 }]) {
      const photo = embedPhoto(article({ image }), config, ORIGIN, shareCard);
      expect(photo.url).toBe(`${ORIGIN}/card/${SEED_ID}/og.png`);
      expect(photo.width).toBe(1200);
      expect(photo.focalPoint).toBeUndefined();
    }
  });
});

describe('embedModel', () => {
  it("formats the date in the article's language and the newsroom's zone", () => {
    expect(embedModel(article(), config, ORIGIN, shareCard).date).toBe('June 14, 2018');
    expect(embedModel(article({ lang: 'ja' }), config, ORIGIN, shareCard).date).toBe('2018年6月14日');
  });

  it('sets the direction from the language and points the WordPress link at this service', () => {
    const card = embedModel(article({ lang: 'ar' }), config, ORIGIN, shareCard);
    expect(card.dir).toBe('rtl');
    expect(card.openUrl).toBe(`${ORIGIN}/embed/${SEED_ID}/open`);
    expect(card.logoUrl).toBe(`${ORIGIN}/brand/logo.svg`);
  });
});
