import { photoUrlRoute } from '../domain/article';
import type { AssetReader, PhotoResult, PhotoSource, PhotoType } from '../domain/card';

export type { PhotoResult, PhotoSource, PhotoType };

export interface PhotoSourceOptions {
  /** Hosts (with :port when not the default) photos may come from: config IMAGE_HOSTS. */
  imageHosts: string[];
  /** Origin of this service: its `/photos/` are static assets, read through the binding. */
  ownOrigin: string;
  assets: AssetReader;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Whole fetch, body included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export const PHOTO_DEFAULTS = { timeoutMs: 4000, maxBytes: 8 * 1024 * 1024, maxRedirects: 3 } as const;

class PhotoError extends Error {}

/**
 * Fetches photos for cards: only from the configured hosts, over https (http only for the local
 * development hosts), asking for JPEG or PNG, with a deadline and a byte limit, and checking that the
 * bytes are what the Content-Type says. A Worker cannot fetch its own origin, so photos under
 * `/photos/` on this service or on a local development host are read from the static assets.
 */
export function createPhotoSource(options: PhotoSourceOptions): PhotoSource {
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? PHOTO_DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? PHOTO_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? PHOTO_DEFAULTS.maxRedirects;

  const policy = { imageHosts: options.imageHosts.map((h) => h.toLowerCase()), origin: options.ownOrigin };

  /** How to read a URL, or why it may not be read (the one rule ingest applies too). */
  function route(url: URL): 'asset' | 'network' {
    const verdict = photoUrlRoute(url, policy);
    if ('refused' in verdict) throw new PhotoError(verdict.refused);
    return verdict.via;
  }

  async function read(res: Response, deadline: Promise<never>): Promise<PhotoResult> {
    if (!res.ok) {
      await res.body?.cancel();
      return { ok: false, reason: `http-${res.status}` };
    }
    const type = res.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'image/jpeg' && type !== 'image/png') {
      await res.body?.cancel();
      return { ok: false, reason: 'bad-content-type' };
    }
    const declared = Number(res.headers.get('content-length'));
    if (declared > maxBytes) {
      await res.body?.cancel();
      return { ok: false, reason: 'too-large' };
    }
    const bytes = await readLimited(res, maxBytes, deadline);
    if (!bytes) return { ok: false, reason: 'too-large' };
    if (sniff(bytes) !== type) return { ok: false, reason: 'not-an-image' };
    return { ok: true, bytes, type };
  }

  return {
    async get(raw) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PhotoError('timeout')), timeoutMs);
      });
      // Raced at every await below; this handler only keeps a rejection between two awaits from
      // being reported as unhandled.
      deadline.catch(() => {});
      const controller = new AbortController();
      try {
        let url = new URL(raw);
        for (let hop = 0; ; hop++) {
          if (route(url) === 'asset') {
            const path = url.pathname;
            return await Promise.race([options.assets(path).then((res) => read(res, deadline)), deadline]);
          }
          const res = await Promise.race([
            fetchFn(url.toString(), {
              headers: { accept: 'image/jpeg, image/png' },
              redirect: 'manual',
              signal: controller.signal,
            }),
            deadline,
          ]);
          const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
          if (!location) return await Promise.race([read(res, deadline), deadline]);
          await res.body?.cancel();
          // Follow redirects by hand so every hop is checked against the allowed hosts.
          if (hop >= maxRedirects) return { ok: false, reason: 'too-many-redirects' };
          url = new URL(location, url);
        }
      } catch (err) {
        controller.abort();
        if (err instanceof PhotoError) return { ok: false, reason: err.message };
        if (err instanceof TypeError && /url/i.test(err.message)) return { ok: false, reason: 'bad-url' };
        return { ok: false, reason: 'network' };
      } finally {
        if (timer !== undefined) clearTimeout(timer);
      }
    },
  };
}

/** The body up to `maxBytes`, or undefined when it is longer (the rest is not downloaded). */
async function readLimited(res: Response, maxBytes: number, deadline: Promise<never>): Promise<Uint8Array | undefined> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) return undefined;
      chunks.push(value);
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

/** The type the bytes actually are (JPEG SOI marker, PNG signature). */
export function sniff(bytes: Uint8Array): PhotoType | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return 'image/png';
  return undefined;
}
