import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { OembedResponse } from './oembed';
import { escapeXml, oembedXml } from './oembed-xml';

const response: OembedResponse = {
  type: 'rich',
  version: '1.0',
  title: `Kim's "summit" <live> & more \u0007\uFFFF`,
  author_name: '山田花子',
  provider_name: 'The Mainichi',
  provider_url: 'https://mainichi.jp/english/',
  cache_age: 86400,
  thumbnail_url: 'https://cdn.example/p.jpg?a=1&b=2',
  thumbnail_width: 320,
  thumbnail_height: 213,
  html: '<blockquote><a href="https://x/?a=1&amp;b=2">t</a></blockquote><iframe src="https://p/embed/x"></iframe>',
  width: 320,
  height: 411,
};

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('drops characters XML 1.0 cannot hold and keeps the rest of Unicode', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('tab\tnl\n 🎏 이재명')).toBe('tab\tnl\n 🎏 이재명');
  });
});

describe('oembedXml', () => {
  const xml = oembedXml(response);

  it('starts with the declaration, has an <oembed> root and no DOCTYPE', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>')).toBe(true);
    expect(xml.trimEnd().endsWith('</oembed>')).toBe(true);
    expect(xml).not.toMatch(/<!DOCTYPE/i);
  });

  it('is well-formed and carries the same values as the JSON', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false, trimValues: false }).parse(xml).oembed;
    const expected = Object.fromEntries(Object.entries(response).map(([k, v]) => [k, String(v)]));
    expected.title = `Kim's "summit" <live> & more `;
    expect(parsed).toEqual(expected);
  });

  it('writes the fields in the JSON order and skips absent ones', () => {
    const { author_name: _omit, ...rest } = response;
    const tags = [...oembedXml(rest).matchAll(/<(\w+)>/g)].map((m) => m[1]);
    expect(tags).toEqual(['oembed', ...Object.keys(rest)]);
  });
});
