/**
 * Text hygiene for every string the service takes in: what is refused at ingest, and how a string
 * stored before these rules is made safe to serve.
 *
 * - A lone surrogate (a UTF-16 code unit U+D800-U+DFFF without its pair) is not a Unicode scalar value:
 *   it cannot be encoded as UTF-8 (Unicode §3.9, D76), so `encodeURIComponent` throws on it and
 *   `TextEncoder` silently turns it into U+FFFD.
 * - C0 controls (U+0000-U+001F), DEL (U+007F) and C1 controls (U+0080-U+009F) have no place in news
 *   text (Unicode §23.1); only tab and line breaks are kept, and only in fields that allow several
 *   lines. NUL and CR/LF are also what breaks HTTP header values (RFC 9110 §5.5).
 * - Bidi overrides (U+202D, U+202E) are refused and embeddings and isolates are closed within their
 *   field (bidi-controls.ts, UAX #9).
 * - Text is kept in Normalization Form C (UAX #15), so that a decomposed `e` + U+0302 + U+0303 and the
 *   precomposed `ễ` are one string everywhere: in comparisons, lengths, share text and cards.
 */

import { balanceBidi, overrideOffset, withoutOverrides } from './bidi-controls';

/** The replacement character (U+FFFD) that stands in for a lone surrogate in stored text. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Every C0 and C1 control and DEL, and the line and paragraph separators U+2028/U+2029 (line breaks
// by Unicode §5.8, drawn as tofu or "LS"/"PS" by fonts that map them); LINE_BREAKS_AND_TAB are the
// ones a multi-line field keeps (the separators as LF, SEPARATOR).
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
const LINE_BREAKS_AND_TAB = /[\t\n\r\u2028\u2029]/;
const SEPARATOR = /[\u2028\u2029]/g;
const SEPARATOR_CHAR = /^[\u2028\u2029]$/;

export interface TextRules {
  /** The field holds paragraphs: tab, LF, CR (and U+2028/U+2029, stored as LF) are allowed in it. */
  multiline?: boolean;
}

const hex = (unit: number) => `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;

/** True when the string is well-formed UTF-16 (no lone surrogate). */
export function isWellFormed(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return !LONE_SURROGATE.test(text);
}

/** The string with every lone surrogate replaced by U+FFFD (what `String.prototype.toWellFormed` does). */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, REPLACEMENT_CHARACTER);
}

/**
 * What is wrong with a string under the ingest rules, as a sentence for the problem body's `detail`
 * (offsets in UTF-16 code units, as JSON counts them), or undefined when it is acceptable.
 */
export function textIssue(text: string, rules: TextRules = {}): string | undefined {
  LONE_SURROGATE.lastIndex = 0;
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    return `contains a lone surrogate (${hex(lone[0].charCodeAt(0))}) at offset ${lone.index}: send well-formed Unicode text`;
  }
  CONTROL.lastIndex = 0;
  for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
    if (rules.multiline && LINE_BREAKS_AND_TAB.test(m[0])) continue;
    const allowed = rules.multiline ? 'only tab and line breaks are allowed' : 'no control characters are allowed in this field';
    const what = SEPARATOR_CHAR.test(m[0]) ? 'line separator' : 'control character';
    return `contains the ${what} ${hex(m[0].charCodeAt(0))} at offset ${m.index}: ${allowed}`;
  }
  const override = overrideOffset(text);
  if (override >= 0) {
    return `contains the bidi override ${hex(text.charCodeAt(override))} at offset ${override}: overrides force a display order and can disguise text (UAX #9, UTS #55); use an isolate (U+2066-U+2069) or nothing`;
  }
  return undefined;
}

/**
 * Accepted text in its stored form: NFC (UAX #15) with its bidi embeddings and isolates closed within
 * the field (bidi-controls.ts), so that no field reorders what is set after it.
 */
export function normaliseText(text: string): string {
  return balanceBidi(text.replace(SEPARATOR, '\n').normalize('NFC'));
}

/**
 * A string made acceptable without refusing it, for data stored before these rules: lone surrogates
 * become U+FFFD, controls are dropped (tab and line breaks become a space in single-line fields, and
 * stay in multi-line ones), bidi overrides become embeddings, and the result is NFC with its bidi
 * controls balanced.
 */
export function repairText(text: string, rules: TextRules = {}): string {
  return normaliseText(withoutOverrides(toWellFormed(text).replace(CONTROL, (c) => (LINE_BREAKS_AND_TAB.test(c) ? (rules.multiline ? c : ' ') : ''))));
}
