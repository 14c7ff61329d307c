/**
 * A lossless PNG encoder for rendered cards (PNG spec, W3C REC 2003).
 *
 * resvg's `asPng()` writes RGBA. A card is opaque, mostly flat colour with anti-aliased text, and
 * usually has fewer than 256 colours. So, in order of preference:
 * - indexed colour (colour type 3, §11.2.3 PLTE) with filter None, which suits palette images (§12.6);
 * - else RGB (colour type 2) when every pixel is opaque, else RGBA, filtered either with None on every
 *   row or per row by the minimum-sum-of-absolute-differences heuristic (§12.8), whichever deflates
 *   smaller (flat text areas favour None, photos favour the heuristic);
 * deflated with the runtime's native zlib through `CompressionStream('deflate')` (RFC 1950, what IDAT
 * holds), which is much faster than any deflate written in JavaScript.
 * A PNG that is only passed on to be re-encoded (`fast`) is RGB or RGBA with filter None, deflated at
 * zlib's fastest level through the runtime's node:zlib (CompressionStream has no level).
 */
import { deflateSync } from 'node:zlib';

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

interface Analysis {
  opaque: boolean;
  /** Palette index per pixel and the palette (0xAABBGGRR words), when there are at most 256 colours. */
  indices?: Uint8Array;
  palette?: Uint32Array;
}

const NO_KEY = 0; // a colour word of 0 is transparent black: never in an opaque palette

/**
 * One pass over the pixels: whether all are opaque, and the palette when there are at most 256
 * colours (an open-addressing hash table on the 32-bit pixel words; neighbouring pixels usually
 * repeat, so the last hit is checked first).
 */
function analyse(rgba: Uint8Array): Analysis {
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.byteLength >>> 2);
  const keys = new Uint32Array(1024);
  const slots = new Uint16Array(1024);
  const palette = new Uint32Array(256);
  const indices = new Uint8Array(words.length);
  let colours = 0;
  let lastWord = -1;
  let lastIndex = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === lastWord) {
      indices[i] = lastIndex;
      continue;
    }
    if (w >>> 24 !== 255) return { opaque: !hasTranslucent(rgba, i) };
    let h = (Math.imul(w, 0x9e3779b1) >>> 22) & 1023;
    while (keys[h] !== NO_KEY && keys[h] !== w) h = (h + 1) & 1023;
    if (keys[h] === NO_KEY) {
      if (colours === 256) return { opaque: true };
      keys[h] = w;
      slots[h] = colours;
      palette[colours++] = w;
    }
    lastWord = w;
    lastIndex = slots[h]!;
    indices[i] = lastIndex;
  }
  return { opaque: true, indices, palette: palette.subarray(0, colours) };
}

function hasTranslucent(rgba: Uint8Array, fromPixel: number): boolean {
  for (let i = fromPixel * 4 + 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return true;
  return false;
}

/** Rows with filter type None: a zero byte before each scanline. */
function unfiltered(raw: Uint8Array, stride: number, height: number): Uint8Array {
  const out = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) out.set(raw.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return out;
}

/** Rows with filter type None straight from RGBA, dropping alpha when `bpp` is 3: one pass. */
function unfilteredFromRgba(rgba: Uint8Array, width: number, height: number, bpp: 3 | 4): Uint8Array {
  if (bpp === 4) return unfiltered(rgba, width * 4, height);
  const out = new Uint8Array(height * (width * 3 + 1));
  for (let y = 0, i = 0, o = 0; y < height; y++) {
    o++; // filter type 0
    for (let x = 0; x < width; x++, i += 4, o += 3) {
      out[o] = rgba[i]!;
      out[o + 1] = rgba[i + 1]!;
      out[o + 2] = rgba[i + 2]!;
    }
  }
  return out;
}

/** Paeth predictor (PNG §9.4), shared with the decoder. */
export function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Per row, the filter whose output has the smallest sum of absolute signed values (§12.8). */
function heuristicFiltered(raw: Uint8Array, stride: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * (stride + 1));
  const candidates = Array.from({ length: 5 }, () => new Uint8Array(stride));
  const zero = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = raw.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? raw.subarray((y - 1) * stride, y * stride) : zero;
    let best = 0;
    let bestScore = Infinity;
    for (let f = 0; f < 5; f++) {
      const line = candidates[f]!;
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const x = row[i]!;
        const a = i >= bpp ? row[i - bpp]! : 0;
        const b = prev[i]!;
        const c = i >= bpp ? prev[i - bpp]! : 0;
        const v = f === 0 ? x : f === 1 ? x - a : f === 2 ? x - b : f === 3 ? x - ((a + b) >>> 1) : x - paeth(a, b, c);
        const byte = v & 0xff;
        line[i] = byte;
        score += byte < 128 ? byte : 256 - byte;
        if (score >= bestScore) break; // this filter cannot win; the winner's line is always complete
      }
      if (score < bestScore) {
        bestScore = score;
        best = f;
      }
    }
    out[y * (stride + 1)] = best;
    out.set(candidates[best]!, y * (stride + 1) + 1);
  }
  return out;
}

