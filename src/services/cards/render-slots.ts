/**
 * At most `size` renders run at once in an isolate; the rest wait their turn, first come first served.
 * A crawler burst over many uncached cards would otherwise start every render together: each holds its
 * fonts, photo, SVG and pixels at the same time, and an isolate has 128 MB (docs/platforms.md, "Cloudflare
 * Workers runtime"). Renders are CPU-bound on one thread, so running more at once finishes none sooner.
 */
export function createRenderSlots(size: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
      else running++;
      try {
        return await work();
      } finally {
        // Hand the slot straight to the next in line (running stays the same), or free it.
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

/**
 * Renders at once per isolate: two, so one render's I/O (photo, fonts, the Images binding) overlaps
 * another's CPU, while the memory of only two is ever held (`npm run bench`, crawler-burst row).
 */
export const MAX_CONCURRENT_RENDERS = 2;
