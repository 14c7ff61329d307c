import { describe, expect, it } from 'vitest';
import { normaliseUri, toUri } from './uri';

describe('toUri (RFC 3987 §3.1, RFC 3986 §6.2.2)', () => {
  it.each([
    ['https://mainichi.jp/english/articles/20261130/東京/café-report', 'https://mainichi.jp/english/articles/20261130/%E6%9D%B1%E4%BA%AC/caf%C3%A9-report'],
    ['https://mainichi.jp/english/articles/20261130/%e6%9d%b1%e4%ba%ac/caf%c3%a9-report', 'https://mainichi.jp/english/articles/20261130/%E6%9D%B1%E4%BA%AC/caf%C3%A9-report'],
    // NFD (e + U+0301) is the same IRI as NFC é.
    ['https://mainichi.jp/cafe\u0301', 'https://mainichi.jp/caf%C3%A9'],
    ['HTTPS://MAINICHI.JP:443/a/./b/../c', 'https://mainichi.jp/a/c'],
    ['http://example.com:80/', 'http://example.com/'],
    ['https://example.com:8443/x', 'https://example.com:8443/x'],
    ['https://example.com/%7Euser/%41%2d%5F', 'https://example.com/~user/A-_'],
    ['https://example.com/a%2Fb', 'https://example.com/a%2Fb'],
    ['https://例え.jp/パス?q=東京#節', 'https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9?q=%E6%9D%B1%E4%BA%AC#%E7%AF%80'],
    ['https://example.com/a^b|c?x=[1]#y^z', 'https://example.com/a%5Eb%7Cc?x=%5B1%5D#y%5Ez'],
    ['  https://example.com/trimmed  ', 'https://example.com/trimmed'],
  ])('%s -> %s', (input, uri) => {
    expect(toUri(input)).toEqual({ ok: true, uri });
    // Idempotent: the normal form is its own normal form.
    expect(normaliseUri(uri)).toBe(uri);
  });

  it.each([
    ['https://example.com/%zz', /percent-escape/],
    ['https://example.com/100%', /percent-escape/],
    ['https://example.com/a\ud800b', /lone surrogate/],
    ['https://example.com/a\u0000b', /U\+0000/],
    ['https://example.com/a\r\nb', /U\+000D/],
    ['not a url', /absolute URL/],
    ['/relative/path', /absolute URL/],
  ])('refuses %j', (input, reason) => {
    const result = toUri(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('gives only visible ASCII: a valid HTTP header value', () => {
    const uri = normaliseUri('https://example.com/ü "quoted" <tag> `tick` {brace} \\back');
    expect(uri).toMatch(/^[\x21-\x7E]+$/);
  });
});
