import { confirmed, unconfirmed, type NetworkProfile } from '../profile';

/** Google Discover: a large image (>= 1200 px wide with max-image-preview:large), title, site. */
export const googleDiscover: NetworkProfile = {
  id: 'google-discover',
  name: 'Google Discover',
  crawler: { userAgent: confirmed('Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'https://developers.google.com/search/docs/crawling-indexing/google-common-crawlers') },
  reads: { title: ['og:title', 'title'], description: [], image: ['og:image'], site: ['og:site_name'] },
  title: { kind: 'lines', lines: unconfirmed(3, 'observed in the Google app'), widthPx: 360, fontPx: 18 },
  image: {
    aspect: unconfirmed(16 / 9, 'observed in the Google app'),
    largeMin: confirmed({ width: 1200, height: 1 }, 'https://developers.google.com/search/docs/appearance/google-discover'),
    smallAspect: 1,
    crop: 'center',
    largeWhen: 'min-size',
  },
  domainLine: 'site-name',
  modes: ['light', 'dark'],
  cache: { frozenAtPost: confirmed(false, 'https://developers.google.com/search/docs/appearance/google-discover'), refresh: confirmed('on the next crawl', 'https://developers.google.com/search/docs/appearance/google-discover') },
};
