import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fixtureById, fixtures, SEED_ID } from '../fixtures';
import { articleSchema } from '../src/domain/article';
import { buildCardInput, CARD_TEMPLATES } from '../src/domain/card';
import { parseSiteConfig } from '../src/domain/site';
import { assetReader } from '../src/adapters/assets';
import { emojiImage } from '../src/render/emoji';
import { isEmoji, loadCardFonts, loadFontManifest, type TextStyle } from '../src/render/fonts';
import { CARD_TEMPLATE_MODULES } from '../templates/cards';

const config = parseSiteConfig(env);
const read = assetReader(env.ASSETS);
const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);

/** Every (fixture, template) pair a card can be drawn for, with the text it sets per style. */
const cases = fixtures
  .filter((f) => f.status === 'published')
  .flatMap((f) => CARD_TEMPLATES.map((template) => ({ id: f.id, input: buildCardInput(articleSchema.parse(f), config, 'og', template) })))
  // A photo template for an article without a photo is its text card: test it once.
  .filter((c, i, all) => all.findIndex((o) => o.id === c.id && o.input.template === c.input.template) === i)
  .map(({ id, input }) => ({ id, input, texts: CARD_TEMPLATE_MODULES[input.template].texts(input) }));

describe('no tofu', () => {
  it('the fixtures use every script the cards must render', () => {
    const all = cases.flatMap((c) => Object.values(c.texts)).join('\n');
    for (const [script, re] of Object.entries({
      Latin: /\p{sc=Latin}/u, Hiragana: /\p{sc=Hira}/u, Katakana: /\p{sc=Kana}/u, Han: /\p{sc=Han}/u, Hangul: /\p{sc=Hang}/u, emoji: /\p{Extended_Pictographic}/u,
    })) {
      expect(re.test(all), script).toBe(true);
    }
  });

  for (const c of cases) {
    it(`${c.id} (${c.input.template}): every grapheme has a glyph in a loaded font, or a Twemoji image`, async () => {
      const fonts = await loadCardFonts(read, c.texts, c.input.lang);
      const manifest = await loadFontManifest(read);
      for (const [style, text] of Object.entries(c.texts) as [TextStyle, string][]) {
        expect(fonts.missingGlyphs(style, text), `${style}: ${text}`).toEqual([]);
        for (const g of graphemes(text).filter(isEmoji)) {
          expect(await emojiImage(read, manifest, g), g).toMatch(/^data:image\/svg\+xml;base64,/);
        }
      }
    });
  }

  it('would notice a missing glyph', async () => {
    const fonts = await loadCardFonts(read, { text: 'Tibetan ༀ' }, 'en');
    expect(fonts.missingGlyphs('text', 'Tibetan ༀ')).toEqual(['ༀ']);
  });
});

describe('font loading', () => {
  it('loads only the subsets the text touches: no CJK fonts for an English card', async () => {
    const input = buildCardInput(articleSchema.parse(fixtureById(SEED_ID)), config, 'og');
    const fonts = await loadCardFonts(read, CARD_TEMPLATE_MODULES.photo.texts(input), 'en');
    const faces = new Set(Object.values(fonts.requests).flat().map((r) => r.face));
    expect([...faces].sort()).toEqual(['sans', 'serif']);
    expect(fonts.fonts.length).toBeLessThanOrEqual(4);
  });

  it('takes Hangul from the Korean face even where another face claims it', async () => {
    const fonts = await loadCardFonts(read, { headline: 'Lee Jae-myung (이재명)' }, 'en');
    const hangul = fonts.requests.headline.filter((r) => r.face !== 'serif').map((r) => r.face);
    expect(new Set(hangul)).toEqual(new Set(['ko']));
    expect(fonts.missingGlyphs('headline', '이재명')).toEqual([]);
  });

  it('takes Han glyphs from the face of the article\'s language', async () => {
    for (const [lang, face] of [['ja', 'ja'], ['zh-Hans', 'zh-hans'], ['zh-Hant', 'zh-hant']] as const) {
      const fonts = await loadCardFonts(read, { headline: '東京 国际' }, lang);
      expect(fonts.requests.headline[0]!.face, lang).toBe(face);
    }
  });
});
