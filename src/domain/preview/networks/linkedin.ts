import { unconfirmed, type NetworkProfile } from '../profile';

/** LinkedIn article card: a 128x72 thumbnail beside the title (two lines) and the domain. */
export const linkedin: NetworkProfile = {
  id: 'linkedin',
  name: 'LinkedIn',
  crawler: { userAgent: unconfirmed('LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)', 'https://www.linkedin.com/help/linkedin/answer/a521928') },
  reads: { title: ['og:title', 'title'], description: ['og:description'], image: ['og:image'], site: [] },
  title: { kind: 'lines', lines: unconfirmed(2, 'Automattic/jetpack social-previews linkedin-preview/style.scss'), widthPx: 380, fontPx: 14 },
  image: {
    aspect: unconfirmed(1.91, 'https://www.linkedin.com/help/linkedin/answer/a521928'),
    largeMin: unconfirmed({ width: 1200, height: 627 }, 'https://www.linkedin.com/help/linkedin/answer/a521928'),
    smallAspect: 16 / 9,
    maxBytes: unconfirmed(5_000_000, 'rafaelmardojai/share-preview src/backend/social.rs'),
    crop: 'center',
    largeWhen: 'min-size',
  },
  domainLine: 'domain',
  modes: ['light', 'dark'],
  cache: {
    frozenAtPost: unconfirmed(false, 'https://www.linkedin.com/post-inspector/'),
    refresh: unconfirmed('cached about 7 days; Post Inspector refreshes it', 'https://www.linkedin.com/post-inspector/'),
    refreshTool: { label: 'Post Inspector', url: 'https://www.linkedin.com/post-inspector/inspect/' },
  },
};
