/**
 * Drives the page rewrite (rewrite-page.ts) over the origin body, and recovers when HTMLRewriter fails.
 *
 * In workerd a handler that throws (or a parser error such as its 3 MiB memory cap) poisons the
 * rewriter: later handlers are not called, output already produced is flushed, the rest of the input
 * is dropped and the transformed body errors (workerd src/workerd/api/html-rewriter.c++, `thunkImpl`,
 * `outputImpl`, `finishWrite`; the Cloudflare docs' HTMLRewriter "Errors"). A body that errors after
 * the headers went out ends the response early and, in workerd, looks like a complete one
 * (cloudflare/workerd#6818). So the rewriter's output is never returned as it is:
 *
 * - Before the first rewritten byte (nothing returned yet) a failure gives the original page: the bytes
 *   the rewriter read, then the rest of origin's body (`rewritten: false`, origin's headers).
 * - After that, the rest of the original page follows what was sent: the point the output stopped at
 *   is found in the original bytes the rewriter read (the longest output tail that occurs exactly once
 *   in them), and the original bytes from there on are passed through untouched, then the rest of the
 *   body. When no such point is found, the bytes the rewriter never read still follow: never a page cut
 *   short with the rest of origin's body missing. See docs/edge-mode.md, "When rewriting fails".
 */

import { Feed, latin1 } from './feed';
import { buildRewriter, headInjection, type RewriteInput, type RewriteState } from './rewrite-page';

/** Bytes of the page that may go through the rewriter before the rest is piped as it is. */
export const REGION_BYTES = 1024 * 1024;

/** Output tails tried, longest first, to find where the rewriter's output stopped in the original. */
const TAIL_LENGTHS = [4096, 1024, 256, 64, 16];
/** Characters of output kept to find that point. */
const TAIL_WINDOW = 16 * 1024;
/** Length of the start and end of an injected piece that identify it in the output. */
const MARK = 48;

export interface RewriteOptions {
  /** Adds handlers after the page's own (tests add one that throws). */
  extend?: (rewriter: HTMLRewriter) => HTMLRewriter;
}

export interface RewriteResult {
  body: ReadableStream<Uint8Array>;
  /** False when the rewriter failed before its first byte: `body` is origin's page, unchanged. */
  rewritten: boolean;
}

/** The end of the one occurrence in `original` of the longest tail probe of `text` that occurs once. */
function uniqueEnd(original: string, text: string): number | undefined {
  for (const length of new Set(TAIL_LENGTHS.map((l) => Math.min(l, text.length)))) {
    if (length < Math.min(16, text.length) || !length) continue;
    const probe = text.slice(-length);
    const at = original.lastIndexOf(probe);
    if (at >= 0 && original.indexOf(probe) === at) return at + probe.length;
  }
  return undefined;
}

/**
 * Where in `original` (the bytes the rewriter read, as Latin-1) the output that ends in `tail` stopped.
 * Output is the original with elements removed and `injected` pieces inserted, so the tail is matched
 * as it is, else without the last injected piece: what followed it, else what preceded it (the place
 * it was inserted at; elements removed after that place then come again, untouched). Undefined when
 * no probe occurs exactly once.
 */
