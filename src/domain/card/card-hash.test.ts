import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../../../fixtures';
import { articleSchema, type Article } from '../article';
import { buildCardInput } from './card-input';
import { cardHash, cardObjectKey, CARD_HASH_PATTERN, type CardHashParts } from './card-hash';
import { parseSiteConfig } from '../site';

const config = parseSiteConfig({});
const seed = articleSchema.parse(fixtureById(SEED_ID));
const parts = (article: Article = seed, patch: Partial<CardHashParts> = {}, cfg = config): CardHashParts => ({
  input: buildCardInput(article, cfg, 'og'),
  templateVersion: 1,
  fontSet: '@fontsource/source-serif-4@5.3.1',
  format: 'jpg',
  ...patch,
});

describe('cardHash', () => {
  it('is stable: the same parts give the same 20 hex digits, whatever the key order', async () => {
    const a = await cardHash(parts());
    expect(a).toMatch(CARD_HASH_PATTERN);
    expect(await cardHash(parts())).toBe(a);
    const reordered = Object.fromEntries(Object.entries(parts().input).reverse()) as CardHashParts['input'];
    expect(await cardHash({ ...parts(), input: reordered })).toBe(a);
  });

  it('changes with everything that changes the pixels or bytes', async () => {
    const base = await cardHash(parts());
    const changed = await Promise.all([
      cardHash(parts({ ...seed, headline: 'Edited headline' })),
      cardHash(parts({ ...seed, socialHeadline: 'Social headline' })),
      cardHash(parts({ ...seed, label: 'BREAKING' })),
      cardHash(parts({ ...seed, description: 'Another description' })),
      cardHash(parts({ ...seed, image: { ...seed.image!, focalPoint: { x: 0.1, y: 0.1 } } })),
      cardHash(parts(seed, { templateVersion: 2 })),
      cardHash(parts(seed, { fontSet: 'other' })),
      cardHash(parts(seed, { format: 'png' })),
      cardHash({ ...parts(), input: buildCardInput(seed, config, 'square') }),
      cardHash(parts(seed, {}, parseSiteConfig({ THEME_COLOR: '#000000' }))),
      cardHash(parts(seed, {}, parseSiteConfig({ SITE_NAME: 'Another paper' }))),
    ]);
    for (const h of changed) expect(h).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });

  it('ignores fields no template reads', async () => {
    const base = await cardHash(parts());
    for (const patch of [{ body: ['A new paragraph'] }, { tags: ['Other'] }, { modifiedAt: '2018-06-15T00:00:00+09:00' }, { url: 'https://mainichi.jp/english/articles/moved' }]) {
      expect(await cardHash(parts({ ...seed, ...patch } as Article)), JSON.stringify(patch)).toBe(base);
    }
  });
});

describe('cardObjectKey', () => {
  it('groups cards by article', () => {
    expect(cardObjectKey('a-1', 'og', 'ab'.repeat(10), 'png')).toBe(`cards/a-1/og-${'ab'.repeat(10)}.png`);
  });
});
