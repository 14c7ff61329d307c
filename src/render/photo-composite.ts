import type { CoverPlacement } from '../domain/card';
import { decodePngRows, PngDecodeError } from './png-decoder';

/** A rectangle on the card, in pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Draws a photo, already scaled to exactly `placement.width` x `placement.height` pixels and encoded as
 * PNG, under a rendered card: the photo box of `canvas` (premultiplied RGBA, as resvg renders, with
 * the box left transparent except for what the template draws over the photo) becomes the card's
 * pixels over the photo, cropped at the placement's offset (Porter-Duff "over"). Translucent photo
 * pixels are first set on `backdrop` (RGB), the colour the template puts behind a photo. The photo's
 * rows are decoded as they arrive and only those inside the box are read. Throws PngDecodeError when
 * the photo is not a PNG of that size.
 */
export async function compositeUnder(
  canvas: Uint8Array,
  canvasWidth: number,
  box: Box,
  placement: CoverPlacement,
  photo: ReadableStream<Uint8Array>,
  backdrop: readonly [number, number, number],
): Promise<void> {
  // Columns of the photo inside the box: the placement's offsets are <= 0.
  const x0 = -placement.left;
  const y0 = -placement.top;
  const [br, bg, bb] = backdrop;
  await decodePngRows(
    photo,
    (header) => {
      if (header.width !== placement.width || header.height !== placement.height) {
        throw new PngDecodeError(`photo is ${header.width}x${header.height}, expected ${placement.width}x${placement.height}`);
      }
    },
    (y, row) => {
      const cy = y - y0;
      if (cy < 0 || cy >= box.height) return;
      const channels = row.length / placement.width;
      let o = ((box.y + cy) * canvasWidth + box.x) * 4;
      if (channels === 3) return rgbRowUnder(canvas, o, row, x0 * 3, box.width);
      for (let i = x0 * channels, end = (x0 + box.width) * channels; i < end; i += channels, o += 4) {
        const ca = canvas[o + 3]!;
        if (ca === 255) continue; // the card covers the photo here
        let r: number;
        let g: number;
        let b: number;
        if (channels >= 3) {
          r = row[i]!;
          g = row[i + 1]!;
          b = row[i + 2]!;
        } else {
          r = g = b = row[i]!;
        }
        if (channels === 2 || channels === 4) {
          const a = row[i + channels - 1]!;
          if (a !== 255) {
            r = Math.round((r * a + br * (255 - a)) / 255);
            g = Math.round((g * a + bg * (255 - a)) / 255);
            b = Math.round((b * a + bb * (255 - a)) / 255);
          }
        }
        canvas[o + 3] = 255;
        if (ca === 0) {
          // Nothing of the card here (most of the box): the photo's pixel as it is.
          canvas[o] = r;
          canvas[o + 1] = g;
          canvas[o + 2] = b;
          continue;
        }
        const k = 255 - ca;
        canvas[o] = Math.min(255, canvas[o]! + Math.round((r * k) / 255));
        canvas[o + 1] = Math.min(255, canvas[o + 1]! + Math.round((g * k) / 255));
        canvas[o + 2] = Math.min(255, canvas[o + 2]! + Math.round((b * k) / 255));
      }
    },
  );
}

/**
 * One row of an opaque RGB photo (`width` pixels from `row[i]`) under the card's pixels from `canvas[o]`:
 * what compositeUnder does, for the form the Images binding writes photos in, without its per-pixel
 * tests of the photo's form.
 */
function rgbRowUnder(canvas: Uint8Array, o: number, row: Uint8Array, i: number, width: number): void {
  for (const end = o + width * 4; o < end; o += 4, i += 3) {
    const ca = canvas[o + 3]!;
    if (ca === 255) continue; // the card covers the photo here
    if (ca === 0) {
      // Nothing of the card here (most of the box): the photo's pixel as it is.
      canvas[o] = row[i]!;
      canvas[o + 1] = row[i + 1]!;
      canvas[o + 2] = row[i + 2]!;
    } else {
      const k = 255 - ca;
      canvas[o] = Math.min(255, canvas[o]! + Math.round((row[i]! * k) / 255));
      canvas[o + 1] = Math.min(255, canvas[o + 1]! + Math.round((row[i + 1]! * k) / 255));
      canvas[o + 2] = Math.min(255, canvas[o + 2]! + Math.round((row[i + 2]! * k) / 255));
    }
    canvas[o + 3] = 255;
  }
}

/**
 * Draws a photo layer rendered by resvg (premultiplied RGBA, exactly the box's size) under a rendered
 * card, as compositeUnder does: translucent photo pixels over `backdrop` first, then the card over
 * the photo.
 */
export function compositeLayerUnder(
  canvas: Uint8Array,
  canvasWidth: number,
  box: Box,
  layer: Uint8Array,
  backdrop: readonly [number, number, number],
): void {
  if (layer.length !== box.width * box.height * 4) throw new RangeError('photo layer is not the size of the box');
  const [br, bg, bb] = backdrop;
  for (let y = 0; y < box.height; y++) {
    let o = ((box.y + y) * canvasWidth + box.x) * 4;
    for (let i = y * box.width * 4, end = i + box.width * 4; i < end; i += 4, o += 4) {
      const pa = 255 - layer[i + 3]!;
      // Premultiplied photo over the backdrop, then the card over that.
      const r = layer[i]! + Math.round((br * pa) / 255);
      const g = layer[i + 1]! + Math.round((bg * pa) / 255);
      const b = layer[i + 2]! + Math.round((bb * pa) / 255);
      const k = 255 - canvas[o + 3]!;
      if (k === 0) continue;
      canvas[o] = Math.min(255, canvas[o]! + Math.round((r * k) / 255));
      canvas[o + 1] = Math.min(255, canvas[o + 1]! + Math.round((g * k) / 255));
      canvas[o + 2] = Math.min(255, canvas[o + 2]! + Math.round((b * k) / 255));
      canvas[o + 3] = 255;
    }
  }
}

/**
 * An SVG of the photo box alone with the photo drawn at its placement: resvg renders it without the
 * clip path and mask satori puts on every image (the SVG's own edges crop), each of which would cost a
 * layer as large as the card.
 */
export function photoLayerSvg(src: string, box: Box, placement: CoverPlacement): string {
  const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" viewBox="0 0 ${box.width} ${box.height}">` +
    `<image x="${placement.left}" y="${placement.top}" width="${placement.width}" height="${placement.height}" ` +
    `preserveAspectRatio="none" href="${attr(src)}"/></svg>`
  );
}

/** `#rrggbb` as an RGB triple. */
export function rgbOf(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}
