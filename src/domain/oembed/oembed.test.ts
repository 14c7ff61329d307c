import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../../../fixtures';
import { articleSchema } from '../article';
import { embedHeight, embedModel } from '../embed';
import {
  buildOembed, EMBED_SANDBOX, embedFrame, embedHtml, embedPageUrl, oembedTarget, oembedThumbnail, parseOembedRequest,
} from './oembed';
import { shareImageFor, squareCardImageFor } from '../card';
import { compileUrlPatterns, parseSiteConfig } from '../site';

const config = parseSiteConfig({});
const ORIGIN = 'https://presscard.example';
const seed = articleSchema.parse(fixtureById(SEED_ID));
const SEED_URL = 'https://mainichi.jp/english/articles/20180614/p2a/00m/0na/010000c';

describe('parseOembedRequest', () => {
  const url = SEED_URL;

  it('defaults to JSON and ignores unknown parameters', () => {
    expect(parseOembedRequest({ url, dnt: '1', callback: 'x' })).toEqual({ ok: true, request: { url, format: 'json' } });
  });

  it('takes the format from the query or the path, in any case', () => {
    expect(parseOembedRequest({ url, format: 'xml' })).toMatchObject({ ok: true, request: { format: 'xml' } });
    expect(parseOembedRequest({ url, format: 'JSON' })).toMatchObject({ ok: true, request: { format: 'json' } });
    expect(parseOembedRequest({ url }, 'xml')).toMatchObject({ ok: true, request: { format: 'xml' } });
    expect(parseOembedRequest({ url, format: 'xml' }, 'xml')).toMatchObject({ ok: true, request: { format: 'xml' } });
  });

  it('answers 501 for a format it does not speak and 400 when path and query disagree', () => {
    expect(parseOembedRequest({ url, format: 'yaml' })).toMatchObject({ ok: false, status: 501 });
    expect(parseOembedRequest({ url, format: 'jsonp' }, 'json')).toMatchObject({ ok: false, status: 501 });
    expect(parseOembedRequest({ url, format: 'xml' }, 'json')).toMatchObject({ ok: false, status: 400 });
  });

  it('needs an absolute url', () => {
    expect(parseOembedRequest({})).toMatchObject({ ok: false, status: 400, detail: expect.stringContaining('url is required') });
    expect(parseOembedRequest({ url: ' ' })).toMatchObject({ ok: false, status: 400 });
    expect(parseOembedRequest({ url: '/english/articles/1' })).toMatchObject({ ok: false, status: 400, detail: expect.stringContaining('not an absolute URL') });
  });

  it('reads maxwidth and maxheight as positive whole pixels', () => {
    expect(parseOembedRequest({ url, maxwidth: '320', maxheight: '480' })).toMatchObject({ ok: true, request: { maxwidth: 320, maxheight: 480 } });
    expect(parseOembedRequest({ url, maxwidth: '' })).toEqual({ ok: true, request: { url, format: 'json' } });
    for (const bad of ['0', '-1', 'abc', '1.5', '1e3', '99999999']) {
      expect(parseOembedRequest({ url, maxwidth: bad }), bad).toMatchObject({ ok: false, status: 400, detail: expect.stringContaining('maxwidth') });
      expect(parseOembedRequest({ url, maxheight: bad }), bad).toMatchObject({ ok: false, status: 400, detail: expect.stringContaining('maxheight') });
    }
  });

  it('accepts a light or dark theme and nothing else', () => {
    expect(parseOembedRequest({ url, theme: 'dark' })).toMatchObject({ ok: true, request: { theme: 'dark' } });
    expect(parseOembedRequest({ url, theme: 'blue' })).toMatchObject({ ok: false, status: 400 });
  });
});

