import { describe, expect, it } from 'vitest';
import { call, loadFixtures } from './helpers';

describe('smoke', () => {
  it('answers healthz and shows the seed article', async () => {
    expect((await call('/healthz')).status).toBe(200);
    await loadFixtures();
    const res = await call('/a/20180614-nk-laborers-china');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('N. Korean laborers');
  });
});
