/**
 * At most `size` renders run at once in an isolate; the rest wait their turn. A crawler burst over many
 * uncached cards would otherwise start every render together: each holds its fonts, photo, SVG and
 * pixels at the same time, and an isolate has 128 MB (docs/platforms.md, "Cloudflare Workers runtime").
 * Renders are CPU-bound on one thread, so running more at once finishes none sooner.
 *
 * A waiting request polls with its own timer instead of waiting on a promise another request would
 * resolve: in Workers a request whose only pending work is a promise of another request can be taken
 * for hung and cancelled (and with it every request sharing its render).
 */
export function createRenderSlots(size: number, pollMs = 5) {
  let running = 0;
  let waiting = 0;
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= size) {
        waiting++;
        try {
          while (running >= size) await new Promise((resolve) => setTimeout(resolve, pollMs));
        } finally {
          waiting--;
        }
      }
      running++;
      try {
        return await work();
      } finally {
        running--;
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting;
    },
  };
}

/**
 * Renders at once per isolate: two, so one render's I/O (photo, fonts, the Images binding) overlaps
 * another's CPU, while the memory of only two is ever held (`npm run bench`, crawler-burst row).
 */
export const MAX_CONCURRENT_RENDERS = 2;
