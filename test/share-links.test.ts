import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_ID } from '../fixtures';
import worker from '../src/index';
import { createApp } from '../src/app';
import { parseSiteConfig, SHARE_NETWORK_IDS } from '../src/domain/site';
import { authed, call, loadFixtures, ORIGIN } from './helpers';

const JA_ID = '20260320-ja-sakura-forecast';
const EMOJI_ID = '20260501-kyoto-golden-week';
const DRAFT_ID = '20260801-draft-defense-budget';

/**
 * A request through the Worker's fetch handler with an execution context the test owns, so work the
 * handler left to `waitUntil` (counting a click) has finished when this resolves.
 */
async function click(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(new URL(path, ORIGIN), { redirect: 'manual', ...init }), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

interface Stats {
  id: string;
  total: number;
  networks: Record<string, number>;
  days: { day: string; total: number; networks: Record<string, number> }[];
}

async function stats(id: string, query = ''): Promise<Stats> {
  const res = await authed(`/api/articles/${id}/stats${query}`);
  expect(res.status).toBe(200);
  return res.json();
}

const today = () => new Date().toISOString().slice(0, 10);

beforeAll(loadFixtures);

describe('GET /api/articles/:id/share', () => {
  it('lists every configured network in order, public, CORS-open and cacheable', async () => {
    const res = await call(`/api/articles/${SEED_ID}/share`, { headers: { origin: 'https://blog.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const links = (await res.json()) as { network: string; label: string; url: string; countedUrl: string }[];
    expect(links.map((l) => l.network)).toEqual([...SHARE_NETWORK_IDS]);
    const x = links.find((l) => l.network === 'x')!;
    expect(x.label).toBe('Share on X');
    expect(new URL(x.url).searchParams.get('via')).toBe('themainichi');
    expect(x.countedUrl).toBe(`${ORIGIN}/s/x/${SEED_ID}`);
    for (const l of links) expect(Object.keys(l)).toEqual(['network', 'label', 'url', 'countedUrl']);
  });

  it('answers a CORS preflight', async () => {
    const res = await call(`/api/articles/${SEED_ID}/share`, {
      method: 'OPTIONS',
      headers: { origin: 'https://blog.example', 'access-control-request-method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('labels a Japanese article in Japanese', async () => {
    const links = (await (await call(`/api/articles/${JA_ID}/share`)).json()) as { network: string; label: string }[];
    expect(links.find((l) => l.network === 'line')!.label).toBe('LINEで送る');
  });

  it('is 404 for drafts and unknown articles, without the ingest token', async () => {
    for (const id of [DRAFT_ID, 'no-such-article', 'Bad%20Id']) {
      const res = await call(`/api/articles/${id}/share`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

describe('GET /s/:network/:id', () => {
  it('redirects every network except Mastodon to its share URL from the API', async () => {
    const links = (await (await call(`/api/articles/${EMOJI_ID}/share`)).json()) as { network: string; url: string }[];
    for (const link of links.filter((l) => l.network !== 'mastodon')) {
      const res = await click(`/s/${link.network}/${EMOJI_ID}`);
      expect(res.status, link.network).toBe(302);
      expect(res.headers.get('location'), link.network).toBe(link.url);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('counts one click per request for (article, network, UTC day)', async () => {
    const before = await stats(JA_ID);
    await click(`/s/line/${JA_ID}`);
    await click(`/s/line/${JA_ID}`);
    await click(`/s/hatena/${JA_ID}`);
    const after = await stats(JA_ID);
    expect(after.total - before.total).toBe(3);
    expect((after.networks.line ?? 0) - (before.networks.line ?? 0)).toBe(2);
    expect((after.networks.hatena ?? 0) - (before.networks.hatena ?? 0)).toBe(1);
    const day = after.days.find((d) => d.day === today())!;
    expect(day.networks.line).toBeGreaterThanOrEqual(2);
    // Another article's counts are its own.
    const seedBefore = await stats(SEED_ID);
    await click(`/s/line/${JA_ID}`);
    expect((await stats(SEED_ID)).total).toBe(seedBefore.total);
  });

  it('does not count HEAD requests or prefetches', async () => {
    const before = await stats(SEED_ID);
    expect((await click(`/s/x/${SEED_ID}`, { method: 'HEAD' })).status).toBe(302);
    expect((await click(`/s/x/${SEED_ID}`, { headers: { 'sec-purpose': 'prefetch' } })).status).toBe(302);
    expect((await stats(SEED_ID)).total).toBe(before.total);
  });

  it('does not count link-expanding crawlers, and counts a reader in LINE\'s in-app browser', async () => {
    const before = await stats(SEED_ID);
    for (const ua of ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', 'TelegramBot (like TwitterBot)', 'facebookexternalhit/1.1']) {
      expect((await click(`/s/x/${SEED_ID}`, { headers: { 'user-agent': ua } })).status, ua).toBe(302);
    }
    expect((await stats(SEED_ID)).total).toBe(before.total);
    const inApp = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.20.0';
    await click(`/s/x/${SEED_ID}`, { headers: { 'user-agent': inApp } });
    expect((await stats(SEED_ID)).total).toBe(before.total + 1);
  });

  it('stores the key and the count, and nothing about the reader', async () => {
    await click(`/s/telegram/${SEED_ID}`, { headers: { 'user-agent': 'Reader/1.0', 'cf-connecting-ip': '203.0.113.7', cookie: 'a=b' } });
    const { results: columns } = await env.DB.prepare('PRAGMA table_info(share_clicks)').all<{ name: string }>();
    expect(columns.map((c) => c.name).sort()).toEqual(['article_id', 'clicks', 'day', 'network']);
    const { results } = await env.DB.prepare(`SELECT * FROM share_clicks WHERE article_id = ?1 AND network = 'telegram'`).bind(SEED_ID).all();
    expect(results).toEqual([{ article_id: SEED_ID, network: 'telegram', day: today(), clicks: expect.any(Number) }]);
    expect(JSON.stringify(results)).not.toMatch(/Reader|203\.0\.113|a=b/);
  });

  it('is a 404 problem for an unknown network, an unknown article or a draft', async () => {
    for (const path of [`/s/myspace/${SEED_ID}`, `/s/x/no-such-article`, `/s/x/${DRAFT_ID}`, `/s/mastodon/${DRAFT_ID}`, `/s/X/${SEED_ID}`]) {
      const res = await click(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toBe('application/problem+json');
    }
    expect((await stats(DRAFT_ID)).total).toBe(0);
  });

  it('follows the configured networks: others are 404, and counting works without waitUntil', async () => {
    // An app with its own configuration, called without an execution context: the click is then
    // counted before the response.
    const app = createApp({ config: parseSiteConfig({ SHARE_NETWORKS: ['line', 'x'] }) });
    const get = (path: string) => app.fetch(new Request(new URL(path, ORIGIN), { redirect: 'manual' }), env);
    const links = (await (await get(`/api/articles/${SEED_ID}/share`)).json()) as { network: string }[];
    expect(links.map((l) => l.network)).toEqual(['line', 'x']);
    expect((await get(`/s/reddit/${SEED_ID}`)).status).toBe(404);
    expect((await get(`/s/mastodon/${SEED_ID}`)).status).toBe(404);
    const before = await stats(SEED_ID);
    expect((await get(`/s/line/${SEED_ID}`)).status).toBe(302);
    expect((await stats(SEED_ID)).networks.line).toBe((before.networks.line ?? 0) + 1);
  });

  it('counts a copy reported by the share bar (POST, no redirect)', async () => {
    const before = await stats(SEED_ID);
    const res = await click(`/s/copy/${SEED_ID}`, { method: 'POST' });
    expect(res.status).toBe(204);
    expect((await stats(SEED_ID)).networks.copy ?? 0).toBe((before.networks.copy ?? 0) + 1);
    // Only copies are reported by POST: the X share link takes GET (405 with Allow, RFC 9110 §15.5.6).
    const other = await click(`/s/x/${SEED_ID}`, { method: 'POST' });
    expect(other.status).toBe(405);
    expect(other.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('Mastodon', () => {
  it('asks for the reader’s server on a page in the article’s language', async () => {
    const res = await click(`/s/mastodon/${JA_ID}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="ja"');
    expect(html).toMatch(/<form id="mastodon-server" method="get" action="\/s\/mastodon\/20260320-ja-sakura-forecast"/);
    expect(html).toContain('name="instance"');
    expect(html).toContain('あなたのMastodonサーバー');
  });

  it('refuses what is not a plain host name, without redirecting or counting', async () => {
    const before = await stats(SEED_ID);
    for (const typed of ['evil.example/path', 'javascript:alert(1)', '@me', 'mastodon.social:8443', 'https://mastodon.social/@me', 'localhost']) {
      const res = await click(`/s/mastodon/${SEED_ID}?instance=${encodeURIComponent(typed)}`);
      expect(res.status, typed).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      const html = await res.text();
      expect(html).toContain('role="alert"');
      expect(html).toContain('data-refused=""');
    }
    const res = await click(`/s/mastodon/${SEED_ID}?instance=${encodeURIComponent('"><script>alert(1)</script>')}`);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;');
    expect((await stats(SEED_ID)).networks.mastodon ?? 0).toBe(before.networks.mastodon ?? 0);
  });

  it('sends a valid server to its composer and counts the click', async () => {
    const before = await stats(EMOJI_ID);
    const res = await click(`/s/mastodon/${EMOJI_ID}?instance=Mastodon.Social`);
    expect(res.status).toBe(302);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const to = new URL(res.headers.get('location')!);
    expect(to.origin + to.pathname).toBe('https://mastodon.social/share');
    const text = to.searchParams.get('text')!;
    expect(text).toMatch(/^🎏 Kyoto's Golden Week crowds are back 🎉 https:\/\/mainichi\.jp\/english\/articles\/20260501\/p2a\/00m\/0na\/014000c\?/);
    expect(new URL(text.split(' ').pop()!).searchParams.get('utm_source')).toBe('mastodon');
    expect((await stats(EMOJI_ID)).networks.mastodon).toBe((before.networks.mastodon ?? 0) + 1);
  });
});

describe('GET /api/articles/:id/stats', () => {
  it('needs the ingest token', async () => {
    const none = await call(`/api/articles/${SEED_ID}/stats`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toBe('application/problem+json');
    const wrong = await call(`/api/articles/${SEED_ID}/stats`, { headers: { authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(401);
  });

  it('answers for drafts to the CMS, 404 for unknown articles', async () => {
    expect((await stats(DRAFT_ID)).id).toBe(DRAFT_ID);
    expect((await authed('/api/articles/no-such-article/stats')).status).toBe(404);
  });

  it('filters by UTC day and refuses malformed days', async () => {
    await click(`/s/reddit/${SEED_ID}`);
    const all = await stats(SEED_ID);
    expect(all.days.map((d) => d.day)).toContain(today());
    const none = await stats(SEED_ID, '?from=2000-01-01&to=2000-01-31');
    expect(none).toMatchObject({ total: 0, days: [], networks: {} });
    const justToday = await stats(SEED_ID, `?from=${today()}&to=${today()}`);
    expect(justToday.days.map((d) => d.day)).toEqual([today()]);
    for (const q of ['?from=yesterday', '?to=2026-02-30', '?from=2026-05-02&to=2026-05-01']) {
      expect((await authed(`/api/articles/${SEED_ID}/stats${q}`)).status, q).toBe(400);
    }
  });
});
