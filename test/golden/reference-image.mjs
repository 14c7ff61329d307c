// Reference images of the golden tests, shared by test/golden.test.ts (in workerd) and
// scripts/golden-update.mjs (in Node). References are stored at half size: small enough to commit
// (a 1200x630 photo card is close to 1 MB as PNG), large enough to show a clipped line or a tofu box.
import { decode, encode } from 'fast-png';

export const GOLDEN_SCALE = 2;

/** The PNG's pixels as 8-bit RGBA. */
export function rgba(png) {
  const img = decode(png);
  if (img.depth !== 8) throw new Error(`expected 8-bit PNG, got ${img.depth}-bit`);
  const { width, height, channels, palette } = img;
  if (palette) {
    // Indexed colour: one palette entry per pixel.
    const out = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const [r, g, b, a = 255] = palette[img.data[i]];
      out.set([r, g, b, a], i * 4);
    }
    return { width, height, data: out };
  }
  if (channels === 4) return { width, height, data: new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength) };
  const out = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; j < out.length; i += channels, j += 4) {
    out[j] = img.data[i];
    out[j + 1] = img.data[channels >= 3 ? i + 1 : i];
    out[j + 2] = img.data[channels >= 3 ? i + 2 : i];
    out[j + 3] = channels === 2 || channels === 4 ? img.data[i + channels - 1] : 255;
  }
  return { width, height, data: out };
}

/** Averages each factor x factor block of an RGBA image into one pixel. */
export function downscale(image, factor = GOLDEN_SCALE) {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8Array(width * height * 4);
  const n = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          for (let dx = 0; dx < factor; dx++) sum += image.data[((y * factor + dy) * image.width + x * factor + dx) * 4 + c];
        }
        data[(y * width + x) * 4 + c] = Math.round(sum / n);
      }
    }
  }
  return { width, height, data };
}

/** A rendered card (PNG) as it is compared: RGBA at reference size. */
export function referencePixels(png) {
  return downscale(rgba(png));
}

/** A rendered card (PNG) as it is stored: opaque RGB at reference size. */
export function toReference(png) {
  const { width, height, data } = referencePixels(png);
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < data.length; i += 4, j += 3) {
    rgb[j] = data[i];
    rgb[j + 1] = data[i + 1];
    rgb[j + 2] = data[i + 2];
  }
  return encode({ width, height, data: rgb, channels: 3, depth: 8 }, { zlib: { level: 9 } });
}
