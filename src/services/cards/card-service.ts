import type { Article } from '../../domain/article';
import {
  CARD_VARIANTS, shareImageFor, squareCardImageFor,
  type AssetReader, type CardCache, type CardInput, type CardJob, type CardObjectStore, type CardVariant, type ImageCodec, type PhotoSource, type ShareImage,
} from '../../domain/card';
import type { CardVersions } from '../../domain/publishing';
import type { SiteConfig } from '../../domain/site';
import { renderCard, type RenderedCard, type RenderOptions } from '../../render/render-card';
import type { ArticleAccess } from '../article-access';
import { deliverCard, storeCard, type CardDeliveryEvent } from './card-delivery';
import { sweepCards, type SweepReport } from './card-sweep';
import { currentCard, type CurrentCard } from './current-card';
import { defaultImageResponse, type FallbackRequest } from './default-image';
import { createScaledPhotoCache } from './scaled-photos';

const VARIANTS = Object.keys(CARD_VARIANTS) as CardVariant[];

/** The share cards of an article as this deployment serves them. */
export interface CardImages {
  /** 1200x630: og:image, twitter:image, Pinterest, the embed of an article without a photo. */
  og: ShareImage;
  /** 1200x1200: oEmbed thumbnails and JSON-LD's square image. */
  square: ShareImage;
}

export type JobOutcome = 'stored' | 'stored-without-photo' | 'exists' | 'stale' | 'purged' | 'skipped' | 'withdrawn';

export interface CardServiceDeps {
  config: SiteConfig;
  /** Absolute origin of this service: card URLs and photos served by it. */
  origin: string;
  assets: AssetReader;
  photos: PhotoSource;
  images?: ImageCodec;
  store?: CardObjectStore;
  cache?: CardCache;
  articles: ArticleAccess;
  /** Replaces the renderer (tests count renders through it). */
  render?: typeof renderCard;
}

export interface DeliveryHooks {
  waitUntil: (work: Promise<unknown>) => void;
  observe?: (event: CardDeliveryEvent) => void;
  /** Throws when a new render may not run (rate limits); see `CardDeliveryDeps.admitRender`. */
  admitRender?: () => Promise<void>;
}

export interface CardService {
  /** The current card of an article in one variant: input, content hash, URL, storage key. */
  current(article: Article, variant: CardVariant): Promise<CurrentCard>;
  /** The og and square card images named by metadata, oEmbed, embeds and share links. */
  images(article: Article): Promise<CardImages>;
  /** The current versions of every variant (publishing compares them across a write). */
  versions(article: Article): Promise<CardVersions>;
  /**
   * Why the card stored for crawlers (R2) was drawn without its photo, when it was: the final photo
   * failure its render job recorded. Undefined when the card is not stored or has its photo.
   */
  storedPhotoFallback(article: Article, variant: CardVariant): Promise<string | undefined>;
  /** Renders a card input with this deployment's assets, photos and Images binding. */
  render(input: CardInput, options?: RenderOptions): Promise<RenderedCard>;
  /** A card from the Cache API, else R2, else a render (shared by concurrent requests). */
  deliver(card: CurrentCard, hooks: DeliveryHooks): Promise<Response>;
  /** The default image (200, briefly cached, in the format the URL promises) for a card that cannot be served; logs why. */
  fallback(why: FallbackRequest): Promise<Response>;
  /** Carries out one render-queue job; throws to have the queue retry it. */
  runJob(job: CardJob): Promise<JobOutcome>;
  /** Removes stored cards no current article points to, in bounded batches (the Cron Trigger). */
  sweep(bounds?: { pageSize: number; maxPages: number }): Promise<SweepReport | undefined>;
}

/**
 * The card use cases: naming the current card (content-hashed URL), delivering it through Cache API
 * -> R2 -> render (docs/architecture.md, "A card request"), pre-rendering and purging for the queue.
 */
export function createCardService(deps: CardServiceDeps): CardService {
  const { config, origin, assets } = deps;
  const jpeg = Boolean(deps.images);
  const renderer = deps.render ?? renderCard;

  const current = (article: Article, variant: CardVariant) => currentCard(article, variant, { config, origin, assets, jpeg });
  // Photos the binding scaled are kept in the same Cache API as the cards (docs/performance.md).
  const scaledPhotos = deps.images && deps.cache ? createScaledPhotoCache(deps.cache, origin) : undefined;
  const render = (input: CardInput, options?: RenderOptions) =>
    renderer(input, { assets, photos: deps.photos, ...(deps.images ? { images: deps.images } : {}), ...(scaledPhotos ? { scaledPhotos } : {}) }, options);

  async function versions(article: Article): Promise<CardVersions> {
    const cards = await Promise.all(VARIANTS.map((v) => current(article, v)));
    return new Map(cards.map((card) => [card.variant, { hash: card.hash, url: card.url }]));
  }

  return {
    current,
    versions,
    render,

    async storedPhotoFallback(article, variant) {
      if (!deps.store) return undefined;
      const card = await current(article, variant);
      return (await deps.store.meta(card.key))?.photoFallback;
    },

    async images(article) {
      const [og, square] = await Promise.all([current(article, 'og'), current(article, 'square')]);
      return {
        og: shareImageFor(article, config, origin, { jpeg, version: og.hash }),
        square: squareCardImageFor(article, config, origin, { jpeg, version: square.hash }),
      };
    },

    deliver(card, hooks) {
      return deliverCard(card, {
        ...(deps.store ? { store: deps.store } : {}),
        ...(deps.cache ? { cache: deps.cache } : {}),
        render: (c) => render(c.input),
        waitUntil: hooks.waitUntil,
        ...(hooks.observe ? { observe: hooks.observe } : {}),
        ...(hooks.admitRender ? { admitRender: hooks.admitRender } : {}),
      });
    },

    async sweep(bounds) {
      if (!deps.store) return undefined;
      return sweepCards({ store: deps.store, articles: deps.articles, current, variants: VARIANTS }, bounds);
    },

    fallback: (why) => defaultImageResponse(assets, config.defaultImage.path, why, deps.images),

    /**
     * A job for a hash that is no longer current (edited again since) or an article no longer
     * published does nothing, so retries and reordering are harmless.
     */
    async runJob(job) {
      const store = deps.store;
      if (!store) return 'skipped';
      // Embargoed articles are pre-rendered too (audience `prerender`): warm when the embargo lifts.
      const stored = await deps.articles.find(job.articleId, 'prerender');
      if (job.type === 'purge' || !stored) {
        if (stored) return 'skipped'; // published again since the purge was queued
        const deleted = await store.deleteArticle(job.articleId);
        console.log(JSON.stringify({ event: 'cards-purged', articleId: job.articleId, deleted }));
        return 'purged';
      }
      const card = await current(stored.article, job.variant);
      if (card.hash !== job.hash) return 'stale';
      const outcome = await storeCard(card, { store, render: (c) => render(c.input) });
      if (outcome === 'degraded') throw new Error(`card ${card.key} drew without its photo; retrying later`);
      // Deleted or unpublished while it rendered: its purge may have run already, so clean up here.
      if (!(await deps.articles.find(job.articleId, 'prerender'))) {
        await store.deleteArticle(job.articleId);
        return 'withdrawn';
      }
      // The article's older cards are unreachable now (stale hashes redirect).
      const keep = await Promise.all(VARIANTS.map(async (v) => (v === job.variant ? card.key : (await current(stored.article, v)).key)));
      await store.deleteArticle(job.articleId, keep);
      return outcome;
    },
  };
}
