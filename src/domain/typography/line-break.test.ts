import { describe, expect, it } from 'vitest';
import { breakUnits, mayNotEndLine, mayNotStartLine } from './line-break';

const texts = (s: string) => breakUnits(s).map((u) => u.text);

describe('breakUnits', () => {
  it('keeps Latin words, hyphenated compounds and their punctuation whole', () => {
    expect(texts('N. Korean laborers begin flowing back into China after Trump-Kim summit')).toEqual([
      'N.', 'Korean', 'laborers', 'begin', 'flowing', 'back', 'into', 'China', 'after', 'Trump-Kim', 'summit',
    ]);
    expect(texts("Japan's  disaster\nrules, (again)")).toEqual(["Japan's", 'disaster', 'rules,', '(again)']);
  });

  it('sets Hangul keep-all: breaks only at spaces', () => {
    expect(texts('한일 관계의 미래는 (이재명)')).toEqual(['한일', '관계의', '미래는', '(이재명)']);
  });

  it('allows a break between Japanese characters except before closing punctuation or after opening brackets', () => {
    const units = texts('東京で桜が開花、平年より５日早く　「週末が見頃」と気象庁');
    expect(units).toContain('花、');
    expect(units).toContain('「週');
    expect(units).toContain('頃」');
    for (const u of units) {
      expect(mayNotStartLine(u[0]!), `unit ${u} starts with a line-start-prohibited character`).toBe(false);
      expect(mayNotEndLine(u.at(-1)!), `unit ${u} ends with an opening bracket`).toBe(false);
    }
  });

  it('keeps small kana, the long vowel mark and iteration marks with the character before them', () => {
    expect(texts('ニュースっぽい人々')).toEqual(['ニュー', 'スっ', 'ぽ', 'い', '人々']);
  });

  it('hangs spaces (ideographic ones too) at the end of the unit before them', () => {
    expect(breakUnits('早く　「週末')).toEqual([
      { text: '早', space: '' },
      { text: 'く', space: '\u3000' },
      { text: '「週', space: '' },
      { text: '末', space: '' },
    ]);
    expect(breakUnits('a  b')).toEqual([{ text: 'a', space: ' ' }, { text: 'b', space: '' }]);
  });

  it('keeps Chinese full-width punctuation off the start of a line', () => {
    const units = texts('上海外滩迎来日本游客回流，中日旅游交流升温');
    expect(units).toContain('流，');
    expect(units.some((u) => u.startsWith('，'))).toBe(false);
  });

  it('treats an emoji as a word of its own in Latin text', () => {
    expect(texts("🎏 Kyoto's Golden Week crowds are back 🎉")).toEqual(['🎏', "Kyoto's", 'Golden', 'Week', 'crowds', 'are', 'back', '🎉']);
  });
});
