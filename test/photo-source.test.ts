import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { assetReader } from '../src/adapters/assets';
import { createPhotoSource, type PhotoSourceOptions } from '../src/adapters/photo-source';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

interface Call {
  url: string;
  init?: RequestInit;
}

/** A fetch that answers from `respond` and records what it was asked. */
function fakeFetch(respond: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    return respond(url, init);
  }) as typeof fetch;
  return { fn, calls };
}

function source(fetch: typeof globalThis.fetch, extra: Partial<PhotoSourceOptions> = {}) {
  return createPhotoSource({
    imageHosts: ['cdn.mainichi.jp', 'localhost:8787'],
    ownOrigin: 'https://presscard.test',
    assets: assetReader(env.ASSETS),
    fetch,
    timeoutMs: 50,
    maxBytes: 1024,
    ...extra,
  });
}

const image = (bytes: Uint8Array, type = 'image/jpeg', headers: Record<string, string> = {}) =>
  new Response(bytes, { headers: { 'content-type': type, ...headers } });

describe('photo source', () => {
  it('fetches an allowed https photo asking for JPEG or PNG', async () => {
    const { fn, calls } = fakeFetch(() => image(JPEG));
    const result = await source(fn).get('https://cdn.mainichi.jp/photo.jpg');
    expect(result).toEqual({ ok: true, bytes: JPEG, type: 'image/jpeg' });
    expect(new Headers(calls[0]!.init?.headers).get('accept')).toBe('image/jpeg, image/png');
    expect(calls[0]!.init?.redirect).toBe('manual');
  });

  it('refuses hosts that are not configured without fetching', async () => {
    const { fn, calls } = fakeFetch(() => image(JPEG));
    expect(await source(fn).get('https://evil.example/photo.jpg')).toEqual({ ok: false, reason: 'disallowed-host' });
    expect(await source(fn).get('https://cdn.mainichi.jp:8443/photo.jpg')).toEqual({ ok: false, reason: 'disallowed-host' });
    expect(calls).toEqual([]);
  });

  it('refuses photo URLs with userinfo, on allowed hosts and on its own /photos/ too', async () => {
    const { fn, calls } = fakeFetch(() => image(JPEG));
    for (const url of ['https://user:pw@cdn.mainichi.jp/photo.jpg', 'https://user@cdn.mainichi.jp/photo.jpg', 'http://user:pw@localhost:8787/photos/dandong-customs.jpg']) {
      expect(await source(fn).get(url), url).toEqual({ ok: false, reason: 'userinfo' });
    }
    expect(calls).toEqual([]);
  });

  it('refuses plain http except on local development hosts', async () => {
    const { fn, calls } = fakeFetch(() => image(JPEG));
    expect(await source(fn).get('http://cdn.mainichi.jp/photo.jpg')).toEqual({ ok: false, reason: 'insecure-scheme' });
    expect(await source(fn).get('not a url')).toEqual({ ok: false, reason: 'bad-url' });
    expect(calls).toEqual([]);
  });

  it('gives up on a slow host at the deadline', async () => {
    const { fn } = fakeFetch(() => new Promise<Response>(() => {}));
    expect(await source(fn).get('https://cdn.mainichi.jp/slow.jpg')).toEqual({ ok: false, reason: 'timeout' });
  });

  it('gives up on a body that stalls at the deadline', async () => {
    const { fn } = fakeFetch(() => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(JPEG); // then nothing more, ever
        },
      });
      return new Response(body, { headers: { 'content-type': 'image/jpeg' } });
    });
    expect(await source(fn).get('https://cdn.mainichi.jp/stall.jpg')).toEqual({ ok: false, reason: 'timeout' });
  });

  it('refuses a huge file, declared or not', async () => {
    const big = new Uint8Array(4096);
    big.set(JPEG);
    const declared = fakeFetch(() => image(JPEG, 'image/jpeg', { 'content-length': '999999999' }));
    expect(await source(declared.fn).get('https://cdn.mainichi.jp/big.jpg')).toEqual({ ok: false, reason: 'too-large' });
    const streamed = fakeFetch(() => image(big));
    expect(await source(streamed.fn).get('https://cdn.mainichi.jp/big.jpg')).toEqual({ ok: false, reason: 'too-large' });
  });

  it('refuses the wrong content type, and bytes that are not what the type says', async () => {
    for (const type of ['text/html', 'image/webp', 'image/avif']) {
      const { fn } = fakeFetch(() => image(JPEG, type));
      expect(await source(fn).get('https://cdn.mainichi.jp/x'), type).toEqual({ ok: false, reason: 'bad-content-type' });
    }
    const lying = fakeFetch(() => image(new TextEncoder().encode('<html>not found</html>'), 'image/jpeg'));
    expect(await source(lying.fn).get('https://cdn.mainichi.jp/x.jpg')).toEqual({ ok: false, reason: 'not-an-image' });
    const png = fakeFetch(() => image(PNG, 'image/png; charset=binary'));
    expect(await source(png.fn).get('https://cdn.mainichi.jp/x.png')).toMatchObject({ ok: true, type: 'image/png' });
  });

  it('reports the status of a failed response', async () => {
    const { fn } = fakeFetch(() => new Response('gone', { status: 404 }));
    expect(await source(fn).get('https://cdn.mainichi.jp/missing.jpg')).toEqual({ ok: false, reason: 'http-404' });
  });

  it('follows redirects only to allowed hosts', async () => {
    const toEvil = fakeFetch(() => new Response(null, { status: 302, headers: { location: 'https://evil.example/x.jpg' } }));
    expect(await source(toEvil.fn).get('https://cdn.mainichi.jp/x.jpg')).toEqual({ ok: false, reason: 'disallowed-host' });
    expect(toEvil.calls).toHaveLength(1);
    const hop = fakeFetch((url) => (url.endsWith('/old.jpg') ? new Response(null, { status: 301, headers: { location: '/new.jpg' } }) : image(JPEG)));
    expect(await source(hop.fn).get('https://cdn.mainichi.jp/old.jpg')).toMatchObject({ ok: true });
    expect(hop.calls.map((c) => c.url)).toEqual(['https://cdn.mainichi.jp/old.jpg', 'https://cdn.mainichi.jp/new.jpg']);
    const loop = fakeFetch(() => new Response(null, { status: 302, headers: { location: '/again' } }));
    expect(await source(loop.fn).get('https://cdn.mainichi.jp/again')).toEqual({ ok: false, reason: 'too-many-redirects' });
  });

  it('reads photos of this service and of local development hosts from the static assets', async () => {
    const { fn, calls } = fakeFetch(() => image(JPEG));
    const big = { maxBytes: 8 * 1024 * 1024 };
    const own = await source(fn, big).get('https://presscard.test/photos/dandong-customs.jpg');
    expect(own).toMatchObject({ ok: true, type: 'image/jpeg' });
    const dev = await source(fn, big).get('http://localhost:8787/photos/tokyo-dusk.jpg');
    expect(dev).toMatchObject({ ok: true, type: 'image/jpeg' });
    expect(await source(fn, big).get('http://localhost:8787/photos/no-such-photo.jpg')).toEqual({ ok: false, reason: 'http-404' });
    expect(await source(fn, big).get('http://localhost:8787/api/articles')).toEqual({ ok: false, reason: 'unreachable-dev-host' });
    expect(calls).toEqual([]);
  });
});
