import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './harness';
import { followToOutside, watchOutside } from './outside-requests';

const SEED_ID = '20180614-nk-laborers-china';
const JA_ID = '20260320-ja-sakura-forecast';
const EMOJI_ID = '20260501-kyoto-golden-week';
const NETWORKS = ['x', 'facebook', 'linkedin', 'line', 'hatena', 'reddit', 'bluesky', 'mastodon', 'threads', 'whatsapp', 'telegram', 'pinterest', 'email', 'copy'];
const SHOTS = 'test/browser/__screenshots__';

const suite = browserSuite();

interface ApiLink {
  network: string;
  label: string;
  url: string;
}

async function apiLinks(id: string): Promise<ApiLink[]> {
  const res = await fetch(`${suite.worker.origin}/api/articles/${id}/share`);
  return (await res.json()) as ApiLink[];
}

async function barLinks(page: Page): Promise<{ network: string; href: string; name: string }[]> {
  return page.locator('presscard-share a.presscard-share__button').evaluateAll((as) =>
    as.map((a) => ({
      network: a.getAttribute('data-network') ?? '',
      href: a.getAttribute('href') ?? '',
      name: a.querySelector('.presscard-share__name')?.textContent ?? '',
    })),
  );
}

describe('share bar on the article page', () => {
  it('works with JavaScript off: real links through the counted redirect to the composer', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
    const outside = await watchOutside(context);
    const page = await context.newPage();
    await page.goto(`${suite.worker.origin}/a/${SEED_ID}`);
    const links = await barLinks(page);
    expect(links.map((l) => l.network)).toEqual(NETWORKS);
    for (const l of links) expect(l.href).toBe(`${suite.worker.origin}/s/${l.network}/${SEED_ID}`);
    expect(links.map((l) => l.name)).toContain('Copy link');
    await expect.poll(() => page.locator('nav.presscard-share').isVisible()).toBe(true);
    // Without scripts the element is not enhanced and the share-sheet button never appears.
    expect(await page.locator('nav.presscard-share[data-enhanced]').count()).toBe(0);
    expect(await page.locator('[data-network="native"]').count()).toBe(0);
    // The stylesheet applied: the buttons are pills laid out in a row.
    const boxes = await Promise.all([0, 1].map((i) => page.locator('a.presscard-share__button').nth(i).boundingBox()));
    expect(boxes[0]!.y).toBe(boxes[1]!.y);
    expect(boxes[0]!.height).toBeGreaterThanOrEqual(40);
    await page.screenshot({ path: `${SHOTS}/share-bar-js-off.png` });

    const expected = new Map((await apiLinks(SEED_ID)).map((l) => [l.network, l.url]));
    const from = `${suite.worker.origin}/s/line/${SEED_ID}`;
    const request = await followToOutside(context, page, 'a[data-network="line"]', from);
    expect(request.url()).toBe(expected.get('line'));
    expect(outside[0]).toEqual({ url: expected.get('line'), from, hops: 1 });
    await context.close();
  });

  it('sends every network button, through one redirect, to the prefilled composer', async () => {
    const context = await suite.browser.newContext();
    const outside = await watchOutside(context);
    const page = await context.newPage();
    await page.goto(`${suite.worker.origin}/a/${EMOJI_ID}`);
    await page.locator('nav.presscard-share[data-enhanced]').waitFor();
    const expected = new Map((await apiLinks(EMOJI_ID)).map((l) => [l.network, l.url]));
    // Email opens the mail program and copy stays on the page; Mastodon has its own test below.
    for (const network of NETWORKS.filter((n) => !['email', 'copy', 'mastodon'].includes(n))) {
      const from = `${suite.worker.origin}/s/${network}/${EMOJI_ID}`;
      const request = await followToOutside(context, page, `a[data-network="${network}"]`, from);
      expect(request.url(), network).toBe(expected.get(network));
      // One hop: the button's own link was the counted redirect.
      expect(request.redirectedFrom()!.redirectedFrom(), network).toBeNull();
      for (const popup of context.pages().filter((p) => p !== page)) await popup.close();
    }
    // Nothing else tried to leave loopback.
    expect(new Set(outside.map((o) => o.url))).toEqual(new Set([...expected].filter(([n]) => !['email', 'copy', 'mastodon'].includes(n)).map(([, u]) => u)));
    await context.close();
  });

  it('copies the link with visible feedback and reports the copy to this service only', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1000, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.worker.origin });
    const outside = await watchOutside(context);
    const page = await context.newPage();
    await page.goto(`${suite.worker.origin}/a/${SEED_ID}`);
    await page.locator('nav.presscard-share[data-enhanced]').waitFor();
    const copy = page.locator('a[data-network="copy"]');
    const [beacon] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && r.url() === `${suite.worker.origin}/s/copy/${SEED_ID}`),
      copy.click(),
    ]);
    expect(beacon).toBeTruthy();
    expect(await page.locator('.presscard-share__status').textContent()).toBe('Link copied');
    expect(await copy.locator('.presscard-share__name').textContent()).toBe('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(copied);
    expect(url.origin + url.pathname).toBe('https://mainichi.jp/english/articles/20180614/p2a/00m/0na/010000c');
    expect(url.searchParams.get('utm_source')).toBe('copy');
    expect(page.url()).toBe(`${suite.worker.origin}/a/${SEED_ID}`);
    await copy.focus();
    await page.screenshot({ path: `${SHOTS}/share-bar-copied.png`, clip: { x: 0, y: 0, width: 1000, height: 520 } });
    expect(outside).toEqual([]);
    await context.close();
  });

  it('falls back to a selection copy where the Clipboard API is missing', async () => {
    const context = await suite.browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    const page = await context.newPage();
    await page.goto(`${suite.worker.origin}/a/${JA_ID}`);
    await page.locator('nav.presscard-share[data-enhanced]').waitFor();
    // What the selection copy put on the clipboard: the focused, selected textarea's value.
    await page.evaluate(() => {
      document.addEventListener('copy', () => {
        const el = document.activeElement;
        (window as unknown as { copied?: string }).copied = el instanceof HTMLTextAreaElement ? el.value : undefined;
      });
    });
    await page.locator('a[data-network="copy"]').click();
    expect(await page.locator('.presscard-share__status').textContent()).toBe('リンクをコピーしました');
    const copied = await page.evaluate(() => (window as unknown as { copied?: string }).copied);
    expect(new URL(copied!).searchParams.get('utm_source')).toBe('copy');
    expect(await page.locator('textarea').count()).toBe(0);
    await context.close();
  });

  it('offers the device share sheet when the Web Share API exists', async () => {
    const context = await suite.browser.newContext();
    await context.addInitScript(() => {
      const shared: unknown[] = [];
      (window as unknown as { shared: unknown[] }).shared = shared;
      Object.defineProperty(Navigator.prototype, 'share', { value: (data: unknown) => (shared.push(data), Promise.resolve()) });
      Object.defineProperty(Navigator.prototype, 'canShare', { value: () => true });
    });
    const page = await context.newPage();
    await page.goto(`${suite.worker.origin}/a/${JA_ID}`);
    const native = page.locator('button[data-network="native"]');
    await native.waitFor();
    expect(await native.textContent()).toBe('共有…');
    // It comes first: on a phone the share sheet is the button people want.
    expect(await page.locator('.presscard-share__list > li').first().locator('[data-network="native"]').count()).toBe(1);
    await native.click();
    const shared = (await page.evaluate(() => (window as unknown as { shared: { title: string; url: string }[] }).shared)) as { title: string; url: string }[];
    expect(shared).toHaveLength(1);
    expect(shared[0]!.title).toBe('東京で桜が開花、平年より５日早く　「週末が見頃」と気象庁');
    expect(new URL(shared[0]!.url).searchParams.get('utm_source')).toBe('native');
    await context.close();
  });

  it('has no share-sheet button where the device has no Web Share API', async () => {
    const context = await suite.browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'share', { get: () => undefined });
    });
    const page = await context.newPage();
    await page.goto(`${suite.worker.origin}/a/${SEED_ID}`);
    await page.locator('nav.presscard-share[data-enhanced]').waitFor();
    expect(await page.locator('[data-network="native"]').count()).toBe(0);
    await context.close();
  });

  it('shows a visible focus ring on keyboard focus', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${suite.worker.origin}/a/${JA_ID}`);
    const x = page.locator('a[data-network="x"]');
    await x.focus();
    // Tab from the button before, so the focus is keyboard focus (:focus-visible).
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await x.evaluate((a) => getComputedStyle(a).outlineStyle + ' ' + getComputedStyle(a).outlineWidth);
    expect(outline).toBe('solid 3px');
    await page.screenshot({ path: `${SHOTS}/share-bar-ja-focus.png`, clip: { x: 0, y: 0, width: 1000, height: 560 } });
    await page.close();
  });
});

describe('<presscard-share> on another site', () => {
  it('renders the same bar from the script’s own origin and requests nothing else', async () => {
    // A publisher's page on another origin, served from loopback like the Worker (so Chromium's
    // local-network rules treat both alike).
    const blog = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Blog</title>
        <body style="font-family: Georgia, serif; margin: 24px"><h1>A blog post</h1><p>Share the story we quote:</p>
        <presscard-share article="${JA_ID}"></presscard-share>
        <script src="${suite.worker.origin}/share-bar.js" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => blog.listen(0, '127.0.0.1', resolve));
    const hostPage = `http://127.0.0.1:${(blog.address() as AddressInfo).port}/post.html`;
    const context = await suite.browser.newContext({ viewport: { width: 900, height: 400 } });
    const requested: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    try {
      const page = await context.newPage();
      await page.goto(hostPage);
      await page.locator('presscard-share nav.presscard-share[data-enhanced]').waitFor();
      const links = await barLinks(page);
      expect(links.map((l) => l.network)).toEqual(NETWORKS);
      for (const l of links) expect(l.href).toBe(`${suite.worker.origin}/s/${l.network}/${JA_ID}`);
      expect(links.find((l) => l.network === 'email')!.name).toBe('メール');
      for (const url of requested) expect(url === hostPage || url.startsWith(`${suite.worker.origin}/`), url).toBe(true);
      expect(requested).toContain(`${suite.worker.origin}/share-bar/${JA_ID}`);
      await page.screenshot({ path: `${SHOTS}/share-element-elsewhere.png` });
    } finally {
      await context.close();
      blog.close();
    }
  });
});
