/**
 * The crawler family of a User-Agent, the only thing about a client the request log keeps
 * (docs/observability.md): a name for known link-preview crawlers and search bots, `other` for any
 * other client. Tokens are the ones each network documents (docs/platforms.md, "Networks").
 */
const FAMILIES: ReadonlyArray<[RegExp, string]> = [
  [/facebookexternalhit|facebookcatalog|meta-externalagent/i, 'facebook'],
  [/Twitterbot/i, 'x'],
  [/LinkedInBot/i, 'linkedin'],
  [/Slackbot|Slack-ImgProxy/i, 'slack'],
  [/Discordbot/i, 'discord'],
  [/WhatsApp/i, 'whatsapp'],
  [/TelegramBot/i, 'telegram'],
  [/Bluesky|Cardyb/i, 'bluesky'],
  [/Mastodon|Pleroma|Misskey/i, 'fediverse'],
  [/Line\//i, 'line'],
  [/Pinterest/i, 'pinterest'],
  [/redditbot/i, 'reddit'],
  [/Googlebot|Google-InspectionTool|GoogleOther/i, 'google'],
  [/bingbot/i, 'bing'],
  [/Applebot/i, 'apple'],
  [/Embedly|iframely/i, 'embed-service'],
];

export type CrawlerFamily = string;

/** `facebook`, `x`, ... for a known crawler; `other` for anything else, including no User-Agent. */
export function crawlerFamily(userAgent: string | undefined | null): CrawlerFamily {
  if (!userAgent) return 'other';
  for (const [pattern, family] of FAMILIES) if (pattern.test(userAgent)) return family;
  return 'other';
}

/**
 * True for a crawler that fetches links on its own (link expanders, search bots): its fetch of a
 * share link is not a reader's click. `line` is left out: `Line/<version>` is also in the User-Agent
 * of LINE's in-app browser, where real readers click (LINE's own preview fetcher announces itself as
 * `facebookexternalhit`).
 */
export function isLinkFetchingCrawler(userAgent: string | undefined | null): boolean {
  const family = crawlerFamily(userAgent);
  return family !== 'other' && family !== 'line';
}
