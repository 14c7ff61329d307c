import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { faceOrder, planFonts, primaryCjkFace, type FontManifest } from './font-plan';

const face = (family: string, subsets: [string, [number, number][]][], weights = [400, 700]) => ({
  family,
  weights,
  subsets: subsets.map(([id, ranges]) => ({ id, ranges, files: Object.fromEntries(weights.map((w) => [w, `/fonts/${family}-${id}-${w}.woff`])) })),
});

const manifest: FontManifest = {
  version: 'test',
  emoji: { path: '/emoji/' },
  faces: {
    serif: face('serif', [['latin', [[0x20, 0x7e], [0x2000, 0x206f]]], ['latin-ext', [[0x100, 0x24f]]]], [700]),
    sans: face('sans', [['latin', [[0x20, 0x7e]]]]),
    ja: face('ja', [['kana', [[0x3040, 0x30ff]]], ['han', [[0x4e00, 0x9fff]]], ['punct', [[0x3000, 0x303f]]]]),
    ko: face('ko', [['hangul', [[0xac00, 0xd7a3]]]]),
    'zh-hans': face('zh-hans', [['han', [[0x4e00, 0x9fff]]], ['hangul-claim', [[0xc774, 0xc774]]]]),
    'zh-hant': face('zh-hant', [['han', [[0x4e00, 0x9fff]]]]),
  },
};

describe('faceOrder', () => {
  it('puts the Latin face first for Latin text and the language\'s CJK face first for CJK text', () => {
    const serifScripts = ['hebrew-serif', 'arabic-serif', 'thai-serif', 'devanagari-serif'];
    const sansScripts = ['hebrew-sans', 'arabic-sans', 'thai-sans', 'devanagari-sans'];
    expect(faceOrder('headline', 'en')).toEqual(['serif', ...serifScripts, 'ja', 'ko', 'zh-hans', 'zh-hant']);
    expect(faceOrder('text', 'ja')).toEqual(['ja', 'sans', ...sansScripts, 'ko', 'zh-hans', 'zh-hant']);
    expect(faceOrder('headline', 'zh-Hant')[0]).toBe('zh-hant');
    expect(faceOrder('headline', 'zh-Hans')[0]).toBe('zh-hans');
    expect(faceOrder('headline', 'ko')[0]).toBe('ko');
  });

  it('picks the CJK face by language, Japanese otherwise', () => {
    expect(['ja', 'zh', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-Hant', 'ko-KR', 'en', 'fr'].map(primaryCjkFace)).toEqual([
      'ja', 'zh-hans', 'zh-hans', 'zh-hant', 'zh-hant', 'zh-hant', 'ko', 'ja', 'ja',
    ]);
  });
});

describe('planFonts', () => {
  it('loads only the subsets the text touches, in face order', () => {
    const { requests } = planFonts(manifest, 'Lee (이재명) 東京', faceOrder('headline', 'en'), 700);
    expect(requests.map((r) => r.name)).toEqual(['serif-latin', 'ja-han', 'ko-hangul']);
    expect(requests.every((r) => r.weight === 700)).toBe(true);
    expect(requests.find((r) => r.name === 'ja-han')!.path).toBe('/fonts/ja-han-700.woff');
  });

  it('takes the nearest weight a face has', () => {
    const { requests } = planFonts(manifest, 'Hello', ['serif'], 400);
    expect(requests).toEqual([{ name: 'serif-latin', face: 'serif', subset: 'latin', weight: 700, path: '/fonts/serif-latin-700.woff' }]);
  });

  it('uses the article language to choose between Japanese and Chinese Han glyphs', () => {
    expect(planFonts(manifest, '颱風', faceOrder('headline', 'zh-Hant'), 700).requests.map((r) => r.name)).toEqual(['zh-hant-han']);
    expect(planFonts(manifest, '東京', faceOrder('headline', 'ja'), 700).requests.map((r) => r.name)).toEqual(['ja-han']);
  });

  it('moves on to the next face for code points a subset was found to lack', () => {
    const order = ['serif', 'zh-hans', 'ko'];
    expect(planFonts(manifest, '이', order, 700).byCodePoint.get(0xc774)!.name).toBe('zh-hans-hangul-claim');
    const lacking = new Map([[0xc774, new Set(['zh-hans'])]]);
    expect(planFonts(manifest, '이', order, 700, lacking).byCodePoint.get(0xc774)!.name).toBe('ko-hangul');
  });

  it('leaves out what no face covers (emoji), ASCII white space and format characters', () => {
    const plan = planFonts(manifest, '🎏 \t\n\u200b\u2060\ufe0f', faceOrder('headline', 'en'), 700);
    expect(plan.byCodePoint.has(0x1f38f)).toBe(false);
    expect(plan.requests.map((r) => r.name)).toEqual([]);
  });

  it('plans a font for spaces that are drawn with a glyph (the ideographic space)', () => {
    const plan = planFonts(manifest, 'a\u3000b', faceOrder('headline', 'en'), 700);
    expect(plan.byCodePoint.has(0x3000)).toBe(true);
  });
});

describe('planFonts subset index', () => {
  it('picks the first subset in manifest order whose ranges hold the code point, whatever the overlaps', () => {
    // Overlapping, unsorted, adjacent and single-code-point ranges, as fontsource's CJK slicing has.
    const range = fc.tuple(fc.integer({ min: 0x4e00, max: 0x4e60 }), fc.integer({ min: 0, max: 12 })).map(([s, n]) => [s, s + n] as [number, number]);
    fc.assert(
      fc.property(fc.array(fc.array(range, { maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0x4dfe, max: 0x4e70 }), (subsets, cp) => {
        const m: FontManifest = { version: 't', emoji: { path: '/emoji/' }, faces: { f: face('f', subsets.map((r, i) => [`s${i}`, r])) } };
        const expected = subsets.findIndex((ranges) => ranges.some(([s, e]) => s <= cp && cp <= e));
        const { requests } = planFonts(m, String.fromCodePoint(cp), ['f'], 400);
        expect(requests.map((r) => r.subset)).toEqual(expected < 0 ? [] : [`s${expected}`]);
      }),
      { numRuns: 500 },
    );
  });
});
