import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script shared with scripts/deploy-check.mjs
import { environmentProblems, reportedGzipBytes } from '../../scripts/lib/deploy-config.mjs';

const root = join(import.meta.dirname, '../..');
const config = parse(readFileSync(join(root, 'wrangler.toml'), 'utf8')) as Record<string, any>;

describe('wrangler.toml environments', () => {
  it('staging and production declare every binding and var of local development, without its values', () => {
    expect(environmentProblems(config, 'staging')).toEqual([]);
    expect(environmentProblems(config, 'production')).toEqual([]);
  });

  it('the check notices a missing binding, a missing var and a development-only value', () => {
    const broken = structuredClone(config);
    broken.env.staging.ratelimits = broken.env.staging.ratelimits.filter((r: { name: string }) => r.name !== 'SHARE_LIMITER');
    delete broken.env.staging.vars.TIME_ZONE;
    broken.env.staging.vars.IMAGE_HOSTS = ['cdn.mainichi.jp', 'localhost:8787'];
    delete broken.env.staging.analytics_engine_datasets;
    expect(environmentProblems(broken, 'staging')).toEqual([
      'env.staging: missing ratelimits SHARE_LIMITER',
      'env.staging: missing analytics ANALYTICS',
      'env.staging: missing vars TIME_ZONE',
      'env.staging: var IMAGE_HOSTS holds a development-only value',
    ]);
    expect(environmentProblems(broken, 'preview')).toEqual(['no [env.preview]']);
  });

  it('enables Workers Logs with a sampling rate, a cron for the sweep, and local development keeps its dev hosts', () => {
    expect(config.observability).toMatchObject({ enabled: true, head_sampling_rate: expect.any(Number) });
    expect(config.env.production.observability.head_sampling_rate).toBeLessThanOrEqual(1);
    expect(config.triggers.crons).toHaveLength(1);
    expect(config.vars.IMAGE_HOSTS).toContain('localhost:8787');
  });

  it('reads the compressed size wrangler reports', () => {
    expect(reportedGzipBytes('Total Upload: 4352.48 KiB / gzip: 1348.99 KiB')).toBe(Math.round(1348.99 * 1024));
    expect(reportedGzipBytes('nothing')).toBeUndefined();
  });
});
