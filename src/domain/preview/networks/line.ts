import { unconfirmed, type NetworkProfile } from '../profile';

/** LINE: reads only og:title, og:description and og:image; full-width image, one-line title and description. */
export const line: NetworkProfile = {
  id: 'line',
  name: 'LINE',
  crawler: { userAgent: unconfirmed('facebookexternalhit/1.1;line-poker/1.0', 'shadcn-labs/ogimagecn app/api/og-test/route.ts') },
  reads: { title: ['og:title'], description: ['og:description'], image: ['og:image'], site: [] },
  title: { kind: 'lines', lines: unconfirmed(1, 'shadcn-labs/ogimagecn components/scan/line-preview.tsx'), widthPx: 260, fontPx: 14 },
  description: { kind: 'lines', lines: unconfirmed(1, 'shadcn-labs/ogimagecn components/scan/line-preview.tsx'), widthPx: 260, fontPx: 12 },
  image: { aspect: unconfirmed(1.91, 'shadcn-labs/ogimagecn components/scan/line-preview.tsx'), crop: 'center', largeWhen: 'always' },
  domainLine: 'domain',
  modes: ['light', 'dark'],
  cache: {
    frozenAtPost: unconfirmed(true, 'qiita.com/myucy/items/c9f45979838e05e10a2a (app and server caches)'),
    refresh: unconfirmed('Page Poker clears the server cache; the app keeps its own', 'qiita.com/myucy/items/c9f45979838e05e10a2a'),
    refreshTool: { label: 'LINE Page Poker', url: 'https://poker.line.naver.jp/' },
  },
};
