export * from './override-store';
export * from './social-fields';
export * from './crawler-refresh';
