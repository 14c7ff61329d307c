// Reads [vars] from wrangler.toml with wrangler's own TOML parser (wrangler depends on smol-toml).
import { readFile } from 'node:fs/promises';
import { parse } from 'smol-toml';

export async function readVars(path) {
  const toml = parse(await readFile(path, 'utf8'));
  return toml.vars ?? {};
}
