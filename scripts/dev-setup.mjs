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

// Each secret gets a random value once; an existing value is kept.
for (const name of ['INGEST_TOKEN', 'STAFF_TOKEN']) {
  const current = existsSync(devVars) ? await readFile(devVars, 'utf8') : '';
  if (!new RegExp(`^${name}=.+`, 'm').test(current)) {
    const token = randomBytes(24).toString('base64url');
    const kept = current.replace(new RegExp(`^${name}=.*\\n?`, 'm'), '');
    await writeFile(devVars, `${kept}${kept && !kept.endsWith('\n') ? '\n' : ''}${name}=${token}\n`, { mode: 0o600 });
    console.log(`Wrote a random ${name} to ${devVars} (not committed; delete the line to get a new one).`);
  } else {
    console.log(`Using ${name} from ${devVars}.`);
  }
}

execFileSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CI: 'true' }, // no interactive confirmation
});
