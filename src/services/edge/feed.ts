// The origin body as the rewriter reads it (src/services/edge/rewrite-stream.ts), with look-ahead
// kept for later reads (the share bar's place at the start of <main>, rewrite-page.ts).

/** Bytes read ahead, at most, to decide whether the share bar's element is coming inside `<main>`. */
export const LOOKAHEAD_BYTES = 256 * 1024;

/** The origin body as the rewriter reads it, with look-ahead kept for later reads. */
export class Feed {
  private readonly queue: Uint8Array[];
  /**
   * The last two chunks handed out, kept as bytes: they become Latin-1 text (markup is ASCII in every
   * charset the rewriter reads) only when a look-ahead asks, not for every chunk of every page.
   */
  private recent: Uint8Array[] = [];

  /** `initial`: chunks already read from `reader` (a peek at the first), handed out first. */
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>, initial: Uint8Array[] = []) {
    this.queue = [...initial];
  }

  async next(): Promise<Uint8Array | undefined> {
    const queued = this.queue.shift();
    const chunk = queued ?? (await this.reader.read()).value;
    if (chunk) this.recent = [...this.recent.slice(-1), chunk];
    return chunk;
  }

  /** The recent text and what follows, reading ahead until `enough` says so or `limit` bytes. */
  async lookAhead(enough: (text: string) => boolean, limit: number): Promise<string> {
    let text = this.recent.map(latin1).join('') + this.queue.map(latin1).join('');
    let read = 0;
    while (!enough(text) && read < limit) {
      const { done, value } = await this.reader.read();
      if (done) break;
      this.queue.push(value);
      read += value.byteLength;
      text += latin1(value);
    }
    return text;
  }

  cancel(reason?: unknown): Promise<void> {
    return this.reader.cancel(reason);
  }
}

export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}
