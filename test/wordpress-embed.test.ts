import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_ID } from '../fixtures';
import { call, loadFixtures, ORIGIN } from './helpers';
import { wordpressFilterOembedResult, wpKses } from './support/wordpress-embed';

const SEED_URL = 'https://mainichi.jp/english/articles/20180614/p2a/00m/0na/010000c';
const SECRET = 'Ab3De6Gh9K';
const HIDDEN = 'style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"';
const WP_IFRAME = '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"';

beforeAll(loadFixtures);

describe('the WordPress filter re-implementation', () => {
  // Cases from WordPress's own tests of wp_filter_oembed_result (tests/phpunit/tests/oembed/filterResult.php).
  it('drops event handlers, keeps src and adds the secret', () => {
    const out = wordpressFilterOembedResult('<p></p><iframe onload="alert(1)" src="http://example.com/sample-page/"></iframe>', SECRET);
    expect(out).toBe(`${WP_IFRAME} src="http://example.com/sample-page/#?secret=${SECRET}" data-secret="${SECRET}"></iframe>`);
  });

  it('keeps one iframe only, and nothing without one', () => {
    expect(wordpressFilterOembedResult('<div><iframe></iframe><iframe></iframe><p></p></div>')).toBe(`${WP_IFRAME}></iframe>`);
    expect(wordpressFilterOembedResult('<span>Hello</span><p>World</p>')).toBe(false);
    expect(wordpressFilterOembedResult('<div><p></p></div><script></script>')).toBe(false);
  });

  it('keeps a leading blockquote with its links, and hides the iframe behind it', () => {
    expect(wordpressFilterOembedResult('<blockquote class="foo" id="bar"><strong><a href="" target=""></a></strong></blockquote><iframe></iframe>')).toBe(
      `<blockquote class="wp-embedded-content"><a href=""></a></blockquote>${WP_IFRAME} ${HIDDEN}></iframe>`,
    );
  });

  it('strips disallowed tags but keeps their text, and javascript: URLs lose their scheme', () => {
    expect(wpKses('<b>bold</b> <a href="javascript:alert(1)" onclick="x">x</a>', { a: { href: true } })).toBe('bold <a href="alert(1)">x</a>');
  });
});

interface Embedded {
  blockquote: string;
  iframe: Record<string, string>;
}

/** Reads the markup WordPress would store, with attribute entities decoded as a browser would. */
async function read(markup: string): Promise<Embedded> {
  const iframes: Record<string, string>[] = [];
  await new HTMLRewriter()
    .on('iframe', { element: (e) => void iframes.push(Object.fromEntries(e.attributes)) })
    .transform(new Response(markup))
    .text();
  expect(iframes).toHaveLength(1);
  const decode = (s: string) => s.replace(/&#0?38;|&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#0?39;/g, "'");
  const iframe = Object.fromEntries(Object.entries(iframes[0]!).map(([k, v]) => [k, decode(v)]));
  const blockquote = /^<blockquote[^>]*>([\s\S]*?)<\/blockquote>/.exec(markup)?.[0] ?? '';
  return { blockquote, iframe };
}

describe('our oEmbed html after WordPress strips it', () => {
  const cases: Record<string, string>[] = [{ maxwidth: '600', maxheight: '900' }, { maxwidth: '500', maxheight: '250', theme: 'dark' }];
  for (const params of cases) {
    it(`still embeds a working card (${new URLSearchParams(params)})`, async () => {
      const res = await call(`/oembed?${new URLSearchParams({ url: SEED_URL, dnt: '1', ...params })}`);
      const answer = (await res.json()) as { html: string; width: number; height: number; title: string };
      const markup = wordpressFilterOembedResult(answer.html, SECRET);
      expect(markup).not.toBe(false);
      const { blockquote, iframe } = await read(markup as string);

      // The blockquote survives first, with its link to the article: WordPress shows it until the card speaks.
      expect(blockquote).toMatch(new RegExp(`^<blockquote class="wp-embedded-content" data-secret="${SECRET}"><a href="${SEED_URL}">`));
      expect(markup).not.toContain('<script');

      expect(iframe).toMatchObject({
        class: 'wp-embedded-content', sandbox: 'allow-scripts', security: 'restricted',
        width: String(answer.width), height: String(answer.height), frameborder: '0', marginwidth: '0', marginheight: '0',
        scrolling: 'no', 'data-secret': SECRET, title: `${answer.title} \u2014 The Mainichi`,
      });
      const src = new URL(iframe.src!);
      expect(src.origin + src.pathname).toBe(`${ORIGIN}/embed/${SEED_ID}`);
      expect(src.hash).toBe(`#?secret=${SECRET}`);
      if (params.theme) expect(src.searchParams.get('theme')).toBe('dark');

      // The page behind the src is the card, and it may be framed anywhere.
      const page = await call(src.pathname + src.search);
      expect(page.status).toBe(200);
      expect(page.headers.has('x-frame-options')).toBe(false);
      expect(page.headers.get('content-security-policy')).toContain('frame-ancestors *');
      const html = await page.text();
      expect(html).toContain('class="card"');
      // The card reads this very secret from its hash.
      const secretPattern = /var m = (\/.*\/)\.exec\(window\.location\.hash\)/.exec(html)![1]!;
      const regex = new RegExp(secretPattern.slice(1, -1));
      expect(regex.exec(src.hash)?.[1]).toBe(SECRET);
    });
  }
});
