import { z } from 'zod';

/** Networks the share layer knows. Order in the configuration is the order of the buttons. */
export const SHARE_NETWORK_IDS = [
  'x', 'facebook', 'linkedin', 'line', 'hatena', 'reddit', 'bluesky', 'mastodon',
  'threads', 'whatsapp', 'telegram', 'pinterest', 'email', 'copy',
] as const;
export type ShareNetworkId = (typeof SHARE_NETWORK_IDS)[number];

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a #rrggbb colour');
const sitePath = z.string().regex(/^\/[\w\-./]*$/, 'a path on this service, starting with /');
const host = z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, 'a host name, optionally with :port');

/**
 * Vars arrive from wrangler `[vars]` either as JSON values (arrays, tables) or, when set with
 * `--var` or the dashboard, as strings holding JSON. Accept both.
 */
function jsonish<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return value;
    try {
      return JSON.parse(trimmed);
    } catch {
      return value;
    }
  }, schema);
}

const optionalText = z.string().trim().max(200).transform((v) => (v === '' ? undefined : v)).optional();

export const siteConfigSchema = z.object({
  SITE_NAME: z.string().trim().min(1).max(100).default('The Mainichi'),
  SITE_URL: z.url({ protocol: /^https?$/ }).default('https://mainichi.jp/english/'),
  /** Canonical URL patterns of the publisher's articles; `*` matches any run of characters. */
  ARTICLE_URL_PATTERNS: jsonish(z.array(z.string().regex(/^https:\/\/[^/*]+\//, 'an https URL pattern with a fixed host')).min(1))
    .default(['https://mainichi.jp/english/articles/*']),
  DEFAULT_LOCALE: z.string().regex(/^[a-z]{2,3}_[A-Z]{2}$/, 'a locale such as en_US').default('en_US'),
  X_HANDLE: z.string().regex(/^(@\w{1,15})?$/, 'an X handle such as @themainichi').default(''),
  FEDIVERSE_ACCOUNT: z.string().regex(/^(@[\w.-]+@[a-z0-9.-]+\.[a-z]{2,})?$/i, 'an account such as @news@example.social').default(''),
  PUBLIC_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
  THEME_COLOR: hexColour.default('#0b3d91'),
  LOGO_PATH: sitePath.default('/brand/logo.svg'),
  DEFAULT_IMAGE: jsonish(z.object({
    path: sitePath,
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    alt: z.string().min(1).max(420),
  })).default({ path: '/brand/default-share.png', width: 1200, height: 630, alt: 'The Mainichi' }),
  IMAGE_HOSTS: jsonish(z.array(host)).default(['cdn.mainichi.jp']),
  SHARE_NETWORKS: jsonish(z.array(z.enum(SHARE_NETWORK_IDS))).default([...SHARE_NETWORK_IDS]),
  /** IANA zone in which dates are shown to readers (the newsroom's own). */
  TIME_ZONE: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Asia/Tokyo').default('Asia/Tokyo'),
  UTM_CAMPAIGN: z.string().regex(/^[\w.-]{0,64}$/, 'letters, digits, _ . -').default('share'),
});

export interface SiteConfig {
  siteName: string;
  siteUrl: string;
  articleUrlPatterns: string[];
  defaultLocale: string;
  xHandle?: string;
  fediverseAccount?: string;
  /** Absolute origin of this service, or undefined to use each request's origin. */
  publicUrl?: string;
  themeColor: string;
  logoPath: string;
  defaultImage: { path: string; width: number; height: number; alt: string };
  imageHosts: string[];
  shareNetworks: ShareNetworkId[];
  utmCampaign: string;
  timeZone: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the site configuration from the Worker's vars. A bad value throws a ConfigError naming the
 * key, so a misconfigured deploy fails at start-up rather than serving wrong tags.
 */
export function parseSiteConfig(env: object): SiteConfig {
  const vars = env as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(siteConfigSchema.shape)) {
    if (vars[key] !== undefined) picked[key] = vars[key];
  }
  const result = siteConfigSchema.safeParse(picked);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid site configuration: ${problems.join('; ')}`);
  }
  const v = result.data;
  return {
    siteName: v.SITE_NAME,
    siteUrl: v.SITE_URL,
    articleUrlPatterns: v.ARTICLE_URL_PATTERNS,
    defaultLocale: v.DEFAULT_LOCALE,
    xHandle: v.X_HANDLE || undefined,
    fediverseAccount: v.FEDIVERSE_ACCOUNT || undefined,
    publicUrl: v.PUBLIC_URL ? v.PUBLIC_URL.replace(/\/+$/, '') : undefined,
    themeColor: v.THEME_COLOR,
    logoPath: v.LOGO_PATH,
    defaultImage: v.DEFAULT_IMAGE,
    imageHosts: v.IMAGE_HOSTS.map((h) => h.toLowerCase()),
    shareNetworks: [...new Set(v.SHARE_NETWORKS)],
    utmCampaign: v.UTM_CAMPAIGN,
    timeZone: v.TIME_ZONE,
  };
}
