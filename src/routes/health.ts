import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { access } from '../http/access';

export const health = new Hono<AppEnv>();

health.get('/healthz', access('public'), async (c) => {
  // Touch D1 so a missing binding or migration shows here rather than on the first crawler.
  await c.var.services.health();
  return c.json({ status: 'ok' }, 200, { 'cache-control': 'no-store' });
});
