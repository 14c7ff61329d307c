export * from './charset';
export * from './edge-config';
export * from './edge-route';
export * from './etag';
export * from './pass-through';
