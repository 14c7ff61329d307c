// V8 heap figures of the Worker's isolate through the DevTools protocol of wrangler's inspector proxy.
// (`HeapProfiler.collectGarbage` gets no answer from workerd; a heap snapshot does collect first.)

/** Connects to the inspector at `inspectorUrl` (the URL `unstable_startWorker` reports). */
export async function connectInspector(inspectorUrl) {
  // The proxy accepts DevTools connections only from local origins.
  const ws = new WebSocket(`ws://${inspectorUrl.host}/ws`, { headers: { origin: 'http://localhost' } });
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = (e) => reject(new Error(`inspector: ${e.message ?? 'connection failed'}`));
  });
  let next = 0;
  const pending = new Map();
  const listeners = new Map();
  ws.onmessage = (m) => {
    const msg = JSON.parse(String(m.data));
    if (msg.method) listeners.get(msg.method)?.(msg.params);
    const done = pending.get(msg.id);
    if (!done) return;
    pending.delete(msg.id);
    done(msg);
  };
  const call = (method, params = {}, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`inspector: no answer to ${method}`));
      }, timeoutMs);
      pending.set(id, (msg) => {
        clearTimeout(timer);
        if (msg.error) reject(new Error(`inspector ${method}: ${msg.error.message}`));
        else resolve(msg.result);
      });
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    /** `usedSize`/`totalSize` (V8 heap), `embedderHeapUsedSize`, `backingStorageSize` (ArrayBuffers), bytes. */
    heapUsage: () => call('Runtime.getHeapUsage'),
    /**
     * The heap usage after a full garbage collection: a heap snapshot makes V8 collect first (workerd
     * answers `HeapProfiler.takeHeapSnapshot`, not `HeapProfiler.collectGarbage`); the snapshot itself
     * is streamed to us and dropped. Takes seconds.
     */
    async liveHeapUsage() {
      await call('HeapProfiler.enable');
      await call('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, 300_000);
      await call('HeapProfiler.disable');
      return call('Runtime.getHeapUsage');
    },
    /** Any DevTools protocol method (Profiler.*, HeapProfiler.*). */
    call,
    /** Registers a handler for a protocol event (e.g. HeapProfiler.addHeapSnapshotChunk). */
    on: (method, handler) => listeners.set(method, handler),
    close: () => ws.close(),
  };
}
