import type { PageRecord, PageRecordStore } from '../domain/extraction';
import { normaliseArticleUrl } from '../domain/site';

interface Row {
  url_key: string;
  outcome: PageRecord['outcome'];
  etag: string | null;
  last_modified: string | null;
  checked_at: number;
  page_url: string | null;
}

/** Edge mode's memory of origin pages (`edge_pages`, migrations/0003_edge_mode.sql and 0006_edge_page_url.sql). */
export function createD1PageRecords(db: D1Database): PageRecordStore {
  const key = (url: string) => normaliseArticleUrl(url) ?? url;
  return {
    async get(canonicalUrl) {
      const row = await db.prepare('SELECT * FROM edge_pages WHERE url_key = ?1').bind(key(canonicalUrl)).first<Row>();
      if (!row) return undefined;
      return {
        canonicalUrl: row.url_key,
        outcome: row.outcome,
        ...(row.etag ? { etag: row.etag } : {}),
        ...(row.last_modified ? { lastModified: row.last_modified } : {}),
        checkedAt: row.checked_at,
        ...(row.page_url ? { pageUrl: row.page_url } : {}),
      };
    },
    async put(record) {
      await db
        .prepare(
          `INSERT INTO edge_pages (url_key, outcome, etag, last_modified, checked_at, page_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
           ON CONFLICT (url_key) DO UPDATE SET outcome = ?2, etag = ?3, last_modified = ?4, checked_at = ?5, page_url = COALESCE(?6, page_url)`,
        )
        .bind(key(record.canonicalUrl), record.outcome, record.etag ?? null, record.lastModified ?? null, record.checkedAt, record.pageUrl ?? null)
        .run();
    },
    async claim(canonicalUrl, staleBefore, now) {
      // One conditional UPDATE: of concurrent callers, only the first sees a stale row.
      const result = await db
        .prepare('UPDATE edge_pages SET checked_at = ?3 WHERE url_key = ?1 AND checked_at < ?2')
        .bind(key(canonicalUrl), staleBefore, now)
        .run();
      return (result.meta.changes ?? 0) > 0;
    },
  };
}
