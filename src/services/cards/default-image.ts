import { CARD_CONTENT_TYPES, type AssetReader, type CardFormat, type ImageCodec } from '../../domain/card';

/** The default image and redirects are cached briefly, so a fixed or edited card replaces them soon. */
export const SHORT_CACHE = 'public, max-age=60';

/** Why a card URL is answered with the default image, and the format its extension promises. */
export interface FallbackRequest {
  articleId: string;
  path: string;
  reason: string;
  format: CardFormat;
  /** The card variant the URL names, when it names one: a square card falls back to a square image. */
  variant?: string;
}

/**
 * The site's default share image, answered with 200 wherever a card cannot be (crawlers never see an
 * error status), briefly cached, and logs why. It comes in the format the card URL promises: a crawler
 * that asked for `og.jpg` gets JPEG bytes with `Content-Type: image/jpeg`, so the bytes, the header and
 * the extension agree whoever sniffs or trusts which. In order: the default image's sibling of that
 * format (`npm run build` writes `default-share.jpg` beside `default-share.png`, and the 1200x1200
 * `default-share-square.*` that square card URLs try first), the configured image
 * when it already is of that format, the configured image re-encoded as JPEG by the Images binding,
 * and last a blank 1x1 image of that format.
 */
export async function defaultImageResponse(assets: AssetReader, configuredPath: string, why: FallbackRequest, images?: ImageCodec): Promise<Response> {
  const { format, variant, ...logged } = why;
  console.warn(JSON.stringify({ event: 'card-default-image', ...logged }));
  const contentType = CARD_CONTENT_TYPES[format];
  const respond = (bytes: Uint8Array) =>
    new Response(bytes, {
      headers: { 'cache-control': SHORT_CACHE, 'x-card-template': 'default', 'content-type': contentType, 'content-length': String(bytes.byteLength) },
    });
  const sibling = configuredPath.replace(/\.(png|jpe?g)$/i, `.${format}`);
  // `default-share-square.<format>` (written by the build) for square URLs, so the image has the size
  // their og:image/oEmbed metadata announced; the og-sized default when there is none.
  const square = variant === 'square' ? [configuredPath.replace(/\.(png|jpe?g)$/i, `-square.${format}`)] : [];
  let configured: Uint8Array | undefined;
  for (const path of [...square, ...(sibling === configuredPath ? [configuredPath] : [sibling, configuredPath])]) {
    const bytes = await read(assets, path);
    if (bytes && sniff(bytes) === format) return respond(bytes);
    if (path === configuredPath) configured = bytes;
  }
  if (configured && format === 'jpg' && images) {
    try {
      const jpeg = await images.encodeJpeg(configured, 85);
      if (sniff(jpeg) === 'jpg') return respond(jpeg);
    } catch (err) {
      console.warn(JSON.stringify({ event: 'card-default-image-unencodable', path: configuredPath, reason: String(err) }));
    }
  }
  return respond(format === 'jpg' ? BLANK_JPEG : BLANK_PNG);
}

async function read(assets: AssetReader, path: string): Promise<Uint8Array | undefined> {
  try {
    const res = await assets(path);
    if (res.ok) return new Uint8Array(await res.arrayBuffer());
    await res.body?.cancel();
  } catch (err) {
    console.warn(JSON.stringify({ event: 'card-default-image-unreadable', path, reason: String(err) }));
  }
  return undefined;
}

/** The format of image bytes by their signature (PNG: RFC 2083 §3.1; JPEG: the SOI marker FF D8 FF). */
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
