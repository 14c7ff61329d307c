import { confirmed, unconfirmed, type NetworkProfile } from '../profile';

const TN = 'https://developer.apple.com/documentation/technotes/tn3156-create-rich-previews-for-messages';

/** iMessage (LinkPresentation): a large image, title and domain, built on the sender's device. */
export const imessage: NetworkProfile = {
  id: 'imessage',
  name: 'iMessage',
  crawler: { userAgent: unconfirmed('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15 facebookexternalhit/1.1 Facebot Twitterbot/1.0', 'shadcn-labs/ogimagecn app/api/og-test/route.ts') },
  reads: { title: ['og:title', 'title'], description: [], image: ['og:image'], site: [] },
  title: { kind: 'lines', lines: unconfirmed(2, 'avenuecode 2017 (about 44 characters)'), widthPx: 250, fontPx: 15 },
  image: { aspect: unconfirmed(1.91, 'observed: the image keeps its aspect'), crop: 'center', largeWhen: 'always' },
  domainLine: 'domain',
  modes: ['light', 'dark'],
  cache: {
    frozenAtPost: unconfirmed(true, 'opengraph-check.com; techcompare.app (preview built on the sending device)'),
    refresh: unconfirmed('each device keeps its own cache; no refresh tool', 'techcompare.app'),
  },
  notes: [confirmed('Apple: avoid text in preview images; they are shown at small and varying sizes.', TN)],
};
