import fc from 'fast-check';
import twitterText from 'twitter-text';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtures, fixtureById, SEED_ID } from '../fixtures';
import { articleSchema } from '../src/domain/article';
import { buildShareLinks, mastodonShareUrl } from '../src/domain/share';
import { parseSiteConfig } from '../src/domain/site';
import { call, loadFixtures, putArticle } from './helpers';
import { mastodonProblems, shareProblems } from './support/share-validity';

// Issue 10, item 5: every composed share is valid for its network, counted by the network's own
// rules (test/support/share-validity.ts), on the fixtures, on hostile headlines and on generated ones.

beforeAll(loadFixtures);

interface Link { network: string; url: string }

async function linksThroughTheWorker(id: string): Promise<Link[]> {
  const res = await call(`/api/articles/${id}/share`);
  expect(res.status, id).toBe(200);
  const links = (await res.json()) as Link[];
  const mastodon = await call(`/s/mastodon/${id}?instance=mastodon.social`, { redirect: 'manual' });
  expect(mastodon.status, id).toBe(302);
  return [...links, { network: 'mastodon-composer', url: mastodon.headers.get('location')! }];
}

function problemsOf(links: Link[]): string[] {
  return links.flatMap((l) => (l.network === 'mastodon-composer' ? mastodonProblems(l.url) : shareProblems(l.network, l.url)));
}

describe('shares of the fixtures', () => {
  it.each(fixtures.filter((f) => f.status === 'published').map((f) => f.id))('%s: every network accepts its share', async (id) => {
    expect(problemsOf(await linksThroughTheWorker(id))).toEqual([]);
  });
});

describe('hostile headlines', () => {
  // Bare domains are links to twitter-text: 23 characters each, however short they are written.
  const BARE_DOMAINS = 'Japanese publishers weigh moving official accounts from X.com to rivals such as Threads.net, Bsky.app and Line.me as advertisers leave and verification rules change again ahead of 2026 elections';

  it('an X share of a long headline naming X.com, Threads.net, Bsky.app and Line.me is valid by twitter-text', async () => {
    expect((await putArticle({ ...fixtureById(SEED_ID), id: 'share-bare-domains', url: 'https://mainichi.jp/english/articles/share-bare-domains', headline: BARE_DOMAINS })).status).toBe(201);
    const res = await call('/s/x/share-bare-domains', { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(shareProblems('x', location)).toEqual([]);
    const p = new URL(location).searchParams;
    // The whole headline would not have fitted: X counts it with the four domains as links.
    const whole = twitterText.parseTweet([BARE_DOMAINS, p.get('url'), ...p.get('hashtags')!.split(',').map((h) => `#${h}`), `via @${p.get('via')}`].join(' '));
    expect(whole.valid).toBe(false);
    expect(whole.weightedLength).toBeGreaterThan(280);
    expect(p.get('text')).toMatch(/…$/);
    expect(BARE_DOMAINS.startsWith(p.get('text')!.slice(0, -1).trimEnd())).toBe(true);
  });

  it.each([
    ['bare domains', BARE_DOMAINS],
    ['a BOM and non-characters (twitter-text refuses them)', `\uFEFFBreaking\uFEFF news \uFFFF from Tokyo`],
    ['long ZWJ emoji runs (Bluesky bytes)', '👩🏽‍❤️‍💋‍👨🏻'.repeat(20)],
    ['CJK at the limit', '外交部发言人表示愿与安东尼奥·古特雷斯会谈'.repeat(10).slice(0, 200)],
    ['URLs in the headline', 'Read https://example.com/a-very-long-path-that-goes-on-and-on and http://t.co/x and www.mainichi.jp today '.repeat(2).slice(0, 200)],
    ['mentions, hashtags and cashtags', '@everyone #Breaking $TYO '.repeat(8).slice(0, 200)],
  ])('%s: every network accepts its share', async (name, headline) => {
    const id = `share-hostile-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 30)}`.replace(/-+$/, '');
    const put = await putArticle({ ...fixtureById(SEED_ID), id, url: `https://mainichi.jp/english/articles/${id}`, headline, tags: ['東京都知事選挙の結果と今後の都政運営について', 'North Korea'] });
    expect(put.status).toBe(201);
    expect(problemsOf(await linksThroughTheWorker(id))).toEqual([]);
  });
});

// Pieces hostile headlines are made of: scripts, emoji sequences, combining marks, invisibles, bidi
// controls, long unbroken words, URLs, bare domains, mentions and hashtags.
const PIECES = [
  'Tokyo', 'Nguyễn', 'Nguye\u0302\u0303n', 'שלום עכשיו', 'مرحبا', 'Москва', 'Αθήνα', 'กรุงเทพ', 'नमस्ते', '東京都', '서울', 'ソウル',
  '👁️‍🗨️', '🐦‍🔥', '🍋‍🟩', '👨‍👩‍👧‍👦', '🇯🇵', '👍🏽', '❤️', '#️⃣',
  '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202E', '\u2066', '\u2069', '\u200F',
  'X.com', 'Threads.net', 'Bsky.app', 'Line.me', 'https://example.com/path', 'www.example.org', '@mainichi', '#news', '$TYO',
  'Supercalifragilisticexpialidocious'.repeat(3), '…', '「', '」', '·', '!', ' ', ' ', ' ',
];

const headline = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 60 })
  .map((parts) => parts.join(''));
const tag = fc.oneof(fc.constantFrom('North Korea', '東京', 'Trump-Kim summit', '1234', 'ÉLECTIONS 2026', '東京都知事選挙の結果と今後の都政運営について'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }));

describe('generated headlines (property)', () => {
  const config = parseSiteConfig({ X_HANDLE: '@themainichi', UTM_CAMPAIGN: 'share' });

  it('every composed share is valid for its network', () => {
    fc.assert(
      fc.property(headline, fc.array(tag, { maxLength: 4 }), fc.constantFrom('en', 'ja', 'zh-Hans', 'he', 'vi'), (text, tags, lang) => {
        const parsed = articleSchema.safeParse({ ...fixtureById(SEED_ID), headline: text.slice(0, 200), tags, lang });
        // Only what ingest accepts can be shared (empty or over-long text is refused there).
        fc.pre(parsed.success);
        const article = parsed.data!;
        const links = buildShareLinks(article, config, { origin: 'https://presscard.test' });
        const problems = [
          ...links.flatMap((l) => shareProblems(l.network, l.url)),
          ...mastodonProblems(mastodonShareUrl(article, config, 'mastodon.social')),
        ];
        expect(problems).toEqual([]);
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });
});
