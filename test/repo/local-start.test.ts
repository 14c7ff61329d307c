import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM scripts shared with scripts/start.mjs
import { chooseEdgeOrigin, devArgs } from '../../scripts/lib/edge-origin.mjs';
// @ts-expect-error plain ESM script
import { startSampleOrigin } from '../../scripts/lib/sample-origin.mjs';
// @ts-expect-error plain ESM script
import { samplePages } from '../../scripts/lib/sample-pages.mjs';

const root = join(import.meta.dirname, '../..');

interface SamplePage { path: string; lang: string; headline: string; html: string }

describe('npm start: the edge origin', () => {
  it('ORIGIN_URL=<url> is honoured: wrangler dev gets it, and the sample origin is never started', async () => {
    let started = 0;
    const startSample = async () => {
      started++;
      return { url: 'http://127.0.0.1:1', pages: [], stop: async () => undefined };
    };
    const chosen = await chooseEdgeOrigin({ ORIGIN_URL: ' https://origin.example.com ' }, { photos: 'http://localhost:8787', startSample });
    expect(chosen).toEqual({ originUrl: 'https://origin.example.com' });
    expect(started).toBe(0);
    const args: string[] = devArgs({ port: 8787, originUrl: chosen.originUrl });
    expect(args[args.indexOf('ORIGIN_URL:https://origin.example.com') - 1]).toBe('--var');
    expect(args.filter((a) => a.startsWith('ORIGIN_URL:'))).toHaveLength(1);
  });

  it('without ORIGIN_URL (or with an empty one) the local sample origin is started and proxied', async () => {
    for (const env of [{}, { ORIGIN_URL: '' }]) {
      const chosen = await chooseEdgeOrigin(env, { photos: 'http://localhost:8787' });
      try {
        expect(chosen.originUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(chosen.originUrl).toBe(chosen.sample.url);
        const page = chosen.sample.pages[0] as SamplePage;
        const res = await fetch(chosen.originUrl + page.path);
        expect(res.status).toBe(200);
        expect(await res.text()).toBe(page.html);
        expect(devArgs({ port: 8787, originUrl: chosen.originUrl })).toContain(`ORIGIN_URL:${chosen.originUrl}`);
      } finally {
        await chosen.sample.stop();
      }
    }
  });

  it('refuses an ORIGIN_URL the Worker would refuse, before anything starts', async () => {
    for (const bad of ['origin.example.com', 'ftp://origin.example.com', 'https://origin.example.com/english', 'https://u:p@origin.example.com', 'https://origin.example.com/?a=1']) {
      await expect(chooseEdgeOrigin({ ORIGIN_URL: bad }, { photos: 'x', startSample: () => { throw new Error('started'); } }), bad).rejects.toThrow(/^ORIGIN_URL=/);
    }
  });
});

describe('npm start: the local sample origin', () => {
  let origin: { url: string; pages: SamplePage[]; stop(): Promise<void> };
  beforeAll(async () => {
    origin = await startSampleOrigin({ photos: 'http://localhost:8787' });
  });
  afterAll(() => origin?.stop());

  it('has one page for every language the sample publisher prints (every published fixture\'s language)', () => {
    const dir = join(root, 'fixtures/articles');
    const printed = new Set(
      readdirSync(dir).filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { lang: string; status: string })
        .filter((a) => a.status === 'published').map((a) => a.lang),
    );
    const langs = origin.pages.map((p) => p.lang);
    expect(printed.size).toBeGreaterThan(1);
    for (const lang of printed) expect(langs, `a sample page in ${lang}`).toContain(lang);
    // One per language: no language twice.
    expect(langs).toHaveLength(new Set(langs).size);
  });

  it('serves each page with the parts a real article page has, in its own language', async () => {
    for (const page of origin.pages) {
      const res = await fetch(origin.url + page.path);
      expect(res.status, page.lang).toBe(200);
      const doc = parse(await res.text());
      expect(doc.querySelector('html')?.getAttribute('lang')).toBe(page.lang);
      expect(doc.querySelector('a.skip')?.getAttribute('href')).toBe('#main');
      expect(doc.querySelector('article h1')?.text).toBe(page.headline);
      expect(doc.querySelector('article figure figcaption .credit'), page.lang).not.toBeNull();
      expect(doc.querySelector('article .dateline'), page.lang).not.toBeNull();
      expect(doc.querySelectorAll('aside li a').length, page.lang).toBeGreaterThan(0);
      // Its own Open Graph tags are the site's wrong ones (a generic title), as the rewrite expects.
      expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe('The Mainichi');
      const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.text) as { '@graph': { '@type': string; inLanguage?: string; headline?: string }[] };
      expect(ld['@graph'].find((n) => n['@type'] === 'NewsArticle')).toMatchObject({ inLanguage: page.lang, headline: page.headline });
    }
    expect((await fetch(`${origin.url}/english/articles/nope`)).status).toBe(404);
  });

  it('is the same page set the unfurl test and the bench read', () => {
    expect((samplePages('http://localhost:8787') as SamplePage[]).map((p) => p.path)).toEqual(origin.pages.map((p) => p.path));
  });
});
