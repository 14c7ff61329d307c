import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { access, hasIngestToken } from '../http/access';
import { problem } from '../http/problem';
import { renderHeadTags } from '../../templates/pages/head-tags';

/**
 * The article page's head tags for the publisher's own templates: JSON (an ordered list) or, with
 * `?format=html`, the fragment to paste into `<head>`. Published articles are public; with the ingest
 * token the CMS sees drafts too, so it can preview tags before publication.
 */
export const metaApi = new Hono<AppEnv>();

metaApi.get('/:id/meta', access('public'), async (c) => {
  const id = c.req.param('id');
  const { services } = c.var;
  const audience = (await hasIngestToken(c.req.header('authorization'), c.env.INGEST_TOKEN)) ? 'staff' : 'public';
  const stored = await services.articles.find(id, audience);
  if (!stored) throw problem(404, `No published article with id ${JSON.stringify(id)}.`);
  const tags = await services.headTags(stored.article);
  const format = c.req.query('format') ?? 'json';
  const headers = {
    'cache-control': stored.article.status === 'published' ? 'public, max-age=60' : 'private, no-store',
    'access-control-allow-origin': '*',
  };
  if (format === 'html') return c.html(renderHeadTags(tags), 200, headers);
  if (format !== 'json') throw problem(400, 'format must be json or html.');
  return c.json({ id, revision: stored.revision, tags }, 200, headers);
});
