import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../app-context';
import { ARTICLE_ID_PATTERN } from '../domain/article';
import { isCardVariant, type CardFormat, type CardVariant } from '../domain/card-variants';
import { afterResponse } from '../http/after-response';
import { headerUrl } from '../http/redirect';
import { assetReader } from '../render/assets';
import { deliverCard, etagOf, IMMUTABLE } from '../render/card-delivery';
import { currentCard, type CurrentCard } from '../render/card-version';
import { defaultImageOf } from '../render/default-image';

/**
 * Share-card images: `GET /card/:id/:variant.:ext?v=<hash>` (`ext` png or jpg; HEAD too).
 * - At the current hash: the card, immutable for a year, with a strong ETag (304 on If-None-Match).
 * - At any other hash, extension or none: 302 to the current URL, briefly cached, so an edited
 *   headline reaches networks that kept the old URL.
 * - Crawlers never see an error status: an unknown or unpublished article, an unknown variant or a
 *   failed render all answer 200 with the site's default image, briefly cached, and log why. Every
 *   answer is of the type the URL's extension promises (`.jpg`: JPEG bytes, `image/jpeg`).
 */
export const cards = new Hono<AppEnv>();

const FILE = /^(?<variant>[a-z0-9-]{1,32})\.(?<ext>png|jpg)$/;

// The default image and redirects are cached briefly, so a fixed or edited card replaces them soon.
const SHORT_CACHE = 'public, max-age=60';

/** The current card of an article as this deployment serves it. */
export function currentCardFor(c: AppContext, article: Parameters<typeof currentCard>[0], variant: CardVariant): Promise<CurrentCard> {
  const { config, origin } = c.var;
  return currentCard(article, variant, { config, origin, assets: assetReader(c.env.ASSETS), jpeg: Boolean(c.env.IMAGES) });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  // RFC 9110 §13.1.2: weak comparison for If-None-Match; `*` matches any current representation.
  return !!header && (header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));
}

cards.get('/card/:id/:file', async (c) => {
  const id = c.req.param('id');
  const file = FILE.exec(c.req.param('file'))?.groups;
  // Whatever answers this URL is of the type its extension promises, the default image included.
  const format = promisedFormat(c.req.param('file'));
  if (!file || !isCardVariant(file.variant!)) return defaultImage(c, id, 'unknown-variant', format);
  try {
    const stored = ARTICLE_ID_PATTERN.test(id) ? await c.var.articles.get(id) : undefined;
    // Drafts are invisible on every public route: their card is the default image too.
    if (stored?.article.status !== 'published') return defaultImage(c, id, 'not-published', format);
    const card = await currentCardFor(c, stored.article, file.variant);
    if (file.ext !== card.format || c.req.query('v') !== card.hash) {
      return new Response(null, { status: 302, headers: { location: headerUrl(card.url), 'cache-control': SHORT_CACHE } });
    }
    const etag = etagOf(card);
    if (matchesEtag(c.req.header('if-none-match'), etag)) {
      // RFC 9110 §15.4.5: a 304 repeats the validators and caching headers of the 200.
      return new Response(null, { status: 304, headers: { etag, 'cache-control': IMMUTABLE } });
    }
    return await deliverCard(card, {
      store: c.var.cardStore,
      cache: c.var.edgeCache,
      render: (current) => c.var.renderCard(current.input),
      waitUntil: (p) => void afterResponse(c, p),
    });
  } catch (err) {
    return defaultImage(c, id, err instanceof Error ? `${err.name}: ${err.message}` : String(err), format);
  }
});

async function defaultImage(c: AppContext, articleId: string, reason: string, format: CardFormat): Promise<Response> {
  console.warn(JSON.stringify({ event: 'card-default-image', articleId, path: c.req.path, reason }));
  const { bytes, contentType } = await defaultImageOf(format, c.var.config.defaultImage.path, { assets: assetReader(c.env.ASSETS), images: c.env.IMAGES });
  return new Response(bytes, {
    headers: { 'cache-control': SHORT_CACHE, 'x-card-template': 'default', 'content-type': contentType, 'content-length': String(bytes.byteLength) },
  });
}

/** The format a card path promises by its extension (`.jpg`/`.jpeg` JPEG, anything else PNG). */
function promisedFormat(file: string): CardFormat {
  return /\.jpe?g$/i.test(file) ? 'jpg' : 'png';
}
