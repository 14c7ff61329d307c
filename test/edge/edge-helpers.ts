import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { parse, type HTMLElement } from 'node-html-parser';
import { inject } from 'vitest';
import { type AppOptions, createApp } from '../../src/app';
import type { EdgeConfig } from '../../src/domain/edge';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test origin's URL (test/edge/origin/setup.ts). */
    edgeOrigin: string;
  }
}

export const ORIGIN_URL = inject('edgeOrigin');
export const PUBLIC_HOST = 'https://mainichi.jp';

export const edgeConfig = (over: Partial<EdgeConfig> = {}): EdgeConfig => ({
  originUrl: ORIGIN_URL, shareBarAfter: 'article h1', originTimeoutMs: 15_000, extractionTtlSeconds: 900, failureTtlSeconds: 3600, ...over,
});

/** A request to the Worker in edge mode against the test origin; waits for work after the response. */
export async function edgeFetch(url: string, init: RequestInit = {}, over: Partial<EdgeConfig> = {}, options: AppOptions = {}) {
  const app = createApp({ edgeConfig: edgeConfig(over), ...options });
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(url, init), env, ctx);
  return { res, settled: () => waitOnExecutionContext(ctx) };
}

/** The requests the test origin received for a path (query included), oldest first. */
export async function originLog(pathPrefix: string): Promise<{ method: string; url: string; headers: Record<string, string> }[]> {
  const all = (await (await fetch(`${ORIGIN_URL}/__log`)).json()) as { method: string; url: string; headers: Record<string, string> }[];
  return all.filter((r) => r.url.startsWith(pathPrefix));
}

export interface PageHead {
  doc: HTMLElement;
  /** Tag names (and key attribute) of <head>'s element children, in order. */
  order: string[];
  prop(key: string): string[];
}

export function readHead(html: string): PageHead {
  const doc = parse(html, { comment: false });
  const head = doc.querySelector('head')!;
  const order = head.childNodes
    .filter((n): n is HTMLElement => n.nodeType === 1)
    .map((e) => `${e.tagName.toLowerCase()}${e.getAttribute('property') ? `[${e.getAttribute('property')}]` : e.getAttribute('name') ? `[${e.getAttribute('name')}]` : e.getAttribute('rel') ? `[${e.getAttribute('rel')}]` : ''}`);
  const prop = (key: string) =>
    head.querySelectorAll('meta').filter((m) => m.getAttribute('property') === key || m.getAttribute('name') === key).map((m) => m.getAttribute('content') ?? '');
  return { doc, order, prop };
}
