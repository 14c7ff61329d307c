import { describe, expect, it } from 'vitest';
import { fixtures, fixtureById, SEED_ID } from '../fixtures';
import { authed, call, putArticle } from './helpers';

const json = { 'content-type': 'application/json' };
const doc = (id: string, patch: Record<string, unknown> = {}) => ({
  ...fixtureById(SEED_ID),
  id,
  url: `https://mainichi.jp/english/articles/${id}`,
  ...patch,
});

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as { type: string; title: string; status: number; detail: string; errors?: { pointer: string }[] };
  expect(body.status).toBe(res.status);
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  return body;
}

describe('ingest API: auth', () => {
  it.each([
    ['no header', {}],
    ['wrong token', { authorization: 'Bearer wrong-token' }],
    ['basic auth', { authorization: 'Basic dGVzdDp0ZXN0' }],
  ])('401 with %s, and nothing is written', async (_, headers) => {
    const res = await call('/api/articles/auth-x', { method: 'PUT', headers: { ...json, ...headers }, body: JSON.stringify(doc('auth-x')) });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await problemOf(res);
    expect((await authed('/api/articles/auth-x')).status).toBe(404);
  });

  it('protects reads, lists and deletes too', async () => {
    for (const [method, path] of [['GET', '/api/articles'], ['GET', `/api/articles/${SEED_ID}`], ['DELETE', `/api/articles/${SEED_ID}`], ['POST', '/api/articles/batch']] as const) {
      expect((await call(path, { method })).status, `${method} ${path}`).toBe(401);
    }
  });
});

describe('ingest API: PUT', () => {
  it('creates with 201, replaces with 200, and is idempotent', async () => {
    const created = await putArticle(doc('put-a'));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/articles/put-a');
    expect(await created.json()).toMatchObject({ id: 'put-a', revision: 1 });

    const again = await putArticle(doc('put-a'));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ revision: 1 });

    const edited = await putArticle(doc('put-a', { headline: 'New headline' }));
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ revision: 2, headline: 'New headline' });

    const read = await authed('/api/articles/put-a');
    expect(await read.json()).toMatchObject({ id: 'put-a', headline: 'New headline', revision: 2 });
  });

  it('takes the id from the path when the body has none, and refuses a different one', async () => {
    const { id: _, ...noId } = doc('put-b');
    expect((await putArticle(noId, 'put-b')).status).toBe(201);
    const res = await putArticle(doc('put-c'), 'put-other');
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors?.map((e) => e.pointer)).toEqual(['/id']);
    expect((await authed('/api/articles/put-other')).status).toBe(404);
  });

  it('422 lists every bad field by JSON pointer and changes nothing', async () => {
    await putArticle(doc('put-d'));
    const res = await putArticle(doc('put-d', { headline: '', image: { url: 'nope', alt: 'x', width: 0, height: 10 } }));
    expect(res.status).toBe(422);
    const body = await problemOf(res);
    expect(body.errors?.map((e) => e.pointer).sort()).toEqual(['/headline', '/image/url', '/image/width']);
    expect(await (await authed('/api/articles/put-d')).json()).toMatchObject({ headline: fixtureById(SEED_ID).headline, revision: 1 });
  });

  it('400 on malformed JSON', async () => {
    const res = await authed('/api/articles/put-e', { method: 'PUT', headers: json, body: '{"id": "put-e",' });
    expect(res.status).toBe(400);
    await problemOf(res);
  });

  it('415 on a body that is not declared JSON', async () => {
    const res = await authed('/api/articles/put-f', { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(doc('put-f')) });
    expect(res.status).toBe(415);
    await problemOf(res);
    expect((await authed('/api/articles/put-f')).status).toBe(404);
  });

  it('413 on a body over the limit', async () => {
    const big = doc('put-g', { body: Array.from({ length: 150 }, () => 'x'.repeat(9000)) });
    const res = await putArticle(big);
    expect(res.status).toBe(413);
    await problemOf(res);
    expect((await authed('/api/articles/put-g')).status).toBe(404);
  });

  it('400 on an invalid id in the path (a malformed parameter, as the README says), nothing written', async () => {
    const res = await putArticle(doc('x'), 'Not_Valid');
    expect(res.status).toBe(400);
    const body = await problemOf(res);
    expect(body.detail).toMatch(/Not_Valid.*not a valid article id/);
    expect((await authed('/api/articles/x')).status).toBe(404);
  });

  it('400 when the body is not valid UTF-8, for PUT and batch, and nothing is written', async () => {
    const text = JSON.stringify(doc('utf8-bad', { headline: 'Bad byte here: X' }));
    const bytes = new TextEncoder().encode(text);
    // Replace the "X" with a lone continuation byte (0x80), then with a truncated 3-byte sequence.
    for (const bad of [[0x80], [0xe6, 0x9d], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
      const at = bytes.indexOf(0x58);
      const body = new Uint8Array([...bytes.slice(0, at), ...bad, ...bytes.slice(at + 1)]);
      const res = await authed('/api/articles/utf8-bad', { method: 'PUT', headers: json, body });
      expect(res.status, bad.join(' ')).toBe(400);
      expect((await problemOf(res)).detail).toMatch(/not valid UTF-8/);
      const batch = new Uint8Array([0x5b, ...body, 0x5d]);
      const res2 = await authed('/api/articles/batch', { method: 'POST', headers: json, body: batch });
      expect(res2.status, bad.join(' ')).toBe(400);
      expect((await problemOf(res2)).detail).toMatch(/not valid UTF-8/);
    }
    expect((await authed('/api/articles/utf8-bad')).status).toBe(404);
    // The same document in valid UTF-8 is accepted.
    expect((await putArticle(doc('utf8-bad', { headline: 'Good byte here: 東' }))).status).toBe(201);
  });
});

