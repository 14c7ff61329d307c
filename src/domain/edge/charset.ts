/**
 * Character encodings of origin pages. HTMLRewriter decodes with the charset of the Content-Type
 * header only (utf-8 when absent), so a page that declares its encoding only in `<meta charset>`
 * (HTML §13.2.3.2, "prescan": within the first 1024 bytes) needs the sniffing done here.
 */

export function charsetFromContentType(contentType: string | null): string | undefined {
  const m = contentType ? /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType) : null;
  return m ? m[1]!.toLowerCase() : undefined;
}

/** `<meta charset=…>` or `<meta http-equiv=content-type content="…charset=…">` in the first 1024 bytes. */
export function sniffMetaCharset(head: Uint8Array): string | undefined {
  let text = '';
  const n = Math.min(head.length, 1024);
  for (let i = 0; i < n; i++) text += String.fromCharCode(head[i]!);
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(text);
  return direct ? direct[1]!.toLowerCase() : undefined;
}

export const isUtf8 = (charset: string | undefined) => !charset || charset === 'utf-8' || charset === 'utf8' || charset === 'unicode-1-1-utf-8';

/**
 * HTML made of ASCII only: every other character as a numeric character reference (HTML §13.1.4),
 * which reads the same in any ASCII-compatible encoding. For markup this service built, whose
 * `<script>` contents are already ASCII (see asciiJson): references are not decoded inside scripts.
 */
export function asciiSafeHtml(html: string): string {
  return html.replace(/[^\x00-\x7f]/gu, (ch) => `&#x${ch.codePointAt(0)!.toString(16)};`);
}

/** JSON text with every non-ASCII UTF-16 code unit as a `\uXXXX` escape (RFC 8259 §7). */
export function asciiJson(json: string): string {
  return json.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
