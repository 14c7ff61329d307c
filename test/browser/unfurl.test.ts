// A real unfurling library (open-graph-scraper, as used by many link-preview services) fetches the
// article page from the running Worker and reads what a crawler would.
import ogs from 'open-graph-scraper';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './harness';

const suite = browserSuite({ browser: false });

describe('open-graph-scraper unfurls the article page', () => {
  it('extracts title, description, image, type and site for the seed article', async () => {
    const { error, result } = await ogs({
      url: `${suite.worker.origin}/a/20180614-nk-laborers-china`,
      fetchOptions: { headers: { 'user-agent': 'facebookexternalhit/1.1' } },
    });
    expect(error).toBe(false);
    expect(result.ogTitle).toBe('N. Korean laborers begin flowing back into China after Trump-Kim summit');
    expect(result.ogType).toBe('article');
    expect(result.ogSiteName).toBe('The Mainichi');
    expect(result.ogUrl).toBe('https://mainichi.jp/english/articles/20180614/p2a/00m/0na/010000c');
    expect(result.ogDescription).toMatch(/^North Korean laborers are crossing back/);
    expect(result.twitterCard).toBe('summary_large_image');
    expect(result.twitterSite).toBe('@themainichi');
    const image = result.ogImage?.[0];
    expect(image?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(Number(image?.width)).toBeGreaterThanOrEqual(1200);
    expect(image?.type).toMatch(/^(image\/)?(png|jpeg|jpg)$/);
    // The image it found answers, as a crawler would fetch it next.
    const img = await fetch(image!.url);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toMatch(/^image\/(png|jpeg)/);
    const jsonLd = result.jsonLD?.[0] as { '@type'?: string; headline?: string } | undefined;
    expect(jsonLd?.['@type']).toBe('NewsArticle');
    expect(jsonLd?.headline).toBe(result.ogTitle);
  });

  it('reads the Japanese article with its language', async () => {
    const { result } = await ogs({ url: `${suite.worker.origin}/a/20260320-ja-sakura-forecast` });
    expect(result.ogTitle).toBe('東京で桜が開花、平年より５日早く　「週末が見頃」と気象庁');
    expect(result.ogLocale).toBe('ja_JP');
  });

  it('finds nothing for a draft', async () => {
    const { result, error } = await ogs({ url: `${suite.worker.origin}/a/20260801-draft-defense-budget` }).catch((e) => e);
    expect(error).toBe(true);
    expect(result?.ogTitle).toBeUndefined();
  });
});
