import { initWasm } from '@resvg/resvg-wasm';
import resvgWasm from '@resvg/resvg-wasm/index_bg.wasm';
import { init as initSatori } from 'satori/standalone';
import yoga from 'satori/yoga.wasm';

// Both wasm modules arrive compiled (wrangler imports `.wasm` as WebAssembly.Module; workerd forbids
// compiling from bytes) and are instantiated once per isolate. A failed start is retried on the next
// render instead of poisoning the isolate.
let satori: Promise<void> | undefined;
let resvg: Promise<void> | undefined;

export function satoriReady(): Promise<void> {
  satori ??= initSatori(yoga).catch((err: unknown) => {
    satori = undefined;
    throw err;
  });
  return satori;
}

export function resvgReady(): Promise<void> {
  resvg ??= initWasm(resvgWasm).catch((err: unknown) => {
    resvg = undefined;
    throw err;
  });
  return resvg;
}
