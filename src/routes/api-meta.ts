import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { hasIngestToken } from '../http/auth';
import { problem } from '../http/problem';
import { renderHeadTags } from '../../templates/pages/head-tags';
import { headTagsFor } from './article-head';

/**
 * The article page's head tags for the publisher's own templates: JSON (an ordered list) or, with
 * `?format=html`, the fragment to paste into `<head>`. Published articles are public; drafts need the
 * ingest token, so the CMS can preview tags before publication.
 */
export const metaApi = new Hono<AppEnv>();

metaApi.get('/:id/meta', async (c) => {
  const id = c.req.param('id');
  const stored = await c.var.articles.get(id);
  const visible = stored && (stored.article.status === 'published' || (await hasIngestToken(c.req.header('authorization'), c.env.INGEST_TOKEN)));
  if (!stored || !visible) throw problem(404, `No published article with id ${JSON.stringify(id)}.`);
  const tags = await headTagsFor(c, stored.article);
  const format = c.req.query('format') ?? 'json';
  const headers = {
    'cache-control': stored.article.status === 'published' ? 'public, max-age=60' : 'private, no-store',
    'access-control-allow-origin': '*',
  };
  if (format === 'html') return c.html(renderHeadTags(tags), 200, headers);
  if (format !== 'json') throw problem(400, 'format must be json or html.');
  return c.json({ id, revision: stored.revision, tags }, 200, headers);
});
