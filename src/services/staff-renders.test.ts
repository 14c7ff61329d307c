import { describe, expect, it } from 'vitest';
import type { RenderedCard } from '../render/render-card';
import { createStaffRenders } from './staff-renders';

const card = (bytes: number, fallback?: string): RenderedCard => ({
  bytes: new Uint8Array(bytes), contentType: 'image/png', width: 1200, height: 630, template: 'text', timings: {}, texts: [], omitted: [], uncovered: [],
  ...(fallback ? { fallback } : {}),
});

function counted(make: () => RenderedCard) {
  let renders = 0;
  return { render: async () => { renders++; return make(); }, get count() { return renders; } };
}

describe('staff renders kept per isolate', () => {
  it('draws a card once per content key, and shares a render under way', async () => {
    const cache = createStaffRenders();
    const r = counted(() => card(100));
    const [a, b] = await Promise.all([cache.get('k1', r.render), cache.get('k1', r.render)]);
    expect(a).toBe(b);
    await cache.get('k1', r.render);
    expect(r.count).toBe(1);
    await cache.get('k2', r.render);
    expect(r.count).toBe(2);
  });

  it('keeps no card drawn without its photo, and no failed render', async () => {
    const cache = createStaffRenders();
    const r = counted(() => card(100, 'timeout'));
    await cache.get('k', r.render);
    await new Promise((done) => setTimeout(done, 0));
    await cache.get('k', r.render);
    expect(r.count).toBe(2);
    let failures = 0;
    const failing = async () => { failures++; throw new Error('render failed'); };
    await expect(cache.get('f', failing)).rejects.toThrow('render failed');
    await new Promise((done) => setTimeout(done, 0));
    await expect(cache.get('f', failing)).rejects.toThrow('render failed');
    expect(failures).toBe(2);
  });

  it('drops the least recently used beyond its bytes or entries', async () => {
    const cache = createStaffRenders(250, 10);
    const r = counted(() => card(100));
    await cache.get('a', r.render);
    await cache.get('b', r.render);
    await cache.get('a', r.render); // a is now the most recent
    await cache.get('c', r.render); // 300 bytes: b goes
    await new Promise((done) => setTimeout(done, 0));
    expect(r.count).toBe(3);
    await cache.get('a', r.render);
    await cache.get('c', r.render);
    expect(r.count).toBe(3);
    await cache.get('b', r.render);
    expect(r.count).toBe(4);
  });
});
