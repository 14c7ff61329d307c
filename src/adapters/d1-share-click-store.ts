import type { ShareClickCount, ShareClickStore } from '../domain/share';
import type { ShareNetworkId } from '../domain/site';

interface ClickRow {
  day: string;
  network: string;
  clicks: number;
}

const toCount = (row: ClickRow): ShareClickCount => ({ day: row.day, network: row.network as ShareNetworkId, clicks: row.clicks });

/** Share-click counts in the `share_clicks` table (migrations/0002_share_clicks.sql). */
export function createD1ShareClickStore(db: D1Database): ShareClickStore {
  return {
    async record(articleId, network, day) {
      // One statement, so concurrent clicks on the same day never lose an increment.
      await db
        .prepare(
          `INSERT INTO share_clicks (article_id, network, day, clicks) VALUES (?1, ?2, ?3, 1)
           ON CONFLICT (article_id, day, network) DO UPDATE SET clicks = clicks + 1`,
        )
        .bind(articleId, network, day)
        .run();
    },

    async counts(articleId, { from, to } = {}) {
      const { results } = await db
        .prepare(
          `SELECT day, network, clicks FROM share_clicks
           WHERE article_id = ?1 AND (?2 IS NULL OR day >= ?2) AND (?3 IS NULL OR day <= ?3)
           ORDER BY day, network`,
        )
        .bind(articleId, from ?? null, to ?? null)
        .all<ClickRow>();
      return results.map(toCount);
    },
  };
}
