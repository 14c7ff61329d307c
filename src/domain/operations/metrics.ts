/** How a card request was answered: the cache layer, a render, or the default image. */
export type CardLayer = 'edge' | 'r2' | 'render' | 'default';

/** One card answer, as recorded for "renders, hit ratio and fallbacks per hour" (docs/observability.md). */
export interface CardOutcome {
  articleId: string;
  variant: string;
  layer: CardLayer;
  /** Why the card is not the one asked for: the photo left out, or the default image answered. */
  fallback?: string;
  /** Time to the answer, in milliseconds. */
  ms: number;
}

/**
 * Port for counters kept outside the request log (Workers Analytics Engine,
 * src/adapters/analytics.ts). Writing never fails a request: without the binding it does nothing.
 */
export interface Metrics {
  cardOutcome(outcome: CardOutcome): void;
  shareClick(click: { articleId: string; network: string }): void;
}

export const NO_METRICS: Metrics = { cardOutcome: () => {}, shareClick: () => {} };
