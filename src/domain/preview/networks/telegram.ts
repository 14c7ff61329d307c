import { unconfirmed, type NetworkProfile } from '../profile';

/** Telegram: site name, bold title, description and a large image; fixed once a message is sent. */
export const telegram: NetworkProfile = {
  id: 'telegram',
  name: 'Telegram',
  crawler: { userAgent: unconfirmed('TelegramBot (like TwitterBot)', 'share-preview.com/blog/telegram-link-preview') },
  reads: { title: ['og:title', 'twitter:title', 'title'], description: ['og:description', 'twitter:description', 'meta:description'], image: ['og:image', 'twitter:image'], site: ['og:site_name'] },
  title: { kind: 'lines', lines: unconfirmed(2, 'observed in Telegram Desktop'), widthPx: 400, fontPx: 14 },
  description: { kind: 'lines', lines: unconfirmed(4, 'observed in Telegram Desktop'), widthPx: 400, fontPx: 14 },
  image: {
    aspect: unconfirmed(1.91, 'observed'),
    largeMin: unconfirmed({ width: 400, height: 200 }, 'observed: small images are drawn as a thumbnail beside the text'),
    smallAspect: 1,
    maxBytes: unconfirmed(5_000_000, 'share-preview.com/blog/telegram-link-preview'),
    crop: 'center',
    largeWhen: 'min-size',
  },
  domainLine: 'site-name',
  modes: ['light', 'dark'],
  cache: {
    frozenAtPost: unconfirmed(true, 'opengraphplus.com/consumers/telegram/caching'),
    refresh: unconfirmed('no expiry; @WebpageBot re-crawls, sent messages keep the old card', 'opengraphplus.com/consumers/telegram/caching'),
    refreshTool: { label: '@WebpageBot', url: 'https://t.me/WebpageBot' },
  },
};
