import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../app-context';
import { crawlerFamily } from '../domain/operations';

/** The one log line of a request (Workers Logs indexes the JSON fields; docs/observability.md). */
export interface RequestLogLine {
  event: 'request';
  method: string;
  /** The route pattern that answered (`/card/:id/:file`), `null` when none did (404). */
  route: string | null;
  status: number;
  /** Milliseconds from the request to the response headers (Workers clocks advance across I/O). */
  ms: number;
  articleId?: string;
  /** Card routes: cache layer (edge, r2, render, default), render stages (ms), fallback reason. */
  card?: { layer: string; variant?: string; stages?: Record<string, number>; fallback?: string };
  /** The crawler family of the User-Agent; nothing else about the client is kept. */
  crawler: string;
  /** `cf-ray`, when Cloudflare set it: joins this line to Cloudflare's own logs. */
  ray?: string;
}

const ID_MAX = 128;

/**
 * Logs one structured JSON line per request after the response is ready, and records card outcomes
 * in the metrics (Analytics Engine). Nothing about the reader: no IP, no User-Agent beyond its
 * crawler family, no query string. Mounted first, so it also sees requests that failed.
 */
export const requestLog: MiddlewareHandler<AppEnv> = async function requestLog(c, next) {
  const started = Date.now();
  c.set('trace', {});
  await next();
  const ms = Date.now() - started;
  const handler = matchedRoutes(c).filter((r) => r.method !== 'ALL').at(-1);
  const trace = c.var.trace;
  const routeId = handler?.path.includes(':id') ? c.req.param('id') : undefined;
  const articleId = (trace.articleId ?? routeId)?.slice(0, ID_MAX);
  const ray = c.req.header('cf-ray');
  const line: RequestLogLine = {
    event: 'request',
    method: c.req.method,
    route: handler?.path ?? null,
    status: c.res.status,
    ms,
    ...(articleId ? { articleId } : {}),
    ...(trace.card ? { card: trace.card } : {}),
    crawler: crawlerFamily(c.req.header('user-agent')),
    ...(ray ? { ray: ray.slice(0, 64) } : {}),
  };
  console.log(JSON.stringify(line));
  if (trace.card && articleId) {
    c.var.services?.metrics.cardOutcome({
      articleId,
      variant: trace.card.variant ?? '',
      layer: trace.card.layer,
      ms,
      ...(trace.card.fallback ? { fallback: trace.card.fallback } : {}),
    });
  }
};
