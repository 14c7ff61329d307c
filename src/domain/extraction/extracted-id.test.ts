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

  it('gives paths that share a slug (hyphens, dots, capitals, a trailing slash) ids of their own, never read back', () => {
    const base = 'https://mainichi.jp/english/articles/sur';
    const urls = [`${base}/a/b`, `${base}/a-b`, `${base}/a.b`, `${base}/a_b`, `${base}/A/b`, `${base}/a/b/`, `${base}/a%2Fb`];
    const ids = urls.map(extractedArticleId);
    expect(new Set(ids).size).toBe(urls.length);
    expect(ids[0]).toBe('x-english-articles-sur-a-b');
    for (const id of ids.slice(1)) {
      expect(id).toMatch(/^x-english-articles-sur-a-[0-9a-z-]*b--[0-9a-z]+$/);
      expect(canonicalUrlForExtractedId(id, hosts, matches), id).toBeUndefined();
    }
    const long = `https://mainichi.jp/english/articles/${'a/'.repeat(80)}z`;
    expect(extractedArticleId(long)).toMatch(/^x-[a-z0-9-]{1,126}$/);
    expect(canonicalUrlForExtractedId(extractedArticleId(long), hosts, matches)).toBeUndefined();
    expect(extractedArticleId(long)).not.toBe(extractedArticleId(`${long}z`));
  });
});
