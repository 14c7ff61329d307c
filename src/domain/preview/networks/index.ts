import type { NetworkId, NetworkProfile } from '../profile';
import { bluesky } from './bluesky';
import { discord } from './discord';
import { facebook } from './facebook';
import { googleDiscover } from './google-discover';
import { googleSearch } from './google-search';
import { imessage } from './imessage';
import { line } from './line';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { slack } from './slack';
import { telegram } from './telegram';
import { threads } from './threads';
import { whatsapp } from './whatsapp';
import { x } from './x';

/** Every network the newsroom preview draws, in the order the page shows them. */
export const NETWORK_PROFILES: readonly NetworkProfile[] = [
  facebook, x, linkedin, slack, discord, whatsapp, line, imessage, mastodon, bluesky, telegram, threads, googleSearch, googleDiscover,
];

export const profileOf = (id: NetworkId): NetworkProfile => NETWORK_PROFILES.find((p) => p.id === id)!;
export * from './profile-text';
