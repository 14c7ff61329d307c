export * from './crawler-family';
export * from './metrics';
export * from './photo-failures';
export * from './rate-limits';
