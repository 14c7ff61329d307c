import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../app-context';
import { CARD_THEMES, embedCardModel } from '../domain/embed/embed-model';
import { cardImagesFor } from './card-images';
import { CARD_LAYOUTS } from '../domain/embed/embed-layout';
import { embedContentSecurityPolicy } from '../http/content-security-policy';
import { problem } from '../http/problem';
import { EMBED_CARD_SCRIPT } from '../../templates/embed/card-script';
import { embedCardCss } from '../../templates/embed/card-style';
import { EMBED_HOST_SCRIPT } from '../../templates/embed/host-script';
import { EmbedCard, EmbedUnavailable } from '../../templates/embed/embed-page';
import { notFoundPage, publishedArticle } from './pages';

/**
 * The embeddable card (`/embed/:id`), the redirect its links use inside WordPress
 * (`/embed/:id/open`) and the host script (`/embed.js`). Framing rules for these paths are set in
 * src/app.ts (no X-Frame-Options) and here (CSP `frame-ancestors *`).
 */
export const embed = new Hono<AppEnv>();

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const embedQuery = z.object({
  theme: z.preprocess(blankToUndefined, z.enum(CARD_THEMES, { error: 'must be light or dark' }).optional()),
  layout: z.preprocess(blankToUndefined, z.enum(CARD_LAYOUTS, { error: `must be one of ${CARD_LAYOUTS.join(', ')}` }).default('full')),
});

// Edits reach cards within minutes; a missing article may appear soon (scheduled publication).
const CARD_CACHE = 'public, max-age=300';
const MISSING_CACHE = 'public, max-age=60';

async function embedHeaders(c: AppContext, style: string, cache: string): Promise<Record<string, string>> {
  const { origin, config } = c.var;
  return {
    'content-security-policy': await embedContentSecurityPolicy({ origin, imageHosts: config.imageHosts, style, script: EMBED_CARD_SCRIPT }),
    // An embed is a piece of someone else's page, not a page of ours to list (WordPress's own embeds
    // say the same).
    'x-robots-tag': 'noindex',
    'cache-control': cache,
  };
}

embed.get('/embed/:id', async (c) => {
  const parsed = embedQuery.safeParse(c.req.query());
  if (!parsed.success) {
    throw problem(400, parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') + '.');
  }
  const { theme, layout } = parsed.data;
  const { config, origin } = c.var;
  const stored = await publishedArticle(c, c.req.param('id'));
  if (!stored) {
    const style = embedCardCss(config.themeColor);
    return c.html(
      <EmbedUnavailable siteName={config.siteName} siteUrl={config.siteUrl} logoUrl={origin + config.logoPath} style={style} script={EMBED_CARD_SCRIPT} />,
      404,
      await embedHeaders(c, style, MISSING_CACHE),
    );
  }
  const card = embedCardModel(stored.article, config, origin, (await cardImagesFor(c, stored.article)).og);
  const style = embedCardCss(config.themeColor, card.photo.focalPoint);
  return c.html(
    <EmbedCard card={card} layout={layout} theme={theme} style={style} script={EMBED_CARD_SCRIPT} />,
    200,
    await embedHeaders(c, style, CARD_CACHE),
  );
});

embed.get('/embed/:id/open', async (c) => {
  const stored = await publishedArticle(c, c.req.param('id'));
  if (!stored) return notFoundPage(c);
  c.header('cache-control', CARD_CACHE);
  return c.redirect(stored.article.url, 302);
});

embed.get('/embed.js', (c) =>
  c.body(EMBED_HOST_SCRIPT, 200, {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=3600',
  }),
);
