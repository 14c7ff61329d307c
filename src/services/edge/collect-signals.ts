import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { charsetFromContentType, isUtf8, sniffMetaCharset } from '../../domain/edge';
import type { PageSignals } from '../../domain/extraction';

/** Bytes of a page read for extraction; the head and the headline come well before this. */
export const EXTRACTION_BYTES = 512 * 1024;

/** Reads at most `limit` bytes of a body, then cancels the rest. */
export async function readPrefix(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const out = new Uint8Array(Math.min(size, limit));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, Math.min(c.byteLength, out.length - at));
    out.set(part, at);
    at += part.byteLength;
    if (at >= out.length) break;
  }
  return out;
}

/**
 * The page as text: the charset of Content-Type, else the `<meta charset>` in the first 1024 bytes
 * (HTMLRewriter alone would read both as UTF-8), else UTF-8. An unknown label falls back to UTF-8.
 */
export function decodePage(bytes: Uint8Array, contentType: string | null): string {
  const charset = charsetFromContentType(contentType) ?? sniffMetaCharset(bytes);
  if (!isUtf8(charset)) {
    try {
      return new TextDecoder(charset!).decode(bytes);
    } catch {
      // an encoding the runtime does not know
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** Collects PageSignals from page text with HTMLRewriter (text chunks concatenated, entities decoded). */
export async function collectSignals(html: string, finalUrl: string): Promise<PageSignals> {
  const signals: PageSignals = { finalUrl, metas: [], jsonLd: [] };
  const attr = (v: string | null) => (v === null ? undefined : decodeHTMLAttribute(v));
  const textOf = (assign: (text: string) => void, once: () => boolean) => {
    let buffer = '';
    let active = false;
    return {
      element(e: Element) {
        if (once()) return;
        active = true;
        buffer = '';
        e.onEndTag(() => {
          active = false;
          const t = decodeHTML(buffer).replace(/\s+/g, ' ').trim();
          if (t) assign(t);
        });
      },
      text(t: Text) {
        if (active) buffer += t.text;
      },
    };
  };
  let ld = '';
  await new HTMLRewriter()
    .on('html', { element: (e) => void (signals.htmlLang = attr(e.getAttribute('lang'))) })
    .on('head meta', {
      element(e) {
        const key = e.getAttribute('property') ?? e.getAttribute('name') ?? e.getAttribute('itemprop');
        const content = e.getAttribute('content');
        if (key && content !== null) signals.metas.push({ key: decodeHTMLAttribute(key).trim().toLowerCase(), content: decodeHTMLAttribute(content) });
      },
    })
    .on('head link[rel="canonical" i]', { element: (e) => void (signals.canonical ??= attr(e.getAttribute('href'))) })
    .on('head title', textOf((t) => (signals.title = t), () => signals.title !== undefined))
    .on('article h1', textOf((t) => (signals.articleH1 = t), () => signals.articleH1 !== undefined))
    .on('article p', textOf((t) => (signals.articleParagraph = t), () => signals.articleParagraph !== undefined))
    .on('article time[datetime]', { element: (e) => void (signals.articleTime ??= attr(e.getAttribute('datetime'))) })
    .on('script[type="application/ld+json" i]', {
      element(e) {
        ld = '';
        e.onEndTag(() => void signals.jsonLd.push(ld));
      },
      text(t) {
        ld += t.text;
      },
    })
    .transform(new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }))
    .arrayBuffer();
  return signals;
}
