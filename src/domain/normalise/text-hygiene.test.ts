import { describe, expect, it } from 'vitest';
import { isWellFormed, normaliseText, repairText, textIssue, toWellFormed } from './text-hygiene';

describe('textIssue', () => {
  it('accepts clean text of any script, emoji sequences included', () => {
    for (const s of ['Nguyễn Thị Ánh Hồng', 'שלום עכשיו', '外交部发言人', '👁️‍🗨️ 🐦‍🔥 👨‍👩‍👧‍👦 🇯🇵', 'soft\u00ADhyphen and zero\u200Bwidth']) {
      expect(textIssue(s), s).toBeUndefined();
    }
  });

  it('names a lone surrogate and its offset', () => {
    expect(textIssue('end \ud83c')).toMatch(/lone surrogate \(U\+D83C\) at offset 4/);
    expect(textIssue('\udc00 start')).toMatch(/U\+DC00\) at offset 0/);
    // A surrogate pair in the wrong order is two lone surrogates.
    expect(textIssue('\udc00\ud83c')).toMatch(/U\+DC00/);
  });

  it('refuses C0, DEL and C1 controls; tab and line breaks only where the field allows them', () => {
    for (const c of ['\u0000', '\u0001', '\u001b', '\u007f', '\u0080', '\u0085', '\u009f']) expect(textIssue(`a${c}b`), JSON.stringify(c)).toMatch(/control character/);
    for (const c of ['\t', '\n', '\r']) {
      expect(textIssue(`a${c}b`)).toMatch(/control character/);
      expect(textIssue(`a${c}b`, { multiline: true })).toBeUndefined();
    }
    expect(textIssue('a\u0000b', { multiline: true })).toMatch(/U\+0000/);
  });

  it('treats U+2028 and U+2029 as line breaks: refused in single-line fields, LF in paragraphs', () => {
    expect(textIssue('First line\u2028second')).toMatch(/line separator U\+2028/);
    expect(textIssue('First para\u2029second')).toMatch(/line separator U\+2029/);
    expect(textIssue('a\u2028b\u2029c', { multiline: true })).toBeUndefined();
    expect(normaliseText('a\u2028b\u2029c')).toBe('a\nb\nc');
    expect(repairText('stored\u2028headline')).toBe('stored headline');
  });
});

describe('repairText and toWellFormed', () => {
  it('replaces lone surrogates with U+FFFD and keeps pairs', () => {
    expect(toWellFormed('a\ud83cb\ud83c\udf38')).toBe('a\uFFFDb🌸');
    expect(isWellFormed(toWellFormed('\udfff\ud800'))).toBe(true);
  });

  it('drops controls, turns line breaks into spaces in single-line fields, and normalises to NFC', () => {
    expect(repairText('Nul\u0000 and\nbreak e\u0301')).toBe('Nul and break é');
    expect(repairText('keep\nlines\t', { multiline: true })).toBe('keep\nlines\t');
    expect(textIssue(repairText('x\ud800\u0085\u0000y'))).toBeUndefined();
  });
});
