import { createMetrics } from '../adapters/analytics';
import { assetReader } from '../adapters/assets';
import { createD1ArticleStore } from '../adapters/d1-article-store';
import { createD1OverrideStore } from '../adapters/d1-override-store';
import { createD1ArticleAtUrl } from '../adapters/d1-article-at-url';
import { createD1ShareClickStore } from '../adapters/d1-share-click-store';
import { createEdgeCache } from '../adapters/edge-cache';
import { createFacebookScraper } from '../adapters/facebook-graph';
import { createImageCodec } from '../adapters/images';
import { createPhotoSource } from '../adapters/photo-source';
import { createR2CardStore } from '../adapters/r2-card-store';
import { createRateLimiters } from '../adapters/rate-limiter';
import { createCardJobQueue } from '../adapters/render-queue';
import { createD1PageRecords } from '../adapters/d1-page-records';
import { createOriginFetch } from '../adapters/origin-fetch';
import type { EdgeConfig } from '../domain/edge';
import {
  createEdgeService, createExtraction, forgettingOnWrite, overridesForgettingOnWrite, rememberArticlesByUrl, type EdgeService, type RewriteOptions,
} from './edge';
import { edgeConfigFor, siteConfigFor } from '../config';
import type { Article } from '../domain/article';
import type { FacebookScraper } from '../domain/newsroom';
import { buildHeadTags, type HeadTag } from '../domain/head';
import type { Metrics, RateLimiters } from '../domain/operations';
import type { SiteConfig } from '../domain/site';
import type { renderCard } from '../render/render-card';
import { loadCardFonts } from '../render/fonts';
import { createArticleAccess, type ArticleAccess } from './article-access';
import { createCardService, type CardImages, type CardService } from './cards';
import { createNewsroom, type Newsroom } from './newsroom';
import { createOverlay, withOverrides } from './overlaid-article-store';
import { createPublicArticles, type PublicArticles } from './public-articles';
import { createPublishing, type Publishing } from './publishing';
import { isolateStaffRenders } from './staff-renders';
import { createShareClicks, type ShareClicks } from './share-clicks';

export type { ArticleAccess, CardImages, CardService, EdgeService, PublicArticles, Publishing, ShareClicks };

/** Everything a route, the queue consumer, the bench or a golden test needs, built from the bindings. */
export interface Services {
  config: SiteConfig;
  /** Absolute origin of this service (config PUBLIC_URL, else the request's). */
  origin: string;
  articles: ArticleAccess;
  /**
   * The CMS's own documents, without the newsroom's overrides: what the ingest API answers, so a CMS
   * read-modify-write never bakes an override into its document.
   */
  cmsArticles: ArticleAccess;
  /** Published articles for cards and oEmbed; in edge mode, built from origin when the store lacks them. */
  publicArticles: PublicArticles;
  publishing: Publishing;
  cards: CardService;
  shareClicks: ShareClicks;
  /** The newsroom: every article with its preview, warnings and social overrides (staff only). */
  newsroom: Newsroom;
  /** Facebook's re-scrape through the Graph API, when FACEBOOK_APP_TOKEN is set. */
  facebook?: FacebookScraper;
  /** The rate limits (wrangler.toml `[[ratelimits]]`); each admits everything without its binding. */
  limits: RateLimiters;
  /** Card outcomes and share clicks for Analytics Engine; a no-op without the binding. */
  metrics: Metrics;
  /** Edge mode (proxy and rewrite of the publisher's pages); absent when ORIGIN_URL is not set. */
  edge?: EdgeService;
  /** Head tags of an article: OG, Twitter, JSON-LD, oEmbed discovery, with its current cards. */
  headTags(article: Article, cards?: CardImages): Promise<HeadTag[]>;
  /** Resolves when the database answers. */
  health(): Promise<void>;
}

/** The bindings the services are built from (a subset of the Worker's Env, so tools can pass less). */
export interface ServiceBindings {
  DB: D1Database;
  ASSETS: Fetcher;
  IMAGES?: ImagesBinding;
  CARDS?: R2Bucket;
  RENDER_QUEUE?: Queue;
  /** Facebook app token for one-click re-scrapes from the newsroom; without it the page links the debugger. */
  FACEBOOK_APP_TOKEN?: string;
  FACEBOOK_GRAPH_URL?: string;
  ANALYTICS?: AnalyticsEngineDataset;
  CARD_RENDER_CLIENT_LIMITER?: RateLimit;
  CARD_RENDER_ARTICLE_LIMITER?: RateLimit;
  INGEST_LIMITER?: RateLimit;
  STAFF_PREVIEW_LIMITER?: RateLimit;
  SHARE_LIMITER?: RateLimit;
  EXTRACTION_LIMITER?: RateLimit;
}

export interface ServiceOptions {
  /** The origin of the request (or job) being served; PUBLIC_URL wins when configured. */
  origin: string;
  /** Overrides the configuration read from the env (tests). */
  config?: SiteConfig;
  /** Outbound fetch for article photos (tests inject one; the global fetch otherwise). */
  photoFetch?: typeof fetch;
  /** Replaces the card renderer (tests count renders; the bench refuses renders on hits). */
  renderCard?: typeof renderCard;
  /** `false` leaves the Cache API out (the bench measures R2 hits alone). */
  edgeCache?: boolean;
  /** The clock embargoes and edge mode's extraction TTLs are checked against (tests). */
  now?: () => Date;
  /** Replaces some rate limits (tests of limits, and tests that are not about them). */
  rateLimiters?: Partial<RateLimiters>;
  /** Replaces the Analytics Engine metrics (tests read what was recorded). */
  metrics?: Metrics;
  /** Overrides the edge mode configuration read from the env (tests point it at a local origin). */
  edgeConfig?: EdgeConfig;
  /** Outbound fetch to the publisher's origin (the global fetch otherwise). */
  originFetch?: typeof fetch;
  /** Options of edge mode's rewrite (tests add a handler that throws). */
  edgeRewrite?: RewriteOptions;
}

