import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../../../fixtures';
import { articleSchema, shareDescription, shareHeadline, type Article } from '../article';
import { shareImageFor } from '../card';
import { buildShareLinks, mastodonShareUrl, taggedUrl, xIntentPost, type ShareLink } from './share-links';
import { codePointLength, isValidXPost, xWeightedLength } from './share-text';
import { parseSiteConfig, SHARE_NETWORK_IDS, type ShareNetworkId } from '../site';
import { graphemeLength } from '../typography';

const ORIGIN = 'https://presscard.test';
const config = parseSiteConfig({ X_HANDLE: '@themainichi', UTM_CAMPAIGN: 'share' });
const load = (id: string): Article => articleSchema.parse(fixtureById(id));

function linksOf(article: Article, c = config): Record<ShareNetworkId, ShareLink> {
  return Object.fromEntries(buildShareLinks(article, c, { origin: ORIGIN }).map((l) => [l.network, l])) as Record<ShareNetworkId, ShareLink>;
}

/** The article's canonical URL with this network's UTM parameters, and nothing else. */
function expectTagged(value: string | null, article: Article, network: string) {
  expect(value).not.toBeNull();
  const url = new URL(value!);
  expect(url.origin + url.pathname).toBe(article.url);
  expect([...url.searchParams]).toEqual([
    ['utm_source', network],
    ['utm_medium', 'social'],
    ['utm_campaign', 'share'],
  ]);
}

