import type { Context } from 'hono';
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
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };
export type AppContext = Context<AppEnv>;
