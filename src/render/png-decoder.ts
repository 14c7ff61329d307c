/**
 * A streaming PNG decoder for photos the Images binding has already scaled (PNG spec, W3C REC 2003):
 * 8-bit greyscale, grey + alpha, RGB or RGBA, not interlaced, which is what image encoders write for
 * photos. Chunks are read from the stream as they arrive, IDAT data is inflated by the runtime's
 * native zlib (`DecompressionStream('deflate')`, RFC 1950) and each scanline is unfiltered (§9) and
 * handed on as soon as it is complete, so neither the whole encoded file nor the whole decoded image
 * is ever held: two scanlines at a time.
 */
import { paeth } from './png-encoder';

export class PngDecodeError extends Error {
  override name = 'PngDecodeError';
}

export interface PngHeader {
  width: number;
  height: number;
  /** Samples per pixel: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA. */
  channels: 1 | 2 | 3 | 4;
}

/** Called with each unfiltered scanline (`channels` bytes a pixel); the buffer is reused afterwards. */
export type RowSink = (y: number, row: Uint8Array) => void;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, PngHeader['channels']> = { 0: 1, 4: 2, 2: 3, 6: 4 };
/** Pixels a decoded photo may have (its rows are streamed, but a bound keeps bad input cheap). */
const MAX_PIXELS = 16_000_000;

/** Reads exact byte counts from a stream, keeping what a read returned beyond them. */
class ByteReader {
  private buffer: Uint8Array = new Uint8Array(0);
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** Up to `max` bytes (at least one), or undefined at the end of the stream. */
  async some(max: number): Promise<Uint8Array | undefined> {
    if (this.buffer.length === 0) {
      const { done, value } = await this.reader.read();
      if (done) return undefined;
      this.buffer = value;
    }
    const out = this.buffer.subarray(0, max);
    this.buffer = this.buffer.subarray(out.length);
    return out;
  }

  async exactly(n: number): Promise<Uint8Array> {
    const out = new Uint8Array(n);
    for (let got = 0; got < n; ) {
      const part = await this.some(n - got);
      if (!part) throw new PngDecodeError('truncated PNG');
      out.set(part, got);
      got += part.length;
    }
    return out;
  }
}

/** Reverses the scanline filter `type` of `row` in place, against the previous unfiltered row (§9.2). */
function unfilter(type: number, row: Uint8Array, prev: Uint8Array, bpp: number): void {
  const n = row.length;
  switch (type) {
    case 0:
      return;
    case 1:
      for (let i = bpp; i < n; i++) row[i] = (row[i]! + row[i - bpp]!) & 0xff;
      return;
    case 2:
      for (let i = 0; i < n; i++) row[i] = (row[i]! + prev[i]!) & 0xff;
      return;
    case 3:
      for (let i = 0; i < bpp; i++) row[i] = (row[i]! + (prev[i]! >>> 1)) & 0xff;
      for (let i = bpp; i < n; i++) row[i] = (row[i]! + ((row[i - bpp]! + prev[i]!) >>> 1)) & 0xff;
      return;
    case 4:
      for (let i = 0; i < bpp; i++) row[i] = (row[i]! + prev[i]!) & 0xff;
      for (let i = bpp; i < n; i++) row[i] = (row[i]! + paeth(row[i - bpp]!, prev[i]!, prev[i - bpp]!)) & 0xff;
      return;
    default:
      throw new PngDecodeError(`unknown filter type ${type}`);
  }
}

/**
 * Decodes the PNG in `body`, calling `onHeader` once before any row and `onRow` per scanline from top
 * to bottom. Throws PngDecodeError for anything but the forms above, or a truncated or corrupt file;
 * the stream is cancelled whenever decoding stops early.
 */
