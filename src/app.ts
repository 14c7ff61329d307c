import { Hono } from 'hono';
import { except } from 'hono/combine';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-context';
import { siteConfigFor } from './config';
import type { SiteConfig } from './domain/site/site-config';
import { onError, onNotFound } from './http/on-error';
import { articlesApi } from './routes/api-articles';
import { cards } from './routes/cards';
import { metaApi } from './routes/api-meta';
import { embed } from './routes/embed';
import { health } from './routes/health';
import { oembed } from './routes/oembed';
import { pages } from './routes/pages';
import { shareApi } from './routes/api-share';
import { shareBar } from './routes/share-bar';
import { shareRedirects } from './routes/share-redirects';
import { createD1ArticleStore } from './adapters/d1-article-store';
import { createD1ShareClickStore } from './adapters/d1-share-click-store';
import { assetReader } from './adapters/assets';
import { createPhotoSource } from './adapters/photo-source';
import { renderCard } from './render/render-card';
import { createR2CardStore } from './adapters/r2-card-store';
import { createEdgeCache } from './adapters/edge-cache';

export interface AppOptions {
  /** Overrides the configuration read from the env (tests use this). */
  config?: SiteConfig;
  /** Outbound fetch for article photos (tests inject one; the global fetch otherwise). */
  photoFetch?: typeof fetch;
  /** Replaces the card renderer (tests count renders through it). */
  renderCard?: typeof renderCard;
}

export function createApp(options: AppOptions = {}) {
  const app = new Hono<AppEnv>();

  app.use(async function provideContext(c, next) {
    const config = options.config ?? siteConfigFor(c.env);
    c.set('config', config);
    const origin = config.publicUrl ?? new URL(c.req.url).origin;
    c.set('origin', origin);
    c.set('articles', createD1ArticleStore(c.env.DB));
    c.set('shareClicks', createD1ShareClickStore(c.env.DB));
    const photos = createPhotoSource({
      imageHosts: config.imageHosts,
      ownOrigin: origin,
      assets: assetReader(c.env.ASSETS),
      ...(options.photoFetch ? { fetch: options.photoFetch } : {}),
    });
    c.set('photos', photos);
    if (c.env.CARDS) c.set('cardStore', createR2CardStore(c.env.CARDS));
    if (typeof caches !== 'undefined') c.set('edgeCache', createEdgeCache(caches.default));
    const render = options.renderCard ?? renderCard;
    c.set('renderCard', (input) => render(input, { assets: assetReader(c.env.ASSETS), photos, images: c.env.IMAGES }));
    await next();
  });

  // Defaults for everything; routes meant to be framed or hotlinked (embeds, images) relax them.
  const security = { crossOriginResourcePolicy: 'cross-origin', referrerPolicy: 'strict-origin-when-cross-origin' } as const;
  // The embed card is framed by any site: no X-Frame-Options there; its CSP says `frame-ancestors *`.
  app.use(except('/embed/*', secureHeaders(security)));
  app.use('/embed/*', secureHeaders({ ...security, xFrameOptions: false, originAgentCluster: false }));

  // Pages, embeds and oEmbed answers carry a strong ETag of their body: after a short max-age, clients
  // and crawlers revalidate and get a 304 until the article changes.
  const revalidated = etag();
  for (const path of ['/', '/a/*', '/embed/*', '/oembed', '/oembed.json', '/oembed.xml', '/api/articles/:id/meta']) app.use(path, revalidated);

  app.route('/', health);
  app.route('/api/articles', metaApi);
  app.route('/api/articles', shareApi);
  app.route('/api/articles', articlesApi);
  app.route('/', shareRedirects);
  app.route('/', shareBar);
  app.route('/', oembed);
  app.route('/', embed);
  app.route('/', cards);
  app.route('/', pages);

  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
