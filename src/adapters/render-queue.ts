import type { CardJob } from '../domain/card';
import type { CardJobQueue } from '../domain/publishing';

/** Queues accept at most 100 messages per sendBatch (https://developers.cloudflare.com/queues/platform/limits/). */
const MAX_BATCH = 100;

/** The `RENDER_QUEUE` producer binding as a CardJobQueue. */
export function createCardJobQueue(queue: Queue<CardJob>): CardJobQueue {
  return {
    async send(jobs) {
      for (let i = 0; i < jobs.length; i += MAX_BATCH) {
        await queue.sendBatch(jobs.slice(i, i + MAX_BATCH).map((body) => ({ body, contentType: 'json' as const })));
      }
    },
  };
}
