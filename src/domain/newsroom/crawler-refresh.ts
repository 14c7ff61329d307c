/** What a network answered to a request to fetch a URL again. */
export interface RefreshOutcome {
  ok: boolean;
  /** HTTP status of the network's API. */
  status: number;
  detail: string;
}

/**
 * Port for asking Facebook to scrape a URL again (Graph API `POST /?id=<url>&scrape=true`,
 * https://developers.facebook.com/docs/sharing/opengraph/using-objects#update); implemented by
 * src/adapters/facebook-graph.ts. Never throws for an answer from Facebook; throws when it cannot reach it.
 */
export interface FacebookScraper {
  scrape(url: string): Promise<RefreshOutcome>;
}

/** Manual refresh pages for networks without an API (their debuggers and bots). */
export const MANUAL_REFRESH_TOOLS = {
  facebook: 'https://developers.facebook.com/tools/debug/?q=',
  linkedin: 'https://www.linkedin.com/post-inspector/inspect/',
  telegram: 'https://t.me/WebpageBot',
} as const;
