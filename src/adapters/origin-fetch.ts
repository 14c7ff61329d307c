/**
 * Outbound requests to the publisher's origin (edge mode). Redirects are not followed: they pass
 * through to the client. A response whose headers do not arrive within the timeout is abandoned.
 */
export type OriginResult = { kind: 'response'; response: Response } | { kind: 'timeout' } | { kind: 'unreachable'; reason: string };

export interface OriginFetch {
  (url: string, init: { method: string; headers: Headers; body?: BodyInit | null }): Promise<OriginResult>;
}

export function createOriginFetch(options: { timeoutMs: number; fetch?: typeof fetch }): OriginFetch {
  const doFetch = options.fetch ?? fetch;
  return async (url, init) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('origin timeout'));
    }, options.timeoutMs);
    try {
      const response = await doFetch(url, { method: init.method, headers: init.headers, body: init.body ?? null, redirect: 'manual', signal: controller.signal });
      return { kind: 'response', response };
    } catch (err) {
      return timedOut ? { kind: 'timeout' } : { kind: 'unreachable', reason: String(err) };
    } finally {
      // Only the headers are timed: a slow body streams on (the client sees its first bytes early).
      clearTimeout(timer);
    }
  };
}