export async function decodePngRows(
  body: ReadableStream<Uint8Array>,
  onHeader: (header: PngHeader) => void,
  onRow: RowSink,
): Promise<PngHeader> {
  const reader = body.getReader();
  const bytes = new ByteReader(reader);
  let inflater: WritableStreamDefaultWriter<BufferSource> | undefined;
  try {
    const signature = await bytes.exactly(8);
    if (!SIGNATURE.every((b, i) => signature[i] === b)) throw new PngDecodeError('not a PNG');

    let header: PngHeader | undefined;
    let consuming: Promise<void> | undefined;
    for (;;) {
      const head = await bytes.exactly(8);
      const length = new DataView(head.buffer).getUint32(0);
      const type = String.fromCharCode(head[4]!, head[5]!, head[6]!, head[7]!);
      if (type === 'IHDR') {
        const data = await bytes.exactly(length);
        header = readHeader(data);
        onHeader(header);
      } else if (type === 'IDAT') {
        if (!header) throw new PngDecodeError('IDAT before IHDR');
        if (!inflater) {
          const stream = new DecompressionStream('deflate');
          inflater = stream.writable.getWriter();
          const writer = inflater;
          consuming = consumeRows(stream.readable.getReader(), header, onRow).catch((err: unknown) => {
            writer.abort(err).catch(() => {});
            throw err;
          });
          // Rejections are awaited below; this keeps one from being reported before that.
          consuming.catch(() => {});
        }
        for (let left = length; left > 0; ) {
          const part = await bytes.some(left);
          if (!part) throw new PngDecodeError('truncated PNG');
          left -= part.length;
          // Copied: the part is a view into a buffer the next read may replace.
          await Promise.race([inflater.write(part.slice()), consuming]);
        }
      } else if (type === 'IEND') {
        if (!inflater || !consuming || !header) throw new PngDecodeError('no image data');
        await Promise.race([inflater.close(), consuming]);
        await consuming;
        return header;
      } else {
        // Ancillary chunks (gAMA, sRGB, pHYs, ...) do not change the samples; a critical one would.
        if (/^[A-Z]/.test(type)) throw new PngDecodeError(`unsupported chunk ${type}`);
        for (let left = length; left > 0; ) {
          const part = await bytes.some(left);
          if (!part) throw new PngDecodeError('truncated PNG');
          left -= part.length;
        }
      }
      await bytes.exactly(4); // CRC: the zlib stream's own Adler-32 already guards the samples
    }
  } catch (err) {
    inflater?.abort(err).catch(() => {});
    await reader.cancel().catch(() => {});
    if (err instanceof PngDecodeError) throw err;
    throw new PngDecodeError(`corrupt PNG: ${String(err)}`);
  }
}

function readHeader(data: Uint8Array): PngHeader {
  if (data.length !== 13) throw new PngDecodeError('bad IHDR');
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = v.getUint32(0);
  const height = v.getUint32(4);
  const [depth, colourType, , , interlace] = [data[8]!, data[9]!, data[10]!, data[11]!, data[12]!];
  const channels = CHANNELS[colourType];
  if (depth !== 8 || !channels) throw new PngDecodeError(`unsupported PNG: bit depth ${depth}, colour type ${colourType}`);
  if (interlace !== 0) throw new PngDecodeError('interlaced PNG');
  if (width === 0 || height === 0 || width * height > MAX_PIXELS) throw new PngDecodeError(`bad size ${width}x${height}`);
  return { width, height, channels };
}

/** Cuts the inflated stream into scanlines, unfilters each and hands it on. */
async function consumeRows(reader: ReadableStreamDefaultReader<Uint8Array>, header: PngHeader, onRow: RowSink): Promise<void> {
  const bpp = header.channels;
  const stride = header.width * bpp;
  let row = new Uint8Array(stride);
  let prev = new Uint8Array(stride);
  let filter = -1;
  let filled = 0;
  let y = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; ) {
      if (y >= header.height) throw new PngDecodeError('more image data than rows');
      if (filter < 0) {
        filter = value[i++]!;
        continue;
      }
      const take = Math.min(stride - filled, value.length - i);
      row.set(value.subarray(i, i + take), filled);
      filled += take;
      i += take;
      if (filled === stride) {
        unfilter(filter, row, prev, bpp);
        onRow(y++, row);
        [row, prev] = [prev, row];
        filter = -1;
        filled = 0;
      }
    }
  }
  if (y !== header.height) throw new PngDecodeError(`image data ends at row ${y} of ${header.height}`);
}
