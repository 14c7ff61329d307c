import { describe, expect, it } from 'vitest';
import { compileUrlPatterns } from '../site';
import { canonicalUrlForExtractedId, extractedArticleId } from './extracted-id';

const matches = compileUrlPatterns(['https://mainichi.jp/english/articles/*']);
const hosts = ['mainichi.jp'];

describe('canonicalUrlForExtractedId', () => {
  it('reads back the id of a path of letters, digits and slashes', () => {
    const url = 'https://mainichi.jp/english/articles/20260320/p2a/00m/0na/011000c';
    expect(canonicalUrlForExtractedId(extractedArticleId(url), hosts, matches)).toBe(url);
  });

  it('answers nothing for ids that are not extracted ones or fall outside the patterns', () => {
    for (const id of ['20180614-nk-laborers-china', 'x-foo-bar', 'x-english-articles', 'x-English-articles-1', 'x--english', `x-english-articles-${'a'.repeat(120)}`]) {
      expect(canonicalUrlForExtractedId(id, hosts, matches), id).toBeUndefined();
    }
  });

  it('reads a path that had hyphens, or was fingerprinted, back as another path (not reversible; origin then answers 404)', () => {
    expect(canonicalUrlForExtractedId(extractedArticleId('https://mainichi.jp/english/articles/rice-prices'), hosts, matches))
      .toBe('https://mainichi.jp/english/articles/rice/prices');
    const long = `https://mainichi.jp/english/articles/${'a/'.repeat(80)}z`;
    expect(canonicalUrlForExtractedId(extractedArticleId(long), hosts, matches)).not.toBe(long);
  });
});
