export { createEdgeService, type EdgeService } from './edge-service';
export { createExtraction, type Extraction } from './extraction';
export type { RewriteOptions } from './rewrite-stream';
export { forgettingOnWrite, overridesForgettingOnWrite, rememberArticlesByUrl } from './remembered-articles';
