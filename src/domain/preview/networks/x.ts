import { confirmed, type NetworkProfile } from '../profile';

const MARKUP = 'https://developer.x.com/en/docs/x-for-websites/cards/overview/markup';

/** X (Twitter) summary_large_image: the image with the title overlaid and "From domain"; no description. */
export const x: NetworkProfile = {
  id: 'x',
  name: 'X',
  crawler: { userAgent: confirmed('Twitterbot/1.0', 'https://developer.x.com/en/docs/x-for-websites/cards/guides/troubleshooting-cards') },
  reads: { title: ['twitter:title', 'og:title', 'title'], description: ['twitter:description', 'og:description'], image: ['twitter:image', 'og:image'], site: [] },
  title: { kind: 'count', unit: 'code-points', max: confirmed(70, MARKUP), ellipsis: '…', ellipsisCounts: true },
  image: {
    aspect: confirmed(2, 'https://developer.x.com/en/docs/x-for-websites/cards/overview/summary-card-with-large-image'),
    largeMin: confirmed({ width: 300, height: 157 }, 'https://developer.x.com/en/docs/x-for-websites/cards/overview/summary-card-with-large-image'),
    smallAspect: 1,
    minSize: confirmed({ width: 144, height: 144 }, 'https://developer.x.com/en/docs/x-for-websites/cards/overview/summary'),
    maxBytes: confirmed(5_000_000, MARKUP),
    types: confirmed(['image/jpeg', 'image/png', 'image/webp', 'image/gif'], MARKUP),
    crop: 'center',
    largeWhen: 'min-size',
  },
  domainLine: 'from',
  modes: ['light', 'dark'],
  cache: {
    frozenAtPost: confirmed(false, 'https://developer.x.com/en/docs/x-for-websites/cards/guides/troubleshooting-cards'),
    refresh: confirmed('cards are re-fetched about every 7 days', 'https://developer.x.com/en/docs/x-for-websites/cards/guides/troubleshooting-cards'),
  },
  notes: [confirmed('No title or description under large cards since October 2023; the title is overlaid on the image.', 'Automattic/wp-calypso#84430; Automattic/jetpack social-previews twitter-preview/card.tsx')],
};
