import type { Context } from 'hono';
import type { CardLayer } from './domain/operations';
import type { SiteConfig } from './domain/site';
import type { StaffIdentity } from './http/staff-auth';
import type { Services } from './services';

/** What every route finds on the context, set once per request in src/app.ts. */
export interface AppVariables {
  /** The use cases, built from this request's bindings by the composition root (src/services). */
  services: Services;
  config: SiteConfig;
  /** Absolute origin of this service (config PUBLIC_URL, else the request's). */
  origin: string;
  /** Set by `access('staff')`: who the newsroom request comes from. */
  staff?: StaffIdentity;
  /** This app's own fetch: the newsroom requests public pages as crawlers would, without the internet. */
  selfFetch: (request: Request) => Promise<Response>;
  /** What routes note about this request for its log line (src/http/request-log.ts). */
  trace: RequestTrace;
}

/** Facts of one request that only its route knows, logged after the response. */
export interface RequestTrace {
  articleId?: string;
  /** Card routes: how the card was answered, its variant, render stages (ms), and any fallback reason. */
  card?: { layer: CardLayer; variant?: string; stages?: Record<string, number>; fallback?: string };
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };
export type AppContext = Context<AppEnv>;
