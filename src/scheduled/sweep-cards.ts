import { createServices } from '../services';
import type { SweepReport } from '../services/cards';

/**
 * The Cron Trigger (wrangler.toml `[triggers]`): removes R2 cards no current article points to, in
 * bounded batches, and logs what it removed. Card URLs are built from PUBLIC_URL, never this origin.
 */
export async function sweepStoredCards(env: Env, bounds?: { pageSize: number; maxPages: number }): Promise<SweepReport | undefined> {
  const report = await createServices(env, { origin: 'https://presscard.invalid' }).cards.sweep(bounds);
  console.log(JSON.stringify({ event: 'cards-swept', ...(report ?? { skipped: 'no CARDS binding' }) }));
  return report;
}
