import { OverrideConflictError, socialFieldsSchema, type OverrideStore, type SocialOverrides, type StoredOverrides } from '../domain/newsroom';

export interface OverrideRow {
  article_id: string;
  overrides: string;
  revision: number;
  updated_at: string;
  updated_by: string;
}

export const toStoredOverrides = (r: OverrideRow): StoredOverrides => ({
  articleId: r.article_id,
  // Validated on the way in; parsing again drops anything a later schema no longer knows.
  overrides: socialFieldsSchema.parse(JSON.parse(r.overrides)) as SocialOverrides,
  revision: r.revision,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** The newsroom's overrides in D1 (migrations/0004_social_overrides.sql). */
export function createD1OverrideStore(db: D1Database, now: () => Date = () => new Date()): OverrideStore {
  async function get(id: string): Promise<StoredOverrides | undefined> {
    const row = await db.prepare('SELECT * FROM social_overrides WHERE article_id = ?1').bind(id).first<OverrideRow>();
    return row ? toStoredOverrides(row) : undefined;
  }
  return {
    get,
    async getMany(ids) {
      const out = new Map<string, StoredOverrides>();
      // D1 caps bound parameters per statement at 100.
      for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100);
        const { results } = await db
          .prepare(`SELECT * FROM social_overrides WHERE article_id IN (${chunk.map((_, n) => `?${n + 1}`).join(', ')})`)
          .bind(...chunk)
          .all<OverrideRow>();
        for (const r of results) out.set(r.article_id, toStoredOverrides(r));
      }
      return out;
    },
    async put(id, overrides, expectedRevision, by) {
      const at = now().toISOString();
      const doc = JSON.stringify(overrides);
      // One statement decides the race: it writes only when the stored revision is still the expected one.
      const result = expectedRevision === 0
        ? await db.prepare(`INSERT INTO social_overrides (article_id, overrides, revision, updated_at, updated_by)
            VALUES (?1, ?2, 1, ?3, ?4) ON CONFLICT (article_id) DO NOTHING`).bind(id, doc, at, by).run()
        : await db.prepare(`UPDATE social_overrides SET overrides = ?2, revision = revision + 1, updated_at = ?3, updated_by = ?4
            WHERE article_id = ?1 AND revision = ?5`).bind(id, doc, at, by, expectedRevision).run();
      if (result.meta.changes !== 1) throw new OverrideConflictError(await get(id));
      return { articleId: id, overrides, revision: expectedRevision + 1, updatedAt: at, updatedBy: by };
    },
  };
}
