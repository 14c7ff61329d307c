import { articleCardPrefix, type CardObjectStore, type CardTemplate } from '../domain/card';

/** Outside `cards/`, so listing cards never meets it. */
const SWEEP_CURSOR_KEY = 'sweep/cursor';

/** Rendered cards in R2 (`CARDS`), under `cards/<article>/<variant>-<hash>.<ext>`. */
export function createR2CardStore(bucket: R2Bucket): CardObjectStore {
  return {
    async get(key) {
      const object = await bucket.get(key);
      if (!object) return undefined;
      return { body: object.body, size: object.size, contentType: object.httpMetadata?.contentType ?? 'application/octet-stream' };
    },

    async has(key) {
      return (await bucket.head(key)) !== null;
    },

    async meta(key) {
      const object = await bucket.head(key);
      if (!object) return undefined;
      const custom = object.customMetadata ?? {};
      return {
        template: (custom.template ?? 'text') as CardTemplate,
        ...(custom.photoFallback ? { photoFallback: custom.photoFallback } : {}),
      };
    },

    async put(key, bytes, meta) {
      await bucket.put(key, bytes, {
        httpMetadata: { contentType: meta.contentType, cacheControl: 'public, max-age=31536000, immutable' },
        customMetadata: {
          articleId: meta.articleId, variant: meta.variant, hash: meta.hash, template: meta.template,
          ...(meta.photoFallback ? { photoFallback: meta.photoFallback } : {}),
        },
      });
    },

    async deleteArticle(articleId, keep = []) {
      const keepSet = new Set(keep);
      let deleted = 0;
      let cursor: string | undefined;
      do {
        const page = await bucket.list({ prefix: articleCardPrefix(articleId), ...(cursor ? { cursor } : {}) });
        const doomed = page.objects.map((o) => o.key).filter((k) => !keepSet.has(k));
        // R2 deletes up to 1,000 keys per call; a list page holds at most 1,000.
        if (doomed.length > 0) await bucket.delete(doomed);
        deleted += doomed.length;
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
      return deleted;
    },

    async listKeys({ cursor, limit }) {
      const page = await bucket.list({ prefix: 'cards/', limit, ...(cursor ? { cursor } : {}) });
      return { keys: page.objects.map((o) => o.key), ...(page.truncated ? { cursor: page.cursor } : {}) };
    },

    async deleteKeys(keys) {
      if (keys.length > 0) await bucket.delete([...keys]);
    },

    async sweepCursor() {
      const object = await bucket.get(SWEEP_CURSOR_KEY);
      const text = object ? await object.text() : '';
      return text || undefined;
    },

    async saveSweepCursor(cursor) {
      if (cursor) await bucket.put(SWEEP_CURSOR_KEY, cursor);
      else await bucket.delete(SWEEP_CURSOR_KEY);
    },
  };
}
