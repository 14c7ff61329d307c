/**
 * Which font files a card needs. The build writes a manifest of every face's subsets and their unicode
 * ranges (scripts/build/fonts.mjs); a card loads only the subsets its text touches, in the order of the
 * faces preferred for its language.
 */

/** `dist/assets/fonts/manifest.json`. */
export interface FontManifest {
  /** Package versions of the fonts and emoji: changes whenever any glyph may change. */
  version: string;
  faces: Record<string, FontFaceEntry>;
  /** Emoji images: where they are, and the file name (without `.svg`) of every sequence drawn. */
  emoji: { path: string; names?: string[] };
}

export interface FontFaceEntry {
  family: string;
  weights: number[];
  subsets: FontSubsetEntry[];
}

export interface FontSubsetEntry {
  id: string;
  /** Inclusive code point ranges. */
  ranges: [number, number][];
  /** Asset path of the WOFF file per weight. */
  files: Record<string, string>;
}

/** One font file to load, and the name satori knows it by. */
export interface FontRequest {
  /** Unique per face and subset; a name may carry several weights. */
  name: string;
  face: string;
  subset: string;
  weight: number;
  path: string;
}

/** Headline faces are the serif ones; text (labels, bylines, decks) uses the sans face for Latin. */
export type TextRole = 'headline' | 'text';

// Korean before Chinese: fontsource's ranges are shared by the CJK families and can claim Hangul a
// Chinese subset lacks, so in text of other languages Hangul meets the Korean face first.
const CJK_FACES = ['ja', 'ko', 'zh-hans', 'zh-hant'] as const;

/**
 * The CJK face for a language. Han characters are shared between Japanese and Chinese but drawn
 * differently, so the article's language decides; other languages take Japanese (the publisher's).
 */
export function primaryCjkFace(lang: string): (typeof CJK_FACES)[number] {
  const l = lang.toLowerCase();
  if (l.startsWith('ko')) return 'ko';
  if (/^zh-(hant|tw|hk|mo)/.test(l)) return 'zh-hant';
  if (l.startsWith('zh')) return 'zh-hans';
  return 'ja';
}

/** Faces of the other scripts (one subset each, ranges disjoint from Latin and CJK), serif and sans. */
const SCRIPT_FACES = ['hebrew', 'arabic', 'thai', 'devanagari'] as const;

/** Faces in the order satori should try them for a role and language. */
export function faceOrder(role: TextRole, lang: string): string[] {
  const latin = role === 'headline' ? 'serif' : 'sans';
  const scripts = SCRIPT_FACES.map((s) => `${s}-${latin}`);
  const cjk = primaryCjkFace(lang);
  const others = CJK_FACES.filter((f) => f !== cjk);
  // CJK text keeps the CJK face's own Latin glyphs, which are designed to sit with its characters.
  const cjkLanguage = /^(ja|ko|zh)(-|$)/i.test(lang);
  return cjkLanguage ? [cjk, latin, ...scripts, ...others] : [latin, ...scripts, cjk, ...others];
}

/**
 * Which subset of a face covers each code point, as runs: code points from `starts[k]` up to
 * `starts[k + 1]` (exclusive) belong to subset `subsets[k]` (-1: none), the first subset in the
 * manifest's order whose ranges hold them. The CJK faces cover some 17,000 code points each in
 * thousands of ranges: a Map per code point held some 78,000 entries for every face together, for
 * the isolate's lifetime; these runs take a few hundred kilobytes (docs/performance.md, "Memory").
 */
interface SubsetIndex {
  starts: Int32Array;
  subsets: Int16Array;
}

const indexes = new WeakMap<FontFaceEntry, SubsetIndex>();

/** The subset index of a face; built once per manifest. */
function indexOf(face: FontFaceEntry): SubsetIndex {
  let index = indexes.get(face);
  if (!index) {
    index = subsetRuns(face.subsets.map((s) => s.ranges));
    indexes.set(face, index);
  }
  return index;
}

