import { describe, expect, it } from 'vitest';
import { parseMastodonInstance } from './mastodon-instance';

describe('parseMastodonInstance', () => {
  it.each([
    ['mastodon.social', 'mastodon.social'],
    ['  Mastodon.Social ', 'mastodon.social'],
    ['fosstodon.org', 'fosstodon.org'],
    ['social.vivaldi.net', 'social.vivaldi.net'],
    ['my-server.example', 'my-server.example'],
    ['マストドン.jp', 'xn--zck4ad5f2e.jp'],
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    // What readers paste: the server's address, their handle, a trailing dot.
    ['https://mastodon.social', 'mastodon.social'],
    ['https://Mastodon.Social/', 'mastodon.social'],
    ['http://fosstodon.org/', 'fosstodon.org'],
    ['@me@mastodon.social', 'mastodon.social'],
    ['user@host.example', 'host.example'],
    ['mastodon.social.', 'mastodon.social'],
  ])('accepts the host name %j', (typed, host) => {
    expect(parseMastodonInstance(typed)).toEqual({ ok: true, host });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['evil.example/path', 'url'],
    ['//evil.example', 'url'],
    ['mastodon.social?x=1', 'url'],
    ['mastodon.social#x', 'url'],
    ['javascript:alert(1)', 'url'],
    ['data:text/html,hi', 'url'],
    ['mastodon.social\\evil', 'url'],
    ['https://mastodon.social/@me', 'url'],
    ['https://mastodon.social/share?x', 'url'],
    ['ftp://mastodon.social', 'url'],
    ['@me', 'account'],
    ['a@b@mastodon.social', 'account'],
    ['https://mastodon.social:8080/', 'port'],
    ['mastodon.social..', 'not-a-host'],
    ['mastodon.social:443', 'port'],
    ['mastodon.social:8080', 'port'],
    ['localhost', 'not-a-host'],
    ['127.0.0.1', 'not-a-host'],
    ['mastodon social', 'not-a-host'],
    ['-bad.example', 'not-a-host'],
    ['bad-.example', 'not-a-host'],
    ['a..b', 'not-a-host'],
    ['mastodon%2esocial', 'not-a-host'],
    ['evil.example%2Fpath', 'not-a-host'],
    ['x'.repeat(64) + '.example', 'not-a-host'],
    ['mastodon.social<script>', 'not-a-host'],
  ])('refuses %j (%s)', (typed, problem) => {
    expect(parseMastodonInstance(typed)).toEqual({ ok: false, problem });
  });
});
