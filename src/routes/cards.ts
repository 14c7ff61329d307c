import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../app-context';
import { isCardVariant, type CardFormat } from '../domain/card';
import { ExtractionRateLimited, RenderRateLimited } from '../domain/operations';
import { access } from '../http/access';
import { afterResponse } from '../http/after-response';
import { clientKey } from '../http/rate-limit';
import { headerUrl } from '../http/redirect';
import { etagOf, IMMUTABLE, serverTiming, SHORT_CACHE } from '../services/cards';

/**
 * Share-card images: `GET /card/:id/:variant.:ext?v=<hash>` (`ext` png or jpg; HEAD too).
 * - At the current hash: the card, immutable for a year, with a strong ETag (304 on If-None-Match).
 * - At any other hash, extension (`.gif`, `.webp`, `.jpeg`, the other of png/jpg) or none: 302 to the
 *   current URL, briefly cached, so an edited headline reaches networks that kept the old URL and no
 *   URL is answered with bytes of another type than it promised (`otherExtension`). The same for an
 *   extracted article's id that now stands under another (edge mode: a CMS push replaced it).
 * - Crawlers never see an error status: an unknown or unpublished article, an unknown variant, a
 *   failed render or an uncached render over a rate limit all answer 200 with the site's default
 *   image, briefly cached, and log why. Every answer is of the type the URL's extension promises
 *   (`.jpg`: JPEG bytes, `image/jpeg`).
 */
export const cards = new Hono<AppEnv>();

const FILE = /^(?<variant>[a-z0-9-]{1,32})\.(?<ext>png|jpg)$/;
/** A card file name with an extension we never produce (`.gif`, `.webp`, `.jpeg`) or none at all. */
const OTHER_FILE = /^(?<variant>[a-z0-9-]{1,32})(?:\.[A-Za-z0-9]{1,10})?$/;
/** Extensions whose type the default image can always be given in (see promisedFormat). */
const PRODUCIBLE = /\.(png|jpe?g)$/i;

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
  // The variant the file name names (square falls back to a square default image), parsed as the route does.
  const named = OTHER_FILE.exec(file)?.groups?.variant;
  const variant = named && isCardVariant(named) ? { variant: named } : {};
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
  const name = c.req.param('file');
  const file = FILE.exec(name)?.groups;
  if (!file) return otherExtension(c, id, name);
  if (!isCardVariant(file.variant!)) return fallback(c, id, 'unknown-variant');
  try {
    // Drafts are invisible on every public route: their card is the default image too. In edge mode
    // the id of an extracted article this deployment does not hold is rebuilt from origin
    // (docs/edge-mode.md); when it now stands under another id (a CMS push), the card redirects there.
    const stored = await services.publicArticles.find(id, { admitExtraction: () => services.limits.extraction.admit(clientKey(c)) });
    if (!stored) return fallback(c, id, 'not-published');
    const card = await services.cards.current(stored.article, file.variant);
    if (card.articleId !== id || file.ext !== card.format || c.req.query('v') !== card.hash) {
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
    if (err instanceof ExtractionRateLimited) return fallback(c, id, 'rate-limited: extraction');
    return fallback(c, id, err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  }
});

/**
 * A card URL whose extension is not the card's own type and not one we produce (`og.gif`, `og.webp`,
 * `og`): a crawler must never get bytes of another type than its URL promised (a `.webp` URL answered
 * with PNG is sniffed or refused differently by each network). Such a URL can still be an og:image
 * someone typed or a network rewrote, so it is never an error: it is redirected, like an old hash, to
 * the current card URL; without a current card, to the `.png` URL of the same variant, which answers
 * the default image as PNG. `.jpeg` promises JPEG, which the default image can always be: unknown
 * articles get it, as at `.jpg`.
 */
async function otherExtension(c: AppContext, id: string, name: string): Promise<Response> {
  const variant = OTHER_FILE.exec(name)?.groups?.variant;
  const redirect = (url: string) => new Response(null, { status: 302, headers: { location: headerUrl(url), 'cache-control': SHORT_CACHE } });
  try {
    const admitExtraction = () => c.var.services.limits.extraction.admit(clientKey(c));
    const stored = variant && isCardVariant(variant) ? await c.var.services.publicArticles.find(id, { admitExtraction }) : undefined;
    if (stored && variant && isCardVariant(variant)) return redirect((await c.var.services.cards.current(stored.article, variant)).url);
  } catch (err) {
    console.warn(JSON.stringify({ event: 'card-extension-redirect-failed', path: c.req.path, reason: String(err) }));
  }
  if (PRODUCIBLE.test(name)) return fallback(c, id, 'unknown-variant');
  return redirect(`${c.var.origin}/card/${encodeURIComponent(id)}/${variant ?? 'og'}.png`);
}
