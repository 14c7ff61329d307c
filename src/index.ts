import { env } from 'cloudflare:workers';
import { createApp } from './app';
import { siteConfigFor } from './config';
import type { Env } from './env';

// Validate the configuration at start-up: a bad var stops the Worker with a message naming the key.
siteConfigFor(env);

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
