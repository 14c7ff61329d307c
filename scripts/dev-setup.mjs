// Local set-up for `npm start`: a .dev.vars with a random ingest token (only when none exists) and the
// D1 migrations applied to the local database. Both steps are idempotent.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const devVars = join(root, '.dev.vars');

const current = existsSync(devVars) ? await readFile(devVars, 'utf8') : '';
if (!/^INGEST_TOKEN=/m.test(current)) {
  const token = randomBytes(24).toString('base64url');
  await writeFile(devVars, `${current}${current && !current.endsWith('\n') ? '\n' : ''}INGEST_TOKEN=${token}\n`, { mode: 0o600 });
  console.log(`Created ${devVars} with a random INGEST_TOKEN (not committed; delete it to get a new one).`);
} else {
  console.log(`Using INGEST_TOKEN from ${devVars}.`);
}

execFileSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CI: 'true' }, // no interactive confirmation
});
