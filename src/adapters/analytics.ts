import { NO_METRICS, type Metrics } from '../domain/operations';

/**
 * Metrics as Workers Analytics Engine data points
 * (https://developers.cloudflare.com/analytics/analytics-engine/get-started/). Columns, as the
 * queries in docs/observability.md read them:
 * - card:  blob1 `card`, blob2 layer (edge|r2|render|default), blob3 variant, blob4 fallback reason
 *          ('' when none), double1 milliseconds, index1 article id.
 * - share: blob1 `share`, blob2 network, index1 article id.
 * `writeDataPoint` does not throw on bad input and is not awaited; without the binding: no-op.
 */
export function createMetrics(dataset: AnalyticsEngineDataset | undefined): Metrics {
  if (!dataset) return NO_METRICS;
  const write = (point: AnalyticsEngineDataPoint) => {
    try {
      dataset.writeDataPoint(point);
    } catch (err) {
      console.warn(JSON.stringify({ event: 'metrics-not-written', reason: String(err) }));
    }
  };
  return {
    cardOutcome: (o) => write({ blobs: ['card', o.layer, o.variant, o.fallback ?? ''], doubles: [o.ms], indexes: [o.articleId.slice(0, 96)] }),
    shareClick: (c) => write({ blobs: ['share', c.network], indexes: [c.articleId.slice(0, 96)] }),
  };
}
