// The workerd processes the bench starts, read from /proc (Linux): resident memory and CPU time. workerd
// has no `performance.memory`, and `process.memoryUsage()` under nodejs_compat answers zeros.
import { readdirSync, readFileSync } from 'node:fs';

function stat(pid) {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) is parenthesised and may hold spaces: split after its closing parenthesis.
    const rest = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
  } catch {
    return undefined;
  }
}

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/** workerd processes started by this Node process (wrangler runs one for its proxy, one per Worker runtime). */
export function workerdProcesses() {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const parent = new Map(pids.map((p) => [p, stat(p)?.ppid]));
  const descends = (pid) => {
    for (let p = parent.get(pid), hops = 0; p && hops < 10; p = parent.get(p), hops++) if (p === process.pid) return true;
    return false;
  };
  return pids
    .filter((p) => descends(p))
    .map((pid) => ({ pid, args: cmdline(pid) }))
    .filter((p) => /workerd$/.test(p.args[0] ?? ''));
}

/**
 * The workerd process running the Worker itself (not wrangler's proxy): started with an inspector
 * address when the inspector is on, else the one with the most memory.
 */
export function workerRuntimePid() {
  const all = workerdProcesses();
  const inspected = all.filter((p) => p.args.some((a) => a.startsWith('--inspector-addr')));
  const pick = inspected.length === 1 ? inspected : all.sort((a, b) => rssBytes(b.pid) - rssBytes(a.pid));
  if (!pick[0]) throw new Error('no workerd process found');
  return pick[0].pid;
}

/** Resident set size of a process in bytes (VmRSS). */
export function rssBytes(pid) {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

function cpuTicks() {
  return workerdProcesses().reduce((sum, p) => sum + (stat(p.pid)?.ticks ?? 0), 0);
}

/**
 * Waits until the workerd processes have been idle (at most `slack` clock ticks of CPU in `quietMs`),
 * e.g. after start-up or while queued pre-renders run, so they do not run during a measurement.
 */
export async function waitForIdle({ quietMs = 500, slack = 2, timeoutMs = 120_000 } = {}) {
  const until = Date.now() + timeoutMs;
  let before = cpuTicks();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = cpuTicks();
    if (now - before <= slack) return;
    before = now;
  }
  throw new Error(`workerd still busy after ${timeoutMs} ms`);
}
