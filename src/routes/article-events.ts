import type { AppContext } from '../app-context';
import type { Article, StoredArticle } from '../domain/article/article';
import type { UpsertResult } from '../domain/article/article-store';
import type { CardJob } from '../domain/card/card-job';
import { CARD_VARIANTS, type CardVariant } from '../domain/card/card-variants';
import { currentCardFor } from './cards';

const VARIANTS = Object.keys(CARD_VARIANTS) as CardVariant[];

async function hashes(c: AppContext, article: Article): Promise<Map<CardVariant, { hash: string; url: string }>> {
  const cards = await Promise.all(VARIANTS.map((v) => currentCardFor(c, article, v)));
  return new Map(cards.map((card) => [card.variant, { hash: card.hash, url: card.url }]));
}

/**
 * The card jobs a set of writes calls for: a render job for every variant of a published article
 * whose card hash changed (or that was just published), a purge for an article unpublished or deleted.
 */
export async function cardJobsFor(c: AppContext, written: UpsertResult[], deleted: StoredArticle[]): Promise<{ jobs: CardJob[]; staleUrls: string[] }> {
  const jobs: CardJob[] = [];
  const staleUrls: string[] = [];
  for (const { stored, previous, changed } of written) {
    if (!changed) continue;
    const { article } = stored;
    const wasPublished = previous?.article.status === 'published';
    const before = wasPublished ? await hashes(c, previous.article) : undefined;
    if (article.status === 'published') {
      const now = await hashes(c, article);
      for (const [variant, { hash }] of now) {
        if (before?.get(variant)?.hash !== hash) jobs.push({ type: 'render', articleId: article.id, variant, hash, origin: c.var.origin });
      }
    } else if (wasPublished) {
      jobs.push({ type: 'purge', articleId: article.id });
      staleUrls.push(...[...before!.values()].map((b) => b.url));
    }
  }
  for (const d of deleted) {
    jobs.push({ type: 'purge', articleId: d.article.id });
    if (d.article.status === 'published') staleUrls.push(...[...(await hashes(c, d.article)).values()].map((b) => b.url));
  }
  return { jobs, staleUrls };
}

/**
 * Called after articles are written or deleted, once the write has committed: queues pre-renders so
 * the first crawler finds R2 warm, and clean-ups of unpublished articles. Nothing here can undo or
 * fail the write: a queue that refuses is logged, and cards are then rendered on first request.
 */
export async function notifyArticleChanges(c: AppContext, written: UpsertResult[], deleted: StoredArticle[] = []): Promise<void> {
  const changed = written.filter((r) => r.changed);
  if (changed.length === 0 && deleted.length === 0) return;
  console.log(JSON.stringify({
    event: 'articles-changed',
    written: changed.map((r) => ({ id: r.stored.article.id, revision: r.stored.revision, status: r.stored.article.status })),
    deleted: deleted.map((d) => d.article.id),
  }));
  try {
    const { jobs, staleUrls } = await cardJobsFor(c, changed, deleted);
    // This data centre's cached copies of a withdrawn article's cards; elsewhere they age out, and
    // the card route checks publication before any cache look-up.
    await Promise.all(staleUrls.map((u) => c.var.edgeCache?.delete(u)));
    const queue = c.env.RENDER_QUEUE;
    if (!queue || jobs.length === 0) return;
    // sendBatch takes at most 100 messages.
    for (let i = 0; i < jobs.length; i += 100) {
      await queue.sendBatch(jobs.slice(i, i + 100).map((body) => ({ body, contentType: 'json' as const })));
    }
  } catch (err) {
    console.warn(JSON.stringify({ event: 'card-jobs-not-queued', reason: String(err), ids: changed.map((r) => r.stored.article.id) }));
  }
}
