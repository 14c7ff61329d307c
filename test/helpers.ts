import { exports } from 'cloudflare:workers';
import { fixtures } from '../fixtures';

export const TOKEN = 'test-token';
export const ORIGIN = 'https://presscard.test';

/** A request to the Worker as deployed (its default export), as a crawler or the CMS would send it. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(new URL(path, ORIGIN), init));
}

export function authed(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${TOKEN}`);
  return call(path, { ...init, headers });
}

export function putArticle(doc: unknown, id = (doc as { id: string }).id): Promise<Response> {
  return authed(`/api/articles/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) });
}

/** The current URL path of an article's card (with `?v=<hash>`), from the redirect of the bare path. */
export async function currentCardPath(id: string, variant: string): Promise<string> {
  const res = await call(`/card/${id}/${variant}.png`, { redirect: 'manual' });
  if (res.status !== 302) throw new Error(`expected a redirect to the current card of ${id}, got ${res.status}`);
  const url = new URL(res.headers.get('location')!);
  return url.pathname + url.search;
}

/** Loads every fixture through the ingest API, as `npm start` does. */
export async function loadFixtures(): Promise<void> {
  const res = await authed('/api/articles/batch', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fixtures),
  });
  if (res.status !== 200) throw new Error(`fixtures rejected: ${res.status} ${await res.text()}`);
}
