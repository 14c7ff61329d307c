import type { ShareNetworkId } from '../site';

/** Clicks on one network's share link for one article on one UTC day. */
export interface ShareClickCount {
  /** UTC calendar day, `YYYY-MM-DD`. */
  day: string;
  network: ShareNetworkId;
  clicks: number;
}

/**
 * Port for share-click counting; src/adapters/d1-share-click-store.ts implements it over D1. It holds
 * counts only: no cookie, IP address or user agent is ever part of a click.
 */
export interface ShareClickStore {
  /** Adds one click for (article, network, day). */
  record(articleId: string, network: ShareNetworkId, day: string): Promise<void>;
  /** Counts of an article between two days inclusive (either open), ordered by day then network. */
  counts(articleId: string, range?: { from?: string; to?: string }): Promise<ShareClickCount[]>;
}

/** The UTC day a click is counted on. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && utcDay(at) === value;
}

export interface ShareStats {
  total: number;
  /** Totals per network over the range. */
  networks: Partial<Record<ShareNetworkId, number>>;
  /** One entry per day that had clicks, oldest first, with the clicks per network. */
  days: { day: string; total: number; networks: Partial<Record<ShareNetworkId, number>> }[];
}

/** Groups raw counts into totals per network and per day, for the stats API. */
export function summariseClicks(counts: ShareClickCount[]): ShareStats {
  const stats: ShareStats = { total: 0, networks: {}, days: [] };
  const byDay = new Map<string, ShareStats['days'][number]>();
  for (const { day, network, clicks } of [...counts].sort((a, b) => a.day.localeCompare(b.day))) {
    stats.total += clicks;
    stats.networks[network] = (stats.networks[network] ?? 0) + clicks;
    let entry = byDay.get(day);
    if (!entry) {
      entry = { day, total: 0, networks: {} };
      byDay.set(day, entry);
      stats.days.push(entry);
    }
    entry.total += clicks;
    entry.networks[network] = (entry.networks[network] ?? 0) + clicks;
  }
  return stats;
}
