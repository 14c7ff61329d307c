import { describe, expect, it } from 'vitest';
import { compileUrlPatterns, normaliseArticleUrl } from './url-patterns';

describe('compileUrlPatterns', () => {
  const matches = compileUrlPatterns(['https://mainichi.jp/english/articles/*']);

  it('matches the publisher article URLs', () => {
    expect(matches('https://mainichi.jp/english/articles/20180614/p2a/00m/0na/010000c')).toBe(true);
  });

  it('rejects other paths, hosts and look-alikes', () => {
    expect(matches('https://mainichi.jp/articles/20180614/k00/00m/030/1c')).toBe(false);
    expect(matches('https://evil.example/https://mainichi.jp/english/articles/x')).toBe(false);
    expect(matches('https://mainichi.jp.evil.example/english/articles/x')).toBe(false);
    expect(matches('https://mainichiXjp/english/articles/x')).toBe(false); // the dot is literal
  });
});

describe('normaliseArticleUrl', () => {
  const canonical = 'https://mainichi.jp/english/articles/20180614/p2a/00m/0na/010000c';

  it.each([
    canonical,
    'http://mainichi.jp/english/articles/20180614/p2a/00m/0na/010000c',
    `${canonical}/`,
    `${canonical}?utm_source=x`,
    `${canonical}#comments`,
    'https://MAINICHI.jp:443/english/articles/20180614/p2a/00m/0na/010000c',
  ])('maps %s to the canonical form', (input) => {
    expect(normaliseArticleUrl(input)).toBe(canonical);
  });

  it('refuses what is not an http(s) URL', () => {
    expect(normaliseArticleUrl('not a url')).toBeUndefined();
    expect(normaliseArticleUrl('javascript:alert(1)')).toBeUndefined();
    expect(normaliseArticleUrl('ftp://mainichi.jp/x')).toBeUndefined();
  });
});
