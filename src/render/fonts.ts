import opentype, { type Font as ParsedFont } from '@shuding/opentype.js';
import type { Font as SatoriFont, FontWeight } from 'satori/standalone';
import { faceOrder, type FontManifest, type FontRequest, isEmojiGrapheme, type MeasureText, planFonts, TEXT_STYLE_NAMES as STYLES, TEXT_STYLES, type TextRole, type TextStyle } from '../domain/typography';
import { type AssetReader, readAsset } from '../adapters/assets';
import { BoundedCache } from './bounded-cache';
import { BUNDLED_FONTS } from './bundled-fonts';
import { clusterOverhang } from './cluster-metrics';

export type { TextStyle };
/** Rounds of re-planning for code points a subset's range claims but its font lacks. */
const MAX_PLAN_ROUNDS = 4;

export const MANIFEST_PATH = '/fonts/manifest.json';

// Font subsets stay in memory across requests, up to one bound for every script: a CJK card needs a
// few dozen subsets of 20-80 KB each, and an isolate has 128 MB in all (docs/performance.md). A
// subset costs more than its bytes: our measurer and satori each keep it parsed for as long as its
// bytes live (both key their parsed fonts by the ArrayBuffer), with its inflated tables and the
// glyphs drawn so far. Measured in the benchmark (90 subsets of every script, 3 MB of files, held
// 23 MB of heap and ArrayBuffers more than without them), a subset holds some 7.7 times its bytes:
// so each is counted at PARSED_WEIGHT times its bytes, and the bound is what the fonts really hold.
// The bundled Latin subsets (bundled-fonts.ts) are outside it: they live as long as the isolate.
// 24 MB: what the isolate holds besides fonts (wasm 33 MB, V8 heap and buffers 18 MB after a full
// collection) plus a full cache stays under 80 MB; the benchmark's 87 subsets of every script fit.
const PARSED_WEIGHT = 8;
const FONT_CACHE_BYTES = 24 * 1024 * 1024;
const fontData = new BoundedCache<ArrayBuffer>(FONT_CACHE_BYTES, (b) => b.byteLength * PARSED_WEIGHT);
const parsedFonts = new WeakMap<ArrayBuffer, ParsedFont>();
let manifest: Promise<FontManifest> | undefined;

/** The font manifest written by the build, read once per isolate. */
export function loadFontManifest(read: AssetReader): Promise<FontManifest> {
  manifest ??= readAsset(read, MANIFEST_PATH)
    .then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as FontManifest)
    .catch((err: unknown) => {
      manifest = undefined;
      throw err;
    });
  return manifest;
}

/** Subsets read from the static assets so far, and those read before: evicted in between. */
let reads = 0;
let rereads = 0;
const everRead = new Set<string>();

/**
 * How much font data this isolate holds (tests check the bound): `bytes` and `limit` are weighted
 * (file bytes times the parsing overhead), `files` is the number of subsets kept, `reads` the number
 * of subsets read from the static assets since the isolate started, `rereads` those of them read
 * again after being evicted (the benchmark weighs the bound against them).
 */
export function fontCacheStats(): { bytes: number; files: number; limit: number; reads: number; rereads: number } {
  return { bytes: fontData.size, files: fontData.count, limit: FONT_CACHE_BYTES, reads, rereads };
}

function loadFontFile(read: AssetReader, path: string): Promise<ArrayBuffer> {
  // The Latin house subsets are in the bundle and live as long as the isolate (bundled-fonts.ts).
  const bundled = BUNDLED_FONTS.get(path);
  if (bundled) return Promise.resolve(bundled);
  return fontData.get(path, () => {
    reads++;
    if (everRead.has(path)) rereads++;
    everRead.add(path);
    return readAsset(read, path);
  });
}

/**
 * Parses the bundled subsets and measures a Latin line with each, as a card's measurer does: the
 * module-load warm-up calls it so that the first card finds them parsed and this code compiled.
 */
export function warmUpMeasurer(text: string): number {
  let width = 0;
  for (const data of BUNDLED_FONTS.values()) {
    const font = parsed(data);
    for (const { segment } of graphemes.segment(text)) if (font.charToGlyphIndex(segment) > 0) width += font.getAdvanceWidth(segment, 1);
    width += clusterOverhang(text.slice(0, 1), font).left + clusterOverhang(text.slice(-1), font).right;
  }
  return width;
}

function parsed(data: ArrayBuffer): ParsedFont {
  let font = parsedFonts.get(data);
  if (!font) {
    // The same parser and options satori uses, so widths measured here are the widths it lays out.
    font = opentype.parse(data, { lowMemory: true });
    parsedFonts.set(data, font);
  }
  return font;
}

