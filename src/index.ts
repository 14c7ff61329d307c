import { env } from 'cloudflare:workers';
import { createApp } from './app';
import { siteConfigFor } from './config';
import { parseEdgeConfig } from './domain/edge';
import type { CardJob } from './domain/card';
import { consumeCardJobs } from './queue/render-jobs';

// Validate the configuration at start-up: a bad var stops the Worker with a message naming the key.
siteConfigFor(env);
parseEdgeConfig(env);

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch, env) => consumeCardJobs(batch, env),
} satisfies ExportedHandler<Env, CardJob>;
