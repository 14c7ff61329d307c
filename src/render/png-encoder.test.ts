import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { encodePng } from './png-encoder';

function image(width: number, height: number, alpha: (x: number, y: number) => number) {
  const px = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      // Flat areas, a gradient and hard edges: what cards are made of.
      px[o] = x < width / 2 ? 11 : (x * 7) & 0xff;
      px[o + 1] = (y * 3) & 0xff;
      px[o + 2] = (x ^ y) & 1 ? 240 : 20;
      px[o + 3] = alpha(x, y);
    }
  }
  return px;
}

function rgbaOf(decoded: ReturnType<typeof decode>): Uint8Array {
  const { data, channels, width, height, palette } = decoded;
  if (palette) {
    const out = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const [r, g, b] = palette[data[i]!]!;
      out.set([r!, g!, b!, 255], i * 4);
    }
    return out;
  }
  if (channels === 4) return new Uint8Array(data);
  const out = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < out.length; i += 4, j += 3) {
    out[i] = data[j]!;
    out[i + 1] = data[j + 1]!;
    out[i + 2] = data[j + 2]!;
    out[i + 3] = 255;
  }
  return out;
}

describe('encodePng', () => {
  it('round-trips an opaque image pixel-exact as RGB', async () => {
    const px = image(173, 91, () => 255);
    const png = await encodePng(px, 173, 91);
    const decoded = decode(png);
    expect(decoded.width).toBe(173);
    expect(decoded.height).toBe(91);
    expect(decoded.channels).toBe(3);
    expect(rgbaOf(decoded)).toEqual(px);
  });

  it('keeps alpha when any pixel is translucent', async () => {
    const px = image(64, 40, (x, y) => (x + y) % 255);
    const decoded = decode(await encodePng(px, 64, 40));
    expect(decoded.channels).toBe(4);
    expect(rgbaOf(decoded)).toEqual(px);
  });

  it('writes an indexed PNG when there are at most 256 colours', async () => {
    const px = new Uint8Array(320 * 200 * 4);
    for (let i = 0; i < 320 * 200; i++) px.set([(i % 100) * 2, 40, (i >> 8) % 3 ? 200 : 10, 255], i * 4);
    const png = await encodePng(px, 320, 200);
    const decoded = decode(png);
    expect(decoded.palette?.length).toBeLessThanOrEqual(256);
    expect(decoded.channels).toBe(1);
    expect(rgbaOf(decoded)).toEqual(px);
  });

  it('uses every filter type on suitable rows and still decodes', async () => {
    const px = image(300, 300, () => 255);
    const png = await encodePng(px, 300, 300);
    expect(rgbaOf(decode(png))).toEqual(px);
  });

  it('round-trips with the fast effort too, which the default effort never outgrows', async () => {
    const px = image(300, 200, () => 255);
    const fast = await encodePng(px, 300, 200, { effort: 'fast' });
    const small = await encodePng(px, 300, 200);
    expect(rgbaOf(decode(fast))).toEqual(px);
    expect(small.byteLength).toBeLessThanOrEqual(fast.byteLength);
  });

  it('round-trips translucent pixels with the fast effort', async () => {
    const px = image(301, 117, (x, y) => (x * y) & 0xff);
    expect(rgbaOf(decode(await encodePng(px, 301, 117, { effort: 'fast' })))).toEqual(px);
  });

  it('refuses a buffer of the wrong size', async () => {
    await expect(encodePng(new Uint8Array(10), 2, 2)).rejects.toThrow(RangeError);
  });
});
