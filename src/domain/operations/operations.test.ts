import { describe, expect, it } from 'vitest';
import { crawlerFamily } from './crawler-family';
import { isHealablePhotoFailure } from './photo-failures';

describe('crawlerFamily', () => {
  it('names the crawlers networks document, and nothing else', () => {
    expect(crawlerFamily('facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)')).toBe('facebook');
    expect(crawlerFamily('Twitterbot/1.0')).toBe('x');
    expect(crawlerFamily('Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)')).toBe('slack');
    expect(crawlerFamily('Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)')).toBe('discord');
    expect(crawlerFamily('http.rb/5.1.1 (Mastodon/4.2.0; +https://mastodon.social/)')).toBe('fediverse');
    expect(crawlerFamily('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0')).toBe('other');
    expect(crawlerFamily(undefined)).toBe('other');
  });
});

describe('isHealablePhotoFailure', () => {
  it('retries timeouts, network failures and 5xx; everything else is final', () => {
    for (const reason of ['timeout', 'network', 'http-500', 'http-503', 'http-429', 'http-408', 'scale-failed']) expect(isHealablePhotoFailure(reason), reason).toBe(true);
    for (const reason of ['disallowed-host', 'insecure-scheme', 'http-404', 'http-410', 'undecodable', 'photo-too-large', 'not-an-image', 'bad-content-type', 'too-large', 'jpeg-over-budget']) {
      expect(isHealablePhotoFailure(reason), reason).toBe(false);
    }
  });
});
