// Edge mode: an oEmbed or card request for an article the store does not know builds it from the
// real local origin (test/edge/origin/), at most once per URL per TTL (docs/edge-mode.md).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { authed, putArticle } from '../helpers';
import { edgeFetch, originLog } from './edge-helpers';
import { X } from './paths';

const SELF = 'https://presscard.test';
const canonical = (path: string) => `https://mainichi.jp${path}`;
const idOf = (path: string) => `x${path.replace(/\//g, '-')}`;

async function card(id: string, file = 'og.png', query = '') {
  const { res, settled } = await edgeFetch(`${SELF}/card/${id}/${file}${query}`, { redirect: 'manual' });
  await settled();
  return res;
}

async function stored(path: string) {
  const res = await authed(`/api/articles?limit=100`);
  const { items } = (await res.json()) as { items: { id: string; url: string; headline: string; source?: string }[] };
  return items.find((i) => i.url === canonical(path));
}

const oembed = async (url: string) => (await edgeFetch(`${SELF}/oembed?url=${encodeURIComponent(url)}`)).res;

describe('edge mode: cards for articles the store does not hold', () => {
  it('a card URL of an extracted article this deployment never read builds it from origin, then redirects to its current card', async () => {
    const id = idOf(X(10));
    expect(id).toBe('x-english-articles-20990101-p2a-00m-0na-910000c');
    const res = await card(id, 'og.png', '?v=from-another-deployment');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.pathname).toMatch(new RegExp(`^/card/${id}/og\\.(png|jpg)$`));
    expect(location.searchParams.get('v')).toMatch(/^[0-9a-z]+$/);
    expect(await stored(X(10))).toMatchObject({ id, source: 'extracted', headline: 'On demand 10' });
    expect(await originLog(X(10))).toHaveLength(1);

    // The current URL is the card itself, and the next variant finds the article stored.
    const image = await card(id, location.pathname.split('/').pop()!, location.search);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\/(png|jpeg)$/);
    expect(image.headers.get('x-card-template')).not.toBe('default');
    expect((await card(id, 'square.png')).status).toBe(302);
    expect(await originLog(X(10))).toHaveLength(1);
  });

  it('concurrent card requests for one new article read origin once', async () => {
    const id = idOf(X(11));
    const answers = await Promise.all([card(id, 'og.png'), card(id, 'square.png'), card(id, 'og.jpg')]);
    expect(answers.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(await originLog(X(11))).toHaveLength(1);
  });

  it('an article row that is gone is not read again within the TTL, and is rebuilt once after it', async () => {
    const id = idOf(X(12));
    expect((await card(id)).status).toBe(302);
    expect(await originLog(X(12))).toHaveLength(1);
    await env.DB.prepare('DELETE FROM articles WHERE id = ?1').bind(id).run();

    const within = await card(id);
    expect(within.status).toBe(200);
    expect(within.headers.get('x-card-template')).toBe('default');
    expect(await originLog(X(12))).toHaveLength(1);

    await env.DB.prepare('UPDATE edge_pages SET checked_at = 0 WHERE url_key = ?1').bind(canonical(X(12))).run();
    expect((await card(id)).status).toBe(302);
    expect(await stored(X(12))).toMatchObject({ id, source: 'extracted' });
    expect((await card(id)).status).toBe(302);
    expect(await originLog(X(12))).toHaveLength(2);
  });

  it('an extracted id whose URL the CMS has since pushed under its own id redirects to that article\'s card, without origin', async () => {
    const id = idOf(X(13));
    expect((await card(id)).status).toBe(302);
    const pushed = {
      id: 'cms-913', url: canonical(X(13)), lang: 'en', headline: 'Pushed by the CMS', description: 'Pushed.', section: 'World',
      publishedAt: '2099-01-13T00:00:00Z', status: 'published',
    };
    expect((await putArticle(pushed)).status).toBeLessThan(300);
    const before = (await originLog(X(13))).length;
    const res = await card(id, 'og.png', '?v=old');
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location')!).pathname).toMatch(/^\/card\/cms-913\/og\.(png|jpg)$/);
    expect(await originLog(X(13))).toHaveLength(before);
  });

  it('an id origin has no page for gets the default image of the promised type; origin is asked once per failure TTL', async () => {
    const path = '/english/articles/20990101/p2a/00m/0na/cardmissing';
    for (let i = 0; i < 3; i++) {
      const res = await card(idOf(path), 'og.jpg', '?v=abc');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(res.headers.get('x-card-template')).toBe('default');
    }
    expect(await originLog(path)).toHaveLength(1);
  });

  it('ids that are not extracted ones, or that read back to no article URL, never reach origin', async () => {
    for (const id of ['x-foo-bar', 'x-english-articles', 'no-such-article', 'x-english-articles-20990101-p2a--00m']) {
      const res = await card(id);
      expect(res.status, id).toBe(200);
      expect(res.headers.get('x-card-template'), id).toBe('default');
    }
    expect(await originLog('/foo')).toEqual([]);
    expect(await originLog('/no-such-article')).toEqual([]);
    expect(await originLog('/english/articles/20990101/p2a/00m')).not.toContainEqual(expect.objectContaining({ url: '/english/articles/20990101/p2a//00m' }));
  });
});

