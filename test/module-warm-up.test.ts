import { describe, expect, it } from 'vitest';
import { fontCacheStats } from '../src/render/fonts';
import { moduleWarmUp } from '../src/render/module-warm-up';

// The module-load warm-up swallows its errors (a first render then pays the cost itself), so a change
// that breaks it would only show as a slower cold start in the benchmark: this checks it runs through.
describe('module-load warm-up', () => {
  it('runs through in workerd: satori, resvg and the encoder on the bundled fonts', async () => {
    expect(await moduleWarmUp).toBe(true);
  });

  it('reads nothing from the static assets (a Worker may do no I/O at start-up)', async () => {
    await moduleWarmUp;
    expect(fontCacheStats().reads).toBe(0);
  });
});
