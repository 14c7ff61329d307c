import { confirmed, type NetworkProfile } from '../profile';

const EXTRACTOR = 'mastodon/mastodon app/lib/link_details_extractor.rb';
const CARD = 'mastodon/mastodon app/models/preview_card.rb';

/** Mastodon: JSON-LD before OG; large card only for wider-than-tall images; each instance fetches. */
export const mastodon: NetworkProfile = {
  id: 'mastodon',
  name: 'Mastodon',
  crawler: { userAgent: confirmed('http.rb/5.2.0 (Mastodon/4.3.0; +https://mastodon.social/) Bot', 'mastodon/mastodon app/services/fetch_link_card_service.rb') },
  reads: { title: ['jsonld:headline', 'og:title', 'title'], description: ['jsonld:description', 'og:description', 'meta:description'], image: ['og:image'], site: ['og:site_name'] },
  title: { kind: 'lines', lines: confirmed(2, 'mastodon/mastodon app/javascript/mastodon/features/status/components/card.jsx'), widthPx: 520, fontPx: 15 },
  description: { kind: 'lines', lines: confirmed(1, 'mastodon/mastodon app/javascript/styles/mastodon/components.scss (.status-card__description)'), widthPx: 520, fontPx: 14 },
  image: {
    aspect: confirmed(16 / 9, 'mastodon/mastodon app/javascript/mastodon/features/status/components/card.jsx'),
    smallAspect: 1,
    maxBytes: confirmed(2_000_000, CARD),
    types: confirmed(['image/jpeg', 'image/png', 'image/gif', 'image/webp'], CARD),
    crop: 'center',
    largeWhen: 'wider-than-tall',
  },
  domainLine: 'site-name',
  modes: ['dark', 'light'],
  cache: {
    frozenAtPost: confirmed(false, CARD),
    refresh: confirmed('each instance refetches a card older than 2 weeks', CARD),
  },
  notes: [confirmed('Title and description come from JSON-LD NewsArticle before Open Graph.', EXTRACTOR)],
};
