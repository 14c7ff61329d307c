import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { articleSchema } from '../src/domain/article';
import { buildCardInput } from '../src/domain/card';
import { parseSiteConfig } from '../src/domain/site';
import { assetReader } from '../src/adapters/assets';
import { renderCard } from '../src/render/render-card';
import { createPhotoSource } from '../src/adapters/photo-source';
import { inkOutsideTextBox } from './support/card-ink';

// Property (issue 10): for any mixed-script headline, the fitter measures what the renderer draws. The
// rendered text card has no ink outside its text box, and satori asked for no segment that neither a
// loaded font nor an emoji image covers. A bounded number of cases keeps `npm test` quick; a failure
// prints the seed and the shrunk headline to replay. The seed is fixed so that `npm test` answers the
// same way on every run; FC_SEED=<n> (or FC_SEED=random) explores other cases, FC_RUNS=<n> runs more of them.
const config = parseSiteConfig(env);
const assets = assetReader(env.ASSETS);
const photos = createPhotoSource({ imageHosts: config.imageHosts, ownOrigin: 'https://presscard.test', assets });

const SEED = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20261130);
const RUNS = Number(process.env.FC_RUNS ?? 12);

const pick = (items: string[]) => fc.constantFrom(...items);
const latin = pick(['Diet', 'hearing', 'Osaka', 'élection', 'Müller', 'Łódź', 'Ørsted', 'naïve', 'Ελλάδα', 'Москва', 'Nguyễn', 'Việt']);
const cjk = pick(['東京', '外交部发言人', '安东尼奥·古特雷斯', '「週末が見頃」', 'ニュースっぽい', '한일 관계의', '（速報）', '颱風']);
const rtl = pick(['שלום', 'עכשיו', 'الشرق', 'الأوسط', 'لا', '(ירושלים)', 'مرحبا 2026', 'العالم؟', 'الشَّرق،']);
const thai = pick(['ประเทศไทย', 'และญี่ปุ่น', 'ลงนามข้อตกลง']);
const emoji = pick(['👁️‍🗨️', '👁‍🗨', '🐦‍🔥', '🍋‍🟩', '🫩', '🇯🇵', '1️⃣', '👩🏽‍💻', '🧑‍🧑‍🧒', '❤️‍🔥', '🎏', '☀️', '©', '🐈‍⬛', '🦊‍🔥', '🧟‍♀️‍➡️']);
const invisible = pick(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', '\u202a', '\u202e', '\u202c', '\u2066', '\u2069', '\ufe0f']);
const combining = fc
  .tuple(pick(['a', 'e', 'o', 'x', 'Q', 'ơ']), fc.array(fc.integer({ min: 0x300, max: 0x36f }), { minLength: 1, maxLength: 3 }))
  .map(([base, marks]) => base + String.fromCodePoint(...marks));
const longWord = fc.integer({ min: 18, max: 70 }).chain((n) => pick(['x', 'W', '漢', 'ש', 'm']).map((c) => c.repeat(n)));
const url = fc.constant('https://mainichi.jp/english/articles/20260701/p2a/00m/0na/016000c-report-on-the-diet');

const token = fc.oneof(
  { weight: 4, arbitrary: latin },
  { weight: 2, arbitrary: cjk },
  { weight: 2, arbitrary: rtl },
  { weight: 1, arbitrary: thai },
  { weight: 2, arbitrary: emoji },
  { weight: 2, arbitrary: invisible },
  { weight: 1, arbitrary: combining },
  { weight: 1, arbitrary: longWord },
  { weight: 1, arbitrary: url },
);
const headline = fc
  .array(fc.tuple(token, pick([' ', ' ', '', '\u3000'])), { minLength: 2, maxLength: 14 })
  .map((parts) => parts.map(([t, sep]) => t + sep).join('').trim())
  .filter((h) => h.length > 0);

describe('card text property', () => {
  it('for generated mixed-script headlines: no ink outside the text box, every grapheme drawn by a font or an image', async () => {
    const base = articleSchema.parse(fixtureById(SEED_ID));
    await fc.assert(
      fc.asyncProperty(headline, fc.constantFrom('og' as const, 'square' as const), async (text, variant) => {
        const input = buildCardInput({ ...base, headline: text, socialHeadline: undefined }, config, variant, 'text');
        const card = await renderCard(input, { assets, photos }, { output: 'png' });
        expect(card.uncovered ?? [], 'segments with no font or image').toEqual([]);
        expect(inkOutsideTextBox(card.bytes, variant), `ink outside the text box for ${JSON.stringify(text)}`).toEqual({ count: 0 });
      }),
      { numRuns: RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    // A dozen full card renders: far longer than one test's default budget on a busy machine.
  }, 180_000 * Math.max(1, RUNS / 12));
});
