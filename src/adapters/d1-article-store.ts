import { type Article, type ArticlePage, type ArticleSource, type ArticleStore, InvalidCursorError, storedArticleSchema, type StoredArticle, type UpsertResult, UrlConflictError } from '../domain/article';
import { fingerprint } from '../domain/edge';
import { normaliseArticleUrl } from '../domain/site';
import { findUrlConflicts, isUrlConflictAbort } from './d1-url-conflicts';

export interface ArticleRow {
  id: string;
  doc: string;
  revision: number;
  created_at: string;
  updated_at: string;
  published_at: string;
  source?: ArticleSource;
  provenance?: string | null;
}

export const COLUMNS = 'id, doc, revision, created_at, updated_at, published_at, source, provenance';

/**
 * A row as a stored article. Rows were validated on the way in; parsing again applies schema defaults
 * added since and repairs text stored before the ingest rules (lone surrogates, controls, raw IRIs). A
 * row that even repair cannot save is logged and treated as absent: stored data never fails a route.
 */
// Parsed rows by id, revision, update time and a fingerprint of the document: a row read again (every
// proxied page of an article, in edge mode) is not parsed and validated again. Bounded; oldest out.
const parsedRows = new Map<string, StoredArticle>();
const PARSED_ROWS = 512;

export function toStored(row: ArticleRow): StoredArticle | undefined {
  const key = `${row.id} ${row.revision} ${row.updated_at} ${row.source ?? ''} ${fingerprint(row.doc)} ${row.provenance ? fingerprint(row.provenance) : ''}`;
  const known = parsedRows.get(key);
  if (known) return known;
  const stored = parseRow(row);
  if (stored) {
    if (parsedRows.size >= PARSED_ROWS) parsedRows.delete(parsedRows.keys().next().value!);
    parsedRows.set(key, stored);
  }
  return stored;
}

function parseRow(row: ArticleRow): StoredArticle | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(row.doc);
  } catch {
    doc = undefined;
  }
  const parsed = storedArticleSchema.safeParse(doc);
  if (!parsed.success) {
    console.warn(JSON.stringify({ event: 'stored-article-unreadable', id: row.id, issues: parsed.error.issues.map((i) => i.path.join('/')) }));
    return undefined;
  }
  return {
    article: parsed.data,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    source: row.source ?? 'cms',
    ...(row.provenance ? { provenance: JSON.parse(row.provenance) as Record<string, string> } : {}),
  };
}

interface Cursor {
  publishedAt: string;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return btoa(JSON.stringify([c.publishedAt, c.id])).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(raw: string): Cursor {
  try {
    const [publishedAt, id] = JSON.parse(atob(raw.replace(/-/g, '+').replace(/_/g, '/'))) as unknown[];
    if (typeof publishedAt === 'string' && typeof id === 'string') return { publishedAt, id };
  } catch {
    // fall through
  }
  throw new InvalidCursorError('cursor is not one this API issued');
}

/** Sortable UTC form, so `ORDER BY published_at` agrees with time whatever offset the CMS sent. */
const utc = (iso: string) => new Date(iso).toISOString();

export function createD1ArticleStore(db: D1Database, now: () => Date = () => new Date()): ArticleStore {
  const selectById = (id: string) => db.prepare(`SELECT ${COLUMNS} FROM articles WHERE id = ?1`).bind(id);

  async function getRows(ids: string[]): Promise<Map<string, ArticleRow>> {
    const rows = new Map<string, ArticleRow>();
    // D1 caps bound parameters per statement at 100; batches are at most 100 articles.
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const placeholders = chunk.map((_, n) => `?${n + 1}`).join(', ');
      const { results } = await db
        .prepare(`SELECT ${COLUMNS} FROM articles WHERE id IN (${placeholders})`)
        .bind(...chunk)
        .all<ArticleRow>();
      for (const r of results) rows.set(r.id, r);
    }
    return rows;
  }

