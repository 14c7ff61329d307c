import { confirmed, type NetworkProfile } from '../profile';

const EMBED = 'bluesky-social/social-app src/components/Post/Embed/ExternalEmbed/index.tsx';

/** Bluesky: the poster's client builds the card (cardyb) and uploads the image; frozen in the post. */
export const bluesky: NetworkProfile = {
  id: 'bluesky',
  name: 'Bluesky',
  crawler: { userAgent: confirmed('Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)', 'bluesky-social/social-app src/lib/link-meta/link-meta.ts (cardyb)') },
  reads: { title: ['og:title', 'title'], description: ['og:description', 'meta:description'], image: ['og:image'], site: [] },
  title: { kind: 'lines', lines: confirmed(3, EMBED), widthPx: 520, fontPx: 15 },
  description: { kind: 'lines', lines: confirmed(2, EMBED), widthPx: 520, fontPx: 13 },
  image: {
    aspect: confirmed(1.91, EMBED),
    maxBytes: confirmed(1_000_000, 'bluesky-social/atproto lexicons/app/bsky/embed/external.json (thumb maxSize)'),
    crop: 'center',
    largeWhen: 'always',
  },
  domainLine: 'domain',
  modes: ['light', 'dark'],
  cache: {
    frozenAtPost: confirmed(true, 'bluesky-social/atproto lexicons/app/bsky/embed/external.json (thumb is a blob in the post)'),
    refresh: confirmed('never: the card is part of the post record', 'bluesky-social/atproto lexicons/app/bsky/embed/external.json'),
  },
};
