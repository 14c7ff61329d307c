// Entry point of the crawler-burst row of `npm run bench` (bench/lib/burst.mjs): the Worker's own app
// (src/app.ts, as src/index.ts serves it) with the real renderer wrapped to count how often each card
// is drawn, and the linear memories of its wasm modules recorded. Queue jobs are dropped, so every card
// is still uncached when the burst arrives.
import { createApp } from '../src/app';
import { renderCard } from '../src/render/render-card';

/** Renders started per card (variant + headline: the burst's cards differ in both). */
const renders = new Map<string, number>();

const wasmMemories: WebAssembly.Memory[] = [];
const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (...args: unknown[]) => Promise<unknown>;
(WebAssembly as { instantiate: unknown }).instantiate = async (...args: unknown[]) => {
  const result = await instantiate(...args);
  const instance = result instanceof WebAssembly.Instance ? result : (result as { instance: WebAssembly.Instance }).instance;
  const imported = Object.values((args[1] ?? {}) as Record<string, Record<string, unknown>>).flatMap((m) => Object.values(m));
  for (const value of [...Object.values(instance.exports), ...imported]) if (value instanceof WebAssembly.Memory) wasmMemories.push(value);
  return result;
};

const app = createApp({
  renderCard: (input, deps, options) => {
    const key = `${input.variant}|${input.headline}`;
    renders.set(key, (renders.get(key) ?? 0) + 1);
    return renderCard(input, deps, options);
  },
});

export default {
  fetch(req, env, ctx) {
    const url = new URL(req.url);
    if (url.pathname === '/__burst/renders') return Response.json(Object.fromEntries(renders));
    if (url.pathname === '/__burst/wasm-memory') return Response.json({ bytes: wasmMemories.reduce((sum, m) => sum + m.buffer.byteLength, 0) });
    return app.fetch(req, env, ctx);
  },
  queue: async (batch) => batch.ackAll(),
} satisfies ExportedHandler<Env>;
