import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../../fixtures';
import { putArticle } from '../helpers';
import { SEED_PATH } from './paths';
import { edgeFetch, PUBLIC_HOST, readHead } from './edge-helpers';

const seed = fixtureById(SEED_ID);

describe('edge mode and the visibility policy', () => {
  it('passes the page through untouched while the CMS article at its URL is embargoed, and rewrites it once it is not', async () => {
    const embargoed = { ...seed, headline: 'Embargoed headline EMBSECRET', embargoUntil: '2099-01-01T00:00:00Z' };
    expect((await putArticle(embargoed)).status).toBeLessThan(300);
    const { res } = await edgeFetch(`${PUBLIC_HOST}${SEED_PATH}?v=plain`);
    const html = await res.text();
    expect(html).not.toContain('EMBSECRET');
    expect(readHead(html).prop('og:title')).toEqual(['Origin og title']);
    expect(html).not.toContain('<presscard-share');

    const { embargoUntil: _, ...lifted } = embargoed;
    expect((await putArticle(lifted)).status).toBe(200);
    const after = await (await edgeFetch(`${PUBLIC_HOST}${SEED_PATH}?v=plain`)).res.text();
    expect(readHead(after).prop('og:title')).toEqual([lifted.headline]);
  });
});
