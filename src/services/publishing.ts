import type { Article, ArticleStore, StoredArticle, UpsertResult } from '../domain/article';
import type { CardCache } from '../domain/card';
import { planCardJobs, type ArticleChange, type CardJobQueue } from '../domain/publishing';
import type { CardService } from './cards';

export interface PublishingDeps {
  /** The CMS's documents: writes land here and are answered as written (no newsroom overrides). */
  store: ArticleStore;
  /**
   * What networks get for a stored document (the newsroom's overrides on top,
   * src/services/overlaid-article-store.ts): cards are planned from it. Identity when absent.
   */
  effective?: (stored: StoredArticle) => Promise<StoredArticle>;
  cards: CardService;
  queue?: CardJobQueue;
  cache?: CardCache;
  /** The origin writes come through: render jobs read this service's own photos from there. */
  origin: string;
}

/** Writing articles (the CMS's ingest API) and what a write calls for. */
export interface Publishing {
  upsert(article: Article): Promise<UpsertResult>;
  /** All or nothing: either every article is written or none is. */
  upsertMany(articles: Article[]): Promise<UpsertResult[]>;
  /** The deleted article, or undefined when there was none. */
  delete(id: string): Promise<StoredArticle | undefined>;
  /**
   * The newsroom saved overrides that turned `before` into `after` (both as networks get them): queues
   * the pre-render of every card whose hash changed, as an ingest write would, so the first crawler
   * after the save finds R2 warm. Never throws (a refused queue is logged; cards then render on demand).
   */
  overridesSaved(before: Article, after: Article): Promise<void>;
}

export function createPublishing(deps: PublishingDeps): Publishing {
  const published = (a: Article | undefined) => a?.status === 'published';
  const effective = deps.effective ?? (async (s: StoredArticle) => s);

  async function changesOf(written: UpsertResult[], deleted: StoredArticle[]): Promise<ArticleChange[]> {
    const changes: ArticleChange[] = [];
    for (const result of written) {
      if (!result.changed) continue;
      const stored = await effective(result.stored);
      const previous = result.previous ? await effective(result.previous) : undefined;
      changes.push({
        article: stored.article,
        ...(previous && published(previous.article) ? { before: await deps.cards.versions(previous.article) } : {}),
        ...(published(stored.article) ? { after: await deps.cards.versions(stored.article) } : {}),
      });
    }
    for (const removed of deleted) {
      const d = await effective(removed);
      changes.push({ article: d.article, deleted: true, ...(published(d.article) ? { before: await deps.cards.versions(d.article) } : {}) });
    }
    return changes;
  }

  /**
   * Called once a write has committed: queues pre-renders so the first crawler finds R2 warm, and
   * clean-ups of unpublished articles. Nothing here can undo or fail the write: a queue that refuses
   * is logged, and cards are then rendered on first request.
   */
  async function afterWrite(written: UpsertResult[], deleted: StoredArticle[] = []): Promise<void> {
    const changed = written.filter((r) => r.changed);
    if (changed.length === 0 && deleted.length === 0) return;
    console.log(JSON.stringify({
      event: 'articles-changed',
      written: changed.map((r) => ({ id: r.stored.article.id, revision: r.stored.revision, status: r.stored.article.status })),
      deleted: deleted.map((d) => d.article.id),
    }));
    await queueJobs(() => changesOf(changed, deleted), changed.map((r) => r.stored.article.id));
  }

  /** Plans and sends the card jobs of some changes; a failure is logged, never thrown. */
  async function queueJobs(changes: () => Promise<ArticleChange[]>, ids: string[]): Promise<void> {
    try {
      const { jobs, staleUrls } = planCardJobs(await changes(), deps.origin);
      // This data centre's cached copies of a withdrawn article's cards; elsewhere they age out, and
      // the card route checks visibility before any cache look-up.
      await Promise.all(staleUrls.map((u) => deps.cache?.delete(u)));
      if (deps.queue && jobs.length > 0) await deps.queue.send(jobs);
    } catch (err) {
      console.warn(JSON.stringify({ event: 'card-jobs-not-queued', reason: String(err), ids }));
    }
  }

  return {
    async upsert(article) {
      const result = await deps.store.upsert(article);
      await afterWrite([result]);
      return result;
    },
    async upsertMany(articles) {
      const results = await deps.store.upsertMany(articles);
      await afterWrite(results);
      return results;
    },
    async delete(id) {
      const removed = await deps.store.delete(id);
      if (removed) await afterWrite([], [removed]);
      return removed;
    },
    async overridesSaved(before, after) {
      await queueJobs(async () => [{
        article: after,
        ...(published(before) ? { before: await deps.cards.versions(before) } : {}),
        ...(published(after) ? { after: await deps.cards.versions(after) } : {}),
      }], [after.id]);
    },
  };
}
