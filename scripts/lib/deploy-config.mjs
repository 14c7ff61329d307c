// What every deployed environment of wrangler.toml must declare. Bindings and vars are not inherited
// by `[env.*]` (https://developers.cloudflare.com/workers/wrangler/environments/), so an environment
// that forgets one deploys a Worker without it.

/** Binding names by kind, as a configuration (top level or one environment) declares them. */
export function bindingsOf(config) {
  const names = (list, key = 'binding') => (list ?? []).map((b) => b[key]);
  return {
    d1: names(config.d1_databases),
    r2: names(config.r2_buckets),
    queueProducers: names(config.queues?.producers),
    queueConsumers: names(config.queues?.consumers, 'queue').length,
    ratelimits: names(config.ratelimits, 'name'),
    analytics: names(config.analytics_engine_datasets),
    images: config.images?.binding ? [config.images.binding] : [],
    vars: Object.keys(config.vars ?? {}),
  };
}

/** Values that belong to local development only. */
const DEV_ONLY = /localhost|127\.0\.0\.1|\[::1\]|dev-token|test-token/i;

/**
 * The problems of one environment against the top level (local development): a binding or var the
 * top level has and the environment lacks, a queue without its consumer, a placeholder resource id,
 * a development-only value. Empty when the environment is complete.
 */
export function environmentProblems(top, name) {
  const env = top.env?.[name];
  if (!env) return [`no [env.${name}]`];
  const want = bindingsOf(top);
  const have = bindingsOf(env);
  const problems = [];
  for (const kind of ['d1', 'r2', 'queueProducers', 'ratelimits', 'analytics', 'images', 'vars']) {
    for (const binding of want[kind]) if (!have[kind].includes(binding)) problems.push(`env.${name}: missing ${kind} ${binding}`);
  }
  if (want.queueConsumers > have.queueConsumers) problems.push(`env.${name}: missing a queue consumer`);
  if (!env.name || env.name === top.name && name !== 'production') problems.push(`env.${name}: needs its own name`);
  for (const [key, value] of Object.entries(env.vars ?? {})) {
    if (DEV_ONLY.test(JSON.stringify(value))) problems.push(`env.${name}: var ${key} holds a development-only value`);
  }
  const ids = (env.ratelimits ?? []).map((r) => String(r.namespace_id));
  const topIds = new Set((top.ratelimits ?? []).map((r) => String(r.namespace_id)));
  for (const id of ids) if (topIds.has(id)) problems.push(`env.${name}: rate limit namespace ${id} is shared with local development`);
  return problems;
}

/** The free plan's limit on a Worker's compressed size (https://developers.cloudflare.com/workers/platform/limits/#worker-size). */
export const FREE_PLAN_GZIP_BYTES = 3 * 1000 * 1000;

/** The compressed size wrangler reports for a (dry-run) deploy: `Total Upload: … / gzip: 1348.99 KiB`. */
export function reportedGzipBytes(output) {
  const m = /gzip:\s*([\d.]+)\s*(KiB|MiB)/.exec(output);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * (m[2] === 'MiB' ? 1024 * 1024 : 1024));
}
