import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../app-context';
import { ARTICLE_ID_PATTERN, InvalidCursorError, photoHostIssue, validateArticle, type Article, type StoredArticle, type ValidationIssue } from '../domain/article';
import { pushedIdIssue } from '../domain/extraction';
import { compileUrlPatterns } from '../domain/site';
import { access } from '../http/access';
import { jsonBodyLimit, readJson } from '../http/json-body';
import { problem } from '../http/problem';
import { rateLimit, tokenKey } from '../http/rate-limit';

/** One article is a few KB; 1 MiB leaves room for long bodies. A batch holds at most 100. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;
export const MAX_BATCH = 100;
export const MAX_BATCH_BYTES = 10 * 1024 * 1024;

export const articlesApi = new Hono<AppEnv>();

/** Ingest writes per token (wrangler.toml INGEST_LIMITER): over it, 429 with Retry-After. */
const writeLimit = rateLimit('ingest', tokenKey);

const matcherCache = new WeakMap<string[], (url: string) => boolean>();
function canonicalMatcher(c: AppContext) {
  const patterns = c.var.config.articleUrlPatterns;
  let m = matcherCache.get(patterns);
  if (!m) matcherCache.set(patterns, (m = compileUrlPatterns(patterns)));
  return m;
}

const photoPolicy = (c: AppContext) => ({ imageHosts: c.var.config.imageHosts, origin: c.var.origin });

function invalid(issues: ValidationIssue[], detail = 'The article does not match the schema.') {
  return problem(422, detail, { errors: issues.map((i) => ({ pointer: i.pointer, detail: i.message })) });
}

function checkId(id: string) {
  if (!ARTICLE_ID_PATTERN.test(id)) throw problem(404, `No article with id ${JSON.stringify(id)}.`);
}

/**
 * The API's view of a stored article: the document plus revision and timestamps; an article edge mode
 * extracted from the origin page also carries `source: "extracted"` and each field's `provenance`.
 */
function present(s: StoredArticle) {
  const extracted = s.source === 'extracted' ? { source: s.source, provenance: s.provenance ?? {} } : {};
  return { ...s.article, revision: s.revision, createdAt: s.createdAt, updatedAt: s.updatedAt, ...extracted };
}

articlesApi.get('/', access('ingest'), async (c) => {
  const limitParam = c.req.query('limit') ?? '20';
  const limit = Number(limitParam);
  if (!/^\d+$/.test(limitParam) || limit < 1 || limit > 100) {
    throw problem(400, 'limit must be an integer from 1 to 100.');
  }
  try {
    const page = await c.var.services.articles.list({ limit, cursor: c.req.query('cursor') || undefined, audience: 'staff' });
    return c.json({ items: page.items.map(present), nextCursor: page.nextCursor ?? null }, 200, { 'cache-control': 'no-store' });
  } catch (err) {
    if (err instanceof InvalidCursorError) throw problem(400, err.message);
    throw err;
  }
});

articlesApi.post('/batch', access('ingest'), writeLimit, jsonBodyLimit(MAX_BATCH_BYTES), async (c) => {
  const body = await readJson(c.req.raw);
  const list = Array.isArray(body) ? body : (body as { articles?: unknown })?.articles;
  if (!Array.isArray(list)) throw problem(400, 'Send an array of articles, or {"articles": [...]}.');
  if (list.length === 0) throw problem(400, 'The batch is empty.');
  if (list.length > MAX_BATCH) throw problem(413, `A batch holds at most ${MAX_BATCH} articles (got ${list.length}).`);
  const pointerBase = Array.isArray(body) ? '' : '/articles';
  const matches = canonicalMatcher(c);
  const articles: Article[] = [];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  list.forEach((item, index) => {
    const v = validateArticle(item, matches);
    const photo = v.ok ? photoHostIssue(v.article, photoPolicy(c), `${pointerBase}/${index}`) : undefined;
    const reserved = v.ok ? pushedIdIssue(v.article, `${pointerBase}/${index}/id`) : undefined;
    if (!v.ok) issues.push(...v.issues.map((i) => ({ pointer: `${pointerBase}/${index}${i.pointer}`, message: i.message })));
    else if (reserved) issues.push(reserved);
    else if (photo) issues.push(photo);
    else if (seen.has(v.article.id)) issues.push({ pointer: `${pointerBase}/${index}/id`, message: 'appears twice in the batch' });
    else {
      seen.add(v.article.id);
      articles.push(v.article);
    }
  });
  // All or nothing: one bad article rejects the whole batch before anything is written.
  if (issues.length > 0) throw invalid(issues, `${new Set(issues.map((i) => i.pointer.split('/')[pointerBase ? 2 : 1])).size} of ${list.length} articles are invalid; nothing was written.`);
  const results = await c.var.services.publishing.upsertMany(articles);
  return c.json({
    items: results.map((r) => ({ id: r.stored.article.id, status: r.created ? 'created' : r.changed ? 'updated' : 'unchanged', revision: r.stored.revision })),
  });
});

articlesApi.get('/:id', access('ingest'), async (c) => {
  const id = c.req.param('id');
  const stored = await c.var.services.articles.find(id, 'staff');
  if (!stored) throw problem(404, `No article with id ${JSON.stringify(id)}.`);
  return c.json(present(stored), 200, { 'cache-control': 'no-store' });
});

articlesApi.put('/:id', access('ingest'), writeLimit, jsonBodyLimit(MAX_ARTICLE_BYTES), async (c) => {
  const id = c.req.param('id');
  if (!ARTICLE_ID_PATTERN.test(id)) throw invalid([{ pointer: '/id', message: 'the id in the path is not a valid article id' }]);
  const body = await readJson(c.req.raw);
  // The path names the resource; a body without an id takes it, a body with another id is an error.
  const doc = body && typeof body === 'object' && !Array.isArray(body) ? { id, ...(body as object) } : body;
  const v = validateArticle(doc, canonicalMatcher(c));
  if (!v.ok) throw invalid(v.issues);
  if (v.article.id !== id) throw invalid([{ pointer: '/id', message: `does not match the id in the path (${id})` }]);
  const reserved = pushedIdIssue(v.article);
  if (reserved) throw invalid([reserved]);
  const photo = photoHostIssue(v.article, photoPolicy(c));
  if (photo) throw invalid([photo]);
  const result = await c.var.services.publishing.upsert(v.article);
  const status = result.created ? 201 : 200;
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (result.created) headers.location = `/api/articles/${id}`;
  return c.json(present(result.stored), status, headers);
});

articlesApi.delete('/:id', access('ingest'), writeLimit, async (c) => {
  const id = c.req.param('id');
  checkId(id);
  const removed = await c.var.services.publishing.delete(id);
  if (!removed) throw problem(404, `No article with id ${JSON.stringify(id)}.`);
  return c.body(null, 204);
});
