import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFixtures } from '../../scripts/lib/fixtures.mjs';
import { browserSuite } from './harness';

const suite = browserSuite();

describe('article page in Chromium', () => {
  it('shows the seed article with its photo, caption and credit', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1000, height: 900 } });
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(`${suite.worker.origin}/a/20180614-nk-laborers-china`);
    expect(await page.locator('h1').textContent()).toBe('N. Korean laborers begin flowing back into China after Trump-Kim summit');
    // The fixture photo is served by the local service and decodes in the browser.
    const naturalWidth = await page.locator('figure img').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth));
    expect(naturalWidth).toBe(1200);
    expect(await page.locator('figcaption').textContent()).toContain('Photo courtesy of the Dandong City Government');
    expect(await page.title()).toBe('N. Korean laborers begin flowing back into China after Trump-Kim summit | The Mainichi');
    expect(failed).toEqual([]);
    await page.screenshot({ path: 'test/browser/__screenshots__/article-seed.png', fullPage: false });
    await page.close();
  });

  it('lists the published articles on / and hides the draft', async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.worker.origin}/`);
    const links = await page.locator('.article-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('/a/20180614-nk-laborers-china');
    expect(links).not.toContain('/a/20260801-draft-defense-budget');
    const all = (await readFixtures(join(import.meta.dirname, '../../fixtures/articles'), suite.worker.origin)) as { status: string }[];
    expect(links.length).toBe(all.filter((f) => f.status === 'published').length);
    await page.close();
  });
});
