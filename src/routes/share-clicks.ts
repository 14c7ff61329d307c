import type { AppContext } from '../app-context';
import { utcDay } from '../domain/share/share-click-store';
import type { ShareNetworkId } from '../domain/site/site-config';
import { afterResponse } from '../http/after-response';

/**
 * Link prefetchers and HEAD probes are not readers clicking: don't count them (Fetch `Sec-Purpose`,
 * and the older `Purpose`/`X-Moz` headers some browsers still send).
 */
function isSpeculative(c: AppContext): boolean {
  if (c.req.method === 'HEAD') return true;
  const purpose = `${c.req.header('sec-purpose') ?? ''} ${c.req.header('purpose') ?? ''} ${c.req.header('x-moz') ?? ''}`;
  return /prefetch|prerender/i.test(purpose);
}

/**
 * Counts one click for (article, network, today in UTC). The write runs after the response where the
 * runtime allows (`waitUntil`), so the redirect is not delayed; a failed write is logged, never shown
 * to the reader. Only the three key values reach the store: no cookie, IP address or user agent.
 */
export async function countShareClick(c: AppContext, articleId: string, network: ShareNetworkId): Promise<void> {
  if (isSpeculative(c)) return;
  const write = c.var.shareClicks.record(articleId, network, utcDay(new Date())).catch((err: unknown) => {
    console.error(JSON.stringify({ event: 'share-click-not-counted', articleId, network, error: String(err) }));
  });
  await afterResponse(c, write);
}
