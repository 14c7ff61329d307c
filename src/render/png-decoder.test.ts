import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { decodePngRows, PngDecodeError, type PngHeader } from './png-decoder';
import { encodePng } from './png-encoder';

/** The bytes as a stream of `size`-byte chunks (decoding must not depend on where reads end). */
function streamOf(bytes: Uint8Array, size = 7): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

async function decodeAll(bytes: Uint8Array, size?: number): Promise<{ header: PngHeader; data: Uint8Array }> {
  let data = new Uint8Array(0);
  let rows = 0;
  const header = await decodePngRows(
    streamOf(bytes, size),
    (h) => (data = new Uint8Array(h.width * h.height * h.channels)),
    (y, row) => {
      expect(y).toBe(rows++);
      data.set(row, y * row.length);
    },
  );
  return { header, data };
}

/** Flat areas, gradients and noise: rows on which each of the five filters wins somewhere. */
function pixels(width: number, height: number, channels: number): Uint8Array {
  const px = new Uint8Array(width * height * channels);
  let seed = 7;
  for (let i = 0; i < px.length; i++) {
    const p = Math.floor(i / channels);
    const x = p % width;
    const y = Math.floor(p / width);
    seed = (seed * 1103515245 + 12345) >>> 0;
    px[i] = y % 3 === 0 ? (x * 5 + y) & 0xff : x < width / 2 ? 200 : seed >>> 24;
  }
  if (channels === 4) for (let i = 3; i < px.length; i += 4) px[i] = 255;
  return px;
}

describe('decodePngRows', () => {
  it('decodes RGB written with every filter type, whatever the chunk sizes of the stream', async () => {
    const rgba = pixels(257, 90, 4);
    const png = await encodePng(rgba, 257, 90); // opaque: RGB, per-row filters
    for (const size of [1, 7, 4096, png.length]) {
      const { header, data } = await decodeAll(png, size);
      expect(header).toEqual({ width: 257, height: 90, channels: 3 });
      const expected = new Uint8Array(257 * 90 * 3);
      for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) expected.set(rgba.subarray(i, i + 3), j);
      expect(data).toEqual(expected);
    }
  });

  it('decodes greyscale, grey with alpha and RGBA as another encoder writes them', async () => {
    for (const channels of [1, 2, 4] as const) {
      const data = pixels(64, 33, channels);
      const png = encode({ width: 64, height: 33, data, channels, depth: 8 });
      const decoded = await decodeAll(png);
      expect(decoded.header.channels).toBe(channels);
      expect(decoded.data).toEqual(data);
    }
  });

  it('refuses what it does not decode, and truncated or corrupt files, with PngDecodeError', async () => {
    const indexed = encode({ width: 2, height: 1, data: new Uint8Array([0, 1]), channels: 1, depth: 8, palette: [[0, 0, 0], [255, 255, 255]] });
    const sixteen = encode({ width: 2, height: 1, data: new Uint16Array([1, 2]), channels: 1, depth: 16 });
    const good = await encodePng(pixels(40, 40, 4), 40, 40);
    const corrupt = good.slice();
    corrupt.fill(0x55, 60, 90); // inside IDAT
    for (const bad of [indexed, sixteen, good.subarray(0, good.length - 20), corrupt, new TextEncoder().encode('GIF89a not a png')]) {
      await expect(decodeAll(bad)).rejects.toBeInstanceOf(PngDecodeError);
    }
  });

  it('stops at once when the header handler throws', async () => {
    const png = await encodePng(pixels(8, 8, 4), 8, 8, { effort: 'fast' });
    let rows = 0;
    await expect(
      decodePngRows(streamOf(png), () => { throw new PngDecodeError('wrong size'); }, () => rows++),
    ).rejects.toThrow('wrong size');
    expect(rows).toBe(0);
  });
});
