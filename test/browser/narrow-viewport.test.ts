import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFixtures } from '../../scripts/lib/fixtures.mjs';
import { browserSuite } from './harness';

// Issue 10, item 7: no fixture or hostile text makes the article page, the embed card, the share
// bar or the Mastodon server page scroll sideways on a 375 px phone.

const suite = browserSuite();
const VIEWPORT = { width: 375, height: 812 };

// The case: a headline holding a 90-character URL made the page 1000 px wide.
const LONG_URL = 'https://mainichi.jp/english/articles/20261130/p2a/00m/0na/long-path-that-never-breaks-0123';
const HOSTILE: Record<string, Record<string, unknown>> = {
  'narrow-long-url': { headline: `Read the full ruling at ${LONG_URL} before the vote` },
  'narrow-long-word': { headline: `${'Donaudampfschifffahrtsgesellschaftskapitän'.repeat(3)} resigns`, description: 'x'.repeat(300), tags: ['y'.repeat(60)] },
  'narrow-cjk-latin': { headline: `東京都知事選挙${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(4)}結果`, dateline: 'Z'.repeat(120), credit: 'C'.repeat(300) },
  'narrow-emoji-run': { headline: `${'👁️‍🗨️'.repeat(25)} Witness speaks`, authors: [{ name: 'N'.repeat(100) }] },
  'narrow-rtl-url': { headline: `שלום עכשיו ${LONG_URL}`, body: [`${LONG_URL}${LONG_URL}`] },
};

async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; widest: string }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    let widest = '';
    let right = root.clientWidth;
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 0.5) {
        right = r.right;
        widest = `${el.tagName.toLowerCase()}.${el.className} (${Math.round(r.right)} px)`;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
}

async function expectNoSideScroll(page: Page, path: string) {
  const res = await page.goto(`${suite.worker.origin}${path}`);
  expect(res?.status(), path).toBe(200);
  const o = await horizontalOverflow(page);
  expect(o.scrollWidth, `${path}: ${o.widest}`).toBeLessThanOrEqual(o.clientWidth);
  expect(o.widest, path).toBe('');
}

/** Runs `paths` in one 375 px page. */
async function checkAll(paths: string[]) {
  const page = await suite.browser.newPage({ viewport: VIEWPORT });
  try {
    for (const path of paths) await expectNoSideScroll(page, path);
  } finally {
    await page.close();
  }
}

const ids: string[] = [];

beforeAll(async () => {
  const fixtures = (await readFixtures(join(import.meta.dirname, '../../fixtures/articles'), suite.worker.origin)) as { id: string; status: string }[];
  const seed = fixtures[0] as Record<string, unknown>;
  ids.push(...fixtures.filter((f) => f.status === 'published').map((f) => f.id));
  for (const [id, patch] of Object.entries(HOSTILE)) {
    const res = await fetch(`${suite.worker.origin}/api/articles/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${suite.worker.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...seed, id, url: `https://mainichi.jp/english/articles/${id}`, ...patch }),
    });
    expect(res.status, `${id}: ${await res.text()}`).toBeLessThan(300);
    ids.push(id);
  }
});

describe('at 375 px, nothing scrolls sideways', () => {
  it('a headline holding a 90-character URL wraps on the article page', async () => {
    expect(LONG_URL).toHaveLength(90);
    const page = await suite.browser.newPage({ viewport: VIEWPORT });
    await expectNoSideScroll(page, '/a/narrow-long-url');
    const h1 = await page.locator('h1').evaluate((el) => ({ width: el.scrollWidth, box: el.clientWidth, lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)) }));
    expect(h1.width).toBeLessThanOrEqual(h1.box);
    expect(h1.lines).toBeGreaterThan(2);
    await page.close();
  });

  it('the article page of every fixture and hostile headline', async () => {
    await checkAll(ids.map((id) => `/a/${id}`));
  });

  it('the embed card', async () => {
    await checkAll(ids.map((id) => `/embed/${id}`));
  });

  it('the share bar fragment and the Mastodon server page', async () => {
    await checkAll(ids.flatMap((id) => [`/share-bar/${id}`, `/s/mastodon/${id}`]));
  });
});
