import { describe, expect, it } from 'vitest';
import { fixtures, fixtureById, SEED_ID } from '../../../fixtures';
import { validateArticle, LIMITS } from './article';
import { compileUrlPatterns } from '../site';

const matches = compileUrlPatterns(['https://mainichi.jp/english/articles/*']);

describe('article schema', () => {
  it('accepts every fixture', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    for (const f of fixtures) {
      const v = validateArticle(f, matches);
      expect(v.ok, `${f.id}: ${JSON.stringify(!v.ok && v.issues)}`).toBe(true);
    }
  });

  it('has the seed article first, with the facts of the seed', () => {
    const seed = fixtures[0]!;
    expect(seed.id).toBe(SEED_ID);
    expect(seed.headline).toBe('N. Korean laborers begin flowing back into China after Trump-Kim summit');
    expect(seed.dateline).toBe('SHANGHAI/DANDONG, China');
    expect(seed.credit).toBe('Japanese original by Akira Kudo, Shanghai Bureau, and Keisuke Kawazu, China General Bureau');
    expect(seed.publishedAt.startsWith('2018-06-14')).toBe(true);
    expect(seed.image?.credit).toBe('Photo courtesy of the Dandong City Government');
  });

  it('covers the cases the fixtures exist for', () => {
    const langs = fixtures.map((f) => f.lang);
    expect(langs).toContain('ja');
    expect(langs.some((l) => l.startsWith('zh'))).toBe(true);
    expect(fixtures.some((f) => /\p{Script=Hangul}/u.test(f.headline))).toBe(true);
    expect(fixtures.some((f) => /\p{Extended_Pictographic}/u.test(f.headline))).toBe(true);
    expect(fixtures.some((f) => f.headline.length >= LIMITS.headline - 15)).toBe(true);
    expect(fixtures.some((f) => !f.image)).toBe(true);
    expect(fixtures.some((f) => f.status === 'draft')).toBe(true);
  });

  it('reports each bad field with its JSON pointer', () => {
    const bad = fixtureById(SEED_ID) as Record<string, unknown>;
    bad.headline = '';
    bad.image = { ...(bad.image as object), width: -1, focalPoint: { x: 2, y: 0.5 } };
    bad.surprise = true;
    const v = validateArticle(bad, matches);
    expect(v.ok).toBe(false);
    const pointers = !v.ok ? v.issues.map((i) => i.pointer).sort() : [];
    expect(pointers).toEqual(['', '/headline', '/image/focalPoint/x', '/image/width']);
  });

  it.each([
    ['id', 'Has Spaces'],
    ['id', '-leading-hyphen'],
    ['id', 'a'.repeat(129)],
    ['url', 'http://mainichi.jp/english/articles/x'],
    ['lang', 'english'],
    ['publishedAt', '2018-06-14'],
    ['status', 'scheduled'],
    ['headline', 'x'.repeat(LIMITS.headline + 1)],
    ['label', 'lower case'],
  ])('rejects %s = %j', (field, value) => {
    const doc = { ...fixtureById(SEED_ID), [field]: value };
    const v = validateArticle(doc, matches);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.issues.map((i) => i.pointer)).toContain(`/${field}`);
  });

  it("rejects a URL outside the site's patterns", () => {
    const v = validateArticle({ ...fixtureById(SEED_ID), url: 'https://example.com/english/articles/1' }, matches);
    expect(!v.ok && v.issues).toEqual([{ pointer: '/url', message: "does not match the site's canonical URL patterns" }]);
  });

  it('rejects modifiedAt before publishedAt', () => {
    const v = validateArticle({ ...fixtureById(SEED_ID), modifiedAt: '2018-06-13T00:00:00Z' }, matches);
    expect(!v.ok && v.issues.map((i) => i.pointer)).toEqual(['/modifiedAt']);
  });
});
