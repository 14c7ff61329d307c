import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { problemResponse } from './problem';

/**
 * The one error handler: HTTPExceptions carry their problem response; anything else is a bug, logged
 * with the request and answered with a generic 500 problem that leaks nothing.
 */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof HTTPException) {
    const res = err.getResponse();
    if (res.headers.get('content-type')?.includes('json')) return res;
    // Hono's own middleware (bearer auth, body limit) throws plain HTTPExceptions: give them a problem body.
    return problemResponse(
      { type: `/problems/http-${err.status}`, title: res.statusText || 'Error', status: err.status, detail: err.message || res.statusText },
      res.headers,
    );
  }
  console.error(JSON.stringify({ event: 'unhandled-error', method: c.req.method, path: c.req.path, error: String(err), stack: (err as Error)?.stack }));
  return problemResponse({ type: '/problems/internal', title: 'Internal error', status: 500, detail: 'The request could not be completed.' });
};
