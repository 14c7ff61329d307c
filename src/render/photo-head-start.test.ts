import { describe, expect, it } from 'vitest';
import type { PhotoOutcome } from './photo';
import { PhotoHeadStart } from './photo-head-start';

/** A composited photo whose binding reads it when `read` is resolved; `log` records what happened. */
function handedOff(log: string[]) {
  let markRead!: () => void;
  const read = new Promise<void>((resolve) => (markRead = resolve)).then(() => void log.push('read by the binding'));
  const outcome: PhotoOutcome = {
    ok: true,
    photo: {
      kind: 'composited',
      width: 10,
      height: 10,
      placement: { width: 10, height: 10, left: 0, top: 0 },
      scaled: new Promise(() => {}),
      read,
      embed: () => Promise.resolve({ ok: false, reason: 'unused' }),
    },
  };
  return { outcome, markRead };
}

describe('PhotoHeadStart', () => {
  it('lets the layout start only once the binding has read a photo at hand', async () => {
    const log: string[] = [];
    const { outcome, markRead } = handedOff(log);
    const headStart = new PhotoHeadStart(Promise.resolve(outcome));
    const started = headStart.start().then(() => log.push('layout'));
    await Promise.resolve();
    markRead();
    await started;
    expect(log).toEqual(['read by the binding', 'layout']);
  });

  it('gives a photo that does not come a bounded head start only', async () => {
    const log: string[] = [];
    const late = new Promise<PhotoOutcome>((resolve) => setTimeout(() => resolve({ ok: false, reason: 'timeout' }), 200)).then((o) => {
      log.push('photo');
      return o;
    });
    const headStart = new PhotoHeadStart(late);
    await headStart.start();
    log.push('layout');
    await headStart.between();
    log.push('raster');
    await late;
    expect(log).toEqual(['layout', 'raster', 'photo']);
  });

  it('does not hold the layout for a photo that could not be had, nor one embedded for resvg', async () => {
    const outcomes: PhotoOutcome[] = [
      { ok: false, reason: 'http-404' },
      { ok: true, photo: { kind: 'embedded', src: 'data:,', width: 1, height: 1 } },
    ];
    for (const outcome of outcomes) {
      const log: string[] = [];
      const timer = new Promise<void>((resolve) => setTimeout(resolve, 1)).then(() => void log.push('a macrotask later'));
      const headStart = new PhotoHeadStart(Promise.resolve(outcome));
      await headStart.start();
      log.push('layout');
      await timer;
      expect(log).toEqual(['layout', 'a macrotask later']);
    }
  });

  it('hands a photo that arrives during the layout on at the next stage', async () => {
    const log: string[] = [];
    const { outcome, markRead } = handedOff(log);
    let arrive!: (o: PhotoOutcome) => void;
    const headStart = new PhotoHeadStart(new Promise((resolve) => (arrive = resolve)));
    await headStart.start();
    log.push('layout');
    arrive(outcome);
    await Promise.resolve();
    const next = headStart.between().then(() => log.push('raster'));
    markRead();
    await next;
    expect(log).toEqual(['layout', 'read by the binding', 'raster']);
  });
});