  function plan(article: Article, existing: ArticleRow | undefined, at: string) {
    const doc = JSON.stringify(article);
    const previous = existing ? toStored(existing) : undefined;
    // An identical document still turns an extracted row into the CMS's own.
    if (existing && existing.doc === doc && existing.source !== 'extracted') {
      if (previous) return { statement: undefined, result: { stored: previous, created: false, changed: false, previous } };
    }
    // The revision is counted by the database, not from the row read before: concurrent pushes of one
    // article each get their own revision (last writer wins the document), and a push racing an
    // identical one writes nothing. RETURNING tells each writer what it stored.
    const statement = db
      .prepare(
        `INSERT INTO articles (id, url_key, status, published_at, doc, revision, created_at, updated_at, source, provenance)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6, 'cms', NULL)
         ON CONFLICT (id) DO UPDATE SET url_key = excluded.url_key, status = excluded.status,
           published_at = excluded.published_at, doc = excluded.doc, revision = articles.revision + 1,
           updated_at = excluded.updated_at, source = 'cms', provenance = NULL
         WHERE articles.doc <> excluded.doc OR articles.source = 'extracted'
         RETURNING revision, created_at`,
      )
      .bind(article.id, normaliseArticleUrl(article.url), article.status, utc(article.publishedAt), doc, at);
    // A CMS push replaces an article edge mode extracted for the same URL under its own id.
    const replaced = db
      .prepare(`DELETE FROM articles WHERE url_key = ?1 AND source = 'extracted' AND id <> ?2`)
      .bind(normaliseArticleUrl(article.url), article.id);
    return { statement, replaced, article, previous };
  }

  type Plan = ReturnType<typeof plan>;

  /** What a written plan stored, from its RETURNING row; a push that lost to an identical one wrote nothing. */
  async function outcome(p: Plan, written: { revision: number; created_at: string } | undefined, at: string): Promise<UpsertResult> {
    if ('result' in p) return p.result!;
    if (written) {
      const stored: StoredArticle = { article: p.article, revision: written.revision, createdAt: written.created_at, updatedAt: at, source: 'cms' };
      return { stored, created: written.revision === 1, changed: true, ...(p.previous ? { previous: p.previous } : {}) };
    }
    const row = await selectById(p.article.id).first<ArticleRow>();
    const stored = row ? toStored(row) : undefined;
    if (!stored) throw new Error(`article ${p.article.id} vanished while it was written`);
    return { stored, created: false, changed: false, ...(p.previous ? { previous: p.previous } : {}) };
  }

  async function upsertMany(articles: Article[]): Promise<UpsertResult[]> {
    if (articles.length === 0) return [];
    const conflicts = await findUrlConflicts(db, articles);
    if (conflicts.length > 0) throw new UrlConflictError(conflicts);
    const existing = await getRows(articles.map((a) => a.id));
    const at = now().toISOString();
    const plans = articles.map((a) => {
      const p = plan(a, existing.get(a.id), at);
      // Later entries for the same id in one batch see the earlier ones.
      if (p.statement) {
        const before = existing.get(a.id);
        existing.set(a.id, {
          id: a.id, doc: JSON.stringify(a), revision: (before?.revision ?? 0) + 1,
          created_at: before?.created_at ?? at, updated_at: at, published_at: utc(a.publishedAt), source: 'cms',
        });
      }
      return p;
    });
    const statements = plans.flatMap((p) => (p.statement ? [p.statement, p.replaced!] : []));
    // D1 runs a batch as one transaction: a failure rolls every statement back.
    // A concurrent write took a URL since the check: the trigger of migrations/0005 aborts the batch.
    const results = statements.length > 0
      ? await db.batch<{ revision: number; created_at: string }>(statements).catch(async (err: unknown) => {
          if (!isUrlConflictAbort(err)) throw err;
          const now = await findUrlConflicts(db, articles);
          throw new UrlConflictError(now.length > 0 ? now : articles.map((a, index) => ({ index, url: a.url, otherId: 'unknown' })));
        })
      : [];
    let n = 0;
    return Promise.all(
      plans.map((p) => {
        if (!p.statement) return outcome(p, undefined, at);
        const written = results[n]?.results?.[0];
        n += 2;
        return outcome(p, written, at);
      }),
    );
  }

