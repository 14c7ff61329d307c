import { confirmed, unconfirmed, type NetworkProfile } from '../profile';

const DOCS = 'https://developers.facebook.com/docs/sharing/webmasters/images';

/** Facebook link card: image, upper-case domain, title (two lines); small square below 600x315. */
export const facebook: NetworkProfile = {
  id: 'facebook',
  name: 'Facebook',
  crawler: { userAgent: confirmed('facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', 'https://developers.facebook.com/docs/sharing/webmasters/web-crawlers') },
  reads: { title: ['og:title', 'title'], description: ['og:description', 'meta:description'], image: ['og:image'], site: ['og:site_name'] },
  title: { kind: 'lines', lines: unconfirmed(2, 'Yoast/wordpress-seo packages/social-metadata-previews FacebookTitle.js (-webkit-line-clamp: 2)'), widthPx: 500, fontPx: 16 },
  image: {
    aspect: confirmed(1.91, DOCS),
    largeMin: confirmed({ width: 600, height: 315 }, 'https://developers.facebook.com/docs/sharing/webmasters/faq'),
    smallAspect: 1,
    minSize: confirmed({ width: 200, height: 200 }, DOCS),
    maxBytes: confirmed(8_000_000, DOCS),
    types: unconfirmed(['image/jpeg', 'image/png', 'image/gif', 'image/webp'], 'rafaelmardojai/share-preview src/backend/image.rs'),
    crop: 'center',
    largeWhen: 'min-size',
  },
  domainLine: 'upper',
  modes: ['light', 'dark'],
  cache: {
    frozenAtPost: unconfirmed(false, 'https://developers.facebook.com/docs/sharing/best-practices'),
    refresh: confirmed('re-scraped about every 24 hours, or at once through the Sharing Debugger / Graph API scrape', 'https://developers.facebook.com/docs/sharing/best-practices'),
    refreshTool: { label: 'Sharing Debugger', url: 'https://developers.facebook.com/tools/debug/?q=' },
  },
  notes: [unconfirmed('The link card shows domain and title only; no description (Automattic/jetpack social-previews facebook link-preview.tsx, 2025-11).', 'Automattic/jetpack projects/js-packages/social-previews')],
};
