import { describe, expect, it } from 'vitest';
import { clampLines, measure, truncateTo } from './units';

const FAMILY = '👨‍👩‍👧‍👦'; // one grapheme, 7 code points, 11 UTF-16 units, 25 UTF-8 bytes
const JA = '北朝鮮労働者、米朝首脳会談後に中国へ戻り始める　国境の町で取材した記者が見た現実とは';

describe('measure', () => {
  it('counts in each unit', () => {
    expect(measure(FAMILY, 'graphemes')).toBe(1);
    expect(measure(FAMILY, 'code-points')).toBe(7);
    expect(measure(FAMILY, 'utf16')).toBe(11);
    expect(measure(FAMILY, 'utf8-bytes')).toBe(25);
    expect(measure('日本', 'utf8-bytes')).toBe(6);
    expect(measure('e\u0301', 'graphemes')).toBe(1);
  });
});

describe('truncateTo', () => {
  it('cuts Japanese at 67 UTF-8 bytes plus "..." as Discord does: 22 characters', () => {
    const t = truncateTo(JA, 67, 'utf8-bytes', '...', false);
    expect(t.truncated).toBe(true);
    expect(t.text).toBe(`${[...JA].slice(0, 22).join('')}...`);
    expect(measure(t.text.slice(0, -3), 'utf8-bytes')).toBeLessThanOrEqual(67);
  });

  it('never splits an emoji ZWJ sequence or a base and its combining accent', () => {
    const text = `Family day ${FAMILY}${FAMILY} at the park`;
    for (let max = 10; max < 40; max++) {
      for (const unit of ['code-points', 'utf16', 'utf8-bytes', 'graphemes'] as const) {
        const t = truncateTo(text, max, unit);
        expect(t.text.replace(/…$/, '').replaceAll(FAMILY, '')).not.toMatch(/[\u200d\ud83c-\ud83d]/);
        expect(measure(t.text, unit)).toBeLessThanOrEqual(Math.max(max, measure('…', unit)));
      }
    }
    // Decomposed é is two code points: it fits whole or not at all.
    expect(truncateTo('Cafe\u0301 au lait', 6, 'code-points').text).toBe('Cafe\u0301…');
    expect(truncateTo('Cafe\u0301 au lait', 5, 'code-points').text).toBe('Caf…');
  });

  it('leaves text within the limit untouched', () => {
    expect(truncateTo('Short', 70, 'code-points')).toEqual({ text: 'Short', truncated: false, length: 5 });
  });
});

describe('clampLines', () => {
  it('clamps a long English headline to two lines at a width, ending with an ellipsis', () => {
    const long = 'North Korean laborers begin flowing back into China after the Trump-Kim summit, sources in Dandong and Tumen say';
    const r = clampLines(long, 300, 16, 2);
    expect(r.truncated).toBe(true);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[1]!.endsWith('…')).toBe(true);
    expect(r.length).toBeGreaterThan(2);
  });

  it('breaks Japanese between characters but never before 、 or 。 (kinsoku)', () => {
    const r = clampLines(JA, 14 * 10, 14, 10);
    expect(r.lines.length).toBeGreaterThan(2);
    for (const line of r.lines.slice(1)) expect(line[0]).not.toMatch(/[、。]/);
    expect(r.text).toBe(JA);
  });

  it('keeps a short title on one line', () => {
    expect(clampLines('Sakura forecast', 500, 16, 1)).toMatchObject({ truncated: false, lines: ['Sakura forecast'] });
  });
});
