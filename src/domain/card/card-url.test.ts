import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../../../fixtures';
import { articleSchema } from '../article';
import { cardUrl, shareImageFor, squareCardImageFor } from './card-url';
import { parseSiteConfig } from '../site';

const config = parseSiteConfig({});
const origin = 'https://cards.example';

describe('shareImageFor', () => {
  it('is the og card: 1200x630, JPEG for a photo card when JPEG can be encoded', () => {
    const seed = articleSchema.parse(fixtureById(SEED_ID));
    expect(shareImageFor(seed, config, origin, { jpeg: true })).toEqual({
      url: 'https://cards.example/card/20180614-nk-laborers-china/og.jpg',
      width: 1200,
      height: 630,
      type: 'image/jpeg',
      alt: 'N. Korean laborers begin flowing back into China after Trump-Kim summit — The Mainichi',
    });
    expect(shareImageFor(seed, config, origin)).toMatchObject({ url: expect.stringMatching(/\/og\.png$/), type: 'image/png' });
  });

  it('is PNG for a text card and uses the social headline in the alt text', () => {
    const kyoto = articleSchema.parse({ ...fixtureById('20260501-kyoto-golden-week'), cardTemplate: 'text' });
    const image = shareImageFor(kyoto, config, origin, { jpeg: true });
    expect(image.type).toBe('image/png');
    expect(image.alt).toBe("🎏 Kyoto's Golden Week crowds are back 🎉 — The Mainichi");
  });

  it('has a square sibling for oEmbed thumbnails', () => {
    const seed = articleSchema.parse(fixtureById(SEED_ID));
    expect(squareCardImageFor(seed, config, origin, { jpeg: true, version: 'abc' })).toMatchObject({
      url: 'https://cards.example/card/20180614-nk-laborers-china/square.jpg?v=abc',
      width: 1200,
      height: 1200,
    });
  });
});

describe('cardUrl', () => {
  it('escapes what it is given', () => {
    expect(cardUrl('https://x.test', 'a-b', 'og', 'png', 'v 1/2')).toBe('https://x.test/card/a-b/og.png?v=v%201%2F2');
  });
});
