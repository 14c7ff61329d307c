import type { OembedResponse } from './oembed';

// Characters XML 1.0 forbids anywhere (§2.2 Char): C0 controls other than tab, LF and CR, lone
// surrogates, U+FFFE and U+FFFF. They cannot be escaped, only dropped.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function escapeXml(s: string): string {
  return s
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The XML form of an answer (oEmbed 1.0 §2.3.4): a declaration, an `<oembed>` root and one element per
 * field in the JSON's order, every value escaped. No DOCTYPE: WordPress refuses XML that has one.
 */
export function oembedXml(response: OembedResponse): string {
  const fields = Object.entries(response)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`);
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>${fields.join('')}</oembed>\n`;
}