export function resumeOffset(original: string, tail: string, injected: readonly string[] = []): number | undefined {
  const direct = uniqueEnd(original, tail);
  if (direct !== undefined) return direct;
  let best: { start: number; end: number } | undefined;
  for (const piece of injected) {
    if (!piece) continue;
    const endMark = piece.slice(-MARK);
    const end = tail.lastIndexOf(endMark);
    if (end < 0 || (best && end + endMark.length <= best.end)) continue;
    const startMark = piece.slice(0, MARK);
    const start = tail.lastIndexOf(startMark, end + endMark.length - piece.length);
    best = { start: start >= 0 ? start : -1, end: end + endMark.length };
  }
  if (!best) return undefined;
  const after = tail.slice(best.end);
  if (after.trim().length >= 16) {
    const at = uniqueEnd(original, after);
    if (at !== undefined) return at;
  }
  return best.start > 0 ? uniqueEnd(original, tail.slice(0, best.start)) : undefined;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * The rewritten body, once the rewriter has produced its first bytes (or failed). The origin body is
 * read chunk by chunk as the client reads: the rewriter's input is pulled (high-water mark 0), so after
 * the share bar is placed the next pull ends the rewriter's input and the remaining bytes are copied as
 * they arrive. Origin's body is cancelled only when the client goes away.
 */
export async function rewriteBody(
  body: { reader: ReadableStreamDefaultReader<Uint8Array>; first?: Uint8Array | undefined },
  input: RewriteInput, contentType: string, options: RewriteOptions = {},
): Promise<RewriteResult> {
  const state: RewriteState = { placed: !input.shareBarHtml, headDone: false };
  const feed = new Feed(body.reader, body.first ? [body.first] : []);
  // What the rewriter read, kept until it is done with it (at most REGION_BYTES and one chunk).
  let read: Uint8Array[] = [];
  let fed = 0;
  // A read of origin's body for the rewriter that may still be running when the rewriter fails: its
  // chunk is kept in `read`, and the recovery waits for it, so no byte is lost or reordered.
  let pulling: Promise<void> = Promise.resolve();
  const source = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulling = (async () => {
          if ((state.placed && state.headDone) || fed >= REGION_BYTES) return controller.close();
          const value = await feed.next();
          if (!value) return controller.close();
          fed += value.byteLength;
          read.push(value);
          controller.enqueue(value);
        })();
        return pulling;
      },
      // A failing rewriter cancels its input: origin's body stays open for the pass-through.
      cancel: () => undefined,
    },
    { highWaterMark: 0 },
  );
  const original = async () => {
    await pulling.catch(() => undefined);
    const bytes = concat(read);
    read = [];
    return bytes;
  };
  const rest = (head: Uint8Array) => new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength) controller.enqueue(head);
    },
    async pull(controller) {
      const value = await feed.next();
      if (value) controller.enqueue(value);
      else controller.close();
    },
    cancel: (reason) => feed.cancel(reason),
  }, { highWaterMark: 0 });

  let output: ReadableStreamDefaultReader<Uint8Array>;
  let first: ReadableStreamReadResult<Uint8Array>;
  try {
    let rewriter = buildRewriter(input, state, feed);
    if (options.extend) rewriter = options.extend(rewriter);
    output = rewriter.transform(new Response(source, { headers: { 'content-type': contentType } })).body!.getReader();
    first = await output.read();
  } catch (err) {
    console.warn(JSON.stringify({ event: 'edge-rewrite-failed', phase: 'before-first-byte', reason: String(err) }));
    return { body: rest(await original()), rewritten: false };
  }

  // Pulled as the client reads (no copy through a second stream): the rewriter's output, then, once
  // its part is done or it failed, the rest of origin's body.
  let pending: ReadableStreamReadResult<Uint8Array> | undefined = first;
  let rewriting = true;
  // The last output chunks, as bytes: made into text only if the rewriter fails.
  let recent: Uint8Array[] = [];
  let recentBytes = 0;
  async function resume(failure: unknown, controller: ReadableStreamDefaultController<Uint8Array>) {
    const all = await original();
    // The pieces as the output carries them: UTF-8 bytes (legacy-charset pages get ASCII pieces).
    const injected = [headInjection(input), input.shareBarHtml ?? ''].map((piece) => latin1(new TextEncoder().encode(piece)));
    const at = resumeOffset(latin1(all), latin1(concat(recent)).slice(-TAIL_WINDOW), injected);
    recent = [];
    console.warn(JSON.stringify({ event: 'edge-rewrite-failed', phase: 'streaming', resumedAt: at ?? null, read: all.byteLength, reason: String(failure) }));
    if (at !== undefined && at < all.byteLength) controller.enqueue(all.subarray(at));
  }
  const readable = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        while (rewriting) {
          let next: ReadableStreamReadResult<Uint8Array>;
          try {
            next = pending ?? (await output.read());
          } catch (failure) {
            rewriting = false;
            return await resume(failure, controller);
          }
          pending = undefined;
          if (next.done) {
            rewriting = false;
            read = [];
            recent = [];
            break;
          }
          if (!next.value.byteLength) continue;
          recent.push(next.value);
          recentBytes += next.value.byteLength;
          while (recent.length > 1 && recentBytes - recent[0]!.byteLength >= TAIL_WINDOW) recentBytes -= recent.shift()!.byteLength;
          return controller.enqueue(next.value);
        }
        const value = await feed.next();
        if (value) controller.enqueue(value);
        else controller.close();
      } catch (err) {
        // Origin's body failed mid-way: the client's copy ends with that error too.
        console.warn(JSON.stringify({ event: 'edge-stream-failed', reason: String(err) }));
        controller.error(err);
      }
    },
    async cancel(reason) {
      // The client went away.
      await output.cancel(reason).catch(() => undefined);
      await feed.cancel(reason).catch(() => undefined);
    },
  }, { highWaterMark: 0 });
  return { body: readable, rewritten: true };
}
