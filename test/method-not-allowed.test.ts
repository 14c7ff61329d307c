import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_ID } from '../fixtures';
import { authed, call, loadFixtures } from './helpers';

// RFC 9110 §15.5.6: a method the target resource does not support is 405 with an Allow header listing
// the ones it does; only a path no route answers is 404.
beforeAll(loadFixtures);

describe('405 Method Not Allowed', () => {
  it.each([
    ['DELETE', '/oembed', ['GET', 'HEAD']],
    ['POST', `/a/${SEED_ID}`, ['GET', 'HEAD']],
    ['PUT', '/healthz', ['GET', 'HEAD']],
    ['POST', `/card/${SEED_ID}/og.png`, ['GET', 'HEAD']],
    ['PATCH', `/api/articles/${SEED_ID}`, ['DELETE', 'GET', 'HEAD', 'PUT']],
    ['POST', '/api/articles', ['GET', 'HEAD']],
  ])('%s %s: 405, Allow lists the methods of the resource, problem body', async (method, path, allow) => {
    const res = await authed(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')?.split(', ')).toEqual(allow);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { status: number; detail: string; allow: string[] };
    expect(body.status).toBe(405);
    expect(body.allow).toEqual(allow);
    expect(body.detail).toContain(method);
  });

  it('a path no route answers stays 404', async () => {
    for (const method of ['GET', 'DELETE', 'POST']) {
      const res = await call('/no/such/route', { method });
      expect(res.status, method).toBe(404);
      expect(res.headers.get('allow')).toBeNull();
    }
  });

  it('HEAD keeps working wherever GET does', async () => {
    for (const path of ['/oembed?url=' + encodeURIComponent(`https://presscard.test/a/${SEED_ID}`), `/a/${SEED_ID}`, '/healthz', '/']) {
      const [get, head] = await Promise.all([call(path), call(path, { method: 'HEAD' })]);
      expect(head.status, path).toBe(get.status);
      expect(head.status, path).toBeLessThan(400);
      expect(await head.text()).toBe('');
      await get.body?.cancel();
    }
  });
});