// Graphemes satori cannot find in a font and draws as images instead (loadAdditionalAsset "emoji").
export const isEmoji = isEmojiGrapheme;
// Never drawn: format characters and variation selectors (docs/text-rendering.md).
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}]/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The fonts of one card: what satori needs, and a measurer that agrees with satori's layout. */
export interface CardFonts {
  /** For satori's `fonts` option. */
  fonts: SatoriFont[];
  /** CSS font-family per style: the planned subsets in preference order. */
  families: Record<TextStyle, string>;
  /**
   * The measurer of a style: the advance widths satori sums (graphemes in `images` are emoji images 1em
   * wide), plus the ink of the first and last glyphs that reaches past their advance box (`overhang`),
   * so that a line that fits has all its ink inside the box.
   */
  measure(style: TextStyle, images?: Readonly<Record<string, string>>): MeasureText;
  /** Ink of a line's first glyph left of its origin, and of its last glyph right of its advance, in em. */
  overhang(style: TextStyle, text: string, images?: Readonly<Record<string, string>>): { left: number; right: number };
  /**
   * Graphemes of `text` that no font of the style has, that are not drawn as images (`images`; without
   * it, anything that looks like an emoji) and are not invisible: would render as tofu.
   */
  missingGlyphs(style: TextStyle, text: string, images?: Readonly<Record<string, string>>): string[];
  /**
   * `text` with every code point left out of its grapheme cluster that the font satori picks for the
   * cluster lacks (`stripped` lists the clusters so changed). Satori draws a whole cluster with the font
   * of its first code point, and a code point that font lacks as its missing glyph (tofu), whatever
   * other font has it: `o` + U+0333 drew two boxes. Emoji images and invisible code points are kept.
   */
  drawableClusters(style: TextStyle, text: string, images?: Readonly<Record<string, string>>): { text: string; stripped: string[] };
  /** True when some loaded font has every visible code point of the grapheme. */
  hasGlyphs(grapheme: string): boolean;
  /** Font set version, for cache keys. */
  version: string;
  requests: Record<TextStyle, FontRequest[]>;
}

/**
 * Loads the subsets needed to set each style's text in the card's language. Satori resolves a glyph
 * from the fonts of an element's font-family in order, then from any other loaded font; the measurer
 * does the same per grapheme and, like satori, sums grapheme widths without kerning and counts an emoji
 * image as 1em.
 */
