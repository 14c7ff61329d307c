import { articleIdOfCardKey, type CardObjectStore, type CardVariant } from '../../domain/card';
import type { Article } from '../../domain/article';
import type { ArticleAccess } from '../article-access';
import type { CurrentCard } from './current-card';

/** What one sweep did: keys looked at, keys removed (by article), and where the next sweep starts. */
export interface SweepReport {
  scanned: number;
  removed: number;
  removedByArticle: Record<string, number>;
  /** True when the sweep reached the end of the bucket (the next one starts over). */
  complete: boolean;
}

export interface SweepDeps {
  store: CardObjectStore;
  articles: ArticleAccess;
  current: (article: Article, variant: CardVariant) => Promise<CurrentCard>;
  variants: readonly CardVariant[];
}

/** Bounds of one sweep: R2 list pages hold at most 1,000 keys, and `delete` takes at most 1,000. */
export const SWEEP_DEFAULTS = { pageSize: 500, maxPages: 4 } as const;

/**
 * Removes stored cards no current article points to: cards of articles deleted or unpublished, and
 * cards at a hash that is no longer current. Bounded: at most `maxPages` pages of `pageSize` keys per
 * run; it resumes where the last run stopped (the cursor is kept in the store), so repeated runs
 * (the Cron Trigger) cover the whole bucket.
 */
export async function sweepCards(deps: SweepDeps, bounds: { pageSize: number; maxPages: number } = SWEEP_DEFAULTS): Promise<SweepReport> {
  const report: SweepReport = { scanned: 0, removed: 0, removedByArticle: {}, complete: false };
  let cursor = await deps.store.sweepCursor();
  for (let page = 0; page < bounds.maxPages; page++) {
    const listed = await deps.store.listKeys({ limit: bounds.pageSize, ...(cursor ? { cursor } : {}) });
    report.scanned += listed.keys.length;
    const doomed = await unreferenced(listed.keys, deps);
    await deps.store.deleteKeys(doomed);
    for (const key of doomed) {
      const id = articleIdOfCardKey(key) ?? '?';
      report.removedByArticle[id] = (report.removedByArticle[id] ?? 0) + 1;
    }
    report.removed += doomed.length;
    cursor = listed.cursor;
    if (!cursor) {
      report.complete = true;
      break;
    }
  }
  await deps.store.saveSweepCursor(cursor);
  return report;
}

/** The keys of a page that no published article's current cards name. */
async function unreferenced(keys: readonly string[], deps: SweepDeps): Promise<string[]> {
  const byArticle = new Map<string, string[]>();
  const doomed: string[] = [];
  for (const key of keys) {
    const id = articleIdOfCardKey(key);
    if (!id) doomed.push(key); // not a card key the service writes
    else byArticle.set(id, [...(byArticle.get(id) ?? []), key]);
  }
  for (const [id, articleKeys] of byArticle) {
    const stored = await deps.articles.find(id, 'public');
    const keep = stored ? new Set(await Promise.all(deps.variants.map(async (v) => (await deps.current(stored.article, v)).key))) : new Set<string>();
    doomed.push(...articleKeys.filter((k) => !keep.has(k)));
  }
  return doomed;
}
