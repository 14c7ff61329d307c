import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { createApp } from '../src/app';
import { call, ORIGIN, putArticle } from './helpers';

const STAFF = { authorization: 'Bearer staff-test-token' };
const GRAPH = 'https://graph.stand-in.test/v21.0';
const PATH = `/api/newsroom/articles/${SEED_ID}/refresh/facebook`;

beforeAll(async () => {
  expect((await putArticle(fixtureById(SEED_ID))).status).toBeLessThan(300);
});
afterEach(() => vi.unstubAllGlobals());

/** A local stand-in of the Graph API endpoint; records what it was sent. */
function standIn(answer: { status: number; body: unknown }) {
  const seen: { url: string; method: string; body: string }[] = [];
  const real = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    if (!req.url.startsWith(GRAPH)) return real(input, init);
    seen.push({ url: req.url, method: req.method, body: await req.text() });
    return Response.json(answer.body, { status: answer.status });
  });
  return seen;
}

const withToken = () =>
  createApp().fetch(new Request(`${ORIGIN}${PATH}`, { method: 'POST', headers: STAFF }), { ...env, FACEBOOK_APP_TOKEN: 'app|secret', FACEBOOK_GRAPH_URL: GRAPH } as unknown as Env, createExecutionContext());

describe('Facebook re-scrape after a save', () => {
  it('posts the canonical URL with scrape=true and the token in the body to the configured Graph API', async () => {
    const seen = standIn({ status: 200, body: { id: '1', updated_time: '2026-12-01T00:00:00+0000' } });
    const res = await withToken();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ network: 'facebook', refreshed: true });
    expect(seen).toHaveLength(1);
    const url = new URL(seen[0]!.url);
    expect(url.searchParams.get('id')).toBe(fixtureById(SEED_ID).url);
    expect(url.searchParams.get('scrape')).toBe('true');
    expect(url.searchParams.has('access_token')).toBe(false);
    expect(seen[0]!.method).toBe('POST');
    expect(new URLSearchParams(seen[0]!.body).get('access_token')).toBe('app|secret');
  });

  it('answers 502 with the manual links when Facebook refuses', async () => {
    standIn({ status: 400, body: { error: { message: 'Invalid OAuth access token' } } });
    const res = await withToken();
    expect(res.status).toBe(502);
    const body = (await res.json()) as { detail: string; links: { facebook: string } };
    expect(body.detail).toContain('Invalid OAuth');
    expect(body.links.facebook).toContain('developers.facebook.com/tools/debug');
  });

  it('without FACEBOOK_APP_TOKEN: 501 with the Sharing Debugger, Post Inspector and WebpageBot links', async () => {
    const res = await call(PATH, { method: 'POST', headers: STAFF });
    expect(res.status).toBe(501);
    const body = (await res.json()) as { links: Record<string, string> };
    expect(Object.keys(body.links).sort()).toEqual(['facebook', 'linkedin', 'telegram']);
  });
});