export async function loadCardFonts(read: AssetReader, texts: Partial<Record<TextStyle, string>>, lang: string): Promise<CardFonts> {
  const m = await loadFontManifest(read);
  const faces = (style: TextStyle) => faceOrder(TEXT_STYLES[style].role, TEXT_STYLES[style].latinFirst ? 'en' : lang);
  const lacking = new Map<number, Set<string>>();
  const data = new Map<string, ArrayBuffer>();
  const requests = {} as Record<TextStyle, FontRequest[]>;
  for (let round = 1; ; round++) {
    const plans = STYLES.map((style) => [style, planFonts(m, texts[style] ?? '', faces(style), TEXT_STYLES[style].weight, lacking)] as const);
    const paths = new Set(plans.flatMap(([, plan]) => plan.requests.map((r) => r.path)));
    await Promise.all([...paths].filter((p) => !data.has(p)).map(async (p) => data.set(p, await loadFontFile(read, p))));
    let missed = false;
    for (const [style, plan] of plans) {
      requests[style] = plan.requests;
      for (const [cp, r] of plan.byCodePoint) {
        if (parsed(data.get(r.path)!).charToGlyphIndex(String.fromCodePoint(cp)) > 0) continue;
        lacking.set(cp, (lacking.get(cp) ?? new Set()).add(r.face));
        missed = true;
      }
    }
    if (!missed || round === MAX_PLAN_ROUNDS) break;
  }

  const all = new Map<string, FontRequest>();
  for (const r of Object.values(requests).flat()) all.set(`${r.name}@${r.weight}`, r);
  if (all.size === 0) {
    // Satori needs at least one font even for a card without text.
    const fallback = planFonts(m, 'A', faceOrder('headline', lang), 700).requests[0]!;
    data.set(fallback.path, await loadFontFile(read, fallback.path));
    all.set(fallback.name, fallback);
  }

  const fonts: SatoriFont[] = [...all.values()].map((r) => ({
    name: r.name,
    data: data.get(r.path)!,
    weight: r.weight as FontWeight,
    style: 'normal',
  }));
  const firstName = fonts[0]!.name;
  const families = {} as Record<TextStyle, string>;
  const stacks = {} as Record<TextStyle, ParsedFont[]>;
  for (const style of STYLES) {
    const listed = requests[style];
    families[style] = listed.map((r) => r.name).join(', ') || firstName;
    // Satori tries the family's fonts, then every other loaded font (one weight per name, the nearest).
    const others = new Map<string, FontRequest>();
    for (const r of all.values()) {
      if (listed.some((l) => l.name === r.name)) continue;
      const current = others.get(r.name);
      const want = TEXT_STYLES[style].weight;
      if (!current || Math.abs(r.weight - want) < Math.abs(current.weight - want)) others.set(r.name, r);
    }
    stacks[style] = [...listed, ...others.values()].map((r) => parsed(data.get(r.path)!));
  }

  const unitWidths = new Map<TextStyle, Map<string, number>>();
  const unitWidth = (style: TextStyle, g: string): number => {
    let cache = unitWidths.get(style);
    if (!cache) unitWidths.set(style, (cache = new Map()));
    let w = cache.get(g);
    if (w === undefined) {
      // As satori: the first font with the grapheme's first code point sets the whole grapheme.
      const stack = stacks[style];
      const font = stack.find((f) => f.charToGlyphIndex(g) > 0);
      w = font ? font.getAdvanceWidth(g, 1) : isEmoji(g) ? 1 : stack[0]!.getAdvanceWidth(g, 1);
      cache.set(g, w);
    }
    return w;
  };
  const overhangs = new Map<string, { left: number; right: number }>();
  const glyphOverhang = (style: TextStyle, g: string) => {
    const key = `${style}\u0000${g}`;
    let o = overhangs.get(key);
    if (!o) {
      const font = stacks[style].find((f) => f.charToGlyphIndex(g) > 0);
      // Every glyph of the cluster counts: an uncomposed mark's ink reaches past the base's advance.
      o = font && !/^\s+$/u.test(g) ? clusterOverhang(g, font) : { left: 0, right: 0 };
      overhangs.set(key, o);
    }
    return o;
  };
  const overhang = (style: TextStyle, text: string, images?: Readonly<Record<string, string>>) => {
    const list = [...graphemes.segment(text)].map((s) => s.segment).filter((g) => !/^\s+$/u.test(g));
    const first = list[0];
    const last = list.at(-1);
    if (first === undefined || last === undefined) return { left: 0, right: 0 };
    return {
      left: images?.[first] ? 0 : glyphOverhang(style, first).left,
      right: images?.[last] ? 0 : glyphOverhang(style, last).right,
    };
  };
  const allFonts = [...new Set(Object.values(stacks).flat())];
  const covered = (cp: string) => allFonts.some((f) => f.charToGlyphIndex(cp) > 0);
  const hasGlyphs = (g: string) => [...g].every((c) => INVISIBLE.test(c) || covered(c));

  return {
    fonts,
    families,
    requests,
    version: m.version,
    measure: (style, images) => (text, size) => {
      // One pass: advances, and the first and last visible graphemes for the overhanging ink.
      let width = 0;
      let first: string | undefined;
      let last: string | undefined;
      for (const { segment } of graphemes.segment(text)) {
        const image = images?.[segment];
        width += image ? 1 : unitWidth(style, segment);
        if (segment.trim() === '') continue;
        first ??= image ? '' : segment;
        last = image ? '' : segment;
      }
      if (first) width += glyphOverhang(style, first).left;
      if (last) width += glyphOverhang(style, last).right;
      return width * size;
    },
    overhang,
    missingGlyphs: (style, text, images) => {
      const missing = new Set<string>();
      for (const { segment } of graphemes.segment(text)) {
        if (/^\s+$/u.test(segment) || (images ? images[segment] : isEmoji(segment))) continue;
        // Every code point, not only the first: satori draws a cluster's marks from any loaded font.
        if (!stacks[style].some((f) => f.charToGlyphIndex(segment) > 0) || !hasGlyphs(segment)) missing.add(segment);
      }
      return [...missing];
    },
    drawableClusters: (style, text, images) => {
      // Only a cluster of several code points can hold one its font lacks; most text has none.
      if (!/[^\u0000-\u02ff]/u.test(text)) return { text, stripped: [] };
      let out = '';
      const stripped: string[] = [];
      for (const { segment } of graphemes.segment(text)) {
        const font = segment.length > 1 && !images?.[segment] ? stacks[style].find((f) => f.charToGlyphIndex(segment) > 0) : undefined;
        const kept = font ? [...segment].filter((c) => INVISIBLE.test(c) || font.charToGlyphIndex(c) > 0).join('') : segment;
        if (kept !== segment) stripped.push(segment);
        out += kept;
      }
      return { text: out, stripped };
    },
    hasGlyphs,
  };
}

/**
 * Fonts for a segment satori still found no glyph for (its loadAdditionalAsset hook): the subsets of
 * any face that cover it, in the language's order. Normally empty, since the plan covers all card text.
 */
export async function fallbackFonts(read: AssetReader, segment: string, lang: string): Promise<SatoriFont[]> {
  const m = await loadFontManifest(read);
  const { requests } = planFonts(m, segment, faceOrder('text', lang), 400);
  return Promise.all(
    requests.map(async (r) => ({ name: r.name, data: await loadFontFile(read, r.path), weight: r.weight as FontWeight, style: 'normal' as const })),
  );
}
