import type { AssetReader } from '../../domain/card';

/** The default image and redirects are cached briefly, so a fixed or edited card replaces them soon. */
export const SHORT_CACHE = 'public, max-age=60';

// A 1x1 transparent PNG: the answer of last resort when even the default image cannot be read.
const BLANK_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

/**
 * The site's default share image, answered with 200 wherever a card cannot be (crawlers never see an
 * error status), briefly cached; a blank PNG when even that asset cannot be read. Logs why.
 */
export async function defaultImageResponse(assets: AssetReader, path: string, why: { articleId: string; path: string; reason: string }): Promise<Response> {
  console.warn(JSON.stringify({ event: 'card-default-image', ...why }));
  const headers = { 'cache-control': SHORT_CACHE, 'x-card-template': 'default' };
  try {
    const res = await assets(path);
    if (res.ok) {
      const bytes = new Uint8Array(await res.arrayBuffer());
      return new Response(bytes, { headers: { ...headers, 'content-type': res.headers.get('content-type') ?? 'image/png', 'content-length': String(bytes.byteLength) } });
    }
    await res.body?.cancel();
  } catch (err) {
    console.warn(JSON.stringify({ event: 'card-default-image-unreadable', path, reason: String(err) }));
  }
  return new Response(BLANK_PNG, { headers: { ...headers, 'content-type': 'image/png', 'content-length': String(BLANK_PNG.byteLength) } });
}

