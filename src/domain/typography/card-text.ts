/**
 * The text model of a card: what each grapheme of a text block becomes before a line is fitted or drawn.
 * The fitter (fit-lines.ts) and the renderer (src/render/) both go through it, so the widths measured are
 * those of what is drawn. Rules and sources are in docs/text-rendering.md.
 *
 * - Text is normalised to NFC (Unicode Standard Annex #15): a decomposed "ễ" is drawn as the
 *   precomposed letter the fonts have, never as a base letter and loose marks.
 * - Arabic is shaped into its joined forms (the presentation forms of Unicode's Arabic Presentation
 *   Forms-A/B blocks) before anything else, because satori draws glyphs in the order it is given and
 *   right-to-left runs are handed to it already reversed.
 * - Emoji sequences are drawn as images; an RGI sequence is looked up with and without U+FE0F, and a
 *   ZWJ sequence no image set has falls back to its components (Unicode Technical Standard #51 §2.3).
 * - Default-ignorable code points (soft hyphen, zero-width space, ZWJ/ZWNJ outside emoji, word joiner,
 *   BOM, bidi controls, variation selectors) shape breaks and bidi levels but are never drawn; a soft
 *   hyphen shows as a hyphen only at the end of a line that breaks at it.
 * - Right-to-left runs are reordered by the Unicode Bidirectional Algorithm (UAX #9, through `bidi-js`)
 *   line by line, with mirrored brackets.
 */
import bidiFactory from 'bidi-js';
import { ArabicShaper } from 'arabic-persian-reshaper';
import { balanceBidi, withoutOverrides } from '../normalise';

