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
