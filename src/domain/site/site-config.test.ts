import { describe, expect, it } from 'vitest';
import { ConfigError, parseSiteConfig } from './site-config';

describe('parseSiteConfig', () => {
  it('fills every key with a default', () => {
    const config = parseSiteConfig({});
    expect(config.siteName).toBe('The Mainichi');
    expect(config.articleUrlPatterns).toEqual(['https://mainichi.jp/english/articles/*']);
    expect(config.shareNetworks).toContain('x');
    expect(config.xHandle).toBeUndefined();
  });

  it('accepts arrays and tables both as values and as JSON strings', () => {
    const config = parseSiteConfig({
      IMAGE_HOSTS: '["cdn.example.com", "localhost:8787"]',
      DEFAULT_IMAGE: { path: '/brand/x.png', width: 1200, height: 630, alt: 'X' },
      SHARE_NETWORKS: ['line', 'x', 'line'],
    });
    expect(config.imageHosts).toEqual(['cdn.example.com', 'localhost:8787']);
    expect(config.defaultImage.path).toBe('/brand/x.png');
    expect(config.shareNetworks).toEqual(['line', 'x']);
  });

  it.each([
    ['THEME_COLOR', 'blue'],
    ['SITE_URL', 'not a url'],
    ['ARTICLE_URL_PATTERNS', ['http://insecure.example/*']],
    ['SHARE_NETWORKS', ['myspace']],
    ['X_HANDLE', 'no-at-sign'],
    ['TIME_ZONE', 'Mars/Olympus'],
    ['DEFAULT_IMAGE', { path: 'relative.png', width: 1, height: 1, alt: 'a' }],
  ])('stops on a bad %s with a message naming the key', (key, value) => {
    expect(() => parseSiteConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => parseSiteConfig({ [key]: value })).toThrow(new RegExp(`${key}`));
  });

  it('reads the sample configuration of wrangler.toml', async () => {
    const { env } = await import('cloudflare:workers');
    const config = parseSiteConfig(env as unknown as Record<string, unknown>);
    expect(config.siteName).toBe('The Mainichi');
    expect(config.xHandle).toBe('@themainichi');
    expect(config.timeZone).toBe('Asia/Tokyo');
  });
});
