import { unconfirmed, type NetworkProfile } from '../profile';

/** Threads: a large image with the title and domain beneath (Meta's crawler). */
export const threads: NetworkProfile = {
  id: 'threads',
  name: 'Threads',
  crawler: { userAgent: unconfirmed('facebookexternalhit/1.1', 'shadcn-labs/ogimagecn app/api/og-test/route.ts (Instagram and Threads use Meta\'s crawler)') },
  reads: { title: ['og:title', 'title'], description: [], image: ['og:image'], site: [] },
  title: { kind: 'lines', lines: unconfirmed(1, 'Automattic/jetpack social-previews threads-preview'), widthPx: 460, fontPx: 15 },
  image: { aspect: unconfirmed(1.91, 'Automattic/jetpack social-previews threads-preview'), crop: 'center', largeWhen: 'always' },
  domainLine: 'domain',
  modes: ['light', 'dark'],
  cache: { frozenAtPost: unconfirmed(false, 'observed'), refresh: unconfirmed('shares Meta\'s crawler cache (Sharing Debugger)', 'observed') },
};
