// Requests that try to leave loopback, for browser tests of links and redirects to other sites.
import type { BrowserContext, Page } from 'playwright-core';

export interface OutsideRequest {
  url: string;
  /** The URL that redirected here, if any. */
  from?: string;
  /** How many redirects led here. */
  hops: number;
}

export const isLoopback = (url: URL) => url.hostname === '127.0.0.1' || url.hostname === 'localhost';

/**
 * Records every request that tries to leave loopback. The harness's Chromium resolves no other name,
 * so such a request fails on this machine; a direct one (not a redirect, which Playwright cannot
 * intercept) is answered with a stand-in page.
 */
export async function watchOutside(context: BrowserContext): Promise<OutsideRequest[]> {
  const outside: OutsideRequest[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!/^https?:$/.test(url.protocol) || isLoopback(url)) return;
    let hops = 0;
    for (let r = request.redirectedFrom(); r; r = r.redirectedFrom()) hops++;
    outside.push({ url: request.url(), from: request.redirectedFrom()?.url(), hops });
  });
  await context.route(
    (url) => !isLoopback(url),
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stand-in</title>' }),
  );
  return outside;
}

/**
 * Clicks a share button and resolves with the request that the counted redirect `from` sent the new
 * window to (it fails on this machine: no name outside loopback resolves).
 */
export async function followToOutside(context: BrowserContext, page: Page, selector: string, from: string) {
  const [request] = await Promise.all([
    context.waitForEvent('request', (r) => r.redirectedFrom()?.url() === from && !isLoopback(new URL(r.url()))),
    page.locator(selector).click(),
  ]);
  return request;
}
