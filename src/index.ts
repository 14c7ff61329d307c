import { env } from 'cloudflare:workers';
import { createApp } from './app';
import { siteConfigFor } from './config';
import type { CardJob } from './domain/card';
import { consumeCardJobs } from './queue/render-jobs';
import { sweepStoredCards } from './scheduled/sweep-cards';

// Validate the configuration at start-up: a bad var stops the Worker with a message naming the key.
siteConfigFor(env);

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch, env) => consumeCardJobs(batch, env),
  scheduled: async (_controller, env) => void (await sweepStoredCards(env)),
} satisfies ExportedHandler<Env, CardJob>;