/** Sweeps the ranges' ends in order, keeping how many ranges of each subset are open at each point. */
function subsetRuns(rangesBySubset: readonly (readonly [number, number])[][]): SubsetIndex {
  const at: number[] = [];
  const change: number[] = []; // +(subset + 1) where a range opens, -(subset + 1) after it closes
  rangesBySubset.forEach((ranges, i) => {
    for (const [start, end] of ranges) {
      at.push(start, end + 1);
      change.push(i + 1, -(i + 1));
    }
  });
  const order = at.map((_, k) => k).sort((a, b) => at[a]! - at[b]!);
  const open = new Int32Array(rangesBySubset.length);
  const starts: number[] = [];
  const subsets: number[] = [];
  for (let k = 0; k < order.length; ) {
    const point = at[order[k]!]!;
    for (; k < order.length && at[order[k]!] === point; k++) {
      const c = change[order[k]!]!;
      const subset = Math.abs(c) - 1;
      open[subset] = open[subset]! + Math.sign(c);
    }
    const first = open.findIndex((n) => n > 0);
    if (subsets.at(-1) !== first) {
      starts.push(point);
      subsets.push(first);
    }
  }
  return { starts: Int32Array.from(starts), subsets: Int16Array.from(subsets) };
}

/** The first subset covering `cp`, or undefined. */
function subsetOf(index: SubsetIndex, cp: number): number | undefined {
  const { starts, subsets } = index;
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || cp < starts[0]!) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  const i = subsets[lo]!;
  return i < 0 ? undefined : i;
}

function nearestWeight(weights: number[], wanted: number): number {
  return weights.reduce((best, w) => (Math.abs(w - wanted) < Math.abs(best - wanted) ? w : best), weights[0]!);
}

// Combining marks are planned too: a mark a face lacks would be drawn as a missing glyph.
// Other spaces (ideographic, thin, no-break) do need a glyph: satori draws what the font has for them.
const IGNORED = /[\t\n\r\f\v \p{Cc}\p{Cf}\uFE00-\uFE0F]/u;

export interface FontPlan {
  /** Files to load, in the order satori should try them: face order, then first use. */
  requests: FontRequest[];
  /** The file chosen for each code point, to check that it really has the glyph. */
  byCodePoint: Map<number, FontRequest>;
}

/**
 * The subsets needed to set `text` with `faces` (in preference order) at `weight`: for each code point,
 * the first face whose ranges cover it. Fontsource's ranges are the slicing of Google Fonts, shared by
 * related families, and can claim code points a font lacks: `lacking` lists faces already found without
 * a code point's glyph, so a second plan moves on to the next face. Code points no face covers (emoji,
 * mostly) are left out; the renderer draws emoji as images.
 */
export function planFonts(
  manifest: FontManifest,
  text: string,
  faces: string[],
  weight: number,
  lacking: ReadonlyMap<number, ReadonlySet<string>> = new Map(),
): FontPlan {
  const picked = new Map<string, FontRequest>();
  const byCodePoint = new Map<number, FontRequest>();
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (byCodePoint.has(cp) || IGNORED.test(char)) continue;
    for (const key of faces) {
      const face = manifest.faces[key];
      const i = face && !lacking.get(cp)?.has(key) ? subsetOf(indexOf(face), cp) : undefined;
      if (face === undefined || i === undefined) continue;
      const subset = face.subsets[i]!;
      const w = nearestWeight(face.weights, weight);
      const name = `${key}-${subset.id}`;
      const id = `${name}@${w}`;
      if (!picked.has(id)) picked.set(id, { name, face: key, subset: subset.id, weight: w, path: subset.files[w]! });
      byCodePoint.set(cp, picked.get(id)!);
      break;
    }
  }
  const rank = (r: FontRequest) => faces.indexOf(r.face);
  return { requests: [...picked.values()].sort((a, b) => rank(a) - rank(b)), byCodePoint };
}
