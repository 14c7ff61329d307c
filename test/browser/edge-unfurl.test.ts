// Edge mode end to end: the sample publisher's own pages (scripts/lib/sample-pages.mjs, untouched
// by Presscard, with wrong OG tags) on a local origin, the Worker in front of it (wrangler, as in
// `npm start`), and a real unfurling library (open-graph-scraper) reading the proxied pages.
import ogs from 'open-graph-scraper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalWorker } from '../../scripts/lib/local-worker.mjs';
import { startSampleOrigin } from '../../scripts/lib/sample-origin.mjs';

let origin: Awaited<ReturnType<typeof startSampleOrigin>>;
let worker: Awaited<ReturnType<typeof startLocalWorker>>;

beforeAll(async () => {
  origin = await startSampleOrigin({ photos: 'http://localhost:8787' });
  worker = await startLocalWorker({ state: 'edge-unfurl', vars: { ORIGIN_URL: origin.url } });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await origin?.stop();
});

const LOCALES: Record<string, string> = { en: 'en_US', ja: 'ja_JP', 'zh-Hans': 'zh_CN', ko: 'ko_KR', 'zh-Hant': 'zh_TW' };

describe('open-graph-scraper unfurls proxied publisher pages', () => {
  it('reads Presscard\'s tags, not the page\'s wrong ones, for each language', async () => {
    for (const page of origin.pages) {
      const { error, result } = await ogs({ url: worker.origin + page.path, fetchOptions: { headers: { 'user-agent': 'facebookexternalhit/1.1' } } });
      expect(error, page.path).toBe(false);
      expect(result.ogTitle, page.lang).toBe(page.headline);
      expect(result.ogDescription).toBe(page.description);
      expect(result.ogUrl).toBe(`https://mainichi.jp${page.path}`);
      expect(result.ogType).toBe('article');
      expect(LOCALES[page.lang], `og:locale expected for ${page.lang}`).toBeDefined();
      expect(result.ogLocale).toBe(LOCALES[page.lang]);
      expect(result.twitterCard).toBe('summary_large_image');
      const image = result.ogImage?.[0];
      expect(image?.url).toMatch(/\/card\/x-english-articles-[0-9a-z-]+\/og\.(png|jpg)\?v=/);
      expect(Number(image?.width)).toBe(1200);
      const jsonLd = (result.jsonLD as { '@type'?: string; headline?: string }[] | undefined)?.find((n) => n['@type'] === 'NewsArticle');
      expect(jsonLd?.headline).toBe(page.headline);
    }
  });

  it('serves the card, oEmbed and share bar for an extracted article', async () => {
    const page = origin.pages[0]!;
    const html = await (await fetch(worker.origin + page.path)).text();
    const card = /<meta property="og:image" content="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    const img = await fetch(card);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toMatch(/^image\/(png|jpeg)$/);
    const oembedHref = /<link rel="alternate" href="([^"]+)" type="application\/json\+oembed"/.exec(html)![1]!.replace(/&amp;/g, '&');
    const oembed = (await (await fetch(oembedHref)).json()) as { title: string; type: string };
    expect(oembed.title).toBe(page.headline);
    expect(html).toMatch(/<h1>[^<]+<\/h1><presscard-share article="x-english-articles-20261120-p2a-00m-0na-021000c">/);
    // The newsroom sees where each field came from.
    const api = await fetch(`${worker.origin}/api/articles?limit=100`, { headers: { authorization: `Bearer ${worker.token}` } });
    const { items } = (await api.json()) as { items: { url: string; source?: string; provenance?: Record<string, string> }[] };
    const stored = items.find((i) => i.url === `https://mainichi.jp${page.path}`);
    expect(stored?.source).toBe('extracted');
    expect(stored?.provenance).toMatchObject({ headline: 'json-ld', image: 'json-ld', publishedAt: 'json-ld' });
  });
});
