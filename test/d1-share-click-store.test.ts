import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createD1ShareClickStore } from '../src/adapters/d1-share-click-store';

describe('D1 share click store', () => {
  const store = createD1ShareClickStore(env.DB);

  it('loses no increment when clicks arrive together', async () => {
    await Promise.all(Array.from({ length: 25 }, () => store.record('store-test', 'x', '2026-05-01')));
    expect(await store.counts('store-test')).toEqual([{ day: '2026-05-01', network: 'x', clicks: 25 }]);
  });

  it('keeps article, network and day apart, ordered by day then network, within a range', async () => {
    await store.record('store-range', 'line', '2026-05-02');
    await store.record('store-range', 'bluesky', '2026-05-02');
    await store.record('store-range', 'line', '2026-04-30');
    await store.record('store-range', 'line', '2026-05-03');
    await store.record('store-other', 'line', '2026-05-02');
    expect(await store.counts('store-range')).toEqual([
      { day: '2026-04-30', network: 'line', clicks: 1 },
      { day: '2026-05-02', network: 'bluesky', clicks: 1 },
      { day: '2026-05-02', network: 'line', clicks: 1 },
      { day: '2026-05-03', network: 'line', clicks: 1 },
    ]);
    expect(await store.counts('store-range', { from: '2026-05-01', to: '2026-05-02' })).toEqual([
      { day: '2026-05-02', network: 'bluesky', clicks: 1 },
      { day: '2026-05-02', network: 'line', clicks: 1 },
    ]);
    expect(await store.counts('store-range', { from: '2026-05-03' })).toHaveLength(1);
    expect(await store.counts('store-range', { to: '2026-04-30' })).toHaveLength(1);
  });
});
