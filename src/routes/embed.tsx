import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../app-context';
import { EMBED_LAYOUTS, EMBED_THEMES, embedModel } from '../domain/embed';
import { access } from '../http/access';
import { redirectTo } from '../http/redirect';
import { embedContentSecurityPolicy } from '../http/content-security-policy';
import { notFoundPage } from '../http/not-found-page';
import { problem } from '../http/problem';
import { EMBED_HOST_SCRIPT } from '../../templates/embed/host-script';
import { EMBED_PAGE_SCRIPT } from '../../templates/embed/embed-script';
import { embedCss } from '../../templates/embed/embed-style';
import { EmbedPage, EmbedUnavailable } from '../../templates/embed/embed-page';

/**
 * The embed page (`/embed/:id`, framed by oEmbed consumers), the redirect its links use inside
 * WordPress (`/embed/:id/open`) and the host script (`/embed.js`). Framing rules for these paths are
 * set in src/app.ts (no X-Frame-Options) and here (CSP `frame-ancestors *`).
 */
export const embed = new Hono<AppEnv>();

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const embedQuery = z.object({
  theme: z.preprocess(blankToUndefined, z.enum(EMBED_THEMES, { error: 'must be light or dark' }).optional()),
  layout: z.preprocess(blankToUndefined, z.enum(EMBED_LAYOUTS, { error: `must be one of ${EMBED_LAYOUTS.join(', ')}` }).default('full')),
});

// Edits reach embeds within minutes; a missing article may appear soon (scheduled publication).
const EMBED_CACHE = 'public, max-age=300';
const MISSING_CACHE = 'public, max-age=60';

async function embedHeaders(c: AppContext, style: string, cache: string): Promise<Record<string, string>> {
  const { origin, config } = c.var;
  return {
    'content-security-policy': await embedContentSecurityPolicy({ origin, imageHosts: config.imageHosts, style, script: EMBED_PAGE_SCRIPT }),
    // An embed is a piece of someone else's page, not a page of ours to list (WordPress's own embeds
    // say the same).
    'x-robots-tag': 'noindex',
    'cache-control': cache,
  };
}

embed.get('/embed/:id', access('public'), async (c) => {
  const parsed = embedQuery.safeParse(c.req.query());
  if (!parsed.success) {
    throw problem(400, parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') + '.');
  }
  const { theme, layout } = parsed.data;
  const { config, origin, services } = c.var;
  const stored = await services.articles.find(c.req.param('id'), 'public');
  if (!stored) {
    const style = embedCss(config.themeColor);
    return c.html(
      <EmbedUnavailable siteName={config.siteName} siteUrl={config.siteUrl} logoUrl={origin + config.logoPath} style={style} script={EMBED_PAGE_SCRIPT} />,
      404,
      await embedHeaders(c, style, MISSING_CACHE),
    );
  }
  const model = embedModel(stored.article, config, origin, (await services.cards.images(stored.article)).og);
  const style = embedCss(config.themeColor, model.photo.focalPoint);
  return c.html(
    <EmbedPage card={model} layout={layout} theme={theme} style={style} script={EMBED_PAGE_SCRIPT} />,
    200,
    await embedHeaders(c, style, EMBED_CACHE),
  );
});

embed.get('/embed/:id/open', access('public'), async (c) => {
  const stored = await c.var.services.articles.find(c.req.param('id'), 'public');
  if (!stored) return notFoundPage(c);
  c.header('cache-control', EMBED_CACHE);
  return redirectTo(c, stored.article.url, 302);
});

embed.get('/embed.js', access('public'), (c) =>
  c.body(EMBED_HOST_SCRIPT, 200, {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=3600',
  }),
);
