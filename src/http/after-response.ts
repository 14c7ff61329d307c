import type { Context } from 'hono';

/**
 * Work that should not delay the response (storage writes, counters): handed to the runtime with
 * `ExecutionContext.waitUntil`. Without an execution context (a direct `app.request` call) there is
 * nothing to keep it alive after the response, so it is awaited instead.
 */
export async function afterResponse(c: Context, work: Promise<unknown>): Promise<void> {
  let ctx: ExecutionContext | undefined;
  try {
    ctx = c.executionCtx as ExecutionContext;
  } catch {
    ctx = undefined; // Hono throws when the request came without one.
  }
  if (ctx) ctx.waitUntil(work);
  else await work;
}
