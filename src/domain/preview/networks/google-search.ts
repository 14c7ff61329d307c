import { confirmed, unconfirmed, type NetworkProfile } from '../profile';

/** Google search result: site, breadcrumb, blue title (about 600 px), snippet about 156 characters. */
export const googleSearch: NetworkProfile = {
  id: 'google-search',
  name: 'Google Search',
  crawler: { userAgent: confirmed('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'https://developers.google.com/search/docs/crawling-indexing/google-common-crawlers') },
  reads: { title: ['title', 'og:title'], description: ['meta:description', 'og:description'], image: ['og:image'], site: ['og:site_name'] },
  title: { kind: 'lines', lines: unconfirmed(1, 'Yoast/wordpress-seo packages/search-metadata-previews SnippetPreview.js (600 px, Arial 20 px)'), widthPx: 600, fontPx: 20 },
  description: { kind: 'count', unit: 'code-points', max: unconfirmed(156, 'Yoast/wordpress-seo packages/search-metadata-previews SnippetPreview.js'), ellipsis: ' ...', ellipsisCounts: false },
  image: { aspect: unconfirmed(1, 'observed: a square thumbnail beside the snippet'), crop: 'center', largeWhen: 'always' },
  domainLine: 'breadcrumb',
  modes: ['light', 'dark'],
  cache: { frozenAtPost: confirmed(false, 'https://developers.google.com/search/docs/crawling-indexing/ask-google-to-recrawl'), refresh: confirmed('on the next crawl; URL Inspection can ask for one', 'https://developers.google.com/search/docs/crawling-indexing/ask-google-to-recrawl') },
};
