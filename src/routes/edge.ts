import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { access } from '../http/access';

/**
 * Edge mode: with ORIGIN_URL set, article pages of the publisher (by the article URL patterns) are
 * proxied from origin and rewritten, and other paths on the publisher's host pass through to origin.
 * Everything else falls through to this service's own routes. Mounted before the security-header
 * middleware: the publisher's pages keep origin's headers.
 */
export const edge = new Hono<AppEnv>();

edge.all('*', access('public'), async (c, next) => {
  const service = c.var.services.edge;
  const decision = service?.decide(c.req.url) ?? { kind: 'app' as const };
  if (!service || decision.kind === 'app') return next();
  let ctx: ExecutionContext | undefined;
  try {
    ctx = c.executionCtx as ExecutionContext;
  } catch {
    ctx = undefined; // a direct app.request call carries none
  }
  return service.serve(c.req.raw, decision, (work) => (ctx ? ctx.waitUntil(work) : void work));
});
