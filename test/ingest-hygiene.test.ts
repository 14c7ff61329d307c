import { env, exports } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { SHARE_NETWORK_IDS } from '../src/domain/site';
import { authed, call, putArticle } from './helpers';

// Issue 10, item 1: every string and URL field is checked at ingest, and data stored before the
// checks existed never makes a public route answer 5xx or send an invalid header.

const doc = (id: string, patch: Record<string, unknown> = {}) => ({
  ...fixtureById(SEED_ID),
  id,
  url: `https://mainichi.jp/english/articles/${id}`,
  ...patch,
});

async function errorsOf(res: Response): Promise<{ pointer: string; detail: string }[]> {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return ((await res.json()) as { errors: { pointer: string; detail: string }[] }).errors;
}

afterEach(() => vi.restoreAllMocks());

describe('ingest refuses text that is not clean Unicode, naming the field', () => {
  it.each([
    ['lone high surrogate at the end of the headline', { headline: 'Truncated emoji at end \ud83c' }, '/headline', /lone surrogate \(U\+D83C\)/],
    ['lone surrogate in the canonical url', { url: 'https://mainichi.jp/english/articles/a\ud800b' }, '/url', /lone surrogate \(U\+D800\)/],
    ['lone low surrogate in a tag', { tags: ['ok', 'bad \udc00'] }, '/tags/1', /lone surrogate/],
    ['NUL in the headline', { headline: 'Nul \u0000 here' }, '/headline', /control character U\+0000/],
    ['a C1 control in an author name', { authors: [{ name: 'Akira\u0085Kudo' }] }, '/authors/0/name', /U\+0085/],
    ['DEL in the section', { section: 'World\u007f' }, '/section', /U\+007F/],
    ['a line break in the headline', { headline: 'Two\nlines' }, '/headline', /U\+000A/],
    ['a tab in the url', { url: 'https://mainichi.jp/english/articles/a\tb' }, '/url', /U\+0009/],
    ['a CR LF in an image url', { image: { ...fixtureById(SEED_ID).image!, url: 'https://cdn.mainichi.jp/a.jpg\r\nSet-Cookie: x=1' } }, '/image/url', /U\+000D/],
    ['a malformed escape in the url', { url: 'https://mainichi.jp/english/articles/%zz' }, '/url', /percent-escape/],
    ['a url whose dot segments leave the site\'s patterns', { url: 'https://mainichi.jp/english/articles/../../evil' }, '/url', /canonical URL patterns/],
  ])('%s: 422 at its pointer, nothing written', async (_, patch, pointer, detail) => {
    const id = `hygiene-${pointer.replace(/\W+/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
    const res = await putArticle(doc(id, patch));
    expect(res.status).toBe(422);
    const errors = await errorsOf(res);
    expect(errors.map((e) => e.pointer)).toEqual([pointer]);
    expect(errors[0]!.detail).toMatch(detail);
    expect((await authed(`/api/articles/${id}`)).status).toBe(404);
  });

  it('keeps tab and line breaks where a field holds paragraphs', async () => {
    const res = await putArticle(doc('hygiene-paragraphs', { description: 'First line\nsecond\tline', body: ['One\n\nTwo'] }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ description: 'First line\nsecond\tline', body: ['One\n\nTwo'] });
  });

  it('refuses a lone surrogate in any article of a batch, with the batch pointer', async () => {
    const res = await authed('/api/articles/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([doc('hygiene-batch-a'), doc('hygiene-batch-b', { credit: 'x\udfff' })]),
    });
    expect(res.status).toBe(422);
    expect((await errorsOf(res)).map((e) => e.pointer)).toEqual(['/1/credit']);
    expect((await authed('/api/articles/hygiene-batch-a')).status).toBe(404);
  });
});

describe('ingest refuses instants the store could not read back', () => {
  it.each([
    ['embargoUntil', '0000-01-01T00:00:00+00:01'],
    ['embargoUntil', '9999-12-31T23:59:59-05:00'],
    ['publishedAt', '0000-01-01T00:00:00+00:01'],
  ])('422 on %s %s, nothing stored, and a readable neighbour still is', async (field, value) => {
    const id = `instant-${field.toLowerCase()}-${value.slice(0, 4)}`;
    const res = await putArticle(doc(id, { [field]: value }), id);
    expect(res.status).toBe(422);
    expect((await errorsOf(res)).map((e) => e.pointer)).toEqual([`/${field}`]);
    expect((await authed(`/api/articles/${id}`)).status).toBe(404);
    const ok = await putArticle(doc(`${id}-ok`, { embargoUntil: '9999-12-31T23:59:59Z' }), `${id}-ok`);
    expect(ok.status).toBe(201);
    expect((await authed(`/api/articles/${id}-ok`)).status).toBe(200);
  });
});

describe('ingest normalises text to NFC and URLs to one URI', () => {
  it('stores a decomposed (NFD) headline in NFC', async () => {
    const nfd = 'Nguyễn Thị Ánh Hồng wins Nikkei prize for Việt reporting'.normalize('NFD');
    const res = await putArticle(doc('hygiene-nfd', { headline: nfd, authors: [{ name: 'Nguyễn'.normalize('NFD') }] }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { headline: string; authors: { name: string }[] };
    expect(body.headline).toBe(nfd.normalize('NFC'));
    expect(body.headline).not.toBe(nfd);
    expect(body.authors[0]!.name).toBe('Nguyễn'.normalize('NFC'));
  });

  it('percent-encodes an IRI, upper-cases escapes, drops the default port and resolves dot segments', async () => {
    const res = await putArticle(doc('hygiene-iri', {
      url: 'https://MAINICHI.jp:443/english/articles/x/../20261130/東京/caf%c3%a9-report',
      image: { ...fixtureById(SEED_ID).image!, url: 'https://cdn.mainichi.jp:443/写真/a%2db.jpg' },
      authors: [{ name: 'Akira Kudo', url: 'http://mainichi.jp:80/english/author/./工藤' }],
    }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      url: 'https://mainichi.jp/english/articles/20261130/%E6%9D%B1%E4%BA%AC/caf%C3%A9-report',
      image: { url: 'https://cdn.mainichi.jp/%E5%86%99%E7%9C%9F/a-b.jpg' },
      authors: [{ url: 'http://mainichi.jp/english/author/%E5%B7%A5%E8%97%A4' }],
    });
  });
});

/** Writes a document into D1 as the ingest API did before these checks existed (JSON.stringify). */
async function storeAsBeforeTheFix(article: Record<string, unknown>): Promise<void> {
  const at = new Date().toISOString();
  await env.DB.prepare(
    `INSERT OR REPLACE INTO articles (id, url_key, status, published_at, doc, revision, created_at, updated_at)
     VALUES (?1, ?2, 'published', ?3, ?4, 1, ?5, ?5)`,
  ).bind(article.id, String(article.url), new Date(String(article.publishedAt)).toISOString(), JSON.stringify(article), at).run();
}

const HEADER_VALUE = /^[\t\x20-\x7E]*$/;

/** Every public route of an article, as a reader, a crawler or a consumer reaches it. */
function publicRoutes(id: string): string[] {
  return [
    `/a/${id}`,
    `/api/articles/${id}/share`,
    `/share-bar/${id}`,
    ...SHARE_NETWORK_IDS.map((n) => `/s/${n}/${id}`),
    `/s/mastodon/${id}?instance=mastodon.social`,
    `/embed/${id}`,
    `/embed/${id}/open`,
    `/api/articles/${id}/meta`,
    `/api/articles/${id}/meta?format=html`,
    `/oembed?url=${encodeURIComponent(`https://presscard.test/a/${id}`)}`,
    `/oembed.xml?url=${encodeURIComponent(`https://presscard.test/a/${id}`)}`,
    `/card/${id}/og.png`,
    '/',
  ];
}

describe('data stored before the checks never fails a public route', () => {
  it.each([
    ['a lone surrogate in the headline', { headline: 'Truncated emoji at end \ud83c' }],
    ['a lone surrogate in the url', { url: 'https://mainichi.jp/english/articles/a\ud800b' }],
    ['an IRI url', { url: 'https://mainichi.jp/english/articles/20261130/東京/café-report' }],
    ['CR LF in the url (header injection)', { url: 'https://mainichi.jp/english/articles/a\r\nSet-Cookie: x=1' }],
    ['NUL and C1 controls in text', { headline: 'Nul \u0000 and \u0085 here', description: 'x\u0000y', tags: ['a\u0007b'] }],
    ['a lone surrogate in the social headline, tags and photo alt', {
      socialHeadline: '\udc00 social', tags: ['\ud83c'], image: { ...fixtureById(SEED_ID).image!, alt: 'alt \ud800' },
    }],
    ['a stray % in the url', { url: 'https://mainichi.jp/english/articles/100%-sure' }],
  ])('%s: no 5xx, every header valid', async (name, patch) => {
    const id = `stored-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}`.replace(/-+$/, '');
    await storeAsBeforeTheFix({ ...fixtureById(SEED_ID), id, ...patch });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const path of publicRoutes(id)) {
      const res = await call(path, { redirect: 'manual' });
      expect(res.status, path).toBeLessThan(500);
      expect(res.status, path).not.toBe(404);
      for (const [header, value] of res.headers) expect(value, `${path} ${header}`).toMatch(HEADER_VALUE);
      const location = res.headers.get('location');
      if (location) expect(() => new URL(location, 'https://presscard.test'), path).not.toThrow();
      const body = await res.text();
      expect(body, path).not.toMatch(/[\uD800-\uDFFF]|\u0000/);
    }
    expect(errors).not.toHaveBeenCalled();
  });

  it('serves a stored lone-surrogate headline with U+FFFD in its place', async () => {
    await storeAsBeforeTheFix({ ...fixtureById(SEED_ID), id: 'stored-fffd', headline: 'Truncated emoji at end \ud83c' });
    const html = await (await call('/a/stored-fffd')).text();
    expect(html).toContain('<h1>Truncated emoji at end \uFFFD</h1>');
  });

  it('redirects /embed/:id/open to the percent-encoded URI of a stored IRI', async () => {
    await storeAsBeforeTheFix({ ...fixtureById(SEED_ID), id: 'stored-iri-open', url: 'https://mainichi.jp/english/articles/20261130/東京/café-report' });
    const res = await call('/embed/stored-iri-open/open', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://mainichi.jp/english/articles/20261130/%E6%9D%B1%E4%BA%AC/caf%C3%A9-report');
  });
});

describe('looking a URL up', () => {
  const IRI = 'https://mainichi.jp/english/articles/20261130/東京/café-report';

  it('oEmbed finds an article stored with an IRI by its lower-case escapes, upper-case escapes or the IRI', async () => {
    expect((await putArticle(doc('lookup-iri', { url: IRI }))).status).toBe(201);
    for (const url of [
      'https://mainichi.jp/english/articles/20261130/%e6%9d%b1%e4%ba%ac/caf%c3%a9-report',
      'https://mainichi.jp/english/articles/20261130/%E6%9D%B1%E4%BA%AC/caf%C3%A9-report',
      IRI,
      IRI.normalize('NFD'),
      'https://mainichi.jp:443/english/articles/20261130/./東京/café-report/',
    ]) {
      const res = await call(`/oembed?url=${encodeURIComponent(url)}`);
      expect(res.status, url).toBe(200);
      expect(((await res.json()) as { html: string }).html, url).toContain('/embed/lookup-iri');
    }
  });

  it('writes the percent-encoded URI of an IRI into og:url, canonical, JSON-LD and oEmbed discovery', async () => {
    expect((await putArticle(doc('lookup-iri-tags', { url: IRI }))).status).toBeLessThan(300);
    const uri = 'https://mainichi.jp/english/articles/20261130/%E6%9D%B1%E4%BA%AC/caf%C3%A9-report';
    const html = await (await call('/a/lookup-iri-tags')).text();
    expect(html).toContain(`<link rel="canonical" href="${uri}"/>`);
    expect(html).toContain(`<meta property="og:url" content="${uri}"/>`);
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!);
    expect(ld.url).toBe(uri);
    expect(ld.mainEntityOfPage['@id']).toBe(uri);
    expect(html).toContain(`url=${encodeURIComponent(uri)}&amp;format=json`);
    expect(html).not.toMatch(/東京|café/);
  });

  it('answers a malformed escape in the looked-up URL with 404, not 500', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // As `npm start` serves it: the own-page form /a/%ff on http://localhost:8787.
    const res = await exports.default.fetch(new Request('http://localhost:8787/oembed?url=http%3A%2F%2Flocalhost%3A8787%2Fa%2F%25ff'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    for (const url of ['https://presscard.test/a/%ff', 'https://presscard.test/a/%ED%A0%80', 'https://mainichi.jp/english/articles/%zz', 'https://mainichi.jp/english/articles/%']) {
      const other = await call(`/oembed?url=${encodeURIComponent(url)}`);
      expect([400, 404], url).toContain(other.status);
    }
    expect(errors).not.toHaveBeenCalled();
  });

  it('answers malformed escapes in public paths with 4xx', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const path of ['/a/%ff', '/a/%ED%A0%80', '/s/x/%ff', '/share-bar/%ff', '/embed/%ff/open', '/api/articles/%ff/share', '/api/articles/%ff/meta', '/oembed?url=%ED%A0%80', '/oembed?url=%ff']) {
      const res = await call(path, { redirect: 'manual' });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
    expect(errors).not.toHaveBeenCalled();
  });
});
