import type { AppContext } from '../app-context';
import type { StoredArticle } from '../domain/article';
import type { UpsertResult } from '../domain/article-store';

/**
 * Called after articles are written or deleted, once the write has committed. Work that follows a
 * change (pre-rendering cards, purging caches) hangs off here; it must never undo or fail the write.
 */
export async function notifyArticleChanges(c: AppContext, written: UpsertResult[], deleted: StoredArticle[] = []): Promise<void> {
  const changed = written.filter((r) => r.changed);
  if (changed.length === 0 && deleted.length === 0) return;
  console.log(JSON.stringify({
    event: 'articles-changed',
    written: changed.map((r) => ({ id: r.stored.article.id, revision: r.stored.revision, status: r.stored.article.status })),
    deleted: deleted.map((d) => d.article.id),
  }));
  void c;
}
