import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { SHARE_NETWORK_IDS } from '../src/domain/site';
import { call, loadFixtures, ORIGIN, putArticle } from './helpers';

const JA_ID = '20260320-ja-sakura-forecast';

interface Found {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

/** Elements matching `selector` in an HTML string, read with workerd's HTML parser (attributes as written). */
async function select(html: string, selector: string): Promise<Found[]> {
  const found: Found[] = [];
  let current: Found | undefined;
  await new HTMLRewriter()
    .on(selector, {
      element(el) {
        current = { tag: el.tagName, attrs: Object.fromEntries(el.attributes), text: '' };
        found.push(current);
      },
      text(t) {
        if (current) current.text += t.text;
      },
    })
    .transform(new Response(html))
    .text();
  return found;
}

beforeAll(loadFixtures);

describe('GET /share-bar/:id', () => {
  it('is an HTML fragment of real links to the counted redirects, in the configured order', async () => {
    const res = await call(`/share-bar/${SEED_ID}`, { headers: { origin: 'https://blog.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toMatch(/^public/);
    const html = await res.text();
    expect(html.startsWith('<nav class="presscard-share"')).toBe(true);
    expect(html).not.toMatch(/<html|<body|<!doctype/i);
    const links = await select(html, 'a.presscard-share__button');
    expect(links.map((a) => a.attrs['data-network'])).toEqual([...SHARE_NETWORK_IDS]);
    for (const a of links) expect(a.attrs.href).toBe(`${ORIGIN}/s/${a.attrs['data-network']}/${SEED_ID}`);
    const x = links.find((a) => a.attrs['data-network'] === 'x')!;
    expect(x.attrs['aria-label']).toBe('Share on X (opens in a new window)');
    expect(x.attrs.target).toBe('_blank');
    expect(x.text).toBe('X');
    const email = links.find((a) => a.attrs['data-network'] === 'email')!;
    expect(email.attrs.target).toBeUndefined();
    const copy = links.find((a) => a.attrs['data-network'] === 'copy')!;
    expect(new URL(copy.attrs['data-copy-url']!).searchParams.get('utm_source')).toBe('copy');
    const [nav] = await select(html, 'nav');
    expect(nav!.attrs['aria-label']).toBe('Share this article');
    expect(nav!.attrs.lang).toBe('en');
    expect(nav!.attrs['data-copied']).toBe('Link copied');
  });

  it('draws its icons inline, hidden from assistive technology, and loads nothing from elsewhere', async () => {
    const html = await (await call(`/share-bar/${SEED_ID}`)).text();
    const icons = await select(html, 'svg');
    // One per network, plus the share-sheet button in the <template>.
    expect(icons).toHaveLength(SHARE_NETWORK_IDS.length + 1);
    for (const svg of icons) {
      expect(svg.attrs['aria-hidden']).toBe('true');
      expect(svg.attrs.focusable).toBe('false');
    }
    const sources = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1]!).origin);
    expect(new Set(sources)).toEqual(new Set([ORIGIN]));
    expect(html).not.toMatch(/<img|<iframe|<script/);
  });

  it('speaks Japanese for a Japanese article', async () => {
    const html = await (await call(`/share-bar/${JA_ID}`)).text();
    const [nav] = await select(html, 'nav');
    expect(nav!.attrs.lang).toBe('ja');
    expect(nav!.attrs['aria-label']).toBe('この記事をシェア');
    const names = await select(html, 'a .presscard-share__name');
    expect(names.map((n) => n.text)).toContain('リンクをコピー');
    const line = (await select(html, 'a[data-network="line"]'))[0]!;
    expect(line.attrs['aria-label']).toBe('LINEで送る （新しいウィンドウで開きます）');
  });

  it('escapes article text in attributes', async () => {
    const doc = { ...fixtureById(SEED_ID), id: 'share-bar-escaping', url: 'https://mainichi.jp/english/articles/share-bar-escaping', headline: 'Quotes "and" <b>tags</b> & more' };
    expect((await putArticle(doc)).status).toBe(201);
    const html = await (await call('/share-bar/share-bar-escaping')).text();
    expect(html).toContain('data-title="Quotes &quot;and&quot; &lt;b&gt;tags&lt;/b&gt; &amp; more"');
    expect(html).not.toContain('<b>tags');
  });

  it('is a 404 problem for drafts and unknown articles', async () => {
    for (const id of ['20260801-draft-defense-budget', 'no-such-article']) {
      const res = await call(`/share-bar/${id}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

describe('the article page', () => {
  it('shows the same bar after the byline, inside <presscard-share>, with the script', async () => {
    const page = await (await call(`/a/${JA_ID}`)).text();
    const fragment = await (await call(`/share-bar/${JA_ID}`)).text();
    expect(page).toContain(`<presscard-share article="${JA_ID}">${fragment}</presscard-share>`);
    expect(page.indexOf('class="meta"')).toBeLessThan(page.indexOf('<presscard-share'));
    const [script] = await select(page, 'script[src]');
    expect(script!.attrs.src).toBe(`${ORIGIN}/share-bar.js`);
    expect(script!.attrs.defer).toBe('');
  });
});

describe('/share-bar.js', () => {
  it('is served as a static asset of at most 6 KB gzipped', async () => {
    const res = await env.ASSETS.fetch(new Request(`${ORIGIN}/share-bar.js`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const source = await res.text();
    expect(source).toContain("customElements.define('presscard-share'");
    const gzipped = await new Response(new Blob([source]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    expect(gzipped.byteLength).toBeGreaterThan(500);
    expect(gzipped.byteLength).toBeLessThanOrEqual(6 * 1024);
  });

  it('talks to no origin but its own', async () => {
    const source = await (await env.ASSETS.fetch(new Request(`${ORIGIN}/share-bar.js`))).text();
    // Every URL it builds starts from `base`, the origin of the script itself; it names no host.
    expect(source).not.toMatch(/https?:\/\/(?!PRESSCARD-ORIGIN)/);
    expect(source).toMatch(/fetch\(base \+ '\/share-bar\/'/);
  });
});
