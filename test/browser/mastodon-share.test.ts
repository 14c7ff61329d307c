import { describe, expect, it } from 'vitest';
import { browserSuite } from './harness';
import { watchOutside } from './outside-requests';

const SEED_ID = '20180614-nk-laborers-china';
const JA_ID = '20260320-ja-sakura-forecast';
const EMOJI_ID = '20260501-kyoto-golden-week';
const SHOTS = 'test/browser/__screenshots__';

const suite = browserSuite();

describe('the Mastodon page', () => {
  it('refuses evil.example/path, accepts mastodon.social and remembers it', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 900, height: 700 } });
    const outside = await watchOutside(context);
    const page = await context.newPage();
    await page.goto(`${suite.worker.origin}/s/mastodon/${SEED_ID}`);
    await page.locator('#instance').fill('evil.example/path');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('?instance=')),
      page.locator('#mastodon-server button').click(),
    ]);
    expect(refused.status()).toBe(400);
    await page.locator('[role="alert"]').waitFor();
    expect(new URL(page.url()).origin).toBe(suite.worker.origin);
    expect(await page.locator('[role="alert"]').textContent()).toContain('without https:// or a path');
    expect(await page.locator('#instance').inputValue()).toBe('evil.example/path');
    await page.screenshot({ path: `${SHOTS}/mastodon-refused.png` });

    await page.locator('#instance').fill('mastodon.social');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().startsWith('https://mastodon.social/')),
      page.locator('#mastodon-server button').click(),
    ]);
    const sent = new URL(request.url());
    expect(sent.pathname).toBe('/share');
    const text = sent.searchParams.get('text')!;
    expect(text.startsWith('N. Korean laborers begin flowing back into China after Trump-Kim summit https://mainichi.jp/')).toBe(true);
    expect(new URL(text.split(' ').pop()!).searchParams.get('utm_source')).toBe('mastodon');

    // The next share goes straight to the remembered server.
    const next = await context.newPage();
    const [again] = await Promise.all([
      next.waitForRequest((r) => r.url().startsWith('https://mastodon.social/')),
      next.goto(`${suite.worker.origin}/s/mastodon/${EMOJI_ID}`, { waitUntil: 'commit' }),
    ]);
    expect(new URL(again.url()).searchParams.get('text')).toMatch(/^🎏 Kyoto's Golden Week crowds are back 🎉 https:/);
    expect(outside.map((o) => new URL(o.url).origin + new URL(o.url).pathname)).toEqual(['https://mastodon.social/share', 'https://mastodon.social/share']);

    // ?change=1 shows the form again with the remembered server filled in.
    const change = await context.newPage();
    await change.goto(`${suite.worker.origin}/s/mastodon/${EMOJI_ID}?change=1`);
    expect(await change.locator('#instance').inputValue()).toBe('mastodon.social');
    await context.close();
  });

  it('works with JavaScript off', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    await watchOutside(context);
    const page = await context.newPage();
    await page.goto(`${suite.worker.origin}/s/mastodon/${JA_ID}`);
    expect(await page.locator('label[for="instance"]').textContent()).toBe('あなたのMastodonサーバー');
    await page.locator('#instance').fill('fosstodon.org');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().startsWith('https://fosstodon.org/')),
      page.locator('#mastodon-server button').click(),
    ]);
    expect(new URL(request.url()).searchParams.get('text')).toMatch(/^東京で桜が開花/);
    await context.close();
  });
});