describe('oembedTarget', () => {
  const matches = compileUrlPatterns(config.articleUrlPatterns);

  it('finds canonical URLs in every spelling a consumer sends', () => {
    for (const u of [SEED_URL, SEED_URL.replace('https:', 'http:'), `${SEED_URL}/`, `${SEED_URL}?utm_source=x`, `${SEED_URL}#top`, SEED_URL.replace('mainichi.jp', 'MAINICHI.JP')]) {
      expect(oembedTarget(u, ORIGIN, matches), u).toEqual({ kind: 'canonical', url: SEED_URL });
    }
  });

  it("finds this service's own article pages over http or https", () => {
    for (const u of [`${ORIGIN}/a/${SEED_ID}`, `http://presscard.example/a/${SEED_ID}/`, `${ORIGIN}/a/${SEED_ID}?x=1#y`]) {
      expect(oembedTarget(u, ORIGIN, matches), u).toEqual({ kind: 'own', id: SEED_ID });
    }
  });

  it('calls everything else foreign', () => {
    for (const u of ['https://example.com/english/articles/1', 'https://mainichi.jp/articles/1', `${ORIGIN}/embed/${SEED_ID}`, `${ORIGIN}/a/`, 'ftp://mainichi.jp/english/articles/1', 'mailto:a@b.c']) {
      expect(oembedTarget(u, ORIGIN, matches), u).toEqual({ kind: 'foreign' });
    }
  });
});

describe('embedFrame', () => {
  const card = embedModel(seed, config, ORIGIN, shareImageFor(seed, config, ORIGIN));

  it('is 600 wide by default, and as tall as the card', () => {
    expect(embedFrame(card)).toEqual({ width: 600, height: embedHeight(card, 600, 'full'), layout: 'full' });
  });

  it('never exceeds maxwidth, nor 800, even below the card minimum', () => {
    expect(embedFrame(card, 320).width).toBe(320);
    expect(embedFrame(card, 700).width).toBe(700);
    expect(embedFrame(card, 1200).width).toBe(800);
    expect(embedFrame(card, 100).width).toBe(100);
  });

  it('never exceeds maxheight', () => {
    for (const maxheight of [1000, 500, 300, 200, 100, 10]) {
      const frame = embedFrame(card, 600, maxheight);
      expect(frame.height, String(maxheight)).toBeLessThanOrEqual(maxheight);
    }
    expect(embedFrame(card, 600, 300).layout).not.toBe('full');
  });
});

describe('oembedThumbnail', () => {
  const image = { url: 'https://cdn.example/p.jpg', width: 1200, height: 800, type: 'image/jpeg' as const, alt: '' };

  it('is the image itself without bounds', () => {
    expect(oembedThumbnail(image, {})).toEqual({ thumbnail_url: image.url, thumbnail_width: 1200, thumbnail_height: 800 });
  });

  it('scales down within both bounds, keeping the aspect ratio', () => {
    expect(oembedThumbnail(image, { maxwidth: 320 })).toMatchObject({ thumbnail_width: 320, thumbnail_height: 213 });
    expect(oembedThumbnail(image, { maxheight: 100 })).toMatchObject({ thumbnail_width: 150, thumbnail_height: 100 });
    expect(oembedThumbnail(image, { maxwidth: 300, maxheight: 100 })).toMatchObject({ thumbnail_width: 150, thumbnail_height: 100 });
    for (const [w, h] of [[1, 1], [7, 3], [333, 777], [599, 400]] as const) {
      const t = oembedThumbnail(image, { maxwidth: w, maxheight: h });
      expect(t.thumbnail_width).toBeLessThanOrEqual(w);
      expect(t.thumbnail_height).toBeLessThanOrEqual(h);
      expect(t.thumbnail_width).toBeGreaterThanOrEqual(1);
    }
  });

  it('never scales up', () => {
    expect(oembedThumbnail(image, { maxwidth: 5000, maxheight: 5000 })).toMatchObject({ thumbnail_width: 1200, thumbnail_height: 800 });
  });
});

