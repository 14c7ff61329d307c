const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Counts user-perceived characters (Bluesky and X limits count graphemes, not UTF-16 units). */
export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

/**
 * Shortens text to at most `max` graphemes including the ellipsis, cutting at a word boundary where the
 * script has spaces (and anywhere between graphemes in scripts such as Japanese that do not).
 */
export function truncateText(text: string, max: number, lang?: string): string {
  // Collapse ASCII whitespace only: the ideographic space (U+3000) is punctuation in CJK headlines.
  const clean = text.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
  if (graphemeLength(clean) <= max) return clean;
  const budget = max - 1;
  const words = new Intl.Segmenter(lang, { granularity: 'word' });
  let out = '';
  let count = 0;
  for (const { segment } of words.segment(clean)) {
    const len = graphemeLength(segment);
    if (count + len > budget) {
      if (out === '') {
        // A single word longer than the budget: cut it between graphemes.
        out = [...graphemes.segment(segment)].slice(0, budget).map((s) => s.segment).join('');
      }
      break;
    }
    out += segment;
    count += len;
  }
  return out.replace(/[\s\p{P}]+$/u, '') + '…';
}
