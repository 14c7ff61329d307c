import { describe, expect, it } from 'vitest';
import { problem } from '../src/http/problem';
import { call } from './helpers';

// RFC 9457 §3.1.1: a problem's type URI, dereferenced, documents the problem.
const STATUSES = [400, 401, 404, 405, 409, 412, 413, 415, 422, 428, 429, 501] as const;
const LITERAL_TYPES = ['/problems/csrf', '/problems/internal', '/problems/unauthorized', '/problems/not-found', '/problems/invalid-social-fields', '/problems/upstream', '/problems/http-400'];

describe('problem type URIs', () => {
  it('every type the service sends dereferences to a page naming its status', async () => {
    const types = await Promise.all(STATUSES.map(async (s) => ((await problem(s, 'x').getResponse().json()) as { type: string }).type));
    for (const type of new Set([...types, ...LITERAL_TYPES])) {
      const res = await call(type);
      expect(res.status, type).toBe(200);
      expect(res.headers.get('content-type'), type).toContain('text/html');
      expect(await res.text(), type).toMatch(/Status \d{3}\./);
    }
  });

  it('an unknown type is a 404 problem', async () => {
    const res = await call('/problems/no-such-problem');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
