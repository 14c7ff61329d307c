import { Hono } from 'hono';
import { except } from 'hono/combine';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-context';
import type { RewriteOptions } from './services/edge';
import type { EdgeConfig } from './domain/edge';
import type { SiteConfig } from './domain/site';
import type { RateLimiters, Metrics } from './domain/operations';
import { onError } from './http/on-error';
import { notFoundOrMethodNotAllowed } from './http/method-not-allowed';
import { requestLog } from './http/request-log';
import type { renderCard } from './render/render-card';
import { articlesApi } from './routes/api-articles';
import { metaApi } from './routes/api-meta';
import { newsroomApi } from './routes/newsroom-api';
import { newsroomPages } from './routes/newsroom-pages';
import { newsroomPreviewApi } from './routes/newsroom-preview-api';
import { newsroomSignIn } from './routes/newsroom-sign-in';
import { shareApi } from './routes/api-share';
import { cards } from './routes/cards';
import { edge } from './routes/edge';
import { embed } from './routes/embed';
import { health } from './routes/health';
import { problemTypes } from './routes/problem-types';
import { oembed } from './routes/oembed';
import { pages } from './routes/pages';
import { shareBar } from './routes/share-bar';
import { shareRedirects } from './routes/share-redirects';
import { createServices, type Services } from './services';

/** Request origins whose services are kept per bindings object (a Worker is reached under few hosts). */
const SERVICES_PER_ENV = 8;

export interface AppOptions {
  /** Overrides the configuration read from the env (tests use this). */
  config?: SiteConfig;
  /** Outbound fetch for article photos (tests inject one; the global fetch otherwise). */
  photoFetch?: typeof fetch;
  /** Replaces the card renderer (tests count renders through it). */
  renderCard?: typeof renderCard;
  /** Replaces rate limits (tests of limits, and tests that are not about them). */
  rateLimiters?: Partial<RateLimiters>;
  /** Replaces the Analytics Engine metrics (tests read what was recorded). */
  metrics?: Metrics;
  /** Overrides the edge mode configuration (tests point it at a local origin). */
  edgeConfig?: EdgeConfig;
  /** Options of edge mode's rewrite (tests add a handler that throws). */
  edgeRewrite?: RewriteOptions;
  /** The clock embargoes and edge mode's extraction TTLs are checked against (tests). */
  now?: () => Date;
}

/** The Hono app: the services on the context, security headers, ETags, the routes and one error handler. */
export function createApp(options: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  app.use(requestLog);

  // The services are closures over the bindings with no state of their own (src/services/index.ts), so
  // they are built once per bindings object and request origin, not per request: building them was a
  // third of edge mode's own work per proxied page (docs/edge-mode.md, "Cost per page").
  const built = new WeakMap<object, Map<string, Services>>();
  function servicesFor(env: Env, origin: string): Services {
    let byOrigin = built.get(env);
    if (!byOrigin) built.set(env, (byOrigin = new Map()));
    let services = byOrigin.get(origin);
    if (!services) {
      if (byOrigin.size >= SERVICES_PER_ENV) byOrigin.delete(byOrigin.keys().next().value!);
      byOrigin.set(origin, (services = createServices(env, { ...options, origin })));
    }
    return services;
  }

  app.use(async function provideServices(c, next) {
    const services = servicesFor(c.env, new URL(c.req.url).origin);
    c.set('services', services);
    c.set('config', services.config);
    c.set('origin', services.origin);
    c.set('selfFetch', async (request) => {
      let ctx: Parameters<typeof app.fetch>[2];
      try {
        ctx = c.executionCtx;
      } catch {
        ctx = undefined; // app.fetch called without a context (tools): writes run inline
      }
      return app.fetch(request, c.env, ctx);
    });
    await next();
  });

  // Edge mode first: proxied publisher pages keep origin's headers (no security headers, no ETag
  // middleware); requests it does not take fall through to the routes below.
  app.route('/', edge);

  // Defaults for everything; routes meant to be framed or hotlinked (embeds, images) relax them.
  const security = { crossOriginResourcePolicy: 'cross-origin', referrerPolicy: 'strict-origin-when-cross-origin' } as const;
  // The embed is framed by any site: no X-Frame-Options there; its CSP says `frame-ancestors *`.
  app.use(except('/embed/*', secureHeaders(security)));
  app.use('/embed/*', secureHeaders({ ...security, xFrameOptions: false, originAgentCluster: false }));

  // Pages, embeds and oEmbed answers carry a strong ETag of their body: after a short max-age, clients
  // and crawlers revalidate and get a 304 until the article changes.
  const revalidated = etag();
  for (const path of ['/', '/a/*', '/embed/*', '/oembed', '/oembed.json', '/oembed.xml', '/api/articles/:id/meta']) app.use(path, revalidated);

  // Each route states its own access (src/http/access.ts); mount order decides nothing.
  app.route('/', health);
  app.route('/', problemTypes);
  app.route('/api/articles', articlesApi);
  app.route('/api/articles', metaApi);
  app.route('/api/articles', shareApi);
  app.route('/', shareRedirects);
  app.route('/', shareBar);
  app.route('/', oembed);
  app.route('/', embed);
  app.route('/', cards);
  app.route('/', pages);
  app.route('/', newsroomSignIn);
  app.route('/', newsroomPages);
  app.route('/api/newsroom', newsroomApi);
  app.route('/api/newsroom', newsroomPreviewApi);

  // A path some route answers under another method is a 405 with Allow, not a 404.
  app.notFound(notFoundOrMethodNotAllowed(app.routes));
  app.onError(onError);
  return app;
}
