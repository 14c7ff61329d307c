import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixtures } from '../../scripts/lib/fixtures.mjs';
import { WP_EMBED_HOST_SCRIPT, wordpressFilterOembedResult } from '../support/wordpress-embed';
import { launchChromium, startWorker, type RunningWorker } from './harness';
import { plainPage, startHostServer, wordpressPost, type HostServer } from './host-server';

const SEED = { id: '20180614-nk-laborers-china', url: 'https://mainichi.jp/english/articles/20180614/p2a/00m/0na/010000c' };
const SHOTS = 'test/browser/__screenshots__';

let worker: RunningWorker;
let host: HostServer;
let browser: Browser;

beforeAll(async () => {
  [worker, host, browser] = await Promise.all([startWorker(), startHostServer(), launchChromium()]);
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await worker?.stop();
});

interface Oembed {
  html: string;
  width: number;
  height: number;
}

async function oembedFor(url: string, params: Record<string, string>): Promise<Oembed> {
  const q = new URLSearchParams({ url, ...params });
  const res = await fetch(`${worker.origin}/oembed?${q}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Oembed;
}

/** Every request the page makes, and everything that went wrong in it or its frames. */
function watch(page: Page) {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`failed ${r.url()} ${r.failure()?.errorText}`));
  page.on('pageerror', (e) => problems.push(`error ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()} ${m.text()}`);
  });
  return { requests, problems };
}

async function cardFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[src*="/embed/"]', { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the iframe has no frame');
  await frame.waitForSelector('.card');
  // Wait for the photo so the card is final (its box never changes, but the picture should be in shots).
  await frame.evaluate(() => Promise.all(Array.from(document.images, (img) => img.decode().catch(() => undefined))));
  return frame;
}

/** What the card looks like from inside its frame. */
function measure(frame: Frame) {
  return frame.evaluate(() => {
    const root = document.documentElement;
    return {
      embedHeight: Math.ceil(document.querySelector('.card')!.getBoundingClientRect().height),
      viewportWidth: root.clientWidth,
      viewportHeight: root.clientHeight,
      scrollWidth: root.scrollWidth,
      scrollHeight: root.scrollHeight,
      origin: self.origin,
      photoLoaded: Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0),
    };
  });
}

async function newPage(options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: (options.width ?? 600) + 48, height: 1200 }, colorScheme: options.colorScheme ?? 'light' });
  return { context, page: await context.newPage() };
}

describe('embedding in WordPress', () => {
  it('grows the sandboxed iframe to the whole card and hides the blockquote', async () => {
    // WordPress asks with its content width, 1.5 times that as maxheight (at most 1000), and dnt=1.
    const oembed = await oembedFor(SEED.url, { maxwidth: '600', maxheight: '900', dnt: '1' });
    const markup = wordpressFilterOembedResult(oembed.html);
    expect(markup).not.toBe(false);
    const url = host.page('/wp-600', wordpressPost(markup as string, 600, WP_EMBED_HOST_SCRIPT));

    const { context, page } = await newPage();
    const { requests, problems } = watch(page);
    await page.goto(url);
    const frame = await cardFrame(page);
    const inside = await measure(frame);
    const expected = Math.min(1000, Math.max(200, inside.embedHeight));
    await page.waitForFunction(
      (h) => {
        const f = document.querySelector('iframe.wp-embedded-content') as HTMLIFrameElement;
        return f.height === String(h) && !f.hasAttribute('style');
      },
      expected,
    );

    const outside = await page.evaluate(() => {
      const f = document.querySelector('iframe.wp-embedded-content') as HTMLIFrameElement;
      const b = document.querySelector('blockquote.wp-embedded-content') as HTMLElement;
      return {
        sandbox: f.getAttribute('sandbox'),
        frameHeight: f.getBoundingClientRect().height,
        frameWidth: f.getBoundingClientRect().width,
        blockquoteDisplay: getComputedStyle(b).display,
        visibility: getComputedStyle(f).visibility,
      };
    });
    expect(outside.sandbox).toBe('allow-scripts');
    expect(inside.origin).toBe('null'); // opaque: WordPress's sandbox has no allow-same-origin
    expect(outside.blockquoteDisplay).toBe('none');
    expect(outside.visibility).toBe('visible');
    expect(outside.frameWidth).toBe(600);
    expect(outside.frameHeight).toBeGreaterThanOrEqual(inside.embedHeight);
    // Nothing scrolls inside the frame: the whole card is in view.
    expect(inside.scrollHeight).toBeLessThanOrEqual(inside.viewportHeight);
    expect(inside.scrollWidth).toBeLessThanOrEqual(inside.viewportWidth);
    expect(inside.photoLoaded).toBe(true);
    // The height announced before any script ran is the card's, give or take a wrapped line.
    expect(Math.abs(oembed.height - inside.embedHeight)).toBeLessThanOrEqual(30);

    expect(problems).toEqual([]);
    expect(requests.every((r) => r.startsWith(worker.origin) || r.startsWith(host.origin))).toBe(true);
    await context.close();
  });

  it('follows a click on the card to the article in the same tab, as wp-embed.js allows', async () => {
    const oembed = await oembedFor(SEED.url, { maxwidth: '600', maxheight: '900', dnt: '1' });
    const url = host.page('/wp-click', wordpressPost(wordpressFilterOembedResult(oembed.html) as string, 600, WP_EMBED_HOST_SCRIPT));
    const { context, page } = await newPage();
    // The article lives on the publisher's site: answer it locally instead of going out.
    await page.route(`${SEED.url}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>article</title>' }));
    await page.goto(url);
    await cardFrame(page);
    await page.waitForFunction(() => !document.querySelector('iframe.wp-embedded-content')!.hasAttribute('style'));
    await page.frameLocator('iframe.wp-embedded-content').locator('.headline a').click();
    await page.waitForURL(SEED.url);
    expect(page.url()).toBe(SEED.url);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [320, 600]) {
      it(`looks right at ${width} px in the ${colorScheme} theme`, async () => {
        const oembed = await oembedFor(SEED.url, { maxwidth: String(width), maxheight: String(Math.min(1000, width * 1.5)), dnt: '1' });
        const markup = wordpressFilterOembedResult(oembed.html) as string;
        const url = host.page(`/wp-${colorScheme}-${width}`, wordpressPost(markup, width, WP_EMBED_HOST_SCRIPT));
        const { context, page } = await newPage({ colorScheme, width });
        const { problems } = watch(page);
        await page.goto(url);
        const frame = await cardFrame(page);
        const { embedHeight } = await measure(frame);
        await page.waitForFunction((h) => (document.querySelector('iframe') as HTMLIFrameElement).height === String(h), Math.max(200, embedHeight));
        const paper = await frame.evaluate(() => getComputedStyle(document.querySelector('.card')!).backgroundColor);
        expect(paper).toBe(colorScheme === 'dark' ? 'rgb(21, 22, 26)' : 'rgb(255, 255, 255)');
        await page.locator('figure.wp-block-embed').screenshot({ path: `${SHOTS}/embed-wordpress-${colorScheme}-${width}.png` });
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('embedding with /embed.js', () => {
  let published: { id: string; url: string; lang: string }[];

  beforeAll(async () => {
    const all = (await readFixtures(join(import.meta.dirname, '../../fixtures/articles'), worker.origin)) as { id: string; url: string; lang: string; status: string }[];
    published = all.filter((a) => a.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(8);
  });

  for (const width of [150, 200, 320, 440, 600, 800]) {
    it(`sizes every iframe to its card at ${width} px and hides the blockquotes`, async () => {
      const answers = await Promise.all(published.map((a) => oembedFor(a.url, { maxwidth: String(width) })));
      expect(answers.every((o) => o.html.includes(`${worker.origin}/embed.js`))).toBe(true);
      const url = host.page(`/plain-${width}`, plainPage(answers.map((o) => `<section class="slot">${o.html}</section>`).join('\n'), width));
      const { context, page } = await newPage({ width });
      const { requests, problems } = watch(page);
      await page.goto(url);
      const cjkFont = await page.evaluate(() => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = '100px sans-serif';
        return ctx.measureText('東京').width >= 190;
      });
      const frames = page.locator('iframe');
      expect(await frames.count()).toBe(published.length);
      for (let i = 0; i < published.length; i++) {
        const frame = (await (await frames.nth(i).elementHandle())!.contentFrame())!;
        await frame.waitForSelector('.card');
        await frame.evaluate(() => Promise.all(Array.from(document.images, (img) => img.decode().catch(() => undefined))));
        const inside = await measure(frame);
        await page.waitForFunction(([n, h]) => document.querySelectorAll('iframe')[n]!.height === String(h), [i, inside.embedHeight]);
        const box = (await frames.nth(i).boundingBox())!;
        const what = `${published[i]!.id} at ${width}px`;
        expect(box.width, what).toBe(width);
        expect(box.height, what).toBe(inside.embedHeight);
        expect(inside.scrollHeight, what).toBeLessThanOrEqual(inside.viewportHeight);
        expect(inside.scrollWidth, what).toBeLessThanOrEqual(inside.viewportWidth);
        expect(inside.photoLoaded, what).toBe(true);
        // Announced before any script ran: the card's height give or take a wrapped line.
        // Announced before any script ran: the card's height give or take a wrapped line. The estimate
        // takes CJK characters as 1 em wide, which only holds where a CJK font is installed.
        if (cjkFont || !/^(ja|zh|ko)/.test(published[i]!.lang)) {
          expect(Math.abs(answers[i]!.height - inside.embedHeight), what).toBeLessThanOrEqual(28);
        }
      }
      const shown = await page.locator('blockquote').evaluateAll((bs) => bs.map((b) => getComputedStyle(b).display));
      expect(shown).toEqual(published.map(() => 'none'));
      expect(problems).toEqual([]);
      expect(requests.every((r) => r.startsWith(worker.origin) || r.startsWith(host.origin))).toBe(true);
      for (let i = 0; i < published.length; i++) {
        await page.locator('.slot').nth(i).screenshot({ path: `${SHOTS}/embed-plain-${width}-${published[i]!.id}.png` });
      }
      await context.close();
    });
  }

  it('keeps within maxheight by dropping the photo, then the description', async () => {
    for (const maxheight of [400, 260]) {
      const oembed = await oembedFor(SEED.url, { maxwidth: '600', maxheight: String(maxheight) });
      expect(oembed.height).toBeLessThanOrEqual(maxheight);
      const url = host.page(`/plain-max-${maxheight}`, plainPage(oembed.html, 600));
      const { context, page } = await newPage();
      await page.goto(url);
      const inside = await measure(await cardFrame(page));
      expect(inside.embedHeight).toBeLessThanOrEqual(maxheight);
      await page.waitForFunction((h) => (document.querySelector('iframe') as HTMLIFrameElement).height === String(h), inside.embedHeight);
      await page.locator('.embed').screenshot({ path: `${SHOTS}/embed-plain-max-${maxheight}.png` });
      await context.close();
    }
  });
});
