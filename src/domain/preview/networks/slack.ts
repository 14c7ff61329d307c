import { confirmed, unconfirmed, type NetworkProfile } from '../profile';

/** Slack unfurl: site name, linked title, description, image below; reads only the start of the page. */
export const slack: NetworkProfile = {
  id: 'slack',
  name: 'Slack',
  crawler: {
    userAgent: confirmed('Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'https://api.slack.com/robots'),
    maxBytes: unconfirmed(32_768, 'vercel/next.js#83926 (Slack fetches with Range)'),
    head: unconfirmed(true, 'yschimke/compose-ai-tools PR #3717'),
  },
  reads: { title: ['og:title', 'twitter:title', 'title'], description: ['og:description', 'twitter:description', 'meta:description'], image: ['og:image', 'twitter:image'], site: ['og:site_name'] },
  title: { kind: 'lines', lines: unconfirmed(1, 'observed in Slack desktop'), widthPx: 480, fontPx: 15 },
  description: { kind: 'lines', lines: unconfirmed(3, 'observed in Slack desktop'), widthPx: 480, fontPx: 15 },
  image: { aspect: unconfirmed(1.91, 'observed: the image keeps its own aspect, at most 360 px wide'), crop: 'center', largeWhen: 'always' },
  domainLine: 'site-name',
  modes: ['light', 'dark'],
  cache: { frozenAtPost: unconfirmed(false, 'https://api.slack.com/reference/messaging/link-unfurling'), refresh: unconfirmed('cached for about 30 minutes per URL', 'https://api.slack.com/reference/messaging/link-unfurling') },
};
