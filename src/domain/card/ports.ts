import type { CardTemplate } from './card-variants';
import type { Size } from './focal-crop';

/** What is recorded with a stored card, so cards can be listed and deleted by article. */
export interface CardObjectMeta {
  contentType: 'image/png' | 'image/jpeg';
  articleId: string;
  variant: string;
  hash: string;
  template: CardTemplate;
  /** Why a photo card was stored as a text card (a photo that can never be drawn); the preview warns. */
  photoFallback?: string;
}

export interface CardObject {
  body: ReadableStream<Uint8Array>;
  size: number;
  contentType: string;
}

/** Port for rendered cards keyed by content hash; src/adapters/r2-card-store.ts implements it over R2. */
export interface CardObjectStore {
  get(key: string): Promise<CardObject | undefined>;
  has(key: string): Promise<boolean>;
  /** What was recorded with a stored card (its metadata only, no body); undefined when none is stored. */
  meta(key: string): Promise<Pick<CardObjectMeta, 'template' | 'photoFallback'> | undefined>;
  put(key: string, bytes: Uint8Array, meta: CardObjectMeta): Promise<void>;
  /** Deletes an article's cards except the keys in `keep`; answers how many were deleted. */
  deleteArticle(articleId: string, keep?: readonly string[]): Promise<number>;
  /** One page of stored card keys in key order, from `cursor` (an opaque string) on. */
  listKeys(options: { cursor?: string; limit: number }): Promise<{ keys: string[]; cursor?: string }>;
  /** Deletes the keys (at most 1,000). */
  deleteKeys(keys: readonly string[]): Promise<void>;
  /** Where the clean-up sweep stopped last time (undefined: at the start), and saving it. */
  sweepCursor(): Promise<string | undefined>;
  saveSweepCursor(cursor: string | undefined): Promise<void>;
}

/**
 * Port for the responses cached in the data centre serving the request (the Cache API): the cheapest
 * hit. Keyed by the card's absolute URL. src/adapters/edge-cache.ts implements it.
 */
export interface CardCache {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
  delete(url: string): Promise<boolean>;
}

/** Reads one of the Worker's static assets by path, e.g. `/fonts/manifest.json` (src/adapters/assets.ts). */
export type AssetReader = (path: string) => Promise<Response>;

/** Formats satori can decode: it reads neither WebP nor AVIF. */
export type PhotoType = 'image/jpeg' | 'image/png';

export type PhotoResult =
  | { ok: true; bytes: Uint8Array; type: PhotoType }
  | { ok: false; reason: string };

/** Port for fetching an article's photo; failures are values, never exceptions (src/adapters/photo-source.ts). */
export interface PhotoSource {
  get(url: string): Promise<PhotoResult>;
}

/**
 * Port for image transcoding (the Images binding, src/adapters/images.ts): scales photos before they
 * are embedded and encodes photo cards as JPEG. Methods throw when the image cannot be transcoded.
 */
export interface ImageCodec {
  /** Re-encodes an image as JPEG at `quality` (1-100). */
  encodeJpeg(bytes: Uint8Array, quality: number): Promise<Uint8Array>;
  /** Scales an image down to fit `width` x `height` pixels, aspect kept, as JPEG. */
  scaleToJpeg(bytes: Uint8Array, width: number, height: number): Promise<Uint8Array>;
  /**
   * Scales an image to exactly `width` x `height` pixels (the caller keeps the aspect) as PNG, and
   * answers its body unread, to be decoded as it arrives (photos composited under a card).
   * `onInputRead` is called once the binding has read all of `bytes` (the request is then on its way).
   */
  scaleToPng(bytes: Uint8Array, width: number, height: number, onInputRead?: () => void): Promise<ReadableStream<Uint8Array>>;
}

/**
 * Port for photos the Images binding has scaled to cover a card's photo box, kept for the next render
 * of a card with the same photo and box (an edit of the headline, a newsroom preview, the other cards
 * of a re-render): keyed by the photo's URL and the box, as a card's own hash names its photo by URL.
 * The original's size is kept with it, so any focal point can be applied to the same scaled photo.
 * src/services/cards/scaled-photos.ts implements it over the Cache API. No method ever rejects.
 */
export interface ScaledPhotoCache {
  /** The kept PNG (exactly the photo's cover size for `box`) and the original's size, or undefined. */
  match(url: string, box: Size): Promise<{ original: Size; png: ReadableStream<Uint8Array> } | undefined>;
  /** Keeps a scaled PNG, reading `png` to its end. */
  keep(url: string, box: Size, original: Size, png: ReadableStream<Uint8Array>): Promise<void>;
  /** Drops a kept photo that could not be drawn. */
  forget(url: string, box: Size): Promise<void>;
}
