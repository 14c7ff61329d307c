import { parseEdgeConfig, type EdgeConfig } from '../domain/edge';
import { parseSiteConfig, type SiteConfig } from '../domain/site';

/** `parse`, run once per env object (a zod parse per request otherwise). */
function oncePerEnv<T>(parse: (env: object) => T): (env: object) => T {
  const cache = new WeakMap<object, T>();
  return (env) => {
    let config = cache.get(env);
    if (config === undefined) {
      config = parse(env);
      cache.set(env, config);
    }
    return config;
  };
}

/**
 * The site configuration for a Worker env, parsed once per env object. src/index.ts also parses it at
 * module load, so a bad value stops the Worker at start-up with the offending key in the message.
 */
export const siteConfigFor: (env: object) => SiteConfig = oncePerEnv(parseSiteConfig);

/** Edge mode's settings for a Worker env, parsed once per env object. */
export const edgeConfigFor: (env: object) => EdgeConfig = oncePerEnv(parseEdgeConfig);
