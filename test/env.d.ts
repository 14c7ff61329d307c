import type { D1Migration } from 'cloudflare:test';

// The Worker's own bindings come from worker-configuration.d.ts (`npm run types`); these are the
// test-only ones the Vitest pool adds (vitest.config.ts).
declare global {
  namespace Cloudflare {
    interface Env {
      /** Test-only: the migrations read by vitest.config.ts. */
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
