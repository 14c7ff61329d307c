import { imageSize } from 'image-size';
import { coverSize, type ImageCodec, type PhotoSource, type Size } from '../domain/card';
import { dataUri } from './data-uri';

/** A photo ready for a template: a data URI and its pixel size. */
export interface PreparedPhoto {
  src: string;
  width: number;
  height: number;
}

export type PhotoOutcome = { ok: true; photo: PreparedPhoto } | { ok: false; reason: string };

/**
 * Most pixels a photo may have when it cannot be scaled first: resvg decodes it to 4 bytes a pixel in
 * an isolate of 128 MB, next to the card itself.
 */
export const PHOTO_PIXEL_LIMIT = 4_000_000;

/**
 * Fetches the photo and makes it fit for the card's photo box. With the Images binding a photo much
 * larger than the box is scaled down to just cover it (less to embed, decode and encode); without it,
 * a photo over the pixel limit is refused and the card falls back to text.
 */
export async function preparePhoto(source: PhotoSource, url: string, box: Size, images?: ImageCodec): Promise<PhotoOutcome> {
  const fetched = await source.get(url);
  if (!fetched.ok) return fetched;
  let bytes = fetched.bytes;
  let type: string = fetched.type;
  let size: Size;
  try {
    const dims = imageSize(bytes);
    size = { width: dims.width, height: dims.height };
  } catch {
    return { ok: false, reason: 'undecodable' };
  }
  if (!size.width || !size.height) return { ok: false, reason: 'undecodable' };

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
  return { ok: true, photo: { src: dataUri(bytes, type), width: size.width, height: size.height } };
}
