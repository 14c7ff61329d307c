import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { call, currentCardPath, loadFixtures, ORIGIN } from './helpers';

// A crawler gets an image of the type its URL promised, or a redirect to a URL that does: a card URL
// with an extension other than the card's own type is never answered with another type's bytes.
beforeAll(loadFixtures);

const TEXT_ID = '20260701-editorial-press-freedom';

async function followOnce(path: string) {
  const res = await call(path, { redirect: 'manual' });
  expect(res.status, path).toBe(302);
  expect(res.headers.get('cache-control'), path).toBe('public, max-age=60');
  return new URL(res.headers.get('location')!);
}

describe('card URL extensions', () => {
  it('the seed is a photo card at .jpg and the editorial a text card at .png', async () => {
    expect(fixtureById(SEED_ID).image).toBeDefined();
    expect(await currentCardPath(SEED_ID, 'og')).toMatch(/\/og\.jpg\?v=/);
    expect(await currentCardPath(TEXT_ID, 'og')).toMatch(/\/og\.png\?v=/);
  });

  it.each([
    [SEED_ID, 'og.gif'], [SEED_ID, 'og.webp'], [SEED_ID, 'og'], [SEED_ID, 'og.png'], [SEED_ID, 'og.jpeg'], [SEED_ID, 'square.WEBP'],
    [TEXT_ID, 'og.gif'], [TEXT_ID, 'og.jpg'], [TEXT_ID, 'og'], [TEXT_ID, 'square.avif'],
  ])('%s/%s: 302 to the current card URL, whose bytes are of its own type', async (id, file) => {
    const variant = file.split('.')[0]!;
    const location = await followOnce(`/card/${id}/${file}`);
    expect(location.origin).toBe(ORIGIN);
    expect(location.pathname + location.search).toBe(await currentCardPath(id, variant));
    const card = await call(location.pathname + location.search);
    expect(card.status).toBe(200);
    const type = card.headers.get('content-type');
    expect(type).toBe(location.pathname.endsWith('.jpg') ? 'image/jpeg' : 'image/png');
    const bytes = new Uint8Array(await card.arrayBuffer());
    // The bytes agree with the type: PNG signature or JPEG SOI.
    expect(type === 'image/png' ? [...bytes.slice(0, 4)] : [...bytes.slice(0, 3)]).toEqual(type === 'image/png' ? [0x89, 0x50, 0x4e, 0x47] : [0xff, 0xd8, 0xff]);
  });

  it('without a current card (unknown article or variant), an unproducible extension redirects to the .png default image', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const [path, target] of [
      ['/card/no-such-article/og.webp', '/card/no-such-article/og.png'],
      ['/card/no-such-article/square', '/card/no-such-article/square.png'],
      [`/card/${SEED_ID}/banner.gif`, `/card/${SEED_ID}/banner.png`],
      [`/card/${SEED_ID}/og.tar.gz`, `/card/${SEED_ID}/og.png`],
    ] as const) {
      const location = await followOnce(path);
      expect(location.pathname, path).toBe(target);
      const res = await call(location.pathname, { redirect: 'manual' });
      if (res.status === 302) {
        // og.png of a known article: the current card, as above.
        expect(res.headers.get('location')).toContain(`/card/${SEED_ID}/og.jpg?v=`);
        continue;
      }
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe('image/png');
      await res.body?.cancel();
    }
    warn.mockRestore();
  });
});
