import { imageSize } from 'image-size';
import { coverPlacement, coverSize, type CoverPlacement, type ImageCodec, type PhotoSource, type PhotoType, type ScaledPhotoCache, type Size } from '../domain/card';
import { dataUri } from './data-uri';

/**
 * A photo ready for a template. `embedded`: a data URI resvg decodes and draws. `composited`: the
 * Images binding is scaling it to exactly its placement (a PNG, arriving in `scaled`), to be drawn
 * under the rendered card outside resvg (photo-composite.ts); `embed` makes the embedded form instead
 * should that fail.
 */
export type PreparedPhoto =
  | { kind: 'embedded'; src: string; width: number; height: number }
  | {
      kind: 'composited';
      width: number;
      height: number;
      placement: CoverPlacement;
      scaled: Promise<ReadableStream<Uint8Array>>;
      /**
       * Settles once the binding has read the photo (or failed); undefined when no request goes to the
       * binding (a photo scaled before, from the cache).
       */
      read?: Promise<void>;
      /** Settles when the scaled photo is kept for later renders (or could not be); never rejects. */
      kept?: Promise<void>;
      /** Drops the kept photo: it could not be drawn. */
      forget?: () => Promise<void>;
      /** The photo prepared anew should this one not draw: embedded for resvg, or a kept one scaled again. */
      embed: () => Promise<PhotoOutcome>;
    };

export type PhotoOutcome = { ok: true; photo: PreparedPhoto } | { ok: false; reason: string };

/**
 * Most pixels a photo may have when it cannot be scaled first: resvg decodes it to 4 bytes a pixel in
 * an isolate of 128 MB, next to the card itself. Also the most a composited photo may be scaled to.
 */
export const PHOTO_PIXEL_LIMIT = 4_000_000;

/**
 * Fetches the photo and makes it fit for the card's photo box. With the Images binding the photo is
 * scaled to exactly the size it is drawn at (focal point applied), so no resampling is left to do and
 * resvg never decodes it: the card is composited over it. With `scaledPhotos`, a photo the binding
 * scaled for the same box before is taken from there, neither fetched nor scaled again, and a newly
 * scaled one is kept there as it arrives. Without the binding, a photo over the pixel limit is refused
 * and the card falls back to text.
 */
export async function preparePhoto(
  source: PhotoSource,
  url: string,
  box: Size,
  focalPoint: { x: number; y: number } | undefined,
  images?: ImageCodec,
  scaledPhotos?: ScaledPhotoCache,
  useKept = true,
): Promise<PhotoOutcome> {
  const kept = images && scaledPhotos && useKept ? await scaledPhotos.match(url, box) : undefined;
  if (kept) {
    const placement = coverPlacement(kept.original, box, focalPoint);
    if (composites(kept.original, placement)) {
      // Should the kept photo not draw: fetched and scaled again (and kept again), as on a miss.
      const embed = () => preparePhoto(source, url, box, focalPoint, images, scaledPhotos, false);
      const forget = () => scaledPhotos!.forget(url, box);
      return { ok: true, photo: { kind: 'composited', width: placement.width, height: placement.height, placement, scaled: Promise.resolve(kept.png), forget, embed } };
    }
    await kept.png.cancel();
  }

  const fetched = await fetchPhoto(source, url);
  if (!fetched.ok) return fetched;
  const { bytes: original, size } = fetched;
  const embed = () => embedPhoto(url, original, fetched.type, size, box, images);
  const placement = coverPlacement(size, box, focalPoint);
  if (images && composites(size, placement)) {
    let onRead!: () => void;
    const read = new Promise<void>((resolve) => (onRead = resolve));
    let scaled = images.scaleToPng(original, placement.width, placement.height, onRead);
    // Awaited by the renderer after drawing the card; this keeps an early failure from being reported
    // as unhandled meanwhile. A failure also ends the wait for the photo to be read.
    scaled.then(onRead, onRead);
    if (!scaledPhotos) return { ok: true, photo: { kind: 'composited', width: placement.width, height: placement.height, placement, scaled, read, embed } };
    // One copy of the scaled photo is drawn, the other kept as it arrives.
    const copies = scaled.then((png) => png.tee());
    scaled = copies.then(([drawn]) => drawn);
    const keptNow = copies.then(([, copy]) => scaledPhotos.keep(url, box, size, copy), () => {});
    const forget = () => keptNow.then(() => scaledPhotos.forget(url, box));
    return { ok: true, photo: { kind: 'composited', width: placement.width, height: placement.height, placement, scaled, read, kept: keptNow, forget, embed } };
  }
  return embed();
}

/**
 * Whether a photo is scaled by the binding and composited: only photos scaled down (or kept), since
 * the binding enlarges with another filter than resvg, which shows on golden images, and a photo
 * smaller than its box is rare and cheap to draw anyway; and within the pixel limit.
 */
function composites(original: Size, placement: CoverPlacement): boolean {
  const shrinks = placement.width <= original.width && placement.height <= original.height;
  return shrinks && placement.width * placement.height <= PHOTO_PIXEL_LIMIT;
}

type FetchedPhoto = { ok: true; bytes: Uint8Array; type: PhotoType; size: Size } | { ok: false; reason: string };

/** The photo's bytes and size, or why it cannot be had. */
async function fetchPhoto(source: PhotoSource, url: string): Promise<FetchedPhoto> {
  const fetched = await source.get(url);
  if (!fetched.ok) return fetched;
  try {
    const dims = imageSize(fetched.bytes);
    if (!dims.width || !dims.height) return { ok: false, reason: 'undecodable' };
    return { ...fetched, size: { width: dims.width, height: dims.height } };
  } catch {
    return { ok: false, reason: 'undecodable' };
  }
}

/**
 * The photo as a data URI for resvg. With the Images binding a photo much larger than the box is
 * scaled down to just cover it first (less to embed, decode and resample).
 */
async function embedPhoto(url: string, bytes: Uint8Array, type: string, size: Size, box: Size, images?: ImageCodec): Promise<PhotoOutcome> {
  const target = coverSize(size, box);
  const worthScaling = target.width * target.height < size.width * size.height * 0.8;
  if (images && worthScaling) {
    try {
      bytes = await images.scaleToJpeg(bytes, target.width, target.height);
      type = 'image/jpeg';
      const dims = imageSize(bytes);
      size = { width: dims.width, height: dims.height };
    } catch (err) {
      // Small enough to embed as it is: the card keeps its photo, only larger than it needs to be.
      console.warn(JSON.stringify({ event: 'card-photo-not-scaled', url, reason: String(err) }));
      if (size.width * size.height > PHOTO_PIXEL_LIMIT) return { ok: false, reason: 'scale-failed' };
    }
  } else if (size.width * size.height > PHOTO_PIXEL_LIMIT) {
    return { ok: false, reason: 'photo-too-large' };
  }
  return { ok: true, photo: { kind: 'embedded', src: dataUri(bytes, type), width: size.width, height: size.height } };
}
