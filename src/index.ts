import { env } from 'cloudflare:workers';
import { createApp } from './app';
import { siteConfigFor } from './config';
import type { CardJob } from './domain/card';
import { consumeCardJobs } from './queue/render-jobs';
import { assetReader } from './adapters/assets';
import { warmUpOnce } from './render/warm-up';
import { sweepStoredCards } from './scheduled/sweep-cards';

// Validate the configuration at start-up: a bad var stops the Worker with a message naming the key.
siteConfigFor(env);

const app = createApp();

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const response = await app.fetch(request, env, ctx);
    // After the first response of an isolate: warm the renderer up for the card request that follows.
    const warm = warmUpOnce(siteConfigFor(env), { assets: assetReader(env.ASSETS) });
    if (warm) ctx.waitUntil(warm);
    return response;
  },
  queue: (batch, env) => consumeCardJobs(batch, env),
  scheduled: async (_controller, env) => void (await sweepStoredCards(env)),
} satisfies ExportedHandler<Env, CardJob>;
