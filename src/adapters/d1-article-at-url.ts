import type { StoredArticle } from '../domain/article';
import type { StoredOverrides } from '../domain/newsroom';
import { normaliseArticleUrl } from '../domain/site';
import { type ArticleRow, COLUMNS, toStored } from './d1-article-store';
import { type OverrideRow, toStoredOverrides } from './d1-override-store';

/** The article at a canonical URL and the newsroom's overrides of it, as one read sees them. */
export type ArticleAtUrl = { stored: StoredArticle; overrides?: StoredOverrides };

type JoinedRow = ArticleRow & { [K in keyof OverrideRow as `o_${K}`]: OverrideRow[K] | null };

/**
 * One statement for both (edge mode reads it for every proxied page it does not remember): the row the
 * article store's `getByUrl` chooses (the latest updated at the URL's normal form) joined with its
 * overrides (migrations/0004_social_overrides.sql). One statement is one consistent snapshot, so the
 * overrides always belong to the article returned. Undefined when no readable article is at the URL.
 */
export function createD1ArticleAtUrl(db: D1Database): (url: string) => Promise<ArticleAtUrl | undefined> {
  return async (url) => {
    const key = normaliseArticleUrl(url);
    if (!key) return undefined;
    const row = await db
      .prepare(`SELECT a.*, o.article_id AS o_article_id, o.overrides AS o_overrides, o.revision AS o_revision,
          o.updated_at AS o_updated_at, o.updated_by AS o_updated_by
        FROM (SELECT ${COLUMNS} FROM articles WHERE url_key = ?1 ORDER BY updated_at DESC LIMIT 1) a
        LEFT JOIN social_overrides o ON o.article_id = a.id`)
      .bind(key)
      .first<JoinedRow>();
    if (!row) return undefined;
    const stored = toStored(row);
    if (!stored) return undefined;
    if (row.o_article_id === null) return { stored };
    return {
      stored,
      overrides: toStoredOverrides({
        article_id: row.o_article_id, overrides: row.o_overrides!, revision: row.o_revision!, updated_at: row.o_updated_at!, updated_by: row.o_updated_by!,
      }),
    };
  };
}
