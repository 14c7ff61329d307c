import type { Article, UrlConflict } from '../domain/article';
import { normaliseArticleUrl } from '../domain/site';

/**
 * The articles of a CMS write whose canonical URL another CMS article holds, in the database or earlier
 * in the same write. A stored article that the write itself moves to another URL no longer holds its
 * old one. Extracted articles are left out: a CMS push replaces them (migrations/0003_edge_mode.sql).
 */
export async function findUrlConflicts(db: D1Database, articles: Article[]): Promise<UrlConflict[]> {
  const keys = articles.map((a) => normaliseArticleUrl(a.url));
  const moving = new Map(articles.map((a, i) => [a.id, keys[i]!]));
  const holders = new Map<string, string>();
  const unique = [...new Set(keys)];
  // D1 caps bound parameters per statement at 100.
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    const { results } = await db
      .prepare(`SELECT id, url_key FROM articles WHERE source = 'cms' AND url_key IN (${chunk.map((_, n) => `?${n + 1}`).join(', ')}) ORDER BY id`)
      .bind(...chunk)
      .all<{ id: string; url_key: string }>();
    for (const r of results) {
      if ((moving.get(r.id) ?? r.url_key) === r.url_key && !holders.has(r.url_key)) holders.set(r.url_key, r.id);
    }
  }
  const conflicts: UrlConflict[] = [];
  articles.forEach((a, index) => {
    const key = keys[index]!;
    const holder = holders.get(key);
    if (holder !== undefined && holder !== a.id) conflicts.push({ index, url: a.url, otherId: holder });
    else if (holder === undefined) holders.set(key, a.id);
  });
  return conflicts;
}

/** True for the error D1 reports when migrations/0005's trigger refused a second article for a URL. */
export const isUrlConflictAbort = (err: unknown) => err instanceof Error && err.message.includes('article-url-conflict');
