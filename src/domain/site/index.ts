export * from './site-config';
export * from './url-patterns';
