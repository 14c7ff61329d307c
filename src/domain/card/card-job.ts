import type { CardVariant } from './card-variants';

/**
 * Messages on the render queue. `render`: make sure R2 holds this card (published article, current
 * hash), then drop the article's older cards of that variant. `purge`: remove an unpublished or
 * deleted article's cards.
 */
export type CardJob =
  | {
      type: 'render';
      articleId: string;
      variant: CardVariant;
      hash: string;
      /** Origin of the request that queued the job: photos served by this service are read from there. */
      origin: string;
    }
  | { type: 'purge'; articleId: string };
