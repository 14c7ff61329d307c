import { describe, expect, it } from 'vitest';
import { graphemeLength, truncateText } from './text';

describe('graphemeLength', () => {
  it('counts user-perceived characters, not UTF-16 units', () => {
    expect(graphemeLength('🎏')).toBe(1);
    expect('🎏'.length).toBe(2);
    expect(graphemeLength('👨‍👩‍👧‍👦 family')).toBe(8);
    expect(graphemeLength('이재명')).toBe(3);
  });
});

describe('truncateText', () => {
  it('leaves short text alone, collapsing whitespace', () => {
    expect(truncateText('  A  short\n headline ', 50)).toBe('A short headline');
  });

  it('cuts at a word boundary and ends with an ellipsis within the limit', () => {
    const out = truncateText('North Korean laborers begin flowing back into China', 30);
    expect(out).toBe('North Korean laborers begin…');
    expect(graphemeLength(out)).toBeLessThanOrEqual(30);
  });

  it('keeps the ideographic space of CJK headlines', () => {
    expect(truncateText('東京で桜が開花　「週末が見頃」', 50, 'ja')).toBe('東京で桜が開花　「週末が見頃」');
  });

  it('cuts Japanese between characters and never splits an emoji', () => {
    const ja = truncateText('東京で桜が開花、平年より５日早く', 8, 'ja');
    expect(graphemeLength(ja)).toBeLessThanOrEqual(8);
    expect(ja.endsWith('…')).toBe(true);
    const emoji = truncateText('🎏🎏🎏🎏🎏🎏', 4);
    expect(emoji).toBe('🎏🎏🎏…');
  });
});