describe('embedHtml', () => {
  const html = embedHtml({
    url: 'https://mainichi.jp/a?x=1&y=2', title: `"Quotes" & <tags>`, siteName: 'The <Mainichi>',
    src: `${ORIGIN}/embed/x?layout=text&theme=dark`, width: 320, height: 400, origin: ORIGIN,
  });

  it('puts the blockquote first and an empty iframe after it', () => {
    expect(html).toMatch(/^<blockquote[^>]*><a href="[^"]+">[^<]*<\/a>[^<]*<\/blockquote><iframe [^>]*><\/iframe>/);
  });

  it('escapes every value for its attribute or text', () => {
    expect(html).toContain('href="https://mainichi.jp/a?x=1&amp;y=2"');
    expect(html).toContain('>&quot;Quotes&quot; &amp; &lt;tags&gt;</a>');
    expect(html).toContain('src="https://presscard.example/embed/x?layout=text&amp;theme=dark"');
    expect(html).toContain('title="&quot;Quotes&quot; &amp; &lt;tags&gt; \u2014 The &lt;Mainichi&gt;"');
    expect(html).not.toContain('<tags>');
  });

  it('asks for the sandbox and frame attributes the issue lists', () => {
    for (const a of ['width="320"', 'height="400"', 'frameborder="0"', 'marginwidth="0"', 'marginheight="0"', 'scrolling="no"', `sandbox="${EMBED_SANDBOX}"`]) {
      expect(html).toContain(a);
    }
    expect(EMBED_SANDBOX).toBe('allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation');
  });
});

describe('embedPageUrl', () => {
  it('leaves defaults out of the URL', () => {
    expect(embedPageUrl(ORIGIN, 'a-1', 'full')).toBe(`${ORIGIN}/embed/a-1`);
    expect(embedPageUrl(ORIGIN, 'a-1', 'brief', 'dark')).toBe(`${ORIGIN}/embed/a-1?layout=brief&theme=dark`);
  });
});

describe('buildOembed', () => {
  const answer = (article = seed, request = {}) =>
    buildOembed({ article, config, origin: ORIGIN, request, thumbnail: squareCardImageFor(article, config, ORIGIN), shareCard: shareImageFor(article, config, ORIGIN) });

  it('is a rich 1.0 answer (version as a string) naming the article, byline and site', () => {
    const r = answer();
    expect(r).toMatchObject({
      type: 'rich', version: '1.0', title: seed.headline, author_name: 'Akira Kudo, Keisuke Kawazu',
      provider_name: 'The Mainichi', provider_url: 'https://mainichi.jp/english/', width: 600,
    });
    expect(typeof r.version).toBe('string');
    expect(r.author_url).toBeUndefined();
    expect(r.cache_age).toBeGreaterThan(0);
    expect(r.html).toContain(`src="${ORIGIN}/embed/${SEED_ID}"`);
    expect(r.html).toContain(`height="${r.height}"`);
  });

  it('uses the social headline and the first author URL when there are', () => {
    const article = articleSchema.parse({
      ...fixtureById(SEED_ID), socialHeadline: 'Shorter headline',
      authors: [{ name: 'A' }, { name: 'B', url: 'https://mainichi.jp/authors/b' }],
    });
    expect(answer(article)).toMatchObject({ title: 'Shorter headline', author_name: 'A, B', author_url: 'https://mainichi.jp/authors/b' });
  });

  it('leaves author_name out when the article has no authors', () => {
    const article = articleSchema.parse({ ...fixtureById(SEED_ID), authors: [] });
    expect('author_name' in answer(article)).toBe(false);
  });

  it('keeps frame and thumbnail within maxwidth and maxheight', () => {
    const r = answer(seed, { maxwidth: 320, maxheight: 240 });
    expect(r.width).toBeLessThanOrEqual(320);
    expect(r.height).toBeLessThanOrEqual(240);
    expect(r.thumbnail_width).toBeLessThanOrEqual(320);
    expect(r.thumbnail_height).toBeLessThanOrEqual(240);
    expect(r.html).toContain('?layout=');
  });
});
