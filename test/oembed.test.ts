import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { call, loadFixtures, ORIGIN, putArticle } from './helpers';

const SEED_URL = 'https://mainichi.jp/english/articles/20180614/p2a/00m/0na/010000c';
const DRAFT_URL = 'https://mainichi.jp/english/articles/20260801/p2a/00m/0na/018000c';

const oembed = (params: Record<string, string>, path = '/oembed') => call(`${path}?${new URLSearchParams(params)}`);

async function json(res: Response) {
  expect(res.headers.get('content-type')).toBe('application/json');
  return (await res.json()) as Record<string, unknown>;
}

async function xml(res: Response) {
  expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  const text = await res.text();
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8" standalone="yes"?>')).toBe(true);
  expect(text).not.toMatch(/<!DOCTYPE/i);
  expect(XMLValidator.validate(text)).toBe(true);
  return new XMLParser({ parseTagValue: false, trimValues: false }).parse(text).oembed as Record<string, string>;
}

beforeAll(loadFixtures);

describe('GET /oembed', () => {
  it('answers a canonical URL with a rich JSON answer, CORS and cache headers', async () => {
    const res = await oembed({ url: SEED_URL });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    const body = await json(res);
    expect(body).toMatchObject({
      type: 'rich', version: '1.0', title: 'N. Korean laborers begin flowing back into China after Trump-Kim summit',
      author_name: 'Akira Kudo, Keisuke Kawazu', provider_name: 'The Mainichi', provider_url: 'https://mainichi.jp/english/',
      thumbnail_url: expect.stringMatching(new RegExp(`^${ORIGIN}/card/${SEED_ID}/square\\.jpg\\?v=[0-9a-f]{20}$`)), thumbnail_width: 1200, thumbnail_height: 1200, width: 600,
    });
    expect(body.html).toContain(`<iframe class="presscard-embed" src="${ORIGIN}/embed/${SEED_ID}" width="600" height="${body.height}"`);
  });

  it('carries the same values in JSON and XML, in every path form', async () => {
    const params = { url: SEED_URL, maxwidth: '320', maxheight: '700' };
    const fromJson = await json(await oembed(params));
    const asStrings = Object.fromEntries(Object.entries(fromJson).map(([k, v]) => [k, String(v)]));
    for (const [path, extra] of [['/oembed', { format: 'xml' }], ['/oembed.xml', {}], ['/oembed.xml', { format: 'xml' }]] as const) {
      const res = await oembed({ ...params, ...extra }, path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(await xml(res), path).toEqual(asStrings);
    }
    const pathJson = await oembed(params, '/oembed.json');
    expect(pathJson.headers.get('access-control-allow-origin')).toBe('*');
    expect(await json(pathJson)).toEqual(fromJson);
    expect(await json(await oembed({ ...params, format: 'json' }))).toEqual(fromJson);
  });

  it('finds the article in every spelling of its URL, and by its page on this service', async () => {
    const variants = [
      SEED_URL.replace('https:', 'http:'), `${SEED_URL}/`, `${SEED_URL}?from=top`, `${SEED_URL}#comments`,
      `${ORIGIN}/a/${SEED_ID}`, `${ORIGIN.replace('https:', 'http:')}/a/${SEED_ID}/`,
    ];
    for (const url of variants) {
      const res = await oembed({ url });
      expect(res.status, url).toBe(200);
      expect((await json(res)).title, url).toBe('N. Korean laborers begin flowing back into China after Trump-Kim summit');
    }
  });

  it('ignores parameters it does not know (WordPress sends dnt=1)', async () => {
    const plain = await json(await oembed({ url: SEED_URL }));
    expect(await json(await oembed({ url: SEED_URL, dnt: '1', discover: '0' }))).toEqual(plain);
  });

  it('keeps frame and thumbnail within maxwidth and maxheight', async () => {
    // Down to a 1-pixel maxwidth: a box too narrow for any text must still answer (it once looped forever).
    for (const [maxwidth, maxheight] of [[320, 1000], [600, 300], [1200, 2000], [120, 90], [800, 150], [22, 1000], [1, 1]] as const) {
      const body = await json(await oembed({ url: SEED_URL, maxwidth: String(maxwidth), maxheight: String(maxheight) }));
      const what = `${maxwidth}x${maxheight}`;
      expect(body.width, what).toBe(Math.min(maxwidth, 800));
      expect(body.height as number, what).toBeLessThanOrEqual(maxheight);
      expect(body.thumbnail_width as number, what).toBeLessThanOrEqual(maxwidth);
      expect(body.thumbnail_height as number, what).toBeLessThanOrEqual(maxheight);
      expect(body.html, what).toContain(`width="${body.width}" height="${body.height}"`);
    }
  });

  it('names the layout that fits a small maxheight in the iframe URL', async () => {
    const body = await json(await oembed({ url: SEED_URL, maxheight: '250', theme: 'dark' }));
    expect(body.html).toMatch(new RegExp(`src="${ORIGIN}/embed/${SEED_ID}\\?layout=(text|brief)&amp;theme=dark"`));
  });

  it('announces the square text card as thumbnail for an article without a photo', async () => {
    const body = await json(await oembed({ url: 'https://mainichi.jp/english/articles/20260701/p2a/00m/0na/016000c' }));
    expect(body).toMatchObject({ thumbnail_url: expect.stringMatching(new RegExp(`^${ORIGIN}/card/20260701-editorial-press-freedom/square\\.png\\?v=[0-9a-f]{20}$`)), thumbnail_width: 1200, thumbnail_height: 1200 });
    expect(body.author_url).toBe('https://mainichi.jp/english/editorial/');
  });

  it('escapes what it takes from the article in both formats', async () => {
    const doc = { ...fixtureById(SEED_ID), id: 'escape-test', url: 'https://mainichi.jp/english/articles/escape-test', headline: `Tom & "Jerry" <script>alert(1)</script>` };
    expect((await putArticle(doc)).status).toBe(201);
    const url = doc.url;
    const body = await json(await oembed({ url }));
    expect(body.title).toBe(doc.headline);
    expect(body.html).toContain('>Tom &amp; &quot;Jerry&quot; &lt;script&gt;alert(1)&lt;/script&gt;</a>');
    expect(body.html).not.toContain('<script>alert');
    const x = await xml(await oembed({ url, format: 'xml' }));
    expect(x.title).toBe(doc.headline);
    expect(x.html).toBe(body.html);
  });
});

describe('GET /oembed errors', () => {
  async function problem(res: Response, status: number) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const body = (await res.json()) as { status: number; detail: string };
    expect(body.status).toBe(status);
    return body.detail;
  }

  it('400 without a url or with one that is not a URL', async () => {
    expect(await problem(await oembed({}), 400)).toContain('url is required');
    expect(await problem(await oembed({ url: 'not a url' }), 400)).toContain('not an absolute URL');
  });

  it('400 for a maxwidth or maxheight that is not a positive whole number', async () => {
    expect(await problem(await oembed({ url: SEED_URL, maxwidth: '0' }), 400)).toContain('maxwidth');
    expect(await problem(await oembed({ url: SEED_URL, maxheight: 'tall' }), 400)).toContain('maxheight');
  });

  it('404 for an unknown, draft or foreign URL', async () => {
    await problem(await oembed({ url: 'https://mainichi.jp/english/articles/29990101/p2a/00m/0na/999999c' }), 404);
    await problem(await oembed({ url: DRAFT_URL }), 404);
    await problem(await oembed({ url: `${ORIGIN}/a/20260801-draft-defense-budget` }), 404);
    await problem(await oembed({ url: `${ORIGIN}/a/NOT_AN_ID` }), 404);
    expect(await problem(await oembed({ url: 'https://example.com/english/articles/1' }), 404)).toContain('not an article URL of this site');
  });

  it('501 for an unsupported format, in the query or after a path form', async () => {
    await problem(await oembed({ url: SEED_URL, format: 'yaml' }), 501);
    await problem(await oembed({ url: SEED_URL, format: 'jsonp' }, '/oembed.json'), 501);
    expect((await call(`/oembed.yaml?url=${encodeURIComponent(SEED_URL)}`)).status).toBe(404);
  });

  it('400 when the path and the format parameter disagree', async () => {
    await problem(await oembed({ url: SEED_URL, format: 'xml' }, '/oembed.json'), 400);
  });
});
