import { CARD_CONTENT_TYPES, type CardFormat } from '../domain/card-variants';
import type { AssetReader } from './assets';
import { encodeJpeg } from './rasterise';

/**
 * The site's default image in the format a card URL promises. A crawler that asked for `og.jpg` gets
 * JPEG bytes with `Content-Type: image/jpeg`, one that asked for `og.png` a PNG: the bytes, the header
 * and the extension always agree (browsers and crawlers that sniff, or trust the extension, see the
 * same type as those that read the header). In order: the default image's sibling of that format
 * (`npm run build` writes `default-share.jpg` beside `default-share.png`), the configured image itself
 * when it already is of that format, the configured image transcoded by the Images binding, and last a
 * blank 1x1 image of that format.
 */
export async function defaultImageOf(
  format: CardFormat,
  configuredPath: string,
  deps: { assets: AssetReader; images?: ImagesBinding },
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const contentType = CARD_CONTENT_TYPES[format];
  const sibling = configuredPath.replace(/\.(png|jpe?g)$/i, `.${format}`);
  const candidates = sibling === configuredPath ? [configuredPath] : [sibling, configuredPath];
  let configured: Uint8Array | undefined;
  for (const path of candidates) {
    const bytes = await read(deps.assets, path);
    if (bytes && sniff(bytes) === format) return { bytes, contentType };
    if (path === configuredPath) configured = bytes;
  }
  if (configured && deps.images) {
    try {
      const out = await transcode(deps.images, configured, format);
      if (sniff(out) === format) return { bytes: out, contentType };
    } catch {
      // fall through to the blank image
    }
  }
  return { bytes: format === 'jpg' ? BLANK_JPEG : BLANK_PNG, contentType };
}

async function transcode(images: ImagesBinding, bytes: Uint8Array, format: CardFormat): Promise<Uint8Array> {
  if (format === 'jpg') return encodeJpeg(images, bytes, 85);
  const stream = new Response(bytes).body!;
  const result = await images.input(stream).output({ format: 'image/png' });
  return new Uint8Array(await result.response().arrayBuffer());
}

async function read(assets: AssetReader, path: string): Promise<Uint8Array | undefined> {
  try {
    const res = await assets(path);
    if (res.ok) return new Uint8Array(await res.arrayBuffer());
    await res.body?.cancel();
  } catch {
    // an unreadable asset is a miss
  }
  return undefined;
}

/** The format of image bytes by their signature (PNG: RFC 2083 §3.1; JPEG: SOI marker FF D8 FF). */
export function sniff(bytes: Uint8Array): CardFormat | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  return undefined;
}

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));

// 1x1 images: the answers of last resort when even the default image cannot be read.
const BLANK_PNG = fromBase64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==');
const BLANK_JPEG = fromBase64(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRQBAwQEBQQFCQUFCRQNCw0UFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFP/AABEIAAEAAQMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AP1ToA//2Q==',
);
