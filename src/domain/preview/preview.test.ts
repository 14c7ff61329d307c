import { describe, expect, it } from 'vitest';
import { NETWORK_PROFILES, profileOf } from './networks';
import { buildMock, centreCrop } from './mock';
import { pageTagsFromHtml } from './page-tags';
import { buildPreview, type PreviewInput } from './preview';
import { WARNING_CODES, type WarningCode } from './warnings';

const CARD = 'https://presscard.test/card/a/og.png?v=1';

/** A page's head as HTML, with the tags given (and no others). */
function page(tags: Record<string, string>, opts: { title?: string; jsonLd?: object } = {}): string {
  const metas = Object.entries(tags).map(([k, v]) => `<meta ${k.startsWith('og:') ? 'property' : 'name'}="${k}" content="${v.replace(/"/g, '&quot;')}">`);
  return `<html><head>${opts.title ? `<title>${opts.title}</title>` : ''}${metas.join('')}${opts.jsonLd ? `<script type="application/ld+json">${JSON.stringify(opts.jsonLd)}</script>` : ''}</head><body></body></html>`;
}

const GOOD = {
  'og:title': 'Sakura forecast moves earlier',
  'og:description': 'Tokyo cherry blossoms expected March 20.',
  'og:image': CARD,
  'og:image:alt': 'Sakura forecast card',
  'og:site_name': 'The Mainichi',
  'twitter:card': 'summary_large_image',
};

function input(html: string, patch: Partial<PreviewInput> = {}): PreviewInput {
  return {
    tags: pageTagsFromHtml(html),
    images: new Map([[CARD, { url: CARD, width: 1200, height: 630, type: 'image/png', bytes: 120_000 }]]),
    canonicalHost: 'mainichi.jp',
    status: 'published',
    embargoed: false,
    ...patch,
  };
}

const codes = (i: PreviewInput) => buildPreview(i).warnings.map((w) => w.code);
const warning = (i: PreviewInput, code: WarningCode) => buildPreview(i).warnings.find((w) => w.code === code);

describe('network profiles', () => {
  it('covers the 14 networks, each figure with a source, a month and a confirmed flag', () => {
    expect(NETWORK_PROFILES.map((p) => p.id)).toEqual([
      'facebook', 'x', 'linkedin', 'slack', 'discord', 'whatsapp', 'line', 'imessage', 'mastodon', 'bluesky', 'telegram', 'threads', 'google-search', 'google-discover',
    ]);
    const figures = (o: unknown): { source: string; checked: string; confirmed: boolean }[] =>
      !o || typeof o !== 'object' ? [] : 'source' in o && 'confirmed' in o ? [o as never] : Object.values(o).flatMap(figures);
    for (const p of NETWORK_PROFILES) {
      const fs = figures(p);
      expect(fs.length, p.id).toBeGreaterThan(3);
      for (const f of fs) {
        expect(f.source.length, p.id).toBeGreaterThan(5);
        expect(f.checked).toMatch(/^\d{4}-\d{2}$/);
        expect(typeof f.confirmed).toBe('boolean');
      }
    }
  });
});

describe('mocks', () => {
  it('reads each field from the tags the network reads, in its order', () => {
    const html = page({ ...GOOD, 'twitter:title': 'X-only title' }, { jsonLd: { '@type': 'NewsArticle', headline: 'JSON-LD headline' } });
    const { networks } = buildPreview(input(html));
    const by = Object.fromEntries(networks.map((n) => [n.network, n]));
    expect(by.x!.title).toMatchObject({ text: 'X-only title', source: 'twitter:title' });
    expect(by.facebook!.title).toMatchObject({ text: GOOD['og:title'], source: 'og:title' });
    expect(by.mastodon!.title).toMatchObject({ text: 'JSON-LD headline', source: 'jsonld:headline' });
    expect(by.line!.description).toMatchObject({ source: 'og:description' });
    expect(by.x!.description).toBeUndefined(); // X large cards show no description
    expect(by.facebook!.domain).toBe('MAINICHI.JP');
    expect(by.x!.domain).toBe('From mainichi.jp');
  });

  it('truncates a Japanese headline by UTF-8 bytes on Discord and by code points on X', () => {
    const ja = '北朝鮮労働者、米朝首脳会談後に中国へ戻り始める　国境の町で取材した記者が見た現実とは何か、そして今後の見通し';
    const { networks } = buildPreview(input(page({ ...GOOD, 'og:title': ja })));
    const discord = networks.find((n) => n.network === 'discord')!;
    expect(discord.title).toMatchObject({ truncated: true, unit: 'utf8-bytes', limit: 67 });
    expect(discord.title!.text).toBe(`${[...ja].slice(0, 22).join('')}...`);
    const x = networks.find((n) => n.network === 'x')!;
    expect(x.title).toMatchObject({ truncated: false, unit: 'code-points' }); // 56 code points < 70
    const fb = networks.find((n) => n.network === 'facebook')!;
    expect(fb.title!.unit).toBe('lines');
  });

  it('switches to the small layout under the large-card size and crops to the network aspect', () => {
    const small = new Map([[CARD, { url: CARD, width: 500, height: 260 }]]);
    const fb = buildMock(profileOf('facebook'), pageTagsFromHtml(page(GOOD)), small, 'mainichi.jp');
    expect(fb.image).toMatchObject({ layout: 'small', crop: { aspect: 1 } });
    const big = buildMock(profileOf('x'), pageTagsFromHtml(page(GOOD)), new Map([[CARD, { url: CARD, width: 1200, height: 630 }]]), 'mainichi.jp');
    expect(big.image!.layout).toBe('large');
    expect(big.image!.crop.height).toBeCloseTo((1200 / 630) / 2, 5);
    expect(centreCrop(1200, 1200, 1)).toEqual({ aspect: 1, x: 0, y: 0, width: 1, height: 1 });
    const tall = buildMock(profileOf('mastodon'), pageTagsFromHtml(page(GOOD)), new Map([[CARD, { url: CARD, width: 600, height: 900 }]]), 'mainichi.jp');
    expect(tall.image!.layout).toBe('small');
  });

  it('decodes entities the way crawlers do', () => {
    const tags = pageTagsFromHtml('<head><meta property="og:title" content="Q&amp;A: &#x65E5;&#26412; &quot;now&quot;"></head>');
    expect(tags.meta.get('og:title')).toEqual(['Q&A: 日本 "now"']);
  });
});

