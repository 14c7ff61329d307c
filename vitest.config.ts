import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Three projects: `workers` runs inside workerd (the runtime the Worker ships on); `browser` runs in
// Node, starts the Worker with wrangler and drives Debian's Chromium; `repo` checks the source tree
// itself (layering rules, file sizes) in Node.
export default defineConfig(async () => {
  const migrations = await readD1Migrations('./migrations');
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: { bindings: {
                  INGEST_TOKEN: 'test-token', STAFF_TOKEN: 'staff-test-token', TEST_MIGRATIONS: migrations,
                  ACCESS_TEAM_DOMAIN: 'presscard-test.cloudflareaccess.com', ACCESS_AUD: 'newsroom-test-aud',
                  // The property tests' knobs (test/card-text.property.test.ts): workerd sees no host
                  // environment, only bindings, which nodejs_compat copies into process.env.
                  ...Object.fromEntries(['FC_SEED', 'FC_RUNS'].filter((k) => process.env[k]).map((k) => [k, process.env[k]!])),
                }, },
            }),
          ],
          test: {
            name: 'workers',
            include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
            exclude: ['test/browser/**', 'test/repo/**'],
            setupFiles: ['./test/apply-migrations.ts'],
            // A hang guard, not a speed check: a photo card render takes 1-3 s on a busy 2-core machine
            // and some tests draw two, while the queue pre-renders the fixtures beside them.
            testTimeout: 30_000,
            // The per-request log line (src/http/request-log.ts) of thousands of test requests is noise here.
            onConsoleLog: (log: string) => !log.startsWith('{"event":"request"'),
            // A real HTTP origin on loopback for edge mode tests (test/edge/).
            globalSetup: ['./test/edge/origin/setup.ts'],
          },
        },
        {
          test: {
            name: 'repo',
            include: ['test/repo/**/*.test.ts'],
            environment: 'node',
          },
        },
        {
          test: {
            name: 'browser',
            include: ['test/browser/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 180_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
