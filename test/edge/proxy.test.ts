import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureById, SEED_ID } from '../../fixtures';
import { loadFixtures } from '../helpers';
import { JA_PATH, SEED_PATH } from './paths';
import { edgeFetch, ORIGIN_URL, originLog, PUBLIC_HOST, readHead } from './edge-helpers';

const seed = fixtureById(SEED_ID);
const page = (variant: string) => `${PUBLIC_HOST}${SEED_PATH}?v=${variant}`;

beforeAll(loadFixtures);

describe('edge mode: rewriting a stored article page', () => {
  it('puts Presscard\'s set at the start of <head> and takes origin\'s share tags out', async () => {
    const { res } = await edgeFetch(page('plain'));
    expect(res.status).toBe(200);
    const { order, prop, doc } = readHead(await res.text());
    // The page's charset first (within the 1024 bytes browsers prescan), then the set.
    expect(order.slice(0, 4)).toEqual(['meta', 'title', 'meta[description]', 'link[canonical]']);
    expect(doc.querySelectorAll('meta[charset]').map((m) => m.getAttribute('charset'))).toEqual(['utf-8']);
    expect(prop('og:title')).toEqual([seed.headline]);
    expect(prop('og:image')).toHaveLength(1);
    expect(prop('og:image')[0]).toMatch(/\/card\/20180614-nk-laborers-china\/og\./);
    expect(prop('description')).toHaveLength(1);
    expect(prop('twitter:card')).toEqual(['summary_large_image']);
    expect(prop('article:section')).toEqual([seed.section]);
    expect(doc.querySelectorAll('head title')).toHaveLength(1);
    expect(doc.querySelectorAll('link[rel=canonical]').map((l) => l.getAttribute('href'))).toEqual([seed.url]);
    expect(doc.querySelectorAll('link[type="application/json+oembed"]').map((l) => l.getAttribute('href'))).not.toContain('https://old.example/oembed');
    // JSON-LD: origin's NewsArticle is gone from its @graph, its WebSite node stays; ours is the article.
    const blocks = doc.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.text));
    const types = blocks.flatMap((b) => (b['@graph'] ? b['@graph'].map((n: { '@type': string }) => n['@type']) : [b['@type']]));
    expect(types.filter((t) => t === 'NewsArticle')).toHaveLength(1);
    expect(types).toContain('WebSite');
    expect(blocks.find((b) => b['@type'] === 'NewsArticle').headline).toBe(seed.headline);
    // Everything else of origin's head stays.
    expect(prop('robots')).toContain('index');
    expect(doc.querySelector('link[rel=stylesheet]')?.getAttribute('href')).toBe('/site.css');
  });

  it('places the share bar right after the article headline', async () => {
    const { res } = await edgeFetch(page('plain'));
    const { doc } = readHead(await res.text());
    const h1 = doc.querySelector('article h1')!;
    expect(h1.text).toBe('Origin headline');
    expect(h1.nextElementSibling?.tagName.toLowerCase()).toBe('presscard-share');
    expect(doc.querySelectorAll('presscard-share')).toHaveLength(1);
    expect(doc.querySelector('footer')?.text).toBe('Copyright The Mainichi');
  });

  it('puts the share bar at the start of <main> when no article h1 follows inside it', async () => {
    const { res } = await edgeFetch(page('main-only'));
    const { doc } = readHead(await res.text());
    expect(doc.querySelector('main')?.childNodes.find((n) => n.nodeType === 1)?.rawTagName).toBe('presscard-share');
    expect(doc.querySelectorAll('presscard-share')).toHaveLength(1);
  });

  it('looks ahead past 100 KB inside <main> to find the article h1', async () => {
    const { res } = await edgeFetch(page('late-h1'));
    const html = await res.text();
    const { doc } = readHead(html);
    expect(doc.querySelector('article h1')?.nextElementSibling?.tagName.toLowerCase()).toBe('presscard-share');
    expect(doc.querySelectorAll('presscard-share')).toHaveLength(1);
    expect(html).toContain('Copyright The Mainichi');
  });

  it('keeps origin\'s cookies, cache headers and Vary; drops a stale length; asks origin for gzip or br only', async () => {
    const { res } = await edgeFetch(page('plain'), { headers: { 'accept-encoding': 'zstd, gzip, deflate', range: 'bytes=0-32767', 'if-range': 'x' } });
    expect(res.headers.get('set-cookie')).toBe('session=1; Path=/');
    expect(res.headers.get('cache-control')).toBe('max-age=60');
    expect(res.headers.get('vary')).toBe('Cookie');
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('content-encoding')).toBeNull();
    const [sent] = (await originLog(`${SEED_PATH}?v=plain`)).slice(-1);
    expect(sent!.headers['accept-encoding']).toBe('gzip, br');
    expect(sent!.headers.range).toBeUndefined();
    expect(sent!.headers['if-range']).toBeUndefined();
  });

  it.each(['gzip', 'br', 'chunked'])('rewrites a %s origin response', async (variant) => {
    const { res } = await edgeFetch(page(variant));
    const html = await res.text();
    expect(readHead(html).prop('og:title')).toEqual([seed.headline]);
    expect(html).toContain('</html>');
    expect(res.headers.get('content-encoding')).toBeNull();
  });

  it('answers Range on an article page with the full page (200), tags at the start', async () => {
    const { res } = await edgeFetch(page('range'), { headers: { range: 'bytes=0-32767' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('</html>');
    expect(readHead(html).order[1]).toBe('title');
  });

  it('gives a weak ETag that changes with the set, answers If-None-Match with 304 via origin\'s own tag', async () => {
    const first = await edgeFetch(page('etag'));
    const etag = first.res.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"v1-pc[0-9a-z]+"$/);
    await first.res.body?.cancel();
    const again = await edgeFetch(page('etag'), { headers: { 'if-none-match': etag } });
    expect(again.res.status).toBe(304);
    expect(again.res.headers.get('etag')).toBe(etag);
    const [sent] = (await originLog(`${SEED_PATH}?v=etag`)).slice(-1);
    expect(sent!.headers['if-none-match']).toBe('"v1"');
    // A tag from before the set changed: origin is asked unconditionally and the page comes whole.
    const stale = await edgeFetch(page('etag'), { headers: { 'if-none-match': 'W/"v1-pcold"' } });
    expect(stale.res.status).toBe(200);
    expect(await stale.res.text()).toContain('</html>');
  });

  it('marks the set as react-helmet\'s own when the page uses data-rh', async () => {
    const { res } = await edgeFetch(page('helmet'));
    const { doc } = readHead(await res.text());
    expect(doc.querySelector('head meta[property="og:title"]')?.getAttribute('data-rh')).toBe('true');
    expect(doc.querySelectorAll('meta[property="og:description"]')).toHaveLength(1);
  });

  it('leaves an SVG <title> in the body alone', async () => {
    const { res } = await edgeFetch(page('svg'));
    const { doc } = readHead(await res.text());
    expect(doc.querySelector('svg title')?.text).toBe('Icon title');
    expect(doc.querySelector('head title')?.text).toContain(seed.headline);
  });

  it('passes a 4 MiB inline image after the headline through whole', async () => {
    const { res } = await edgeFetch(page('big'));
    const html = await res.text();
    expect(html.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(html).toContain('<p id="after-image">After the image</p>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(readHead(html.slice(0, 64 * 1024) + '</body></html>').prop('og:title')).toEqual([seed.headline]);
  });

  it('sends the first bytes, tags included, while origin is still sending', async () => {
    const id = crypto.randomUUID();
    const { res } = await edgeFetch(`${page('slow')}&id=${id}`);
    const reader = res.body!.getReader();
    let head = '';
    const decoder = new TextDecoder();
    while (!head.includes('og:title')) {
      const { value, done } = await reader.read();
      if (done) break;
      head += decoder.decode(value, { stream: true });
    }
    expect(head).toContain(`content="${seed.headline}"`);
    const state = (await (await fetch(`${ORIGIN_URL}/__state?id=${id}`)).json()) as { finished: boolean };
    expect(state.finished).toBe(false);
    await fetch(`${ORIGIN_URL}/__release?id=${id}`);
    let rest = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest += decoder.decode(value, { stream: true });
    }
    expect(rest).toContain('Copyright The Mainichi');
  });
});

describe('edge mode: charsets', () => {
  const ja = fixtureById('20260320-ja-sakura-forecast');
  it.each(['sjis-header', 'sjis-meta'])('serves a Shift_JIS page (%s) with the set readable in it', async (variant) => {
    const { res } = await edgeFetch(`${PUBLIC_HOST}${JA_PATH}?v=${variant}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const html = new TextDecoder('shift_jis').decode(bytes);
    expect(html).toContain('桜の開花予想です。');
    const { prop } = readHead(html);
    // Numeric references or Shift_JIS bytes: either way the decoded page reads the headline.
    expect(html.slice(0, 1024)).toMatch(/<meta charset="shift_jis">/i);
    const decoded = prop('og:title')[0]!.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
    expect(decoded).toBe(ja.headline);
  });
});

describe('edge mode: pass-through', () => {
  it.each([
    ['404', 404], ['500', 500], ['redirect', 301],
  ])('passes a %s from origin through unchanged', async (variant, status) => {
    const { res } = await edgeFetch(page(variant), { redirect: 'manual' });
    expect(res.status).toBe(status);
    const body = await res.text();
    expect(body).not.toContain('presscard');
    if (status === 301) expect(res.headers.get('location')).toBe('/english/articles/elsewhere');
  });

  it.each(['pdf', 'attachment', 'sse'])('does not rewrite a %s response', async (variant) => {
    const { res } = await edgeFetch(page(variant));
    const body = await res.text();
    expect(body).not.toContain('presscard');
    expect(body).toMatch(variant === 'sse' ? /^data: <head>\n\n$/ : /<meta property="og:title" content="(Origin og title|x)">/);
  });

  it('copies headers for HEAD without rewriting', async () => {
    const { res } = await edgeFetch(page('plain'), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBe('session=1; Path=/');
    const [sent] = (await originLog(`${SEED_PATH}?v=plain`)).slice(-1);
    expect(sent!.method).toBe('HEAD');
  });

  it('passes other paths on the publisher\'s host to origin; on localhost they stay this service\'s', async () => {
    const { res } = await edgeFetch(`${PUBLIC_HOST}/english/`);
    expect(res.headers.get('x-origin')).toBe('home');
    expect(await res.text()).toContain('<meta property="og:title" content="Home">');
    const local = await edgeFetch('http://localhost:8787/healthz');
    expect(local.res.status).toBe(200);
    expect(local.res.headers.get('x-origin')).toBeNull();
  });

  it('proxies an article path on localhost like the public host', async () => {
    const { res } = await edgeFetch(`http://localhost:8787${SEED_PATH}?v=plain`);
    expect(readHead(await res.text()).prop('og:title')).toEqual([seed.headline]);
  });

  it('answers 504 with a plain page and a log line when origin hangs', async () => {
    const warn = vi.spyOn(console, 'warn');
    const { res } = await edgeFetch(page('hang'), {}, { originTimeoutMs: 200 });
    expect(res.status).toBe(504);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('Gateway Timeout');
    expect(warn.mock.calls.map((c) => String(c[0])).some((l) => l.includes('"edge-origin-failed"') && l.includes('"timeout"'))).toBe(true);
    warn.mockRestore();
  });
});
