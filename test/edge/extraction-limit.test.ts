// Edge mode: oEmbed and card requests that would build an article from origin count against the
// extraction limit per client (EXTRACTION_LIMITER, docs/edge-mode.md); known articles never count.
import { describe, expect, it } from 'vitest';
import type { RateLimiter } from '../../src/domain/operations';
import { counting } from '../support/counting-limiter';
import { loadFixtures } from '../helpers';
import { fixtureById, SEED_ID } from '../../fixtures';
import { edgeFetch, originLog } from './edge-helpers';
import { X } from './paths';

const SELF = 'https://presscard.test';
const canonical = (path: string) => `https://mainichi.jp${path}`;
const idOf = (path: string) => `x${path.replace(/\//g, '-')}`;
const client = { 'cf-connecting-ip': '203.0.113.9' };

async function oembed(url: string, extraction: RateLimiter) {
  const { res, settled } = await edgeFetch(`${SELF}/oembed?url=${encodeURIComponent(url)}`, { headers: client }, {}, { rateLimiters: { extraction } });
  await settled();
  return res;
}

describe('edge mode: the extraction limit', () => {
  it('refuses oEmbed for an unknown article over the limit with 429, without asking origin; the URL stays due', async () => {
    const limiter = counting(0);
    const refused = await oembed(canonical(X(18)), limiter);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await refused.json()).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
    expect(limiter.keys).toEqual(['client:203.0.113.9']);
    expect(await originLog(X(18))).toHaveLength(0);

    // Refused requests claimed nothing: the next admitted one builds the article at once.
    const admitted = await oembed(canonical(X(18)), counting(1));
    expect(admitted.status).toBe(200);
    expect(await admitted.json()).toMatchObject({ title: 'On demand 18' });
    expect(await originLog(X(18))).toHaveLength(1);
  });

  it('gives a card request over the limit the default image of the promised type, without asking origin', async () => {
    const { res } = await edgeFetch(`${SELF}/card/${idOf(X(19))}/og.png`, { headers: client }, {}, { rateLimiters: { extraction: counting(0) } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-card-template')).toBe('default');
    expect(await originLog(X(19))).toHaveLength(0);
  });

  it('never counts an article the store holds or one already extracted', async () => {
    await loadFixtures();
    const limiter = counting(0);
    expect((await oembed(fixtureById(SEED_ID).url, limiter)).status).toBe(200);
    expect((await oembed(canonical(X(18)), limiter)).status).toBe(200);
    expect(limiter.keys).toEqual([]);
  });
});
