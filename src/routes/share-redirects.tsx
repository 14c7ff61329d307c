import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../app-context';
import type { Article } from '../domain/article';
import { mastodonShareUrl, parseMastodonInstance, SHARE_UI_TEXT, shareLanguage, shareLinkFor, shareRedirectPath } from '../domain/share';
import { SHARE_NETWORK_IDS, type ShareNetworkId } from '../domain/site';
import { isLinkFetchingCrawler } from '../domain/operations';
import { access } from '../http/access';
import { afterResponse } from '../http/after-response';
import { problem } from '../http/problem';
import { clientKey, rateLimit } from '../http/rate-limit';
import { isSpeculative } from '../http/speculative';
import { redirectTo } from '../http/redirect';
import { MastodonSharePage } from '../../templates/pages/mastodon-share-page';

/**
 * `/s/:network/:id`: the share bar's links. Each is a counted redirect to the network's composer, so
 * the publisher learns which networks readers use without tracking any reader.
 */
export const shareRedirects = new Hono<AppEnv>();

/** Share redirects per client (wrangler.toml SHARE_LIMITER): over it, 429 with Retry-After. */
const shareLimit = rateLimit('share', clientKey);

/** A 302 that no cache keeps (each click must reach the Worker to be counted) and no index lists. */
function uncachedRedirect(c: AppContext, location: string) {
  c.header('cache-control', 'no-store');
  c.header('x-robots-tag', 'noindex, nofollow');
  return redirectTo(c, location, 302);
}

/** The enabled network and published article of a share URL, or a 404 problem. */
async function shareTarget(c: AppContext, network: string, id: string): Promise<{ network: ShareNetworkId; article: Article }> {
  const enabled = (SHARE_NETWORK_IDS as readonly string[]).includes(network) && c.var.config.shareNetworks.includes(network as ShareNetworkId);
  if (!enabled) throw problem(404, `No share network ${JSON.stringify(network)}.`);
  const stored = await c.var.services.articles.find(id, 'public');
  if (!stored) throw problem(404, `No published article with id ${JSON.stringify(id)}.`);
  return { network: network as ShareNetworkId, article: stored.article };
}

/**
 * Counts a click after the response (`waitUntil`), so the redirect is not delayed; prefetches and
 * link-expanding crawlers (a share link pasted into Slack is fetched by Slackbot) are not clicks.
 */
async function countClick(c: AppContext, articleId: string, network: ShareNetworkId): Promise<void> {
  if (isSpeculative(c) || isLinkFetchingCrawler(c.req.header('user-agent'))) return;
  await afterResponse(c, c.var.services.shareClicks.record(articleId, network));
}

// Mastodon has no central composer: ask for the reader's server, then redirect there (counted). The
// form submits here with ?instance=, which works without JavaScript.
shareRedirects.get('/s/mastodon/:id', access('public'), shareLimit, async (c) => {
  const { article } = await shareTarget(c, 'mastodon', c.req.param('id'));
  const language = shareLanguage(article.lang);
  const page = (status: 200 | 400, typed?: string, refused?: Parameters<typeof MastodonSharePage>[0]['problem']) =>
    c.html(
      <MastodonSharePage
        article={article}
        config={c.var.config}
        text={SHARE_UI_TEXT[language]}
        language={language}
        action={shareRedirectPath('mastodon', article.id)}
        typed={typed}
        problem={refused}
      />,
      status,
      { 'cache-control': status === 200 ? 'public, max-age=300' : 'no-store', 'x-robots-tag': 'noindex, nofollow' },
    );
  const typed = c.req.query('instance');
  if (typed === undefined) return page(200);
  const check = parseMastodonInstance(typed);
  if (!check.ok) return page(400, typed, check.problem);
  await countClick(c, article.id, 'mastodon');
  return uncachedRedirect(c, mastodonShareUrl(article, c.var.config, check.host));
});

shareRedirects.get('/s/:network/:id', access('public'), shareLimit, async (c) => {
  const { network, article } = await shareTarget(c, c.req.param('network'), c.req.param('id'));
  const image = network === 'pinterest' ? (await c.var.services.cards.images(article)).og.url : undefined;
  const link = shareLinkFor(network, article, c.var.config, { origin: c.var.origin, ...(image ? { image } : {}) });
  await countClick(c, article.id, network);
  return uncachedRedirect(c, link.url);
});

// The share bar's copy button copies in the page and reports the copy here (navigator.sendBeacon),
// since no navigation happens. Counting only: nothing is read from the request.
shareRedirects.post('/s/copy/:id', access('public'), shareLimit, async (c) => {
  const { article } = await shareTarget(c, 'copy', c.req.param('id'));
  await countClick(c, article.id, 'copy');
  return c.body(null, 204, { 'cache-control': 'no-store' });
});
