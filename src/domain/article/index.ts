export * from './article';
export * from './article-store';
export * from './locale';
export * from './visibility';
export * from './photo-host';
