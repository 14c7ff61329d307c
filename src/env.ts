import type { CardJob } from './domain/card/card-job';

/** Bindings, secrets and variables of the Worker (wrangler.toml). */
export interface Env {
  // Bindings
  /** Articles, share-click counts. */
  DB: D1Database;
  /** Build output: fonts, emoji, fixture photos, brand images, page CSS and JS. */
  ASSETS: Fetcher;
  /** Optional: scales article photos and encodes photo cards as JPEG. Cards work without it. */
  IMAGES?: ImagesBinding;
  /** Rendered share cards by content hash; survives deploys and cache eviction. */
  CARDS?: R2Bucket;
  /** Pre-render jobs on publish and clean-up on unpublish (consumed by this Worker). */
  RENDER_QUEUE?: Queue<CardJob>;

  // Secrets
  /** Bearer token of the CMS for the ingest API. */
  INGEST_TOKEN?: string;

  // Variables: the site configuration, parsed and validated by src/config/.
  [key: string]: unknown;
}
