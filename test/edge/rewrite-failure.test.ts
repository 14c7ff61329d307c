// Edge mode when HTMLRewriter fails (docs/edge-mode.md, "When rewriting fails"): a handler that
// throws, added to the page's own, against the real test origin (test/edge/origin/).
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureById, SEED_ID } from '../../fixtures';
import { createApp } from '../../src/app';
import { resumeOffset } from '../../src/services/edge/rewrite-stream';
import { loadFixtures } from '../helpers';
import { edgeConfig, ORIGIN_URL, PUBLIC_HOST, readHead } from './edge-helpers';
import { SEED_PATH } from './paths';

const seed = fixtureById(SEED_ID);

beforeAll(loadFixtures);

/** The page through the Worker with `extend` adding handlers, and origin's own bytes for it. */
async function withThrowing(variant: string, extend: (r: HTMLRewriter) => HTMLRewriter) {
  const warn = vi.spyOn(console, 'warn');
  const app = createApp({ edgeConfig: edgeConfig(), edgeRewrite: { extend } });
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${PUBLIC_HOST}${SEED_PATH}?v=${variant}`), env, ctx);
  const html = await res.text();
  await waitOnExecutionContext(ctx);
  const original = await (await fetch(`${ORIGIN_URL}${SEED_PATH}?v=${variant}`)).text();
  const events = warn.mock.calls.map((c) => String(c[0])).filter((l) => l.includes('edge-rewrite-failed')).map((l) => JSON.parse(l) as Record<string, unknown>);
  warn.mockRestore();
  return { res, html, original, events };
}

const boom = () => {
  throw new Error('handler failed on purpose');
};

describe('edge mode: a rewriting failure', () => {
  it('before the first byte serves the original page, byte for byte, with origin\'s headers', async () => {
    const { res, html, original, events } = await withThrowing('plain', (r) => r.onDocument({ doctype: boom }));
    expect(res.status).toBe(200);
    expect(html).toBe(original);
    expect(res.headers.get('set-cookie')).toBe('session=1; Path=/');
    expect(events).toEqual([expect.objectContaining({ phase: 'before-first-byte' })]);
  });

  it('after streaming started passes the rest of the original page through untouched', async () => {
    const { html, original, events } = await withThrowing('plain', (r) => r.on('head link[rel=stylesheet]', { element: boom }));
    expect(events).toEqual([expect.objectContaining({ phase: 'streaming' })]);
    expect(events[0]!.resumedAt).toEqual(expect.any(Number));
    // Presscard's set went out first; origin's page continues exactly where the output stopped.
    expect(readHead(html).prop('og:title')[0]).toBe(seed.headline);
    expect(html.endsWith(original.slice(original.indexOf('<link rel="stylesheet"')))).toBe(true);
    expect(html.match(/<\/html>/g)).toHaveLength(1);
    expect(html.match(/<footer>/g)).toHaveLength(1);
  });

  it('deep in a page sent in many chunks loses and repeats nothing', async () => {
    const { html, original, events } = await withThrowing('late-h1', (r) => r.on('article h1', { element: boom }));
    expect(events).toEqual([expect.objectContaining({ phase: 'streaming' })]);
    const count = (s: string, what: string) => s.split(what).length - 1;
    expect(count(html, '<p>filler</p>')).toBe(count(original, '<p>filler</p>'));
    expect(html.endsWith(original.slice(original.indexOf('<h1>Origin headline</h1>')))).toBe(true);
    expect(readHead(html).prop('og:title')[0]).toBe(seed.headline);
  });

  it('right after the injected set resumes at the place it went in: the page is whole, origin\'s tags follow ours', async () => {
    const { html, original, events } = await withThrowing('plain', (r) => r.on('head meta[name=robots]', { element: boom }));
    expect(events[0]).toMatchObject({ phase: 'streaming', resumedAt: expect.any(Number) });
    expect(html.endsWith(original.slice(original.indexOf('<head>') + '<head>'.length))).toBe(true);
    expect(readHead(html).prop('og:title')[0]).toBe(seed.headline);
  });
});

describe('resumeOffset', () => {
  it('finds the point after a unique tail, ignores an ambiguous one, and falls back to an injection point', () => {
    const original = '<html><head><meta a><meta b></head><body><p>x</p><p>x</p><p>end</p></body></html>';
    expect(resumeOffset(original, '<html><head>SET<meta b></head><body><p>x')).toBe(original.indexOf('</p><p>x</p><p>end'));
    expect(resumeOffset(original, '<p>x</p>')).toBeUndefined();
    const set = '<meta property="og:title" content="A headline long enough to be marked">';
    expect(resumeOffset(original, `<html><head>${set}\n`, [set])).toBe(original.indexOf('<meta a>'));
  });
});
