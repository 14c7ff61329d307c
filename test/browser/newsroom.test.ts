import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite } from './harness';

const SEED_ID = '20180614-nk-laborers-china';
const JA_ID = '20260320-ja-sakura-forecast';
const TEXT_ID = '20260701-editorial-press-freedom';
const SHOTS = 'test/browser/__screenshots__/newsroom';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const suite = browserSuite();
let context: BrowserContext;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  context = await suite.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${suite.worker.origin}/newsroom`);
  expect(page.url()).toContain('/newsroom/sign-in');
  await page.fill('#token', suite.worker.staffToken);
  await page.fill('#name', 'Hanako Yamada');
  await page.click('button[type=submit]');
  await page.waitForURL(/\/newsroom$/);
  await page.close();
}, 120_000);

/** Opens an article's preview and waits for the 14 mocks and their card images. */
async function openPreview(id: string, query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${suite.worker.origin}/newsroom/articles/${id}${query}`);
  await page.waitForFunction(() => document.querySelectorAll('.mock').length === 14, null, { timeout: 60_000 });
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.mock img')].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: 60_000 });
  return page;
}

const cardSrc = (page: Page, network: string) => page.locator(`.mock[data-network="${network}"] .mock-img img`).getAttribute('src');

async function axeViolations(page: Page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run());
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.map((n) => (n as { target: unknown; failureSummary: string }).target).slice(0, 4))}`);
}

describe('newsroom preview in Chromium', () => {
  it.each([SEED_ID, JA_ID])('draws and screenshots every network mock for %s, light and dark', async (id) => {
    const page = await openPreview(id);
    const networks = await page.locator('.mock').evaluateAll((ms) => ms.map((m) => m.getAttribute('data-network')));
    expect(networks).toHaveLength(14);
    for (const network of networks) {
      const mock = page.locator(`.mock[data-network="${network}"]`);
      expect(await mock.locator('img').count(), network!).toBe(1);
      await mock.screenshot({ path: `${SHOTS}/${id}-${network}-light.png` });
    }
    await page.check('input[name="mode"][value="dark"]');
    await page.waitForSelector('#nr-cards[data-mode="dark"]');
    await page.locator('#nr-cards').screenshot({ path: `${SHOTS}/${id}-all-dark.png` });
    expect(await page.locator('.mock-x .mock-desc').count()).toBe(0); // X large cards show no description
    await page.close();
  });

  it('re-renders the card and the mocks when the headline is edited, without saving', async () => {
    const page = await openPreview(TEXT_ID);
    const before = await cardSrc(page, 'facebook');
    await page.fill('#f-socialHeadline', 'Press freedom: the newsroom test headline');
    await page.waitForFunction(() => document.querySelector('.mock-facebook .mock-title')?.textContent === 'Press freedom: the newsroom test headline', null, { timeout: 60_000 });
    const after = await cardSrc(page, 'facebook');
    expect(after).not.toBe(before);
    expect(after).toMatch(/^data:image\/(png|jpeg);base64,/);
    await page.locator('.mock[data-network="facebook"]').screenshot({ path: `${SHOTS}/edited-headline-facebook.png` });
    // Nothing was saved: the public page still has the CMS headline.
    const html = await (await fetch(`${suite.worker.origin}/a/${TEXT_ID}`)).text();
    expect(html).not.toContain('the newsroom test headline');
    await page.close();
  });

  it('moves the focal point with a click on the photo and re-renders the photo card', async () => {
    const page = await openPreview(SEED_ID);
    const before = await cardSrc(page, 'facebook');
    const box = (await page.locator('#focal-photo').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.1, box.y + box.height * 0.3);
    expect(Number(await page.inputValue('#f-focalX'))).toBeCloseTo(0.1, 1);
    await page.waitForFunction((src) => document.querySelector<HTMLImageElement>('.mock-facebook .mock-img img')?.getAttribute('src') !== src, before, { timeout: 60_000 });
    await page.locator('.mock[data-network="facebook"]').screenshot({ path: `${SHOTS}/focal-moved-facebook.png` });
    await page.close();
  });

  it('edits and saves with the keyboard alone; the public tags change at once', async () => {
    const page = await openPreview(JA_ID);
    await page.locator('body').focus();
    for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.id)) !== 'f-socialHeadline'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-socialHeadline');
    await page.keyboard.type('桜が開花　東京は平年より５日早く');
    await page.waitForFunction(() => document.querySelector('.mock-facebook .mock-title')?.textContent?.startsWith('桜が開花'), null, { timeout: 60_000 });
    await page.keyboard.press('Enter'); // submits the form: PUT with If-Match
    await page.waitForFunction(() => !document.getElementById('nr-after')?.hidden, null, { timeout: 60_000 });
    const html = await (await fetch(`${suite.worker.origin}/a/${JA_ID}`)).text();
    expect(html).toContain('<meta property="og:title" content="桜が開花　東京は平年より５日早く"');
    await page.close();
  });

  it('tells who saved first, in the page\'s language, when a save conflicts (412)', async () => {
    const page = await openPreview(TEXT_ID, '?lang=ja');
    // A colleague's script saves after the page was loaded.
    const auth = { authorization: `Bearer ${suite.worker.staffToken}`, 'content-type': 'application/json' };
    const current = await fetch(`${suite.worker.origin}/api/newsroom/articles/${TEXT_ID}/overrides`, { headers: auth });
    const colleague = await fetch(`${suite.worker.origin}/api/newsroom/articles/${TEXT_ID}/overrides`, {
      method: 'PUT', headers: { ...auth, 'if-match': current.headers.get('etag')! }, body: JSON.stringify({ socialHeadline: 'A colleague was first' }),
    });
    expect(colleague.status).toBe(200);
    await page.fill('#f-socialHeadline', '私の見出し');
    await page.locator('#nr-form button[type=submit]').click();
    await page.waitForFunction(() => (document.getElementById('nr-alert')?.textContent ?? '').includes('保存できませんでした'), null, { timeout: 60_000 });
    const alert = (await page.locator('#nr-alert').textContent()) ?? '';
    expect(alert).toContain('scriptさんが');
    expect(alert).not.toContain('saved these fields');
    await page.close();
  });

  it('reports no serious or critical axe-core violation on the list and the preview, in English and Japanese', async () => {
    const list = await context.newPage();
    await list.goto(`${suite.worker.origin}/newsroom`);
    expect(await axeViolations(list)).toEqual([]);
    await list.close();
    for (const query of ['', '?lang=ja']) {
      const page = await openPreview(SEED_ID, query);
      if (query) {
        expect(await page.textContent('#mocks-h')).toBe('各SNSでの表示');
        // The warnings come in the page's language, whatever the browser's.
        const messages = await page.locator('#nr-warnings li.nr-warning').evaluateAll((lis) => lis.map((li) => li.querySelector('code + span')?.textContent ?? ''));
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) expect(m).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
      await page.click('#nr-crawl-run');
      await page.waitForSelector('#nr-crawl table', { timeout: 60_000 });
      expect(await page.locator('#nr-crawl tbody tr').count()).toBe(14);
      expect(await axeViolations(page)).toEqual([]);
      await page.check('input[name="mode"][value="dark"]');
      await page.waitForSelector('#nr-cards[data-mode="dark"] .mock');
      expect(await page.evaluate(async () => (await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe.run()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 4))}`))).toEqual([]);
      await page.check('input[name="mode"][value="light"]');
      await page.screenshot({ path: `${SHOTS}/preview${query ? '-ja' : ''}.png`, fullPage: true });
      await page.close();
    }
  });
});
