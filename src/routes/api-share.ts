import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../app-context';
import { buildShareLinks, isCalendarDay, shareRedirectPath, summariseClicks } from '../domain/share';
import { access } from '../http/access';
import { problem } from '../http/problem';

/**
 * Share links of an article for the publisher's own templates (public, like the page itself), and
 * the click counts behind them (for the CMS, with the ingest token).
 */
export const shareApi = new Hono<AppEnv>();

shareApi.use('/:id/share', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }));

shareApi.get('/:id/share', access('public'), async (c) => {
  const id = c.req.param('id');
  const { services } = c.var;
  const stored = await services.articles.find(id, 'public');
  if (!stored) throw problem(404, `No published article with id ${JSON.stringify(id)}.`);
  const { origin } = c.var;
  const image = (await services.cards.images(stored.article)).og.url;
  const links = buildShareLinks(stored.article, c.var.config, { origin, image }).map(({ network, label, url }) => ({
    network,
    label,
    url,
    /** The same destination through this service's counted redirect. */
    countedUrl: origin + shareRedirectPath(network, id),
  }));
  return c.json(links, 200, { 'cache-control': 'public, max-age=300' });
});

shareApi.get('/:id/stats', access('ingest'), async (c) => {
  const id = c.req.param('id');
  const stored = await c.var.services.articles.find(id, 'staff');
  if (!stored) throw problem(404, `No article with id ${JSON.stringify(id)}.`);
  const from = c.req.query('from') || undefined;
  const to = c.req.query('to') || undefined;
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && !isCalendarDay(value)) throw problem(400, `${name} must be a day written YYYY-MM-DD (UTC).`);
  }
  if (from && to && from > to) throw problem(400, 'from is after to.');
  const stats = summariseClicks(await c.var.services.shareClicks.counts(id, { from, to }));
  return c.json({ id, from: from ?? null, to: to ?? null, timeZone: 'UTC', ...stats }, 200, { 'cache-control': 'no-store' });
});