/** Every value percent-encoded: no raw space, no `+` standing in for one, nothing a browser re-encodes. */
function expectPercentEncoded(url: string) {
  expect(url).not.toMatch(/[\s+!'()*"<>]/);
  expect(url).not.toMatch(/[^\x21-\x7e]/);
}

/** X's count of an intent: the post its composer makes (text, URL, hashtags, via), by twitter-text. */
function xComposedWeight(p: URLSearchParams): number {
  const post = xIntentPost(p.get('text')!, p.get('url')!, p.get('hashtags')?.split(',') ?? [], p.get('via') ?? undefined);
  expect(isValidXPost(post), post).toBe(true);
  return xWeightedLength(post);
}

const CASES = [
  { id: SEED_ID, hashtags: 'NorthKorea,China', labels: { x: 'Share on X', line: 'Send with LINE', email: 'Send by email', copy: 'Copy the link to this article' } },
  { id: '20260320-ja-sakura-forecast', hashtags: '桜,気象', labels: { x: 'Xでポスト', line: 'LINEで送る', email: 'メールで送る', copy: 'この記事のリンクをコピー' } },
  { id: '20260501-kyoto-golden-week', hashtags: 'Kyoto,GoldenWeek', labels: { x: 'Share on X', line: 'Send with LINE', email: 'Send by email', copy: 'Copy the link to this article' } },
];

describe.each(CASES)('share links of $id', ({ id, hashtags, labels }) => {
  const article = load(id);
  const headline = shareHeadline(article);
  const links = linksOf(article);

  it('has every configured network, in order, with labels in the article language', () => {
    expect(buildShareLinks(article, config, { origin: ORIGIN }).map((l) => l.network)).toEqual([...SHARE_NETWORK_IDS]);
    for (const [network, label] of Object.entries(labels)) expect(links[network as ShareNetworkId].label).toBe(label);
  });

  it('percent-encodes every value of every URL', () => {
    for (const link of Object.values(links)) expectPercentEncoded(link.url);
  });

  it('X: headline, tagged URL, hashtags and via within 280', () => {
    const u = new URL(links.x.url);
    expect(u.origin + u.pathname).toBe('https://twitter.com/intent/tweet');
    expect(u.searchParams.get('text')).toBe(headline);
    expectTagged(u.searchParams.get('url'), article, 'x');
    expect(u.searchParams.get('hashtags')).toBe(hashtags);
    expect(u.searchParams.get('via')).toBe('themainichi');
    expect(xComposedWeight(u.searchParams)).toBeLessThanOrEqual(280);
  });

  it('Facebook, LinkedIn: the tagged URL only', () => {
    const fb = new URL(links.facebook.url);
    expect(fb.origin + fb.pathname).toBe('https://www.facebook.com/sharer/sharer.php');
    expect([...fb.searchParams.keys()]).toEqual(['u']);
    expectTagged(fb.searchParams.get('u'), article, 'facebook');
    const li = new URL(links.linkedin.url);
    expect(li.origin + li.pathname).toBe('https://www.linkedin.com/sharing/share-offsite/');
    expect([...li.searchParams.keys()]).toEqual(['url']);
    expectTagged(li.searchParams.get('url'), article, 'linkedin');
  });

  it('LINE, Hatena, Reddit, Telegram, Threads: URL and headline', () => {
    const line = new URL(links.line.url);
    expect(line.origin + line.pathname).toBe('https://social-plugins.line.me/lineit/share');
    expectTagged(line.searchParams.get('url'), article, 'line');
    expect(line.searchParams.get('text')).toBe(headline);

    const hatena = new URL(links.hatena.url);
    expect(hatena.origin + hatena.pathname).toBe('https://b.hatena.ne.jp/add');
    expect(hatena.searchParams.get('mode')).toBe('confirm');
    expectTagged(hatena.searchParams.get('url'), article, 'hatena');
    expect(hatena.searchParams.get('title')).toBe(headline);

    const reddit = new URL(links.reddit.url);
    expect(reddit.origin + reddit.pathname).toBe('https://www.reddit.com/submit');
    expectTagged(reddit.searchParams.get('url'), article, 'reddit');
    expect(reddit.searchParams.get('title')).toBe(headline);

    const telegram = new URL(links.telegram.url);
    expect(telegram.origin + telegram.pathname).toBe('https://t.me/share/url');
    expectTagged(telegram.searchParams.get('url'), article, 'telegram');
    expect(telegram.searchParams.get('text')).toBe(headline);

    const threads = new URL(links.threads.url);
    expect(threads.origin + threads.pathname).toBe('https://www.threads.com/intent/post');
    expectTagged(threads.searchParams.get('url'), article, 'threads');
    expect(threads.searchParams.get('text')).toBe(headline);
  });

  it('Bluesky and WhatsApp: one text holding headline and URL', () => {
    const bsky = new URL(links.bluesky.url);
    expect(bsky.origin + bsky.pathname).toBe('https://bsky.app/intent/compose');
    const text = bsky.searchParams.get('text')!;
    expect(text.startsWith(`${headline} `)).toBe(true);
    expectTagged(text.slice(headline.length + 1), article, 'bluesky');
    expect(graphemeLength(text)).toBeLessThanOrEqual(300);

    const wa = new URL(links.whatsapp.url);
    expect(wa.origin + wa.pathname).toBe('https://wa.me/');
    const [first, second] = wa.searchParams.get('text')!.split('\n');
    expect(first).toBe(headline);
    expectTagged(second!, article, 'whatsapp');
  });

  it('Mastodon: the server picker here, then the reader’s own composer', () => {
    expect(links.mastodon.url).toBe(`${ORIGIN}/s/mastodon/${id}`);
    const u = new URL(mastodonShareUrl(article, config, 'mastodon.social'));
    expect(u.origin + u.pathname).toBe('https://mastodon.social/share');
    const text = u.searchParams.get('text')!;
    expect(text.startsWith(`${headline} `)).toBe(true);
    expectTagged(text.slice(headline.length + 1), article, 'mastodon');
  });

  it('Pinterest: the og:image as media', () => {
    const u = new URL(links.pinterest.url);
    expect(u.origin + u.pathname).toBe('https://www.pinterest.com/pin/create/button/');
    expectTagged(u.searchParams.get('url'), article, 'pinterest');
    expect(u.searchParams.get('media')).toBe(shareImageFor(article, config, ORIGIN).url);
    expect(u.searchParams.get('description')).toBe(headline);
  });

  it('email: subject and body, spaces as %20 and CRLF line breaks', () => {
    const raw = links.email.url;
    expect(raw.startsWith('mailto:?subject=')).toBe(true);
    expect(raw).toContain('%0D%0A%0D%0A');
    if (headline.includes(' ')) expect(raw).toContain('%20');
    const u = new URL(raw);
    expect(u.searchParams.get('subject')).toBe(headline);
    const [description, url] = u.searchParams.get('body')!.split('\r\n\r\n');
    expect(description).toBe(shareDescription(article));
    expectTagged(url!, article, 'email');
  });

  it('copy: the tagged canonical URL', () => {
    expectTagged(links.copy.url, article, 'copy');
  });
});

describe('share links: encoding and limits', () => {
  it('keeps emoji and Japanese intact through encoding', () => {
    const kyoto = linksOf(load('20260501-kyoto-golden-week'));
    expect(kyoto.x.url).toContain('text=%F0%9F%8E%8F%20Kyoto%27s%20Golden');
    expect(new URL(kyoto.bluesky.url).searchParams.get('text')).toMatch(/^🎏 Kyoto's Golden Week crowds are back 🎉 https:/);
    const sakura = linksOf(load('20260320-ja-sakura-forecast'));
    expect(new URL(sakura.line.url).searchParams.get('text')).toBe('東京で桜が開花、平年より５日早く　「週末が見頃」と気象庁');
  });

  const long = (headline: string): Article => ({ ...load(SEED_ID), headline, socialHeadline: undefined });

  // 200 Latin characters fit X beside the URL, hashtags and via; 200 CJK characters or emoji (2 each) do not.
  it.each([
    ['Latin', Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ').slice(0, 200), false],
    ['Japanese', '東京で桜が開花'.repeat(28).slice(0, 196), true],
    ['emoji', '👨‍👩‍👧‍👦🎏'.repeat(100), true],
  ])('cuts a long %s headline to each network’s limit', (_, headline, xCut) => {
    const article = long(headline);
    const links = linksOf(article);
    const x = new URL(links.x.url).searchParams;
    expect(xComposedWeight(x)).toBeLessThanOrEqual(280);
    expect(x.get('text')).toEqual(xCut ? expect.stringMatching(/…$/) : headline);
    if (xCut) expect(xComposedWeight(x)).toBeGreaterThan(270);
    expect(x.get('hashtags')).toBe('NorthKorea,China');

    const bsky = new URL(links.bluesky.url).searchParams.get('text')!;
    expect(graphemeLength(bsky)).toBeLessThanOrEqual(300);
    expect(bsky).toMatch(/… https:\/\/mainichi\.jp\//);

    const mastodon = new URL(mastodonShareUrl(article, config, 'mastodon.social')).searchParams.get('text')!;
    expect(codePointLength(mastodon)).toBeLessThanOrEqual(500);
    expect(graphemeLength(new URL(links.reddit.url).searchParams.get('title')!)).toBeLessThanOrEqual(300);
  });

  it('keeps the canonical URL’s own query and fragment and replaces old UTM values', () => {
    expect(taggedUrl('https://mainichi.jp/a/1?from=rss&q=a%20b&utm_source=old#top', 'x', 'share')).toBe(
      'https://mainichi.jp/a/1?from=rss&q=a%20b&utm_source=x&utm_medium=social&utm_campaign=share#top',
    );
    expect(taggedUrl('https://mainichi.jp/a/1', 'line', '')).toBe('https://mainichi.jp/a/1?utm_source=line&utm_medium=social');
    expect(taggedUrl('https://mainichi.jp/a/1?toString=1&utm_medium=rss', 'x', 'share')).toBe(
      'https://mainichi.jp/a/1?toString=1&utm_source=x&utm_medium=social&utm_campaign=share',
    );
  });

  it('follows the configured networks and their order, and leaves out via without an X handle', () => {
    const c = parseSiteConfig({ SHARE_NETWORKS: ['line', 'hatena', 'x'], UTM_CAMPAIGN: 'spring-2026' });
    const links = buildShareLinks(load(SEED_ID), c, { origin: ORIGIN });
    expect(links.map((l) => l.network)).toEqual(['line', 'hatena', 'x']);
    const x = new URL(links[2]!.url).searchParams;
    expect(x.has('via')).toBe(false);
    expect(new URL(x.get('url')!).searchParams.get('utm_campaign')).toBe('spring-2026');
  });
});
