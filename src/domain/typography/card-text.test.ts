import { describe, expect, it } from 'vitest';
import { drawnText, emojiLookup, paragraphDirection, prepareText, visualLine } from './card-text';

const names = emojiLookup(new Set(['1f441-200d-1f5e8', '1f426', '1f525', '1f34b', '1f7e9', '1f600', '2764-fe0f-200d-1f525']));

describe('prepareText', () => {
  it('normalises to NFC: decomposed Vietnamese becomes the precomposed letters', () => {
    const nfd = 'Nguyễn Thị Ánh Hồng wins Nikkei prize for Việt reporting'.normalize('NFD');
    expect(nfd).toContain('e\u0302\u0303');
    expect(prepareText(nfd, names).text).toBe('Nguyễn Thị Ánh Hồng wins Nikkei prize for Việt reporting'.normalize('NFC'));
  });

  it('finds an RGI sequence with or without U+FE0F', () => {
    expect(names('👁️‍🗨️')).toBe('1f441-200d-1f5e8');
    expect(names('👁‍🗨')).toBe('1f441-200d-1f5e8');
    expect(names('❤️‍🔥')).toBe('2764-fe0f-200d-1f525');
    expect(prepareText('Witness 👁️‍🗨️ speaks', names).text).toBe('Witness 👁️‍🗨️ speaks');
  });

  it('falls back from a ZWJ sequence no image set has to its components', () => {
    const unknown = emojiLookup(new Set(['1f426', '1f525', '1f34b', '1f7e9']));
    expect(prepareText('New 🐦‍🔥 and 🍋‍🟩', unknown).text).toBe('New 🐦🔥 and 🍋🟩');
  });

  it('drops an emoji no image set has rather than drawing a missing glyph', () => {
    const p = prepareText('Face 🫩 here', names);
    expect(p.text).toBe('Face  here');
    expect(p.dropped).toEqual(['🫩']);
  });

  it('shapes Arabic into joined presentation forms (logical order)', () => {
    const shaped = prepareText('بالعالم', names).text;
    expect([...shaped].map((c) => c.codePointAt(0)!.toString(16))).toEqual(['fe91', 'fe8e', 'fedf', 'fecc', 'fe8e', 'fedf', 'fee2']);
  });

  it('hands satori no code point of the Arabic block: punctuation mapped, vowel marks left out', () => {
    for (const text of ['مرحبا، العالم؟', 'الشَّرق الأوسط؛ ٪٥٠', 'مـــرحبا']) {
      const p = prepareText(text, names);
      expect(p.undrawable, text).toBeUndefined();
      expect(p.text, text).not.toMatch(/[\u0600-\u065f\u066a-\u06d2\u06fa-\u06ff]/);
    }
    expect(prepareText('اردو میں ٹ ں ے', names).undrawable).toMatch(/presentation forms/);
  });

  it('marks text that needs Indic shaping as undrawable', () => {
    expect(prepareText('Modi नरेंद्र मोदी', names).undrawable).toMatch(/Indic shaping/);
    expect(prepareText('Plain Latin', names).undrawable).toBeUndefined();
  });
});

describe('drawnText', () => {
  it('never draws format characters, and shows a soft hyphen only where the line breaks at it', () => {
    const text = 'a\u200bb\u200cc\u200dd\u2060e\ufefff\u202eg\u2066h\u2069i\u00adj';
    expect(drawnText(text, false)).toBe('abcdefghij');
    expect(drawnText('Dis\u00ad', true)).toBe('Dis-');
    expect(drawnText('Dis\u00ad', false)).toBe('Dis');
  });

  it('keeps the joiners and selectors inside emoji sequences', () => {
    expect(drawnText('x 👁️‍🗨️ y', true)).toBe('x 👁️‍🗨️ y');
  });
});

describe('visualLine (UAX #9)', () => {
  it('reverses a Hebrew run inside a left-to-right paragraph', () => {
    expect(visualLine('Israeli paper שלום עכשיו praises', 'ltr', true)).toBe('Israeli paper וישכע םולש praises');
  });

  it('sets a right-to-left paragraph with numbers and mirrored brackets', () => {
    expect(paragraphDirection('שלום (2026) abc')).toBe('rtl');
    expect(paragraphDirection('abc שלום')).toBe('ltr');
    expect(visualLine('שלום (2026)', 'rtl', true)).toBe('(2026) םולש');
  });

  it('moves grapheme clusters whole, a right-to-left letter\'s marks set before it (rule L3)', () => {
    // Hebrew letters with points (combining marks) stay with their base letter; satori draws a mark
    // where the pen stands, and the face draws it over the letter to its right: so the marks go first.
    const word = 'שָׁלוֹם';
    const clusters = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(word)].map((s) => s.segment);
    expect(clusters).toEqual(['שָׁ', 'ל', 'וֹ', 'ם']);
    expect(visualLine(word, 'rtl', true)).toBe('ם' + '\u05b9ו' + 'ל' + '\u05b8\u05c1ש');
    // In a left-to-right paragraph too, and a left-to-right letter's marks stay after it.
    expect(visualLine('Việt שָׁלוֹם', 'ltr', true)).toBe('Việt ם\u05b9ול\u05b8\u05c1ש');
    expect(visualLine('e\u0301 שׁ', 'ltr', true)).toBe('e\u0301 \u05c1ש');
  });
});
