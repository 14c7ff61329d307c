import { describe, expect, it } from 'vitest';
import { extractArticle, titleWithoutSiteSuffix } from './extract-article';
import { extractedArticleId } from './extracted-id';
import { languageFromScript, normaliseLanguageTag } from './language';
import type { PageSignals } from './page-signals';

const ctx = {
  canonicalUrl: 'https://mainichi.jp/english/articles/20990101/p2a/00m/0na/001000c', siteName: 'The Mainichi', defaultLang: 'en_US',
  matchesCanonical: (u: string) => u.startsWith('https://mainichi.jp/english/articles/'), decode: (s: string) => s.replace(/&amp;/g, '&'),
};
const signals = (over: Partial<PageSignals>): PageSignals => ({ finalUrl: ctx.canonicalUrl, metas: [], jsonLd: [], ...over });
const meta = (key: string, content: string) => ({ key, content });

describe('extraction', () => {
  it('strips the site suffix from <title>', () => {
    expect(titleWithoutSiteSuffix('Rain in Osaka - The Mainichi', ['The Mainichi'])).toBe('Rain in Osaka');
    expect(titleWithoutSiteSuffix('大阪で雨｜毎日新聞', ['The Mainichi', '毎日新聞'])).toBe('大阪で雨');
    expect(titleWithoutSiteSuffix('Floods close - roads in Kyushu - Some Site', [])).toBe('Floods close - roads in Kyushu');
    expect(titleWithoutSiteSuffix('The Mainichi', ['The Mainichi'])).toBeUndefined();
    expect(titleWithoutSiteSuffix('Well-known fact', ['The Mainichi'])).toBe('Well-known fact');
  });

  it('normalises declared languages and guesses from the script', () => {
    expect(normaliseLanguageTag('en_US')).toBe('en');
    expect(normaliseLanguageTag('zh_TW')).toBe('zh-Hant');
    expect(normaliseLanguageTag('zh-hans')).toBe('zh-Hans');
    expect(normaliseLanguageTag('x')).toBeUndefined();
    expect(languageFromScript('東京でさくら')).toBe('ja');
    expect(languageFromScript('서울')).toBe('ko');
    expect(languageFromScript('上海外滩')).toBe('zh');
    expect(languageFromScript('Paris')).toBeUndefined();
  });

  it('makes ids within the article id pattern, long paths included', () => {
    expect(extractedArticleId(ctx.canonicalUrl)).toBe('x-english-articles-20990101-p2a-00m-0na-001000c');
    const long = extractedArticleId(`https://mainichi.jp/english/articles/${'a'.repeat(300)}`);
    expect(long).toMatch(/^[a-z0-9][a-z0-9-]{0,127}$/);
  });

  it('refuses pages that are not articles or lack a date', () => {
    expect(extractArticle(signals({ metas: [meta('og:type', 'website'), meta('og:title', 'Front')] }), ctx)).toEqual({ ok: false, reason: 'not-an-article' });
    expect(extractArticle(signals({ metas: [meta('og:title', 'No date')] }), ctx)).toEqual({ ok: false, reason: 'no-date' });
    expect(extractArticle(signals({}), ctx)).toEqual({ ok: false, reason: 'no-headline' });
    // A date without an offset would be read in the runtime's zone: not accepted.
    expect(extractArticle(signals({ metas: [meta('og:title', 'T'), meta('article:published_time', '2099-01-01T09:00')] }), ctx)).toMatchObject({ reason: 'no-date' });
  });

  it('validates with the article schema: too long values are truncated, bad dates dropped', () => {
    const result = extractArticle(signals({
      metas: [meta('og:title', 'x'.repeat(500)), meta('article:published_time', '2099-01-02T00:00:00Z'), meta('article:modified_time', '2000-01-01T00:00:00Z')],
    }), ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.article.headline].length).toBeLessThanOrEqual(200);
    expect(result.article.modifiedAt).toBeUndefined();
    expect(result.article.lang).toBe('en');
    expect(result.provenance.lang).toBe('default');
  });

  it('skips unparsable JSON-LD blocks and finds the article in a later one', () => {
    const result = extractArticle(signals({
      jsonLd: ['{broken', '<![CDATA[{"@type":"NewsArticle","headline":"From LD","datePublished":"2099-01-01"}]]>'],
      metas: [meta('og:title', 'From OG')],
    }), ctx);
    expect(result).toMatchObject({ ok: true, article: { headline: 'From LD', publishedAt: '2099-01-01T00:00:00.000Z' }, provenance: { headline: 'json-ld' } });
  });

  it('passes over an image of unknown size (a logo in og:image) for the JSON-LD image with its size', () => {
    const result = extractArticle(signals({
      metas: [meta('og:image', '/logo.svg'), meta('og:title', 'T'), meta('article:published_time', '2099-01-02T00:00:00Z')],
      jsonLd: ['{"@type":"NewsArticle","image":[{"@type":"ImageObject","url":"https://cdn.mainichi.jp/p.jpg","width":1200,"height":800,"caption":"Harbour &amp; ships"}]}'],
    }), ctx);
    expect(result).toMatchObject({
      ok: true, article: { image: { url: 'https://cdn.mainichi.jp/p.jpg', width: 1200, height: 800, alt: 'Harbour & ships' } },
      provenance: { image: 'json-ld', imageAlt: 'json-ld' },
    });
  });
});
