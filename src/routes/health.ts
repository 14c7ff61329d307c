import { Hono } from 'hono';
import type { AppEnv } from '../app-context';

export const health = new Hono<AppEnv>();

health.get('/healthz', async (c) => {
  // Touch D1 so a missing binding or migration shows here rather than on the first crawler.
  await c.env.DB.prepare('SELECT 1 FROM articles LIMIT 1').all();
  return c.json({ status: 'ok' }, 200, { 'cache-control': 'no-store' });
});
