import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../app-context';
import { ARTICLE_ID_PATTERN } from '../domain/article';
import { buildCardInput } from '../domain/card-input';
import { isCardVariant } from '../domain/card-variants';
import { assetReader } from '../render/assets';
import { renderCard } from '../render/render-card';

/**
 * Share-card images: `GET /card/:id/:variant.:ext` (`ext` png or jpg; `?v=` is the cache-busting version
 * and may be anything). Crawlers never see an error status from here: an unknown or unpublished
 * article, an unknown variant or a failed render all answer 200 with the site's default image, briefly
 * cached, and log why.
 */
export const cards = new Hono<AppEnv>();

const FILE = /^(?<variant>[a-z0-9-]{1,32})\.(?<ext>png|jpg)$/;

// The default image is cached briefly so a fixed card replaces it soon; a rendered card for a while.
const FALLBACK_CACHE = 'public, max-age=60';
const CARD_CACHE = 'public, max-age=300';

cards.get('/card/:id/:file', async (c) => {
  const id = c.req.param('id');
  const variant = FILE.exec(c.req.param('file'))?.groups?.variant;
  if (!variant || !isCardVariant(variant)) return defaultImage(c, id, 'unknown-variant');
  const stored = ARTICLE_ID_PATTERN.test(id) ? await c.var.articles.get(id) : undefined;
  // Drafts are invisible on every public route: their card is the default image too.
  if (stored?.article.status !== 'published') return defaultImage(c, id, 'not-published');

  try {
    const input = buildCardInput(stored.article, c.var.config, variant);
    const card = await renderCard(input, { assets: assetReader(c.env.ASSETS), photos: c.var.photos, images: c.env.IMAGES });
    if (card.fallback) {
      console.warn(JSON.stringify({ event: 'card-photo-fallback', articleId: id, variant, reason: card.fallback }));
    }
    return new Response(card.bytes, {
      headers: {
        'content-type': card.contentType,
        'cache-control': CARD_CACHE,
        'x-card-template': card.template,
        // Stage timings for whoever is looking at a slow card (W3C Server Timing).
        'server-timing': Object.entries(card.timings).map(([stage, ms]) => `${stage};dur=${ms}`).join(', '),
      },
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
  const headers = { 'cache-control': FALLBACK_CACHE, 'x-card-template': 'default' };
  try {
    const res = await assetReader(c.env.ASSETS)(c.var.config.defaultImage.path);
    if (res.ok) return new Response(res.body, { headers: { ...headers, 'content-type': res.headers.get('content-type') ?? 'image/png' } });
    await res.body?.cancel();
  } catch {
    // fall through to the blank image
  }
  return new Response(BLANK_PNG, { headers: { ...headers, 'content-type': 'image/png' } });
}
