import { unconfirmed, type NetworkProfile } from '../profile';

const OBSERVED = 'mastodawn.com/explore/tag/000abc (observed truncation)';

/** Discord embed: site name, title, description, large image with summary_large_image; bar in theme-color. */
export const discord: NetworkProfile = {
  id: 'discord',
  name: 'Discord',
  crawler: { userAgent: unconfirmed('Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', 'shadcn-labs/ogimagecn app/api/og-test/route.ts') },
  reads: { title: ['og:title', 'twitter:title', 'title'], description: ['og:description', 'twitter:description', 'meta:description'], image: ['og:image', 'twitter:image'], site: ['og:site_name'] },
  title: { kind: 'count', unit: 'utf8-bytes', max: unconfirmed(67, OBSERVED), ellipsis: '...', ellipsisCounts: false },
  description: { kind: 'count', unit: 'utf8-bytes', max: unconfirmed(347, OBSERVED), ellipsis: '...', ellipsisCounts: false },
  image: { aspect: unconfirmed(1.91, 'opengraphplus.com/consumers/discord/tags'), crop: 'center', largeWhen: 'always' },
  domainLine: 'site-name',
  modes: ['dark', 'light'],
  cache: { frozenAtPost: unconfirmed(false, 'analogfeelings.github.io/knowledge/discord-website-embeds'), refresh: unconfirmed('the embed proxy caches for about 30 minutes', 'analogfeelings.github.io/knowledge/discord-website-embeds') },
};
