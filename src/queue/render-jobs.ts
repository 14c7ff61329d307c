import type { CardJob } from '../domain/card';
import { createServices, type ServiceOptions } from '../services';
import type { JobOutcome } from '../services/cards';

export type { JobOutcome };

/**
 * Carries out one job with the services built from the bindings (src/services). A render job runs
 * with the origin the article was written through, so photos this service serves are read from
 * ASSETS. Throws to have the queue retry (render or storage failure).
 */
export function runCardJob(job: CardJob, env: Env, options: Omit<ServiceOptions, 'origin'> = {}): Promise<JobOutcome> {
  const origin = job.type === 'render' ? job.origin : 'https://presscard.invalid';
  return createServices(env, { ...options, origin }).cards.runJob(job);
}

/** The queue consumer: each message acknowledged on success, retried with back-off on failure. */
export async function consumeCardJobs(batch: MessageBatch<CardJob>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    try {
      const outcome = await runCardJob(message.body, env);
      console.log(JSON.stringify({ event: 'card-job', job: message.body, outcome, attempts: message.attempts }));
      message.ack();
    } catch (err) {
      console.warn(JSON.stringify({ event: 'card-job-failed', job: message.body, attempts: message.attempts, reason: String(err) }));
      message.retry({ delaySeconds: Math.min(300, 10 * 2 ** (message.attempts - 1)) });
    }
  }
}
