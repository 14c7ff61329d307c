import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../app-context';
import { access } from '../http/access';
import { problem } from '../http/problem';
import { PROBLEM_TYPES } from '../http/problem-types';

/** The documentation each problem `type` URI dereferences to (RFC 9457 §3.1.1). */
export const problemTypes = new Hono<AppEnv>();

problemTypes.get('/problems/:type', access('public'), (c) => {
  const slug = c.req.param('type');
  const status = /^http-(\d{3})$/.exec(slug)?.[1];
  const known = PROBLEM_TYPES[slug] ?? (status ? { title: `HTTP ${status}`, status: Number(status), meaning: 'An error status from the HTTP layer; the detail of the problem body says what happened.' } : undefined);
  if (!known) throw problem(404, `No problem type ${JSON.stringify(slug)}.`);
  return c.html(
    html`<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${known.title} (${known.status})</title><main><h1>${known.title}</h1><p>Status ${known.status}. ${known.meaning}</p><p>Problem bodies follow RFC 9457: <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code> and, for validation, <code>errors[]</code> with a JSON Pointer per field.</p></main></html>`,
    200,
    { 'cache-control': 'public, max-age=86400' },
  );
});
