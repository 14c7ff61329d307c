import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Fixture articles in file-name order, with the dev photo origin rewritten to `origin`. */
export async function readFixtures(dir, origin) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (f) => JSON.parse((await readFile(join(dir, f), 'utf8')).replaceAll('http://localhost:8787', origin))),
  );
}
