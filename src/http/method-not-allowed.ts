import type { NotFoundHandler } from 'hono';
import { LinearRouter } from 'hono/router/linear-router';
import { problemResponse } from './problem';

/** A route as Hono lists it in `app.routes`. */
interface RouteEntry {
  method: string;
  path: string;
}

/**
 * The methods some route answers at a path, from the app's own route table, so that a request whose
 * path exists under another method gets 405 with `Allow` (RFC 9110 §15.5.6: "The origin server MUST
 * generate an Allow header field … containing a list of the target resource's currently supported
 * methods") instead of 404. Middleware (`use`, `all`) and catch-all paths match every method and every
 * path, so they say nothing about a resource and are left out. HEAD is allowed wherever GET is: Hono
 * answers HEAD with the GET route, without the body (RFC 9110 §9.3.2).
 */
export function allowedMethods(routes: readonly RouteEntry[]): (path: string) => string[] {
  let router: LinearRouter<string> | undefined;
  const methods = new Set<string>();
  const build = () => {
    router = new LinearRouter<string>();
    for (const r of routes) {
      if (r.method === 'ALL' || r.path === '*' || r.path === '/*') continue;
      router.add(r.method, r.path, r.method);
      methods.add(r.method);
    }
    return router;
  };
  return (path) => {
    const table = router ?? build();
    const allow = new Set<string>();
    for (const method of methods) if (table.match(method, path)[0].length > 0) allow.add(method);
    if (allow.has('GET')) allow.add('HEAD');
    return [...allow].sort();
  };
}

/**
 * The app's not-found handler: 405 Method Not Allowed with `Allow` and a problem body when another
 * method has a route at the path, else the 404 problem. Built once the routes are mounted.
 */
export function notFoundOrMethodNotAllowed(routes: readonly RouteEntry[]): NotFoundHandler {
  const allowed = allowedMethods(routes);
  return (c) => {
    const allow = allowed(c.req.path);
    if (allow.length > 0 && !allow.includes(c.req.method)) {
      return problemResponse(
        { type: '/problems/method-not-allowed', title: 'Method not allowed', status: 405, detail: `${c.req.method} is not allowed on ${c.req.path}; use ${allow.join(', ')}.`, allow },
        { allow: allow.join(', ') },
      );
    }
    return problemResponse({ type: '/problems/not-found', title: 'Not found', status: 404, detail: `No route for ${c.req.method} ${c.req.path}` });
  };
}
