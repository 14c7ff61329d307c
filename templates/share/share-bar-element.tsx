import type { FC } from 'hono/jsx';
import type { ShareBarModel } from '../../src/domain/share';
import { ShareBar } from './share-bar';

/**
 * The bar as a page of this service shows it: rendered inside `<presscard-share>` so it works with
 * JavaScript off, and enhanced by /share-bar.js when scripts run.
 */
export const ShareBarElement: FC<{ model: ShareBarModel; script: string }> = ({ model, script }) => (
  <>
    <presscard-share article={model.articleId}>
      <ShareBar model={model} />
    </presscard-share>
    <script src={script} defer></script>
  </>
);
