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
  let raster: { pixels: Uint8Array; width: number; height: number };
  try {
    const image = resvg.render();
    try {
      if (encoding === 'resvg') {
        const rendered = performance.now();
        const png = image.asPng();
        return { png, rasterMs: rendered - started, encodeMs: performance.now() - rendered };
      }
      // `pixels` is a copy in JS memory: the wasm pixmap is freed before the asynchronous encode, so
      // renders running side by side never hold several pixmaps in wasm memory (which never shrinks).
      raster = { pixels: image.pixels, width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
  const rendered = performance.now();
  const png = await encodePng(raster.pixels, raster.width, raster.height, { effort: encoding === 'fast' ? 'fast' : 'small' });
  return { png, rasterMs: rendered - started, encodeMs: performance.now() - rendered };
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
