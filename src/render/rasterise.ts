import { Resvg } from '@resvg/resvg-wasm';
import { encodePng } from './png-encoder';
import { resvgReady } from './wasm';

export interface Raster {
  png: Uint8Array;
  /** Milliseconds spent rasterising (resvg) and encoding (PNG), for timings and the benchmark. */
  rasterMs: number;
  encodeMs: number;
}

export type PngEncoding = 'compact' | 'fast' | 'resvg';

/**
 * SVG to PNG: resvg draws the pixels; `compact` (the default) encodes them with our lossless encoder
 * (indexed or RGB, native deflate: under half the bytes of resvg's own `asPng()` for text cards),
 * `fast` the same without the filter search (an intermediate PNG on its way to JPEG), `resvg` keeps
 * `asPng()` for comparison in the benchmark. The wasm-side objects are freed at once: wasm
 * memory is not garbage collected.
 */
export async function rasterise(svg: string, encoding: PngEncoding = 'compact'): Promise<Raster> {
  await resvgReady();
  const started = performance.now();
  // Satori draws text as paths, so resvg needs no fonts.
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  try {
    const image = resvg.render();
    try {
      if (encoding === 'resvg') {
        const rendered = performance.now();
        const png = image.asPng();
        return { png, rasterMs: rendered - started, encodeMs: performance.now() - rendered };
      }
      const { pixels, width, height } = image;
      const rendered = performance.now();
      const png = await encodePng(pixels, width, height, { effort: encoding === 'fast' ? 'fast' : 'small' });
      return { png, rasterMs: rendered - started, encodeMs: performance.now() - rendered };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/**
 * SVG to premultiplied RGBA pixels (a copy in JavaScript memory), for a card that is composited before
 * it is encoded. The wasm-side objects are freed at once.
 */
export async function renderPixels(svg: string): Promise<{ pixels: Uint8Array; width: number; height: number; rasterMs: number }> {
  await resvgReady();
  const started = performance.now();
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  try {
    const image = resvg.render();
    try {
      const { pixels, width, height } = image;
      return { pixels, width, height, rasterMs: performance.now() - started };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** Encodes rendered pixels as PNG with our encoder (`fast` or `compact`). */
export async function encodePixels(pixels: Uint8Array, width: number, height: number, encoding: PngEncoding): Promise<Uint8Array> {
  return encodePng(pixels, width, height, { effort: encoding === 'fast' ? 'fast' : 'small' });
}

/** SVG to PNG bytes with the default encoder. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  return (await rasterise(svg)).png;
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new Blob([bytes]).stream();
}

/** Re-encodes an image as JPEG with the Images binding. */
export async function encodeJpeg(images: ImagesBinding, bytes: Uint8Array, quality: number): Promise<Uint8Array> {
  const result = await images.input(streamOf(bytes)).output({ format: 'image/jpeg', quality });
  return new Uint8Array(await result.response().arrayBuffer());
}

/**
 * Scales an image to exactly `width` x `height` pixels (`fit: squeeze`: the caller keeps the aspect,
 * within a pixel of rounding) as PNG with the Images binding: lossless, so the only resampling a photo
 * card's photo goes through is this one. The body is returned unread, to be decoded as it arrives.
 */
export async function scaleToPng(images: ImagesBinding, bytes: Uint8Array, width: number, height: number): Promise<ReadableStream<Uint8Array>> {
  const result = await images.input(streamOf(bytes)).transform({ width, height, fit: 'squeeze' }).output({ format: 'image/png' });
  const body = result.response().body;
  if (!body) throw new Error('Images binding answered no body');
  return body;
}

/** Scales an image down to `width` x `height` (its aspect kept) as JPEG with the Images binding. */
export async function scaleToJpeg(images: ImagesBinding, bytes: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const result = await images
    .input(streamOf(bytes))
    .transform({ width, height, fit: 'scale-down' })
    .output({ format: 'image/jpeg', quality: 85 });
  return new Uint8Array(await result.response().arrayBuffer());
}
