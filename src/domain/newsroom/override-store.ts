import type { SocialOverrides } from './social-fields';

/** The newsroom's overrides of one article, with who saved them and when. */
export interface StoredOverrides {
  articleId: string;
  overrides: SocialOverrides;
  /** Starts at 1, +1 per save: the version `If-Match` names. */
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

/** The save lost a race: someone saved since `expected`; `current` is what they saved. */
export class OverrideConflictError extends Error {
  override name = 'OverrideConflictError';
  constructor(readonly current: StoredOverrides | undefined) {
    super('the overrides changed since they were read');
  }
}

/**
 * Port for the newsroom's overrides, kept apart from the CMS's document (a CMS `PUT` never touches
 * them); src/adapters/d1-override-store.ts implements it over D1.
 */
export interface OverrideStore {
  get(articleId: string): Promise<StoredOverrides | undefined>;
  getMany(articleIds: readonly string[]): Promise<Map<string, StoredOverrides>>;
  /**
   * Saves when the stored revision is `expectedRevision` (0: none saved yet), else throws
   * OverrideConflictError. Returns the new state.
   */
  put(articleId: string, overrides: SocialOverrides, expectedRevision: number, by: string): Promise<StoredOverrides>;
}
