import type { Article } from '../article';
import type { CardJob, CardVariant } from '../card';

/** An article's current card per variant: its content hash and URL. */
export type CardVersions = ReadonlyMap<CardVariant, { hash: string; url: string }>;

/**
 * One written or deleted article, with the card versions it had before the write (when it was
 * published then) and has after it (when it is published now).
 */
export interface ArticleChange {
  article: Article;
  before?: CardVersions;
  after?: CardVersions;
  deleted?: boolean;
}

export interface PublishingPlan {
  /** Jobs for the render queue. */
  jobs: CardJob[];
  /** Card URLs no longer current: their cached copies can go. */
  staleUrls: string[];
}

/**
 * The card jobs a set of writes calls for: a render job for every variant of a published article
 * whose card hash changed (or that was just published), a purge for an article unpublished or deleted.
 * `origin` is the origin the write came through (photos served by this service are read from there).
 */
export function planCardJobs(changes: readonly ArticleChange[], origin: string): PublishingPlan {
  const jobs: CardJob[] = [];
  const staleUrls: string[] = [];
  for (const { article, before, after, deleted } of changes) {
    if (after && !deleted) {
      for (const [variant, { hash }] of after) {
        if (before?.get(variant)?.hash !== hash) jobs.push({ type: 'render', articleId: article.id, variant, hash, origin });
      }
    } else if (before || deleted) {
      jobs.push({ type: 'purge', articleId: article.id });
      if (before) staleUrls.push(...[...before.values()].map((b) => b.url));
    }
  }
  return { jobs, staleUrls };
}

/** Port for the queue that carries card jobs to the consumer (src/adapters/render-queue.ts). */
export interface CardJobQueue {
  /** Sends every job or throws; the caller logs a refusal, the write stands either way. */
  send(jobs: readonly CardJob[]): Promise<void>;
}
