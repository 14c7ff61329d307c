import { confirmed, unconfirmed, type NetworkProfile } from '../profile';

/** WhatsApp (and Signal, which fetches as WhatsApp): image on top, title, description, domain. */
export const whatsapp: NetworkProfile = {
  id: 'whatsapp',
  name: 'WhatsApp',
  crawler: { userAgent: unconfirmed('WhatsApp/2.23.20.0', 'shadcn-labs/ogimagecn app/api/og-test/route.ts') },
  reads: { title: ['og:title', 'title'], description: ['og:description'], image: ['og:image'], site: [] },
  title: { kind: 'lines', lines: unconfirmed(2, 'observed in WhatsApp for Android'), widthPx: 300, fontPx: 15 },
  description: { kind: 'lines', lines: unconfirmed(1, 'observed in WhatsApp for Android'), widthPx: 300, fontPx: 13 },
  image: {
    aspect: unconfirmed(1.91, 'observed'),
    largeMin: unconfirmed({ width: 300, height: 157 }, 'techcompare.app (full card from 300 px wide)'),
    smallAspect: 1,
    maxBytes: unconfirmed(300_000, 'techcompare.app; Meta business help centre says 600 KB — the stricter is used'),
    crop: 'center',
    largeWhen: 'min-size',
  },
  domainLine: 'domain',
  modes: ['light', 'dark'],
  cache: {
    frozenAtPost: unconfirmed(true, 'opengraphplus.com/consumers/telegram/caching; techcompare.app'),
    refresh: unconfirmed('no debugger; only new shares of a new URL see a change', 'techcompare.app'),
  },
  notes: [confirmed('Signal fetches link previews as "WhatsApp/2".', 'shadcn-labs/ogimagecn app/api/og-test/route.ts')],
};
