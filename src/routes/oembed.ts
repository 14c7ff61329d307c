import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppContext, AppEnv } from '../app-context';
import { buildOembed, oembedTarget, oembedXml, parseOembedRequest, type OembedFormat } from '../domain/oembed';
import { compileUrlPatterns } from '../domain/site';
import { access } from '../http/access';
import { problem } from '../http/problem';
import { clientKey } from '../http/rate-limit';
import { ExtractionRateLimited, RETRY_AFTER_SECONDS } from '../domain/operations';

/** The oEmbed provider (oembed.com §2): `/oembed`, and the path forms `/oembed.json` and `/oembed.xml`. */
export const oembed = new Hono<AppEnv>();

// Consumers call from servers, but browser-side consumers need CORS to read the answer, errors included.
oembed.use('/oembed', cors({ allowMethods: ['GET', 'HEAD'] }));
oembed.use('/oembed.*', cors({ allowMethods: ['GET', 'HEAD'] }));

const OK_CACHE = 'public, max-age=3600';
// An unknown URL may be published in a minute; a mistake should not stick in a cache.
const ERROR_HEADERS = { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' };

const matchers = new WeakMap<string[], (url: string) => boolean>();
function canonicalMatcher(patterns: string[]) {
  let match = matchers.get(patterns);
  if (!match) matchers.set(patterns, (match = compileUrlPatterns(patterns)));
  return match;
}

async function answer(c: AppContext, pathFormat?: OembedFormat) {
  const parsed = parseOembedRequest(c.req.query(), pathFormat);
  if (!parsed.ok) throw problem(parsed.status, parsed.detail, { headers: ERROR_HEADERS });
  const { request } = parsed;
  const { config, origin, services } = c.var;

  // Never fetch the URL: only articles this service holds, by id or by canonical URL, so the provider
  // cannot be used to make requests elsewhere (docs/architecture.md, "Security"). In edge mode an
  // article URL the store does not know is built from origin's page by the service (only URLs that
  // match the site's patterns, fetched from ORIGIN_URL: never an arbitrary fetch; docs/edge-mode.md).
  const target = oembedTarget(request.url, origin, canonicalMatcher(config.articleUrlPatterns));
  // Building an article from origin counts against the extraction limit per client (docs/edge-mode.md).
  const find = { admitExtraction: () => services.limits.extraction.admit(clientKey(c)) };
  let stored;
  try {
    stored =
      target.kind === 'own' ? await services.publicArticles.find(target.id, find)
      : target.kind === 'canonical' ? await services.publicArticles.findByUrl(target.url, find)
      : undefined;
  } catch (err) {
    if (!(err instanceof ExtractionRateLimited)) throw err;
    throw problem(429, `Too many requests for articles this service has not seen; try again in ${RETRY_AFTER_SECONDS} seconds.`, {
      headers: { ...ERROR_HEADERS, 'retry-after': String(RETRY_AFTER_SECONDS) },
    });
  }
  if (!stored) {
    const why = target.kind === 'foreign' ? 'is not an article URL of this site' : 'is not a published article';
    throw problem(404, `${request.url} ${why}.`, { headers: ERROR_HEADERS });
  }

  const { article } = stored;
  const cards = await services.cards.images(article);
  const body = buildOembed({ article, config, origin, request, thumbnail: cards.square, shareCard: cards.og });
  if (request.format === 'xml') {
    return c.body(oembedXml(body), 200, { 'content-type': 'text/xml; charset=utf-8', 'cache-control': OK_CACHE });
  }
  return c.json(body, 200, { 'cache-control': OK_CACHE });
}

oembed.get('/oembed', access('public'), (c) => answer(c));
oembed.get('/oembed.json', access('public'), (c) => answer(c, 'json'));
oembed.get('/oembed.xml', access('public'), (c) => answer(c, 'xml'));
