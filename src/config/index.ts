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