describe('edge mode: oEmbed for articles the store does not hold', () => {
  it('by canonical URL: extracted from origin and answered; asked again, origin is not', async () => {
    const first = await oembed(canonical(X(14)));
    expect(first.status).toBe(200);
    const body = (await first.json()) as { title: string; thumbnail_url: string };
    expect(body.title).toBe('On demand 14');
    expect(body.thumbnail_url).toContain(`/card/${idOf(X(14))}/square.`);
    expect((await oembed(canonical(X(14)))).status).toBe(200);
    expect(await originLog(X(14))).toHaveLength(1);
  });

  it('by this service\'s own page URL of an extracted id (/a/<id>)', async () => {
    const res = await oembed(`${SELF}/a/${idOf(X(15))}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { title: string }).title).toBe('On demand 15');
    expect(await originLog(X(15))).toHaveLength(1);
  });

  it('an embargoed CMS article at an article URL stays unseen: no oEmbed, no card, no origin read', async () => {
    const path = '/english/articles/20990101/p2a/00m/0na/embargoed';
    const doc = {
      id: 'cms-embargoed-1', url: canonical(path), lang: 'en', headline: 'Embargoed in edge mode', description: 'Not yet.', section: 'World',
      publishedAt: '2099-01-16T00:00:00Z', status: 'published', embargoUntil: '2099-12-31T00:00:00Z',
    };
    expect((await putArticle(doc)).status).toBeLessThan(300);
    expect((await oembed(canonical(path))).status).toBe(404);
    expect((await card('cms-embargoed-1')).headers.get('x-card-template')).toBe('default');
    expect(await originLog(path)).toEqual([]);
  });
});

describe('edge mode: the injected set, cached per isolate, follows every change at once', () => {
  it('a CMS push and a newsroom override change the proxied page\'s tags on the next request', async () => {
    const staff = { authorization: 'Bearer staff-test-token', 'content-type': 'application/json' };
    const ogTitle = async () => {
      const { res, settled } = await edgeFetch(`https://mainichi.jp${X(16)}`);
      const html = await res.text();
      await settled();
      return /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1];
    };
    const doc = (headline: string) => ({
      id: 'cms-916', url: canonical(X(16)), lang: 'en', headline, description: 'Pushed.', section: 'World', publishedAt: '2099-01-16T00:00:00Z', status: 'published',
    });
    expect((await putArticle(doc('First pushed headline'))).status).toBe(201);
    expect(await ogTitle()).toBe('First pushed headline');
    expect(await ogTitle()).toBe('First pushed headline');
    expect((await putArticle(doc('Second pushed headline'))).status).toBe(200);
    expect(await ogTitle()).toBe('Second pushed headline');
    const saved = await edgeFetch(`${SELF}/api/newsroom/articles/cms-916/overrides`, {
      method: 'PUT', headers: { ...staff, 'if-match': '"o0"' }, body: JSON.stringify({ socialHeadline: 'Newsroom override headline' }),
    });
    expect(saved.res.status).toBe(200);
    expect(await ogTitle()).toBe('Newsroom override headline');
  });
});
