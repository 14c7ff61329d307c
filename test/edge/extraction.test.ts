import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { authed, putArticle } from '../helpers';
import { SAME_SLUG_A, SAME_SLUG_B, X } from './paths';
import { edgeFetch, ORIGIN_URL, originLog, PUBLIC_HOST, readHead } from './edge-helpers';

const canonical = (path: string) => `https://mainichi.jp${path}`;

/** The article the API shows for a canonical URL (ingest access: drafts and provenance included). */
async function storedFor(path: string) {
  const res = await authed('/api/articles?limit=100');
  const { items } = (await res.json()) as { items: { id: string; url: string; headline: string; source?: string; provenance?: Record<string, string>; [k: string]: unknown }[] };
  return items.find((i) => i.url === canonical(path));
}

async function proxied(path: string) {
  const { res, settled } = await edgeFetch(`${PUBLIC_HOST}${path}`);
  const html = await res.text();
  await settled();
  return { res, html, head: readHead(html) };
}

describe('edge mode: extraction of articles the store does not know', () => {
  it('keeps two article URLs whose slugs are one apart: each its own id, card and oEmbed', async () => {
    for (let round = 0; round < 2; round++) {
      expect((await proxied(SAME_SLUG_A)).head.prop('og:title')).toEqual(['Slug twin with a hyphen']);
      expect((await proxied(SAME_SLUG_B)).head.prop('og:title')).toEqual(['Slug twin with a slash']);
    }
    const [a, b] = [(await storedFor(SAME_SLUG_A))!, (await storedFor(SAME_SLUG_B))!];
    expect(b.id).toBe('x-english-articles-20990120-sur-a-b');
    expect(a.id).toMatch(/^x-english-articles-20990120-sur-a-b--[0-9a-z]+$/);
    expect([a.headline, b.headline]).toEqual(['Slug twin with a hyphen', 'Slug twin with a slash']);
    const oembed = await edgeFetch(`https://presscard.test/oembed?url=${encodeURIComponent(canonical(SAME_SLUG_A))}`);
    expect(await oembed.res.json()).toMatchObject({ title: 'Slug twin with a hyphen' });
  });

  it('takes JSON-LD (inside @graph) first, decodes entities, resolves URLs and records provenance', async () => {
    const { head } = await proxied(X(1));
    expect(head.prop('og:title')).toEqual(['Rice & fish prices rise']);
    const a = (await storedFor(X(1)))!;
    expect(a).toMatchObject({
      id: 'x-english-articles-20990101-p2a-00m-0na-901000c', source: 'extracted', lang: 'en', headline: 'Rice & fish prices rise',
      description: 'Markets & households', section: 'Business', publishedAt: '2099-01-01T09:00:00+09:00', modifiedAt: '2099-01-01T10:00:00+09:00',
      authors: [{ name: 'Hana Sato' }, { name: 'Ken Ito' }], tags: ['Economy', 'Food'], status: 'published',
      image: { url: 'https://mainichi.jp/images/market.jpg', width: 1200, height: 800, alt: 'A market in Tokyo' },
    });
    // Share links work for it as for a pushed article.
    const share = await edgeFetch(`https://presscard.test/s/x/${a.id}`, { redirect: 'manual' });
    expect(share.res.status).toBe(302);
    expect(share.res.headers.get('location')).toMatch(/^https:\/\/(x|twitter)\.com\/intent\/(post|tweet)\?.*Rice/);
    expect(a.provenance).toEqual({
      headline: 'json-ld', description: 'json-ld', lang: 'json-ld', section: 'json-ld', publishedAt: 'json-ld', modifiedAt: 'json-ld',
      image: 'json-ld', imageAlt: 'json-ld', authors: 'json-ld', tags: 'json-ld',
    });
  });

  it('falls back to og:* with entities decoded and relative URLs resolved against the page\'s address', async () => {
    await proxied(X(2));
    const a = (await storedFor(X(2)))!;
    expect(a.headline).toBe('"Quoted" & <bracketed>');
    expect(a.description).toBe("Café owners' view");
    expect(a.image).toEqual({ url: 'https://mainichi.jp/english/articles/20990101/p2a/00m/img/cafe.jpg', alt: 'A café', width: 800, height: 600 });
    expect(a.provenance).toMatchObject({ headline: 'og', description: 'og', publishedAt: 'og', image: 'og', tags: 'og', lang: 'html-lang', section: 'default' });
  });

  it('then twitter:*, meta, the <title> without the site suffix, and <time> in the article', async () => {
    await proxied(X(3));
    const a = (await storedFor(X(3)))!;
    expect(a).toMatchObject({ headline: 'Title headline', description: 'Twitter description', publishedAt: '2099-01-03T07:00:00+09:00' });
    expect(a.provenance).toMatchObject({ headline: 'title', description: 'twitter', publishedAt: 'article-time' });
  });

  it('then the first h1 in the article, the first paragraph, and the page\'s language', async () => {
    await proxied(X(4));
    const a = (await storedFor(X(4)))!;
    expect(a).toMatchObject({ headline: 'Only the h1', description: 'First paragraph text.', lang: 'ja' });
    expect(a.provenance).toMatchObject({ headline: 'h1', description: 'article-paragraph', lang: 'html-lang' });
  });

  it('reads a Shift_JIS page declared only in <meta charset> and detects its language', async () => {
    const { head } = await proxied(X(7));
    const a = (await storedFor(X(7)))!;
    expect(a.headline).toBe('桜の開花、東京で平年より早く');
    expect(a.lang).toBe('ja');
    expect(a.provenance?.lang).toBe('script');
    // The page is Shift_JIS without a header charset: the set went in as ASCII references.
    const decoded = head.prop('og:title')[0]!.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
    expect(decoded).toBe(a.headline);
  });

  it('escapes hostile values from origin\'s own tags on the way through', async () => {
    const { html, head } = await proxied(X(6));
    expect(head.prop('og:title')).toEqual(['"><script>alert(1)</script>']);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x onerror');
    expect(head.doc.querySelectorAll('script').every((s) => !s.text.includes('alert(1)</script>'))).toBe(true);
  });

  it('serves a page that is not an article unchanged and remembers it: oEmbed does not ask origin again', async () => {
    const first = await proxied(X(5));
    expect(first.html).toContain('<meta property="og:type" content="website">');
    expect(first.html).not.toContain('presscard-share');
    expect(await storedFor(X(5))).toBeUndefined();
    const before = (await originLog(X(5))).length;
    const { res } = await edgeFetch(`https://presscard.test/oembed?url=${encodeURIComponent(canonical(X(5)))}`);
    expect(res.status).toBe(404);
    expect((await originLog(X(5))).length).toBe(before);
  });

  it('remembers an article URL origin does not have: oEmbed asks origin once', async () => {
    const missing = '/english/articles/20990101/p2a/00m/0na/missing';
    const url = `https://presscard.test/oembed?url=${encodeURIComponent(canonical(missing))}`;
    expect((await edgeFetch(url)).res.status).toBe(404);
    expect((await edgeFetch(url)).res.status).toBe(404);
    expect(await originLog(missing)).toHaveLength(1);
  });

  it('answers oEmbed for an unknown article URL by extracting it', async () => {
    const { res } = await edgeFetch(`https://presscard.test/oembed?url=${encodeURIComponent(canonical(X(9)))}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { title: string }).title).toBe('Extracted first');
  });

  it('never overwrites a CMS article, and a CMS push replaces an extracted one', async () => {
    await proxied(X(9));
    expect((await storedFor(X(9)))?.source).toBe('extracted');
    const pushed = {
      id: 'cms-owned-909', url: canonical(X(9)), lang: 'en', headline: 'From the CMS', description: 'Pushed.', section: 'World',
      publishedAt: '2099-01-09T00:00:00Z', status: 'published',
    };
    expect((await putArticle(pushed)).status).toBeLessThan(300);
    const after = (await storedFor(X(9)))!;
    expect(after).toMatchObject({ id: 'cms-owned-909', headline: 'From the CMS' });
    expect(after.source).toBeUndefined();
    const { results } = await env.DB.prepare("SELECT id FROM articles WHERE id LIKE 'x-%909000c'").all();
    expect(results).toEqual([]);
    // The page is now rewritten with the CMS's article, and extracting again changes nothing.
    const { head } = await proxied(X(9));
    expect(head.prop('og:title')).toEqual(['From the CMS']);
    await env.DB.prepare('UPDATE edge_pages SET checked_at = 0').run();
    const { res } = await edgeFetch(`https://presscard.test/oembed?url=${encodeURIComponent(canonical(X(9)))}`);
    expect(((await res.json()) as { title: string }).title).toBe('From the CMS');
  });

  it('re-extracts after the TTL with a conditional request, at most once per TTL', async () => {
    // A clock moved past the TTL (900 s) stands for time passing.
    const later = (minutes: number) => ({ now: () => new Date(Date.now() + minutes * 60_000) });
    const at = async (minutes: number) => {
      const { res, settled } = await edgeFetch(`${PUBLIC_HOST}${X(8)}`, {}, {}, later(minutes));
      await res.text();
      await settled();
    };
    await proxied(X(8));
    expect((await storedFor(X(8)))?.headline).toBe('Version 1');
    const requests = async () => (await originLog(X(8))).length;

    // Within the TTL: origin is asked only for the page itself.
    let n = await requests();
    await proxied(X(8));
    expect(await requests()).toBe(n + 1);

    // TTL passed, page unchanged: one conditional request, answered 304; not again within the next TTL.
    n = await requests();
    await at(20);
    const log = (await originLog(X(8))).slice(n);
    expect(log).toHaveLength(2);
    expect(log.map((r) => r.headers['if-none-match'] ?? null)).toContain('"v1"');
    expect((await storedFor(X(8)))?.headline).toBe('Version 1');
    n = await requests();
    await at(21);
    expect(await requests()).toBe(n + 1);

    // TTL passed, page changed: the article follows; the next request does not ask again.
    await fetch(`${ORIGIN_URL}/__set?path=${encodeURIComponent(X(8))}&version=2`);
    await at(40);
    expect((await storedFor(X(8)))?.headline).toBe('Version 2');
    n = await requests();
    await at(41);
    expect(await requests()).toBe(n + 1);
  });

  it('removes an extracted article when origin says its page is gone (410, 404), on a page view or on the re-check', async () => {
    const oembedTitle = async (path: string) => {
      const { res } = await edgeFetch(`https://presscard.test/oembed?url=${encodeURIComponent(canonical(path))}`);
      return res.status === 200 ? ((await res.json()) as { title: string }).title : res.status;
    };
    // Taken down, seen by a reader's view: the 410 passes through and the article leaves the store.
    await proxied(X(20));
    expect(await oembedTitle(X(20))).toBe('Soon taken down');
    await fetch(`${ORIGIN_URL}/__set?path=${encodeURIComponent(X(20))}&version=2`);
    const view = await edgeFetch(`${PUBLIC_HOST}${X(20)}`);
    expect(view.res.status).toBe(410);
    expect(await view.res.text()).toContain('<title>Gone</title>');
    await view.settled();
    expect(await storedFor(X(20))).toBeUndefined();
    expect(await oembedTitle(X(20))).toBe(404);

    // Taken down, found by the conditional re-check after the TTL.
    await proxied(X(21));
    await fetch(`${ORIGIN_URL}/__set?path=${encodeURIComponent(X(21))}&version=2`);
    const { res, settled } = await edgeFetch(`${PUBLIC_HOST}${X(21)}`, {}, {}, { now: () => new Date(Date.now() + 20 * 60_000) });
    await res.text();
    await settled();
    expect(await storedFor(X(21))).toBeUndefined();
  });

  it('a variant of the URL origin answers 404 for (trailing slash, double slash) neither removes the article nor keeps it from being read', async () => {
    const viewed = async (path: string, now?: () => Date) => {
      const { res, settled } = await edgeFetch(`${PUBLIC_HOST}${path}`, {}, {}, now ? { now } : {});
      const html = await res.text();
      await settled();
      return { status: res.status, title: res.status === 200 ? readHead(html).prop('og:title') : undefined };
    };
    expect((await viewed(X(22))).title).toEqual(['Plain page']);
    for (const variant of [`${X(22)}/`, `${X(22)}//`]) expect((await viewed(variant)).status, variant).toBe(404);
    expect((await storedFor(X(22)))?.headline).toBe('Plain page');
    expect((await viewed(X(22))).title).toEqual(['Plain page']);
    // The re-check after the TTL, started by a view of a variant origin serves (a query): it reads the
    // page the article was read from, not the variant.
    const later = () => new Date(Date.now() + 20 * 60_000);
    const rechecked = async (path: string, page: string) => {
      const before = (await originLog(page)).length;
      expect((await viewed(path, later)).title).toHaveLength(1);
      return (await originLog(page)).slice(before).map((r) => r.url);
    };
    expect(await rechecked(`${X(22)}?utm_source=feed`, X(22))).toEqual([`${X(22)}?utm_source=feed`, X(22)]);
    expect((await storedFor(X(22)))?.headline).toBe('Plain page');

    // A URL whose first request is a variant origin has no page for: read at its own page after it.
    expect((await viewed(`${X(24)}/`)).status).toBe(404);
    expect((await viewed(X(24))).title).toEqual(['Read after a variant']);

    // A site whose pages end in a slash: the plain form is the variant, and the re-check reads the
    // slash form the article was read from.
    expect((await viewed(`${X(23)}/`)).title).toEqual(['Slash page']);
    expect((await viewed(X(23))).status).toBe(404);
    expect((await storedFor(`${X(23)}/`))?.headline).toBe('Slash page');
    expect(await rechecked(`${X(23)}/?utm_source=feed`, X(23))).toEqual([`${X(23)}/?utm_source=feed`, `${X(23)}/`]);
    expect((await storedFor(`${X(23)}/`))?.headline).toBe('Slash page');
  });

  it('never removes a CMS article whose page origin answers 404', async () => {
    await fetch(`${ORIGIN_URL}/__set?path=${encodeURIComponent(X(21))}&version=2`);
    expect((await putArticle({ id: 'cms-gone-921', url: canonical(X(21)), lang: 'en', headline: 'Pushed, page gone', description: 'd', section: 'World', publishedAt: '2099-01-21T00:00:00Z', status: 'published' })).status).toBe(201);
    const view = await edgeFetch(`${PUBLIC_HOST}${X(21)}`);
    expect(view.res.status).toBe(404);
    await view.res.text();
    await view.settled();
    expect((await storedFor(X(21)))?.headline).toBe('Pushed, page gone');
  });
});

