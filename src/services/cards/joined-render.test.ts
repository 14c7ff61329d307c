import { describe, expect, it, vi } from 'vitest';
import type { RenderedCard } from '../../render/render-card';
import { deliverCard } from './card-delivery';
import type { CurrentCard } from './current-card';

const card = { key: 'cards/joined/og-0.png', articleId: 'joined', variant: 'og', format: 'png', hash: '0', url: 'https://presscard.test/card/joined/og.png?v=0', input: {} } as unknown as CurrentCard;
const drawn: RenderedCard = { bytes: new Uint8Array([1, 2, 3]), contentType: 'image/png', width: 1, height: 1, template: 'text', timings: {}, texts: [], omitted: [], uncovered: [] };

describe('a joined render that fails with the request that started it', () => {
  it('is drawn again by the request that joined it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let calls = 0;
    let fail!: (err: Error) => void;
    const render = () => (++calls === 1 ? new Promise<RenderedCard>((_, reject) => (fail = reject)) : Promise.resolve(drawn));
    const first = deliverCard(card, { render, waitUntil: () => {} });
    const joiner = deliverCard(card, { render, waitUntil: () => {} });
    await new Promise((r) => setTimeout(r, 0));
    fail(new Error('This promise was created by a request that has since ended'));
    await expect(first).rejects.toThrow(/since ended/);
    const res = await joiner;
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(drawn.bytes);
    expect(calls).toBe(2);
    vi.restoreAllMocks();
  });
});
