import { type HTMLElement, parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureById, fixtures, SEED_ID } from '../fixtures';
import { articleSchema, byline, ogLocale, shareDescription, shareHeadline } from '../src/domain/article';
import { TAG_LIMITS } from '../src/domain/head';
import { graphemeLength } from '../src/domain/typography';
import { authed, call, loadFixtures, ORIGIN, putArticle } from './helpers';

const published = fixtures.filter((f) => f.status === 'published').map((f) => articleSchema.parse(f));
const draft = fixtures.find((f) => f.status === 'draft')!;

beforeAll(loadFixtures);

async function head(id: string): Promise<HTMLElement> {
  const res = await call(`/a/${id}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  return parse(await res.text()).querySelector('head')!;
}

const metaProp = (h: HTMLElement, p: string) => h.querySelectorAll(`meta[property="${p}"]`).map((m) => m.getAttribute('content'));
const metaName = (h: HTMLElement, n: string) => h.querySelectorAll(`meta[name="${n}"]`).map((m) => m.getAttribute('content'));
const one = (values: (string | undefined)[]) => {
  expect(values.length).toBe(1);
  return values[0]!;
};
const isAbsolute = (u: string) => /^https?:\/\/[^/]+\//.test(u);

describe.each(published.map((a) => [a.id, a] as const))('head of /a/%s', (id, article) => {
  let h: HTMLElement;
  beforeAll(async () => {
    h = await head(id);
  });

  it('has title, description, canonical, robots and theme colour', () => {
    expect(one(h.querySelectorAll('title').map((t) => t.text))).toBe(`${shareHeadline(article)} | The Mainichi`);
    expect(one(metaName(h, 'description'))).toBe(one(metaProp(h, 'og:description')));
    expect(one(h.querySelectorAll('link[rel="canonical"]').map((l) => l.getAttribute('href')))).toBe(article.url);
    expect(one(metaName(h, 'robots'))).toBe('max-image-preview:large');
    expect(one(metaName(h, 'theme-color'))).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('has every required and recommended Open Graph tag', () => {
    expect(one(metaProp(h, 'og:type'))).toBe('article');
    expect(one(metaProp(h, 'og:title'))).toBe(shareHeadline(article));
    expect(graphemeLength(one(metaProp(h, 'og:title')))).toBeLessThanOrEqual(TAG_LIMITS.title);
    const description = one(metaProp(h, 'og:description'));
    expect(graphemeLength(description)).toBeLessThanOrEqual(TAG_LIMITS.description);
    expect(shareDescription(article).startsWith(description.replace(/…$/, ''))).toBe(true);
    expect(one(metaProp(h, 'og:url'))).toBe(article.url);
    expect(one(metaProp(h, 'og:site_name'))).toBe('The Mainichi');
    expect(one(metaProp(h, 'og:locale'))).toBe(ogLocale(article.lang));
    const image = one(metaProp(h, 'og:image'));
    expect(isAbsolute(image)).toBe(true);
    if (image.startsWith('https:')) expect(one(metaProp(h, 'og:image:secure_url'))).toBe(image);
    expect(one(metaProp(h, 'og:image:type'))).toMatch(/^image\/(png|jpeg)$/);
    expect(Number(one(metaProp(h, 'og:image:width')))).toBeGreaterThanOrEqual(200);
    expect(Number(one(metaProp(h, 'og:image:height')))).toBeGreaterThanOrEqual(200);
    const alt = one(metaProp(h, 'og:image:alt'));
    expect(alt.length).toBeGreaterThan(0);
    expect(graphemeLength(alt)).toBeLessThanOrEqual(TAG_LIMITS.alt);
    // The image is the article's 1200x630 share card, served by this service (JPEG for photo cards
    // where the Images binding is configured, as it is in tests).
    const photoCard = Boolean(article.image) && article.cardTemplate !== 'text';
    expect(new URL(image).pathname).toBe(`/card/${article.id}/og.${photoCard ? 'jpg' : 'png'}`);
    expect(image.startsWith(`${ORIGIN}/`)).toBe(true);
    expect(one(metaProp(h, 'og:image:type'))).toBe(photoCard ? 'image/jpeg' : 'image/png');
    expect(Number(one(metaProp(h, 'og:image:width')))).toBe(1200);
    expect(Number(one(metaProp(h, 'og:image:height')))).toBe(630);
    expect(alt).toContain(shareHeadline(article));
  });

  it('has the article:* tags', () => {
    expect(one(metaProp(h, 'article:published_time'))).toBe(article.publishedAt);
    expect(one(metaProp(h, 'article:modified_time'))).toBe(article.modifiedAt ?? article.publishedAt);
    expect(metaProp(h, 'article:author')).toEqual(article.authors.map((a) => a.url ?? a.name));
    expect(one(metaProp(h, 'article:section'))).toBe(article.section);
    expect(metaProp(h, 'article:tag')).toEqual(article.tags);
  });

  it('has the Twitter card', () => {
    expect(one(metaName(h, 'twitter:card'))).toBe('summary_large_image');
    expect(one(metaName(h, 'twitter:site'))).toBe('@themainichi');
    const creator = article.authors.find((a) => a.x)?.x;
    expect(metaName(h, 'twitter:creator')).toEqual(creator ? [creator] : []);
    expect(one(metaName(h, 'twitter:image'))).toBe(one(metaProp(h, 'og:image')));
    expect(graphemeLength(one(metaName(h, 'twitter:image:alt')))).toBeLessThanOrEqual(420);
    if (article.authors.length) {
      expect(one(metaName(h, 'twitter:label1'))).toBe('Written by');
      expect(one(metaName(h, 'twitter:data1'))).toBe(byline(article));
    }
    expect(one(metaName(h, 'twitter:label2'))).toBe('Published');
    expect(one(metaName(h, 'twitter:data2')).length).toBeGreaterThan(0);
  });

  it('has fediverse:creator for each author with an address', () => {
    expect(metaName(h, 'fediverse:creator')).toEqual(article.authors.flatMap((a) => (a.fediverse ? [a.fediverse] : [])));
  });

  it('has oEmbed discovery links for JSON and XML', () => {
    for (const [type, format] of [['application/json+oembed', 'json'], ['text/xml+oembed', 'xml']]) {
      const href = one(h.querySelectorAll(`link[rel="alternate"][type="${type}"]`).map((l) => l.getAttribute('href')));
      const url = new URL(href);
      expect(url.origin + url.pathname).toBe(`${ORIGIN}/oembed`);
      expect([...url.searchParams.keys()].sort()).toEqual(['format', 'url']);
      expect(url.searchParams.get('url')).toBe(article.url);
      expect(url.searchParams.get('format')).toBe(format);
    }
  });

  it('has JSON-LD NewsArticle identical to the OG values', () => {
    const scripts = h.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts.length).toBe(1);
    const ld = JSON.parse(scripts[0]!.text);
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(one(metaProp(h, 'og:title')));
    expect(ld.description).toBe(one(metaProp(h, 'og:description')));
    expect(ld.datePublished).toBe(article.publishedAt);
    expect(ld.dateModified).toBe(article.modifiedAt ?? article.publishedAt);
    expect(Date.parse(ld.datePublished)).not.toBeNaN();
    expect(ld.datePublished).toMatch(/(Z|[+-]\d\d:\d\d)$/);
    expect(ld.mainEntityOfPage['@id']).toBe(article.url);
    expect(ld.image.length).toBeGreaterThan(0);
    for (const u of ld.image) expect(isAbsolute(u)).toBe(true);
    expect(ld.publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'The Mainichi' });
    expect(isAbsolute(ld.publisher.logo.url)).toBe(true);
    if (article.authors.length) expect(ld.author.map((a: { name: string }) => a.name)).toEqual(article.authors.map((a) => a.name));
  });

  it('sets lang on the page and shows headline, byline and body', async () => {
    const doc = parse(await (await call(`/a/${id}`)).text());
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe(article.lang);
    expect(doc.querySelector('h1')!.text).toBe(article.headline);
    for (const p of article.body ?? []) expect(doc.querySelector('.body')!.text).toContain(p);
    if (article.image?.caption) expect(doc.querySelector('figcaption')!.text).toContain(article.image.caption);
    if (article.credit) expect(doc.querySelector('.credit-line')!.text).toContain(article.credit);
  });
});

describe('head tags for a CMS template', () => {
  it('returns the same tags as the page, in order, as JSON', async () => {
    const res = await call(`/api/articles/${SEED_ID}/meta`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const { tags } = (await res.json()) as { tags: { tag: string; property?: string; name?: string; content?: string }[] };
    const h = await head(SEED_ID);
    const fromPage = h.querySelectorAll('meta[property]').map((m) => [m.getAttribute('property'), m.getAttribute('content')]);
    const fromJson = tags.filter((t) => t.tag === 'meta' && t.property).map((t) => [t.property, t.content]);
    expect(fromJson).toEqual(fromPage);
    expect(tags[0]).toMatchObject({ tag: 'title' });
  });

  it('returns an HTML fragment with ?format=html', async () => {
    const res = await call(`/api/articles/${SEED_ID}/meta?format=html`);
    expect(res.headers.get('content-type')).toContain('text/html');
    const fragment = parse(await res.text());
    expect(fragment.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(fixtureById(SEED_ID).headline);
    expect(fragment.querySelectorAll('script[type="application/ld+json"]').length).toBe(1);
    expect((await call(`/api/articles/${SEED_ID}/meta?format=yaml`)).status).toBe(400);
  });
});

describe('drafts and unknown articles', () => {
  it('answers 404 pages for a draft, an unknown id and a malformed id', async () => {
    for (const path of [`/a/${draft.id}`, '/a/no-such-article', '/a/..%2F..%2Fetc']) {
      const res = await call(path);
      expect(res.status, path).toBe(404);
      const text = await res.text();
      expect(text).not.toContain(draft.headline);
    }
  });

  it('keeps the draft off the home page and out of the public meta API', async () => {
    const home = await (await call('/')).text();
    expect(home).not.toContain(draft.id);
    expect(home).toContain(`/a/${SEED_ID}`);
    expect((await call(`/api/articles/${draft.id}/meta`)).status).toBe(404);
    // The CMS, with its token, may look at a draft's tags before publishing.
    expect((await authed(`/api/articles/${draft.id}/meta`)).status).toBe(200);
  });

  it('healthz answers 200', async () => {
    expect((await call('/healthz')).status).toBe(200);
  });

  it('answers a JSON problem for an unknown route', async () => {
    const res = await call('/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('escaping hostile values', () => {
  const hostile = {
    ...fixtureById(SEED_ID),
    id: 'hostile-values',
    url: 'https://mainichi.jp/english/articles/hostile-values',
    headline: '</title><script>alert(1)</script>',
    description: 'Ends the JSON-LD: </script><script>alert(2)</script> & "quotes" \u2028 line',
    tags: ['"><img src=x onerror=alert(3)>'],
    authors: [{ name: "O'Brien <b>bold</b>", url: 'https://example.com/a?x=1&y="2"' }],
  };

  it('keeps every value inside its element and attribute', async () => {
    expect((await putArticle(hostile)).status).toBe(201);
    const html = await (await call('/a/hostile-values')).text();
    const doc = parse(html);
    const h = doc.querySelector('head')!;
    expect(h.querySelector('title')!.text).toBe(`${hostile.headline} | The Mainichi`);
    expect(h.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(hostile.headline);
    expect(h.querySelectorAll('meta[property="article:tag"]').map((m) => m.getAttribute('content'))).toEqual(hostile.tags);
    // URLs are stored as their normalised URI: the quotes arrive percent-encoded.
    expect(h.querySelector('meta[property="article:author"]')!.getAttribute('content')).toBe('https://example.com/a?x=1&y=%222%22');
    // The only inline script is the JSON-LD, and it still parses to the original values; the
    // others are this service's own files.
    const all = doc.querySelectorAll('script');
    for (const s of all.filter((s) => s.getAttribute('src'))) expect(s.getAttribute('src')!.startsWith(`${ORIGIN}/`)).toBe(true);
    const scripts = all.filter((s) => !s.getAttribute('src'));
    expect(scripts.length).toBe(1);
    const ld = JSON.parse(scripts[0]!.text);
    expect(ld.headline).toBe(hostile.headline);
    // U+2028 is stored as a line break (src/domain/normalise/text-hygiene.ts), then folded like one.
    expect(ld.description).toBe(hostile.description.replace(/\u2028/g, '\n').replace(/[ \t\n]+/g, ' ').trim());
    expect(doc.querySelectorAll('img[onerror]').length).toBe(0);
    expect(html).not.toContain('<script>alert');
  });
});
