export * from './mastodon-instance';
export * from './share-bar-model';
export * from './share-click-store';
export * from './share-labels';
export * from './share-links';
export * from './share-text';
