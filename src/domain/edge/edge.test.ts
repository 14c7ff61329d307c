import { describe, expect, it } from 'vitest';
import { compileUrlPatterns } from '../site';
import { asciiJson, asciiSafeHtml, charsetFromContentType, isUtf8, sniffMetaCharset } from './charset';
import { parseEdgeConfig } from './edge-config';
import { edgeDecision } from './edge-route';
import { fingerprint, ifNoneMatchHits, originIfNoneMatch, rewrittenEtag } from './etag';
import { rewritable } from './pass-through';

const patterns = ['https://mainichi.jp/english/articles/*'];
const decide = (url: string, originUrl: string | undefined = 'http://origin.test') =>
  edgeDecision(url, { originUrl, patterns, matchesCanonical: compileUrlPatterns(patterns) });

describe('edge route', () => {
  it('takes article paths on the public host and keeps path and query for origin', () => {
    expect(decide('https://mainichi.jp/english/articles/1/a?x=1')).toEqual({
      kind: 'article', canonicalUrl: 'https://mainichi.jp/english/articles/1/a', originUrl: 'http://origin.test/english/articles/1/a?x=1',
    });
    expect(decide('https://mainichi.jp/english/')).toEqual({ kind: 'pass', originUrl: 'http://origin.test/english/' });
  });
  it('takes article paths on localhost; everything else is the app', () => {
    expect(decide('http://localhost:8787/english/articles/1').kind).toBe('article');
    expect(decide('http://127.0.0.1:8787/oembed').kind).toBe('app');
    expect(decide('https://presscard.example/english/articles/1').kind).toBe('app');
    expect(edgeDecision('https://mainichi.jp/english/articles/1', { originUrl: undefined, patterns, matchesCanonical: () => true }).kind).toBe('app');
  });
});

describe('edge ETags', () => {
  it('weakens origin\'s tag and ties it to the injected set', () => {
    expect(rewrittenEtag('"abc"', 'f1')).toBe('W/"abc-pcf1"');
    expect(rewrittenEtag('W/"abc"', 'f1')).toBe('W/"abc-pcf1"');
    expect(rewrittenEtag(null, 'f1')).toBeUndefined();
    expect(rewrittenEtag('not a tag', 'f1')).toBeUndefined();
    expect(fingerprint('a')).not.toBe(fingerprint('b'));
  });
  it('translates only tags of the current set for origin, and compares weakly', () => {
    expect(originIfNoneMatch('W/"abc-pcf1", W/"old-pcf0"', 'f1')).toBe('"abc"');
    expect(originIfNoneMatch('W/"abc-pcf0"', 'f1')).toBeUndefined();
    expect(ifNoneMatchHits('W/"abc-pcf1"', 'W/"abc-pcf1"')).toBe(true);
    expect(ifNoneMatchHits('"abc-pcf1"', 'W/"abc-pcf1"')).toBe(true);
    expect(ifNoneMatchHits('*', 'W/"x"')).toBe(true);
    expect(ifNoneMatchHits('W/"abc-pcf0"', 'W/"abc-pcf1"')).toBe(false);
  });
});

describe('charsets', () => {
  it('reads the header, then <meta charset> in the first 1024 bytes', () => {
    expect(charsetFromContentType('text/html; charset="Shift_JIS"')).toBe('shift_jis');
    expect(charsetFromContentType('text/html')).toBeUndefined();
    expect(sniffMetaCharset(new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">'))).toBe('euc-jp');
    expect(sniffMetaCharset(new TextEncoder().encode(' '.repeat(1100) + '<meta charset="sjis">'))).toBeUndefined();
    expect(isUtf8(undefined) && isUtf8('utf-8') && !isUtf8('shift_jis')).toBe(true);
  });
  it('writes non-ASCII as references in HTML and as \\u escapes in JSON, astral characters included', () => {
    expect(asciiSafeHtml('<p title="桜">😀</p>')).toBe('<p title="&#x685c;">&#x1f600;</p>');
    expect(asciiJson('{"a":"桜😀"}')).toBe('{"a":"\\u685c\\ud83d\\ude00"}');
    expect(JSON.parse(asciiJson('{"a":"桜😀"}')).a).toBe('桜😀');
  });
});

describe('pass-through and configuration', () => {
  const h = (o: Record<string, string>) => new Headers(o);
  it('rewrites only GET 200 HTML that is not a download', () => {
    expect(rewritable('GET', 200, h({ 'content-type': 'text/html; charset=utf-8' }))).toBe(true);
    expect(rewritable('GET', 200, h({ 'content-type': 'application/xhtml+xml' }))).toBe(true);
    expect(rewritable('HEAD', 200, h({ 'content-type': 'text/html' }))).toBe(false);
    expect(rewritable('GET', 206, h({ 'content-type': 'text/html' }))).toBe(false);
    expect(rewritable('GET', 200, h({ 'content-type': 'text/event-stream' }))).toBe(false);
    expect(rewritable('GET', 200, h({ 'content-type': 'text/html', 'content-disposition': 'attachment' }))).toBe(false);
  });
  it('parses ORIGIN_URL as an origin and refuses a path', () => {
    expect(parseEdgeConfig({ ORIGIN_URL: 'https://origin.example/' }).originUrl).toBe('https://origin.example');
    expect(parseEdgeConfig({}).originUrl).toBeUndefined();
    expect(() => parseEdgeConfig({ ORIGIN_URL: 'https://origin.example/news' })).toThrow(/ORIGIN_URL/);
    expect(() => parseEdgeConfig({ EDGE_ORIGIN_TIMEOUT_MS: '5' })).toThrow(/EDGE_ORIGIN_TIMEOUT_MS/);
  });

  it('remembers articles 5 s by default; 0 turns it off; more than 300 s or negative is refused', () => {
    expect(parseEdgeConfig({}).articleCacheSeconds).toBe(5);
    expect(parseEdgeConfig({ EDGE_ARTICLE_CACHE_TTL: '0' }).articleCacheSeconds).toBe(0);
    expect(parseEdgeConfig({ EDGE_ARTICLE_CACHE_TTL: '30' }).articleCacheSeconds).toBe(30);
    expect(() => parseEdgeConfig({ EDGE_ARTICLE_CACHE_TTL: '301' })).toThrow(/EDGE_ARTICLE_CACHE_TTL/);
    expect(() => parseEdgeConfig({ EDGE_ARTICLE_CACHE_TTL: '-1' })).toThrow(/EDGE_ARTICLE_CACHE_TTL/);
  });
});