function header(width: number, height: number, colourType: 2 | 3 | 6): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colourType;
  // compression 0 (deflate), filter method 0 (adaptive), interlace 0 (none): all zero.
  return ihdr;
}

function assemble(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(SIGNATURE.length + chunks.reduce((n, c) => n + c.length, 0));
  out.set(SIGNATURE, 0);
  let o = SIGNATURE.length;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export interface PngOptions {
  /**
   * `small` (default): the smallest of the forms above. `fast`: RGB or RGBA with filter None, without
   * the palette or filter search, deflated at level 1, for a PNG that is only passed on to be
   * re-encoded (photo cards become JPEG through the Images binding): some 10% more bytes than zlib's
   * default level in half the time. Still deflated: it crosses to the binding, and stored blocks
   * would make it seven times larger (docs/performance.md).
   */
  effort?: 'small' | 'fast';
}

/**
 * Runs the encoder's passes over pixels (palette search, RGB packing, both row filterings, CRC)
 * without deflating, and answers a checksum of what they made. The module-load warm-up calls it on its
 * own small raster (src/render/module-warm-up.ts) to get this JavaScript compiled before the first
 * card; deflating is the runtime's native code, which needs no warming.
 */
export function warmUpPixelPasses(rgba: Uint8Array, width: number, height: number): number {
  const { indices } = analyse(rgba);
  const raw = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    raw[j] = rgba[i]!;
    raw[j + 1] = rgba[i + 1]!;
    raw[j + 2] = rgba[i + 2]!;
  }
  const rows = [unfiltered(indices ?? raw, indices ? width : width * 3, height), heuristicFiltered(raw, width * 3, height, 3)];
  return rows.reduce((sum, r) => sum ^ crc32(r, 0, r.length), 0);
}

/** Encodes RGBA pixels (as resvg renders them) as the smallest of the lossless forms above. */
export async function encodePng(rgba: Uint8Array, width: number, height: number, options: PngOptions = {}): Promise<Uint8Array> {
  if (rgba.length !== width * height * 4) throw new RangeError(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const end = chunk('IEND', new Uint8Array(0));
  if (options.effort === 'fast') {
    // Only decoded again (on the way to JPEG): no palette search, no filter search.
    const opaque = !hasTranslucent(rgba, 0);
    const idat = deflateSync(unfilteredFromRgba(rgba, width, height, opaque ? 3 : 4), { level: 1 });
    return assemble([chunk('IHDR', header(width, height, opaque ? 2 : 6)), chunk('IDAT', idat), end]);
  }
  const { opaque, indices, palette } = analyse(rgba);

  if (indices && palette) {
    const plte = new Uint8Array(palette.length * 3);
    for (let i = 0; i < palette.length; i++) {
      const w = palette[i]!;
      plte[i * 3] = w & 0xff;
      plte[i * 3 + 1] = (w >>> 8) & 0xff;
      plte[i * 3 + 2] = (w >>> 16) & 0xff;
    }
    const idat = await deflate(unfiltered(indices, width, height));
    return assemble([chunk('IHDR', header(width, height, 3)), chunk('PLTE', plte), chunk('IDAT', idat), end]);
  }

  const bpp = opaque ? 3 : 4;
  let raw = rgba;
  if (opaque) {
    raw = new Uint8Array(width * height * 3);
    for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
      raw[j] = rgba[i]!;
      raw[j + 1] = rgba[i + 1]!;
      raw[j + 2] = rgba[i + 2]!;
    }
  }
  const stride = width * bpp;
  const [plain, filtered] = await Promise.all([deflate(unfiltered(raw, stride, height)), deflate(heuristicFiltered(raw, stride, height, bpp))]);
  const idat = plain.length <= filtered.length ? plain : filtered;
  return assemble([chunk('IHDR', header(width, height, opaque ? 2 : 6)), chunk('IDAT', idat), end]);
}
