import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../app-context';
import { ARTICLE_ID_PATTERN } from '../domain/article/article';
import { isCardVariant, type CardVariant } from '../domain/card/card-variants';
import { afterResponse } from '../http/after-response';
import { assetReader } from '../adapters/assets';
import { deliverCard, etagOf, IMMUTABLE } from '../render/card-delivery';
import { currentCard, type CurrentCard } from '../render/card-version';

/**
 * Share-card images: `GET /card/:id/:variant.:ext?v=<hash>` (`ext` png or jpg; HEAD too).
 * - At the current hash: the card, immutable for a year, with a strong ETag (304 on If-None-Match).
 * - At any other hash, extension or none: 302 to the current URL, briefly cached, so an edited
 *   headline reaches networks that kept the old URL.
 * - Crawlers never see an error status: an unknown or unpublished article, an unknown variant or a
 *   failed render all answer 200 with the site's default image, briefly cached, and log why.
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
  if (!file || !isCardVariant(file.variant!)) return defaultImage(c, id, 'unknown-variant');
  try {
    const stored = ARTICLE_ID_PATTERN.test(id) ? await c.var.articles.get(id) : undefined;
    // Drafts are invisible on every public route: their card is the default image too.
    if (stored?.article.status !== 'published') return defaultImage(c, id, 'not-published');
    const card = await currentCardFor(c, stored.article, file.variant);
    if (file.ext !== card.format || c.req.query('v') !== card.hash) {
      return new Response(null, { status: 302, headers: { location: card.url, 'cache-control': SHORT_CACHE } });
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
    return defaultImage(c, id, err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  }
});

// A 1x1 transparent PNG: the answer of last resort when even the default image cannot be read.
const BLANK_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

async function defaultImage(c: AppContext, articleId: string, reason: string): Promise<Response> {
  console.warn(JSON.stringify({ event: 'card-default-image', articleId, path: c.req.path, reason }));
  const headers = { 'cache-control': SHORT_CACHE, 'x-card-template': 'default' };
  try {
    const res = await assetReader(c.env.ASSETS)(c.var.config.defaultImage.path);
    if (res.ok) {
      const bytes = new Uint8Array(await res.arrayBuffer());
      return new Response(bytes, { headers: { ...headers, 'content-type': res.headers.get('content-type') ?? 'image/png', 'content-length': String(bytes.byteLength) } });
    }
    await res.body?.cancel();
  } catch {
    // fall through to the blank image
  }
  return new Response(BLANK_PNG, { headers: { ...headers, 'content-type': 'image/png', 'content-length': String(BLANK_PNG.byteLength) } });
}
