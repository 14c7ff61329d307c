import type { AppContext } from '../app-context';
import { NotFoundPage } from '../../templates/pages/not-found-page';

/** The HTML 404 of reader-facing routes (article pages, embed links), briefly cached. */
export function notFoundPage(c: AppContext) {
  return c.html(<NotFoundPage config={c.var.config} />, 404, { 'cache-control': 'public, max-age=60' });
}
