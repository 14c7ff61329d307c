import { siteConfigFor } from '../config';
import { createD1ArticleStore } from '../adapters/d1-article-store';
import { createPhotoSource } from '../adapters/photo-source';
import { createR2CardStore } from '../adapters/r2-card-store';
import type { CardJob } from '../domain/card/card-job';
import { CARD_VARIANTS, type CardVariant } from '../domain/card/card-variants';
import type { Env } from '../env';
import { assetReader } from '../adapters/assets';
import { storeCard } from '../render/card-delivery';
import { currentCard } from '../render/card-version';
import { renderCard } from '../render/render-card';

export type JobOutcome = 'stored' | 'exists' | 'stale' | 'purged' | 'degraded' | 'skipped';

/**
 * Carries out one job. `render` re-checks the article: a job for a hash that is no longer current
 * (edited again since) or an article no longer published does nothing, so retries and reordering are
 * harmless. Throws to have the queue retry (render or storage failure).
 */
export async function runCardJob(job: CardJob, env: Env, renderer: typeof renderCard = renderCard): Promise<JobOutcome> {
  if (!env.CARDS) return 'skipped';
  const store = createR2CardStore(env.CARDS);
  const stored = await createD1ArticleStore(env.DB).get(job.articleId);
  const published = stored?.article.status === 'published';

  if (job.type === 'purge' || !published) {
    if (published) return 'skipped'; // published again since the purge was queued
    const deleted = await store.deleteArticle(job.articleId);
    console.log(JSON.stringify({ event: 'cards-purged', articleId: job.articleId, deleted }));
    return 'purged';
  }

  const config = siteConfigFor(env);
  const assets = assetReader(env.ASSETS);
  // The origin the article was written through: photos this service serves are read from ASSETS.
  const origin = config.publicUrl ?? job.origin;
  const card = await currentCard(stored.article, job.variant, { config, origin, assets, jpeg: Boolean(env.IMAGES) });
  if (card.hash !== job.hash) return 'stale';
  const photos = createPhotoSource({ imageHosts: config.imageHosts, ownOrigin: origin, assets });
  const outcome = await storeCard(card, {
    store,
    render: (c) => renderer(c.input, { assets, photos, images: env.IMAGES }),
  });
  if (outcome === 'degraded') throw new Error(`card ${card.key} drew without its photo; retrying later`);
  // The article's older cards of this variant are unreachable now (stale hashes redirect).
  const current = await Promise.all(
    (Object.keys(CARD_VARIANTS) as CardVariant[]).map(async (v) => (v === job.variant ? card.key : (await currentCard(stored.article, v, { config, origin, assets, jpeg: Boolean(env.IMAGES) })).key)),
  );
  await store.deleteArticle(job.articleId, current);
  return outcome;
}

/** The queue consumer: each message acknowledged on success, retried with back-off on failure. */
export async function consumeCardJobs(batch: MessageBatch<CardJob>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    try {
      const outcome = await runCardJob(message.body, env);
      console.log(JSON.stringify({ event: 'card-job', job: message.body, outcome, attempts: message.attempts }));
      message.ack();
    } catch (err) {
      console.warn(JSON.stringify({ event: 'card-job-failed', job: message.body, attempts: message.attempts, reason: String(err) }));
      message.retry({ delaySeconds: Math.min(300, 10 * 2 ** (message.attempts - 1)) });
    }
  }
}
