import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Fixture articles in file-name order, with the dev photo origin rewritten to `origin`. */
export async function readFixtures(dir, origin) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (f) => JSON.parse((await readFile(join(dir, f), 'utf8')).replaceAll('http://localhost:8787', origin))),
  );
}

/**
 * Pushes the fixtures to a running Worker through the ingest API, as a CMS would; answers the
 * articles and the API's per-article result (`created`, `updated` or `unchanged`).
 */
export async function pushFixtures(root, origin, token) {
  const articles = await readFixtures(join(root, 'fixtures/articles'), origin);
  const res = await fetch(`${origin}/api/articles/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(articles),
  });
  if (!res.ok) throw new Error(`loading fixtures failed: ${res.status} ${await res.text()}`);
  const { items } = await res.json();
  return { articles, items };
}
