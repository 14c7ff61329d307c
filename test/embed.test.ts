import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_ID } from '../fixtures';
import { call, loadFixtures, ORIGIN } from './helpers';

const SEED_URL = 'https://mainichi.jp/english/articles/20180614/p2a/00m/0na/010000c';
const DRAFT_ID = '20260801-draft-defense-budget';

beforeAll(loadFixtures);

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

/** Every element of a page with its attributes, read with workerd's HTMLRewriter. */
async function elements(html: string): Promise<{ tag: string; attrs: Record<string, string> }[]> {
  const found: { tag: string; attrs: Record<string, string> }[] = [];
  await new HTMLRewriter()
    .on('*', { element: (e) => void found.push({ tag: e.tagName, attrs: Object.fromEntries(e.attributes) }) })
    .transform(new Response(html))
    .text();
  return found;
}

function frameable(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/(^|; )frame-ancestors \*(;|$)/);
  expect(res.headers.has('x-frame-options')).toBe(false);
  expect(res.headers.get('x-robots-tag')).toBe('noindex');
  expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
  expect(res.headers.has('set-cookie')).toBe(false);
  return csp;
}

describe('GET /embed/:id', () => {
  it('may be framed by any site, is not indexed and is cacheable', async () => {
    const res = await call(`/embed/${SEED_ID}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    const csp = frameable(res);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`img-src ${ORIGIN} cdn.mainichi.jp localhost:8787`);
  });

  it('allows exactly its inline style and script by hash', async () => {
    const res = await call(`/embed/${SEED_ID}`);
    const html = await res.text();
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(scripts).toHaveLength(1);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain(`style-src ${await sha256(styles[0]!)};`);
    expect(csp).toContain(`script-src ${await sha256(scripts[0]!)};`);
  });

  it('loads nothing but its photo and logo, from this service and the image hosts', async () => {
    const html = await (await call(`/embed/${SEED_ID}`)).text();
    const all = await elements(html);
    expect(all.filter((e) => e.tag === 'link' || e.tag === 'iframe' || e.tag === 'object' || e.tag === 'embed')).toEqual([]);
    expect(all.filter((e) => e.tag === 'script').every((e) => !('src' in e.attrs))).toBe(true);
    const sources = all.filter((e) => 'src' in e.attrs || 'srcset' in e.attrs).map((e) => [e.tag, e.attrs.src]);
    expect(sources).toEqual([
      ['img', 'http://localhost:8787/photos/dandong-customs.jpg'],
      ['img', `${ORIGIN}/brand/logo.svg`],
    ]);
    expect(html).not.toMatch(/url\(|@import|document\.cookie|localStorage|sessionStorage|indexedDB/);
  });

  it('shows the card in the article language, with its date, and a link that opens a new tab', async () => {
    const html = await (await call(`/embed/${SEED_ID}`)).text();
    const all = await elements(html);
    expect(all.find((e) => e.tag === 'html')!.attrs).toEqual({ lang: 'en', dir: 'ltr' });
    expect(html).toContain('<time datetime="2018-06-14T17:15:00+09:00">June 14, 2018</time>');
    expect(html).toContain('>Akira Kudo, Keisuke Kawazu<');
    expect(html).toContain('>The Mainichi<');
    const links = all.filter((e) => e.tag === 'a');
    expect(links).toEqual([
      { tag: 'a', attrs: { href: SEED_URL, target: '_blank', rel: 'noopener', 'data-open': `${ORIGIN}/embed/${SEED_ID}/open` } },
    ]);
  });

  it("takes lang and dir from the article and writes the date the article's way", async () => {
    const html = await (await call('/embed/20260320-ja-sakura-forecast')).text();
    expect(html).toContain('<html lang="ja" dir="ltr"');
    expect(html).toContain('>2026年3月20日</time>');
  });

  it('follows ?theme= and ?layout=', async () => {
    const dark = await (await call(`/embed/${SEED_ID}?theme=dark`)).text();
    expect(dark).toContain('<html lang="en" dir="ltr" data-theme="dark">');
    const text = await (await call(`/embed/${SEED_ID}?layout=text`)).text();
    expect(text).not.toContain('<figure');
    expect(text).toContain('class="description"');
    const brief = await (await call(`/embed/${SEED_ID}?layout=brief`)).text();
    expect(brief).not.toContain('class="description"');
    const full = await (await call(`/embed/${SEED_ID}`)).text();
    expect(full).toContain('<figure class="photo">');
    expect(full).toContain('<html lang="en" dir="ltr">');
  });

  it('answers 400 for a theme or layout it does not have', async () => {
    for (const q of ['theme=purple', 'layout=huge']) {
      const res = await call(`/embed/${SEED_ID}?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('shows a framable "not available" card for drafts and unknown ids', async () => {
    for (const id of [DRAFT_ID, 'no-such-article', 'Bad_Id']) {
      const res = await call(`/embed/${id}`);
      expect(res.status, id).toBe(404);
      frameable(res);
      const html = await res.text();
      expect(html).toContain('This article is not available.');
      expect(html).not.toContain('Defense Ministry');
    }
  });
});

describe('GET /embed/:id/open', () => {
  it('redirects to the canonical article (where WordPress sends a click)', async () => {
    const res = await call(`/embed/${SEED_ID}/open`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(SEED_URL);
  });

  it('knows nothing of drafts', async () => {
    expect((await call(`/embed/${DRAFT_ID}/open`, { redirect: 'manual' })).status).toBe(404);
  });
});

describe('GET /embed.js', () => {
  it('serves the host script as cacheable JavaScript', async () => {
    const res = await call('/embed.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const js = await res.text();
    expect(js).toContain("message: 'ready'");
    // Parses as a script (without running it).
    expect(() => new Function(js)).not.toThrow();
  });
});

describe('framing rules elsewhere', () => {
  it('keeps X-Frame-Options on the article page', async () => {
    const res = await call(`/a/${SEED_ID}`);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