const bidi = bidiFactory();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A grapheme drawn as an emoji image when an image set has it (UTS #51 emoji presentation). */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\ufe0f|\u20e3|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|[\u{e0020}-\u{e007f}]/u;
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const DEFAULT_IGNORABLES = /\p{Default_Ignorable_Code_Point}/gu;
const ARABIC = /[\u0600-\u06ff]/;
// Harakat, Quranic annotation marks and tatweel: optional in news Arabic, and satori's font engine can
// neither position the marks nor survive them (see ARABIC_ENGINE). Left out before shaping.
const ARABIC_OPTIONAL = /[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]/g;
// Arabic punctuation, drawn with the look-alike the Arabic faces map outside the Arabic block.
const ARABIC_PUNCTUATION: Record<string, string> = {
  '\u060c': '\u2e41', // comma -> REVERSED COMMA
  '\u061b': '\u204f', // semicolon -> REVERSED SEMICOLON
  '\u061f': '?', // question mark: no reversed question mark in the faces
  '\u066a': '%',
  '\u066b': ',',
  '\u066c': ',',
  '\u066d': '*',
};
/**
 * Code points that make satori's opentype.js take its own Arabic path (its `isArabicChar`), which
 * throws on the GSUB lookups of the Noto Arabic faces ("lookupType: 5 - substFormat: 3 is not yet
 * supported") and would reorder the run a second time. None may reach satori.
 */
const ARABIC_ENGINE = /[\u0600-\u065f\u066a-\u06d2\u06fa-\u06ff]/;
const SOFT_HYPHEN = '\u00ad';
const ZWJ = '\u200d';
// Characters of right-to-left scripts and the controls that start right-to-left text (UAX #9 classes R, AL).
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * Scripts whose letters change shape or order in ways no font table that satori applies can express
 * (Indic conjuncts and pre-base vowel signs): such text cannot be drawn correctly and is left out of
 * the card, with a reason. Devanagari clusters without a virama or a pre-base vowel sign draw as their
 * characters do, and are kept.
 */
const NEEDS_INDIC_SHAPING = /[\u093f\u094d\u094e\u0980-\u0dff\u1000-\u109f\u1780-\u17ff]/u;

/** What an image set can draw: the file name of an emoji sequence, or undefined. */
export type EmojiLookup = (sequence: string) => string | undefined;

/**
 * The Twemoji-style file name of an emoji sequence (code points in lower-case hex joined by `-`), as it
 * is in `names`: tried as given, then without U+FE0F (image sets disagree about keeping it).
 */
export function emojiLookup(names: ReadonlySet<string>): EmojiLookup {
  return (sequence) => {
    const full = [...sequence].map((c) => c.codePointAt(0)!.toString(16)).join('-');
    if (names.has(full)) return full;
    const bare = full.split('-').filter((h) => h !== 'fe0f').join('-');
    return names.has(bare) ? bare : undefined;
  };
}

export interface PreparedText {
  /** NFC, Arabic shaped, emoji sequences replaced by their components where needed; still logical order. */
  text: string;
  /** Graphemes left out (no image and no way to draw them), for the log. */
  dropped: string[];
  /** Why the whole block cannot be drawn correctly, when it cannot. */
  undrawable?: string;
}

/** True for a grapheme drawn as an emoji whatever the fonts have (emoji presentation). */
export function isEmojiPresentation(grapheme: string): boolean {
  return EMOJI.test(grapheme) && EMOJI_PRESENTATION.test(grapheme);
}

/**
 * Prepares one block of card text. `emoji` tells which sequences have images. Emoji that have none
 * (nor have components that do) are dropped rather than drawn as missing glyphs.
 */
export function prepareText(raw: string, emoji: EmojiLookup): PreparedText {
  // Each block is its own bidi paragraph, and no override forces an order (docs/text-rendering.md).
  let text = balanceBidi(withoutOverrides(raw.normalize('NFC')));
  const dropped: string[] = [];
  if (NEEDS_INDIC_SHAPING.test(text)) {
    return { text, dropped, undrawable: 'text needs Indic shaping (conjuncts, pre-base vowel signs), which satori does not apply' };
  }
  if (ARABIC.test(text)) {
    text = ArabicShaper.convertArabic(text.replace(ARABIC_OPTIONAL, '')).replace(/[\u060c\u061b\u061f\u066a-\u066d]/g, (c) => ARABIC_PUNCTUATION[c]!);
    if (ARABIC_ENGINE.test(text)) {
      return { text, dropped, undrawable: 'Arabic letters without presentation forms (Urdu, for one) cannot be joined by the renderer' };
    }
  }
  if (EMOJI.test(text)) {
    let out = '';
    for (const { segment } of graphemes.segment(text)) {
      if (!isEmojiPresentation(segment) || emoji(segment)) {
        out += segment;
        continue;
      }
      // An unknown ZWJ sequence: its components, each drawn if an image set has it.
      for (const part of segment.split(ZWJ)) {
        if (emoji(part)) out += part;
        else if (part.replace(/\ufe0f/g, '') && !isEmojiPresentation(part.replace(/\ufe0f/g, ''))) out += part.replace(/\ufe0f/g, '');
        else dropped.push(part);
      }
    }
    text = out;
  }
  return { text, dropped };
}

/** `ltr` or `rtl`: the direction of the paragraph, from its first strong character (UAX #9 P2, P3). */
export function paragraphDirection(text: string): 'ltr' | 'rtl' {
  if (!RTL.test(text)) return 'ltr';
  return bidi.getEmbeddingLevels(text).paragraphs[0]!.level % 2 === 1 ? 'rtl' : 'ltr';
}

/**
 * The text of a line as it is drawn, still in logical order: default-ignorable code points removed
 * (kept inside emoji sequences, where they pick the image), and a trailing soft hyphen shown as a
 * hyphen when the line ends there (`endsLine`).
 */
export function drawnText(logical: string, endsLine: boolean): string {
  if (!DEFAULT_IGNORABLE.test(logical)) return logical;
  let out = '';
  for (const { segment } of graphemes.segment(logical)) {
    out += isEmojiPresentation(segment) ? segment : segment.replace(DEFAULT_IGNORABLES, '');
  }
  return endsLine && logical.endsWith(SOFT_HYPHEN) ? out + '-' : out;
}

/**
 * A line in visual order, as satori (which sets every line left to right) must be given it: embedding
 * levels resolved over the logical line in the paragraph's direction (UAX #9 rules P2-I6), runs
 * reversed by rule L2 a grapheme at a time (a cluster never comes apart), mirrored glyphs by rule L4;
 * then drawn as `drawnText` says.
 */
export function visualLine(logical: string, direction: 'ltr' | 'rtl', endsLine: boolean): string {
  if (!RTL.test(logical)) return trimEdges(drawnText(logical, endsLine));
  const levels = bidi.getEmbeddingLevels(logical, direction);
  const mirrored = bidi.getMirroredCharactersMap(logical, levels.levels);
  const clusters = [...graphemes.segment(logical)].map(({ segment, index }) =>
    mirrored.has(index) && segment.length === 1 ? mirrored.get(index)! : segment,
  );
  // One slot per UTF-16 code unit holding its cluster's number; bidi-js's reversals are positions in
  // this progressively reordered sequence (offsets inclusive). A cluster's code units share one level,
  // so they move together, and its first slot gives its visual place.
  const slots: number[] = [];
  [...graphemes.segment(logical)].forEach(({ segment }, i) => {
    for (let k = 0; k < segment.length; k++) slots.push(i);
  });
  for (const [start = 0, end = -1] of bidi.getReorderSegments(logical, levels)) {
    slots.splice(start, end - start + 1, ...slots.slice(start, end + 1).reverse());
  }
  const order = [...new Set(slots)];
  const drawn = order.map((i) => drawnText(rtlMarksFirst(clusters[i]!), false)).join('');
  // The soft hyphen of a line that ends at it is drawn at the line's end in the paragraph's direction.
  const hyphen = endsLine && logical.endsWith(SOFT_HYPHEN) ? '-' : '';
  return direction === 'rtl' ? hyphen + trimEdges(drawn) : trimEdges(drawn) + hyphen;
}

/** A right-to-left letter followed by combining marks (Hebrew points and cantillation, Syriac vowels). */
const RTL_CLUSTER_WITH_MARKS = /^([\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])(\p{M}+)$/u;

/**
 * A right-to-left cluster with its combining marks before its letter. Satori draws a line left to right
 * and never positions marks (no GPOS): a mark is drawn where the pen stands, and a right-to-left face
 * draws it for the pen at the left edge of its letter, where a right-to-left run leaves the pen after
 * the letter. Set after the letter, a point lands on the letter to its right. UAX #9 rule L3 says as
 * much: at this point marks of a right-to-left base precede it, and a renderer that expects them after
 * must reorder them. (Arabic harakat are removed before this: see `prepareText`.)
 */
function rtlMarksFirst(cluster: string): string {
  const m = RTL_CLUSTER_WITH_MARKS.exec(cluster);
  return m ? m[2]! + m[1]! : cluster;
}

/**
 * A drawn line without spaces at its visual ends. Reordering can bring a space from inside the logical
 * line to an edge (`שלום` + LRE + ` 🧑‍🧑‍🧒　Nguyễn` starts, visually, with the space), where it is
 * invisible anyway (CSS Text 3 §4.1.2 removes spaces at the start and end of a line) and where satori,
 * which takes U+3000 for a collapsible space like any `\s`, laid a flush-right line out 3 px past its box.
 * The fitter measured the line with the space, so the drawn line is never wider than measured.
 */
function trimEdges(line: string): string {
  return /^[ \u3000]|[ \u3000]$/.test(line) ? line.replace(/^[ \u3000]+|[ \u3000]+$/g, '') : line;
}
