export * from './article';
export * from './article-store';
export * from './locale';
export * from './visibility';
export { cleanString, textField } from './article-fields';
export * from './photo-host';
