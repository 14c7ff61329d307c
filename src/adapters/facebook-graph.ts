import type { FacebookScraper } from '../domain/newsroom';

export interface FacebookGraphOptions {
  /** Base URL of the Graph API (configuration, so tests and staging use a stand-in). */
  baseUrl: string;
  /** App access token (`FACEBOOK_APP_TOKEN`), sent in the body, never in the URL. */
  token: string;
  fetch?: typeof fetch;
}

/**
 * Facebook's re-scrape: `POST <graph>/?id=<url>&scrape=true` with the app token
 * (https://developers.facebook.com/docs/sharing/opengraph/using-objects#update). Facebook answers the
 * object it scraped, or an `error` object.
 */
export function createFacebookScraper({ baseUrl, token, fetch: doFetch = fetch }: FacebookGraphOptions): FacebookScraper {
  return {
    async scrape(url) {
      const endpoint = new URL(baseUrl.replace(/\/?$/, '/'));
      endpoint.searchParams.set('id', url);
      endpoint.searchParams.set('scrape', 'true');
      const res = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ access_token: token }).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string }; title?: string; updated_time?: string };
      if (!res.ok || body.error) return { ok: false, status: res.status, detail: body.error?.message ?? `Graph API answered ${res.status}` };
      return { ok: true, status: res.status, detail: body.updated_time ? `scraped; updated ${body.updated_time}` : 'scraped' };
    },
  };
}
