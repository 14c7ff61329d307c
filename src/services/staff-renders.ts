import type { RenderedCard } from '../render/render-card';

/**
 * The newsroom's recent staff-only renders in this isolate, keyed by the card's storage key (content
 * hash and format: everything that changes its bytes, docs/architecture.md "Card URLs and caching").
 * Opening a preview again, the page's own requests after a save, the list's thumbnails and the staff
 * card route after a POST preview then draw nothing twice. Concurrent requests for one card share one
 * render. Only a card drawn with everything it asked for is kept: a card without its photo is rendered
 * again next time (the photo may be back). Never written to R2 or the Cache API.
 */
export interface StaffRenders {
  get(key: string, render: () => Promise<RenderedCard>): Promise<RenderedCard>;
}

const MAX_BYTES = 6 * 1024 * 1024;
const MAX_ENTRIES = 24;

export function createStaffRenders(maxBytes = MAX_BYTES, maxEntries = MAX_ENTRIES): StaffRenders {
  const entries = new Map<string, { card: Promise<RenderedCard>; bytes: number }>();
  let total = 0;
  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    total -= e.bytes;
  };
  return {
    get(key, render) {
      const hit = entries.get(key);
      if (hit) {
        // Least recently used first: re-insert on every hit.
        entries.delete(key);
        entries.set(key, hit);
        return hit.card;
      }
      const entry = { card: render(), bytes: 0 };
      entries.set(key, entry);
      entry.card.then(
        (card) => {
          if (entries.get(key) !== entry) return;
          if (card.fallback) return drop(key);
          entry.bytes = card.bytes.byteLength;
          total += entry.bytes;
          for (const k of entries.keys()) {
            if ((total <= maxBytes && entries.size <= maxEntries) || k === key) break;
            drop(k);
          }
        },
        () => drop(key),
      );
      return entry.card;
    },
  };
}

/** The isolate's cache, for services built with the real renderer and photo fetch (tests that replace either get none). */
export const isolateStaffRenders = createStaffRenders();
