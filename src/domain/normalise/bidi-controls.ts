/**
 * Bidirectional formatting characters in stored text (Unicode Standard Annex #9, "Unicode Bidirectional
 * Algorithm", §2 "Directional Formatting Characters", https://www.unicode.org/reports/tr9/).
 *
 * - Overrides, LRO U+202D and RLO U+202E, force the display order of the characters after them
 *   whatever their own direction: `abc` drawn as `cba`. That is the tool of "Trojan Source" spoofing
 *   (CVE-2021-42574), and Unicode Technical Standard #55, "Unicode Source Code Handling" §4, and UTS
 *   #39, "Unicode Security Mechanisms", treat such reordering as a spoofing risk. News text has no use
 *   for them: a name in another script is ordered by the algorithm itself. Ingest refuses them.
 * - Embeddings (LRE U+202A, RLE U+202B, closed by PDF U+202C) and isolates (LRI U+2066, RLI U+2067,
 *   FSI U+2068, closed by PDI U+2069) are legitimate (word processors insert them around names), and
 *   UAX #9 §2.7 recommends isolates over embeddings. What they must not do is reach past their field:
 *   a headline ending inside an RLE reorders whatever a page, a share post or a card puts after it. So
 *   every field is balanced: openers left open are closed at the field's end (and before each
 *   paragraph separator, where UAX #9 rule P1 ends them anyway), and closers without an opener are
 *   dropped (a stray PDI would close an isolate the field was set in).
 */

export const LRO = '\u202d';
export const RLO = '\u202e';
const OVERRIDE = /[\u202d\u202e]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\n\r\u2029]/;
const PDF = '\u202c';
const PDI = '\u2069';

/** The offset of the first bidi override (LRO, RLO) in `text`, or -1. */
export function overrideOffset(text: string): number {
  const m = OVERRIDE.exec(text);
  return m ? m.index : -1;
}

/** Overrides turned into the embeddings of the same direction: the structure kept, the forced order gone. */
export function withoutOverrides(text: string): string {
  return OVERRIDE.test(text) ? text.replace(/[\u202d\u202e]/g, (c) => (c === LRO ? '\u202a' : '\u202b')) : text;
}

/** `text` with every embedding, override and isolate closed where it opened, in the same paragraph. */
export function balanceBidi(text: string): string {
  if (!BIDI_CONTROL.test(text)) return text;
  const open: ('embedding' | 'isolate')[] = [];
  const close = () => open.splice(0).reverse().map((k) => (k === 'embedding' ? PDF : PDI)).join('');
  let out = '';
  for (const ch of text) {
    switch (ch) {
      case '\u202a': case '\u202b': case '\u202d': case '\u202e':
        open.push('embedding');
        out += ch;
        break;
      case '\u2066': case '\u2067': case '\u2068':
        open.push('isolate');
        out += ch;
        break;
      case PDF:
        // UAX #9 X7: a PDF inside an isolate opened after the embedding does not close it.
        if (open.at(-1) === 'embedding') {
          open.pop();
          out += ch;
        }
        break;
      case PDI:
        // UAX #9 X6a: a PDI closes its isolate and every embedding opened inside it.
        if (open.includes('isolate')) {
          while (open.pop() !== 'isolate');
          out += ch;
        }
        break;
      case '\n': case '\r': case '\u2029':
        out += close() + ch;
        break;
      default:
        out += ch;
    }
  }
  return out + close();
}
