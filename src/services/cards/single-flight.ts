/**
 * Shares one in-flight promise among identical concurrent requests within an isolate, so N crawlers
 * asking for the same uncached card cause one render. Entries leave the map when they settle, so the
 * map is bounded by the number of renders in flight.
 */
export function createSingleFlight<T>() {
  const inFlight = new Map<string, Promise<T>>();
  return {
    run(key: string, work: () => Promise<T>): Promise<T> {
      const running = inFlight.get(key);
      if (running) return running;
      const promise = work().finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
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
