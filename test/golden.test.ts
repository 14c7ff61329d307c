import { env } from 'cloudflare:workers';
import pixelmatch from 'pixelmatch';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../fixtures';
import { CARD_VARIANTS, type CardVariant } from '../src/domain/card';
import { goldenCases, goldenName, renderGolden } from './golden/render-golden';
import { GOLDEN_SCALE, referencePixels, rgba } from './golden/reference-image.mjs';

// Reference PNGs, inlined by Vite as data URLs (workerd has no file system).
const references = Object.fromEntries(
  Object.entries(import.meta.glob<string>('./golden/*.png', { query: '?inline', import: 'default', eager: true })).map(([path, url]) => [
    path.split('/').pop()!,
    Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0)),
  ]),
);

const cases = goldenCases(fixtures, Object.keys(CARD_VARIANTS) as CardVariant[]);

// pixelmatch's per-pixel colour threshold absorbs resampling noise; a moved, missing or extra word
// changes far more than this share of the pixels.
const MAX_DIFFERENT = 0.002;

describe('golden cards', () => {
  it('has one reference per case, and none left over', () => {
    expect(Object.keys(references).sort()).toEqual(cases.map(goldenName).sort());
  });

  for (const c of cases) {
    const name = goldenName(c);
    it(name, async () => {
      const reference = references[name];
      expect(reference, `no reference: run npm run golden:update -- ${name} and look at it`).toBeDefined();
      const card = await renderGolden(env, 'https://presscard.test', c);
      expect(card.template).toBe(c.template);
      const actual = referencePixels(card.bytes);
      const expected = rgba(reference!);
      const { width, height } = CARD_VARIANTS[c.variant];
      expect([expected.width, expected.height]).toEqual([width / GOLDEN_SCALE, height / GOLDEN_SCALE]);
      const different = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, { threshold: 0.1 });
      expect(
        different / (actual.width * actual.height),
        `${name}: ${different} pixels differ; if the change is deliberate, run npm run golden:update -- ${name} and look at it`,
      ).toBeLessThanOrEqual(MAX_DIFFERENT);
    });
  }
});
