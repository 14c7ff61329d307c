export * from './extract-article';
export * from './extracted-id';
export * from './extraction-store';
export * from './json-ld';
export * from './language';
export * from './page-signals';