/**
 * The composition root: the one place that turns bindings into adapters and adapters into services.
 * Closures over bindings that hold no state of a request: the app builds them once per bindings object
 * and origin (src/app.ts), the queue consumer per batch. Isolate-wide state (fonts, wasm, the render
 * single-flight) lives in module scope of the renderer and the card service.
 */
export function createServices(env: ServiceBindings, options: ServiceOptions): Services {
  const config = options.config ?? siteConfigFor(env);
  const origin = config.publicUrl ?? options.origin;
  const assets = assetReader(env.ASSETS);
  const photos = createPhotoSource({
    imageHosts: config.imageHosts,
    ownOrigin: origin,
    assets,
    ...(options.photoFetch ? { fetch: options.photoFetch } : {}),
  });
  // Every write forgets the articles edge mode remembers for proxied pages (remembered-articles.ts).
  const cmsStore = forgettingOnWrite(createD1ArticleStore(env.DB));
  const overrideStore = overridesForgettingOnWrite(createD1OverrideStore(env.DB));
  // Every reader sees the CMS's document with the newsroom's social overrides on top.
  const articleStore = withOverrides(cmsStore, overrideStore, createD1ArticleAtUrl(env.DB));
  const now = options.now ?? (() => new Date());
  const limits = { ...createRateLimiters(env), ...options.rateLimiters };
  const metrics = options.metrics ?? createMetrics(env.ANALYTICS);
  const articles = createArticleAccess(articleStore, now);
  const cache = options.edgeCache !== false && typeof caches !== 'undefined' ? createEdgeCache(caches.default) : undefined;
  const cards = createCardService({
    config,
    origin,
    assets,
    photos,
    articles,
    ...(env.IMAGES ? { images: createImageCodec(env.IMAGES) } : {}),
    ...(env.CARDS ? { store: createR2CardStore(env.CARDS) } : {}),
    ...(cache ? { cache } : {}),
    ...(options.renderCard ? { render: options.renderCard } : {}),
  });
  const publishing = createPublishing({
    store: cmsStore,
    effective: createOverlay(overrideStore).one,
    cards,
    origin,
    ...(env.RENDER_QUEUE ? { queue: createCardJobQueue(env.RENDER_QUEUE) } : {}),
    ...(cache ? { cache } : {}),
  });
  async function headTags(article: Article, known?: CardImages): Promise<HeadTag[]> {
    const images = known ?? (await cards.images(article));
    // JSON-LD asks for several aspect ratios (Google: 16:9, 4:3, 1:1): the og and square cards.
    return buildHeadTags({ article, config, origin, image: images.og, structuredDataImages: [images.og.url, images.square.url] });
  }
  const edgeConfig = options.edgeConfig ?? edgeConfigFor(env);
  let edge: EdgeService | undefined;
  if (edgeConfig.originUrl) {
    const originFetch = createOriginFetch({ timeoutMs: edgeConfig.originTimeoutMs, ...(options.originFetch ? { fetch: options.originFetch } : {}) });
    const extraction = createExtraction({ store: articleStore, records: createD1PageRecords(env.DB), originFetch, config, edge: edgeConfig, now: () => now().getTime() });
    edge = createEdgeService({
      config, edge: edgeConfig, origin, originFetch, extraction,
      findByUrl: rememberArticlesByUrl(env.DB, (url) => articleStore.getByUrl(url), (edgeConfig.articleCacheSeconds ?? 0) * 1000, () => now().getTime()),
      cardImages: (article) => cards.images(article),
      headTags,
      now,
      ...(options.edgeRewrite ? { rewrite: options.edgeRewrite } : {}),
    });
  }
  return {
    config,
    origin,
    articles,
    cmsArticles: createArticleAccess(cmsStore, now),
    publicArticles: createPublicArticles({ articles, edge, now }),
    publishing,
    cards,
    shareClicks: createShareClicks(createD1ShareClickStore(env.DB), undefined, metrics),
    limits,
    metrics,
    ...(edge ? { edge } : {}),
    newsroom: createNewsroom({
      articles, cmsStore, overrides: overrideStore, cards, publishing, now,
      headTags: async (article, images) => headTags(article, images),
      // The sans faces cards set body text in (Source Sans 3, Noto Sans per script): real advances.
      textMeasurer: async (text, lang) => (await loadCardFonts(assets, { text }, lang)).measure('text'),
      // Kept across requests only with the real renderer and photos (tests replacing them count renders).
      ...(options.renderCard || options.photoFetch ? {} : { renders: isolateStaffRenders }),
    }),
    headTags,
    health: () => articleStore.ping(),
    ...(env.FACEBOOK_APP_TOKEN
      ? { facebook: createFacebookScraper({ baseUrl: env.FACEBOOK_GRAPH_URL || 'https://graph.facebook.com', token: env.FACEBOOK_APP_TOKEN }) }
      : {}),
  };
}
