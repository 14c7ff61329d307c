/**
 * Shares one piece of in-flight work among identical concurrent requests within an isolate, so N
 * crawlers asking for the same uncached card cause one render. Entries leave the map when they settle,
 * so the map is bounded by the work in flight.
 *
 * Only the request that started the work awaits its promise. A request that joins it polls for the
 * settled result with its own timer: in Workers the continuation of a promise that another request's
 * I/O resolves runs in that other request's context, so whatever the joiner did next (an origin fetch,
 * a response stream) would belong to the other request, fail with "Cannot perform I/O on behalf of a
 * different request", or be cancelled with it and leave the joiner hung (docs/platforms.md, "Cloudflare
 * Workers runtime"). A joiner that has waited `maxWaitMs` (the starter's request was cancelled and its
 * work will never settle) runs the work itself.
 */
export function createSingleFlight<T>(options: { pollMs?: number; maxWaitMs?: number } = {}) {
  const pollMs = options.pollMs ?? 5;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  type Flight = { settled: boolean; ok: boolean; value?: T; error?: unknown };
  const inFlight = new Map<string, Flight>();

  function start(key: string, work: () => Promise<T>): Promise<T> {
    const flight: Flight = { settled: false, ok: false };
    inFlight.set(key, flight);
    const forget = () => {
      if (inFlight.get(key) === flight) inFlight.delete(key);
    };
    return work().then(
      (value) => {
        Object.assign(flight, { settled: true, ok: true, value });
        forget();
        return value;
      },
      (error: unknown) => {
        Object.assign(flight, { settled: true, ok: false, error });
        forget();
        throw error;
      },
    );
  }

  async function join(flight: Flight, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    while (!flight.settled) {
      if (Date.now() - started >= maxWaitMs) return work();
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    if (flight.ok) return flight.value as T;
    throw flight.error;
  }

  return {
    run(key: string, work: () => Promise<T>): Promise<T> {
      const running = inFlight.get(key);
      return running ? join(running, work) : start(key, work);
    },
    /** True while work for `key` is running (a new caller would join it). */
    has(key: string): boolean {
      return inFlight.has(key);
    },
    get size() {
      return inFlight.size;
    },
  };
}