describe('warnings', () => {
  it('a clean published page has only the information about frozen networks', () => {
    expect(codes(input(page(GOOD)))).toEqual(['frozen-at-post']);
  });

  const cases: [WarningCode, PreviewInput][] = [
    ['title-missing', input(page({ ...GOOD, 'og:title': '' }))],
    ['title-truncated', input(page({ ...GOOD, 'og:title': 'A very long headline that goes on and on about the summit and the laborers and the border towns' }))],
    ['description-truncated', input(page({ ...GOOD, 'og:description': 'word '.repeat(120) }))],
    ['image-missing', input(page({ ...GOOD, 'og:image': '' }))],
    ['image-over-byte-budget', input(page(GOOD), { images: new Map([[CARD, { url: CARD, width: 1200, height: 630, type: 'image/png', bytes: 1_500_000 }]]) })],
    ['image-under-large-size', input(page(GOOD), { images: new Map([[CARD, { url: CARD, width: 400, height: 210, type: 'image/png' }]]) })],
    ['image-type-refused', input(page(GOOD), { images: new Map([[CARD, { url: CARD, width: 1200, height: 630, type: 'image/svg+xml' }]]) })],
    ['image-alt-missing', input(page({ ...GOOD, 'og:image:alt': '' }))],
    ['og-jsonld-mismatch', input(page(GOOD, { jsonLd: { '@context': 'https://schema.org', '@graph': [{ '@type': 'NewsArticle', headline: 'Another headline' }] } }))],
    ['card-headline-shrunk', input(page(GOOD), { card: { headline: { shrunk: true, clamped: false } } })],
    ['card-headline-clamped', input(page(GOOD), { card: { headline: { shrunk: true, clamped: true } } })],
    ['card-fallback', input(page(GOOD), { card: { fallback: 'photo could not be fetched' } })],
    ['frozen-at-post', input(page(GOOD))],
    ['embargoed', input(page(GOOD), { embargoed: true, embargoUntil: '2099-01-01T00:00:00.000Z' })],
    ['draft', input(page(GOOD), { status: 'draft' })],
  ];

  it('has a crafted case for every code', () => {
    expect(cases.map(([c]) => c).sort()).toEqual([...WARNING_CODES].sort());
  });

  it.each(cases)('%s', (code, i) => {
    const w = warning(i, code)!;
    expect(w, code).toBeDefined();
    expect(w.networks.length).toBeGreaterThan(0);
    expect(w.sources.length).toBeGreaterThan(0);
    expect(w.message.length).toBeGreaterThan(10);
    expect(['error', 'warning', 'info']).toContain(w.severity);
  });

  it.each(cases)('%s has a Japanese message when the UI is Japanese', (code, i) => {
    const en = warning(i, code)!;
    const ja = warning({ ...i, lang: 'ja' }, code)!;
    expect(ja.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(ja.message).not.toMatch(/[{}]/);
    expect(ja.message).not.toBe(en.message);
    expect({ ...ja, message: '' }).toEqual({ ...en, message: '' });
  });

  it('warns about a stored card that fell back, in words, even when this render drew the photo', () => {
    const w = warning(input(page(GOOD), { card: { storedFallback: 'http-404' } }), 'card-fallback')!;
    expect(w.message).toContain('HTTP 404');
    expect(warning(input(page(GOOD), { card: { storedFallback: 'disallowed-host' }, lang: 'ja' }), 'card-fallback')!.message).toContain('許可されていません');
    expect(warning(input(page(GOOD), { card: {} }), 'card-fallback')).toBeUndefined();
  });

  it('names the networks a rule affects: the byte budget hits Bluesky (1 MB) and Mastodon (2 MB) but not Facebook (8 MB)', () => {
    const w = warning(cases.find(([c]) => c === 'image-over-byte-budget')![1], 'image-over-byte-budget')!;
    expect(w.networks).toEqual(expect.arrayContaining(['bluesky', 'whatsapp']));
    expect(w.networks).not.toContain('facebook');
    const big = input(page(GOOD), { images: new Map([[CARD, { url: CARD, width: 1200, height: 630, bytes: 2_500_000 }]]) });
    expect(warning(big, 'image-over-byte-budget')!.networks).toContain('mastodon');
  });

  it('lists errors before warnings before information', () => {
    const ws = buildPreview(input(page({ ...GOOD, 'og:image': '', 'og:title': 'x'.repeat(200) }), { status: 'draft' })).warnings;
    const order = ws.map((w) => ({ error: 0, warning: 1, info: 2 })[w.severity]);
    expect(order).toEqual([...order].sort());
  });
});