describe('ingest API: batch', () => {
  it('writes every article and reports created, updated and unchanged', async () => {
    const res = await authed('/api/articles/batch', { method: 'POST', headers: json, body: JSON.stringify(fixtures) });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string; status: string }[] };
    expect(items.map((i) => i.id)).toEqual(fixtures.map((f) => f.id));
    const again = await authed('/api/articles/batch', { method: 'POST', headers: json, body: JSON.stringify({ articles: fixtures }) });
    expect(((await again.json()) as { items: { status: string }[] }).items.every((i) => i.status === 'unchanged')).toBe(true);
  });

  it('is all or nothing: one invalid article rejects the batch', async () => {
    const batch = [doc('batch-1'), doc('batch-2', { lang: 'not a language' }), doc('batch-3')];
    const res = await authed('/api/articles/batch', { method: 'POST', headers: json, body: JSON.stringify(batch) });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors?.map((e) => e.pointer)).toEqual(['/1/lang']);
    for (const id of ['batch-1', 'batch-2', 'batch-3']) expect((await authed(`/api/articles/${id}`)).status).toBe(404);
  });

  it('refuses duplicates, empty batches and more than 100 articles', async () => {
    const dup = await authed('/api/articles/batch', { method: 'POST', headers: json, body: JSON.stringify([doc('dup'), doc('dup')]) });
    expect(dup.status).toBe(422);
    expect((await problemOf(dup)).errors?.map((e) => e.pointer)).toEqual(['/1/id']);
    expect((await authed('/api/articles/batch', { method: 'POST', headers: json, body: '[]' })).status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => doc(`many-${i}`));
    const res = await authed('/api/articles/batch', { method: 'POST', headers: json, body: JSON.stringify(many) });
    expect(res.status).toBe(413);
    expect((await authed('/api/articles/many-0')).status).toBe(404);
  });

  it('400 when the body is not a list', async () => {
    const res = await authed('/api/articles/batch', { method: 'POST', headers: json, body: '{"id": "x"}' });
    expect(res.status).toBe(400);
    await problemOf(res);
  });
});

describe('ingest API: read, list, delete', () => {
  it('GET 404 for an unknown id', async () => {
    const res = await authed('/api/articles/does-not-exist');
    expect(res.status).toBe(404);
    await problemOf(res);
  });

  it('DELETE answers 204, then 404', async () => {
    await putArticle(doc('del-a'));
    expect((await authed('/api/articles/del-a', { method: 'DELETE' })).status).toBe(204);
    expect((await authed('/api/articles/del-a')).status).toBe(404);
    expect((await authed('/api/articles/del-a', { method: 'DELETE' })).status).toBe(404);
  });

  it('lists with a cursor until every article has been seen once', async () => {
    await authed('/api/articles/batch', { method: 'POST', headers: json, body: JSON.stringify(fixtures) });
    const ids: string[] = [];
    let next: string | null = null;
    do {
      const res = await authed(`/api/articles?limit=4${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { id: string; revision: number }[]; nextCursor: string | null };
      ids.push(...page.items.map((i) => i.id));
      next = page.nextCursor;
    } while (next);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of fixtures) expect(ids).toContain(f.id);
  });

  it.each(['0', '101', 'ten', '-1'])('400 for limit=%s', async (limit) => {
    const res = await authed(`/api/articles?limit=${limit}`);
    expect(res.status).toBe(400);
    await problemOf(res);
  });

  it('400 for a forged cursor', async () => {
    expect((await authed('/api/articles?cursor=forged')).status).toBe(400);
  });
});
