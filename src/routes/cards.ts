import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../app-context';
import { isCardVariant, type CardFormat } from '../domain/card';
import { RenderRateLimited } from '../domain/operations';
import { access } from '../http/access';
import { afterResponse } from '../http/after-response';
import { clientKey } from '../http/rate-limit';
import { headerUrl } from '../http/redirect';
import { etagOf, IMMUTABLE, serverTiming, SHORT_CACHE } from '../services/cards';

/**
 * Share-card images: `GET /card/:id/:variant.:ext?v=<hash>` (`ext` png or jpg; HEAD too).
 * - At the current hash: the card, immutable for a year, with a strong ETag (304 on If-None-Match).
 * - At any other hash, extension or none: 302 to the current URL, briefly cached, so an edited
 *   headline reaches networks that kept the old URL.
 * - Crawlers never see an error status: an unknown or unpublished article, an unknown variant, a
 *   failed render or an uncached render over a rate limit all answer 200 with the site's default
 *   image, briefly cached, and log why. Every answer is of the type the URL's extension promises
 *   (`.jpg`: JPEG bytes, `image/jpeg`).
 */
export const cards = new Hono<AppEnv>();

const FILE = /^(?<variant>[a-z0-9-]{1,32})\.(?<ext>png|jpg)$/;

function matchesEtag(header: string | undefined, etag: string): boolean {
  // RFC 9110 §13.1.2: weak comparison for If-None-Match; `*` matches any current representation.
  return !!header && (header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));
}

/** The format a card path promises by its extension (`.jpg`/`.jpeg` JPEG, anything else PNG). */
const promisedFormat = (file: string): CardFormat => (/\.jpe?g$/i.test(file) ? 'jpg' : 'png');

// Whatever answers a card URL is of the type its extension promises, the default image included.
async function fallback(c: AppContext, articleId: string, reason: string): Promise<Response> {
  c.var.trace.card = { layer: 'default', fallback: reason };
  const file = c.req.param('file') ?? '';
  const variant = /^square\./i.test(file) ? { variant: 'square' } : {};
  const res = await c.var.services.cards.fallback({ articleId, path: c.req.path, reason, format: promisedFormat(file), ...variant });
  res.headers.set('server-timing', serverTiming('default', 0));
  return res;
}

/**
 * Uncached renders count against two limits: per client and per article. Over either, the card
 * route answers the default image (briefly cached): crawlers never see an error status.
 */
function admitRender(c: AppContext, articleId: string) {
  return async () => {
    const { limits } = c.var.services;
    if (!(await limits.cardRenderClient.admit(clientKey(c)))) throw new RenderRateLimited('cardRenderClient');
    if (!(await limits.cardRenderArticle.admit(`article:${articleId}`))) throw new RenderRateLimited('cardRenderArticle');
  };
}

cards.get('/card/:id/:file', access('public'), async (c) => {
  const id = c.req.param('id');
  const { services } = c.var;
  const file = FILE.exec(c.req.param('file'))?.groups;
  if (!file || !isCardVariant(file.variant!)) return fallback(c, id, 'unknown-variant');
  try {
    // Drafts are invisible on every public route: their card is the default image too.
    const stored = await services.articles.find(id, 'public');
    if (!stored) return fallback(c, id, 'not-published');
    const card = await services.cards.current(stored.article, file.variant);
    if (file.ext !== card.format || c.req.query('v') !== card.hash) {
      return new Response(null, { status: 302, headers: { location: headerUrl(card.url), 'cache-control': SHORT_CACHE } });
    }
    const etag = etagOf(card);
    if (matchesEtag(c.req.header('if-none-match'), etag)) {
      // RFC 9110 §15.4.5: a 304 repeats the validators and caching headers of the 200.
      return new Response(null, { status: 304, headers: { etag, 'cache-control': IMMUTABLE } });
    }
    c.var.trace.articleId = card.articleId;
    return await services.cards.deliver(card, {
      waitUntil: (p) => void afterResponse(c, p),
      admitRender: admitRender(c, card.articleId),
      observe: (e) => {
        c.var.trace.card = {
          layer: e.source === 'cache' ? 'edge' : e.source, variant: card.variant,
          ...(e.stages ? { stages: e.stages } : {}), ...(e.fallback ? { fallback: e.fallback } : {}),
        };
      },
    });
  } catch (err) {
    if (err instanceof RenderRateLimited) return fallback(c, id, `rate-limited: ${err.limit}`);
    return fallback(c, id, err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  }
});
