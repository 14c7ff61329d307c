import { describe, expect, it } from 'vitest';
import { codePointLength, fitShareText, graphemeMeasure, hashtagFor, xWeightedLength } from './share-text';

describe('xWeightedLength (twitter-text v3 weights)', () => {
  it('counts Latin as 1, CJK as 2 and each emoji as 2', () => {
    expect(xWeightedLength('Kyoto')).toBe(5);
    expect(xWeightedLength('東京で桜')).toBe(8);
    expect(xWeightedLength('한국')).toBe(4);
    expect(xWeightedLength('🎏')).toBe(2);
    // A ZWJ family is seven code points and one emoji.
    expect(xWeightedLength('👨‍👩‍👧‍👦')).toBe(2);
    expect(xWeightedLength('🇯🇵')).toBe(2);
    // General punctuation U+2010-U+201F weighs 1 (curly quotes, dashes); the ellipsis U+2026 weighs 2.
    expect(xWeightedLength('“—”')).toBe(3);
    expect(xWeightedLength('…')).toBe(2);
  });

  it('normalises to NFC first, as X does', () => {
    expect(xWeightedLength('e\u0301')).toBe(1);
  });
});

describe('fitShareText', () => {
  it('keeps text that fits and cuts at a word boundary otherwise', () => {
    expect(fitShareText('Carp streamers fly', 18, codePointLength)).toBe('Carp streamers fly');
    expect(fitShareText('Carp streamers fly over Kyoto', 18, codePointLength)).toBe('Carp streamers…');
  });

  it('fits CJK text by X weight', () => {
    const text = '東京で桜が開花、平年より５日早く';
    const fitted = fitShareText(text, 11, xWeightedLength, 'ja');
    expect(xWeightedLength(fitted)).toBeLessThanOrEqual(11);
    expect(fitted.endsWith('…')).toBe(true);
    expect(text.startsWith(fitted.slice(0, -1))).toBe(true);
  });

  it('never splits an emoji sequence', () => {
    const fitted = fitShareText('👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦', 3, graphemeMeasure);
    expect(fitted).toBe('👨‍👩‍👧‍👦👨‍👩‍👧‍👦…');
  });
});

describe('hashtagFor', () => {
  it('joins words in camel case and drops punctuation', () => {
    expect(hashtagFor('Trump-Kim summit')).toBe('TrumpKimSummit');
    expect(hashtagFor('North Korea')).toBe('NorthKorea');
    expect(hashtagFor('桜')).toBe('桜');
    expect(hashtagFor('2026')).toBeUndefined();
    expect(hashtagFor('---')).toBeUndefined();
  });
});
