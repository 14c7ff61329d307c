import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMetrics } from '../src/adapters/analytics';
import { createApp } from '../src/app';
import type { CardOutcome, Metrics } from '../src/domain/operations';
import { loadFixtures, ORIGIN } from './helpers';

const TEXT_ID = '20260701-editorial-press-freedom';
beforeAll(loadFixtures);
afterEach(() => vi.restoreAllMocks());

function recorder() {
  const cards: CardOutcome[] = [];
  const shares: Array<{ articleId: string; network: string }> = [];
  const metrics: Metrics = { cardOutcome: (o) => void cards.push(o), shareClick: (c) => void shares.push(c) };
  return { cards, shares, metrics };
}

/** Sends a request and answers the request log lines it produced. */
async function logged(app: ReturnType<typeof createApp>, path: string, init: RequestInit = {}) {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(new URL(path, ORIGIN), init), env, ctx);
  await res.arrayBuffer();
  await waitOnExecutionContext(ctx);
  const lines = log.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith('{"event":"request"')).map((l) => JSON.parse(l));
  log.mockRestore();
  return { res, lines };
}

describe('the request log line', () => {
  it('is one JSON line with method, route pattern, status, duration, article, crawler family and cf-ray; nothing about the reader', async () => {
    const { lines } = await logged(createApp(), `/a/${TEXT_ID}?utm_source=x`, {
      headers: { 'user-agent': 'facebookexternalhit/1.1', 'cf-ray': '8c1f0a2b3c4d5e6f-NRT', 'cf-connecting-ip': '203.0.113.9' },
    });
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toEqual({ event: 'request', method: 'GET', route: '/a/:id', status: 200, ms: expect.any(Number), articleId: TEXT_ID, crawler: 'facebook', ray: '8c1f0a2b3c4d5e6f-NRT' });
    expect(JSON.stringify(line)).not.toMatch(/203\.0\.113\.9|facebookexternalhit|utm_source/);
  });

  it('names no route for a 404 and logs failures too', async () => {
    const { lines } = await logged(createApp(), '/no/such/route');
    expect(lines).toEqual([expect.objectContaining({ route: null, status: 404, crawler: 'other' })]);
  });

  it('records the card layer, render stages and fallbacks, and the same in Server-Timing and the metrics', async () => {
    const { cards, metrics } = recorder();
    const app = createApp({ metrics });
    const redirect = await logged(app, `/card/${TEXT_ID}/og.png`, { redirect: 'manual' });
    const current = redirect.res.headers.get('location')!;
    await caches.default.delete(current);
    const keys = await env.CARDS!.list({ prefix: `cards/${TEXT_ID}/` });
    if (keys.objects.length) await env.CARDS!.delete(keys.objects.map((o) => o.key));

    const rendered = await logged(app, current);
    expect(rendered.lines[0]).toMatchObject({ route: '/card/:id/:file', status: 200, articleId: TEXT_ID, card: { layer: 'render', variant: 'og' } });
    expect(Object.keys(rendered.lines[0].card.stages)).toEqual(expect.arrayContaining(['fonts', 'layout', 'total']));
    expect(rendered.res.headers.get('server-timing')).toMatch(/^layer;desc="render";dur=\d+, .*fonts;dur=\d+/);

    const again = await logged(app, current);
    expect(again.lines[0].card.layer).toMatch(/^(edge|r2)$/);
    expect(again.res.headers.get('server-timing')).toMatch(/^layer;desc="(edge|r2)";dur=\d+$/);

    const unknown = await logged(app, '/card/no-such-article/og.png');
    expect(unknown.lines[0]).toMatchObject({ card: { layer: 'default', fallback: 'not-published' } });
    expect(unknown.res.headers.get('server-timing')).toBe('layer;desc="default";dur=0');

    expect(cards.map((c) => [c.layer, c.articleId, c.fallback])).toEqual([
      ['render', TEXT_ID, undefined], [again.lines[0].card.layer, TEXT_ID, undefined], ['default', 'no-such-article', 'not-published'],
    ]);
  });

  it('counts share clicks in the metrics', async () => {
    const { shares, metrics } = recorder();
    await logged(createApp({ metrics }), `/s/x/${TEXT_ID}`, { redirect: 'manual' });
    expect(shares).toEqual([{ articleId: TEXT_ID, network: 'x' }]);
  });
});

describe('Analytics Engine data points', () => {
  it('writes the documented columns, and nothing without a binding', () => {
    const points: AnalyticsEngineDataPoint[] = [];
    const metrics = createMetrics({ writeDataPoint: (p?: AnalyticsEngineDataPoint) => void points.push(p!) });
    metrics.cardOutcome({ articleId: 'a1', variant: 'og', layer: 'render', fallback: 'http-404', ms: 42 });
    metrics.shareClick({ articleId: 'a1', network: 'line' });
    expect(points).toEqual([
      { blobs: ['card', 'render', 'og', 'http-404'], doubles: [42], indexes: ['a1'] },
      { blobs: ['share', 'line'], indexes: ['a1'] },
    ]);
    expect(() => createMetrics(undefined).cardOutcome({ articleId: 'a', variant: 'og', layer: 'edge', ms: 1 })).not.toThrow();
  });

  it('the binding from wrangler.toml accepts data points in workerd', () => {
    expect(() => createMetrics(env.ANALYTICS).cardOutcome({ articleId: TEXT_ID, variant: 'og', layer: 'r2', ms: 3 })).not.toThrow();
  });
});
