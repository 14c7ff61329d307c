import { describe, expect, it } from 'vitest';
import { EMBED_TIERS, embedHeight, embedTier, chooseEmbedLayout, estimateLines, type EmbedText } from './embed-layout';

const seed: EmbedText = {
  headline: 'N. Korean laborers begin flowing back into China after Trump-Kim summit',
  description:
    "North Korean laborers are crossing back into China's border provinces of Jilin and Liaoning as relations warm after the Trump-Kim summit, with residents on both sides anticipating a loosening of sanctions.",
  byline: 'Akira Kudo, Keisuke Kawazu',
};

describe('embedTier', () => {
  it('switches at the CSS breakpoints', () => {
    expect([150, 259, 260, 439, 440, 800].map((w) => embedTier(w).name)).toEqual(['xs', 'xs', 'sm', 'sm', 'md', 'md']);
  });

  it('has tiers in ascending order, starting at 0', () => {
    expect(EMBED_TIERS[0]!.minWidth).toBe(0);
    const mins = EMBED_TIERS.map((t) => t.minWidth);
    expect([...mins].sort((a, b) => a - b)).toEqual(mins);
  });
});

describe('estimateLines', () => {
  it('is 0 for no text and 1 for a short one', () => {
    expect(estimateLines('  ', 300, 16, 3)).toBe(0);
    expect(estimateLines('Hello world', 300, 16, 3)).toBe(1);
  });

  it('answers the clamp, and returns, for a box narrower than one character (zero, negative, not a number)', () => {
    for (const width of [30, 1, 0, -20, Number.NaN, Number.NEGATIVE_INFINITY]) {
      expect(estimateLines(seed.description, width, 15, 4), String(width)).toBe(4);
    }
  });

  it('wraps more in a narrower box and stops at the clamp', () => {
    const lines = [800, 400, 200, 100].map((w) => estimateLines(seed.description, w, 15, 99));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines[3]!).toBeGreaterThan(lines[0]!);
    expect(estimateLines(seed.description, 100, 15, 3)).toBe(3);
  });

  it('takes CJK characters as 1 em each and breaks between them', () => {
    // 20 ideographs at 10 px in a 100 px box: 10 to a line.
    expect(estimateLines('東'.repeat(20), 100, 10, 9)).toBe(2);
    expect(estimateLines('東'.repeat(21), 100, 10, 9)).toBe(3);
  });

  it('breaks a word longer than the line inside it', () => {
    expect(estimateLines('x'.repeat(60), 100, 10, 9)).toBeGreaterThanOrEqual(3);
  });

  it('counts bold text as wider', () => {
    const text = 'a'.repeat(100);
    expect(estimateLines(text, 300, 10, 99, true)).toBeGreaterThanOrEqual(estimateLines(text, 300, 10, 99));
  });
});

describe('embedHeight', () => {
  it('adds up borders, rows and gaps of the brief layout', () => {
    // md tier: 3 top border, text block 2*16 pad + 16 kicker + 27 headline + 18 meta + 2*8 gaps,
    // brand row 1 + 2*10 + 22, 1 bottom border.
    expect(embedHeight({ headline: 'Short', description: '', byline: 'A' }, 600, 'brief')).toBe(3 + 109 + 43 + 1);
  });

  it('orders the layouts full > text > brief, and the worst case above the estimate', () => {
    for (const w of [150, 320, 600, 800]) {
      const [full, text, brief] = (['full', 'text', 'brief'] as const).map((l) => embedHeight(seed, w, l));
      expect(full).toBeGreaterThan(text!);
      expect(text).toBeGreaterThan(brief!);
      expect(embedHeight(seed, w, 'full', { worstCase: true })).toBeGreaterThanOrEqual(full!);
    }
  });

  it('grows with width when the card has its 16:9 photo', () => {
    expect(embedHeight(seed, 800, 'full')).toBeGreaterThan(embedHeight(seed, 600, 'full'));
  });

  it('stacks byline and date on the narrowest cards', () => {
    const withByline = embedHeight(seed, 150, 'brief');
    const without = embedHeight({ ...seed, byline: '' }, 150, 'brief');
    expect(withByline - without).toBe(embedTier(150).meta.line);
  });
});

describe('chooseEmbedLayout', () => {
  it('keeps the photo when nothing limits the height', () => {
    expect(chooseEmbedLayout(seed, 600, undefined)).toBe('full');
    expect(chooseEmbedLayout(seed, 600, 1000)).toBe('full');
  });

  it('drops the photo, then the description, to fit maxheight', () => {
    const text = embedHeight(seed, 600, 'text', { worstCase: true });
    const full = embedHeight(seed, 600, 'full', { worstCase: true });
    expect(chooseEmbedLayout(seed, 600, full - 1)).toBe('text');
    expect(chooseEmbedLayout(seed, 600, text)).toBe('text');
    expect(chooseEmbedLayout(seed, 600, text - 1)).toBe('brief');
    expect(chooseEmbedLayout(seed, 600, 50)).toBe('brief');
  });
});
