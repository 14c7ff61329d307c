import { parseEdgeConfig, type EdgeConfig } from '../domain/edge';
import { parseSiteConfig, type SiteConfig } from '../domain/site';

const cache = new WeakMap<object, SiteConfig>();

/**
 * The site configuration for a Worker env, parsed once per env object. src/index.ts also parses it at
 * module load, so a bad value stops the Worker at start-up with the offending key in the message.
 */
export function siteConfigFor(env: object): SiteConfig {
  let config = cache.get(env);
  if (!config) {
    config = parseSiteConfig(env);
    cache.set(env, config);
  }
  return config;
}

const edgeCache = new WeakMap<object, EdgeConfig>();

/** Edge mode's settings for a Worker env, parsed once per env object (a zod parse per request otherwise). */
export function edgeConfigFor(env: object): EdgeConfig {
  let config = edgeCache.get(env);
  if (!config) {
    config = parseEdgeConfig(env);
    edgeCache.set(env, config);
  }
  return config;
}
