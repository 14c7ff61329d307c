import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { assetReader } from '../src/adapters/assets';
import { createPhotoSource } from '../src/adapters/photo-source';
import { articleSchema, storedArticleSchema } from '../src/domain/article';
import { buildCardInput } from '../src/domain/card';
import { parseSiteConfig } from '../src/domain/site';
import { renderCard } from '../src/render/render-card';
import { authed, call, putArticle } from './helpers';

// Bidi overrides are refused at ingest; embeddings and isolates never reach past their field, on the
// card, the page or the share text (src/domain/normalise/bidi-controls.ts, UAX #9, UTS #55).
const [RLE, PDF, RLO, RLI, PDI] = ['\u202b', '\u202c', '\u202e', '\u2067', '\u2069'];
const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/gu;
const doc = (id: string, patch: Record<string, unknown> = {}) => ({ ...fixtureById(SEED_ID), id, url: `https://mainichi.jp/english/articles/${id}`, ...patch });

/** Every opener has its closer, in order, within the string. */
function balanced(text: string): boolean {
  const stack: string[] = [];
  for (const c of text.match(CONTROLS) ?? []) {
    if (c === PDF) { if (stack.pop() !== 'e') return false; }
    else if (c === PDI) { if (stack.pop() !== 'i') return false; }
    else stack.push('\u2066\u2067\u2068'.includes(c) ? 'i' : 'e');
  }
  return stack.length === 0;
}

describe('bidi controls at ingest', () => {
  it.each([
    ['headline', { headline: `Invoice ${RLO}fdp.exe for the Diet` }, '/headline'],
    ['an author name', { authors: [{ name: `Akira \u202dKudo` }] }, '/authors/0/name'],
    ['a tag', { tags: ['ok', `${RLO}gat`] }, '/tags/1'],
  ])('an override in %s: 422 at its pointer, nothing written', async (_, patch, pointer) => {
    const id = `bidi-override-${pointer.replace(/\W+/g, '-')}`.replace(/-+$/, '');
    const res = await putArticle(doc(id, patch));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { pointer: string; detail: string }[] };
    expect(body.errors).toEqual([expect.objectContaining({ pointer, detail: expect.stringMatching(/bidi override U\+202[DE]/) })]);
    expect((await authed(`/api/articles/${id}`)).status).toBe(404);
  });

  it('embeddings and isolates are kept, closed within their field; stray closers dropped', async () => {
    const res = await putArticle(doc('bidi-balanced', { headline: `Paper ${RLE}שלום עכשיו praises Japan`, section: `World${PDI}`, description: `${RLI}ירושלים and Tokyo` }));
    expect(res.status).toBe(201);
    const stored = (await res.json()) as { headline: string; section: string; description: string };
    expect(stored.headline).toBe(`Paper ${RLE}שלום עכשיו praises Japan${PDF}`);
    expect(stored.section).toBe('World');
    expect(stored.description).toBe(`${RLI}ירושלים and Tokyo${PDI}`);
  });
});

describe('bidi controls stored before the check', () => {
  it('an override read back is an embedding, balanced: the forced order is gone', () => {
    const article = storedArticleSchema.parse(doc('bidi-stored', { headline: `Invoice ${RLO}fdp.exe`, section: `World ${RLE}x` }));
    expect(article.headline).toBe(`Invoice ${RLE}fdp.exe${PDF}`);
    expect(article.section).toBe(`World ${RLE}x${PDF}`);
  });

  it('pages and share text: every field balanced, no override, inline fields isolated', async () => {
    expect((await putArticle(doc('bidi-page', { headline: `Paper ${RLE}שלום`, section: `${RLI}World`, authors: [{ name: `${RLE}Kudo` }] }))).status).toBe(201);
    const html = await (await call('/a/bidi-page')).text();
    expect(html).not.toContain(RLO);
    const h1 = /<h1>([^<]*)<\/h1>/.exec(html)![1]!;
    expect(h1).toBe(`Paper ${RLE}שלום${PDF}`);
    expect(html).toMatch(/<span class="section" dir="auto">\u2067World\u2069<\/span>/);
    expect(html).toMatch(/<span class="byline" dir="auto">[^<]*\u202bKudo\u202c/);
    for (const [, text] of html.matchAll(/>([^<]+)</g)) expect(balanced(text!), JSON.stringify(text)).toBe(true);
    const share = (await (await call('/api/articles/bidi-page/share')).json()) as unknown;
    // Whatever the share text composes, the URL after the headline is never inside its embedding.
    for (const [, value] of JSON.stringify(share).matchAll(/"([^"]*\u202b[^"]*)"/g)) {
      expect(balanced(JSON.parse(`"${value}"`)), value).toBe(true);
    }
  });

  it('the card draws a stored override as plain order, and each block as its own paragraph', async () => {
    const config = parseSiteConfig(env);
    const assets = assetReader(env.ASSETS);
    const photos = createPhotoSource({ imageHosts: config.imageHosts, ownOrigin: 'https://presscard.test', assets });
    // As read from D1 before the check: the raw override reaches the card model, which neutralises it too.
    const article = { ...articleSchema.parse(doc('bidi-card')), headline: `Invoice ${RLO}fdp.exe ready`, socialHeadline: undefined };
    const card = await renderCard(buildCardInput(article, config, 'og', 'text'), { assets, photos }, { output: 'png' });
    const lines = card.texts.find((t) => t.style === 'headline')!.lines.join(' ');
    expect(lines).toBe('Invoice fdp.exe ready');
  });
});
