import type { CardCache, ScaledPhotoCache, Size } from '../../domain/card';

/**
 * How long a scaled photo is kept. A card's hash names its photo by URL, so a photo replaced at the
 * same URL is not drawn anew by a new card either; the Cache API may evict it sooner.
 */
export const SCALED_PHOTO_TTL_SECONDS = 86_400;

/** The original photo's size, stored with its scaled PNG (`1600x1067`). */
const SIZE_HEADER = 'x-photo-size';

/** Largest side a photo's original size may claim (the photo fetch refuses larger files long before). */
const MAX_SIDE = 100_000;

function parseSize(value: string | null): Size | undefined {
  const m = /^(\d{1,6})x(\d{1,6})$/.exec(value ?? '');
  if (!m) return undefined;
  const size = { width: Number(m[1]), height: Number(m[2]) };
  return size.width > 0 && size.height > 0 && size.width <= MAX_SIDE && size.height <= MAX_SIDE ? size : undefined;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const logged = (event: string, url: string) => (err: unknown) => console.warn(JSON.stringify({ event, url, reason: String(err) }));

/**
 * Scaled photos in the Cache API of the data centre (docs/performance.md, "Scaled photos kept"), under
 * a path of this service's own origin that no route serves: `/_scaled-photos/v1/<SHA-256 of the
 * photo URL>/<box>.png`. A failing cache is a miss, never an error.
 */
export function createScaledPhotoCache(cache: CardCache, origin: string): ScaledPhotoCache {
  const keyOf = async (url: string, box: Size) => `${origin}/_scaled-photos/v1/${await sha256Hex(url)}/${box.width}x${box.height}.png`;
  return {
    async match(url, box) {
      try {
        const res = await cache.match(await keyOf(url, box));
        if (!res?.body) return undefined;
        const original = parseSize(res.headers.get(SIZE_HEADER));
        if (!original) {
          await res.body.cancel();
          return undefined;
        }
        return { original, png: res.body };
      } catch (err) {
        logged('scaled-photo-read-failed', url)(err);
        return undefined;
      }
    },
    async keep(url, box, original, png) {
      try {
        const headers = {
          'content-type': 'image/png',
          'cache-control': `public, max-age=${SCALED_PHOTO_TTL_SECONDS}`,
          [SIZE_HEADER]: `${original.width}x${original.height}`,
        };
        await cache.put(await keyOf(url, box), new Response(png, { headers }));
      } catch (err) {
        logged('scaled-photo-write-failed', url)(err);
        await png.cancel().catch(() => {});
      }
    },
    async forget(url, box) {
      try {
        await cache.delete(await keyOf(url, box));
      } catch (err) {
        logged('scaled-photo-delete-failed', url)(err);
      }
    },
  };
}
