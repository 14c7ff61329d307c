// `npm run deploy -- --env staging|production`: applies the D1 migrations of that environment's
// database (remote), then deploys the Worker to it. Extra arguments go to `wrangler deploy`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const args = process.argv.slice(2);
const at = args.findIndex((a) => a === '--env' || a === '-e');
const env = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--env='))?.slice(6);
if (!env || !['staging', 'production'].includes(env)) {
  console.error('Usage: npm run deploy -- --env staging|production (docs/deploy.md)');
  process.exit(2);
}
const wrangler = join(import.meta.dirname, '..', 'node_modules/.bin/wrangler');
const rest = args.filter((a, i) => !(i === at || i === at + 1 || a.startsWith('--env=')));
for (const command of [['d1', 'migrations', 'apply', 'DB', '--remote', '--env', env], ['deploy', '--env', env, ...rest]]) {
  console.log(`$ wrangler ${command.join(' ')}`);
  const run = spawnSync(wrangler, command, { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
