import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureById } from '../fixtures';
import { assetReader } from '../src/adapters/assets';
import { clampLines, decodeEntities, estimatedWidthPx, profileOf, type MeasureWidth } from '../src/domain/preview';
import { breakUnits } from '../src/domain/typography';
import { loadCardFonts } from '../src/render/fonts';
import { call, putArticle } from './helpers';

const read = assetReader(env.ASSETS);
/** The measurement the newsroom uses: advances of the bundled sans faces (the card renderer's). */
const measurer = async (text: string, lang: string): Promise<MeasureWidth> => (await loadCardFonts(read, { text }, lang)).measure('text');
const graphemes = (s: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (x) => x.segment);

const HEADLINES = [
  { name: 'Japanese', lang: 'ja', text: '桜の開花予想、東京は３月２０日　平年より６日早く、気象会社が発表した最新の予報によると全国的に早まる見通しで、各地の観光地では「お花見」の準備が急ピッチで進んでいる。' },
  { name: 'emoji', lang: 'en', text: 'Families 👨‍👩‍👧‍👦 and flags 🇯🇵🇰🇷 fill the stands 🏟️ as the final goes to penalties ⚽ in a night nobody will forget 🎉🎉 while 🧑🏽‍💻 reporters file from the press box 📰 and fans 🙌🏿 sing until dawn' },
  { name: 'long Latin', lang: 'en', text: 'Supercalifragilisticexpialidocious-sounding infrastructure appropriations: lawmakers debate an extraordinarily long omnibus bill late into the night, while Pneumonoultramicroscopicsilicovolcanoconiosis-level jargon fills every amendment' },
];

describe('lines at a pixel width, measured with the bundled sans faces', () => {
  // Facebook's title rule: 2 lines, 500 px wide at 16 px.
  const { widthPx, fontPx, lines: { value: maxLines } } = profileOf('facebook').title as { widthPx: number; fontPx: number; lines: { value: number } };

  it.each(HEADLINES)('$name: every line fits, no line could take the next unit, and the cut is where the measurement says', async ({ text, lang }) => {
    const measure = await measurer(text, lang);
    const all = clampLines(text, widthPx, fontPx, 99, measure);
    expect(all.truncated).toBe(false);
    expect(all.lines.length).toBeGreaterThan(maxLines);
    for (const [i, line] of all.lines.entries()) {
      expect(measure(line, fontPx), line).toBeLessThanOrEqual(widthPx);
      const next = all.lines[i + 1];
      if (next === undefined) continue;
      // The next line's first break unit would not have fitted on this one.
      const first = breakUnits(next)[0]!;
      const sep = text.includes(`${line} ${next.slice(0, 1)}`) ? ' ' : '';
      const wider = measure(line + sep + first.text, fontPx) > widthPx || measure(line + graphemes(next)[0]!, fontPx) > widthPx;
      expect(wider, `${line} | ${first.text}`).toBe(true);
    }

    const clamped = clampLines(text, widthPx, fontPx, maxLines, measure);
    expect(clamped.truncated).toBe(true);
    expect(clamped.lines.slice(0, -1)).toEqual(all.lines.slice(0, maxLines - 1));
    const last = clamped.lines.at(-1)!;
    expect(last.endsWith('…')).toBe(true);
    expect(measure(last, fontPx)).toBeLessThanOrEqual(widthPx);
    // Maximal: one more grapheme of the original line and the ellipsis would not fit.
    const kept = last.slice(0, -1);
    const rest = all.lines[maxLines - 1]!.slice(kept.length).trimStart();
    if (rest) expect(measure(kept + graphemes(rest)[0]! + '…', fontPx)).toBeGreaterThan(widthPx);
    // Never inside a grapheme: an emoji ZWJ sequence or a flag stays whole.
    const source = new Set(graphemes(text));
    for (const g of graphemes(clamped.text)) if (g !== '…' && g !== ' ') expect(source.has(g), g).toBe(true);
  });

  it('the measurement is the fonts\', not the estimate: they disagree on Latin text', async () => {
    const text = HEADLINES[2]!.text;
    const measure = await measurer(text, 'en');
    expect(Math.abs(measure(text, fontPx) - estimatedWidthPx(text, fontPx))).toBeGreaterThan(1);
  });
});

describe('the preview uses the measured widths', () => {
  const JA_ID = '20260320-ja-sakura-forecast';
  beforeAll(async () => {
    expect((await putArticle(fixtureById(JA_ID))).status).toBeLessThan(300);
  });

  it('cuts each lines-at-a-width network where clampLines with the fonts cuts', async () => {
    const res = await call(`/api/newsroom/articles/${JA_ID}/preview?render=0`, { headers: { authorization: 'Bearer staff-test-token' } });
    const p = (await res.json()) as { networks: { network: string; title?: { text: string; unit: string; source: string } }[] };
    const page = await (await call(`/a/${JA_ID}`)).text();
    const ogTitle = decodeEntities(/<meta property="og:title" content="([^"]*)"/.exec(page)![1]!);
    const measure = await measurer(ogTitle, 'ja');
    let checked = 0;
    for (const n of p.networks) {
      const rule = profileOf(n.network as never).title;
      if (rule?.kind !== 'lines' || n.title?.source !== 'og:title') continue;
      expect(n.title.text, n.network).toBe(clampLines(ogTitle, rule.widthPx, rule.fontPx, rule.lines.value, measure).text);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });
});
