import { describe, expect, it } from 'vitest';
import { mayNotStartLine } from './line-break';
import { fitLines, type MeasureText } from './fit-lines';

// A stand-in for font metrics: every Latin grapheme is half an em wide, CJK and emoji a whole em.
const measure: MeasureText = (text, size) => {
  let ems = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    ems += /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Hangul}\u3000-\u303f\uff00-\uffef\p{Extended_Pictographic}]/u.test(segment) ? 1 : 0.5;
  }
  return ems * size;
};

const SEED = 'N. Korean laborers begin flowing back into China after Trump-Kim summit';
const LONG =
  "Government panel recommends sweeping overhaul of Japan's disaster evacuation rules after record rainfall, urging cities to open shelters earlier and guarantee transport for elderly residents";

describe('fitLines', () => {
  it('chooses the largest size at which the whole text fits', () => {
    const fitted = fitLines({ text: SEED, width: 500, height: 400, maxSize: 80, minSize: 30, lineHeight: 1.2, measure });
    expect(fitted.clamped).toBe(false);
    expect(fitted.lines.join(' ')).toBe(SEED);
    expect(fitted.lines.length * fitted.lineHeight).toBeLessThanOrEqual(400);
    for (const line of fitted.lines) expect(measure(line, fitted.fontSize)).toBeLessThanOrEqual(500);
    // Two pixels larger does not fit.
    const larger = fitLines({ text: SEED, width: 500, height: 400, maxSize: fitted.fontSize + 2, minSize: fitted.fontSize + 2, lineHeight: 1.2, measure });
    expect(larger.clamped).toBe(true);
  });

  it('uses the maximum size when there is room to spare', () => {
    const fitted = fitLines({ text: 'Short', width: 1000, height: 400, maxSize: 76, minSize: 40, lineHeight: 1.1, measure });
    expect(fitted).toMatchObject({ fontSize: 76, lines: ['Short'], clamped: false });
  });

  it('breaks lines only between words', () => {
    const fitted = fitLines({ text: LONG, width: 504, height: 400, maxSize: 60, minSize: 30, lineHeight: 1.14, measure });
    const words = new Set(LONG.split(' '));
    for (const line of fitted.lines) for (const w of line.split(' ')) expect(words.has(w), `"${w}" is not a whole word`).toBe(true);
    expect(fitted.lines.join(' ')).toBe(LONG);
  });

  it('clamps with an ellipsis after a whole word only below the minimum size', () => {
    const fitted = fitLines({ text: LONG, width: 300, height: 150, maxSize: 60, minSize: 30, lineHeight: 1.2, measure });
    expect(fitted.clamped).toBe(true);
    expect(fitted.fontSize).toBe(30);
    expect(fitted.lines.length).toBe(4); // floor(150 / 36)
    const last = fitted.lines.at(-1)!;
    expect(last.endsWith('…')).toBe(true);
    // The words shown are the headline's first words, each whole (a trailing comma may be dropped).
    const shown = fitted.lines.join(' ').replace(/…$/, '').split(' ');
    const words = LONG.split(' ');
    shown.forEach((w, i) => expect(w.replace(/,$/, '')).toBe(words[i]!.replace(/,$/, '')));
    for (const line of fitted.lines) expect(measure(line, 30)).toBeLessThanOrEqual(300);
  });

  it('respects maxLines', () => {
    const fitted = fitLines({ text: SEED, width: 400, height: 1000, maxSize: 20, minSize: 20, lineHeight: 1.25, maxLines: 1, measure });
    expect(fitted.lines).toHaveLength(1);
    expect(fitted.lines[0]).toMatch(/^N\. Korean laborers .*…$/);
  });

  it('never starts a Japanese line with closing punctuation, at any width', () => {
    const text = '東京で桜が開花、平年より５日早く　「週末が見頃」と気象庁。きょうは晴れ、あすは雨（一時）でしょう。';
    for (let width = 120; width <= 900; width += 20) {
      const fitted = fitLines({ text, width, height: 2000, maxSize: 40, minSize: 40, lineHeight: 1.2, measure });
      expect(fitted.lines.join('').replace(/\u3000/g, '')).toBe(text.replace(/\u3000/g, ''));
      for (const line of fitted.lines) {
        expect(mayNotStartLine(line[0]!), `width ${width}: line "${line}"`).toBe(false);
        expect(/[「（]$/.test(line), `width ${width}: line "${line}" ends with an opening bracket`).toBe(false);
      }
    }
  });

  it('splits a single word only when it is wider than the whole box', () => {
    const fitted = fitLines({ text: 'Supercalifragilisticexpialidocious is long', width: 200, height: 1000, maxSize: 20, minSize: 20, lineHeight: 1.2, measure });
    expect(fitted.lines).toEqual(['Supercalifragilistic', 'expialidocious is', 'long']);
  });
});
