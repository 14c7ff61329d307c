import { NO_METRICS, type Metrics } from '../domain/operations';
import { utcDay, type ShareClickStore } from '../domain/share';
import type { ShareNetworkId } from '../domain/site';

/** Counting share clicks; reading the counts is the store's `counts`. */
export interface ShareClicks {
  /**
   * Counts one click for (article, network, today in UTC). Never rejects: a failed write is logged,
   * never shown to the reader. Only the three key values reach the store: no cookie, IP or user agent.
   */
  record(articleId: string, network: ShareNetworkId): Promise<void>;
  counts: ShareClickStore['counts'];
}

export function createShareClicks(store: ShareClickStore, now: () => Date = () => new Date(), metrics: Metrics = NO_METRICS): ShareClicks {
  return {
    record(articleId, network) {
      metrics.shareClick({ articleId, network });
      return store.record(articleId, network, utcDay(now())).catch((err: unknown) => {
        console.error(JSON.stringify({ event: 'share-click-not-counted', articleId, network, error: String(err) }));
      });
    },
    counts: (articleId, range) => store.counts(articleId, range),
  };
}