  return {
    async get(id) {
      const row = await selectById(id).first<ArticleRow>();
      return row ? toStored(row) : undefined;
    },

    async getByUrl(url) {
      const key = normaliseArticleUrl(url);
      if (!key) return undefined;
      const row = await db
        .prepare(`SELECT ${COLUMNS} FROM articles WHERE url_key = ?1 ORDER BY updated_at DESC LIMIT 1`)
        .bind(key)
        .first<ArticleRow>();
      return row ? toStored(row) : undefined;
    },

    async upsert(article) {
      const [result] = await upsertMany([article]);
      return result!;
    },

    upsertMany,

    async saveExtracted(article, provenance) {
      const at = now().toISOString();
      const key = normaliseArticleUrl(article.url);
      // One statement, so a CMS push cannot slip in between a check and the write: nothing is written
      // when a CMS row holds the URL, and an existing row is updated only while it is an extracted one.
      const result = await db
        .prepare(
          `INSERT INTO articles (id, url_key, status, published_at, doc, revision, created_at, updated_at, source, provenance)
           SELECT ?1, ?2, ?3, ?4, ?5, 1, ?6, ?6, 'extracted', ?7
           WHERE NOT EXISTS (SELECT 1 FROM articles WHERE url_key = ?2 AND source = 'cms')
           ON CONFLICT (id) DO UPDATE SET url_key = excluded.url_key, status = excluded.status,
             published_at = excluded.published_at, doc = excluded.doc, provenance = excluded.provenance,
             revision = articles.revision + 1, updated_at = excluded.updated_at
           WHERE articles.source = 'extracted' AND (articles.doc <> excluded.doc OR articles.provenance IS NOT excluded.provenance)`,
        )
        .bind(article.id, key, article.status, utc(article.publishedAt), JSON.stringify(article), at, JSON.stringify(provenance))
        .run();
      return (result.meta.changes ?? 0) > 0;
    },

    async removeExtracted(url) {
      const key = normaliseArticleUrl(url);
      if (!key) return false;
      // One statement: a CMS push that took the URL over in the meantime is never removed.
      const result = await db.prepare(`DELETE FROM articles WHERE url_key = ?1 AND source = 'extracted'`).bind(key).run();
      return (result.meta.changes ?? 0) > 0;
    },

    async ping() {
      await db.prepare('SELECT 1 FROM articles LIMIT 1').all();
    },

    async delete(id) {
      const row = await db.prepare(`DELETE FROM articles WHERE id = ?1 RETURNING ${COLUMNS}`).bind(id).first<ArticleRow>();
      return row ? toStored(row) : undefined;
    },

    async list({ limit, cursor, publishedOnly = false, visibleAt, headlineContains }): Promise<ArticlePage> {
      const where: string[] = [];
      const params: unknown[] = [];
      if (publishedOnly) where.push(`status = 'published'`);
      if (visibleAt) {
        // embargoUntil is stored in UTC ISO form (the schema normalises it), so text order is time order.
        params.push(visibleAt);
        where.push(`(json_extract(doc, '$.embargoUntil') IS NULL OR json_extract(doc, '$.embargoUntil') <= ?${params.length})`);
      }
      if (headlineContains) {
        params.push(headlineContains.toLowerCase());
        where.push(`(instr(lower(json_extract(doc, '$.headline')), ?${params.length}) > 0 OR instr(lower(coalesce(json_extract(doc, '$.socialHeadline'), '')), ?${params.length}) > 0)`);
      }
      if (cursor) {
        const c = decodeCursor(cursor);
        params.push(c.publishedAt, c.id);
        where.push(`(published_at < ?${params.length - 1} OR (published_at = ?${params.length - 1} AND id < ?${params.length}))`);
      }
      params.push(limit + 1);
      const sql = `SELECT ${COLUMNS} FROM articles ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY published_at DESC, id DESC LIMIT ?${params.length}`;
      const { results } = await db.prepare(sql).bind(...params).all<ArticleRow>();
      const page = results.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toStored).filter((s): s is StoredArticle => s !== undefined),
        nextCursor: results.length > limit && last ? encodeCursor({ publishedAt: last.published_at, id: last.id }) : undefined,
      };
    },
  };
}
